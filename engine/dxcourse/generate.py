"""Pages generated from the data at build time: one per module, program and role.

Each of these pages only calls one macro, so writing them by hand was a chance to forget
one (the module then built silently and could never be completed). ``define_env`` fills
:data:`PAGES`; ``build/generated.py`` adds them to MkDocs' files as virtual pages. A
hand-written file at one of these paths is an error (:func:`conflicts`).

Decision trees and checklists keep hand-written pages: their pages carry prose that
other people edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .diagnostics import SourceError
from .sitedata import SiteData


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    title: str
    last_reviewed: str
    body: str

    @property
    def markdown(self) -> str:
        # JSON strings are valid YAML scalars: any title is quoted safely.
        return (
            f"---\ntitle: {json.dumps(self.title, ensure_ascii=False)}\nlast_reviewed: {self.last_reviewed}\n---\n\n"
            f"# {self.title}\n\n{self.body}\n"
        )


PAGES: dict[str, GeneratedPage] = {}
"""Filled by ``define_env`` for the current build; read by ``build/generated.py``."""


def _macro(name: str, item_id: str) -> str:
    return "{{ " + f'{name}("{item_id}")' + " }}"


def pages(data: SiteData, extra: dict[str, Any] | None = None) -> dict[str, GeneratedPage]:
    """Every generated page, from the validated curriculum (nothing when there is none)."""
    from .curriculum import module_page, program_page, role_page

    source = (extra or {}).get("source") or {}
    program_note = str(source.get("program_note") or "").strip()
    out: dict[str, GeneratedPage] = {}
    for doc in data.documents.get("modules", []):
        for m in filter(None, doc.value.modules):  # None: an item that did not validate
            out[module_page(m.id)] = GeneratedPage(module_page(m.id), m.title, m.last_reviewed.isoformat(), _macro("learning_module", m.id))
    for doc in data.documents.get("programs", []):
        for p in filter(None, doc.value.programs):
            title = f"{p.number} {p.title}"
            lead = f"[研修カリキュラム](../index.md)の{p.number}番目のプログラムです。" + (program_note or "")
            out[program_page(p.id)] = GeneratedPage(program_page(p.id), title, p.last_reviewed.isoformat(), f"{lead}\n\n{_macro('curriculum_program', p.id)}")
    for doc in data.documents.get("roles", []):
        for r in filter(None, doc.value.roles):
            lead = f"{r.name}が取り組む学習モジュールを、取り組む順に並べました。時間は目安で、このサイトの提案です。"
            out[role_page(r.id)] = GeneratedPage(role_page(r.id), f"{r.name}の学習の道筋", r.last_reviewed.isoformat(), f"{lead}\n\n{_macro('learning_path', r.id)}")
    return out


def conflicts(docs_dir: Path, generated: set[str]) -> list[SourceError]:
    """A hand-written page where the build generates one: which would win is not obvious."""
    return [
        SourceError(f"docs/{uri}", 1, "このページはデータから自動で作られます(研修のモジュール・プログラム・役割)。このファイルは消してください。内容は data/curriculum/ の YAML で変えます。")
        for uri in sorted(generated)
        if (docs_dir / uri).is_file()
    ]
