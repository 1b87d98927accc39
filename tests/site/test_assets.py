"""Per-page scripts and versioned asset URLs (hooks/assets.py), on the built HTML."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from dxcourse.build.assets import LAZY, STORELESS
from tests.conftest import ROOT
from tests.project import ASSETS

SCRIPT = re.compile(r'<script src="([^"]+)"')
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]*assets/site\.css[^"]*)"')
WIDGET_SHEET = re.compile(r'<link rel="stylesheet" href="[^"]*assets/([a-z0-9-]+)\.css\?v=[0-9a-f]{10}">')
MODULE = re.compile(r'data-module="([a-z0-9-]+)"')
OWN = re.compile(r"assets/([a-z0-9-]+\.js)\?v=([0-9a-f]{10})$")


def version(name: str) -> str:
    return hashlib.sha256((ASSETS / name).read_bytes()).hexdigest()[:10]


def own_scripts(html: str) -> dict[str, str]:
    found = {}
    for src in SCRIPT.findall(html):
        match = OWN.search(src)
        if match:
            found[match[1]] = match[2]
    return found


def test_every_page_loads_only_what_its_widgets_need(builds):
    for site in (builds.online, builds.offline):
        for page in site.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            scripts = own_scripts(html)
            modules = set(MODULE.findall(html))
            assert {"csv.js", "site.js", "search.js"} <= scripts.keys(), page
            assert ("store.js" in scripts) == bool(modules - STORELESS), page
            for name in modules:
                if (ASSETS / f"{name}.js").is_file():
                    assert f"{name}.js" in scripts, (page, name)
            if not modules:
                assert scripts.keys() <= {"csv.js", "site.js", "search.js", "glossary.js"}, page
            # A widget's own stylesheet only where the widget (or a tree's diagram) is; the
            # curriculum's sheet on its map, program, role and form pages, not on module pages.
            sheets = set(WIDGET_SHEET.findall(html)) - {"site"}
            wanted = {name for name in modules if (ASSETS / f"{name}.css").is_file()}
            if 'class="dx-diagram"' in html:
                wanted |= {"decision-tree", "decision-diagram"}
            if modules & {"role-path", "assign", "my-learning", "aggregate"} or re.search(r'class="dx-(curriculum-map|curriculum-table|program)"', html):
                wanted.add("curriculum")
            assert sheets == wanted, page
            if "learning-module" in modules:
                assert "curriculum" not in sheets, page


def test_asset_urls_carry_the_hash_of_their_source(builds):
    index = (builds.online / "index.html").read_text(encoding="utf-8")
    for name, v in own_scripts(index).items():
        assert v == version(name), name
    (css,) = STYLESHEET.findall(index)
    assert css.endswith(f"site.css?v={version('site.css')}")
    # The search index is named by its own content's hash.
    meta = re.search(r'<meta name="dx-search-version" content="([0-9a-f]{10})">', index)
    index_js = (builds.online / "search/dx-index.js").read_bytes()
    assert meta and meta[1] == hashlib.sha256(index_js).hexdigest()[:10]
    # Engines added on first use (search.js, aggregate.js): not in a page, versioned in a meta tag.
    aggregate = (builds.online / "curriculum/aggregate/index.html").read_text(encoding="utf-8")
    assert "aggregate.js" in own_scripts(aggregate)
    for meta_name, path in LAZY.items():
        name = path.removeprefix("assets/")
        assert name not in own_scripts(index) and name not in own_scripts(aggregate)
        engine = re.search(rf'<meta name="{meta_name}" content="([0-9a-f]{{10}})">', aggregate)
        assert engine and engine[1] == version(name), name


def test_the_content_lists_its_scripts_for_instant_navigation(builds):
    page = builds.online / "checklists/step-1/index.html"
    html = page.read_text(encoding="utf-8")
    listed = re.search(r'data-dx-scripts="([^"]*)"', html)[1].split()
    assert listed == SCRIPT.findall(html)[1:]  # after Material's own bundle
    assert any("checklist.js" in src for src in listed)
    tree = (builds.online / "decisions/usual-vendor/index.html").read_text(encoding="utf-8")
    styles = re.search(r'data-dx-styles="([^"]*)"', tree)[1].split()
    assert [s.split("?")[0] for s in styles] == ["../../assets/decision-diagram.css", "../../assets/decision-tree.css"]


def test_written_scripts_and_styles_are_minified_copies(builds):
    for name in ("site.js", "store.js", "search-engine.js", "site.css"):
        source = (ASSETS / name).read_text(encoding="utf-8")
        written = (builds.online / "assets" / name).read_text(encoding="utf-8")
        assert len(written) < 0.85 * len(source), name
        assert "/*" not in written, name
