"""Runs tests/js/scorm.test.js (node:test) as part of the README's test command."""

from __future__ import annotations

import shutil
import subprocess

from tests.conftest import ROOT


def test_scorm_runtime_decisions_pass_under_node():
    node = shutil.which("node")
    assert node, "node is needed (./dev test installs it)"
    result = subprocess.run([node, "--test", str(ROOT / "tests" / "js" / "scorm.test.js")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
