"""The curriculum data: every mistake across roles, programs and modules, at its file:line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dxcourse import generate, load_sources
from dxcourse.curriculum import Curriculum, duration, map_layout
from dxcourse.diagnostics import SourceErrors
from tests.project import cli, edit, fixture_project

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
    # Every module, program and role has a page, generated from the data.
    pages = generate.pages(data)
    for module in cur.modules:
        assert f"curriculum/modules/{module.id}.md" in pages
    for program in cur.programs:
        assert f"curriculum/programs/{program.id}.md" in pages
    for role in cur.roles:
        assert f"curriculum/roles/{role.id}.md" in pages
    assert not generate.conflicts(ROOT / "docs", set(pages))


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
    root = fixture_project(
        tmp_path,
        {PROGRAMS: [("audience: [all-staff]", "audience: [all-staff, mayor]"),
                    ("steps: [step-1, step-2]", "steps: [step-1, step-9]"),
                    ("modules: [why-start, who-joins]", "modules: [why-start, who-joins, no-such-module]")]},
    )
    assert errors(root) == [
        f"{PROGRAMS}:{line(root, PROGRAMS, 'audience: [all-staff, mayor]')}: 役割 'mayor' はありません(あるもの: all-staff)。"
        "roles.yml の id から選んでください。",
        f"{PROGRAMS}:{line(root, PROGRAMS, 'steps: [step-1, step-9]')}: ステップ 'step-9' はありません(もしかして: step-2)。"
        "data/steps.yml の id から選んでください。",
        f"{PROGRAMS}:{line(root, PROGRAMS, 'no-such-module')}: モジュール 'no-such-module' はありません("
        "あるもの: who-joins, why-start)。modules.yml の id から選ぶか、python -m dxcourse new module で作ってください。",
    ]


def chained_programs(root: Path) -> Path:
    """The starter's program and two more (stubs of new program): plan after basics, team after plan."""
    for program_id in ("plan", "team"):
        assert cli(root, "new", "program", program_id).returncode == 0
    text = (root / PROGRAMS).read_text(encoding="utf-8")
    stub = re.compile(r"^    prerequisites: \[\] +#.*$", re.M)
    assert len(stub.findall(text)) == 2
    text = stub.sub("    prerequisites: [plan]", stub.sub("    prerequisites: [basics]", text, 1), 1)
    (root / PROGRAMS).write_text(text, encoding="utf-8")
    return root


def test_prerequisite_cycle(tmp_path):
    root = chained_programs(fixture_project(tmp_path))
    edit(root / PROGRAMS, "    prerequisites: []\n", "    prerequisites: [team]\n")
    assert errors(root) == [
        f"{PROGRAMS}:{line(root, PROGRAMS, 'prerequisites: [basics]')}: "
        "前提のプログラムが循環しています: basics → team → plan → basics。"
        "どれか1つの prerequisites を外してください。"
    ]


def test_unknown_prerequisite_and_self_prerequisite(tmp_path):
    root = chained_programs(fixture_project(tmp_path))
    edit(root / PROGRAMS, "prerequisites: [plan]", "prerequisites:\n      - plam\n      - team")
    assert errors(root) == [
        f"{PROGRAMS}:{line(root, PROGRAMS, '- plam')}: 前提のプログラム 'plam' はありません(もしかして: plan)。"
        "programs.yml の id から選んでください。",
        f"{PROGRAMS}:{line(root, PROGRAMS, '- team', after='- plam')}: プログラムは自分自身を前提にできません。prerequisites から外してください。",
    ]


def test_unknown_page_checklist_item_tree_and_role_in_a_module(tmp_path):
    root = fixture_project(
        tmp_path,
        {MODULES: [("read: [steps/step-1.md, faq/why-start.md]", "read: [steps/step-1.md, faq/why-star.md]\n    roles: [all-staf]"),
                   ("trees: [start-small]", "trees: [start-smal]"),
                   ("items: [name-members]", "items: [name-member]")]},
    )
    # Field errors and cross-file errors come in one report. Only the cross-file checks of
    # the module that has field errors of its own (modules[0]: its role) wait for them to be fixed.
    assert errors(root) == [
        f"{MODULES}:{line(root, MODULES, 'faq/why-star.md')}: modules[0].read[1]: "
        "ページ 'faq/why-star.md' がありません(もしかして: faq/why-start.md)。パスを直すか、そのページを作ってください。",
        f"{MODULES}:{line(root, MODULES, 'start-smal]')}: modules[0].trees[0]: 判断ツリー 'start-smal' はありません(もしかして: start-small)。"
        "綴りを確かめるか、先にそれを作ってください。",
        f"{MODULES}:{line(root, MODULES, 'name-member]')}: チェックリスト 'step-1' の項目 'name-member' はありません(もしかして: name-members)。"
        "data/checklists/step-1.yml の items の id から選んでください。",
    ]
    edit(root / MODULES, "faq/why-star.md", "faq/why-start.md")
    edit(root / MODULES, "start-smal]", "start-small]")
    assert errors(root)[0] == (
        f"{MODULES}:{line(root, MODULES, 'all-staf]')}: 役割 'all-staf' はありません(もしかして: all-staff)。roles.yml の id から選んでください。"
    )


def test_module_numbers_are_unique_and_every_module_is_in_one_program(tmp_path):
    root = fixture_project(
        tmp_path,
        {MODULES: [("    number: 2\n", "    number: 1\n")],
         PROGRAMS: [("modules: [why-start, who-joins]", "modules: [why-start]")]},
    )
    assert errors(root) == [
        f"{MODULES}:{line(root, MODULES, 'id: who-joins')}: モジュール 'who-joins' はどのプログラムにも入っていません。"
        "programs.yml のどれかのプログラムの modules に足してください(やめるなら retired: true)。",
        f"{MODULES}:{line(root, MODULES, 'number: 1', after='id: who-joins')}: 番号 1 はモジュール 'why-start' が使っています。"
        "まだ使っていない番号にしてください(次に使える番号: 2)。",
    ]


def test_a_module_without_activities_and_a_bad_format(tmp_path):
    root = fixture_project(tmp_path)
    assert cli(root, "publish").returncode == 0
    edit(root / MODULES, """    trees: [start-small]
    checklists:
      - checklist: step-1
        items: [count-waiting, count-retyping]
    reflections:
      - id: my-counter
        question: あなたの職場で、住民を待たせている手続きを1つ挙げてください。
""", "")
    edit(root / PROGRAMS, "format: 研修", "format: 講演")
    # Both at once: the bad format no longer hides the module without activities.
    assert errors(root) == [
        f"{MODULES}:{line(root, MODULES, 'id: why-start')}: モジュールには活動が1つ以上要ります。checklists・trees・reflections のどれかを書いてください。",
        # The reflection taken out was published: the register says to keep its id.
        f"{MODULES}:{line(root, MODULES, 'id: why-start')}: 公開済みの振り返りの問い 'why-start/my-counter' がありません。"
        f"id を戻してください(ブラウザの記録が使っていて、消すと修了したモジュールが未完了に戻ります。data/published.yml:{line(root, 'data/published.yml', '- my-counter')})。"
        "問いの文は変えてかまいません。問いをやめるときは、このモジュールに retired: true を付け、新しい id のモジュールを作ってください。",
        f"{PROGRAMS}:{line(root, PROGRAMS, 'format: 講演')}: programs[0].format: "
        "次のどれかにしてください: 研修, 実習, ワークショップ, タウンミーティング, プロジェクト(今は '講演')。",
    ]


def test_duplicate_role_id(tmp_path):
    root = fixture_project(tmp_path)
    roles = root / ROLES
    roles.write_text(roles.read_text(encoding="utf-8") + "  - id: all-staff\n    name: 窓口の職員\n    last_reviewed: 2026-12-05\n    summary: 窓口で住民に応対する職員。\n", encoding="utf-8")
    assert errors(root) == [
        f"{ROLES}:{line(root, ROLES, '- id: all-staff', after='name: 全職員')}: id 'all-staff' が同じリストの中で重なっています。どちらかを別の id にしてください。"
    ]
