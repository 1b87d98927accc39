"""「わたしの進捗」: every widget's progress at a glance, export and import of the record."""

from __future__ import annotations

from markupsafe import Markup

from .render import render
from .sitedata import SiteData


def render_progress(data: SiteData, page, catalog: list[dict]) -> Markup:
    checklists = [
        {"checklist": c, "page": f"checklists/{c.id}.md", "keys": [f"checklist/{c.id}/{i.id}" for i in c.items]}
        for c in data.all("checklists")
    ]
    return render(
        "progress.html",
        checklists=checklists,
        catalog=catalog,
        link=page.links,
        site_id=page.config_extra("site_id"),
    )
