"""Puts each page's widget HTML back after Markdown has converted the page (stash.py).

First among the hooks, so the search index, the per-page scripts and the bundle see the
finished page.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError


def on_pre_build(config):
    from .. import stash

    stash.clear()


def on_page_content(html, page, config, files):
    from .. import stash

    try:
        html, anchors = stash.restore(page.file.src_uri, html)
    except ValueError as error:
        raise PluginError(str(error)) from None
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= anchors
    return html
