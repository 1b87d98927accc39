"""A course many times this one's size, made from it, for ``./dev bench``.

Every page that belongs to one id (FAQ entries, decision trees, worksheets, checklists,
modules with their self-checks, programs) and the long prose pages (about, hr, the step
pages) are copied ``copies`` times; copy ``k`` renames each id ``<id>-k<k>`` everywhere in
its own files, so links, macro calls and data references stay consistent and the course
builds with ``--strict``. Module and program numbers move up by the file's item count per
copy; the engine allows module numbers up to 120, so this course's 10 modules (with their
self-checks and the programs) get at most 12 copies. Orders move up by the largest order per copy. The pages that exist once in any
course (start page, indexes, progress, glossary, curriculum tools, roles) stay single, and
the indexes list every copy, as they would in a course that size.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_COPIES = 20
MAX_MODULE_NUMBER = 120  # the engine's limit (curriculum/models.py)
# Prose pages copied beside themselves (same folder, so their relative links still work).
PROSE = ["about.md", "hr.md", "steps/step-0.md", "steps/step-1.md", "steps/step-2.md"]


def _ids(course: Path) -> tuple[list[str], set[str]]:
    """Every id copied, longest first; and those of the curriculum (modules, programs)."""
    import yaml

    ids = {p.stem for p in (course / "docs/faq").glob("*.md") if p.stem != "index"}
    for kind in ("decisions", "worksheets"):
        ids |= {p.stem for p in (course / "data" / kind).glob("*.yml")}
    curriculum = set()
    for kind in ("modules", "programs"):
        raw = yaml.safe_load((course / f"data/curriculum/{kind}.yml").read_text(encoding="utf-8"))
        curriculum |= {item["id"] for item in raw[kind]}
    return sorted(ids | curriculum, key=len, reverse=True), curriculum


def _renamer(ids: list[str], k: int, curriculum: set[str] = frozenset(), module_copies: int = 0):
    """Copy ``k``'s names; a copy beyond the curriculum's copies points at its last copy."""
    token = re.compile(r"(?<![A-Za-z0-9_#-])(" + "|".join(map(re.escape, ids)) + r")(?![A-Za-z0-9_-])")

    def new(name: str) -> str:
        kk = min(k, module_copies) if name in curriculum and module_copies else k
        return name if kk == 1 else f"{name}-k{kk}"

    def rename(text: str) -> str:
        out = []
        for line in text.splitlines(keepends=True):
            # A module's checklist items are ids of the (shared) checklist, some of which
            # are spelt like a module id: they keep their name.
            out.append(line if line.lstrip().startswith("items:") else token.sub(lambda m: new(m.group(1)), line))
        return "".join(out)

    return rename


def _append_list(path: Path, key: str, copies: int, ids: list[str]) -> None:
    """Append renamed copies of the items of a one-list YAML file (modules.yml, programs.yml)."""
    text = path.read_text(encoding="utf-8")
    head, body = text.split(f"\n{key}:\n", 1)
    parts = [head, f"\n{key}:\n", body]
    count = len(re.findall(r"^  - id: ", body, flags=re.M))
    for k in range(2, copies + 1):
        copy = _renamer(ids, k)(body)
        copy = re.sub(r"^(    number: )(\d+)$", lambda m: f"{m.group(1)}{int(m.group(2)) + count * (k - 1)}", copy, flags=re.M)
        parts.append(copy if copy.endswith("\n") else copy + "\n")
    path.write_text("".join(parts), encoding="utf-8")


def make_course(target: Path, copies: int = 14) -> Path:
    """Write the course into ``target`` and return its mkdocs.yml.

    Modules, their self-checks and the programs get as many copies as module numbers allow
    (12 for this course's 10 modules), the other pages ``copies``."""
    import yaml

    if not 1 <= copies <= MAX_COPIES:
        raise ValueError(f"copies must be 1..{MAX_COPIES}")
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "data"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, target / name)
    ids, curriculum = _ids(target)
    docs, data = target / "docs", target / "data"
    singles = [docs / "faq", docs / "decisions", docs / "worksheets", data / "decisions", data / "worksheets", data / "selfchecks"]
    originals = [p for d in singles for p in sorted(d.glob("*.*")) if p.stem != "index"]
    max_order = max(int(m) for p in originals for m in re.findall(r"^order: (\d+)$", p.read_text(encoding="utf-8"), flags=re.M))
    module_count = len(yaml.safe_load((data / "curriculum/modules.yml").read_text(encoding="utf-8"))["modules"])
    module_copies = min(copies, MAX_MODULE_NUMBER // module_count)
    checklists = sorted((data / "checklists").glob("*.yml"))
    prose = [docs / p for p in PROSE]
    for k in range(2, copies + 1):
        rename = _renamer(ids, k, curriculum, module_copies)
        for path in originals:
            if path.parent == data / "selfchecks" and k > module_copies:
                continue
            text = rename(path.read_text(encoding="utf-8"))
            # Orders are unique within a step: the copies come after the originals.
            text = re.sub(r"^order: (\d+)$", lambda m: f"order: {int(m.group(1)) + max_order * (k - 1)}", text, flags=re.M)
            if path.parent == data / "worksheets":  # the copy is listed on the copies of the step pages
                text = re.sub(r"\bsteps/(step-\d)\.md", rf"steps/\1-k{k}.md", text)
            path.with_name(f"{path.stem}-k{k}{path.suffix}").write_text(text, encoding="utf-8")
        for path in checklists:  # a checklist's id is its step's; the copy gets its own id
            text = re.sub(r"^id: (\S+)$", rf"id: \1-k{k}", path.read_text(encoding="utf-8"), count=1, flags=re.M)
            path.with_name(f"{path.stem}-k{k}.yml").write_text(text, encoding="utf-8")
            page = docs / "checklists" / f"{path.stem}.md"
            text = page.read_text(encoding="utf-8").replace(f'checklist("{path.stem}")', f'checklist("{path.stem}-k{k}")')
            page.with_name(f"{path.stem}-k{k}.md").write_text(text, encoding="utf-8")
        for path in prose:
            path.with_name(f"{path.stem}-k{k}.md").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    _append_list(data / "curriculum/modules.yml", "modules", module_copies, ids)
    _append_list(data / "curriculum/programs.yml", "programs", module_copies, ids)
    # The copies are reached from the indexes, as the originals of their kind are.
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    extra = "".join(f"  /{p[:-3]}-k*.md\n" for p in PROSE) + "  /checklists/*-k*.md\n"
    config.write_text(text.replace("not_in_nav: |\n", "not_in_nav: |\n" + extra), encoding="utf-8")
    return config


if __name__ == "__main__":
    import sys

    print(make_course(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 14))
