"""Glossary terms open their explanation from the keyboard, in both builds.

Served, Material's script shows its tooltip on focus. From a folder (file://) Material's
components do not start, and site.css shows the focused term's title instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dxcourse import load_sources
from dxcourse.glossary import abbreviations

from .conftest import ON_THE_BUNDLE

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]

SHOWN = """() => {
  const a = document.activeElement;
  const id = a.getAttribute('aria-describedby');
  const tip = id && document.getElementById(id);
  if (tip && tip.classList.contains('md-tooltip2--active') && tip.checkVisibility()) return tip.textContent.trim();
  const after = getComputedStyle(a, '::after');
  if (a.matches(':focus') && after.display !== 'none' && after.content.startsWith('"')) return JSON.parse(after.content);
  return null;
}"""


def tab_to_first_term(page, limit: int = 300) -> str:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            return page.evaluate("document.activeElement.textContent")
    raise AssertionError("no glossary term reached by Tab")


@pytest.mark.parametrize("md_path", ["steps/step-1.md", "faq/rpa-now.md"])
@ON_THE_BUNDLE
def test_tab_to_a_term_shows_its_explanation(page, site, guard, md_path):
    data, _, _ = load_sources(ROOT, ROOT / "docs")
    explanations = abbreviations(data)
    page.goto(site.url(md_path))
    term = tab_to_first_term(page)
    page.wait_for_function(SHOWN, timeout=5_000)
    assert page.evaluate(SHOWN) == explanations[term]
    guard.assert_clean()


@ON_THE_BUNDLE
def test_tab_moves_on_to_the_next_term(page, site):
    page.goto(site.url("steps/step-1.md"))
    first = tab_to_first_term(page)
    second = tab_to_first_term(page)
    assert first != second


HIDDEN = """() => {
  const a = document.activeElement;
  const id = a.getAttribute('aria-describedby');
  const tip = id && document.getElementById(id);
  const tipShown = !!tip && tip.checkVisibility();
  const after = getComputedStyle(a, '::after');
  const cssShown = after.display !== 'none' && after.content.startsWith('"');
  return a.tagName === 'ABBR' && !tipShown && !cssShown;
}"""


@ON_THE_BUNDLE
def test_escape_hides_the_explanation_and_keeps_focus(page, site, guard):
    page.goto(site.url("steps/step-1.md"))
    term = tab_to_first_term(page)
    page.wait_for_function(SHOWN, timeout=5_000)
    page.keyboard.press("Escape")
    page.wait_for_function(HIDDEN, timeout=5_000)
    assert page.evaluate("document.activeElement.textContent") == term
    # The next term shows its explanation again.
    tab_to_first_term(page)
    page.wait_for_function(SHOWN, timeout=5_000)
    guard.assert_clean()
