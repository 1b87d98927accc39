"""Checklists: one YAML file per list in data/checklists/, rendered by ``{{ checklist("id") }}``."""

from __future__ import annotations

from markupsafe import Markup
from pydantic import Field

from .model import Id, Model, PageRef, Text, Title, ref
from .render import render
from .sitedata import Collection, SiteData


class ChecklistItem(Model):
    id: Id
    """Stored in the browser record: never change it once published."""
    text: Text
    detail: Text | None = None
    source: PageRef
    """The page or FAQ entry the item comes from."""
    retired: bool = False
    """Retired: no longer shown or counted, but its id stays reserved (ticks in records keep it)."""


class Checklist(Model):
    id: Id
    title: Title
    step: Id
    intro: Text | None = None
    items: list[ChecklistItem] = Field(min_length=1)


COLLECTION = Collection("checklists", "checklists/*.yml", Checklist)


def store_key(checklist_id: str, item_id: str) -> str:
    return f"checklist/{checklist_id}/{item_id}"


def render_checklist(data: SiteData, page, mark, checklist_id: str, titles: dict[str, str] | None = None) -> Markup:
    """``mark`` wraps glossary terms in the item texts, as the Markdown pages get them.
    ``titles`` (docs path → page title) names each item's source in its visible link text,
    so that the items' 「根拠」 links differ in what a reader sees, not only in hidden text."""
    checklist = data.get("checklists", checklist_id)
    if checklist is None:
        known = ", ".join(data.ids("checklists"))
        return page.error(f"unknown checklist '{checklist_id}' (known: {known})", f'checklist("{checklist_id}")')
    active = checklist.model_copy(update={"items": [item for item in checklist.items if not item.retired]})
    def source_title(ref: str) -> str:
        return (titles or {}).get(ref.partition("#")[0]) or ref

    return render("checklist.html", checklist=active, link=page.links, key=store_key, mark=mark, source_title=source_title)


def catalog(data: SiteData) -> list[dict]:
    """Labels for the progress page and its CSV: the record itself holds only ids. A retired
    item is still the site's (its ticks are kept), labelled as retired."""
    return [
        {
            "key": store_key(c.id, item.id),
            "kind": "チェックリスト",
            "group": c.title,
            "label": item.text + ("(廃止)" if item.retired else ""),
        }
        for c in data.all("checklists")
        for item in c.items
    ]
