"""Shared fixtures: the real site, built once per run in both forms."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

try:
    import mkdocs  # noqa: F401

    ENGINE = "mkdocs"
except ImportError:  # Only ProperDocs is installed: its alias answers every mkdocs.* import.
    import properdocs.replacement  # noqa: F401

    ENGINE = "properdocs"


@dataclass(frozen=True)
class Builds:
    online: Path
    offline: Path
    zip: Path


def mkdocs_build(
    project: Path,
    site_dir: Path,
    offline: bool = False,
    dist: Path | None = None,
    site_url: str = "",
    scorm: bool = False,
    engine: str = ENGINE,
):
    """Builds with the engine that is installed (or the one named), the way `./dev build` does."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "OFFLINE": "true" if offline else "false",
        "SCORM": "true" if scorm else "false",
        "DX_SITE_URL": site_url,
    }
    if dist is not None:
        env["DX_DIST_DIR"] = str(dist)
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """An HTTP server on 127.0.0.1, bound before the build so that site_url can name its port."""
    root = tmp_path_factory.mktemp("served")
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.root = root
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    yield httpd
    httpd.server_close()


@pytest.fixture(scope="session")
def builds(server, tmp_path_factory) -> Builds:
    out = tmp_path_factory.mktemp("builds")
    online = server.root / "site"
    result = mkdocs_build(ROOT, online, site_url=server.url + "site/")
    assert result.returncode == 0, result.stderr
    result = mkdocs_build(ROOT, out / "site-offline", offline=True, dist=out / "dist")
    assert result.returncode == 0, result.stderr
    (zip_path,) = (out / "dist").glob("*.zip")
    return Builds(online, out / "site-offline", zip_path)


@dataclass(frozen=True)
class ScormBuild:
    site: Path
    zip: Path
    zip2004: Path


@pytest.fixture(scope="session")
def scorm_build(tmp_path_factory) -> ScormBuild:
    """SCORM=true: the site folder (the 1.2 package, unzipped) and both zips in dist/."""
    out = tmp_path_factory.mktemp("scorm")
    result = mkdocs_build(ROOT, out / "site-scorm", dist=out / "dist", scorm=True)
    assert result.returncode == 0, result.stderr
    dist = out / "dist"
    from tests.project import site_id

    return ScormBuild(out / "site-scorm", dist / f"{site_id()}-scorm12.zip", dist / f"{site_id()}-scorm2004.zip")


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


def pytest_collection_modifyitems(config, items):
    # Everything under tests/browser drives Chromium, marked or not: `-m "not browser"` is the
    # fast, browser-free subset (README).
    for item in items:
        if "browser" in item.path.parts[-2]:
            item.add_marker(pytest.mark.browser)


# Chromium through Playwright, once per test process: tests/browser and tests/engine share it
# (two sync Playwright instances cannot run in one process).
@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM

    assert Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}; set DX_CHROMIUM or install it"
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright):
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()
