"""The learner's pages in a real browser (issue 24): completing a module is said where the
learner acted and at the top; editing the profile on わたしの学習 never swallows the next click.

The completion rule itself is tested in Node (tests/js/completion.test.js).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from playwright.sync_api import expect

from .conftest import ON_THE_BUNDLE, axe_violations
from .widgets import HeldScript, record

pytestmark = pytest.mark.browser

MODULE = "curriculum/modules/people-and-careers.md"
LEARNING = "curriculum/my-learning.md"
DONE = re.compile(r"^このモジュールを修了しました\(令和.+\d\d:\d\d\)。学習 \d+ 件がすべて終わりました。")


def all_but(page, last: str) -> None:
    """Records every 学習 activity of the module done except `last` (a key), as the store would."""
    page.evaluate(
        """last => {
            const spec = JSON.parse(document.querySelector('[data-module=learning-module]').dataset.spec);
            const values = {};
            spec.read.forEach(k => { values[k] = true; });
            spec.trees.forEach(t => { values['tree/' + t] = {outcome: 'x', label: '結論', answers: 'a'}; });
            spec.reflections.forEach(k => { values[k] = '答え'; });
            if (spec.selfcheck) values[spec.selfcheck.key] = {score: spec.selfcheck.max, max: spec.selfcheck.max, passed: true, answers: {}};
            delete values[last];
            DX.store.set(values);
        }""",
        last,
    )


def spec(page) -> dict:
    return page.evaluate("() => JSON.parse(document.querySelector('[data-module=learning-module]').dataset.spec)")


@ON_THE_BUNDLE
def test_completing_by_the_last_reflection_says_so_beside_it_and_at_the_top(page, site, guard):
    page.goto(site.url(MODULE))
    last = spec(page)["reflections"][-1]
    all_but(page, last)
    banner = page.locator(".dx-lmodule__status [data-role=complete-banner]")
    expect(banner).to_be_hidden()
    assert page.locator(".dx-lmodule__done").count() == 0  # a change from elsewhere places no note

    area = page.locator(f"textarea[data-key='{last}']")
    area.fill("来月、職員課と相談する")
    area.blur()
    note = page.locator(".dx-lmodule__reflection:has(textarea[data-key='" + last + "']) + .dx-lmodule__done")
    expect(note).to_be_visible()
    expect(note).to_have_text(DONE)
    expect(note.get_by_role("link", name="わたしの学習で修了記録を書き出す")).to_be_visible()
    # Where the learner is looking: the note is in view next to the answer just written.
    assert page.evaluate(
        "() => { const r = document.querySelector('.dx-lmodule__done').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    expect(banner).to_be_visible()
    expect(banner).to_have_text(DONE)
    live = page.locator(".dx-lmodule > [data-role=live]")
    expect(live).to_have_text(re.compile(r"^振り返りを保存しました。このモジュールを修了しました\(令和"))
    assert live.get_attribute("role") == "status"
    guard.assert_clean()


@ON_THE_BUNDLE
def test_completing_by_a_read_mark_says_so_in_its_item_and_unmarking_takes_it_back(page, site, guard):
    page.goto(site.url(MODULE))
    last = spec(page)["read"][0]
    all_but(page, last)
    box = page.locator(f".dx-lmodule__reads input[data-key='{last}']")
    box.check()
    item = page.locator(f".dx-lmodule__reads li[data-read='{last}']")
    expect(item.locator(".dx-lmodule__done")).to_have_text(DONE)
    live = page.locator(".dx-lmodule > [data-role=live]")
    expect(live).to_contain_text("読んだページにしました。このモジュールを修了しました")
    banner = page.locator(".dx-lmodule__status [data-role=complete-banner]")
    expect(banner).to_be_visible()
    box.uncheck()
    expect(page.locator(".dx-lmodule__done")).to_have_count(0)
    expect(banner).to_be_hidden()
    expect(live).to_contain_text("未読に戻しました。このモジュールは未完了")
    # A reload shows the state at the top, and no note (nothing was just done).
    box.check()
    page.reload()
    expect(banner).to_be_visible()
    expect(page.locator(".dx-lmodule__done")).to_have_count(0)
    guard.assert_clean()


def open_assignment(page, site) -> str:
    """Opens an assignment of two modules by its code; returns the first module's title."""
    page.goto(site.url(LEARNING))
    due = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    code, title = page.evaluate(
        """due => {
            const catalog = JSON.parse(document.querySelector('[data-module=my-learning]').dataset.catalog);
            const mods = catalog.modules.filter(m => !m.retired).slice(0, 2);
            return [DX.curriculum.encode(mods.map(m => m.number), due), mods[0].title];
        }""",
        due,
    )
    page.get_by_label("受講指示のコード").fill(code)
    page.get_by_role("button", name="コードで開く").click()
    expect(page.locator("[data-role=assignments] table")).to_be_visible()
    return title


@pytest.mark.parametrize("site", ["served"], indirect=True)
def test_a_reflection_written_before_the_script_runs_is_kept_and_saved(page, site, guard):
    # A slow PC: the module page is on screen and the learner writes before its script has run.
    script = HeldScript(page, "learning-module.js")
    page.goto(site.url(MODULE), wait_until="commit")
    area = page.locator("textarea[data-key^='reflection/']").first
    key = area.get_attribute("data-key")
    area.fill("先に書いた振り返り")
    area.press("Tab")
    script.release()
    expect(page.locator(".dx-lmodule[data-module-started]")).to_have_count(1)
    expect(area).to_have_value("先に書いた振り返り")
    expect(page.locator(f"#{area.get_attribute('id')}-state")).to_have_text("回答済み(このパソコンに保存しました)")
    assert record(page)["items"][key]["value"] == "先に書いた振り返り"
    guard.assert_clean()


@pytest.mark.parametrize("field", ["職員番号 *", "氏名 *", "所属 *"])
@ON_THE_BUNDLE
def test_the_first_click_after_editing_the_profile_follows_the_link(page, site, guard, field):
    title = open_assignment(page, site)
    link = page.locator("[data-role=assignments] th a").first
    expect(link).to_have_text(title)
    page.get_by_label(field).fill("01234" if field.startswith("職員番号") else "総務部 職員課")
    # The field loses focus as the pointer goes down on the link: one real click, no retry.
    box = link.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(r"curriculum/modules/"))
    expect(page.locator("h1")).to_contain_text(title)
    page.go_back()
    expect(page.get_by_label(field)).to_have_value("01234" if field.startswith("職員番号") else "総務部 職員課")
    guard.assert_clean()


@ON_THE_BUNDLE
def test_the_table_is_kept_while_the_profile_changes_and_redrawn_when_progress_does(page, site, guard):
    open_assignment(page, site)
    page.evaluate("() => { window.keptTable = document.querySelector('[data-role=assignments] table'); }")
    page.get_by_label("氏名 *").fill("試験 花子")
    page.get_by_label("所属 *").focus()
    page.get_by_label("所属 *").fill("総務部")
    page.get_by_label("役割", exact=True).focus()
    assert page.evaluate("() => window.keptTable === document.querySelector('[data-role=assignments] table')")
    # Progress that does change a row (here: another tab's) redraws it.
    module_id = page.locator("[data-role=assignments] tr[data-module-id]").first.get_attribute("data-module-id")
    page.evaluate(
        """id => {
            const spec = JSON.parse(document.querySelector('[data-module=my-learning]').dataset.catalog).modules.find(m => m.id === id);
            DX.store.set({[spec.read[0]]: true});
        }""",
        module_id,
    )
    expect(page.locator(f"tr[data-module-id={module_id}] [data-role=learning]")).to_have_text(re.compile(r"^1 / \d+$"))
    guard.assert_clean()


def csv_of(page) -> list[list[str]]:
    with page.expect_download() as download:
        page.get_by_role("button", name="一覧を書き出す(CSV・Excel用)").click()
    text = download.value.path().read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@ON_THE_BUNDLE
def test_progress_files_every_key_the_site_writes_under_its_kind(page, site, guard):
    open_assignment(page, site)
    page.get_by_label("職員番号 *").fill("00456")
    page.get_by_label("氏名 *").fill("試験 花子")
    page.get_by_label("氏名 *").blur()
    page.goto(site.url("progress.md"))
    rows = csv_of(page)
    header, body = rows[0], rows[1:]
    kinds = {(r[header.index("種類")], r[header.index("項目")]) for r in body}
    assert ("受講者情報", "職員番号") in kinds and ("受講者情報", "氏名") in kinds
    assigned = [r for r in body if r[header.index("種類")] == "受講指示"]
    assert len(assigned) == 1 and assigned[0][header.index("状態")].startswith("期限 ")
    assert all(r[0] != "(現在のサイトにない項目)" for r in body), body
    guard.assert_clean()


def test_progress_shows_modules_and_reads_on_a_phone(browser, site, guard, axe):
    context = browser.new_context(locale="ja-JP", viewport={"width": 390, "height": 844}, device_scale_factor=2)
    guard.attach(context)
    page = context.new_page()
    title = open_assignment(page, site)
    page.goto(site.url("progress.md"))
    summary = page.locator("[data-role=module-summary]")
    expect(summary).to_have_text("取り組んでいる、または割り当てられたモジュールは 2 件で、そのうち 0 件を修了しています。")
    rows = page.locator(".dx-progress__modules tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first.get_by_role("link")).to_have_text(title)
    expect(rows.first).to_contain_text("受講指示あり")
    expect(rows.first.locator("[data-role=learning]")).to_have_text(re.compile(r"^0 / \d+ 件$"))
    # The page is as wide as the phone, and each table's columns keep a readable width
    # (at least four characters: the unstyled tree table squeezed its verdict to one).
    assert page.evaluate("() => document.documentElement.scrollWidth") == 390
    for table in (".dx-progress__modules", ".dx-progress__trees"):
        widths = page.locator(f"{table} tbody tr:first-child > *").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().width)")
        assert min(widths) >= 56, (table, widths)
        assert page.locator(table).evaluate("t => t.getBoundingClientRect().right") <= 390
    guard.assert_clean()
    assert axe_violations(axe, page) == []
    context.close()
