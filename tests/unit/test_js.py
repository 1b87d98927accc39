"""Runs every tests/js/*.test.js (node:test): the browser scripts' pure logic, without a browser."""

from __future__ import annotations

import shutil
import subprocess

from tests.conftest import ROOT


def test_the_scripts_pure_logic_passes_under_node():
    node = shutil.which("node")
    assert node, "node is needed (./dev test installs it)"
    files = sorted(str(p) for p in (ROOT / "tests" / "js").glob("*.test.js"))
    assert files
    result = subprocess.run([node, "--test", *files], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
