"""The prose lint of ``check``: textlint, through Node, on the course's Japanese prose.

It lints every page in docs/ and the text of every data file, with the course's own
``.textlintrc`` (and what it refers to, such as ``prh.yml``) and the textlint installed in
the course's ``node_modules`` (``npm ci``). YAML strings are written one paragraph each
into temporary text files and each message is mapped back to ``data/FILE.yml:LINE``. The
article's own words (``quote:``) are not the site's prose and are left out; so are ids,
page paths and kana readings. For the data, ``ja-no-mixed-period`` is off: a YAML field is
often a label or a title, not a sentence.

Where Node, textlint or ``.textlintrc`` is missing, :func:`lint` says so in
:attr:`Result.skipped` and finds nothing: ``check`` prints the reason and goes on.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import SourceError
from .yamlsource import load_yaml, strings as yaml_strings

CONFIG = ".textlintrc"
TEXTLINT = Path("node_modules/textlint/bin/textlint.js")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
SKIP_KEYS = {"quote", "reading", "id", "term", "aliases"}
MACRO = re.compile(r"\{\{.*?\}\}")
QUOTE_MACRO = re.compile(r"\{\{\s*article_quote\(.*?\)\s*\}\}")
DATA_RULE_OFF = ("  preset-ja-technical-writing:\n", "  preset-ja-technical-writing:\n    ja-no-mixed-period: false\n")


@dataclass
class Result:
    errors: list[SourceError] = field(default_factory=list)
    skipped: str | None = None
    """Why the lint did not run (Japanese, for the maintainer), or None when it ran."""


def strings(node):
    """``(line, text)`` for every string with Japanese in it, with its 1-based line."""
    return ((line, text) for line, text in yaml_strings(node, SKIP_KEYS) if JAPANESE.search(text))


def yaml_as_text(root: Path, out: Path) -> tuple[dict[str, list[int]], list[SourceError]]:
    """Writes data/**/*.yml's text as out/data/**/*.yml.txt; returns each text line's source line."""
    lines_of: dict[str, list[int]] = {}
    problems: list[SourceError] = []
    for path in sorted((root / "data").rglob("*.yml")):
        display = path.relative_to(root).as_posix()
        raw, found = load_yaml(path, display)
        if found:
            problems += found
            continue
        text_lines, sources = [], []
        for line, text in strings(raw):
            for part in text.splitlines():
                text_lines.append(part)
                sources.append(line)
            text_lines.append("")
            sources.append(line)
        target = out / (display + ".txt")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(text_lines) + "\n", encoding="utf-8")
        lines_of[target.resolve().as_posix()] = sources
    return lines_of, problems


def pages_without_macros(docs_dir: Path, out: Path) -> dict[str, str]:
    """Copies docs/**/*.md to out/docs/ with each ``{{ macro() }}`` call blanked on its line:
    a call is code, not prose. A quotation becomes 「引用」, so the sentence around it stays
    whole. Returns copy -> the page's display path."""
    copies = {}
    for page in sorted(docs_dir.rglob("*.md")):
        display = f"docs/{page.relative_to(docs_dir).as_posix()}"
        try:
            text = QUOTE_MACRO.sub("「引用」", page.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError:
            continue  # reported by the front-matter check
        target = out / display
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(MACRO.sub("", text), encoding="utf-8")
        copies[target.resolve().as_posix()] = display
    return copies


def _textlint(root: Path, node: str, config: Path, files: list[str]) -> list[dict]:
    if not files:
        return []
    result = subprocess.run(
        [node, str(root / TEXTLINT), "--config", str(config), "--format", "json", *files],
        cwd=root, capture_output=True, text=True, encoding="utf-8", timeout=900,
    )
    if result.returncode not in (0, 1):
        raise RuntimeError(result.stdout + result.stderr)
    return json.loads(result.stdout)


def unavailable(root: Path) -> str | None:
    """Why the lint cannot run here, in Japanese; None when it can."""
    if not (root / CONFIG).is_file():
        return f"文章の校正(textlint)は飛ばしました: {CONFIG} がありません(校正の決まりを書くファイルです)。"
    if shutil.which("node") is None:
        return "文章の校正(textlint)は飛ばしました: Node.js が見つかりません。Node.js を入れてから npm ci を実行すると、校正もします。"
    if not (root / TEXTLINT).is_file():
        return "文章の校正(textlint)は飛ばしました: textlint が入っていません。このフォルダーで npm ci を実行すると、校正もします。"
    return None


def lint(root: Path, docs_dir: Path | None = None) -> Result:
    """Every textlint message on the course's prose, as ``file:line`` errors."""
    reason = unavailable(root)
    if reason:
        return Result(skipped=reason)
    node = shutil.which("node")
    docs_dir = docs_dir or root / "docs"
    with tempfile.TemporaryDirectory(prefix="dxcourse-lint-") as tmp:
        work = Path(tmp)
        config = (root / CONFIG).read_text(encoding="utf-8")
        # The data's config, in the temporary folder with the files it names (prh.yml, ...).
        data_config = work / CONFIG
        data_config.write_text(config.replace(*DATA_RULE_OFF, 1), encoding="utf-8")
        for named in root.iterdir():
            if named.is_file() and named.name != CONFIG and named.name in config:
                shutil.copy(named, work / named.name)
        try:
            lines_of, _ = yaml_as_text(root, work)
            pages = pages_without_macros(docs_dir, work)
            reports = _textlint(root, node, root / CONFIG, list(pages)) + _textlint(root, node, data_config, list(lines_of))
        except (RuntimeError, json.JSONDecodeError, subprocess.TimeoutExpired, OSError) as exc:
            return Result(skipped=f"文章の校正(textlint)を最後まで実行できませんでした: {' '.join(str(exc).split())[:400]}")
        errors = []
        for report in reports:
            path = Path(report["filePath"]).resolve().as_posix()
            for m in report["messages"]:
                if path in lines_of:
                    display = Path(path).relative_to(work.resolve()).as_posix()[: -len(".txt")]
                    line = lines_of[path][min(m["line"], len(lines_of[path])) - 1]
                else:
                    display, line = pages.get(path, path), m["line"]
                message = " ".join(m["message"].split())
                errors.append(SourceError(display, line, f"文章の校正({m['ruleId']}): {message}"))
    return Result(errors=errors)
