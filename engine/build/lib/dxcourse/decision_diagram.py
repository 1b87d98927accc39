"""The diagram of a decision tree, drawn at build time as nested HTML lists: ``{{ decision_diagram("id") }}``.

Nested lists rather than an SVG: the text wraps on a phone and on A4, it is selectable and
searchable, and a screen reader reads it as the text alternative of itself (each branch
names the answer that leads to it). Lines between the boxes are CSS only. An outcome that
several answers lead to appears under each of them, as a tree drawn on paper would show it.
"""

from __future__ import annotations

from markupsafe import Markup

from .decision_tree import numbering
from .render import render
from .sitedata import SiteData


def render_diagram(data: SiteData, page, mark, tree_id: str) -> Markup:
    tree = data.get("decisions", tree_id)
    if tree is None:
        known = ", ".join(data.ids("decisions"))
        return page.error(f"unknown decision tree '{tree_id}' (known: {known})", f'decision_diagram("{tree_id}")')
    return render("decision_diagram.html", tree=tree, labels=numbering(tree), mark=mark)
