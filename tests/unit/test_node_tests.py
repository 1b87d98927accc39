"""Runs the browser scripts' pure functions through Node's own test runner (tests/js/*.test.js).

The scripts are classic scripts that also export their pure functions for Node
(`module.exports` at their end); `node --test` needs no framework and no browser.
"""

from __future__ import annotations

import shutil
import subprocess

from tests.conftest import ROOT


def test_node_tests_pass():
    node = shutil.which("node")
    assert node, "node not found: ./dev test installs it (Debian package nodejs)"
    tests = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests/js").glob("*.test.js"))
    assert tests, "no tests in tests/js"
    result = subprocess.run([node, "--test", *tests], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
