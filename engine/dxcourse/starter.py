"""``python -m dxcourse init FOLDER``: a new municipality's course, copied from the starter.

The starter (``starter_course/``) is a small but complete course: two steps, two FAQ entries,
a decision tree, a checklist, a worksheet, one program with two modules and their
self-checks, and a role. It is also the fixture course the engine's own tests build, so
what ``init`` writes always passes ``check`` and builds.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from . import __version__

STARTER = Path(__file__).resolve().parent / "starter_course"
SITE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Files that name the course: {site_name}, {site_id} and {version} are filled in.
FILLED = ("mkdocs.yml", "requirements.txt", "docs/index.md", "docs/about.md")
# Dot files do not travel as package data: stored without the dot, written with it.
RENAMED = {"gitignore": ".gitignore", "github/workflows/site.yml": ".github/workflows/site.yml"}


class StarterError(Exception):
    """A plain Japanese message for the person running ``init``."""


def create(folder: Path, site_name: str, site_id: str) -> list[Path]:
    """Copy the starter into ``folder`` (absent or empty); refuse before writing anything."""
    site_name = site_name.strip()
    if not SITE_ID.match(site_id):
        raise StarterError(f"site_id '{site_id}' は使えません。半角の英小文字・数字を「-」でつないでください(例: oo-city-dx)。")
    if not site_name or any(c in site_name for c in "\n\r:#{}"):
        raise StarterError("サイトの名前を、改行と「: # { }」を含まない1行で指定してください。")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise StarterError(f"{folder} は空のフォルダーではありません。新しいフォルダーの名前を指定してください(中のファイルを上書きしないため)。")
    written: list[Path] = []
    for source in sorted(p for p in STARTER.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        relative = source.relative_to(STARTER).as_posix()
        target = folder / RENAMED.get(relative, relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        if relative in FILLED:
            text = source.read_text(encoding="utf-8")
            for token, value in (("{site_name}", site_name), ("{site_id}", site_id), ("{version}", __version__)):
                text = text.replace(token, value)
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    return written
