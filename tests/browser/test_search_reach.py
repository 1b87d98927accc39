"""Search on the real site as staff meet it: on a phone, narrowed by kind, and when nothing is
found (issue 24). The matching and ranking themselves are tested in Node (tests/js)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import ON_THE_BUNDLE, axe_violations

pytestmark = pytest.mark.browser

RESULTS = "#dx-search-results .md-search-result__link"
STATUS = "#dx-search-status"


def wait_for_answer(page) -> None:
    expect(page.locator(STATUS)).to_have_text(re.compile("件見つかりました|見つかりませんでした"), timeout=10_000)


@pytest.fixture
def phone(browser, guard):
    context = browser.new_context(locale="ja-JP", viewport={"width": 390, "height": 844}, device_scale_factor=2)
    guard.attach(context)
    yield context.new_page()
    context.close()


def test_results_on_a_390_px_phone_fit_the_screen(phone, site, guard, axe):
    phone.goto(site.url("index.md"))
    phone.get_by_role("button", name="検索を開く").click()
    phone.keyboard.type("人事", delay=20)
    wait_for_answer(phone)
    expect(phone.locator(RESULTS).first).to_be_visible()
    # No sideways scrolling: the page is as wide as the screen (Material's scaled overlay made it 1262 px).
    assert phone.evaluate("() => [document.documentElement.scrollWidth, document.body.scrollWidth]") == [390, 390]
    # Material opens its overlay with a transition: measure once it has settled.
    phone.wait_for_function(
        """selector => {
            const rights = Array.from(document.querySelectorAll(selector)).map((e) => e.getBoundingClientRect().right);
            return rights.length > 0 && Math.max(...rights) <= window.innerWidth;
        }""",
        arg=f"{RESULTS}, .dx-search-kind",
        timeout=5_000,
    )
    guard.assert_clean()
    assert axe_violations(axe, phone) == []  # last: axe reads the sheets by XHR, refused on file://


@ON_THE_BUNDLE
def test_results_narrow_to_one_kind_and_hr_tools_say_so(page, site, guard):
    page.goto(site.url("index.md"))
    page.locator("#dx-search-input").click()
    page.keyboard.type("人事", delay=20)
    wait_for_answer(page)
    total = int(re.match(r"(\d+)件", page.locator(STATUS).inner_text()).group(1))
    group = page.get_by_role("group", name="ページの種類で絞り込む")
    expect(group.get_by_role("button", name=f"すべて({total})")).to_have_attribute("aria-pressed", "true")
    hr = group.get_by_role("button", name=re.compile(r"^人事部門向け\(\d+\)$"))
    count = int(re.search(r"\((\d+)\)", hr.inner_text()).group(1))
    assert 0 < count < total
    hr.click()
    expect(hr).to_have_attribute("aria-pressed", "true")
    expect(page.locator(STATUS)).to_have_text(f"{total}件見つかりました。「人事部門向け」の{count}件を表示しています")
    kinds = page.locator(".dx-search-result__kind").all_inner_texts()
    assert kinds == ["人事部門向け"] * count
    hrefs = page.locator(RESULTS).evaluate_all("links => links.map(a => decodeURI(a.href))")
    assert any("aggregate" in h for h in hrefs) and any("assign" in h for h in hrefs)
    # The kind stays chosen while the query changes.
    page.locator("#dx-search-input").click()
    page.keyboard.press("End")
    page.keyboard.type(" 名簿", delay=20)
    expect(page.locator(STATUS)).to_contain_text("「人事部門向け」")
    assert set(page.locator(".dx-search-result__kind").all_inner_texts()) == {"人事部門向け"}
    group.get_by_role("button", name=re.compile(r"^すべて")).click()
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^\d+件見つかりました$"))
    guard.assert_clean()


@ON_THE_BUNDLE
def test_features_are_found_by_what_staff_call_them(page, site, guard):
    page.goto(site.url("index.md"))
    page.evaluate("() => new Promise(done => DXSearch.load(done))")
    expected = {
        "バックアップ": "progress",
        "職員番号": "curriculum/my-learning",
        "修了記録を書き出す": "curriculum/my-learning",
        "名簿": "curriculum/aggregate",
        "びじょん": "vision",
    }
    for query, where in expected.items():
        first_five = page.evaluate("q => DXSearch.locations(q).slice(0, 5)", query)
        assert any(where in location for location in first_five), (query, first_five)
    guard.assert_clean()


@ON_THE_BUNDLE
def test_no_hit_offers_words_of_the_index_and_they_search(page, site, guard):
    page.goto(site.url("index.md"))
    box = page.locator("#dx-search-input")
    box.click()
    page.keyboard.type("kintone", delay=20)
    wait_for_answer(page)
    suggest = page.locator(".dx-search-suggest")
    expect(suggest).to_contain_text("近い言葉も見つかりませんでした")
    assert suggest.locator("button").count() == 0  # never 「int」
    expect(suggest.get_by_role("link", name="用語集で言葉を調べる")).to_be_visible()

    box.fill("")
    page.keyboard.type("ビジョン作成の手順", delay=20)
    wait_for_answer(page)
    hints = suggest.locator("button.dx-search-broader")
    expect(hints.first).to_be_visible()
    words = [re.match(r"^「(.+)」で探す\(\d+件\)$", t).group(1) for t in hints.all_inner_texts()]
    titles = page.evaluate("() => [...DX_SEARCH_INDEX.pages.map(p => p[1]), ...DX_SEARCH_INDEX.sections.map(s => s[2])]")
    assert words and all(word in titles and "ビジョン" in word for word in words), words
    hints.first.click()
    expect(box).to_have_value(words[0])
    expect(page.locator(RESULTS).first).to_be_visible()
    guard.assert_clean()
