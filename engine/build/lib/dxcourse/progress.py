"""「わたしの進捗」: every widget's progress at a glance, export and import of the record."""

from __future__ import annotations

from markupsafe import Markup

from .decision_tree import in_order as trees_in_order
from .decision_tree import store_key as tree_key
from .render import render
from .sitedata import SiteData


def render_progress(data: SiteData, page, catalog: list[dict], mark, modules: list[dict] | None = None) -> Markup:
    """``modules``: the curriculum's module specs, for per-module counts in the CSV."""
    checklists = [
        {"checklist": c, "page": f"checklists/{c.id}.md", "keys": [f"checklist/{c.id}/{i.id}" for i in c.items]}
        for c in data.all("checklists")
    ]
    trees = [{"tree": t, "key": tree_key(t.id)} for t in trees_in_order(data)]
    return render(
        "progress.html",
        checklists=checklists,
        trees=trees,
        mark=mark,
        catalog=catalog,
        modules=modules or [],
        link=page.links,
    )
