"""The folder bundle and shared links on any PC, and the browser conventions staff expect
(issue 13): the extract-first notice, links meant for other people, Back in a decision tree,
focus that stays visible, the backup reminder, and search that guides."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pytest
from playwright.sync_api import Page, expect

from .conftest import CHROMIUM_ARGS
from .widgets import SITE_ID, STORE_KEY, progress_file

pytestmark = pytest.mark.browser

QUESTION = ".dx-tree [data-role=question]"
EXPORTED_KEY = f"dx:{SITE_ID}:exported"


def test_a_page_opened_without_its_folder_says_to_extract_first(browser, builds, tmp_path):
    alone = tmp_path / "index.html"  # what Explorer hands the browser from inside a zip
    shutil.copy(builds.offline / "index.html", alone)
    context = browser.new_context(locale="ja-JP", viewport={"width": 1366, "height": 768})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page = context.new_page()
    page.goto(alone.as_uri())
    notice = page.locator(".dx-extract-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("zipを展開してから、展開したフォルダーの index.html を開いてください")
    assert notice.bounding_box()["y"] < 200  # near the top, not below a giant icon
    page.goto((builds.offline / "index.html").as_uri())
    expect(page.locator(".dx-extract-notice")).to_be_hidden()
    context.close()


def build_assignment(page: Page, site) -> None:
    page.goto(site.url("curriculum/assign.md"))
    page.get_by_label("指示名 *").fill("令和8年度 事前学習")
    page.get_by_label("発行する所属 *").fill("総務部 職員課")
    page.get_by_label("期限 *").fill("2027-01-29")
    page.locator("#dx-assign-module-people-and-careers").check()
    page.get_by_role("button", name="受講指示をつくる").click()
    expect(page.locator("[data-role=code]")).not_to_be_empty()


def test_links_meant_for_others_use_the_shared_address_or_say_they_work_only_here(page, site, guard):
    build_assignment(page, site)
    code = page.locator("[data-role=code]").inner_text().strip()
    sheet = page.locator(".dx-sheet")
    expect(sheet.locator("[data-role=sheet-code]")).to_have_text(code)
    warning = page.locator(".dx-assign [data-role=local-only]")
    if site.kind == "served":  # built with DX_SITE_URL: links use it
        shared = page.locator('meta[name="dx-share-url"]').get_attribute("content")
        link = page.locator("[data-role=link]").input_value()
        assert link.startswith(shared + "curriculum/my-learning/#code=" + code)
        expect(sheet.locator("[data-role=sheet-link]")).to_have_text(link.replace("%20", " ").split("&name=")[0] + "&name=令和8年度 事前学習&section=総務部 職員課")
        expect(warning).to_be_hidden()
    else:  # file:// and no shared address: say so, offer the code
        expect(warning).to_be_visible()
        expect(warning).to_contain_text("このパソコンでしか開けません")
        expect(page.locator("[data-role=link-box]")).to_be_hidden()
        expect(page.locator(".dx-assign [data-role=code]")).to_be_visible()
    page.emulate_media(media="print")
    assert "file:" not in sheet.inner_text()
    page.emulate_media(media="screen")

    # The tree's result: the shared address, or the answers as text.
    page.goto(site.url("decisions/rpa-now.md", "rpa-now=standard-area.no/will-change.no/data-linkage.no"))
    expect(page.locator(".dx-tree [data-role=result-title]")).to_contain_text("結論")
    local = page.locator(".dx-tree [data-role=local-only]")
    if site.kind == "served":
        expect(local).to_be_hidden()
        assert page.locator("[data-role=permalink]").get_attribute("href") == page.url
    else:
        expect(local).to_be_visible()
        expect(page.locator("[data-role=permalink-line]")).to_be_hidden()
        text = page.get_by_label("同僚に送る文面(答えと結論)").input_value()
        assert text.startswith("判断ツリー: 今、RPAを進めてよいですか")
        assert "答え: いいえ、本当に変わらない" in text and "結論: 条件付きで進める" in text
        assert "file:" not in text
    guard.assert_clean()


def test_back_and_forward_step_through_the_answers_of_a_tree(page, site, guard):
    page.goto(site.url("decisions/index.md"))
    # Arrive by a link, as staff do: on the served build Material's instant navigation runs.
    page.locator(".md-content a[href*='rpa-now']").first.click()
    expect(page.locator(QUESTION)).to_contain_text("標準化の対象業務")
    for option in ("no", "no", "no"):
        page.locator(f".dx-tree input[value='{option}']").check()
        page.get_by_role("button", name="次へ").click()
    expect(page.locator(".dx-tree [data-role=result-title]")).to_have_text("結論: 条件付きで進める")

    page.evaluate("() => history.back()")
    expect(page.locator(QUESTION)).to_contain_text("データを直接受け渡せませんか")
    page.evaluate("() => history.back()")
    expect(page.locator(QUESTION)).to_contain_text("数年のうちに変わる")
    # The first question's answer is kept (in the URL); the second shows the answer given.
    assert page.evaluate("() => decodeURIComponent(location.hash)") == "#rpa-now=standard-area.no"
    expect(page.locator(".dx-tree input[value='no']")).to_be_checked()

    page.evaluate("() => history.forward()")
    expect(page.locator(QUESTION)).to_contain_text("データを直接受け渡せませんか")
    expect(page.locator(".dx-tree input[value='no']")).to_be_checked()
    page.evaluate("() => history.forward()")
    expect(page.locator(".dx-tree [data-role=result-title]")).to_have_text("結論: 条件付きで進める")

    # Leaving the tree and coming back keeps the place.
    page.goto(site.url("progress.md"))
    page.go_back()
    expect(page.locator(".dx-tree [data-role=result-title]")).to_have_text("結論: 条件付きで進める")
    page.evaluate("() => history.back()")
    expect(page.locator(QUESTION)).to_contain_text("データを直接受け渡せませんか")
    guard.assert_clean()


# What is wrong with where the focused element is, once transitions have ended: hidden,
# outside the viewport, or entirely under something else (WCAG 2.4.7, 2.4.11); '' if nothing.
FOCUS_PROBLEM = """(el) => {
  el = el || document.activeElement;
  if (!el || el === document.body) return null;
  // Transitions that decide what is seen: the element's own (and its ancestors'), overlays.
  const running = document.getAnimations().filter(a => {
    const t = a.effect && a.effect.target;
    if (/color|shadow|outline/.test(a.transitionProperty || '')) return false;
    return t && (t.contains(el) || t.matches('.md-overlay, .md-search__overlay, .md-sidebar, .md-nav'));
  });
  // Jump them to their end, which is what waiting would show (and ~15x quicker).
  running.forEach(a => { try { a.finish(); } catch (e) { /* an endless one: judged as it is */ } });
  const r = el.getBoundingClientRect();
  const name = el.tagName + ' ' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30);
  if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return 'hidden: ' + name;
  if (!(r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth))
    return 'off-screen: ' + name + ' at ' + [r.left, r.top].map(Math.round);
  const mine = t => t && (el === t || el.contains(t) || t.contains(el) || [...(el.labels || [])].some(l => l.contains(t)));
  const points = [...el.getClientRects()].slice(0, 3).concat([r]).map(b => [b.left + b.width / 2, b.top + b.height / 2])
    .concat([[r.left + 4, r.bottom - 4], [r.right - 4, r.bottom - 4]])
    .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
  if (points.length && points.every(([x, y]) => !mine(document.elementFromPoint(x, y)))) return 'covered: ' + name;
  return '';
}"""
# Every element in the Tab order, focused in turn as Tab would (it scrolls into view); the
# problems of those that take focus. Quicker than pressing Tab a few hundred times.
FOCUS_SWEEP = """(check) => {
  check = eval(check);
  const candidates = [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
    .filter(el => el.tabIndex >= 0 && !el.disabled);
  const problems = [];
  let focused = 0;
  for (const el of candidates) {
    el.focus();
    if (document.activeElement !== el) continue;  // not focusable: hidden, inert, ...
    focused++;
    const problem = check(el);
    if (problem) problems.push(problem);
  }
  return [focused, problems];
}"""
# One page of each type.
PAGE_TYPES = [
    "index.md",
    "steps/step-1.md",
    "checklists/step-1.md",
    "faq/rpa-now.md",
    "decisions/rpa-now.md",
    "progress.md",
    "glossary.md",
    "curriculum/index.md",
    "curriculum/modules/people-and-careers.md",
    "curriculum/assign.md",
    "curriculum/my-learning.md",
]


def tab_through(page: Page, limit: int = 60) -> tuple[int, list[str]]:
    """Tab until focus comes round again; every focused element's problem, if any."""
    problems, first, seen = [], None, 0
    for _ in range(limit):
        page.keyboard.press("Tab")
        problem = page.evaluate(FOCUS_PROBLEM)
        if problem is None:
            continue
        where = page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)")
        if where == first:
            return seen, problems
        first = first or where
        seen += 1
        if problem:
            problems.append(problem)
    raise AssertionError("focus never came round again")


def test_focus_stays_visible_at_200_percent_zoom_and_on_a_phone(browser, served):
    context = browser.new_context(locale="ja-JP", viewport={"width": 683, "height": 384})
    page = context.new_page()
    failures = {}
    # Real Tab presses through a page with a widget: the closed drawer takes none of them.
    page.goto(served.url("decisions/rpa-now.md"))
    seen, problems = tab_through(page)
    assert 5 < seen < 20 and problems == [], (seen, problems)
    for path in PAGE_TYPES:
        page.goto(served.url(path))
        focused, problems = page.evaluate(FOCUS_SWEEP, FOCUS_PROBLEM)
        assert focused > 3, path
        if problems:
            failures[path] = problems
    # The drawer opens from the keyboard, its sections too, and closes with Escape.
    page.goto(served.url("checklists/step-1.md"))
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "メニュー"
    page.keyboard.press("Enter")
    expect(page.locator("#__drawer")).to_be_checked()
    page.keyboard.press("Enter")  # the open section's title: back to the whole menu
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "チェックリスト"
    for _ in range(3):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS_PROBLEM) == ""
    page.keyboard.press("Escape")
    expect(page.locator("#__drawer")).not_to_be_checked()
    context.close()
    for width, height in ((1366, 768), (390, 844)):
        context = browser.new_context(locale="ja-JP", viewport={"width": width, "height": height})
        page = context.new_page()
        for path in ("decisions/rpa-now.md",):
            page.goto(served.url(path))
            focused, problems = page.evaluate(FOCUS_SWEEP, FOCUS_PROBLEM)
            if problems:
                failures[f"{path} at {width}px"] = problems
        context.close()
    assert failures == {}


@pytest.mark.parametrize("site", ["file"], indirect=True)
def test_a_reminder_to_save_progress_appears_after_the_configured_days(page, site, guard):
    page.goto(site.url("about.md"))
    eight_days_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(days=8)).isoformat().replace("+00:00", "Z")
    six_days_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(days=6)).isoformat().replace("+00:00", "Z")
    seeded = progress_file({"checklist/step-1/look-ahead": {"value": True, "at": six_days_ago}})
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE_KEY, json.dumps(seeded)])
    page.goto(site.url("checklists/step-1.md"))
    expect(page.locator(".dx-checklist")).to_be_visible()
    expect(page.locator(".dx-backup-reminder")).to_have_count(0)  # 6 days < 7 (mkdocs.yml)

    seeded["items"]["checklist/step-0/shared-reason"] = {"value": True, "at": eight_days_ago}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE_KEY, json.dumps(seeded)])
    page.goto(site.url("about.md"))  # no widget: no reminder
    expect(page.locator(".dx-backup-reminder")).to_have_count(0)
    page.goto(site.url("checklists/step-1.md"))
    reminder = page.locator(".dx-backup-reminder")
    expect(reminder).to_contain_text("進捗をまだファイルに保存していません")
    with page.expect_download() as download:
        reminder.get_by_role("button", name="バックアップを保存").click()
    saved = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert saved["items"]["checklist/step-0/shared-reason"]["value"] is True
    expect(reminder.locator("[role=status]")).to_contain_text("バックアップを保存しました")
    assert page.evaluate(f"() => localStorage.getItem('{EXPORTED_KEY}')")

    page.reload()
    expect(page.locator(".dx-checklist")).to_be_visible()
    expect(page.locator(".dx-backup-reminder")).to_have_count(0)
    page.goto(site.url("progress.md"))
    expect(page.locator("[data-role=last-export]")).to_have_text(
        re.compile(r"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}$")
    )
    guard.assert_clean()


@pytest.mark.parametrize("site", ["served"], indirect=True)
def test_search_leaves_out_controls_shows_kinds_spreads_pages_and_guides_on_no_hit(page, site, guard):
    page.goto(site.url("index.md"))
    page.evaluate("() => new Promise(done => DXSearch.load(done))")
    search = page.locator("#dx-search-input")
    search.click()
    search.fill("RPA")
    expect(page.locator(".dx-search .md-search-result__item").first).to_be_visible()
    results = page.locator(".dx-search .md-search-result__list")
    for label in ("前の問いに戻る", "答えを一つ選んでください", "この結果へのリンク", "次へ"):
        assert label not in results.inner_text()
    kinds = page.locator(".dx-search-result__kind").all_inner_texts()
    assert {"判断ツリー", "よくある質問"} <= set(kinds)

    pages = page.evaluate("() => DXSearch.locations('いつもの業者').slice(0, 5).map(l => l.split('#')[0])")
    assert max(pages.count(p) for p in pages) <= 2

    search.fill("標準化 ほげほげ")
    suggest = page.locator(".dx-search-suggest")
    expect(suggest).to_be_visible()
    expect(suggest.get_by_role("link", name="用語集で言葉を調べる")).to_be_visible()
    expect(suggest.get_by_role("link", name="よくある質問の一覧を見る")).to_be_visible()
    suggest.get_by_role("button", name=re.compile("^「標準化」で探す")).click()
    expect(search).to_have_value("標準化")
    expect(page.locator(".dx-search .md-search-result__item").first).to_be_visible()

    # "/" can be switched off, and stays off on the next page.
    page.get_by_label("「/」キーで検索欄に移動する").uncheck()
    page.goto(site.url("about.md"))
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.id") != "dx-search-input"
    page.locator(".md-search__input").focus()
    page.get_by_label("「/」キーで検索欄に移動する").check()
    page.locator(".md-content a").first.focus()
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.id") == "dx-search-input"
    guard.assert_clean()
