"""Jinja rendering for widgets: autoescaped templates, and page links relative to the page."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

TEMPLATES = Path(__file__).parent / "templates"


SITE: dict[str, Any] = {"source_name": "記事"}
"""Site-wide wording every template may use: ``source_name`` is what the site calls its
source article (``extra.source.name`` in mkdocs.yml; empty when the course has none)."""


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["site"] = SITE
    return env


def render(template: str, **context: Any) -> Markup:
    """Render a widget template. Output has no blank lines, so Markdown keeps it as one block."""
    html = _environment().get_template(template).render(**context)
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))


class Links:
    """Turns a docs-relative ``page.md#anchor`` into a URL relative to the current page."""

    def __init__(self, page_url: str, use_directory_urls: bool) -> None:
        self.page_url = page_url
        self.use_directory_urls = use_directory_urls

    def __call__(self, ref: str) -> str:
        path, _, anchor = ref.partition("#")
        url = get_relative_url(_site_url(path, self.use_directory_urls), self.page_url)
        return f"{url}#{anchor}" if anchor else url


@cache
def _site_url(path: str, use_directory_urls: bool) -> str:
    return File(path, "", "", use_directory_urls).url
