"""Widget HTML set aside while Markdown converts a page (macros/stash.py)."""

from __future__ import annotations

import markdown
import pytest
from markupsafe import Markup

from dxcourse import stash


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["md_in_html", "admonition", "attr_list"])


def test_widget_comes_back_in_place_untouched_by_markdown():
    widget = '<section id="dx-tree-a" data-module="decision-tree">\n<p>*not emphasis*</p>\n<a name="step-1"></a>\n</section>'
    marker = stash.put("a.md", Markup(widget))
    assert str(marker) == "<!--dx-widget:0-->"
    html, anchors = stash.restore("a.md", convert(f"# Title\n\n{marker}\n\nAfter *this*."))
    assert widget in html
    assert "<em>this</em>" in html
    assert html.index("Title") < html.index(widget) < html.index("After")
    assert anchors == {"dx-tree-a", "step-1"}


def test_inline_widget_and_two_pages_kept_apart():
    inline = stash.put("b.md", Markup('<q class="dx-quote">引用</q>'))
    other = stash.put("c.md", Markup("<div>other page</div>"))
    html, _ = stash.restore("b.md", convert(f"記事は {inline} と答えています。"))
    assert '<p>記事は <q class="dx-quote">引用</q> と答えています。</p>' in html
    assert "other page" not in html
    assert "other page" in stash.restore("c.md", convert(str(other)))[0]


def test_data_attributes_are_not_anchors():
    marker = stash.put("d.md", Markup('<div data-id="x" data-name="y" id="real"></div>'))
    assert stash.restore("d.md", convert(str(marker)))[1] == {"real"}


def test_a_widget_markdown_swallowed_is_an_error_naming_the_page():
    marker = stash.put("e.md", Markup("<div>widget</div>"))
    with pytest.raises(ValueError, match=r"docs/e\.md: 1 widget"):
        stash.restore("e.md", convert(f"    {marker}\n"))  # an indented code block escapes it


def test_what_a_failed_build_left_is_forgotten():
    stash.put("f.md", Markup("<div>from a build that stopped</div>"))
    stash.clear()
    marker = stash.put("f.md", Markup("<div>this build</div>"))
    assert str(marker) == "<!--dx-widget:0-->"
    assert stash.restore("f.md", convert(str(marker)))[0].strip() == "<div>this build</div>"


@pytest.mark.parametrize("html", [
    '<div id="a"><a name="b"></a></div>',
    '<p data-id="x" aria-valuename="y" id="z">',  # only whole attribute names count
    'id="a"id="b"',
    'id="id="x"',  # findall skips what a match covers
    'id=""  name="n"',
])
def test_anchor_ids_match_the_anchor_pattern(html):
    assert stash.anchor_ids(html) == stash.ANCHOR.findall(html)
