"""「」 in the site's sources: each one is a registered kind, or the build refuses it.

The site puts 「」 around only these:

- the article's words: never written as 「…」 in a source, but through ``{{ article_quote("…") }}``
  or ``quote:`` in data (rendered as ``<q data-source="article">``, CSS draws the brackets);
- a title (a page, program, module, worksheet, tree, checklist, step, or a document in
  data/sources.yml or data/facts.yml), a glossary term, or an entry of ``data/labels.yml``
  (a label on the screen, a term, the title of another publisher's page, or another
  source's words with that source named).

Anything else in 「」 is refused at its ``file:line``: a paraphrase carries no brackets. When
the source article is at hand (``DX_SOURCE_ARTICLE`` or ``../shared/seed/*.txt``), text that
is the article's own words gets a message that says so.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from .diagnostics import SourceError
from .model import Model, Text
from .sitedata import Collection, SiteData
from .yamlsource import strings

BRACKET = re.compile(r"「([^「」\n]*)」")
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
CODE = re.compile(r"`[^`\n]*`")
SKIP_KEYS = {"quote", "id", "reading", "page", "url"}

KIND_NAMES = {
    "title": "題名",
    "term": "用語",
    "label": "画面の言葉",
    "source-title": "ほかの資料の題名",
    "source-quote": "ほかの資料の言葉(出典つき)",
    "example": "記入例",
}


class Label(Model):
    text: Text
    """Exactly as it stands between the brackets."""
    kind: Literal["term", "label", "source-title", "source-quote"]
    source: Text | None = None
    """For ``source-quote`` and ``source-title``: whose words or page these are."""

    @model_validator(mode="after")
    def _source(self):
        if self.kind in ("source-quote", "source-title") and not self.source:
            raise ValueError(f"kind: {self.kind} には、だれの言葉・資料かを source に書いてください。")
        return self


class LabelsFile(Model):
    labels: list[Label] = Field(min_length=1)


COLLECTION = Collection("labels", "labels.yml", LabelsFile)


def registry(data: SiteData, titles: dict[str, str]) -> dict[str, str]:
    """Text allowed in 「」 → its kind."""
    known: dict[str, str] = {}

    def add(text: str | None, kind: str) -> None:
        if text:
            known.setdefault(text.strip(), kind)

    for f in data.all("labels"):
        for label in f.labels:
            add(label.text, label.kind)
    for title in titles.values():
        add(title, "title")
    for f in data.all("steps"):
        for s in f.steps:
            add(s.title, "title")
    for f in data.all("programs"):
        for p in f.programs:
            add(p.title, "title")
    for f in data.all("modules"):
        for m in f.modules:
            add(m.title, "title")
    for kind in ("worksheets", "decisions", "checklists"):
        for item in data.all(kind):
            add(item.title, "title")
    for f in data.all("sources"):
        for s in f.sources:
            add(s.title, "source-title")
    for f in data.all("facts"):
        for fact in f.facts:
            if fact.source:
                add(fact.source.title, "source-title")
    for f in data.all("glossary"):
        for t in f.terms:
            add(t.term, "term")
            for alias in t.aliases or []:
                add(alias, "term")
    return known


def examples(data: SiteData) -> set[str]:
    """Worksheet examples: the sheet template shows a column's example in 「」."""
    found = set()
    for sheet in data.all("worksheets"):
        for section in sheet.sections:
            for field in section.fields:
                found.update(c.example for c in field.columns if c.example)
    return found


def classify(text: str, known: dict[str, str]) -> str | None:
    if not text.strip():
        return "label"  # 「」 itself, as when a page explains how it quotes
    return known.get(text.strip())


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def article_text(root: Path) -> str | None:
    named = os.environ.get("DX_SOURCE_ARTICLE")
    found = [Path(named)] if named else sorted((root.parent / "shared" / "seed").glob("*.txt"))
    if found and found[0].is_file():
        return _squash(found[0].read_text(encoding="utf-8"))
    return None


def _message(inner: str, article: str | None) -> str:
    if article and len(_squash(inner)) >= 4 and _squash(inner) in article:
        return (f"「{inner}」は出典の記事の言葉です。ページでは {{{{ article_quote(\"{inner}\") }}}}、データでは quote: で示すか、"
                "「」を外して要約にしてください。")
    return (f"「{inner}」は、登録された題名・用語・画面の言葉ではありません。要約なら「」を外してください。"
            "用語・画面の言葉・ほかの資料の言葉なら data/labels.yml に登録してください(ほかの資料の言葉は source も)。")


def _markdown_lines(path: Path):
    fenced = False
    in_front = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if number == 1 and line.strip() == "---":
            in_front = True
            continue
        if in_front:
            in_front = line.strip() != "---"
            continue
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            continue
        yield number, CODE.sub("", MACRO.sub("", line))


def _yaml_strings(node):
    """Each line of the data's strings, with its line (a block scalar's lines follow its first)."""
    for line, text in strings(node, SKIP_KEYS):
        for offset, part in enumerate(text.splitlines()):
            yield line + (offset if "\n" in text else 0), part


def scan(docs_dir: Path, data: SiteData, known: dict[str, str], article: str | None) -> list[SourceError]:
    """Every 「」 in docs/**/*.md and in the data's text, refused unless registered."""
    errors = []
    docs_root = docs_dir.parent
    for path in sorted(docs_dir.rglob("*.md")):
        display = path.relative_to(docs_root).as_posix()
        for number, line in _markdown_lines(path):
            for m in BRACKET.finditer(line):
                if classify(m.group(1), known) is None:
                    errors.append(SourceError(display, number, _message(m.group(1), article)))
    for name, docs in data.documents.items():
        if name == "labels":
            continue
        for doc in docs:
            for number, text in _yaml_strings(doc.raw):
                for m in BRACKET.finditer(text):
                    if classify(m.group(1), known) is None:
                        errors.append(SourceError(doc.display, number, _message(m.group(1), article)))
    return errors
