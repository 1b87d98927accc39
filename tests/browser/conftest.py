"""Browser fixtures: the system Chromium through Playwright, both builds, a request guard."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("DX_CHROMIUM", "/usr/bin/chromium")
# The flags keep Chromium from calling Google's services, which a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def page_paths() -> list[str]:
    """Every page, as its docs-relative path (known before anything is built): the Markdown
    files and the pages generated from the data."""
    from tests.project import page_paths as all_pages

    return all_pages(ROOT)


@dataclass
class Site:
    """One build, as the browser reaches it: served on 127.0.0.1, or a folder on disk."""

    kind: str
    base: str

    def url(self, md_path: str, fragment: str = "") -> str:
        stem = md_path[: -len(".md")]
        if self.kind == "served":
            path = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
        else:
            path = stem + ".html"
        return self.base + path + (f"#{fragment}" if fragment else "")

    def inside(self, url: str) -> bool:
        return url.startswith(self.base) or url.startswith(("data:", "blob:", "about:"))


@dataclass
class Guard:
    """Aborts and counts every request that leaves the site; records console errors."""

    site: Site
    outside: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.route("**/*", self._route)
        context.on("page", self.watch)
        for page in context.pages:
            self.watch(page)

    def watch(self, page: Page) -> None:
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))
        page.on("requestfailed", lambda req: self._failed(req.url, req.failure))
        page.on("response", lambda res: res.status >= 400 and self.console_errors.append(f"{res.status} {res.url}"))

    def _failed(self, url: str, reason) -> None:
        # ERR_ABORTED is a load cut short by navigating on, not a fault of the site.
        if self.site.inside(url) and "ERR_ABORTED" not in str(reason):
            self.console_errors.append(f"failed {url}: {reason}")

    def _route(self, route) -> None:
        if self.site.inside(route.request.url):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def assert_clean(self) -> None:
        assert self.outside == [], f"requests outside the site: {self.outside}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serving(directory: Path):
    """Another build (a test fixture, the bench's) served on 127.0.0.1 for as long as needed."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site("served", f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served(server, builds):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # Served under a sub-path, as on an intranet server that hosts other things too.
    yield Site("served", server.url + "site/")
    server.shutdown()


@pytest.fixture(scope="session")
def bundle(builds):
    return Site("file", builds.offline.as_uri() + "/")


@pytest.fixture(scope="session", params=["served", "file"])
def site(request) -> Site:
    """Both builds, unless the test narrows it (ON_THE_BUNDLE)."""
    return request.getfixturevalue("served" if request.param == "served" else "bundle")


# A widget's own behaviour (ticks, keys, messages, files it reads) is the same script on both
# builds: such a test runs once, on the folder bundle, the stricter place (file://: no fetch,
# no server, full page loads). Tests where the way a page is reached matters (moving between
# pages, instant navigation, scripts and the index loaded on first use, storage kept across
# pages or browser restarts, links) keep both builds; every page of both builds is also
# loaded, checked for requests and axe-checked in test_pages.py.
ON_THE_BUNDLE = pytest.mark.parametrize("site", ["file"], indirect=True)


@pytest.fixture
def reopenable(playwright, guard, tmp_path):
    """Opens a browser that keeps its profile on disk: closing and reopening keeps storage."""
    opened = []

    def open_context() -> BrowserContext:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, locale="ja-JP", accept_downloads=True
        )
        guard.attach(context)
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()


@pytest.fixture
def guard(site) -> Guard:
    return Guard(site)


@pytest.fixture
def context(browser, guard):
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900}, accept_downloads=True)
    guard.attach(context)
    yield context
    context.close()


@pytest.fixture
def page(context) -> Page:
    return context.new_page()


def axe_violations(axe: Axe, page: Page) -> list[str]:
    # Only violations carry their nodes back: the passes' nodes are large and nobody reads them.
    # No preload: it fetches each stylesheet by XHR, which file:// refuses with console errors,
    # and only css-orientation-lock reads it, an experimental rule that AXE_TAGS leave out.
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"], "preload": False}
    results = axe.run(page, options=options)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


def assert_axe_clean(axe: Axe, page: Page, guard: Guard) -> None:
    """No axe violation, and no request or console error before or during the run (axe runs
    without preload, so it makes no request of its own to excuse)."""
    guard.assert_clean()
    assert axe_violations(axe, page) == []
    guard.assert_clean()
