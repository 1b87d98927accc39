"""The header search, typed into with real key events, on a small site of known pages.

The pages (tests/browser/search_fixture/) are built with the project's own config and hooks,
served and as a folder bundle, so that these tests do not move when the real content does.
Search quality on the real pages is tests/browser/test_search_quality.py. Matching,
ranking, kana folding, hints and normalisation (against Python's) are tested without a
browser: tests/js/search-engine.test.js, tests/unit/test_search.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.conftest import ROOT

from .conftest import ON_THE_BUNDLE, Site, axe_violations, serving

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parent / "search_fixture"
INPUT = "#dx-search-input"
RESULTS = "#dx-search-results .md-search-result__link"


def fixture_config(work: Path, folder_bundle: bool) -> Path:
    """The fixture pages with the site's assets, under the real mkdocs.yml (INHERIT).

    The engine's plugin runs without its macros (they need the real project's data).
    The folder bundle links to files, as OFFLINE=true makes the plugin do.
    """
    docs = work / "docs"
    no_overrides = work / "overrides"  # the real ones need the real hooks
    if not docs.exists():
        shutil.copytree(FIXTURE, docs)
        no_overrides.mkdir()
    config = work / f"mkdocs-{'file' if folder_bundle else 'served'}.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        "site_name: 検索の試験\n"
        f"theme: {{custom_dir: {no_overrides}}}\n"
        f"use_directory_urls: {str(not folder_bundle).lower()}\n"
        "plugins: [dxcourse]\n"
        "watch: []\n"
        "nav: [index.md, standardization.md, mynumber.md, change.md, vision.md]\n",
        encoding="utf-8",
    )
    return config


@pytest.fixture(scope="session")
def fixture_builds(tmp_path_factory):
    work = tmp_path_factory.mktemp("search-fixture")
    built = {}
    for kind in ("served", "file"):
        built[kind] = work / f"site-{kind}"
        config = fixture_config(work, folder_bundle=kind == "file")
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(built[kind])],
            cwd=work,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
    return built


@pytest.fixture(scope="session")
def fixture_served(fixture_builds):
    with serving(fixture_builds["served"]) as site:
        yield site


# Overrides the real site for this module: guard, context and page follow it.
@pytest.fixture(scope="session", params=["served", "file"])
def site(request, fixture_builds) -> Site:
    if request.param == "served":
        return request.getfixturevalue("fixture_served")
    return Site("file", fixture_builds["file"].as_uri() + "/")


def search_for(page, site, text: str, start: str = "index.md") -> None:
    page.goto(site.url(start))
    page.keyboard.press("/")
    page.keyboard.type(text, delay=20)
    page.locator("#dx-search-status").filter(has_text="件").or_(
        page.locator("#dx-search-status").filter(has_text="見つかりませんでした")
    ).wait_for(timeout=10_000)


def result_hrefs(page) -> list[str]:
    return page.locator(RESULTS).evaluate_all("links => links.map(a => decodeURI(a.href))")


def marked(page, n: int = 0) -> list[str]:
    return page.locator(RESULTS).nth(n).locator("mark").all_inner_texts()


def test_part_of_a_katakana_word_is_found(page, site, guard):
    search_for(page, site, "カード")
    assert result_hrefs(page)[0] == site.url("mynumber.md", "マイナンバーカードの交付")
    assert "カード" in marked(page)
    guard.assert_clean()


@ON_THE_BUNDLE
def test_full_width_letters_find_ascii_and_the_other_way_round(page, site, guard):
    search_for(page, site, "ＲＰＡ")
    hrefs = result_hrefs(page)
    assert hrefs[0] == site.url("standardization.md", "rpaとの関係")  # heading "RPAとの関係"
    assert site.url("change.md", "効果の測り方") in hrefs  # body "ＲＰＡ"
    assert set(marked(page)) == {"RPA"}
    page.locator(INPUT).fill("")
    page.keyboard.type("aiocr", delay=20)
    page.locator(RESULTS).first.wait_for()
    assert result_hrefs(page) == [site.url("change.md", "効果の測り方")]
    guard.assert_clean()


@ON_THE_BUNDLE
def test_every_term_must_match_and_a_full_width_space_separates_them(page, site, guard):
    search_for(page, site, "標準化　ＲＰＡ")
    assert page.locator("#dx-search-status").inner_text() == "1件見つかりました"
    assert result_hrefs(page) == [site.url("standardization.md", "rpaとの関係")]
    assert set(marked(page)) == {"RPA", "標準化"}
    page.keyboard.type(" 存在しない語", delay=20)
    page.locator("#dx-search-status").filter(has_text="見つかりませんでした").wait_for()
    assert page.locator(RESULTS).count() == 0
    guard.assert_clean()


def test_slash_arrows_and_enter_open_a_result(page, site, guard):
    page.goto(site.url("index.md"))
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "dx-search-input"
    page.keyboard.type("うれしさ", delay=20)
    page.locator(RESULTS).nth(1).wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.locator(RESULTS).nth(1)
    assert second.evaluate("a => a === document.activeElement")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "dx-search-input"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    target = second.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.locator("h1").first.is_visible()
    assert not page.locator("#__search").is_checked()
    guard.assert_clean()


@ON_THE_BUNDLE
def test_enter_in_the_box_opens_the_first_result_and_escape_closes(page, site):
    search_for(page, site, "令和7年度末")
    first = page.locator(RESULTS).first.get_attribute("href")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    assert page.evaluate("document.activeElement.id") == "dx-search-input"
    page.keyboard.press("ArrowDown")  # opens the closed box again
    assert page.locator("#__search").is_checked()
    page.keyboard.press("Enter")
    page.wait_for_url(first)
    assert unquote(first) == site.url("standardization.md", "移行の時期")


def test_the_engine_and_index_load_only_when_search_is_used(page, site, guard):
    loaded = []
    lazy = ("search-engine.js", "dx-index.js")
    page.on("request", lambda request: any(name in request.url for name in lazy) and loaded.append(request.url))
    page.goto(site.url("vision.md"))
    page.wait_for_load_state("load")
    assert loaded == [] and page.evaluate("typeof window.DX_SEARCH_INDEX") == "undefined"
    assert page.evaluate("typeof DXSearch.normalize") == "undefined"  # the engine is not there
    page.locator(INPUT).focus()
    page.wait_for_function("typeof window.DX_SEARCH_INDEX === 'object'")
    # Each carries its content hash (?v=), as on the real site.
    assert [url.split("?v=")[0] for url in loaded] == [site.base + "assets/search-engine.js", site.base + "search/dx-index.js"]
    guard.assert_clean()


@pytest.mark.parametrize("site", ["served"], indirect=True)
def test_a_query_typed_before_the_engine_arrives_is_answered(page, site, guard):
    # The engine arrives late: every key typed meanwhile stays in the box and is searched.
    def late(route):
        page.wait_for_timeout(800)
        route.continue_()

    page.route("**/assets/search-engine.js*", late)
    page.goto(site.url("index.md"))
    page.keyboard.press("/")
    page.keyboard.type("健康保険", delay=5)
    assert page.locator("#dx-search-status").inner_text() == "検索の準備をしています…"
    page.locator("#dx-search-status").filter(has_text="件見つかりました").wait_for(timeout=10_000)
    assert page.locator(INPUT).input_value() == "健康保険"
    assert result_hrefs(page)[0] == site.url("standardization.md", "対象の17業務")
    guard.assert_clean()


@ON_THE_BUNDLE
def test_index_text_is_shown_as_text(page, site, guard):
    search_for(page, site, "onerror")
    teaser = page.locator(RESULTS).first.locator(".md-search-result__teaser")
    assert '<img src=x onerror="window.dxInjected=1">' in teaser.inner_text()
    assert teaser.locator("img").count() == 0
    assert page.evaluate("window.dxInjected") is None
    guard.assert_clean()


@ON_THE_BUNDLE
def test_no_axe_violations_with_results_open(page, site, axe):
    search_for(page, site, "標準化")
    page.keyboard.press("ArrowDown")
    assert axe_violations(axe, page) == []


@ON_THE_BUNDLE
def test_results_are_announced_in_a_live_region(page, site):
    search_for(page, site, "標準化")
    status = page.locator("#dx-search-status")
    assert status.get_attribute("role") == "status"
    assert status.inner_text().endswith("件見つかりました")
    assert page.locator(INPUT).get_attribute("aria-describedby") == "dx-search-status"


@pytest.mark.parametrize("site", ["served"], indirect=True)
def test_small_screen_opens_search_from_a_header_button(browser, site):
    context = browser.new_context(locale="ja-JP", viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(site.url("index.md"))
    page.get_by_role("button", name="検索を開く").click()
    assert page.evaluate("document.activeElement.id") == "dx-search-input"
    page.keyboard.type("カード", delay=20)
    page.locator(RESULTS).first.wait_for()
    assert page.locator(RESULTS).first.is_visible()
    context.close()


@pytest.mark.parametrize("site", ["file"], indirect=True)
def test_without_javascript_there_is_no_search_box(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url("index.md"))
    assert page.locator(INPUT).count() == 0
    assert page.locator("h1").first.is_visible()
    context.close()


@pytest.mark.parametrize("site", ["served"], indirect=True)
def test_an_input_method_conversion_is_searched_once_confirmed_and_its_enter_opens_nothing(page, site):
    # Playwright cannot drive a real input method; these are the events one sends.
    page.goto(site.url("index.md"))
    page.locator(INPUT).focus()
    page.wait_for_function("typeof window.DX_SEARCH_INDEX === 'object'")
    status = page.locator("#dx-search-status")
    before = status.inner_text()
    page.evaluate("""() => {
        const input = document.getElementById('dx-search-input');
        input.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
        input.value = 'けんこう';
        input.dispatchEvent(new InputEvent('input', {data: 'けんこう', isComposing: true, inputType: 'insertCompositionText'}));
    }""")
    assert status.inner_text() == before  # nothing searched mid-conversion
    page.evaluate("""() => {
        const input = document.getElementById('dx-search-input');
        input.value = '健康保険';
        input.dispatchEvent(new InputEvent('input', {data: '健康保険', isComposing: true, inputType: 'insertCompositionText'}));
        // The Enter that confirms the conversion belongs to the input method.
        input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', keyCode: 229, isComposing: true, bubbles: true}));
        input.dispatchEvent(new CompositionEvent('compositionend', {data: '健康保険'}));
    }""")
    assert status.inner_text() == "1件見つかりました"
    page.wait_for_timeout(300)
    assert page.url == site.url("index.md")
