"""Build hook: the site's search index, written to search/dx-index.js.

Sections come from each page's rendered HTML (after macros and Markdown), so what is
searched is what staff read. A page with `search: {exclude: true}` in its front matter is
left out, as with Material's own search.
"""

from __future__ import annotations

import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from sitesearch.extract import split_sections  # noqa: E402
from sitesearch.index import INDEX_PATH, IndexedPage, index_script  # noqa: E402

_pages: dict[str, IndexedPage] = {}


def on_pre_build(config):
    _pages.clear()  # mkdocs serve rebuilds in the same process


def on_page_content(html, page, config, files):
    if (page.meta.get("search") or {}).get("exclude"):
        return html
    sections = split_sections(html)
    if sections and not sections[0].heading:
        sections[0].heading = page.title or ""
    _pages[page.file.src_uri] = IndexedPage(page.url, page.title or "", sections)
    return html


def on_post_build(config):
    target = Path(config.site_dir) / INDEX_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(index_script(list(_pages.values())), encoding="utf-8")
