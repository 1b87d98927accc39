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
