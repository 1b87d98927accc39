"""Front matter of every docs page: read with line numbers, validated, and its review date.

MkDocs parses front matter itself, but without line numbers and without checks. This
module reads it again with ruamel.yaml, so a mistake is reported as
``docs/faq/x.md:LINE: message`` (the line counted in the Markdown file), every mistake of
every page at once. Each page gets a model by path (:func:`load_pages`'s ``model_for``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from .diagnostics import SourceError
from .model import Model, Text, Title
from .yamlsource import line_of, parse_yaml, validate

# The same shape MkDocs accepts: a first line of three dashes, YAML, then --- or ... alone.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)


class SearchOptions(Model):
    """``search:`` in front matter (build/search_index.py): Material's ``exclude``, and what
    staff call the page's feature where its text does not say it (バックアップ, 名簿)."""

    exclude: bool = False
    keywords: list[Title] = Field(default_factory=list)


class PageMeta(Model):
    """Front matter every page must have. Unknown keys are refused, so a typo is caught."""

    title: Title
    last_reviewed: dt.date
    """The day someone last checked the page against its sources (最終確認日)."""
    description: Text | None = None
    hide: list[Literal["navigation", "toc", "footer", "tags"]] = Field(default_factory=list)
    search: SearchOptions = Field(default_factory=SearchOptions)


class Page(PageMeta):
    """An ordinary page. (Kinds of page with more rules subclass :class:`PageMeta`; fields
    declared there validate in declaration order, so a rule can read an earlier field.)"""

    tags: list[Title] = Field(default_factory=list)


@dataclass(frozen=True)
class PageSource:
    """One page's validated front matter, with what is needed to locate errors in it."""

    src_uri: str
    display: str
    meta: Any
    raw: Any
    offset: int
    """Lines before the YAML (the opening ``---``): YAML line + offset = file line."""
    body: str
    body_line: int
    """File line of the first line after the front matter."""

    def line(self, *loc: int | str) -> int:
        return line_of(self.raw, loc) + self.offset

    def error(self, message: str, *loc: int | str) -> SourceError:
        return SourceError(self.display, self.line(*loc), message)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """``(yaml, body, body_line)``; ``yaml`` is None when the page has no front matter."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    return match["yaml"], text[match.end():], match.group(0).count("\n") + 1


_FENCE = re.compile(r"^\s*(```|~~~)")


def body_lines(text: str):
    """(line number, text) of each body line of a page outside code fences."""
    _, body, body_line = split_front_matter(text)
    fenced = False
    for number, line in enumerate(body.splitlines(), start=body_line):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def read_page(
    path: Path,
    docs_dir: Path,
    model: type[BaseModel],
    context: dict[str, Any] | None = None,
    display_root: Path | None = None,
) -> tuple[PageSource | None, list[SourceError]]:
    src_uri = path.relative_to(docs_dir).as_posix()
    display = path.relative_to(display_root).as_posix() if display_root else f"docs/{src_uri}"
    # utf-8-sig: Notepad saves UTF-8 with a BOM, and MkDocs reads such a page.
    yaml_text, body, body_line = split_front_matter(path.read_text(encoding="utf-8-sig"))
    if yaml_text is None:
        return None, [SourceError(display, 1, "front matter がありません。ファイルの先頭に「---」「title: …」「last_reviewed: 2026-11-27」「---」の4行を書いてください。")]
    raw, problems = parse_yaml(yaml_text, display, line_offset=1)
    if problems:
        return PageSource(src_uri, display, None, None, 1, body, body_line), problems
    if raw is None:
        raw = {}
    meta, problems = validate(model, raw, display, context, line_offset=1)
    return PageSource(src_uri, display, meta, raw, 1, body, body_line), problems


def load_pages(
    docs_dir: Path,
    model_for: Callable[[str], type[BaseModel]],
    context: dict[str, Any] | None = None,
    display_root: Path | None = None,
    check_body: Callable[[PageSource], list[SourceError]] | None = None,
) -> tuple[dict[str, PageSource], list[SourceError]]:
    """Read every ``*.md`` under ``docs_dir``; return the valid pages and every error.

    ``check_body`` runs on every page that has front matter, valid or not, so a page's
    body errors are reported together with its front-matter errors.
    """
    pages: dict[str, PageSource] = {}
    errors: list[SourceError] = []
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        page, problems = read_page(path, docs_dir, model_for(src_uri), context, display_root)
        errors.extend(problems)
        if page is not None and check_body is not None:
            errors.extend(check_body(page))
        if page is not None and not problems:
            pages[src_uri] = page
    return pages, errors


# 和暦: only the current era is needed for review dates (令和 began on 2019-05-01).
_REIWA = dt.date(2019, 5, 1)


def wareki_year(day: dt.date) -> str | None:
    """``令和8年`` for 2026; ``令和元年`` for 2019; None before 令和."""
    if day < _REIWA:
        return None
    year = day.year - 2018
    return f"令和{'元' if year == 1 else year}年"


def format_reviewed(value: dt.date | str) -> str:
    """``2026年11月26日(令和8年)``: the date as Japanese documents show it."""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    text = f"{day.year}年{day.month}月{day.day}日"
    era = wareki_year(day)
    return f"{text}({era})" if era else text
