"""Build hook: the site's search index, written to search/dx-index.js.

Sections come from each page's rendered HTML (after macros and Markdown), so what is
searched is what staff read. A page with `search: {exclude: true}` in its front matter is
left out, as with Material's own search; `search: {keywords: [バックアップ, 名簿]}` names what
staff call the page's feature where its text does not (sitesearch.index.IndexedPage).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from ..sitesearch.extract import Section, split_sections
from ..sitesearch.index import INDEX_PATH, IndexedPage, index_script
from ..sitesearch.kinds import page_kind

_pages: dict[str, IndexedPage] = {}
# Each page's sections, by its HTML: `mkdocs serve` converts every page again on each save,
# and most come out the same. Kept from build to build; only the last HTML of a page.
_extracted: dict[str, tuple[str, list[Section]]] = {}
_nav_order: dict[str, int] = {}
_index: dict[str, str] = {}  # "text" and its "version", made once per build


def on_pre_build(config):
    _pages.clear()  # mkdocs serve rebuilds in the same process
    _nav_order.clear()
    _index.clear()


def on_nav(nav, config, files):
    # Equal scores keep the index's order: make it the site's reading order (the nav).
    _nav_order.update((page.file.src_uri, number) for number, page in enumerate(nav.pages))
    return nav


def on_page_content(html, page, config, files):
    options = page.meta.get("search") or {}
    if options.get("exclude"):
        return html
    src_uri = page.file.src_uri
    cached = _extracted.get(src_uri)
    if cached is None or cached[0] != html:
        cached = _extracted[src_uri] = (html, split_sections(html))
    sections = cached[1]
    if sections and not sections[0].heading:
        sections = [replace(sections[0], heading=page.title or ""), *sections[1:]]
    keywords = tuple(str(k) for k in options.get("keywords") or () if str(k).strip())
    _pages[src_uri] = IndexedPage(page.url, page.title or "", sections, page_kind(page.file.src_uri), keywords)
    return html


def _index_text() -> str:
    """The index script, made once all pages are converted (before any is rendered)."""
    if not _index:
        in_nav_order = sorted(_pages, key=lambda src: _nav_order.get(src, len(_nav_order)))
        _index["text"] = index_script([_pages[src] for src in in_nav_order])
        _index["version"] = hashlib.sha256(_index["text"].encode("utf-8")).hexdigest()[:10]
    return _index["text"]


def _version() -> str:
    _index_text()
    return _index["version"]


def on_page_context(context, page, config, nav):
    # Pages name the index's version, so a browser that cached an older index fetches the new one.
    context["dx_search_version"] = _version()
    return context


def on_post_build(config):
    target = Path(config.site_dir) / INDEX_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_index_text(), encoding="utf-8")


def on_template_context(context, template_name, config):
    context["dx_search_version"] = _version()  # 404.html
    return context
