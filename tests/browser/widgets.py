"""Helpers for widget tests: the browser record, and files to import."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.project import site_id, store_key

STORE_KEY = store_key()
SITE_ID = site_id()

# Makes localStorage throw, as Chromium and Edge do when site data is blocked by policy.
DISABLE_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
});
"""


def record(page: Page) -> dict | None:
    text = page.evaluate(f"() => localStorage.getItem({json.dumps(STORE_KEY)})")
    return None if text is None else json.loads(text)


def storage_keys(page: Page) -> list[str]:
    return page.evaluate("() => Object.keys(localStorage)")


def write_json(path: Path, value) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def progress_file(items: dict, **overrides) -> dict:
    return {
        "format": "jichitai-dx-progress",
        "version": 1,
        "site": SITE_ID,
        "updated": "2026-11-20T09:00:00.000Z",
        "items": items,
        **overrides,
    }


class HeldScript:
    """Holds one of the site's scripts on its way (served build), as on a slow PC where the
    page shows and takes input before its widget's script has run."""

    def __init__(self, page: Page, name: str) -> None:
        self.page, self.routes = page, []
        page.route(f"**/assets/{name}?*", lambda route: self.routes.append(route))

    def release(self) -> None:
        while not self.routes:  # waiting lets the route handler run
            self.page.wait_for_timeout(50)
        self.routes.pop().fallback()  # on to the guard's own route


def back_after_the_record_changed(page: Page, site, key: str, value, started: str) -> None:
    """Leaves the page, changes one item of the record meanwhile (as an import on another page
    would), and goes back: a history navigation, where Chromium puts the form back as it was
    left. Returns once the widget (`started`, a selector) has started and the page has loaded."""
    page.goto(site.url("about.md"))
    saved = record(page)
    saved["items"][key] = {"value": value, "at": "2099-01-01T00:00:00.000Z"}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE_KEY, json.dumps(saved)])
    page.go_back()
    expect(page.locator(f"{started}[data-module-started]")).to_have_count(1)
    page.wait_for_load_state("load")
    assert page.evaluate("() => performance.getEntriesByType('navigation')[0].type") == "back_forward"
