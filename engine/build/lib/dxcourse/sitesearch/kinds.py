"""The kind of page a search result is on, shown beside it (ステップ, よくある質問, …)."""

from __future__ import annotations

# First matching prefix of the page's source path (docs-relative) wins.
KINDS: list[tuple[str, str]] = [
    ("index.md", "トップ"),
    ("steps/", "ステップ"),
    ("checklists/", "チェックリスト"),
    ("faq/", "よくある質問"),
    ("decisions/", "判断ツリー"),
    ("curriculum/", "研修"),
    ("glossary.md", "用語集"),
    ("progress.md", "わたしの進捗"),
    ("about.md", "このサイトについて"),
]


def page_kind(src_uri: str) -> str:
    for prefix, kind in KINDS:
        if src_uri == prefix or (prefix.endswith("/") and src_uri.startswith(prefix)):
            return kind
    return "ページ"
