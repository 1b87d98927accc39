"""ProperDocs, the maintained fork of MkDocs 1.6, builds this site exactly as MkDocs does.

It is the way out when MkDocs 1.6 stops installing (README 「長く使うために」), so the claim is
proved on every run: both builds, every file, byte for byte apart from the generator tag.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, mkdocs_build

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')

def normalised(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":  # the sitemap's gzip header holds the build time
        data = gzip.decompress(data)
    return GENERATOR.sub(b"<generator>", data)


def tree(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("offline", [False, True], ids=["intranet", "folder"])
def test_properdocs_builds_the_same_site_as_mkdocs(builds, server, tmp_path, offline):
    # The session's MkDocs builds (tests/conftest.py), rebuilt here with ProperDocs alike.
    ours = builds.offline if offline else builds.online
    site = tmp_path / "properdocs"
    url = "" if offline else server.url + "site/"
    result = mkdocs_build(ROOT, site, offline=offline, dist=tmp_path / "dist", site_url=url, engine="properdocs")
    assert result.returncode == 0, result.stderr
    mkdocs_files, properdocs_files = tree(ours), tree(site)

    assert mkdocs_files.keys() == properdocs_files.keys()
    differing = [name for name, path in mkdocs_files.items() if normalised(path) != normalised(properdocs_files[name])]
    assert differing == []
    # Not vacuous: the generator tag is where the two builds do differ.
    assert b"ProperDocs" in properdocs_files["index.html"].read_bytes()
    assert b"ProperDocs" not in mkdocs_files["index.html"].read_bytes()
