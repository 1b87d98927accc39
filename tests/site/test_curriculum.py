"""The built curriculum, in both builds: the map and its table state the same facts, and
every program, role path and module page is reachable by a link from the curriculum page."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxcourse import load_sources
from dxcourse.curriculum import Curriculum, module_page, program_page, role_page

from tests.project import page_paths

from .test_content import Build

ROOT = Path(__file__).resolve().parents[2]
INDEX = "curriculum/index.md"


@pytest.fixture(scope="module", params=["online", "offline"])
def build(request, builds):
    return Build(getattr(builds, request.param), directory_urls=request.param == "online")


@pytest.fixture(scope="module")
def cur():
    data, _, _ = load_sources(ROOT, ROOT / "docs")
    return Curriculum(data)


def test_map_and_table_hold_the_same_programs_and_arrows(build, cur):
    article = build.article(INDEX)
    svg = article.find("svg")
    assert svg.attrs["role"] == "img" and svg.attrs["aria-labelledby"]
    boxes = [g.attrs["data-program"] for g in svg.iter("g") if g.has_class("dx-curriculum-map__program")]
    assert boxes == [p.id for p in cur.programs]
    arrows = sorted((p.attrs["data-from"], p.attrs["data-to"]) for p in svg.iter("path") if "data-from" in p.attrs)
    assert arrows == sorted((q, p.id) for p in cur.programs for q in p.prerequisites)
    table = article.find("div", "dx-curriculum-table").find("table")
    rows = [tr for tr in table.iter("tr") if "data-program" in tr.attrs]
    assert [tr.attrs["data-program"] for tr in rows] == [p.id for p in cur.programs]
    for tr, program in zip(rows, cur.programs):
        text = tr.text()
        assert program.title in text and program.format in text and program.length in text
        assert all(cur.role[r].name in text for r in program.audience)
        assert all(cur.program[q].title in text for q in program.prerequisites)
    assert "このサイトの提案" in article.text()


def reachable(build, start: str, limit: int = 60) -> set[str]:
    """Built files reached by following links inside the articles, from ``start``."""
    seen, queue = {build.path(start)}, [start]
    by_path = {build.path(p): p for p in page_paths(ROOT)}
    while queue and len(seen) < limit * 4:
        md = queue.pop()
        for _, target in build.links(md):
            target = target.partition("#")[0]
            if target in by_path and target not in seen:
                seen.add(target)
                if by_path[target].startswith("curriculum/"):
                    queue.append(by_path[target])
    return seen


def test_every_curriculum_page_is_reached_from_the_curriculum_page(build, cur):
    found = reachable(build, INDEX)
    wanted = (
        [program_page(p.id) for p in cur.programs]
        + [role_page(r.id) for r in cur.roles]
        # A retired module leaves the curriculum; its page stays only for old links.
        + [module_page(m.id) for m in cur.modules if not m.retired]
        + ["curriculum/assign.md", "curriculum/aggregate.md", "curriculum/my-learning.md", "curriculum/roles/index.md"]
    )
    missing = [md for md in wanted if build.path(md) not in found]
    assert missing == []


def test_role_path_lists_its_modules_in_order_with_the_total(build, cur):
    article = build.article(role_page("hr"))
    rows = [tr for tr in article.iter("tr") if "data-module-id" in tr.attrs]
    assert [tr.attrs["data-module-id"] for tr in rows] == [m.id for m in cur.modules_for("hr")]
    assert "合計 1時間40分" in article.text()
