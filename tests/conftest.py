"""Shared fixtures: the real site, built once per run in both forms."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Builds:
    online: Path
    offline: Path
    zip: Path


def mkdocs_build(project: Path, site_dir: Path, offline: bool = False, dist: Path | None = None):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true" if offline else "false"}
    if dist is not None:
        env["DX_DIST_DIR"] = str(dist)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def builds(tmp_path_factory) -> Builds:
    out = tmp_path_factory.mktemp("builds")
    for offline, name in ((False, "site"), (True, "site-offline")):
        result = mkdocs_build(ROOT, out / name, offline=offline, dist=out / "dist")
        assert result.returncode == 0, result.stderr
    (zip_path,) = (out / "dist").glob("*.zip")
    return Builds(out / "site", out / "site-offline", zip_path)


def _skipped(config) -> list:
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    return reporter.stats.get("skipped", []) if reporter else []


def pytest_sessionfinish(session, exitstatus):
    # A skipped test proves nothing: CI must install what a test needs instead.
    if _skipped(session.config):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _skipped(config):
        terminalreporter.write_line("FAILED: tests were skipped; no test may be skipped.", red=True)
