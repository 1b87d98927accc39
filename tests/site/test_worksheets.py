"""Worksheets on the built site: a page per sheet, an index, links from where the article asks
for the work, and every field in 「わたしの進捗」's catalog (its CSV labels)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dxcourse import load_sources
from dxcourse.worksheet import catalog

from .htmltree import built_path, parse, resolve

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def data():
    return load_sources(ROOT, ROOT / "docs")[0]


def page(site: Path, md: str):
    return parse((site / built_path(md, True)).read_text(encoding="utf-8"))


def links_of(site: Path, md: str) -> set[str]:
    root = page(site, md).find("article")
    return {resolve(built_path(md, True), a.attrs["href"]) for a in root.iter("a") if "href" in a.attrs}


def test_each_sheet_has_its_page_listed_in_the_index_and_linked_where_the_article_asks(builds, data):
    index = links_of(builds.online, "worksheets/index.md")
    for sheet in data.all("worksheets"):
        target = built_path(sheet.page, True)
        root = page(builds.online, sheet.page).find("section", "dx-worksheet")
        assert root is not None and root.attrs["data-worksheet"] == sheet.id
        assert target in index, sheet.id
        for ref in sheet.used_in:
            assert target in links_of(builds.online, ref), f"{ref} does not link to {sheet.page}"
    for start in ("index.md", "steps/index.md"):
        assert built_path("worksheets/index.md", True) in links_of(builds.online, start)


def test_modules_that_ask_for_the_work_link_their_sheets(builds):
    module = "curriculum/modules/priorities-and-plan.md"
    assert built_path("worksheets/priority-rules.md", True) in links_of(builds.online, module)


def test_every_field_is_in_the_progress_catalog_with_its_label(builds, data):
    root = page(builds.online, "progress.md").find("div", "dx-progress")
    rows = {r["key"]: r for r in json.loads(root.attrs["data-catalog"])}
    for row in catalog(data):
        assert rows[row["key"]] == row
    sheet_keys = {
        n.attrs["data-key"]
        for md in [s.page for s in data.all("worksheets")]
        for n in page(builds.online, md).iter()
        if n.tag in ("input", "textarea") and "data-key" in n.attrs
    }
    assert sheet_keys == {r["key"] for r in catalog(data)}
