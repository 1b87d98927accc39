"""Checks across data and pages that need no rendering, so ``python -m dxcourse check`` and the build
report them together with every other error: macro calls naming unknown ids, links to
pages that do not exist, data items no page shows, and the site id.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from .diagnostics import SourceError
from .messages import nearest, unknown
from .pages import body_lines
from .sitedata import SiteData

SITE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_CALL = re.compile(r"\{\{-?\s*(?P<name>[a-z_]+)\(\s*(?P<q>[\"'])(?P<arg>[^\"']*)(?P=q)")
_LINK = re.compile(r"\]\((?P<target>[^)\s#]+\.md)(?:#[^)\s]*)?(?:\s+\"[^\"]*\")?\)")


def _ids(data: SiteData, kind: str) -> set[str] | None:
    """Known ids of a kind, or None when a file of that kind failed (do not guess)."""
    if kind in data.failed:
        return None
    if kind in ("checklists", "decisions", "worksheets"):
        return set(data.ids(kind))
    if kind == "steps":
        return {s.id for f in data.all("steps") for s in f.steps}
    attr = {"modules": "modules", "programs": "programs", "roles": "roles"}[kind]
    return {item.id for f in data.all(kind) for item in getattr(f, attr)}


MACROS = {
    "checklist": ("checklists", "チェックリスト"),
    "decision_tree": ("decisions", "判断ツリー"),
    "decision_diagram": ("decisions", "判断ツリー"),
    "curriculum_program": ("programs", "プログラム"),
    "learning_path": ("roles", "役割"),
    "learning_module": ("modules", "モジュール"),
    "faq_questions": ("steps", "ステップ"),
    "worksheet": ("worksheets", "ワークシート"),
}
"""Macros whose argument is an id, with the collection it must name."""


def scan_pages(docs_dir: Path, data: SiteData, known_pages: set[str]) -> tuple[list[SourceError], dict[str, set[str]]]:
    """Unknown ids in macro calls and broken links; also returns what each page shows."""
    errors: list[SourceError] = []
    shown: dict[str, set[str]] = {}  # "checklist:step-0" -> {src_uri, ...}
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        display = f"docs/{src_uri}"
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            continue  # reported by the front-matter check
        for number, line in body_lines(text):
            for call in _CALL.finditer(line):
                name, arg = call["name"], call["arg"]
                shown.setdefault(f"{name}:{arg}", set()).add(src_uri)
                if name not in MACROS:
                    continue
                kind, what = MACROS[name]
                known = _ids(data, kind)
                if known is not None and arg not in known:
                    errors.append(SourceError(display, number, f"{name}(\"{arg}\"): " + unknown(what, arg, known)))
            for link in _LINK.finditer(line):
                target = link["target"]
                if "://" in target or target.startswith("/"):
                    continue
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
                if resolved not in known_pages:
                    guess = nearest(resolved, known_pages)
                    tip = f"もしかして: {posixpath.relpath(guess, posixpath.dirname(src_uri) or '.')}" if guess else "リンク先のパスを確かめてください"
                    errors.append(SourceError(display, number, f"リンク先のページ '{target}' がありません({tip})。リンクを直すか、そのページを作ってください。"))
    return errors, shown


def shown_somewhere(data: SiteData, shown: dict[str, set[str]]) -> list[SourceError]:
    """Every checklist is shown by a page, and every tree by the page its ``page`` names."""
    errors: list[SourceError] = []
    if "checklists" not in data.failed:
        for doc in data.documents.get("checklists", []):
            if not shown.get(f"checklist:{doc.value.id}"):
                errors.append(doc.error(
                    f"チェックリスト '{doc.value.id}' を表示するページがありません。docs/checklists/{doc.value.id}.md を作り、"
                    f"{{{{ checklist(\"{doc.value.id}\") }}}} と書いてください。", "id"))
    for doc in data.documents.get("decisions", []):
        tree = doc.value
        if tree.page not in shown.get(f"decision_tree:{tree.id}", set()):
            errors.append(doc.error(
                f"page に書いたページ '{tree.page}' に {{{{ decision_tree(\"{tree.id}\") }}}} がありません。そのページに書き足すか、page を直してください。", "page"))
    return errors


def site_id_errors(root: Path, extra: dict[str, Any] | None) -> list[SourceError]:
    value = (extra or {}).get("site_id")
    if isinstance(value, str) and SITE_ID.match(value) and len(value) <= 40:
        return []
    line = 1
    config = root / "mkdocs.yml"
    if config.is_file():
        for number, text in enumerate(config.read_text(encoding="utf-8").splitlines(), start=1):
            if text.strip().startswith("site_id:"):
                line = number
                break
    shown = "(ありません)" if value is None else repr(value)
    return [SourceError("mkdocs.yml", line,
                        f"extra.site_id {shown} は使えません。半角の英小文字・数字を「-」でつないだ40文字以内の名前にしてください(例: kakuu-city-dx)。"
                        "ブラウザの記録の名前とzipの名前に使います。")]


def source_name(extra: dict[str, Any] | None) -> str:
    """What the site calls its source article (``extra.source.name``); empty: no article."""
    source = (extra or {}).get("source") or {}
    return str(source.get("name") or "").strip() if isinstance(source, dict) else ""


__all__ = ["scan_pages", "shown_somewhere", "site_id_errors", "source_name"]
