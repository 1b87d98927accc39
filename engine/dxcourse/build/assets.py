"""Per-page scripts, and asset URLs that change when the file does.

Every page loads the site's start-up (site.js) and the header search. A widget's scripts
load only on pages that carry the widget (`data-module="NAME"`): `assets/NAME.js`, what
it needs, and the progress store. Which scripts there are, their load order (SCRIPTS) and
what each widget needs are one list, in dxcourse/widgets.py; this module picks from it per
page. The files are package data, served at assets/ as if they were in the course's docs/.

URLs carry `?v=<content hash>`, so an intranet update reaches browsers that cached the old
file. (A query string, not a renamed file: the folder bundle and the SCORM package keep the
same file names, and file:// ignores the query.)

The copies written to the site are minified (tdewolff-minify, the minifier Hugo uses; it
also shortens local names): the sources in the package stay commented and readable, and
browsers fetch about a third fewer bytes (gzip). Nothing else changes: the same classic
scripts, no bundling, nothing to build before `mkdocs build`.

Some scripts load on first use, never from a page's HTML (LAZY): the search engine, which
assets/search.js adds when the search box is first used, and the aggregation's engine (five
scripts, added in order), which assets/aggregate.js adds when the 集計 page is first used. They are minified and versioned
like the others; their versions reach the page in meta tags (overrides/main.html).

Stylesheets likewise: site.css is on every page, before the course's `extra_css`; a widget's own sheet,
`assets/NAME.css` when there is one, only on pages with the widget (WIDGET_STYLES adds
sheets for content outside a widget, such as a decision tree's diagram).

On instant navigation Material swaps the page's content without reloading scripts or
stylesheets, so the content carries the page's lists (`data-dx-scripts`, `data-dx-styles`)
and site.js loads what is missing before it starts the new page's widgets.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import minify
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from .. import widgets

ENGINE = Path(__file__).resolve().parent.parent  # the package: assets/ lies in it
# Every script of the engine, in load order, and what each widget needs: one list, in
# dxcourse/widgets.py. A page loads only those its widgets need, plus site.js and search.js.
SCRIPTS = widgets.SCRIPTS
SITE_CSS = "assets/site.css"
STORE = "assets/store.js"
ALWAYS = widgets.ALWAYS
GLOSSARY = "assets/glossary.js"
# Added by a script on first use, not by the page: meta name -> script (overrides/main.html).
LAZY = {
    "dx-search-engine": "assets/search-engine.js",  # by search.js, when the box is first used
    # By aggregate.js, when the 集計 page is first used: the engine's parts, in load order
    # (aggregate.js keeps the same list).
    "dx-aggregate-read": "assets/aggregate-read.js",
    "dx-aggregate-roster": "assets/aggregate-roster.js",
    "dx-aggregate-merge": "assets/aggregate-merge.js",
    "dx-aggregate-model": "assets/aggregate-model.js",
    "dx-aggregate-engine": "assets/aggregate-engine.js",
}
WIDGET_NEEDS = widgets.WIDGET_NEEDS
# Widgets that keep nothing in the browser record: their pages need no store.
STORELESS = widgets.STORELESS

CURRICULUM_CSS = widgets.CURRICULUM_CSS
# Content that needs stylesheets besides its widget's own: text in the HTML -> sheets. The
# widgets' own needs are in dxcourse/widgets.py; here, content that has no script.
WIDGET_STYLES = {
    'class="dx-diagram"': ("assets/decision-tree.css", "assets/decision-diagram.css"),
    # The curriculum's map, tables and forms (not the module page's parts, in site.css).
    **dict.fromkeys(['class="dx-curriculum-map"', 'class="dx-curriculum-table"', 'class="dx-program"'], (CURRICULUM_CSS,)),
    **widgets.WIDGET_STYLES,
}

_MODULE = re.compile(r'data-module="([a-z0-9-]+)"')

_scripts: list[str] = []
_styles: list[str] = []  # the widgets' stylesheets (the package's assets/*.css but site.css; not extra_css)
_always: set[str] = set()
_versions: dict[str, str] = {}


def _version(path: str) -> str:
    return hashlib.sha256((ENGINE / path).read_bytes()).hexdigest()[:10]


def on_config(config):
    # ECMAScript 2015 at most: the minifier never writes syntax newer than the sources use.
    minify.config({"js-version": 2015})
    _scripts[:] = SCRIPTS
    _versions.clear()
    _always.clear()
    _always.update(ALWAYS)
    if os.environ.get("SCORM", "").lower() in {"1", "true", "yes"}:
        # Inside an LMS the runtime (assets/scorm.js, build/scorm.py) moves the progress
        # record to and from the LMS on every page, so every page has the store.
        _always.add(STORE)
    for path in [*_scripts, *LAZY.values()]:
        _versions[path] = _version(path)
    # The curriculum's shared sheet first: a widget's own sheet (aggregate.css) refines it.
    _styles[:] = sorted(
        (f"assets/{css.name}" for css in (ENGINE / "assets").glob("*.css") if f"assets/{css.name}" != SITE_CSS),
        key=lambda path: (path != CURRICULUM_CSS, path),
    )
    for path in _styles:
        _versions[path] = _version(path)
    # The engine's sheet on every page, before the course's own (extra_css); the course's own
    # scripts (extra_javascript) are Material's to write, on every page.
    config.extra_css = [f"{SITE_CSS}?v={_version(SITE_CSS)}", *config.extra_css]
    return config


def on_files(files, config):
    """The engine's scripts and sheets, served from the package as if they were in docs/assets/."""
    for path in sorted(p.relative_to(ENGINE).as_posix() for p in (ENGINE / "assets").iterdir() if p.is_file()):
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path}: the engine has a file of this name; give the course's own file another name")
        files.append(File(path, str(ENGINE), config.site_dir, config.use_directory_urls))
    return files


def scripts_for(html: str) -> list[str]:
    """The site's scripts a page with this content needs, in the order mkdocs.yml lists them."""
    wanted = set(_always)
    modules = set(_MODULE.findall(html))
    if modules - STORELESS:
        wanted.add(STORE)
    for name in modules:
        wanted.update(WIDGET_NEEDS.get(name, ()))
        wanted.add(f"assets/{name}.js")
    if "<abbr" in html:
        wanted.add(GLOSSARY)
    return [path for path in _scripts if path in wanted]


def styles_for(html: str) -> list[str]:
    """The widgets' stylesheets a page with this content needs (after site.css)."""
    wanted = {f"assets/{name}.css" for name in _MODULE.findall(html)}
    wanted.update(sheet for text, sheets in WIDGET_STYLES.items() if text in html for sheet in sheets)
    return [path for path in _styles if path in wanted]


def on_page_context(context, page, config, nav):
    paths = scripts_for(page.content or "")
    styles = styles_for(page.content or "")
    context["dx_scripts"] = [f"{get_relative_url(path, page.url)}?v={_versions[path]}" for path in paths]
    context["dx_styles"] = [f"{get_relative_url(path, page.url)}?v={_versions[path]}" for path in styles]
    context["dx_lazy"] = lazy_versions()
    return context


def lazy_versions() -> dict[str, str]:
    """Meta name -> version of each script loaded on first use."""
    return {name: _versions[path] for name, path in LAZY.items()}


def on_post_build(config):
    site_dir = Path(config.site_dir)
    for path in [*_scripts, *LAZY.values(), *_styles, SITE_CSS]:
        target = site_dir / path
        text = target.read_text(encoding="utf-8")
        target.write_text(minify.string("text/css" if path.endswith(".css") else "application/javascript", text), encoding="utf-8")


def on_template_context(context, template_name, config):
    # 404.html has no page: it gets the scripts every page gets, from the site's root URL.
    base = str(context.get("base_url") or ".").rstrip("/")
    paths = scripts_for("")
    context["dx_scripts"] = [f"{base}/{path}?v={_versions[path]}" for path in paths]
    context["dx_styles"] = []
    context["dx_lazy"] = lazy_versions()
    return context
