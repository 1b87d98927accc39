"""Text normalisation for matching, shared in meaning with normalize() in assets/search.js.

Rules, applied to each character together with the combining marks that follow it:
- NFKC: full-width letters and digits (ＲＰＡ, １７) become ASCII, half-width katakana
  (ｶｰﾄﾞ) becomes the usual form, the ideographic space becomes a space;
- lower case (JavaScript has no full case folding, and the two sides must agree);
- the katakana long-vowel mark ー is dropped, so チェンジマネジメント and チェンジマネージメント,
  サーバ and サーバー match each other;
- hyphens and dashes (AI-OCR, ＡＩ－ＯＣＲ, AIOCR) and the middle dot ・ (ビジネス・アーキテクト)
  are dropped, as official text writes them both ways;
- whitespace is dropped: Japanese has no spaces between words, and source line breaks
  inside a paragraph must not stop 「推進 計画」 from matching 「推進計画」.

Working unit by unit (not on the whole string) lets the browser map every normalised
character back to the original text, to highlight what matched.
"""

from __future__ import annotations

import re
import unicodedata

# Dropped after NFKC: whitespace; ー (U+30FC; half-width ｰ becomes it); hyphen-minus and the
# U+2010..U+2015 dashes, U+2212 minus; ・ (U+30FB; half-width ･ becomes it).
DROPPED = re.compile(r"[\s\-\u2010-\u2015\u2212\u30fc\u30fb]")
# Marks that belong to the character before them. U+FF9E/U+FF9F are half-width (semi-)voiced
# sound marks, which NFKC composes with the kana before them (ｶﾞ → ガ).
JOINING = {"\uff9e", "\uff9f", "\u3099", "\u309a"}


def units(text: str):
    """Yields (start, unit): a character with the combining marks that follow it."""
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not (text[i] in JOINING or unicodedata.category(text[i]).startswith("M")):
            yield start, text[start:i]
            start = i


def normalize_unit(unit: str) -> str:
    return DROPPED.sub("", unicodedata.normalize("NFKC", unit).lower())


# What each character met so far becomes, as a str.translate table, and the characters that
# join the one before them. Text without joining marks (nearly all of it) is then normalised
# by one C call instead of a Python step per character: the index's text is ~90,000 of them.
_single: dict[int, str] = {}
_joining: set[str] = set()


def normalize(text: str) -> str:
    for char in set(text).difference(_joining):
        if ord(char) in _single:
            continue
        if char in JOINING or unicodedata.category(char).startswith("M"):
            _joining.add(char)
        else:
            _single[ord(char)] = normalize_unit(char)
    if _joining.isdisjoint(text):
        return text.translate(_single)
    return "".join(normalize_unit(unit) for _, unit in units(text))


def query_terms(query: str) -> list[str]:
    """Space-separated terms (a full-width space counts: NFKC turns it into a space)."""
    return [t for t in (normalize(part) for part in unicodedata.normalize("NFKC", query).split()) if t]
