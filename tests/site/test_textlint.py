"""The site's Japanese prose passes textlint (.textlintrc: preset-ja-technical-writing, tuned,
and the site's 表記 in prh.yml) with zero errors: every page in docs/ and the text of every
data file. YAML strings are written one paragraph each into temporary text files and the
messages are mapped back to ``data/FILE.yml:LINE``. The article's own words (``quote:``)
are not the site's prose and are left out; so are ids, page paths and kana readings.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from dxcourse.yamlsource import load_yaml

ROOT = Path(__file__).resolve().parents[2]
TEXTLINT = ROOT / "node_modules" / ".bin" / "textlint"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
SKIP_KEYS = {"quote", "reading", "id", "term", "aliases"}


def strings(node, line: int = 0, key: str | None = None):
    """``(line, text)`` for every string with Japanese in it, with its 1-based line."""
    if isinstance(node, CommentedMap):
        for k, value in node.items():
            if k in SKIP_KEYS:
                continue
            yield from strings(value, node.lc.value(k)[0] + 1 if k in node.lc.data else line, k)
    elif isinstance(node, CommentedSeq):
        for index, value in enumerate(node):
            yield from strings(value, node.lc.item(index)[0] + 1, key)
    elif isinstance(node, str) and JAPANESE.search(node):
        yield line, node


def yaml_as_text(out: Path) -> dict[str, list[int]]:
    """Writes data/**/*.yml's text as out/data/**/*.yml.txt; returns each text line's source line."""
    lines_of: dict[str, list[int]] = {}
    for path in sorted((ROOT / "data").rglob("*.yml")):
        display = path.relative_to(ROOT).as_posix()
        raw, problems = load_yaml(path, display)
        assert not problems, problems
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
        lines_of[target.as_posix()] = sources
    return lines_of


MACRO = re.compile(r"\{\{.*?\}\}")
QUOTE_MACRO = re.compile(r'\{\{\s*article_quote\(.*?\)\s*\}\}')


def pages_without_macros(out: Path) -> list[str]:
    """Copies docs/**/*.md to out/docs/ with each ``{{ macro() }}`` call blanked on its line:
    a call is code, not prose. A quotation becomes 「引用」, so the sentence around it stays whole."""
    copies = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = QUOTE_MACRO.sub("「引用」", page.read_text(encoding="utf-8"))
        target = out / page.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(MACRO.sub("", text), encoding="utf-8")
        copies.append(target.as_posix())
    return copies


def textlint(config: Path, files) -> list[dict]:
    result = subprocess.run(
        [str(TEXTLINT), "--config", str(config), "--format", "json", *files],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return json.loads(result.stdout)


def test_textlint_finds_nothing_in_the_pages_and_the_data(tmp_path):
    assert TEXTLINT.exists(), "run `npm ci --no-audit --no-fund` (./dev test does) to install textlint"
    work = tmp_path / "lint"
    lines_of = yaml_as_text(work)
    # The data's config: the site's, without ja-no-mixed-period (labels and titles are not sentences).
    config = (ROOT / ".textlintrc").read_text(encoding="utf-8")
    data_config = tmp_path / ".textlintrc"
    data_config.write_text(
        config.replace("  preset-ja-technical-writing:\n", "  preset-ja-technical-writing:\n    ja-no-mixed-period: false\n", 1),
        encoding="utf-8",
    )
    assert data_config.read_text(encoding="utf-8") != config
    shutil.copy(ROOT / "prh.yml", tmp_path / "prh.yml")
    pages = pages_without_macros(work)
    reports = textlint(ROOT / ".textlintrc", pages) + textlint(data_config, list(lines_of))
    problems = []
    for report in reports:
        path = report["filePath"]
        for m in report["messages"]:
            if path in lines_of:
                where = f"{Path(path).relative_to(work).as_posix()[: -len('.txt')]}:{lines_of[path][m['line'] - 1]}"
            else:
                where = f"{Path(path).relative_to(work).as_posix()}:{m['line']}"
            problems.append(f"{where}: {m['ruleId']}: {' '.join(m['message'].split())}")
    assert problems == [], f"{len(problems)} textlint error(s):\n" + "\n".join(problems)
