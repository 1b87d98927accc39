"""Scaffolding (python -m dxcourse new): every argument is checked before anything is
written, and the stubs pass check (apart from their placeholders, which check lists), the
build and the prose lint, before and after their placeholders are written over. All on the
engine's fixture course (the starter), never on this city's course."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dxcourse import prose
from dxcourse.rules import placeholders
from tests.conftest import mkdocs_build
from tests.placeholders import fill_placeholders
from tests.project import ROOT, cli, fixture_project, problems

STUBS = [("module", "local-rules"), ("program", "local-course"), ("role", "clerk"),
         ("tree", "local-tree"), ("faq", "local-question"), ("worksheet", "my-sheet")]


@pytest.fixture
def course(tmp_path) -> Path:
    return fixture_project(tmp_path / "course")


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def changed(root: Path, before: dict[str, bytes]) -> list[str]:
    return sorted(path for path, data in snapshot(root).items() if before.get(path) != data)


REFUSALS = [
    (("new", "module", "x", "--program", "nope"), "プログラム 'nope' が programs.yml にありません。"),
    (("new", "module", "x", "--program", "basic"), "もしかして: basics"),
    (("new", "faq", "x", "--program", "basics"), "--program は module のときだけ使えます"),
    (("new", "lesson", "x"), "種類 'lesson' は作れません"),
    (("new", "module", "Local_Rules"), "id 'Local_Rules' は使えません"),
    (("new", "module", "who-joins"), "モジュール 'who-joins' はもう modules.yml にあります"),
    (("new", "module", "orphan"), "data/selfchecks/orphan.yml はもうあります"),
    (("new", "program", "basics"), "プログラム 'basics' はもう programs.yml にあります"),
    (("new", "program", "pilot"), "プログラムと一緒に作るモジュール 'pilot-1' が、もう modules.yml にあります"),
    (("new", "role", "all-staff"), "役割 'all-staff' はもう roles.yml にあります"),
    (("new", "tree", "start-small"), "data/decisions/start-small.yml はもうあります"),
    (("new", "faq", "why-start"), "docs/faq/why-start.md はもうあります"),
    (("new", "worksheet", "kickoff"), "data/worksheets/kickoff.yml はもうあります"),
]


@pytest.mark.parametrize(("args", "message"), REFUSALS, ids=[" ".join(a[1:]) for a, _ in REFUSALS])
def test_each_refusal_writes_nothing(course, args, message):
    assert cli(course, "new", "module", "pilot-1").returncode == 0  # for the refusal of program 'pilot'
    (course / "data/selfchecks/orphan.yml").write_text("id: orphan\n", encoding="utf-8")
    before = snapshot(course)
    result = cli(course, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert changed(course, before) == []


def test_refusals_outside_a_course_write_nothing(tmp_path):
    for kind in ("module", "program", "role", "tree", "faq", "worksheet"):
        result = cli(tmp_path, "new", kind, "x")
        assert result.returncode == 2, kind
        assert "コースのフォルダー(mkdocs.yml のあるところ)で実行してください" in result.stderr, kind
        assert list(tmp_path.iterdir()) == [], kind


def test_the_module_stub_offers_only_its_programs_audience(course):
    # Two more roles, and a second program for two of the three roles, in an order of its own.
    roles = course / "data/curriculum/roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8") + "".join(
        f"  - id: {role}\n    name: {name}\n    last_reviewed: 2026-12-05\n    summary: {name}として取組みを進める職員。\n"
        for role, name in (("manager", "課長"), ("section-leader", "係長"))), encoding="utf-8")
    programs = course / "data/curriculum/programs.yml"
    programs.write_text(programs.read_text(encoding="utf-8") + """\
  - id: leaders
    number: 2
    last_reviewed: 2026-12-05
    title: 取組みを率いる研修
    aim: 課の取組みを率いる。
    audience: [section-leader, manager]
    steps: [step-2]
    format: 研修
    length: 1時間。
    prerequisites: [basics]
    outputs:
      - 体制のメモ
    modules: []
""", encoding="utf-8")
    assert cli(course, "new", "module", "local-rules", "--program", "leaders").returncode == 0
    text = (course / "data/curriculum/modules.yml").read_text(encoding="utf-8")
    stub = text[text.index("  - id: local-rules"):]
    (offer,) = re.findall(r"# roles: \[(.*?)\]", stub)
    assert offer.split(", ") == ["section-leader", "manager"]
    assert "使える id(プログラムの対象): section-leader, manager" in stub
    assert "all-staff" not in stub
    assert "modules: [local-rules]" in programs.read_text(encoding="utf-8")
    # The stub, its roles line written in and its placeholders filled, passes check.
    modules = course / "data/curriculum/modules.yml"
    modules.write_text(re.sub(r"# roles: \[.*?\].*", "roles: [manager]", modules.read_text(encoding="utf-8")), encoding="utf-8")
    for path in ("data/curriculum/modules.yml", "data/selfchecks/local-rules.yml"):
        fill_placeholders(course / path)
    assert problems(course) == []


def make_stubs(course: Path) -> list[str]:
    before = snapshot(course)
    for kind, item_id in STUBS:
        result = cli(course, "new", kind, item_id)
        assert result.returncode == 0, result.stderr
    return changed(course, before)


def test_stubs_pass_check_apart_from_placeholders_and_pass_build_once_filled(course, tmp_path):
    written = make_stubs(course)
    assert problems(course) == []
    left = placeholders(course, course / "docs")
    assert left and {e.path for e in left} <= set(written)
    result = cli(course, "check")
    assert result.returncode == 1
    assert all("ひな形の「" in line for line in result.stdout.splitlines() if line)
    for path in written:
        fill_placeholders(course / path)
    assert placeholders(course, course / "docs") == []
    result = cli(course, "check")
    assert result.returncode == 0, result.stdout
    build = mkdocs_build(course, tmp_path / "site")
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "site/decisions/local-tree/index.html").is_file()
    assert (tmp_path / "site/curriculum/modules/local-rules/index.html").is_file()


def lint_copy(course: Path, files: list[str], dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in (".textlintrc", "prh.yml"):
        shutil.copy(ROOT / name, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    (dest / "docs").mkdir()
    for path in files:
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(course / path, dest / path)
    return dest


def test_stubs_pass_the_prose_lint_as_written_and_once_filled(course, tmp_path):
    written = make_stubs(course)
    # Only the files the stubs wrote or added to: the lint of the whole course is check's.
    raw = prose.lint(lint_copy(course, written, tmp_path / "raw"))
    assert raw.skipped is None
    assert [str(e) for e in raw.errors] == []
    for path in written:
        fill_placeholders(course / path)
    filled = prose.lint(lint_copy(course, written, tmp_path / "filled"))
    assert [str(e) for e in filled.errors] == []
