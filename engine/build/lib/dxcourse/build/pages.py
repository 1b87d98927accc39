"""Theme filter for the 最終確認日 line in ``overrides/main.html``.

A hook, because the theme's Jinja environment is not mkdocs-macros' one: macros render
Markdown, while the date sits in the page template around it.
"""

from __future__ import annotations


def on_env(env, config, files):
    from ..pages import format_reviewed

    env.filters["dx_reviewed"] = format_reviewed
    return env
