"""The engine on the fixture course (the starter): every build is complete and self-contained."""

from __future__ import annotations

import re
import zipfile

from dxcourse.build.assets import LAZY, SCRIPTS
from tests.engine.conftest import FIXTURE_SITE_ID, fixture_pages
from tests.site.test_build import OUTSIDE


def html_files(site):
    return sorted(site.rglob("*.html"))


def test_every_page_of_the_course_is_built(fixture_builds):
    for md in fixture_pages(fixture_builds.course):
        stem = md[: -len(".md")]
        served = fixture_builds.online / (stem[: -len("index")] if stem.endswith("index") else stem + "/") / "index.html"
        assert served.is_file() or (fixture_builds.online / (stem + ".html")).is_file(), md
        assert (fixture_builds.offline / (stem + ".html")).is_file(), md


def test_no_build_refers_outside_the_site(fixture_builds):
    for site in (fixture_builds.online, fixture_builds.offline, fixture_builds.scorm):
        for html in html_files(site):
            text = html.read_text(encoding="utf-8")
            assert not OUTSIDE.findall(text), (html, OUTSIDE.findall(text)[:3])


def test_every_engine_script_serves_some_page_of_the_fixture(fixture_builds):
    # The starter carries every widget, so each of the engine's scripts is loaded somewhere:
    # a script no page loads is a widget renamed in one place and not the other.
    loaded = set()
    for html in html_files(fixture_builds.online):
        loaded |= set(re.findall(r'src="[./]*(assets/[a-z0-9-]+\.js)\?v=', html.read_text(encoding="utf-8")))
    assert set(SCRIPTS) <= loaded, set(SCRIPTS) - loaded
    for path in LAZY.values():
        assert (fixture_builds.online / path).is_file()


def test_the_folder_bundle_zip_has_one_top_folder_named_by_the_site_id(fixture_builds):
    with zipfile.ZipFile(fixture_builds.dist / f"{FIXTURE_SITE_ID}-offline.zip") as bundle:
        names = bundle.namelist()
    assert {name.split("/", 1)[0] for name in names} == {FIXTURE_SITE_ID}
    assert f"{FIXTURE_SITE_ID}/index.html" in names and f"{FIXTURE_SITE_ID}/search/dx-index.js" in names


def test_the_scorm_packages_hold_one_sco_per_module(fixture_builds):
    from dxcourse import load_sources

    data, _, _ = load_sources(fixture_builds.course, fixture_builds.course / "docs")
    modules = [m.id for f in data.all("modules") for m in f.modules]
    for suffix in ("scorm12", "scorm2004"):
        with zipfile.ZipFile(fixture_builds.dist / f"{FIXTURE_SITE_ID}-{suffix}.zip") as package:
            assert package.namelist()[0] == "imsmanifest.xml"
            manifest = package.read("imsmanifest.xml").decode("utf-8")
            for module in modules:
                assert f"scorm/{module}.html" in manifest, (suffix, module)


def test_the_search_index_holds_every_page(fixture_builds):
    index = (fixture_builds.online / "search" / "dx-index.js").read_text(encoding="utf-8")
    for title in ("最初の取組みを小さく始めてよいですか", "キックオフシート", "なぜ窓口から始めるのか"):
        assert title in index
