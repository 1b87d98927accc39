"""Content rules that ``check`` (and the build) apply besides each file's own schema:

- every learning module that is not retired has a self-check (``data/selfchecks/ID.yml``);
- a link to an FAQ entry, a decision tree, a worksheet or a program is labelled with that
  page's title (a program: its name without the number), so one question has one label;
- no placeholder of a stub (「(…を書く)」) is left: ``check`` and ``build --strict`` refuse
  it; a plain build warns, and ``serve`` (``DX_DRAFT``) only notes it, so that a stub can be
  viewed while it is written.

The prose lint (textlint) is :mod:`dxcourse.prose`.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .diagnostics import SourceError
from .pages import body_lines, split_front_matter
from .sitedata import SiteData
from .yamlsource import load_yaml, strings

_BRACKETED = re.compile(r"[(\uff08][^()\uff08\uff09\n]*(?:[(\uff08][^()\uff08\uff09\n]*[)\uff09][^()\uff08\uff09\n]*)*[)\uff09]")


def find_placeholders(text: str) -> list[str]:
    """A stub's placeholders in ``text``: text in brackets, half- or full-width (one level of
    brackets inside) that asks for something to be written: 「(結論を書く)」,
    「(長さの目安を書く。例:半日(3時間))」."""
    return [m.group(0) for m in _BRACKETED.finditer(text) if "書く" in m.group(0)]


_LINK = re.compile(r"\[(?P<label>[^\]]+)\]\((?P<target>[^)#\s]+\.md)(?P<anchor>#[^)]*)?\)")
_LABELLED = re.compile(r"^(faq|decisions|worksheets|curriculum/programs)/(?!index\.md)")
_PROGRAM_NUMBER = re.compile(r"^\d+ ")


def missing_selfchecks(data: SiteData) -> list[SourceError]:
    """A module without a self-check can be completed without checking what was learnt."""
    if "modules" in data.failed or "selfchecks" in data.failed:
        return []
    have = set(data.ids("selfchecks"))
    errors = []
    for doc in data.documents.get("modules", []):
        for i, module in enumerate(doc.value.modules):
            if module is None or module.retired or module.id in have:
                continue
            errors.append(doc.error(
                f"モジュール '{module.id}' に理解度チェックがありません。data/selfchecks/{module.id}.yml を書いてください"
                f"(問い3〜5問。python -m dxcourse new module で作ったモジュールには、ひな形があります)。",
                "modules", i, "id"))
    return errors


def link_labels(docs_dir: Path, titles: dict[str, str]) -> list[SourceError]:
    """``titles``: page path -> title, of the written pages and the generated ones."""
    errors = []
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            continue  # reported by the front-matter check
        for number, line in body_lines(text):
            for link in _LINK.finditer(line):
                target = link["target"]
                if link["anchor"] or "://" in target or target.startswith("/"):
                    continue
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
                if not _LABELLED.match(resolved) or resolved not in titles:
                    continue  # a missing page is the link check's error
                wanted = titles[resolved]
                if resolved.startswith("curriculum/programs/"):
                    wanted = _PROGRAM_NUMBER.sub("", wanted)  # the program's name, without its number
                if link["label"] != wanted:
                    errors.append(SourceError(
                        f"docs/{src_uri}", number,
                        f"リンクの文字「{link['label']}」を、リンク先のページの題名「{wanted}」と同じにしてください"
                        "(一つの問いには一つの呼び名。題名を変えたいときは、リンク先のページの title を変えます)。"))
    return errors


def _placeholder_error(display: str, line: int, found: str) -> SourceError:
    return SourceError(display, line, f"ひな形の「{found}」が残っています。本文に書き換えてください(公開するビルドは止まります)。")


def _may_hold_placeholder(path: Path) -> bool:
    """False only if no string read from the file can hold a placeholder: the file's text has
    no 「書く」, nor a backslash (a YAML escape could spell it). Most files of a finished
    course are then not read line by line, nor their YAML strings walked."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return True  # the reading below reports it, or skips it as before
    return "書く" in text or "\\" in text


def placeholders(root: Path, docs_dir: Path) -> list[SourceError]:
    """Placeholders of a stub left in the data (YAML strings, not comments) or in a page."""
    errors = []
    data_dir = root / "data"
    for path in sorted(data_dir.rglob("*.yml")) if data_dir.is_dir() else []:
        if not _may_hold_placeholder(path):
            continue
        display = path.relative_to(root).as_posix()
        raw, problems = load_yaml(path, display)
        if problems:
            continue  # the YAML error is reported by the data check
        for line, text in strings(raw):
            for found in find_placeholders(text):
                errors.append(_placeholder_error(display, line, found))
    for path in sorted(docs_dir.rglob("*.md")):
        display = f"docs/{path.relative_to(docs_dir).as_posix()}"
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            continue  # reported by the front-matter check
        if "書く" not in text:
            continue  # every placeholder holds it
        front, _, body_line = split_front_matter(text)
        if front is not None:
            # Front matter: the text of each line before its comment.
            for number, line in enumerate(text.splitlines()[1:body_line - 2], start=2):
                for found in find_placeholders(re.sub(r"(^|\s)#.*$", "", line)):
                    errors.append(_placeholder_error(display, number, found))
        for number, line in body_lines(text):
            for found in find_placeholders(line):
                errors.append(_placeholder_error(display, number, found))
    return errors
