"""The search index as a script: search/dx-index.js assigns one global.

A script, not JSON, because a page opened from a folder (file://) may load a script but
may not fetch a file; search.js adds the script tag on first use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .extract import Section
from .normalize import normalize

INDEX_PATH = "search/dx-index.js"
GLOBAL_NAME = "DX_SEARCH_INDEX"
FORMAT_VERSION = 3


@dataclass(frozen=True)
class IndexedPage:
    url: str  # site-relative, as MkDocs links it ("faq/x/" or, in the bundle, "faq/x.html")
    title: str
    sections: list[Section]
    kind: str = ""  # ステップ, よくある質問, …: sitesearch.kinds
    # What staff call the page's feature when it is not in its text (front matter
    # `search: {keywords: [バックアップ, …]}`): a hit here counts as a hit in its title.
    keywords: tuple[str, ...] = ()


# Between keywords in the normalised keyword text, so that no term matches across two of them.
KEYWORD_SEPARATOR = "\n"


def index_data(pages: list[IndexedPage]) -> dict:
    """Compact rows; normalised text is computed here so the browser does no work on load.

    pages:    [url, title, normalised title, kind, keywords, normalised keywords]
              (keywords as written, and normalised, each joined by a line feed)
    sections: [page number, anchor, heading, text, normalised heading, normalised text]
    """
    return {
        "version": FORMAT_VERSION,
        "pages": [
            [
                p.url, p.title, normalize(p.title), p.kind,
                KEYWORD_SEPARATOR.join(p.keywords),
                KEYWORD_SEPARATOR.join(normalize(k) for k in p.keywords),
            ]
            for p in pages
        ],
        "sections": [
            [number, s.anchor, s.heading, s.text, normalize(s.heading), normalize(s.text)]
            for number, p in enumerate(pages)
            for s in p.sections
        ],
    }


def index_script(pages: list[IndexedPage]) -> str:
    data = json.dumps(index_data(pages), ensure_ascii=False, separators=(",", ":"))
    return f"window.{GLOBAL_NAME}={data};\n"
