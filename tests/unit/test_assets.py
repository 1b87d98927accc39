"""The site's own stylesheets: a brace lost in a merge silently swallows every rule after it."""

from __future__ import annotations

import re

import pytest

from tests.project import ASSETS


@pytest.mark.parametrize("css", sorted(ASSETS.glob("*.css")), ids=lambda p: p.name)
def test_stylesheet_blocks_are_balanced(css):
    text = re.sub(r"/\*.*?\*/", "", css.read_text(encoding="utf-8"), flags=re.S)
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"{css.name}:{number}: '}}' without a block"
        # Top-level rules start in column 0; inside an @media block they are indented.
        if line[:1].isalpha() or line[:1] in ".#[:*@":
            assert depth - line.count("{") + line.count("}") == 0, f"{css.name}:{number}: rule inside an unclosed block"
    assert depth == 0, f"{css.name}: {depth} block(s) never closed"
