"""The worksheet widget, as a user goes through it, in both builds: fill, reload, axe, print
filled and blank on A4, export and import through 「わたしの進捗」, and the blank sheet
printed without JavaScript."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from .conftest import ON_THE_BUNDLE, assert_axe_clean
from .widgets import HeldScript, back_after_the_record_changed, record

SHEET = "worksheets/priority-rules.md"
AGREED = "worksheet/priority-rules/agreed"
WEIGHT = "worksheet/priority-rules/criteria/1/weight"
A4_PORTRAIT = (595, 842)


def page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    boxes = re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf)
    return [(round(float(w)), round(float(h))) for w, h in boxes]


def printed_on_a4(page, most: int) -> list[tuple[int, int]]:
    sizes = page_sizes(page.pdf(prefer_css_page_size=True))
    assert 1 <= len(sizes) <= most and set(sizes) == {A4_PORTRAIT}, sizes
    return sizes


def test_fill_reload_print_export_import_and_print_blank_without_javascript(page, site, guard, axe, browser, tmp_path):
    page.goto(site.url(SHEET))
    agreed = page.get_by_label("合意した人・部門と日付")
    weight = page.locator(f"[data-key='{WEIGHT}']")
    feedback = page.locator(".dx-worksheet [data-role=feedback]")
    agreed.fill("11月25日 企画課・財政課で合意\n人事課は次回")
    weight.fill("3")
    weight.press("Tab")  # change: saved and announced beside the print buttons
    expect(feedback).to_have_text("「基準(1行目・重み)」を保存しました。")
    expect(feedback).to_have_attribute("role", "status")
    items = record(page)["items"]
    assert items[AGREED]["value"] == "11月25日 企画課・財政課で合意\n人事課は次回"
    assert items[WEIGHT]["value"] == "3"

    page.reload()
    expect(agreed).to_have_value("11月25日 企画課・財政課で合意\n人事課は次回")
    expect(weight).to_have_value("3")
    assert_axe_clean(axe, page, guard)

    # Printing: the buttons choose what prints; the dialog itself is not part of the test.
    page.evaluate("() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }")
    page.get_by_role("button", name="書いた内容を印刷する").click()
    page.emulate_media(media="print")
    expect(agreed).to_be_hidden()
    expect(page.locator("[data-role=print-value]").filter(has_text="人事課は次回")).to_be_visible()
    expect(page.locator(".dx-worksheet [data-role=printed]")).to_contain_text("印刷日: 令和")
    expect(page.locator(".dx-worksheet__about")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    printed_on_a4(page, 3)
    page.emulate_media(media="screen")
    page.get_by_role("button", name="白紙で印刷する").click()
    page.emulate_media(media="print")
    expect(agreed).to_be_visible()
    assert agreed.evaluate("el => getComputedStyle(el).webkitTextFillColor") == "rgba(0, 0, 0, 0)"
    expect(page.locator("[data-role=print-value]").first).to_be_hidden()
    printed_on_a4(page, 3)
    assert page.evaluate("() => window.__printed") == 2
    page.emulate_media(media="screen")

    # わたしの進捗: the JSON carries the sheet, the CSV reads as labels and text, import restores.
    page.goto(site.url("progress.md"))
    with page.expect_download() as download:
        page.get_by_role("button", name="一覧を書き出す(CSV・Excel用)").click()
    lines = download.value.path().read_bytes().decode("utf-8-sig").split("\r\n")
    row = next(line for line in lines if WEIGHT in line)
    assert row.startswith('"ワークシート","優先順位の決め方シート","判断の基準と重み: 基準(1行目・重み)","3",')
    with page.expect_download() as download:
        page.get_by_role("button", name="記録を書き出す(JSON)").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    before = record(page)["items"]
    assert json.loads(exported.read_text(encoding="utf-8"))["items"] == before
    page.evaluate("() => localStorage.clear()")
    page.reload()
    page.locator("[data-role=import]").set_input_files(exported)
    expect(page.locator("[data-role=status]")).to_contain_text("読み込みました")
    assert record(page)["items"] == before
    page.goto(site.url(SHEET))
    expect(agreed).to_have_value("11月25日 企画課・財政課で合意\n人事課は次回")
    expect(weight).to_have_value("3")
    guard.assert_clean()

    # Without JavaScript: a blank sheet that prints on A4, without the noscript note.
    context = browser.new_context(java_script_enabled=False, locale="ja-JP")
    bare = context.new_page()
    bare.goto(site.url(SHEET))
    expect(bare.locator(".dx-worksheet .dx-noscript")).to_be_visible()
    expect(bare.get_by_role("button", name="白紙で印刷する")).to_be_hidden()
    bare.emulate_media(media="print")
    expect(bare.get_by_label("合意した人・部門と日付")).to_be_visible()
    expect(bare.get_by_label("合意した人・部門と日付")).to_have_value("")
    expect(bare.locator(".dx-worksheet .dx-noscript")).to_be_hidden()
    expect(bare.locator(".dx-worksheet__printed")).to_contain_text("記入者")
    printed_on_a4(bare, 3)
    context.close()


@pytest.mark.parametrize("site", ["served"], indirect=True)
def test_text_typed_before_the_script_runs_is_kept_and_saved(page, site, guard):
    # A slow PC: the sheet is on screen and the user writes before worksheet.js has run.
    script = HeldScript(page, "worksheet.js")
    page.goto(site.url(SHEET), wait_until="commit")
    field = page.locator(f"[data-key='{AGREED}']")
    field.fill("先に書いた一行")
    page.locator(f"[data-key='{WEIGHT}']").focus()  # and moved on
    script.release()
    expect(page.locator(".dx-worksheet[data-module-started]")).to_have_count(1)
    expect(field).to_have_value("先に書いた一行")
    assert record(page)["items"][AGREED]["value"] == "先に書いた一行"
    guard.assert_clean()


@ON_THE_BUNDLE
def test_back_to_the_sheet_shows_the_stored_text_not_the_browsers_remembered_form(page, site):
    # As for checklists: going back, the text the browser remembers must not replace newer text.
    page.goto(site.url(SHEET))
    field = page.locator(f"[data-key='{AGREED}']")
    field.fill("古い文")
    field.blur()
    assert record(page)["items"][AGREED]["value"] == "古い文"  # saved on leaving the field
    back_after_the_record_changed(page, site, AGREED, "新しい文", started=".dx-worksheet")
    assert field.input_value() == "新しい文"
