"""Search quality on the query file: hit@k for a list of result locations per query.

Shared by tests/browser/test_search_quality.py (thresholds) and bench/search.py (figures).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class StaffQuery:
    query: str
    pages: tuple[str, ...]  # docs-relative Markdown paths that answer it
    tag: str = ""  # a group whose figures are also given apart (feature, kana)


def load_queries(path: Path) -> list[StaffQuery]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [StaffQuery(row["query"], tuple(row["pages"]), row.get("tag", "")) for row in rows]


def tagged(queries: list[StaffQuery], ranked: list[list[str]]) -> dict[str, tuple[list[StaffQuery], list[list[str]]]]:
    """The queries of each tag with their rankings, in the file's order of tags."""
    groups: dict[str, tuple[list[StaffQuery], list[list[str]]]] = {}
    for query, pages in zip(queries, ranked, strict=True):
        if query.tag:
            group = groups.setdefault(query.tag, ([], []))
            group[0].append(query)
            group[1].append(pages)
    return groups


def markdown_path(location: str, docs: Path) -> str:
    """The page a result links to ("faq/x/#a", "faq/x.html#a", "" …) as a path under docs/."""
    path = location.split("#", 1)[0]
    if path in ("", "index.html"):
        return "index.md"
    if path.endswith(".html"):
        path = path[: -len(".html")]
        return path + ".md" if (docs / (path + ".md")).exists() else path.removesuffix("index") + "index.md"
    path = path.rstrip("/")
    return path + ".md" if (docs / (path + ".md")).exists() else path + "/index.md"


def distinct(pages: list[str]) -> list[str]:
    return list(dict.fromkeys(pages))


def hit_rate(queries: list[StaffQuery], ranked: list[list[str]], k: int) -> float:
    """Share of queries with an expected page among the first k of its ranked pages."""
    hits = sum(any(p in q.pages for p in pages[:k]) for q, pages in zip(queries, ranked, strict=True))
    return hits / len(queries)


def misses(queries: list[StaffQuery], ranked: list[list[str]], k: int) -> list[str]:
    return [f"{q.query} → {pages[:k]}" for q, pages in zip(queries, ranked) if not any(p in q.pages for p in pages[:k])]
