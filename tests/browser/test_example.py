"""架空の町の例: from a step page a reader reaches every filled sheet, each marked as fiction,
each linked back from its blank sheet; a filled sheet prints on A4 (issue 21)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from dxcourse import load_sources

from .conftest import axe_violations
from .test_worksheet import printed_on_a4

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


def examples() -> dict[str, str]:
    data, _, _ = load_sources(ROOT, ROOT / "docs")
    sheets = {s.id: s.title for s in data.all("worksheets")}
    return {ex.id: sheets[ex.id] for ex in data.all("examples")}


def test_from_a_step_page_to_every_filled_sheet_and_back_and_print_one_on_a4(page, site, guard, axe):
    wanted = examples()
    assert len(wanted) >= 6
    page.goto(site.url("steps/step-1.md"))
    page.get_by_role("link", name="架空の町の例").first.click()
    expect(page.locator("h1")).to_contain_text("架空の町の例")
    expect(page.locator("article")).to_contain_text("実在しない町")
    index_url = page.url
    for sheet_id, title in wanted.items():
        page.goto(index_url)
        page.locator("article").get_by_role("link", name=title, exact=True).first.click()
        expect(page.locator("h1")).to_contain_text(title)
        example = page.locator(".dx-example")
        expect(example.locator(".dx-example__notice")).to_contain_text("架空の町の例")
        assert example.locator(".dx-example__value, .dx-example__table td").count() > 0, sheet_id
        # The blank sheet links back to this filled one.
        example.get_by_role("link", name="白紙のシートを開く").click()
        expect(page.locator(".dx-worksheet")).to_be_visible()
        page.get_by_role("link", name="架空の町の記入例を見る").click()
        expect(page.locator(".dx-example")).to_be_visible()
    if site.kind == "served":
        assert axe_violations(axe, page) == []
    page.emulate_media(media="print")
    printed_on_a4(page, most=3)
    guard.assert_clean()
