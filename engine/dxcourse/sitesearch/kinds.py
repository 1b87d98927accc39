"""The kind of page a search result is on, shown beside it (ステップ, よくある質問, …).

Results can be narrowed to one kind, so the labels say what a reader would look for: the
personnel department's tools (受講指示をつくる, 集計, 人事部門の方へ) are 人事部門向け,
not 研修, which is what a learner takes.
"""

from __future__ import annotations

# First matching prefix of the page's source path (docs-relative) wins.
KINDS: list[tuple[str, str]] = [
    ("index.md", "トップ"),
    ("steps/", "ステップ"),
    ("checklists/", "チェックリスト"),
    ("faq/", "よくある質問"),
    ("decisions/", "判断ツリー"),
    ("curriculum/assign.md", "人事部門向け"),
    ("curriculum/aggregate.md", "人事部門向け"),
    ("hr.md", "人事部門向け"),
    ("curriculum/", "研修"),
    ("worksheets/", "ワークシート"),
    ("glossary.md", "用語集"),
    ("progress.md", "わたしの進捗"),
    ("about.md", "このサイトについて"),
]


def page_kind(src_uri: str) -> str:
    for prefix, kind in KINDS:
        if src_uri == prefix or (prefix.endswith("/") and src_uri.startswith(prefix)):
            return kind
    return "ページ"
