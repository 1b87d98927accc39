"""An updated SCORM package, as an LMS receives it: two builds' manifests compared.

Moodle (mod/scorm, scorm_parse_scorm) matches the items of a replaced package to the old ones
by their identifier, moves the learners' tracks to the matching item, and deletes the tracks
of items that are gone. So identifiers must not change between builds, and a retired module
must stay in the package (README, LMSで使う).
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from dxcourse import load_sources
from dxcourse.curriculum import Curriculum
from tests.conftest import mkdocs_build
from tests.project import copy_project, edit

from .test_scorm import NS, NS_2004, SCHEMAS

ZIPS = {"1.2": ("scorm12.zip", NS), "2004": ("scorm2004.zip", NS_2004)}


def manifest(zip_path: Path) -> etree._Element:
    with zipfile.ZipFile(zip_path) as package:
        return etree.fromstring(package.read("imsmanifest.xml"))


def items(doc: etree._Element, ns: dict) -> dict[str, dict]:
    """Every item: its identifier → its resource, its parent's identifier and its title."""
    out = {}
    for parent in doc.iter(f"{{{ns['cp']}}}organization", f"{{{ns['cp']}}}item"):
        for item in parent.findall("cp:item", ns):
            out[item.get("identifier")] = {
                "ref": item.get("identifierref"),
                "parent": parent.get("identifier"),
                "title": item.findtext("cp:title", namespaces=ns),
            }
    return out


def resources(doc: etree._Element, ns: dict) -> dict[str, str | None]:
    return {r.get("identifier"): r.get("href") for r in doc.findall("cp:resources/cp:resource", ns)}


@pytest.fixture(scope="module")
def updated(tmp_path_factory):
    """A copy of the project with one module retired and another program's modules reordered."""
    root = copy_project(tmp_path_factory.mktemp("scorm-update") / "course")
    cur = Curriculum(load_sources(root, root / "docs")[0])
    program = next(p for p in cur.programs if len(p.modules) > 1)
    retired = cur.module[program.modules[-1]]
    edit(root / "data/curriculum/modules.yml", f"  - id: {retired.id}\n", f"  - id: {retired.id}\n    retired: true\n")
    programs = root / "data/curriculum/programs.yml"
    edit(programs, f"modules: [{', '.join(program.modules)}]", f"modules: [{', '.join(program.modules[:-1])}]")
    other = next(p for p in cur.programs if len(p.modules) > 1 and p.id != program.id)
    edit(programs, f"modules: [{', '.join(other.modules)}]", f"modules: [{', '.join(reversed(other.modules))}]")
    out = tmp_path_factory.mktemp("scorm-update-out")
    result = mkdocs_build(root, out / "site-scorm", dist=out / "dist", scorm=True)
    assert result.returncode == 0, result.stderr
    site_id = re.search(r"^  site_id: (\S+)$", (root / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
    return {"site": out / "site-scorm", "dist": out / "dist", "site_id": site_id, "retired": retired, "reordered": other}


@pytest.mark.parametrize("edition", ["1.2", "2004"])
def test_an_updated_package_keeps_every_identifier_and_the_retired_module(scorm_build, updated, edition):
    name, ns = ZIPS[edition]
    before_zip = scorm_build.zip if edition == "1.2" else scorm_build.zip2004
    before, after = manifest(before_zip), manifest(updated["dist"] / f"{updated['site_id']}-{name}")
    old_items, new_items = items(before, ns), items(after, ns)
    old_res, new_res = resources(before, ns), resources(after, ns)
    retired = updated["retired"]

    # Every item and every resource of the first build is still there, pointing at the same SCO.
    assert set(old_items) <= set(new_items)
    for identifier, item in old_items.items():
        assert new_items[identifier]["ref"] == item["ref"], identifier
    assert set(old_res) <= set(new_res)
    for identifier, href in old_res.items():
        assert new_res[identifier] == href, identifier
    # Identifiers come from ids, not positions: reordered modules keep theirs.
    for module_id in updated["reordered"].modules:
        assert new_items[f"ITEM-{module_id}"]["ref"] == f"SCO-{module_id}"
    order = [i for i in new_items if i.startswith("ITEM-")]
    assert order.index(f"ITEM-{updated['reordered'].modules[-1]}") < order.index(f"ITEM-{updated['reordered'].modules[0]}")

    # The retired module: present, labelled, in the last group, with its launch page.
    item = new_items[f"ITEM-{retired.id}"]
    assert item["title"] == f"{retired.title}(廃止)"
    assert item["parent"] == "RETIRED"
    assert new_items["RETIRED"]["title"] == "廃止したモジュール"
    assert list(new_items)[-1] == f"ITEM-{retired.id}"
    assert old_items[f"ITEM-{retired.id}"]["parent"] != "RETIRED"
    assert new_res[f"SCO-{retired.id}"] == f"scorm/{retired.id}.html"
    with zipfile.ZipFile(updated["dist"] / f"{updated['site_id']}-{name}") as package:
        launch = package.read(f"scorm/{retired.id}.html").decode("utf-8")
        assert f"curriculum/modules/{retired.id}.html" in package.namelist()
    assert f"<h1>{retired.title}(廃止)</h1>" in launch
    spec = json.loads(launch.split('id="dx-scorm-spec">', 1)[1].split("</script>", 1)[0])
    assert spec["id"] == retired.id and spec["retired"] is True


def test_the_updated_12_manifest_is_still_valid(updated):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "scorm12.xsd")))
    doc = etree.parse(str(updated["site"] / "imsmanifest.xml"))
    assert schema.validate(doc), schema.error_log
