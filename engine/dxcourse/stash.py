"""Widget HTML set aside while Markdown converts the page, and put back afterwards.

A macro's widget is finished HTML. Left in the Markdown, every block of it is parsed again
by Python-Markdown (md_in_html) and by MkDocs (the anchor ids of raw HTML): on this site's
widget-heavy pages that was a fifth of the build. Markdown now sees one HTML comment per
widget, and ``build/widgets.py`` puts the HTML back into the converted page. (Markdown's own
``htmlStash`` is the same idea, but a macro runs before Markdown exists for the page.)
"""

from __future__ import annotations

import functools
import re

from markupsafe import Markup

MARKER = re.compile(r"<!--dx-widget:(\d+)-->")
# MkDocs' anchor check counts what raw HTML carries in `id` and `name` (mkdocs.structure.pages).
ANCHOR = re.compile(r'(?<![\w-])(?:id|name)="([^"]+)"')
# Where ANCHOR can start: a plain search for it is a third of ANCHOR's time over a page
# (its look-behind runs at every character).
_ANCHOR_START = re.compile(r'(?:id|name)="')

_pending: dict[str, list[str]] = {}


def clear() -> None:
    """Forget what a build left behind: a page that failed half way under ``mkdocs serve``."""
    _pending.clear()


def put(src_uri: str, html: str) -> Markup:
    """Keep a widget's HTML for the page; return the marker that stands in for it."""
    widgets = _pending.setdefault(src_uri, [])
    widgets.append(str(html))
    return Markup(f"<!--dx-widget:{len(widgets) - 1}-->")


def deferring(page, register):
    """``register`` (mkdocs-macros' ``env.macro``), with each macro's HTML set aside for the page."""

    def macro(function, name: str | None = None):
        @functools.wraps(function)
        def deferred(*args, **kwargs):
            return put(page.src_uri, function(*args, **kwargs))

        register(deferred, name or function.__name__)
        return function

    return macro


def restore(src_uri: str, html: str) -> tuple[str, set[str]]:
    """The page's HTML with its widgets back, and the anchor ids the widgets carry.

    A marker that Markdown did not pass through (a macro inside a code block, say) is an
    error: the widget would silently be missing from the page.
    """
    widgets = _pending.pop(src_uri, [])
    found: set[int] = set()

    def widget(match: re.Match) -> str:
        index = int(match.group(1))
        found.add(index)
        return widgets[index]

    html = MARKER.sub(widget, html)
    missing = sorted(set(range(len(widgets))) - found)
    if missing:
        raise ValueError(f"docs/{src_uri}: {len(missing)} widget(s) lost in Markdown conversion (a macro inside a code block or an HTML attribute?)")
    anchors = {anchor for index in found for anchor in anchor_ids(widgets[index])}
    return html, anchors


def anchor_ids(html: str) -> list[str]:
    """``ANCHOR.findall(html)``, faster."""
    found = []
    end = 0
    for start in _ANCHOR_START.finditer(html):
        if start.start() < end:
            continue  # inside the previous match, as findall would skip it
        match = ANCHOR.match(html, start.start())
        if match:
            found.append(match.group(1))
            end = match.end()
    return found
