"""The engine's scripts and stylesheets, and the Node tests, pass their linters with zero
findings: ESLint (eslint.config.js: classic scripts, ECMAScript 2015, browser globals, ES5-era
style) and stylelint (stylelint.config.js: stylelint-config-recommended, mistakes only).
Both are pinned in package-lock.json (stylelint 16, which still runs on Debian 12's Node 18;
ESLint 9 does too). The findings are printed one per line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import ROOT

BIN = ROOT / "node_modules" / ".bin"


def _relative(path: str) -> str:
    p = Path(path)
    return p.relative_to(ROOT).as_posix() if p.is_absolute() else p.as_posix()


def test_eslint_finds_nothing():
    assert (BIN / "eslint").is_file(), "ESLint is missing: ./dev test installs it (npm ci)"
    result = subprocess.run(
        [str(BIN / "eslint"), "--format", "json", "engine/dxcourse/assets", "tests/js"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode in (0, 1), result.stderr[-3000:]
    report = json.loads(result.stdout)
    linted = {_relative(entry["filePath"]) for entry in report}
    assert "engine/dxcourse/assets/site.js" in linted and "tests/js/scorm.test.js" in linted
    findings = [
        f"{_relative(entry['filePath'])}:{m.get('line')}: {m.get('ruleId') or 'parse error'}: {m['message']}"
        for entry in report
        for m in entry["messages"]
    ]
    assert not findings, "\n".join(findings)


def test_stylelint_finds_nothing():
    assert (BIN / "stylelint").is_file(), "stylelint is missing: ./dev test installs it (npm ci)"
    result = subprocess.run(
        [str(BIN / "stylelint"), "--formatter", "json", "engine/dxcourse/assets/*.css"],
        capture_output=True, text=True, cwd=ROOT,
    )
    # stylelint writes its JSON report to stderr when it finds problems (exit 2).
    out = result.stdout.strip() or result.stderr.strip()
    assert result.returncode in (0, 2), out[-3000:]
    report = json.loads(out)
    assert "engine/dxcourse/assets/site.css" in {_relative(entry["source"]) for entry in report}
    findings = [
        f"{_relative(entry['source'])}:{w.get('line')}: {w['rule']}: {w['text']}"
        for entry in report
        for w in entry["warnings"]
    ]
    assert not findings, "\n".join(findings)
