"""The article's own words, marked as such.

A quotation attributed to the source article must be its exact text; a paraphrase carries
no 「」. Data says which is which: ``quote:`` holds the article's text (without 「」), ``says:``
the site's summary of a point the article makes. Pages quote with ``{{ article_quote("…") }}``.
Both render as ``<q class="dx-quote" data-source="article">``, so tests/site/test_quotes.py
can list every quote on the built site and find each one in the article.
"""

from __future__ import annotations

from typing import Literal

from markupsafe import Markup
from pydantic import model_validator

from .model import Model, Text

Part = Literal["質問", "背景", "回答", "研修"]
"""Where in the article the point is made: its FAQ lists, 背景, 私からの答え, or the list of programs."""

BRACKETS = "「」『』"


class ArticlePoint(Model):
    """One point of the article: either its exact words (``quote``) or the site's summary (``says``)."""

    part: Part = "回答"
    quote: Text | None = None
    """The article's words, exactly, without the surrounding 「」."""
    says: Text | None = None
    """The point in the site's words. No 「」: a paraphrase is not a quotation."""

    @model_validator(mode="after")
    def _one_of(self):
        if (self.quote is None) == (self.says is None):
            raise ValueError("quote(記事の原文)か says(このサイトによる要約)のどちらか一方を書いてください")
        if self.quote is not None and (self.quote[0] in BRACKETS or self.quote[-1] in BRACKETS):
            raise ValueError("quote には「」を付けずに、記事の原文だけを書いてください(表示のときに付きます)")
        if self.says is not None and any(c in self.says for c in "「」"):
            raise ValueError("says は要約なので「」を使えません。記事の原文どおりなら quote に書いてください")
        return self


def quote_html(text: str) -> Markup:
    """The one markup for the article's words; CSS draws the 「」."""
    return Markup('<q class="dx-quote" data-source="article">{}</q>').format(text)
