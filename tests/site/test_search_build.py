"""What the builds hold for search: one index script, no shim, in the zip too.

Material's page config still names its search worker; tests/browser checks none starts.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from dxcourse.sitesearch.index import GLOBAL_NAME, INDEX_PATH

PREFIX = f"window.{GLOBAL_NAME}="


ROOT_DOCS = Path(__file__).resolve().parents[2] / "docs"
EXCLUDED = {
    md.relative_to(ROOT_DOCS).with_suffix("").as_posix().removesuffix("/index").removesuffix("index")
    for md in ROOT_DOCS.rglob("*.md")
    if "\nsearch:\n  exclude: true\n" in md.read_text(encoding="utf-8").split("\n---", 1)[0] + "\n"
}


def load_index(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith(PREFIX)
    return json.loads(text[len(PREFIX) :].rstrip().rstrip(";"))


def test_both_builds_have_an_index_of_every_page(builds):
    for site, home in ((builds.online, ""), (builds.offline, "index.html")):
        index = load_index(site / INDEX_PATH)
        urls = [page[0] for page in index["pages"]]
        assert home in urls
        built = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"}
        as_files = {u if u.endswith(".html") else (u + "index.html") for u in urls}
        # Pages whose front matter says search: {exclude: true} (the facts list, the fictional
        # town's filled sheets) are left out on purpose; every other page is in.
        excluded = {html for html in built if html.removesuffix("index.html").removesuffix(".html").rstrip("/") in EXCLUDED}
        assert excluded and as_files == built - excluded
        assert all(section[3] or section[2] for section in index["sections"])


def test_no_page_loads_a_search_worker_or_shim(builds):
    for site in (builds.online, builds.offline):
        assert not (site / "search/search_index.json").exists()
        assert not (site / "search/search_index.js").exists()
        for html in site.rglob("*.html"):
            text = html.read_text(encoding="utf-8")
            assert "iframe-worker" not in text, html
            assert "assets/search.js" in text, html


def test_the_folder_bundle_links_to_files_and_its_zip_holds_the_index(builds):
    index = load_index(builds.offline / INDEX_PATH)
    assert all(page[0].endswith(".html") for page in index["pages"])
    with zipfile.ZipFile(builds.zip) as bundle:
        names = bundle.namelist()
    top = names[0].split("/")[0]
    assert f"{top}/{INDEX_PATH}" in names and f"{top}/index.html" in names
