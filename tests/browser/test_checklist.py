"""Checklists and the progress store, on the served site and on the file:// bundle."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.project import learning_total

from .conftest import ON_THE_BUNDLE, axe_violations
from .excel import excel_rows
from .widgets import DISABLE_STORAGE, STORE_KEY, HeldScript, back_after_the_record_changed, progress_file, record, storage_keys, write_json

pytestmark = pytest.mark.browser

STEP1 = "checklists/step-1.md"
BOX = "#dx-cl-step-1-agree-how-to-prioritise"
KEY = "checklist/step-1/agree-how-to-prioritise"


def tick(page, selector=BOX):
    page.locator(selector).check()


def test_a_tick_shows_progress_and_is_announced(page, site, guard):
    page.goto(site.url(STEP1))
    count = page.locator(".dx-checklist [data-role=count]")
    expect(count).to_have_text("0 / 12 完了")
    tick(page)
    expect(count).to_have_text("1 / 12 完了")
    expect(page.locator(".dx-checklist progress")).to_have_attribute("value", "1")
    expect(page.locator(".dx-checklist [role=status][data-role=live]")).to_contain_text("完了にしました")
    assert record(page)["items"][KEY]["value"] is True
    guard.assert_clean()


@pytest.mark.parametrize("site", ["served"], indirect=True)
def test_a_box_ticked_before_the_script_runs_is_kept_and_saved(page, site, guard):
    # A slow PC: the list is on screen and a box is ticked before checklist.js has run.
    script = HeldScript(page, "checklist.js")
    page.goto(site.url(STEP1), wait_until="commit")
    page.locator(BOX).check()
    script.release()
    expect(page.locator(".dx-checklist[data-module-started]")).to_have_count(1)
    expect(page.locator(BOX)).to_be_checked()
    expect(page.locator(".dx-checklist [data-role=count]")).to_have_text("1 / 12 完了")
    assert record(page)["items"][KEY]["value"] is True
    guard.assert_clean()


@ON_THE_BUNDLE
def test_back_to_the_list_shows_the_stored_state_not_the_browsers_remembered_form(page, site):
    # Going back, Chromium puts the form back as it was when left; the list must not take that
    # for a new tick and undo a change made since.
    page.goto(site.url(STEP1))
    tick(page)
    back_after_the_record_changed(page, site, KEY, False, started=".dx-checklist")
    assert page.locator(BOX).is_checked() is False
    assert record(page)["items"][KEY]["value"] is False


@ON_THE_BUNDLE
def test_a_tick_survives_a_reload(page, site):
    page.goto(site.url(STEP1))
    tick(page)
    page.reload()
    expect(page.locator(BOX)).to_be_checked()
    expect(page.locator(".dx-checklist [data-role=count]")).to_have_text("1 / 12 完了")


def test_a_tick_survives_navigating_away_and_back(page, site, guard):
    page.goto(site.url(STEP1))
    page.evaluate("() => { window.__samePage = true; }")
    tick(page)
    page.locator(".md-sidebar--primary a", has_text="わたしの進捗").first.click()
    expect(page.locator("h1")).to_contain_text("わたしの進捗")
    expect(page.locator("tr[data-keys*='checklist/step-1/'] [data-role=done]")).to_have_text("1")
    page.go_back()
    expect(page.locator("h1")).to_contain_text("ステップ1 チェックリスト")
    expect(page.locator(BOX)).to_be_checked()
    if site.kind == "served":
        # Material's instant navigation swapped the content without a reload.
        assert page.evaluate("() => window.__samePage === true")
    guard.assert_clean()


def test_a_tick_survives_closing_and_reopening_the_browser(reopenable, site):
    context = reopenable()
    page = context.new_page()
    page.goto(site.url(STEP1))
    tick(page)
    context.close()
    page = reopenable().new_page()
    page.goto(site.url(STEP1))
    expect(page.locator(BOX)).to_be_checked()


@ON_THE_BUNDLE
def test_with_storage_disabled_the_list_works_and_says_so(context, site, guard):
    context.add_init_script(DISABLE_STORAGE)
    page = context.new_page()
    page.goto(site.url(STEP1))
    notice = page.locator(".dx-checklist [data-role=notice]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("進捗を保存できません")
    tick(page)
    expect(page.locator(".dx-checklist [data-role=count]")).to_have_text("1 / 12 完了")
    guard.assert_clean()


@ON_THE_BUNDLE
def test_a_corrupted_record_is_set_aside_and_reported(page, site):
    page.goto(site.url(STEP1))
    page.evaluate(f"() => localStorage.setItem({json.dumps(STORE_KEY)}, '{{\"format\": broken')")
    page.reload()
    notice = page.locator(".dx-checklist [data-role=notice]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("壊れていた")
    backups = [k for k in storage_keys(page) if k.startswith(STORE_KEY + ":backup:")]
    assert len(backups) == 1
    assert page.evaluate(f"() => localStorage.getItem({json.dumps(backups[0])})") == '{"format": broken'
    # The list still works, on a fresh record.
    tick(page)
    assert record(page)["items"][KEY]["value"] is True
    page.goto(site.url("progress.md"))
    expect(page.locator("[data-role=backups] button")).to_have_count(1)


@ON_THE_BUNDLE
def test_reset_asks_first(page, site):
    page.goto(site.url(STEP1))
    tick(page)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="リセット").click()
    expect(page.locator(BOX)).to_be_checked()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="リセット").click()
    expect(page.locator(BOX)).not_to_be_checked()
    expect(page.locator(".dx-checklist [data-role=count]")).to_have_text("0 / 12 完了")
    expect(page.locator(".dx-checklist [data-role=feedback]")).to_contain_text("チェックをすべて外しました")  # beside the button
    assert record(page)["items"][KEY]["value"] is False


@ON_THE_BUNDLE
def test_keyboard_alone_ticks_a_box(page, site):
    page.goto(site.url(STEP1))
    page.locator("#dx-cl-step-1-purpose-for-each-role").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the 根拠を読む link
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator(".dx-checklist [data-role=count]")).to_have_text("2 / 12 完了")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


@ON_THE_BUNDLE
def test_without_javascript_the_list_is_a_printable_list(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url(STEP1))
    expect(page.locator(".dx-checklist input[type=checkbox]")).to_have_count(12)
    expect(page.locator(".dx-checklist__item label").first).to_be_visible()
    expect(page.locator(".dx-checklist progress")).to_be_hidden()
    expect(page.locator(".dx-noscript").first).to_be_visible()
    expect(page.get_by_role("button", name="リセット")).to_be_hidden()
    context.close()


@ON_THE_BUNDLE
def test_print_view_shows_ticks_and_the_date(page, site):
    page.goto(site.url(STEP1))
    tick(page)
    page.emulate_media(media="print")
    printed = page.locator(".dx-checklist [data-role=printed]")
    expect(printed).to_be_visible()
    expect(printed).to_contain_text("印刷日: 令和")
    expect(printed).to_contain_text("1 / 12 完了")
    expect(page.locator(BOX)).to_be_checked()
    expect(page.get_by_role("button", name="リセット")).to_be_hidden()


@ON_THE_BUNDLE
def test_export_clear_import_restores_exactly(page, site, tmp_path):
    page.goto(site.url(STEP1))
    tick(page)
    tick(page, "#dx-cl-step-1-look-ahead")
    page.locator("#dx-cl-step-1-look-ahead").uncheck()
    before = record(page)["items"]
    page.goto(site.url("progress.md"))
    with page.expect_download() as download:
        page.get_by_role("button", name="記録を書き出す(JSON)").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["items"] == before

    page.evaluate("() => localStorage.clear()")
    page.reload()
    expect(page.locator("tr[data-keys*='checklist/step-1/'] [data-role=done]")).to_have_text("0")
    page.locator("[data-role=import]").set_input_files(exported)
    expect(page.locator("[data-role=status]")).to_contain_text("読み込みました。2 件")
    assert record(page)["items"] == before
    expect(page.locator("tr[data-keys*='checklist/step-1/'] [data-role=done]")).to_have_text("1")


@ON_THE_BUNDLE
def test_import_merges_and_the_newest_change_wins(page, site, tmp_path):
    page.goto(site.url(STEP1))
    tick(page)  # now, so newer than the file's entry below
    older = {KEY: {"value": False, "at": "2020-01-01T00:00:00.000Z"}}
    newer = {"checklist/step-1/look-ahead": {"value": True, "at": "2030-01-01T00:00:00.000Z"}}
    removed = {"checklist/step-1/an-item-removed-later": {"value": True, "at": "2021-01-01T00:00:00.000Z"}}
    upload = write_json(tmp_path / "other-pc.json", progress_file({**older, **newer, **removed}))
    page.goto(site.url("progress.md"))
    page.locator("[data-role=import]").set_input_files(upload)
    expect(page.locator("[data-role=status]")).to_contain_text("2 件の項目を更新しました")
    items = record(page)["items"]
    assert items[KEY]["value"] is True
    assert items["checklist/step-1/look-ahead"]["value"] is True
    assert items["checklist/step-1/an-item-removed-later"]["value"] is True


HOSTILE = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("script-site.json", progress_file({}, site=HOSTILE), "別のサイト"),
        ("script-key.json", progress_file({HOSTILE: {"value": True, "at": "2026-01-01T00:00:00Z"}}), "項目の名前が正しくありません"),
        ("wrong-format.json", {"format": "something-else", "items": {}}, "このサイトの進捗記録ではありません"),
        ("future-version.json", progress_file({}, version=2), "対応していない版"),
        ("not-json.json", "<html><script>window.__pwned=3</script></html>", "JSONとして読み取れない"),
    ],
)
@ON_THE_BUNDLE
def test_a_hostile_or_foreign_file_is_refused_as_plain_text(page, site, tmp_path, name, content, message):
    page.goto(site.url(STEP1))
    tick(page)
    before = record(page)
    page.goto(site.url("progress.md"))
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    page.locator("[data-role=import]").set_input_files(path)
    status = page.locator("[data-role=status]")
    expect(status).to_contain_text(message)
    expect(status).to_contain_text("今の記録は変わっていません")
    assert status.locator("*").count() == 0  # text only, no elements
    assert page.evaluate("() => window.__pwned") is None
    assert record(page) == before


@ON_THE_BUNDLE
def test_hostile_text_inside_a_valid_record_is_never_markup(page, site, tmp_path):
    upload = write_json(tmp_path / "t.json", progress_file({"checklist/step-1/x": {"value": HOSTILE, "at": "2026-01-01T00:00:00Z"}}))
    page.goto(site.url("progress.md"))
    page.locator("[data-role=import]").set_input_files(upload)
    expect(page.locator("[data-role=status]")).to_contain_text("読み込みました")
    with page.expect_download() as download:
        page.get_by_role("button", name="一覧を書き出す(CSV・Excel用)").click()
    text = download.value.path().read_bytes().decode("utf-8")
    assert HOSTILE.replace('"', '""') in text
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("img[src=x]").count() == 0


@ON_THE_BUNDLE
def test_a_file_of_several_megabytes_is_refused(page, site, tmp_path):
    big = progress_file({f"checklist/step-1/n{i}": {"value": "x" * 1000, "at": "2026-01-01T00:00:00Z"} for i in range(4000)})
    path = write_json(tmp_path / "big.json", big)
    assert path.stat().st_size > 3_000_000
    page.goto(site.url("progress.md"))
    page.locator("[data-role=import]").set_input_files(path)
    expect(page.locator("[data-role=status]")).to_contain_text("ファイルが大きすぎます")
    assert record(page) is None


@ON_THE_BUNDLE
def test_csv_export_opens_in_japanese_excel(page, site):
    page.goto(site.url(STEP1))
    tick(page)
    tick(page, "#dx-cl-step-1-look-ahead")
    page.locator("#dx-cl-step-1-look-ahead").uncheck()  # an untick is nothing done
    page.goto(site.url("progress.md"))
    # By default, what was done: the one tick and the module it belongs to.
    expect(page.get_by_label("取り組んだ項目だけ")).to_be_checked()
    with page.expect_download() as download:
        page.get_by_role("button", name="一覧を書き出す(CSV・Excel用)").click()
    expect(page.locator("[data-role=export-feedback]")).to_contain_text("取り組んだ項目、3行")
    rows = excel_rows(download.value.path().read_bytes(), times=("更新日時",), counts=("完了数", "対象数"))
    assert [(r["種類"], r["項目"]) for r in rows] == [
        ("チェックリスト", "優先順位の決め方そのものを先に合意した"),
        ("学習モジュール", "学習(修了に必要)"),
        ("学習モジュール", "実践(自己申告)"),
    ]
    # As an option, every item the site has.
    page.get_by_label("すべての項目(まだ取り組んでいない項目も含む)").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="一覧を書き出す(CSV・Excel用)").click()
    expect(page.locator("[data-role=export-feedback]")).to_contain_text("すべての項目")
    rows = excel_rows(download.value.path().read_bytes(), times=("更新日時",), counts=("完了数", "対象数"))
    assert list(rows[0]) == ["種類", "まとまり", "項目", "状態", "完了数", "対象数", "更新日時", "キー"]
    row = next(r for r in rows if r["キー"] == KEY)
    assert (row["項目"], row["状態"]) == ("優先順位の決め方そのものを先に合意した", "完了") and row["更新日時"]
    assert next(r for r in rows if r["キー"] == "checklist/step-1/look-ahead")["状態"] == "未完了"
    assert sum(1 for r in rows if r["種類"] == "チェックリスト") == 29
    # Per module, 学習 and 実践 (自己申告) counted apart: the tick is 実践 of priorities-and-plan.
    module = [r for r in rows if r["種類"] == "学習モジュール" and r["まとまり"] == "優先順位の決め方と、住民に見える計画"]
    assert [(r["項目"], r["状態"], r["完了数"], r["対象数"]) for r in module] == [
        ("学習(修了に必要)", "未完了", "0", str(learning_total("priorities-and-plan"))), ("実践(自己申告)", "", "1", "5")]


@pytest.mark.parametrize("ticked", [False, True])
def test_checklist_and_progress_pages_have_no_axe_violations(page, site, axe, ticked):
    page.goto(site.url(STEP1))
    if ticked:
        tick(page)
    assert axe_violations(axe, page) == []
    page.goto(site.url("progress.md"))
    assert axe_violations(axe, page) == []
