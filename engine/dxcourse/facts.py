"""このサイトが加えた事実: every fact the site states beyond the article, with its source.

``data/facts.yml`` lists each fact: what the site says, whether it was checked against a
source (``verified``), is the site's own inference (``inferred``) or could not be checked
(``unverified``, with where a reader can check it), the source's publisher, title and
address, and the day it was last checked (``checked_on``). Pages mark a fact with
``{{ fact("id") }}``, a link to its entry on the generated page (docs/facts.md,
``{{ facts_list() }}``).

Refusals (build errors, at the file's line): a fact without a source; a verified fact
without the source's address; an inference without its basis; an unverified fact that does
not say where to check. A fact whose ``checked_on`` is older than
``extra.fact_max_age_months`` (default 12) is a warning, which fails ``--strict``.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any, Literal

from markupsafe import Markup
from pydantic import Field, model_validator

from .diagnostics import SourceError
from .model import Id, Model, PageRef, Text, Title
from .render import render
from .sitedata import Collection, SiteData

log = logging.getLogger("mkdocs.plugins.dx.facts")

DEFAULT_MAX_AGE_MONTHS = 12
PAGE = "facts.md"

Status = Literal["verified", "inferred", "unverified"]
STATUS_NAMES = {"verified": "出典で確認", "inferred": "このサイトの推定", "unverified": "確かめられていない"}


class FactSource(Model):
    publisher: Title
    title: Text
    """As the publisher names it, without 「」 (the page adds them)."""
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """The source's address. Required for a verified fact."""


class Fact(Model):
    id: Id
    """The anchor on the facts page (facts.md#id). Pages link to it."""
    says: Text
    """What the site says, in the site's words (no 「」 around other people's words)."""
    status: Status
    source: FactSource | None = None
    checked_on: dt.date
    """The day the site last checked the fact against its source."""
    note: Text | None = None
    """What was checked and how; for an inference, what it is inferred from."""
    where_to_check: Text | None = None
    """Where a reader can check it: required when the site could not."""
    pages: list[PageRef] = Field(default_factory=list)
    """Pages that state the fact."""

    @model_validator(mode="before")
    @classmethod
    def _has_source(cls, raw: Any) -> Any:
        if isinstance(raw, dict) and not raw.get("source"):
            name = raw.get("id", "(id なし)")
            raise ValueError(
                f"事実 '{name}' に出典(source: publisher・title・url)がありません。"
                "出典のない事実は載せられません。出典を書くか、ページからその事実を消してください。"
            )
        return raw

    @model_validator(mode="after")
    def _status_rules(self):
        if self.status == "verified" and not (self.source and self.source.url):
            raise ValueError("status: verified の事実には、確かめた出典のアドレス(source.url)を書いてください。")
        if self.status == "inferred" and not self.note:
            raise ValueError("status: inferred(このサイトの推定)には、何から推定したかを note に書いてください。")
        if self.status == "unverified" and not self.where_to_check:
            raise ValueError("status: unverified(確かめられていない)には、読者が確かめられる場所を where_to_check に書いてください。")
        return self


class FactsFile(Model):
    facts: list[Fact] = Field(min_length=1)


def _unique(doc) -> list[SourceError]:
    seen: set[str] = set()
    errors = []
    for i, fact in enumerate(doc.value.facts):
        if fact.id in seen:
            errors.append(doc.error(f"事実の id '{fact.id}' が重なっています。別の id にしてください。", "facts", i, "id"))
        seen.add(fact.id)
    return errors


COLLECTION = Collection("facts", "facts.yml", FactsFile, cross_check=_unique, items="facts")


def max_age_months(extra: dict | None) -> int:
    value = (extra or {}).get("fact_max_age_months", DEFAULT_MAX_AGE_MONTHS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"mkdocs.yml の extra.fact_max_age_months は1以上の整数(月数)にしてください(今は {value!r})")
    return value


def _months_between(earlier: dt.date, later: dt.date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def stale(data: SiteData, months: int, today: dt.date | None = None) -> list[SourceError]:
    """Facts last checked more than ``months`` ago: warnings, each at the fact's line."""
    today = today or dt.date.today()
    found = []
    for doc in data.documents.get("facts", []):
        for i, fact in enumerate(doc.value.facts):
            age = _months_between(fact.checked_on, today)
            if age > months:
                found.append(doc.error(
                    f"事実 '{fact.id}' は {fact.checked_on.isoformat()} に確かめたきりです({age}か月前。"
                    f"上限は{months}か月)。出典をもう一度確かめて checked_on を更新するか、ページからその事実を消してください。",
                    "facts", i, "checked_on"))
    return found


def warn_stale(data: SiteData, extra: dict | None, today: dt.date | None = None) -> list[SourceError]:
    """Log each stale fact as a warning (``mkdocs build --strict`` then fails)."""
    found = stale(data, max_age_months(extra), today)
    for problem in found:
        log.warning(str(problem))
    return found


def known(data: SiteData) -> dict[str, Fact]:
    return {f.id: f for doc in data.all("facts") for f in doc.facts}


def render_list(data: SiteData, page, mark, titles: dict[str, str]) -> Markup:
    facts = [f for doc in data.all("facts") for f in doc.facts]
    return render("facts.html", facts=facts, names=STATUS_NAMES, link=page.links, mark=mark, titles=titles)


def render_marker(data: SiteData, page, fact_id: str) -> Markup:
    table = known(data)
    if fact_id not in table:
        names = ", ".join(sorted(table)) or "(なし)"
        return page.error(f"fact(): 事実 '{fact_id}' は data/facts.yml にありません。そこにある id({names})を指定してください", "fact(")
    fact = table[fact_id]
    return render("fact_marker.html", fact=fact, href=page.links(f"{PAGE}#{fact.id}"), name=STATUS_NAMES[fact.status])
