"""Split a page's rendered HTML into searchable sections at its h2 and h3 headings.

A term with its own anchor (<dt id=…>, as in the glossary) starts a section too: it is
what a link to that term points at, and a page of many terms is not one long section.
Anything inside an element with data-search-exclude is left out (Material's convention), and
so is what a reader of the page without JavaScript never sees: elements with `hidden` (a
widget's controls, messages and results before its script shows them), form fields' own
text, and text only for screen readers. Snippets then never read 「前の問いに戻る」.

Python's own html.parser is enough for HTML that Python-Markdown produced, and keeps the
shared, pinned environment free of another dependency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

SECTION_HEADINGS = {"h2", "h3"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Text that is not content: the permalink sign, code that runs, and what a page marks out.
SKIPPED_TAGS = {"script", "style", "template", "noscript", "button", "select", "textarea"}
# Widget parts shown by JavaScript (site.js DX.reveal) and text only for screen readers.
SKIPPED_CLASSES = {"headerlink", "dx-js-only", "dx-visually-hidden"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
}
# A line break in the Markdown source between two Japanese characters is no space in the text.
SOURCE_BREAK_IN_JAPANESE = re.compile(r"(?<=[\u2e80-\uffef])[ \t]*\n\s*(?=[\u2e80-\uffef])")
SPACES = re.compile(r"\s+")
# Written at block boundaries while collecting; unlike a source line break, always a space.
BLOCK_BREAK = "\x01"


@dataclass
class Section:
    anchor: str  # the heading's id; "" for the text before the first h2
    heading: str
    text: str


@dataclass
class _Open:
    tag: str
    skipping: bool


class _SectionParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = []
        self._stack: list[_Open] = []
        self._skip_depth = 0
        self._heading: list[str] | None = None  # collecting a heading's text
        self._heading_tag = ""
        self._anchor = ""
        self._title = ""
        self._body: list[str] = []
        self._pending_heading = ""  # the heading of the section being collected

    # Parsing

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        skipping = (
            tag in SKIPPED_TAGS
            or "data-search-exclude" in attributes
            or "hidden" in attributes
            or not SKIPPED_CLASSES.isdisjoint(classes)
            or attributes.get("aria-hidden") == "true"
        )
        if tag not in VOID_TAGS:
            self._stack.append(_Open(tag, skipping))
            self._skip_depth += skipping
        if self._skip_depth:
            return
        if tag in SECTION_HEADINGS or (tag == "h1" and not self._title) or (tag == "dt" and "id" in attributes):
            self._finish_section()
            self._heading, self._heading_tag = [], tag
            self._anchor = (attributes.get("id") or "") if tag != "h1" else ""
        elif tag in BLOCK_TAGS:
            self._write(BLOCK_BREAK)

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        while self._stack:
            open_ = self._stack.pop()
            self._skip_depth -= open_.skipping
            if open_.tag == tag:
                break
        if self._skip_depth:
            return
        if self._heading is not None and tag == self._heading_tag:
            text = clean("".join(self._heading))
            if tag == "h1":
                self._title = text
            self._heading = None
            self._pending_heading = text
        elif tag in BLOCK_TAGS:
            self._write(BLOCK_BREAK)

    def handle_data(self, data):
        if not self._skip_depth:
            self._write(data)

    def _write(self, text: str) -> None:
        (self._heading if self._heading is not None else self._body).append(text)

    # Sections

    def _finish_section(self) -> None:
        text = clean("".join(self._body))
        if text or self._pending_heading:
            self.sections.append(Section(self._anchor, self._pending_heading, text))
        self._body = []
        self._pending_heading = ""

    def close(self) -> None:
        super().close()
        self._finish_section()


def clean(text: str) -> str:
    text = SOURCE_BREAK_IN_JAPANESE.sub("", text).replace(BLOCK_BREAK, " ")
    return SPACES.sub(" ", text).strip()


def split_sections(html: str) -> list[Section]:
    """The page's sections in order; the first holds the h1 (if any) and the text before any h2."""
    parser = _SectionParser()
    parser.feed(html)
    parser.close()
    return parser.sections
