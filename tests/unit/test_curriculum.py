"""The curriculum data: every mistake across roles, programs and modules, at its file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros import load_sources
from macros.curriculum import Curriculum, duration, map_layout
from macros.diagnostics import SourceErrors

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = "data/curriculum/programs.yml"
MODULES = "data/curriculum/modules.yml"
ROLES = "data/curriculum/roles.yml"


def project(tmp_path: Path, edits: dict[str, list[tuple[str, str]]]) -> Path:
    """A copy of the real data and pages, with ``(old, new)`` replacements applied once each."""
    for name in ("data", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    for path, replacements in edits.items():
        file = tmp_path / path
        text = file.read_text(encoding="utf-8")
        for old, new in replacements:
            assert text.count(old) >= 1, f"{old!r} not in {path}"
            text = text.replace(old, new, 1)
        file.write_text(text, encoding="utf-8")
    return tmp_path


def line(root: Path, path: str, needle: str, after: str | None = None) -> int:
    lines = (root / path).read_text(encoding="utf-8").splitlines()
    start = 0
    if after is not None:
        start = next(i for i, text in enumerate(lines) if after in text)
    return next(i for i, text in enumerate(lines) if i >= start and needle in text) + 1


def errors(root: Path) -> list[str]:
    with pytest.raises(SourceErrors) as caught:
        load_sources(root, root / "docs")
    return [str(e) for e in caught.value.errors]


def test_the_real_curriculum_loads_and_orders_modules():
    data, _, _ = load_sources(ROOT, ROOT / "docs")
    cur = Curriculum(data)
    assert [p.title for p in cur.programs] == [
        "管理職向けマインドチェンジ研修",
        "DX概論研修/サービスデザイン実習",
        "うれしさから始まるビジョンの策定研修",
        "計画策定とタウンミーティング",
        "自治体変革PJ-DX研修",
        "効果測定と変化と共にするチェンジマネージメント",
    ]
    assert [r.name for r in cur.roles] == ["首長・幹部", "管理職", "DX推進担当", "人事担当", "原課リーダー", "全職員"]
    hr = cur.modules_for("hr")
    assert [m.id for m in hr] == ["people-and-careers", "outside-help", "measure-and-adapt"]
    assert duration(sum(m.minutes for m in hr)) == "1時間40分"
    # Every prerequisite comes before the program that needs it.
    order = [cur.program_of[m.id].id for m in cur.ordered_modules()]
    for program in cur.programs:
        for prereq in program.prerequisites:
            assert order.index(prereq) < order.index(program.id)
    # Every module has a page, every program and role too.
    for module in cur.modules:
        assert (ROOT / "docs/curriculum/modules" / f"{module.id}.md").is_file()
    for program in cur.programs:
        assert (ROOT / "docs/curriculum/programs" / f"{program.id}.md").is_file()
    for role in cur.roles:
        assert (ROOT / "docs/curriculum/roles" / f"{role.id}.md").is_file()


def test_the_map_draws_one_box_per_program_and_an_arrow_per_prerequisite():
    data, _, _ = load_sources(ROOT, ROOT / "docs")
    cur = Curriculum(data)
    layout = map_layout(cur)
    assert len(layout["boxes"]) == 6
    assert sorted((a["from"], a["to"]) for a in layout["arrows"]) == sorted(
        (q, p.id) for p in cur.programs for q in p.prerequisites
    )
    # Boxes never overlap: one row per program.
    ys = [b["y"] for b in layout["boxes"]]
    assert len(set(ys)) == len(ys)


def test_unknown_role_step_and_module_in_a_program(tmp_path):
    root = project(
        tmp_path,
        {PROGRAMS: [("audience: [executive, manager]", "audience: [executive, mayor]"),
                    ("steps: [step-1]", "steps: [step-9]"),
                    ("modules: [priorities-and-plan]", "modules: [priorities-and-plan, no-such-module]")]},
    )
    assert errors(root) == [
        f"{PROGRAMS}:{line(root, PROGRAMS, 'audience: [executive, mayor]')}: unknown role 'mayor'",
        f"{PROGRAMS}:{line(root, PROGRAMS, 'steps: [step-9]')}: unknown step 'step-9'",
        f"{PROGRAMS}:{line(root, PROGRAMS, 'no-such-module')}: unknown module 'no-such-module'",
    ]


def test_prerequisite_cycle(tmp_path):
    root = project(tmp_path, {PROGRAMS: [("    prerequisites: []\n", "    prerequisites: [change-management]\n")]})
    assert errors(root) == [
        f"{PROGRAMS}:{line(root, PROGRAMS, 'prerequisites: [plan-town-meeting, mindset-change]')}: "
        "prerequisite cycle: mindset-change → change-management → transformation-project → mindset-change"
    ]


def test_unknown_prerequisite_and_self_prerequisite(tmp_path):
    root = project(
        tmp_path,
        {PROGRAMS: [("prerequisites: [dx-basics]", "prerequisites:\n      - dx-basic\n      - vision")]},
    )
    assert errors(root) == [
        f"{PROGRAMS}:{line(root, PROGRAMS, '- dx-basic')}: unknown prerequisite program 'dx-basic'",
        f"{PROGRAMS}:{line(root, PROGRAMS, '- vision', after='- dx-basic')}: a program cannot be its own prerequisite",
    ]


def test_unknown_page_checklist_item_tree_and_role_in_a_module(tmp_path):
    root = project(
        tmp_path,
        {MODULES: [("read: [faq/one-hour-basics.md,", "read: [faq/one-hour-basic.md,"),
                   ("items: [observe-first]", "items: [observe-firstly]"),
                   ("trees: [usual-vendor]", "trees: [usual-vendors]"),
                   ("roles: [dx-lead, hr]", "roles: [dx-lead, personnel]")]},
    )
    assert errors(root) == [
        f"{MODULES}:{line(root, MODULES, 'faq/one-hour-basic.md')}: modules[2].read[0]: "
        "links to a page that does not exist: 'faq/one-hour-basic.md'",
        f"{MODULES}:{line(root, MODULES, 'usual-vendors')}: modules[8].trees[0]: unknown decisions id 'usual-vendors'",
    ]
    # Cross-file checks run once the fields are right: fix those two and the rest appear.
    fixed = root / MODULES
    text = fixed.read_text(encoding="utf-8").replace("one-hour-basic.md", "one-hour-basics.md").replace("usual-vendors", "usual-vendor")
    fixed.write_text(text, encoding="utf-8")
    assert errors(root) == [
        f"{MODULES}:{line(root, MODULES, 'observe-firstly')}: checklist 'step-0' has no item 'observe-firstly'",
        f"{MODULES}:{line(root, MODULES, 'dx-lead, personnel')}: unknown role 'personnel'",
    ]


def test_module_numbers_are_unique_and_every_module_is_in_one_program(tmp_path):
    root = project(
        tmp_path,
        {MODULES: [("    number: 2\n", "    number: 1\n")],
         PROGRAMS: [("modules: [measure-and-adapt]", "modules: [measure-and-adapt, why-us-first]"),
                    ("modules: [priorities-and-plan]", "modules: [why-us-first]")]},
    )
    assert errors(root) == sorted([
        f"{MODULES}:{line(root, MODULES, 'id: priorities-and-plan')}: module 'priorities-and-plan' is in no program (add it to a program's modules)",
        f"{MODULES}:{line(root, MODULES, 'number: 1', after='id: beyond-tools')}: number 1 is already used by module 'why-us-first'",
        f"{PROGRAMS}:{line(root, PROGRAMS, 'modules: [why-us-first]')}: module 'why-us-first' is already in program 'mindset-change'",
        f"{PROGRAMS}:{line(root, PROGRAMS, 'modules: [measure-and-adapt, why-us-first]')}: module 'why-us-first' is already in program 'mindset-change'",
    ], key=lambda e: (e.split(":")[0], int(e.split(":")[1])))


def test_a_module_without_activities_and_a_bad_format(tmp_path):
    root = project(
        tmp_path,
        {MODULES: [("""    checklists:
      - checklist: step-0
        items: [digital-and-hr-talk]
    reflections:
      - id: short-term-pressure
        question: 目先の成果を求められたとき、あなたは人を育てることとどう両立させますか。
""", "")],
         PROGRAMS: [("format: 研修", "format: 講演")]},
    )
    assert errors(root) == [
        f"{PROGRAMS}:{line(root, PROGRAMS, 'format: 講演')}: programs[0].format: "
        "Input should be '研修', '実習', 'ワークショップ', 'タウンミーティング' or 'プロジェクト'",
    ]
    program_file = root / PROGRAMS
    program_file.write_text(program_file.read_text(encoding="utf-8").replace("format: 講演", "format: 研修"), encoding="utf-8")
    assert errors(root) == [
        f"{MODULES}:{line(root, MODULES, 'id: beyond-tools')}: a module needs at least one activity (checklists, trees or reflections)"
    ]


def test_duplicate_role_id(tmp_path):
    root = project(tmp_path, {ROLES: [("  - id: manager", "  - id: executive")]})
    assert errors(root)[0] == f"{ROLES}:{line(root, ROLES, '- id: executive', after='name: 首長・幹部')}: duplicate id 'executive'"
