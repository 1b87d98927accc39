"""The engine on the fixture course, in Chromium: every page of both builds loads only from the
site, starts its widgets without a console error, and has no axe violation."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations
from tests.engine.conftest import Guard, Site, fixture_pages, serving

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=["served", "file"])
def fixture_site(request, fixture_builds):
    if request.param == "file":
        yield Site("file", fixture_builds.offline.as_uri() + "/")
    else:
        with serving(fixture_builds.online) as site:
            yield site


def test_every_page_loads_only_from_the_site_starts_its_widgets_and_has_no_axe_violations(
    fixture_site, fixture_builds, browser, axe
):
    guard = Guard(fixture_site)
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    guard.attach(context)
    page = context.new_page()
    unstarted, violations = {}, []
    try:
        for md in fixture_pages(fixture_builds.course):
            page.goto(fixture_site.url(md), wait_until="load")
            count = page.locator("[data-module]:not([data-module-started])").count()
            if count:
                unstarted[md] = count
            violations += [f"{md}: {v}" for v in axe_violations(axe, page)]
        guard.assert_clean()
    finally:
        context.close()
    assert unstarted == {}
    assert violations == []
