"""Split a page's rendered HTML into searchable sections at its h2 and h3 headings.

A term with its own anchor (<dt id=…>, as in the glossary) starts a section too: it is
what a link to that term points at, and a page of many terms is not one long section.
Anything inside an element with data-search-exclude is left out (Material's convention), and
so is what a reader of the page without JavaScript never sees: elements with `hidden` (a
widget's controls, messages and results before its script shows them), form fields' own
text, and text only for screen readers. Snippets then never read 「前の問いに戻る」.

Python's own html.parser is enough for HTML that Python-Markdown produced, and keeps the
shared, pinned environment free of another dependency. Its tokenizer is the largest part of
the build's own time on a large course, though, so :func:`split_sections` first tries a
tokenizer of the same grammar for the plain HTML Markdown writes (tags, quoted attributes,
comments, script and style), built from html.parser's own patterns and attribute rules, and
hands the page to html.parser whenever anything else appears (a stray ``<``, a declaration,
a tag html.parser would end elsewhere). Both give the same events, so the same sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser, attrfind_tolerant, locatestarttagend_tolerant, tagfind_tolerant

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


# A start tag of the plain shape Markdown writes: every attribute bare or ``name="value"``.
# html.parser reads such a tag the same way (checked on every page by the tests); any other
# shape goes through :func:`_start_tag`.
_PLAIN_START = r"""([a-zA-Z][^\t\n\r\f />\x00]*)((?:\s+[^\s/>"'=]+(?:="[^"]*")?)*)\s*(/?)>"""
# The fast tokenizer's grammar: a comment, an end tag, a plain start tag (its name, attribute
# text and slash in groups 3-5), or any other start tag up to its first ">" outside quotes
# (checked against html.parser's own end of the tag before it is used). A plain tag ends at
# the same ">" either way; matching it here saves matching each tag twice.
_TOKEN = re.compile(
    r"""<(?:!--(.*?)--\s*>|/([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>|""" + _PLAIN_START
    + r"""|[a-zA-Z](?:[^>"']++|"[^"]*+"|'[^']*+')*+>)""",
    re.S,
)
_CDATA_END = {tag: re.compile(r"</\s*%s\s*>" % tag, re.I) for tag in HTMLParser.CDATA_CONTENT_ELEMENTS}


class _Unusual(Exception):
    """HTML outside the fast tokenizer's grammar: html.parser reads the page instead."""


def _start_tag(text: str) -> tuple[str, list[tuple[str, str | None]], bool]:
    """A start tag's name, attributes and self-closing slash, as html.parser's parse_starttag
    reads them (the same patterns and value rules)."""
    match = tagfind_tolerant.match(text, 1)
    k = match.end()
    tag = match.group(1).lower()
    attrs = []
    end = len(text)
    while k < end:
        m = attrfind_tolerant.match(text, k)
        if not m:
            break
        name, rest, value = m.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        if value:
            value = unescape(value)
        attrs.append((name.lower(), value))
        k = m.end()
    rest = text[k:].strip()
    if rest not in (">", "/>"):
        raise _Unusual
    return tag, attrs, rest == "/>"


def _whole_start_tag_end(html: str, i: int) -> int:
    """Where html.parser's check_for_whole_start_tag ends the tag at ``i`` (-1: it would not)."""
    j = locatestarttagend_tolerant.match(html, i).end()
    following = html[j : j + 1]
    if following == ">":
        return j + 1
    if following == "/" and html.startswith("/>", j):
        return j + 2
    return -1


_PLAIN_ATTR = re.compile(r"""\s+([^\s/>"'=]+)(?:(=)"([^"]*)")?""")


# In the lower-cased attribute text of any tag its attributes can skip (_SectionParser.
# handle_starttag: hidden, aria-hidden, data-search-exclude, the classes headerlink, dx-js-only,
# dx-visually-hidden), or an entity that could spell one. Tags whose id can start a section
# have their attributes read always.
_NEEDS_ATTRIBUTES = re.compile("hidden|data-search-exclude|headerlink|dx-js-only|&")
_ANCHORED = SECTION_HEADINGS | {"h1", "dt"}


def _attributes(text: str) -> list[tuple[str, str | None]]:
    return [
        (name.lower(), (unescape(value) if "&" in value else value) if eq else None)
        for name, eq, value in _PLAIN_ATTR.findall(text)
    ]


def _sections_fast(html: str) -> list[Section]:
    """:class:`_SectionParser`'s sections, by the fast tokenizer and the parser's handlers in
    one pass; raise _Unusual if the page needs html.parser.

    Inside a part that is left out (half of a widget-heavy page's tags) only the tag names
    count, for the stack: text is not sliced, attributes are not read, and an element opened
    there is pushed as not skipping. Whether a left-out element is still open is all that
    decides, and everything opened inside it closes before it does, so the sections are the
    same as with every element's own flag.
    """
    sections: list[Section] = []
    stack: list[tuple[str, bool]] = []
    skip_depth = 0
    heading: list[str] | None = None
    heading_tag = anchor = title = pending_heading = ""
    body: list[str] = []

    def finish() -> None:
        nonlocal body, pending_heading
        text = clean("".join(body))
        if text or pending_heading:
            sections.append(Section(anchor, pending_heading, text))
        body = []
        pending_heading = ""

    find = html.find
    token = _TOKEN.match
    pos = 0
    n = len(html)
    while pos < n:
        lt = find("<", pos)
        if lt < 0:
            if not skip_depth:
                (heading if heading is not None else body).append(unescape(html[pos:]))
            break
        if lt > pos and not skip_depth:
            (heading if heading is not None else body).append(unescape(html[pos:lt]))
        match = token(html, lt)
        if match is None:
            raise _Unusual
        kind = match.lastindex  # which of _TOKEN's forms: 1 comment, 2 end tag, 5 plain start tag
        pos = match.end()
        if kind == 1:  # a comment: no event
            comment = match.group(1)
            if "--" in comment or comment.startswith((">", "->")):
                raise _Unusual
            continue
        if kind == 2:
            tag = match.group(2).lower()
            closed = True
        else:
            if kind == 5:  # a plain tag: attributes read only when they can matter
                name, attrs, slash = match.group(3, 4, 5)
                tag = name.lower()
                closed = bool(slash)
                if skip_depth:
                    attrs = None
                elif attrs and (tag in _ANCHORED or _NEEDS_ATTRIBUTES.search(attrs.lower())):
                    attrs = _attributes(attrs)
                else:
                    attrs = None
            else:
                if _whole_start_tag_end(html, lt) != pos:
                    raise _Unusual
                tag, attrs, closed = _start_tag(match.group(0))
            if skip_depth:
                attributes = {}
                skipping = False
            elif attrs:
                attributes = dict(attrs)
                classes = attributes.get("class")
                skipping = (
                    tag in SKIPPED_TAGS
                    or "data-search-exclude" in attributes
                    or "hidden" in attributes
                    or (bool(classes) and not SKIPPED_CLASSES.isdisjoint(classes.split()))
                    or attributes.get("aria-hidden") == "true"
                )
            else:
                attributes = {}
                skipping = tag in SKIPPED_TAGS
            if tag not in VOID_TAGS:
                stack.append((tag, skipping))
                skip_depth += skipping
            if not skip_depth:
                if tag in SECTION_HEADINGS or (tag == "h1" and not title) or (tag == "dt" and "id" in attributes):
                    finish()
                    heading, heading_tag = [], tag
                    anchor = (attributes.get("id") or "") if tag != "h1" else ""
                elif tag in BLOCK_TAGS:
                    (heading if heading is not None else body).append(BLOCK_BREAK)
            if not closed and tag in _CDATA_END:
                close = _CDATA_END[tag].search(html, pos)
                if close is None:
                    raise _Unusual
                if close.start() > pos and not skip_depth:  # raw, as html.parser hands it over
                    (heading if heading is not None else body).append(html[pos : close.start()])
                pos = close.end()
                closed = True
        if not closed or tag in VOID_TAGS:
            continue
        # The end tag (or the end of a self-closing or raw-text element).
        while stack:
            open_tag, open_skipping = stack.pop()
            skip_depth -= open_skipping
            if open_tag == tag:
                break
        if skip_depth:
            continue
        if heading is not None and tag == heading_tag:
            text = clean("".join(heading))
            if tag == "h1":
                title = text
            heading = None
            pending_heading = text
        elif tag in BLOCK_TAGS:
            (heading if heading is not None else body).append(BLOCK_BREAK)
    finish()
    return sections


def split_sections(html: str) -> list[Section]:
    """The page's sections in order; the first holds the h1 (if any) and the text before any h2."""
    try:
        return _sections_fast(html)
    except _Unusual:
        return split_sections_reference(html)


def split_sections_reference(html: str) -> list[Section]:
    """:func:`split_sections` by html.parser alone (the tests compare the two)."""
    parser = _SectionParser()
    parser.feed(html)
    parser.close()
    return parser.sections
