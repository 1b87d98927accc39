"""The glossary: one YAML file feeds both the 用語集 page and the tooltips on every page.

``data/glossary.yml`` is validated like any other data file. From it:

- ``{{ glossary() }}`` renders the 用語集 page;
- :class:`JapaneseAbbrExtension` (added to the Markdown extensions by ``define_env``) wraps
  each term where a page uses it in ``<abbr title="...">``, which Material's
  ``content.tooltips`` shows on hover and focus.

Why not Python-Markdown's ``abbr`` with a snippet appended to every page: its pattern is
``\\b(?:TERM)\\b``, and Japanese text has no word boundaries, so 「DXの」 or
「RPAを」 never matched (kana and kanji are word characters to ``re``). And a generated
snippet file is a second copy of the glossary that can drift from the page; here there is
one source, and its mistakes stop the build at ``data/glossary.yml:LINE``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from markupsafe import Markup, escape
from mkdocs.exceptions import ConfigurationError
from pydantic import Field

from .diagnostics import SourceError
from .model import Id, Model, PageRef, Text, Title
from .render import render
from .sitedata import Collection, Document


class Term(Model):
    id: Id
    """Anchor on the 用語集 page: ``glossary.md#<id>``."""
    term: Title
    """The text as pages write it; every occurrence gets the tooltip."""
    reading: Title | None = None
    expansion: Text | None = None
    """What an abbreviation stands for (Robotic Process Automation)."""
    definition: Text = Field(max_length=120)
    """One or two plain sentences: the tooltip text and the first line on the 用語集 page."""
    detail: Text | None = None
    """More explanation, shown on the 用語集 page only."""
    aliases: list[Title] = Field(default_factory=list)
    """Other spellings that get the same tooltip (チェンジマネージメント)."""
    see: list[PageRef] = Field(default_factory=list)
    """Pages of this site where the term matters most."""

    @property
    def tooltip(self) -> str:
        return f"{self.expansion}。{self.definition}" if self.expansion else self.definition


class GlossaryFile(Model):
    terms: list[Term] = Field(min_length=1)


def _unique_spellings(doc: Document) -> list[SourceError]:
    """A spelling (term or alias) may name one term only."""
    errors, seen = [], {}
    for index, term in enumerate(doc.value.terms):
        spellings = [(("term",), term.term)] + [(("aliases", i), a) for i, a in enumerate(term.aliases)]
        for loc, spelling in spellings:
            if spelling in seen:
                errors.append(doc.error(f"'{spelling}' is already defined by term '{seen[spelling]}'", "terms", index, *loc))
            else:
                seen[spelling] = term.id
    return errors


COLLECTION = Collection("glossary", "glossary.yml", GlossaryFile, cross_check=_unique_spellings)


def terms(data) -> list[Term]:
    (glossary_file,) = data.all("glossary")
    return glossary_file.terms


def abbreviations(data) -> dict[str, str]:
    """Spelling → tooltip, for the Markdown extension."""
    result: dict[str, str] = {}
    for term in terms(data):
        for spelling in (term.term, *term.aliases):
            result[spelling] = term.tooltip
    return result


_VOWEL_OF = {
    kana: vowel
    for vowel, row in zip(
        "あいうえお",
        [
            "あかさたなはまやらわがざだばぱぁゃゎ",
            "いきしちにひみりぎじぢびぴぃ",
            "うくすつぬふむゆるぐずづぶぷぅゅっゔ",
            "えけせてねへめれげぜでべぺぇ",
            "おこそとのほもよろをごぞどぼぽぉょ",
        ],
    )
    for kana in row
}
_SMALL = str.maketrans("ぁぃぅぇぉゃゅょっゎ", "あいうえおやゆよつわ")


def reading_key(reading: str) -> str:
    """Sort key in 五十音 order: ー takes the vowel before it, so あーるぴーえー (RPA) sorts as ああるぴいええ, before あいおーてぃー (IoT)."""
    key = []
    for char in reading:
        key.append(_VOWEL_OF.get(key[-1], char) if char == "ー" and key else char)
    return "".join(key).translate(_SMALL)


def render_glossary(data, page, titles: dict[str, str]) -> Markup:
    """The 用語集: every term, in 五十音 order of its reading (or by spelling)."""
    ordered = sorted(terms(data), key=lambda t: reading_key(t.reading or t.term.casefold()))
    return render("glossary.html", terms=ordered, titles=titles, link=page.links)


def marker(data) -> Callable[[str], Markup]:
    """``mark(text)``: escaped text with each glossary term in ``<abbr title>``.

    For text that widgets render from front matter or YAML (an FAQ title in a list): it is
    raw HTML to Markdown, so the Markdown extension below never sees it.
    """
    abbrs = abbreviations(data)
    keys = sorted(abbrs, key=len, reverse=True)
    pattern = re.compile("|".join(JapaneseAbbrTreeprocessor._pattern(key) for key in keys))

    # The same titles and labels are marked on page after page. Keyed by type too: a Markup
    # and a str that are equal are escaped differently.
    marked: dict[tuple[type, str], Markup] = {}

    def mark(text: str) -> Markup:
        key = (type(text), text)
        if key not in marked:
            marked[key] = _mark(text)
        return marked[key]

    def _mark(text: str) -> Markup:
        parts, last = [], 0
        for match in pattern.finditer(text):
            parts.append(escape(text[last:match.start()]))
            parts.append(Markup('<abbr title="{}">{}</abbr>').format(abbrs[match[0]], match[0]))
            last = match.end()
        parts.append(escape(text[last:]))
        return Markup("").join(parts)

    return mark


# --- Markdown -------------------------------------------------------------------------

_ASCII_WORD = "A-Za-z0-9"


class JapaneseAbbrTreeprocessor(AbbrTreeprocessor):
    """``abbr`` that matches inside Japanese text, and lets keyboard users reach each term.

    Boundaries: an ASCII term (DX, RPA) must not touch other ASCII letters or digits, so
    "DX" is found in 「DXの推進」 but not inside "DXF". Japanese terms match wherever they
    occur.

    Focus: ``<abbr>`` is not focusable, so its title (and Material's tooltip, which opens on
    hover *or focus*) would be out of reach for keyboard users (WCAG 2.1.1, 1.4.13). The
    first occurrence of each term on a page gets ``tabindex="0"``: one tab stop per term
    (an alias shares its term's stop), not one per occurrence. An ``<abbr>`` inside a link gets none; the link is the stop.
    """

    def run(self, root: etree.Element) -> None:
        if not self.abbrs:
            return
        keys = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile("|".join(self._pattern(key) for key in keys))
        self.iter_element(root)
        self._focus_first(root)

    @staticmethod
    def _pattern(key: str) -> str:
        escaped = re.escape(key)
        before = f"(?<![{_ASCII_WORD}])" if key[:1].isascii() and key[:1].isalnum() else ""
        after = f"(?![{_ASCII_WORD}])" if key[-1:].isascii() and key[-1:].isalnum() else ""
        return before + escaped + after

    @staticmethod
    def _focus_first(root: etree.Element) -> None:
        seen: set[str] = set()

        def walk(el: etree.Element, in_link: bool) -> None:
            for child in el:
                if child.tag == "abbr" and not in_link and child.get("title") not in seen:
                    seen.add(child.get("title"))
                    child.set("tabindex", "0")
                walk(child, in_link or child.tag == "a")

        walk(root, False)


class JapaneseAbbrExtension(AbbrExtension):
    """Python-Markdown's ``abbr`` with :class:`JapaneseAbbrTreeprocessor`.

    Page-local ``*[TERM]: title`` definitions still work, as with ``abbr``.
    """

    def extendMarkdown(self, md) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(JapaneseAbbrTreeprocessor(md, self.abbrs), "abbr", 7)


def install(config, data) -> None:
    """Add the extension, fed from the glossary, to the site's Markdown extensions."""
    names = [e for e in config["markdown_extensions"] if isinstance(e, str)]
    if "abbr" in names:
        raise ConfigurationError(
            "mkdocs.yml: remove 'abbr' from markdown_extensions; the dxcourse engine adds a version that works in Japanese text"
        )
    config["markdown_extensions"].append(JapaneseAbbrExtension(glossary=abbreviations(data)))
