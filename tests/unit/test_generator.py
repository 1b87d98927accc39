"""The course generator (issue 16): check reports every mistake in one run, new writes stubs
that pass at once, and published ids are retired rather than removed.

The engine's behaviour is tested on its fixture course (the starter, ``starter``), edited in
each test; ``course`` (a copy of this city's course) is only for what is about its content."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxcourse.checks import site_id_errors
from dxcourse.messages import nearest, yaml_problem
from dxcourse.yamlsource import parse_yaml
from tests.project import ROOT, _extra, cli, copy_project, edit, fixture_project, problems

MODULES = "data/curriculum/modules.yml"
PROGRAMS = "data/curriculum/programs.yml"


@pytest.fixture
def course(tmp_path) -> Path:
    return copy_project(tmp_path / "course")


@pytest.fixture
def starter(tmp_path) -> Path:
    """The engine's fixture course with its ids in the register, as once it is published."""
    root = fixture_project(tmp_path / "starter")
    assert cli(root, "publish").returncode == 0
    assert "  who-joins: 2\n" in (root / "data/published.yml").read_text(encoding="utf-8")
    return root


def line_of(root: Path, path: str, needle: str) -> int:
    lines = (root / path).read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, start=1) if needle in text)


def test_check_reports_three_kinds_of_mistake_in_one_run(starter):
    # A YAML error, an unknown module id in a program, a page without last_reviewed.
    edit(starter / "data/glossary.yml", "  - id: dx\n", "  - id: dx\n   term: DX\n")
    edit(starter / PROGRAMS, "modules: [why-start, who-joins]", "modules: [why-start, who-join]")
    edit(starter / "docs/about.md", "last_reviewed:", "reviewed:")
    result = cli(starter, "check", process=True)
    assert result.returncode == 1
    out = result.stdout.splitlines()
    glossary_line = line_of(starter, "data/glossary.yml", "   term: DX")
    assert f"data/glossary.yml:{glossary_line}: YAMLの書き方の誤り: 字下げがそろっていません。同じ階層の行は、同じ数の半角スペースで始めてください。" in out
    assert (
        f"{PROGRAMS}:{line_of(starter, PROGRAMS, 'who-join]')}: モジュール 'who-join' はありません(もしかして: who-joins)。"
        "modules.yml の id から選ぶか、python -m dxcourse new module で作ってください。"
    ) in out
    assert "docs/about.md:2: 必須の項目 'last_reviewed' がありません。「last_reviewed: …」を書き足してください。" in out
    assert "件の誤りがあります" in result.stderr


def test_check_passes_on_the_real_course_and_writes_nothing(course):
    result = cli(course, "check")
    assert result.returncode == 0, result.stdout
    assert "誤りはありません" in result.stdout
    assert not (course / "site").exists()


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        ("found character '\\t' that cannot start any token", "タブ文字は使えません"),
        ("mapping values are not allowed here", "ここに「:」は書けません"),
        ("could not find expected ':'", "「:」が見つかりません"),
        ("while scanning a quoted scalar; found unexpected end of stream", "引用符"),
        ("something new", "YAMLの解析器の説明: something new"),
    ],
)
def test_yaml_problems_are_explained_in_japanese(problem, expected):
    assert expected in yaml_problem(problem)


def test_nearest_prefers_look_alike_characters():
    assert nearest("step-l", ["step-0", "step-1", "step-2"]) == "step-1"
    assert nearest("beyond-tool", ["beyond-tools", "why-us-first"]) == "beyond-tools"
    assert nearest("zzz", ["beyond-tools"]) is None


def test_a_yaml_error_is_located_and_explained():
    _, (error,) = parse_yaml("title: x\nitems:\n\t- a\n", "data/x.yml")
    assert str(error) == "data/x.yml:3: YAMLの書き方の誤り: タブ文字は使えません。字下げは半角スペースにしてください。"


def test_unknown_ids_in_pages_and_broken_links_come_with_a_hint(starter):
    edit(starter / "docs/checklists/step-1.md", 'checklist("step-1")', 'checklist("step-l")')
    edit(starter / "docs/steps/step-1.md", "](../decisions/start-small.md)", "](../decisions/start-smal.md)")
    found = problems(starter)
    assert any(e.startswith("docs/checklists/step-1.md:") and "チェックリスト 'step-l' はありません(もしかして: step-1)" in e for e in found)
    assert any(e.startswith("docs/steps/step-1.md:") and "'../decisions/start-smal.md' がありません(もしかして: ../decisions/start-small.md)" in e for e in found)
    # The checklist is now shown by no page: that is an error of its own.
    assert any(e.startswith("data/checklists/step-1.yml:") and "表示するページがありません" in e for e in found)


def test_a_hand_written_page_where_one_is_generated_is_an_error(starter):
    (starter / "docs/curriculum/modules").mkdir()
    (starter / "docs/curriculum/modules/why-start.md").write_text("---\ntitle: x\nlast_reviewed: 2026-11-26\n---\n", encoding="utf-8")
    assert problems(starter) == [
        "docs/curriculum/modules/why-start.md:1: このページはデータから自動で作られます(研修のモジュール・プログラム・役割)。"
        "このファイルは消してください。内容は data/curriculum/ の YAML で変えます。"
    ]


@pytest.mark.parametrize("bad", ["架空市 DXガイド", "Kakuu-City", "kakuu_city", "", None, "a" * 41])
def test_site_id_is_checked(bad):
    (error,) = site_id_errors(ROOT, {"site_id": bad})
    assert str(error).startswith(f"mkdocs.yml:{line_of(ROOT, 'mkdocs.yml', 'site_id:')}: extra.site_id ")
    assert "半角の英小文字・数字を「-」でつないだ40文字以内の名前にしてください" in str(error)
    assert site_id_errors(ROOT, {"site_id": "kakuu-city-dx2"}) == []


def test_faq_source_local_and_a_course_without_the_article(course):
    edit(course / "docs/faq/rpa-now.md", "source: article", "source: local")
    assert problems(course) == []
    edit(course / "docs/faq/vision-how.md", "source: article", "source: local")
    assert problems(course) == [
        f"docs/faq/vision-how.md:{line_of(course, 'docs/faq/vision-how.md', 'asked:')}: asked: "
        "asked: true は記事に挙がった問いにだけ使います。source: local の問いでは消してください。"
    ]
    no_article = {**_extra(course), "source": {"name": ""}}
    found = problems(course, no_article)
    faq = [e for e in found if e.startswith("docs/faq/")]
    assert len(faq) == 11  # the ten article entries left, and vision-how's asked: true
    assert all("source: local にしてください" in e or e.startswith("docs/faq/vision-how.md") for e in faq)
    # Trees that cite the article must become local too.
    trees = [e for e in found if e.startswith("data/decisions/")]
    assert trees and all("ツリーに source: local と書いてください" in e for e in trees)
    assert len(found) == len(faq) + len(trees)


@pytest.mark.parametrize("article", ["", "記事"], ids=["without-article", "with-article"])
def test_new_stubs_of_every_kind_pass_the_check_at_once(starter, article):
    # With a source article a tree may rest on it; without one, only local trees pass check.
    edit(starter / "mkdocs.yml", '    name: ""\n', f'    name: "{article}"\n')
    written = []
    for kind, item_id in [("module", "local-rules"), ("program", "local-course"), ("role", "clerk"),
                          ("tree", "local-tree"), ("faq", "local-question"), ("worksheet", "my-sheet")]:
        result = cli(starter, "new", kind, item_id)
        assert result.returncode == 0, result.stderr
        assert "次のファイルを書きました" in result.stdout
        written.append(result.stdout)
    assert problems(starter) == []
    assert (starter / "docs/decisions/local-tree.md").is_file()
    tree = (starter / "data/decisions/local-tree.yml").read_text(encoding="utf-8")
    assert f"\nsource: {'article' if article else 'local'} " in tree
    sheet = (starter / "data/worksheets/my-sheet.yml").read_text(encoding="utf-8")
    assert ("\n  article:" in sheet) == bool(article) and ("\n  local:" in sheet) == (not article)
    assert not (starter / "docs/curriculum/modules/local-rules.md").exists()  # generated at build time
    # The next numbers after the starter's two modules and one program.
    assert "モジュール 'local-rules'、番号 3 を" in written[0]
    assert "プログラム 'local-course'、番号 2 を" in written[1] and "モジュール 'local-course-1'、番号 4 を" in written[1]
    assert cli(starter, "new", "module", "local-rules").returncode == 2
    assert "使えません" in cli(starter, "new", "module", "Local_Rules").stderr


def remove_module_who_joins(root: Path) -> None:
    """The starter's last module taken out of its data, its program and its self-check."""
    text = (root / MODULES).read_text(encoding="utf-8")
    (root / MODULES).write_text(text[:text.index("  - id: who-joins")], encoding="utf-8")
    edit(root / PROGRAMS, "modules: [why-start, who-joins]", "modules: [why-start]")
    (root / "data/selfchecks/who-joins.yml").unlink()  # removed with its module


def test_removing_a_published_module_is_an_error_that_says_how_to_retire(starter, tmp_path):
    remove_module_who_joins(starter)
    assert problems(starter) == [
        f"{MODULES}:1: 公開済みのモジュール 'who-joins'(番号 2)が modules.yml にありません。"
        f"消さずに戻して retired: true を付けてください(古い受講指示のコードと修了記録が使っています。data/published.yml:{line_of(starter, 'data/published.yml', '  who-joins: 2')})。"
    ]
    # The same removal before the module was ever published is no mistake.
    unpublished = fixture_project(tmp_path / "unpublished")
    remove_module_who_joins(unpublished)
    assert problems(unpublished) == []


def test_reusing_a_published_number_is_an_error(starter):
    remove_module_who_joins(starter)
    assert cli(starter, "new", "module", "newcomer").returncode == 0
    edit(starter / MODULES, "  - id: newcomer\n    number: 3", "  - id: newcomer\n    number: 2")
    assert problems(starter)[-1] == (
        f"{MODULES}:{line_of(starter, MODULES, 'number: 2')}: 番号 2 は公開済みのモジュール 'who-joins' のものです(廃止していても再利用できません)。"
        "まだ使っていない番号にしてください(次に使える番号: 3)。"
    )


def test_retiring_a_module_checklist_item_and_tree(starter):
    edit(starter / MODULES, "    title: 体制をつくる\n", "    title: 体制をつくる\n    retired: true\n")
    # Still in a program: the check says to take it out.
    found = problems(starter)
    assert found == [
        f"{PROGRAMS}:{line_of(starter, PROGRAMS, 'who-joins]')}: モジュール 'who-joins' は廃止されています(retired: true)。"
        "このプログラムの modules から外してください(モジュールは modules.yml に残します)。"
    ]
    edit(starter / PROGRAMS, "modules: [why-start, who-joins]", "modules: [why-start]")
    assert problems(starter) == []
    # A checklist item that a live module uses cannot be retired under it.
    edit(starter / "data/checklists/step-1.yml", "  - id: count-waiting\n", "  - id: count-waiting\n    retired: true\n")
    found = problems(starter)
    assert len(found) == 1 and "項目 'count-waiting' は廃止されています" in found[0]
    edit(starter / "data/checklists/step-1.yml", "    retired: true\n", "")
    # Nor can a tree that a live module uses; once no module uses it, a retired tree passes.
    edit(starter / "data/decisions/start-small.yml", "order:", "retired: true\norder:")
    found = problems(starter)
    assert len(found) == 1 and "判断ツリー 'start-small' は廃止されています" in found[0]
    edit(starter / MODULES, "    trees: [start-small]\n", "")
    assert problems(starter) == []
    # Removing a published tree's file is an error, retired or not.
    (starter / "data/decisions/start-small.yml").unlink()
    found = problems(starter)
    assert any(e.startswith("data/published.yml:") and "公開済みの判断ツリー 'start-small'" in e for e in found)


def test_publish_adds_new_ids_and_never_removes_any(starter):
    assert cli(starter, "new", "module", "local-rules").returncode == 0
    before = (starter / "data/published.yml").read_text(encoding="utf-8")
    assert "local-rules" not in before
    result = cli(starter, "publish")
    assert result.returncode == 0, result.stdout + result.stderr
    after = (starter / "data/published.yml").read_text(encoding="utf-8")
    assert "  local-rules: 3" in after
    assert all(line in after.splitlines() for line in before.splitlines())
