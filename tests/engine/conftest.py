"""The fixture course: the engine's starter course (what ``init`` writes), made once per run in
a temporary folder and built in all three forms with the installed engine. Engine tests run
on it, so they hold for any municipality's course, not only for this city's."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.conftest import Guard, Site, serving  # noqa: F401  (used by the engine tests)
from tests.conftest import mkdocs_build

FIXTURE_SITE_ID = "fixture-town"


@dataclass(frozen=True)
class FixtureBuilds:
    course: Path
    online: Path
    offline: Path
    scorm: Path
    dist: Path


@pytest.fixture(scope="session")
def fixture_course(tmp_path_factory) -> Path:
    from dxcourse.starter import create

    course = tmp_path_factory.mktemp("fixture") / "course"
    create(course, "見本町 DX 自習コース", FIXTURE_SITE_ID)
    return course


@pytest.fixture(scope="session")
def fixture_builds(fixture_course, tmp_path_factory) -> FixtureBuilds:
    out = tmp_path_factory.mktemp("fixture-builds")
    dist = out / "dist"
    for site_dir, kind in ((out / "site", {}), (out / "site-offline", {"offline": True}), (out / "site-scorm", {"scorm": True})):
        result = mkdocs_build(fixture_course, site_dir, dist=dist, **kind)
        assert result.returncode == 0, result.stderr
    return FixtureBuilds(fixture_course, out / "site", out / "site-offline", out / "site-scorm", dist)


def fixture_pages(course: Path) -> list[str]:
    """Every page of the fixture course: its Markdown files and the pages made from its data."""
    from dxcourse import load_sources
    from dxcourse.generate import pages

    data, _, _ = load_sources(course, course / "docs")
    written = [p.relative_to(course / "docs").as_posix() for p in (course / "docs").rglob("*.md")]
    return sorted({*written, *pages(data)})
