"""Per-page scripts in the browser: a page that loaded no widget script still starts the
widgets of a page reached by instant navigation (hooks/assets.py, site.js)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_page_without_widgets_leads_to_one_whose_widgets_start(page, site, guard):
    page.goto(site.url("about.md"))
    # Material's instant navigation takes over links once it has read sitemap.xml.
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => !window.DX.store && !document.querySelector('script[src*=\"checklist.js\"]')")
    page.evaluate("() => { window.__samePage = true; }")
    page.locator(".md-sidebar--primary a", has_text="ステップ1 チェックリスト").first.click()
    expect(page.locator("[data-module=checklist][data-module-started]")).to_have_count(1)
    box = page.locator(".dx-checklist input[type=checkbox]").first
    box.check()
    expect(page.locator(".dx-checklist [data-role=count]")).to_contain_text("1 /")
    if site.kind == "served":
        # Material's instant navigation swapped the content in place, and site.js loaded
        # the checklist's scripts, which the first page did not have.
        assert page.evaluate("() => window.__samePage === true")
    assert page.evaluate("() => document.querySelectorAll('script[src*=\"assets/checklist.js\"]').length") == 1
    guard.assert_clean()


def test_a_widget_stylesheet_arrives_with_instant_navigation(page, site, guard):
    tree_style = "() => getComputedStyle(document.querySelector('.dx-tree')).marginBottom"
    page.goto(site.url("decisions/usual-vendor.md"))
    expected = page.evaluate(tree_style)
    page.goto(site.url("about.md"))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => !document.querySelector('link[href*=\"decision-tree.css\"]')")
    page.evaluate("() => { window.__samePage = true; }")
    # A link in the content to a page with a decision tree (its own stylesheet and script).
    page.evaluate(
        """href => { const a = document.createElement('a'); a.href = href; a.textContent = 'tree';
                     document.querySelector('.md-content article').append(a); a.click(); }""",
        site.url("decisions/usual-vendor.md"),
    )
    expect(page.locator("[data-module=decision-tree][data-module-started]")).to_have_count(1)
    assert page.evaluate(tree_style) == expected != "0px"
    if site.kind == "served":
        assert page.evaluate("() => window.__samePage === true")
    assert page.evaluate("() => document.querySelectorAll('link[href*=\"assets/decision-tree.css\"]').length") == 1
    guard.assert_clean()
