"""The whole build: both forms of the real site, and a broken source stopping it."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path, PurePosixPath

from tests.conftest import ROOT, mkdocs_build
from tests.project import page_paths

# Anything fetched from another host. The served test build's own address (127.0.0.1) is the site.
OUTSIDE = re.compile(
    r"""<(?:script|link|img|iframe|source|audio|video)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//(?!127\.0\.0\.1[:/])""", re.I
)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_both_builds_have_every_page(builds):
    pages = [PurePosixPath(p).with_suffix("") for p in page_paths(ROOT)]
    for page in pages:
        assert (builds.offline / page.with_suffix(".html")).is_file(), page
        online = builds.online / (page.parent if page.name == "index" else page) / "index.html"
        assert online.is_file(), page


def test_no_page_references_anything_outside(builds):
    for site in (builds.online, builds.offline):
        for html in html_files(site):
            found = OUTSIDE.findall(html.read_text(encoding="utf-8"))
            assert found == [], f"{html}: {found}"


def test_offline_build_needs_no_worker_shim_and_ships_the_search_index(builds):
    # The site's own search loads search/dx-index.js as a script: no worker, no iframe shim.
    index = (builds.offline / "index.html").read_text(encoding="utf-8")
    assert "iframe-worker" not in index
    assert "unpkg.com" not in index
    assert (builds.offline / "search" / "dx-index.js").is_file()
    assert not (builds.offline / "search" / "search_index.js").exists()
    assert not (builds.offline / "assets/vendor/iframe-worker").exists()


def test_offline_zip_has_one_top_folder_with_index_html(builds):
    with zipfile.ZipFile(builds.zip) as bundle:
        names = bundle.namelist()
    tops = {name.split("/", 1)[0] for name in names}
    assert len(tops) == 1
    (top,) = tops
    assert f"{top}/index.html" in names
    assert f"{top}/search/dx-index.js" in names


def copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def test_broken_data_stops_the_build_with_every_error_and_writes_nothing(tmp_path):
    project = copy_project(tmp_path)
    steps = project / "data" / "steps.yml"
    text = steps.read_text(encoding="utf-8")
    text = text.replace("    number: 1\n", "    number: one\n", 1).replace("id: step-3", "id: step-2")
    steps.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    number_line = lines.index("    number: one") + 1
    duplicate_line = lines.index("  - id: step-2", lines.index("  - id: step-2") + 1) + 1

    result = mkdocs_build(project, project / "site")

    assert result.returncode != 0
    assert f"data/steps.yml:{number_line}: steps[1].number: 整数を書いてください(今は 'one')。" in result.stderr
    assert f"data/steps.yml:{duplicate_line}: id 'step-2' が同じリストの中で重なっています。どちらかを別の id にしてください。" in result.stderr
    assert not (project / "site" / "index.html").exists()
