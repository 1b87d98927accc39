"""Details of the learner's pages in both builds (issue 24): a FAQ entry's tags lead somewhere,
and a checklist item's 「根拠」 link says in its visible text which page it opens."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest

from .htmltree import built_path, parse, resolve

ROOT = Path(__file__).resolve().parents[2]
FAQ_ENTRIES = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs/faq").glob("*.md") if p.name != "index.md")
CHECKLISTS = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs/checklists").glob("*.md"))


def sites(builds):
    return ((builds.online, True), (builds.offline, False))


def ids_in(site: Path, path: str) -> set[str]:
    return {node.attrs["id"] for node in parse((site / path).read_text(encoding="utf-8")).iter() if "id" in node.attrs}


@pytest.mark.parametrize("md", FAQ_ENTRIES)
def test_a_faq_entrys_tags_are_links_to_their_place_in_the_faq_index(builds, md):
    for site, directory_urls in sites(builds):
        path = built_path(md, directory_urls)
        nav = parse((site / path).read_text(encoding="utf-8")).find("nav", "md-tags")
        assert nav is not None and nav.attrs.get("aria-label") == "この質問のトピック"
        chips = [n for n in nav.iter() if n.has_class("md-tag")]
        assert chips and all(chip.tag == "a" for chip in chips), "a chip that looks like a button must do something"
        index = built_path("faq/index.md", directory_urls)
        for chip in chips:
            href = chip.attrs["href"]
            assert resolve(path, href) == index, href
            assert unquote(href.partition("#")[2]) in ids_in(site, index), href


@pytest.mark.parametrize("md", CHECKLISTS)
def test_each_source_link_names_its_page_in_visible_text(builds, md):
    root = parse((builds.online / built_path(md, True)).read_text(encoding="utf-8"))
    links = [p.find("a") for p in root.iter("p") if p.has_class("dx-checklist__source")]
    assert links
    for link in links:
        hidden = "".join(n.text() for n in link.iter("span") if n.has_class("dx-visually-hidden"))
        visible = link.text().replace(hidden, "")
        target = resolve(built_path(md, True), link.attrs["href"])
        title = parse((builds.online / target).read_text(encoding="utf-8")).find("h1").text().strip().rstrip("¶")
        assert visible == f"根拠: {title}", (visible, title)
        assert hidden.startswith("(チェック項目: ") and hidden.endswith(")")
    # Items whose sources are different pages read differently without the hidden text.
    visible_texts = {link.text() for link in links}
    assert len({link.attrs["href"] for link in links}) <= len(visible_texts)
