"""Decision trees, on the served site and on the file:// bundle: walked with the keyboard,
answers kept in the URL, back and 「変更」 keeping the other answers, results that reopen
from a link, the outline without JavaScript, and axe at every stage."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dxcourse import COLLECTIONS
from dxcourse.decision_tree import paths
from dxcourse.sitedata import load_site_data

from .conftest import ON_THE_BUNDLE, axe_violations
from .widgets import record

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
TREES = {tree.id: tree for tree in load_site_data(ROOT, COLLECTIONS, ROOT / "docs").all("decisions")}
RPA = "decisions/rpa-now.md"
# 標準化の対象ではない → 変わらない → データ連携はできない: 条件付きで進める
RPA_PATH = "standard-area.no/will-change.no/data-linkage.no"

TITLE = ".dx-tree [data-role=result-title]"
QUESTION = ".dx-tree [data-role=question]"
LIVE = ".dx-tree [data-role=live]"


def longest_path(tree_id: str):
    return max(paths(TREES[tree_id]), key=lambda p: len(p.answers))


def fragment(page: Page) -> str:
    return page.evaluate("() => decodeURIComponent(location.hash)")


def active(page: Page, script: str):
    return page.evaluate(f"() => {{ const a = document.activeElement; return {script}; }}")


def tab_to_first_answer(page: Page) -> None:
    """From the top of the page, Tab until a radio button of the tree has focus."""
    for _ in range(80):
        page.keyboard.press("Tab")
        if active(page, "a.type === 'radio' && !!a.closest('.dx-tree')"):
            return
    raise AssertionError("Tab never reached the tree's answers")


def answer_by_keyboard(page: Page, index: int) -> None:
    """With focus on the answers: pick the index-th one and press 次へ, keys only."""
    if index == 0:
        page.keyboard.press("Space")
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert active(page, "a.textContent.trim()") == "次へ"
    page.keyboard.press("Enter")


def selected_answer(page: Page) -> str | None:
    return page.evaluate("() => { const r = document.querySelector('.dx-tree input[type=radio]:checked'); return r && r.value; }")


def walk(page: Page, site, tree_id: str, answers: list[tuple[str, str]]) -> None:
    """Answers by clicking, for tests about what happens after."""
    page.goto(site.url(f"decisions/{tree_id}.md"))
    for _, option in answers:
        page.locator(f".dx-tree input[type=radio][value='{option}']").check()
        page.get_by_role("button", name="次へ").click()


@pytest.mark.parametrize("tree_id", sorted(TREES))
@ON_THE_BUNDLE
def test_one_path_of_each_tree_walked_with_the_keyboard_alone(page, site, guard, tree_id):
    path = longest_path(tree_id)
    page.goto(site.url(f"decisions/{tree_id}.md"))
    tab_to_first_answer(page)
    for number, (question, option) in enumerate(path.answers, start=1):
        expect(page.locator(QUESTION)).to_contain_text(question.text[:10])
        if number > 1:
            # Focus moved to the new question, and it was announced.
            assert active(page, "a.getAttribute('data-role')") == "question"
            expect(page.locator(LIVE)).to_contain_text(f"{number}問目")
            page.keyboard.press("Tab")
        answer_by_keyboard(page, question.options.index(option))
    title = page.locator(TITLE)
    expect(title).to_have_text(f"結論: {path.outcome.verdict}")
    assert active(page, "a.getAttribute('data-role')") == "result-title"
    expect(page.locator(LIVE)).to_contain_text("結論が出ました")
    assert fragment(page) == f"#{tree_id}={path.fragment}"
    stored = record(page)["items"][f"tree/{tree_id}"]["value"]
    assert stored == {"outcome": path.outcome.id, "label": path.outcome.verdict, "answers": path.fragment}
    guard.assert_clean()


@ON_THE_BUNDLE
def test_back_and_change_keep_the_other_answers(page, site, guard):
    walk(page, site, "rpa-now", [("standard-area", "no"), ("will-change", "no"), ("data-linkage", "no")])
    expect(page.locator(TITLE)).to_have_text("結論: 条件付きで進める")

    # Back: the last question again, its answer still chosen; earlier answers still in the URL.
    page.get_by_role("link", name="前の問いに戻る").click()
    expect(page.locator(QUESTION)).to_contain_text("データを直接受け渡せませんか")
    assert selected_answer(page) == "no"
    assert fragment(page) == "#rpa-now=standard-area.no/will-change.no"
    assert active(page, "a.getAttribute('data-role')") == "question"
    page.get_by_role("button", name="次へ").click()
    expect(page.locator(TITLE)).to_have_text("結論: 条件付きで進める")

    # 「変更」 the first answer: every later question still shows the answer given before.
    page.get_by_role("link", name=re.compile(r"^変更\s*\(1問目の答え\)$")).click()
    expect(page.locator(QUESTION)).to_contain_text("標準化の対象業務")
    assert selected_answer(page) == "no"
    assert fragment(page) == ""
    page.get_by_role("button", name="次へ").click()
    assert selected_answer(page) == "no"
    page.get_by_role("button", name="次へ").click()
    assert selected_answer(page) == "no"
    page.get_by_role("button", name="次へ").click()
    expect(page.locator(TITLE)).to_have_text("結論: 条件付きで進める")
    assert fragment(page) == f"#rpa-now={RPA_PATH}"

    # Changing an answer to one that ends sooner gives that outcome, and the summary says so.
    page.get_by_role("link", name=re.compile(r"^変更\s*\(2問目の答え\)$")).click()
    page.locator(".dx-tree input[value='yes-or-unsure']").check()
    page.get_by_role("button", name="次へ").click()
    expect(page.locator(TITLE)).to_have_text("結論: いったん止める")
    expect(page.locator(".dx-tree [data-role=summary] dd")).to_have_count(2)
    assert fragment(page) == "#rpa-now=standard-area.no/will-change.yes-or-unsure"

    # 「最初から」 starts again with nothing chosen.
    page.get_by_role("button", name="最初から").click()
    expect(page.locator(QUESTION)).to_contain_text("標準化の対象業務")
    assert selected_answer(page) is None
    guard.assert_clean()


@ON_THE_BUNDLE
def test_no_answer_chosen_says_so(page, site):
    page.goto(site.url(RPA))
    page.get_by_role("button", name="次へ").click()
    expect(page.locator(".dx-tree [data-role=error]")).to_be_visible()
    expect(page.locator(QUESTION)).to_contain_text("標準化の対象業務")


def test_a_reload_finds_the_same_place(page, site, guard):
    walk(page, site, "rpa-now", [("standard-area", "no")])
    expect(page.locator(QUESTION)).to_contain_text("数年のうちに変わる")
    page.reload()
    expect(page.locator(QUESTION)).to_contain_text("数年のうちに変わる")
    expect(page.get_by_role("link", name="前の問いに戻る")).to_be_visible()
    page.locator(".dx-tree input[value='no']").check()
    page.get_by_role("button", name="次へ").click()
    page.locator(".dx-tree input[value='no']").check()
    page.get_by_role("button", name="次へ").click()
    expect(page.locator(TITLE)).to_have_text("結論: 条件付きで進める")
    page.reload()
    expect(page.locator(TITLE)).to_have_text("結論: 条件付きで進める")
    expect(page.locator(".dx-tree [data-role=summary] dd")).to_have_count(3)
    guard.assert_clean()


def test_a_result_link_opens_the_same_result_in_a_fresh_browser(browser, page, site, guard):
    walk(page, site, "rpa-now", [("standard-area", "no"), ("will-change", "no"), ("data-linkage", "no")])
    link = page.url
    summary = page.locator(".dx-tree [data-role=summary]").inner_text()
    if site.kind == "served":  # on file:// without a shared address the link is not offered
        assert page.locator("[data-role=permalink]").get_attribute("href") == link

    fresh = browser.new_context(locale="ja-JP")
    guard.attach(fresh)
    other = fresh.new_page()
    other.goto(link)
    expect(other.locator(TITLE)).to_have_text("結論: 条件付きで進める")
    assert other.locator(".dx-tree [data-role=summary]").inner_text() == summary
    fresh.close()
    guard.assert_clean()


@ON_THE_BUNDLE
def test_a_link_with_answers_that_no_longer_fit_keeps_the_part_that_does(page, site):
    page.goto(site.url(RPA, "rpa-now=standard-area.no/renamed-question.no"))
    expect(page.locator(QUESTION)).to_contain_text("数年のうちに変わる")
    assert fragment(page) == "#rpa-now=standard-area.no"


@ON_THE_BUNDLE
def test_answers_of_another_tree_in_the_fragment_are_kept(page, site):
    page.goto(site.url(RPA, "ai-ocr-now=paper-source.from-systems&rpa-now=standard-area.no"))
    expect(page.locator(QUESTION)).to_contain_text("数年のうちに変わる")
    page.locator(".dx-tree input[value='yes-or-unsure']").check()
    page.get_by_role("button", name="次へ").click()
    expect(page.locator(TITLE)).to_contain_text("いったん止める")
    assert fragment(page) == "#ai-ocr-now=paper-source.from-systems&rpa-now=standard-area.no/will-change.yes-or-unsure"


@ON_THE_BUNDLE
def test_a_heading_anchor_still_works(page, site):
    page.goto(site.url(RPA, "判断の流れの図"))
    heading = page.locator("h2#判断の流れの図")
    expect(heading).to_be_in_viewport()
    assert fragment(page) == "#判断の流れの図"
    expect(page.locator(QUESTION)).to_contain_text("標準化の対象業務")


def test_progress_page_shows_the_outcome_and_reopens_it(page, site, guard):
    walk(page, site, "rpa-now", [("standard-area", "no"), ("will-change", "no"), ("data-linkage", "no")])
    page.goto(site.url("progress.md"))
    row = page.locator("tr[data-tree-key='tree/rpa-now']")
    expect(row.locator("[data-role=verdict]")).to_have_text("条件付きで進める")
    expect(row.locator("[data-role=date]")).to_contain_text("令和")
    expect(page.locator("tr[data-tree-key='tree/ai-ocr-now'] [data-role=verdict]")).to_have_text("まだ答えていません")
    with page.expect_download() as download:
        page.get_by_role("button", name="一覧を書き出す(CSV・Excel用)").click()
    lines = download.value.path().read_bytes().decode("utf-8-sig").split("\r\n")
    assert '"判断ツリー","判断ツリー","今、RPAを進めてよいですか","条件付きで進める"' in next(l for l in lines if "tree/rpa-now" in l)
    assert sum(1 for line in lines if line.startswith('"判断ツリー"')) == 1  # by default, what was done
    page.get_by_label("すべての項目(まだ取り組んでいない項目も含む)").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="一覧を書き出す(CSV・Excel用)").click()
    lines = download.value.path().read_bytes().decode("utf-8-sig").split("\r\n")
    assert sum(1 for line in lines if line.startswith('"判断ツリー"')) == len(TREES)

    # On the served site this link goes through Material's instant navigation.
    row.get_by_role("link").click()
    expect(page.locator(TITLE)).to_have_text("結論: 条件付きで進める")
    assert fragment(page) == f"#rpa-now={RPA_PATH}"
    guard.assert_clean()


@ON_THE_BUNDLE
def test_without_javascript_the_outline_shows_every_question_and_outcome(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url(RPA))
    tree = TREES["rpa-now"]
    nodes = page.locator(".dx-tree [data-node]")
    expect(nodes).to_have_count(len(tree.questions) + len(tree.outcomes))
    for index in range(nodes.count()):
        expect(nodes.nth(index)).to_be_visible()
    expect(page.locator(".dx-tree .dx-noscript")).to_be_visible()
    expect(page.locator(".dx-tree [data-role=app]")).to_be_hidden()
    # Each answer in the outline links to where it leads.
    first = page.locator(".dx-tree [data-option='no']").first
    first.get_by_role("link").click()
    assert page.evaluate("() => location.hash") == "#dx-tree-rpa-now-will-change"
    expect(page.locator(".dx-diagram")).to_be_visible()
    context.close()


@pytest.mark.parametrize("stage", ["first question", "mid-walk", "outcome"])
@ON_THE_BUNDLE
def test_no_axe_violations(page, site, axe, stage):
    answers = {"first question": [], "mid-walk": [("standard-area", "no")], "outcome": RPA_PATH.split("/")}
    steps = [tuple(a.split(".")) if isinstance(a, str) else a for a in answers[stage]]
    walk(page, site, "rpa-now", steps)
    if stage == "outcome":
        expect(page.locator(TITLE)).to_be_visible()
    assert axe_violations(axe, page) == []


def test_navigating_away_and_back_keeps_the_place(page, site, guard):
    page.goto(site.url("decisions/index.md"))
    page.evaluate("() => { window.__samePage = true; }")
    page.get_by_role("link", name="今、RPAを進めてよいですか").first.click()
    page.locator(".dx-tree input[value='no']").check()
    page.get_by_role("button", name="次へ").click()
    expect(page.locator(QUESTION)).to_contain_text("数年のうちに変わる")
    page.locator(".md-sidebar--primary a", has_text="わたしの進捗").first.click()
    expect(page.locator("h1")).to_contain_text("わたしの進捗")
    page.go_back()
    expect(page.locator(QUESTION)).to_contain_text("数年のうちに変わる")
    assert fragment(page) == "#rpa-now=standard-area.no"
    if site.kind == "served":
        # Material's instant navigation swapped the content without a reload, both ways.
        assert page.evaluate("() => window.__samePage === true")
    guard.assert_clean()
