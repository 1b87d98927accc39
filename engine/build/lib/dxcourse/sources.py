"""出典: the documents the site's dated facts come from, in ``data/sources.yml``.

A page that states a time-bound fact ends with ``## 出典`` and ``{{ sources("id", ...) }}``,
which lists each document with its publisher and date, and says when the site last checked it.
"""

from __future__ import annotations

from markupsafe import Markup
from pydantic import Field

from .model import Id, Model, Text
from .quotes import quote_html
from .render import render
from .sitedata import Collection


class Source(Model):
    id: Id
    publisher: Text
    title: Text
    """As the publisher names it, without 「」 (the list adds them)."""
    issued: Text
    """Dates of publication and revision, as far as the site can name them (2021年7月7日 初版 …)."""
    note: Text | None = None
    """What the site takes from it, and as of when."""


class SourcesFile(Model):
    sources: list[Source] = Field(min_length=1)


COLLECTION = Collection("sources", "sources.yml", SourcesFile)


def known(data) -> dict[str, Source]:
    return {s.id: s for f in data.all("sources") for s in f.sources}


def render_sources(data, page, mark, ids: tuple[str, ...]) -> Markup:
    table = known(data)
    unknown = [i for i in ids if i not in table]
    if unknown or not ids:
        names = ", ".join(sorted(table))
        return page.error(
            f"sources(): 出典 {', '.join(repr(i) for i in unknown) or '(なし)'} は data/sources.yml にありません。"
            f"そこにある id({names})を指定するか、data/sources.yml に足してください",
            "sources(",
        )
    return render("sources.html", sources=[table[i] for i in ids], mark=mark)


def render_quote(page, mark, text: str) -> Markup:
    """``{{ article_quote("…") }}``: the article's exact words inside a page's prose."""
    text = text.strip()
    if not text or text[0] in "「『" or text[-1] in "」』":
        return page.error("article_quote(): 「」を付けずに、記事の原文だけを書いてください", "article_quote(")
    return quote_html(mark(text))
