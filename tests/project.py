"""Facts about the course under test, read from its config and data rather than hard-coded,
so that a municipality that renames the site or changes its content keeps a green suite."""

from __future__ import annotations

import functools
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent


def _engine_dir() -> Path:
    import dxcourse

    return Path(dxcourse.__file__).resolve().parent


# The installed engine (never engine/ in this checkout: the course uses what is installed).
ENGINE = _engine_dir()
ASSETS = ENGINE / "assets"


@functools.cache
def _extra(root: Path = ROOT) -> dict:
    # mkdocs.yml has !ENV and !!python tags: read only the plain `extra:` block.
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("\nextra:\n") + 1
    end = next((i for i in range(start + 7, len(text)) if text[i - 1] == "\n" and text[i] not in " #\n"), len(text))
    return YAML(typ="safe").load(text[start:end])["extra"]


def site_id(root: Path = ROOT) -> str:
    return _extra(root)["site_id"]


def store_key(root: Path = ROOT) -> str:
    return f"dx:{site_id(root)}:progress"


@functools.cache
def _data(root: Path = ROOT):
    from dxcourse import load_sources

    return load_sources(root, root / "docs")


def generated_pages(root: Path = ROOT) -> list[str]:
    from dxcourse.generate import pages

    data, _, _ = _data(root)
    return sorted(pages(data))


def page_paths(root: Path = ROOT) -> list[str]:
    """Every page of the site: the Markdown files and the pages generated from the data."""
    written = [p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*.md")]
    return sorted({*written, *generated_pages(root)})


_NOT_COPIED = {".git", ".venv", "node_modules", "site", "site-offline", "site-scorm", "dist", "__pycache__", ".pytest_cache", "tests", "bench", "engine"}


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """A copy of the project as a municipality would start from (no build output, no tools)."""
    import shutil

    shutil.copytree(root, dest, ignore=lambda _dir, names: [n for n in names if n in _NOT_COPIED], dirs_exist_ok=True)
    return dest


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@functools.cache
def learning_total(module_id: str, root: Path = ROOT) -> int:
    """How many 学習 activities a module has (pages to read, trees, reflections, its self-check)."""
    from dxcourse import load_sources
    from dxcourse.curriculum import Curriculum

    data, _, _ = load_sources(root, root / "docs")
    cur = Curriculum(data)
    spec = cur.spec(cur.module[module_id], lambda ref: ref)
    return len(spec["read"]) + len(spec["trees"]) + len(spec["reflections"]) + (1 if spec["selfcheck"] else 0)


def fixture_project(dest: Path, edits: dict[str, list[tuple[str, str]]] | None = None) -> Path:
    """The engine's fixture course (the starter that ``init`` writes), with ``(old, new)``
    replacements applied once each: engine tests edit it, never this city's course."""
    from dxcourse.starter import create

    create(dest, "見本町 DX 自習コース", "fixture-town")
    for path, replacements in (edits or {}).items():
        file = dest / path
        text = file.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"{old!r} not in {path}"
            text = text.replace(old, new, 1)
        file.write_text(text, encoding="utf-8")
    return dest


def problems(root: Path, extra: dict | None = None) -> list[str]:
    """Every mistake ``check`` finds in the course at ``root`` (its own ``extra:`` unless given)."""
    from dxcourse import check_sources

    *_, errors = check_sources(root, root / "docs", dict(_extra(root)) if extra is None else extra)
    return [str(e) for e in sorted(set(errors))]


def cli(root: Path, *args: str, process: bool = False):
    """``python -m dxcourse ARGS`` in ``root``; in this process unless ``process`` (starting
    Python again costs seconds on a busy machine)."""
    import contextlib
    import io
    import os
    import subprocess
    import sys

    if process:
        return subprocess.run([sys.executable, "-m", "dxcourse", *args], cwd=root, capture_output=True, text=True)
    from dxcourse.cli import main

    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(cwd)
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())
