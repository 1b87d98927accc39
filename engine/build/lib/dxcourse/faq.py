"""FAQ entries: one Markdown file each under ``docs/faq/``; lists generated from their front matter.

An entry's front matter says which question of the source article it answers, which step it
belongs to and its topics. The step pages (``{{ faq_questions("step-1") }}``), the FAQ index
(``{{ faq_index() }}``) and each entry's related links (``{{ faq_related() }}``) are built
from it, so adding a file adds the entry everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from markupsafe import Markup
from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from .diagnostics import SourceError
from .model import ref
from .pages import Page, PageMeta, PageSource
from .render import render

FAQ_DIR = "faq/"
SECTIONS = ("結論", "理由", "進め方", "関連")
"""The second-level headings every entry has, in this order."""

Question = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


def step_tag(number: int) -> str:
    return f"ステップ{number}"


class FaqMeta(PageMeta):
    """Front matter of one FAQ entry."""

    question: Question
    """asked: the article's exact words (shown as a quotation); otherwise the site's wording, unquoted."""
    source: Literal["article", "local"]
    """``article``: a question of the source article (記事での問い). ``local``: the site's own (このサイトの問い)."""
    asked: bool = False
    """For ``article``: true when the article lists it as a question, false when its answers settle it unasked."""

    @field_validator("source")
    @classmethod
    def _source_needs_an_article(cls, source: str, info: ValidationInfo) -> str:
        if source == "article" and (info.context or {}).get("source_name") == "":
            raise ValueError("このサイトには出典の記事が設定されていません(mkdocs.yml の extra.source.name)。source: local にしてください。")
        return source

    @field_validator("asked")
    @classmethod
    def _asked_is_for_article(cls, asked: bool, info: ValidationInfo) -> bool:
        if asked and info.data.get("source") == "local":
            raise ValueError("asked: true は記事に挙がった問いにだけ使います。source: local の問いでは消してください。")
        return asked
    step: Annotated[str, ref("steps")]
    order: int = Field(ge=1, le=99)
    """Position among the entries of the same step."""
    tags: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]] = Field(min_length=2)
    """The step's tag (``ステップ1``) and at least one topic; Material shows and indexes them."""

    @field_validator("tags")
    @classmethod
    def _tags_name_the_step(cls, tags: list[str], info: ValidationInfo) -> list[str]:
        if len(set(tags)) != len(tags):
            raise ValueError("同じタグが2回あります。1つにしてください。")
        numbers = (info.context or {}).get("step_numbers", {})
        step = info.data.get("step")
        if step in numbers:
            wanted = step_tag(numbers[step])
            if wanted not in tags:
                raise ValueError(f"ステップのタグ '{wanted}' を tags に入れてください。")
            others = [tag for tag in tags if tag.startswith("ステップ") and tag != wanted]
            if others:
                raise ValueError(f"step と違うステップのタグがあります: {', '.join(others)}。step に合わせて直してください。")
        return tags

    @property
    def topics(self) -> list[str]:
        return [tag for tag in self.tags if not tag.startswith("ステップ")]


def is_entry(src_uri: str) -> bool:
    return src_uri.startswith(FAQ_DIR) and src_uri != FAQ_DIR + "index.md"


def model_for(src_uri: str) -> type[PageMeta]:
    return FaqMeta if is_entry(src_uri) else Page


_HEADING = re.compile(r"^##[ \t]+(?P<text>.+?)[ \t]*(?:\{[^}]*\})?[ \t]*$")


def _where_missing(before: tuple[str, ...], found: list[tuple[str, int]], body_line: int, end_line: int) -> tuple[int, str]:
    """The line where a missing section belongs: where the section before it ends."""
    previous = [(name, line) for name, line in found if name in before]
    if not previous:
        first = found[0][1] if found else body_line
        return first, "本文の最初"
    name, line = previous[-1]
    following = [ln for _, ln in found if ln > line]
    return (following[0] if following else end_line), f"「## {name}」の節の後"


def check_sections(page: PageSource) -> list[SourceError]:
    """Each entry has ``## 結論``, ``## 理由``, ``## 進め方``, ``## 関連``, in that order."""
    if not is_entry(page.src_uri):
        return []
    found: list[tuple[str, int]] = []
    fenced = False
    for number, text in enumerate(page.body.splitlines(), start=page.body_line):
        if text.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else _HEADING.match(text)
        if match:
            found.append((match["text"], number))
    names = [name for name, _ in found]
    errors = []
    end_line = page.body_line + len(page.body.splitlines())
    for index, section in enumerate(SECTIONS):
        if section not in names:
            line, where = _where_missing(SECTIONS[:index], found, page.body_line, end_line)
            errors.append(
                SourceError(page.display, line, f"見出し「## {section}」がありません。{where}に書いてください(結論・理由・進め方・関連の順)。")
            )
    present = [(name, line) for name, line in found if name in SECTIONS]
    expected = [name for name in SECTIONS if name in names]
    if [name for name, _ in present] != expected and not errors:
        name, line = next((n, ln) for (n, ln), want in zip(present, expected) if n != want)
        errors.append(
            SourceError(page.display, line, f"見出し「## {name}」の位置が違います。結論・理由・進め方・関連の順に並べてください。")
        )
    return errors


@dataclass(frozen=True)
class Entry:
    src_uri: str
    meta: FaqMeta


class Faq:
    """The validated entries, sorted by step and order."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = sorted(entries, key=lambda e: (e.meta.step, e.meta.order, e.src_uri))

    @classmethod
    def from_pages(cls, pages: dict[str, PageSource]) -> tuple[Faq, list[SourceError]]:
        entries, errors = [], []
        seen: dict[tuple[str, int], str] = {}
        for src_uri, page in sorted(pages.items()):
            if not is_entry(src_uri):
                continue
            key = (page.meta.step, page.meta.order)
            if key in seen:
                errors.append(page.error(f"order {page.meta.order} は {seen[key]} が使っています。同じステップの中で重ならない番号にしてください。", "order"))
            seen.setdefault(key, page.display)
            entries.append(Entry(src_uri, page.meta))
        return cls(entries), errors

    def for_step(self, step_id: str) -> list[Entry]:
        return [e for e in self.entries if e.meta.step == step_id]

    def get(self, src_uri: str) -> Entry | None:
        return next((e for e in self.entries if e.src_uri == src_uri), None)

    def topics(self) -> dict[str, list[Entry]]:
        """Topic → entries, topics in order of first use (step, then order)."""
        grouped: dict[str, list[Entry]] = {}
        for entry in self.entries:
            for topic in entry.meta.topics:
                grouped.setdefault(topic, []).append(entry)
        return grouped


def _steps(data) -> list[Any]:
    (steps_file,) = data.all("steps")
    return steps_file.steps


def render_questions(faq: Faq, data, page, mark, step_id: str) -> Markup:
    """The step page's list: each question links to its entry."""
    if step_id not in {s.id for s in _steps(data)}:
        return page.error(f"faq_questions: unknown step id '{step_id}'", "faq_questions")
    entries = faq.for_step(step_id)
    return render(
        "faq_questions.html",
        asked=[e for e in entries if e.meta.source == "article" and e.meta.asked],
        settled=[e for e in entries if e.meta.source == "article" and not e.meta.asked],
        local=[e for e in entries if e.meta.source == "local"],
        link=page.links,
        mark=mark,
    )


def render_index(faq: Faq, data, page, mark, by: str = "step") -> Markup:
    """The FAQ index, grouped ``by`` step (with a heading each) or by topic."""
    if by not in ("step", "topic"):
        return page.error(f"faq_index: by must be 'step' or 'topic', not '{by}'", "faq_index")
    groups = [(step, faq.for_step(step.id)) for step in _steps(data)]
    return render(
        "faq_index.html",
        by=by,
        groups=[(step, entries) for step, entries in groups if entries],
        topics=faq.topics(),
        link=page.links,
        mark=mark,
    )


def render_related(faq: Faq, data, page, mark) -> Markup:
    """An entry's links back to its step page and to the other entries of the same step."""
    entry = faq.get(page.src_uri)
    if entry is None:
        return page.error("faq_related() is only for FAQ entries (docs/faq/*.md)", "faq_related")
    step = next(s for s in _steps(data) if s.id == entry.meta.step)
    others = [e for e in faq.for_step(step.id) if e.src_uri != entry.src_uri]
    return render("faq_related.html", step=step, others=others, link=page.links, mark=mark)


def render_question(faq: Faq, data, page, mark) -> Markup:
    """The article's own phrasing of the question, shown at the top of an entry."""
    entry = faq.get(page.src_uri)
    if entry is None:
        return page.error("faq_question() is only for FAQ entries (docs/faq/*.md)", "faq_question")
    step = next(s for s in _steps(data) if s.id == entry.meta.step)
    return render("faq_question.html", entry=entry, step=step, link=page.links, mark=mark)


def context(data, docs_dir, pages: set[str] | None = None, source_name: str | None = None) -> dict[str, Any]:
    """Validation context for front matter: known step ids and their numbers, known pages,
    and what the site calls its source article (``""``: the site has none)."""
    from .sitedata import docs_pages

    result: dict[str, Any] = {"ids": {}, "pages": pages if pages is not None else docs_pages(docs_dir)}
    if source_name is not None:
        result["source_name"] = source_name
    if data is not None and "steps" not in getattr(data, "failed", ()) and data.all("steps"):
        steps = _steps(data)
        result["ids"]["steps"] = {s.id for s in steps}
        result["step_numbers"] = {s.id: s.number for s in steps}
    return result
