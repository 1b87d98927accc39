"""The register of published ids (data/published.yml, dxcourse/published.py) covers every id
a browser record, a result link, an assignment code or an LMS keeps. Dropping any of them is
an error at a file:line that says how to retire it instead; a missing register is an error;
publish says it updated the register only when it did. All on the engine's fixture course
(the starter), published first, never on this city's course."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from dxcourse.published import FILE, HEADER, MISSING
from dxcourse.starter import STARTER
from tests.project import _extra, cli, edit, fixture_project, problems

MODULES = "data/curriculum/modules.yml"


@pytest.fixture
def course(tmp_path) -> Path:
    """The fixture course with its ids in the register, as once it is published."""
    root = fixture_project(tmp_path / "course")
    assert cli(root, "publish").returncode == 0
    return root


def line_of(root: Path, path: str, needle: str, after: str | None = None) -> int:
    lines = (root / path).read_text(encoding="utf-8").splitlines()
    start = 0 if after is None else next(i for i, text in enumerate(lines) if text == after)
    return next(i for i, text in enumerate(lines[start:], start=start + 1) if needle in text)


def test_the_register_lists_every_kind_of_published_id(course):
    text = (course / FILE).read_text(encoding="utf-8")
    for key in ("site_id: ", "modules:", "trees:", "checklist_items:", "reflections:", "tree_questions:", "roles:", "faq:"):
        assert f"\n{key}" in text, key
    assert f"\nsite_id: {_extra(course)['site_id']}\n" in text
    # publish writes the header that init's starter course carries (nothing changes but the ids).
    assert text.startswith(HEADER)
    assert (STARTER / FILE).read_text(encoding="utf-8") == HEADER


def test_a_renamed_reflection_is_an_error_at_its_module(course):
    edit(course / MODULES, "      - id: my-role", "      - id: my-part")
    register = line_of(course, FILE, "- my-role", after="reflections:")
    assert problems(course) == [
        f"{MODULES}:{line_of(course, MODULES, 'reflections:', after='  - id: who-joins')}: 公開済みの振り返りの問い 'who-joins/my-role' がありません。id を戻してください"
        f"(ブラウザの記録が使っていて、消すと修了したモジュールが未完了に戻ります。{FILE}:{register})。"
        "問いの文は変えてかまいません。問いをやめるときは、このモジュールに retired: true を付け、新しい id のモジュールを作ってください。"
    ]


def test_a_renamed_tree_question_is_an_error_at_its_tree(course):
    tree = course / "data/decisions/start-small.yml"
    tree.write_text(tree.read_text(encoding="utf-8").replace("has-owner", "has-lead"), encoding="utf-8")
    register = line_of(course, FILE, "- has-owner", after="tree_questions:")
    assert problems(course) == [
        f"data/decisions/start-small.yml:{line_of(course, 'data/decisions/start-small.yml', 'questions:')}: "
        f"公開済みの判断ツリーの問い 'start-small/has-owner' がありません。id を戻してください(結果のリンクとブラウザの記録が使っています。{FILE}:{register})。"
        "問いの文は変えてかまいません。問いの組み立てを変えるときは、このツリーに retired: true を付け、新しい id のツリーを作ってください。"
    ]


def test_a_removed_role_is_an_error_that_says_to_leave_it_out_of_audiences(course):
    roles = course / "data/curriculum/roles.yml"
    # A second role, so that the list is not left empty (which is an error of its own).
    text = roles.read_text(encoding="utf-8") + "  - id: manager\n    name: 課長\n    last_reviewed: 2026-12-05\n    summary: 課の取組みを率いる職員。\n"
    start = text.index("  - id: all-staff")
    end = text.find("\n  - id: ", start + 1)
    roles.write_text(text[:start] + text[end + 1:], encoding="utf-8")
    found = problems(course)
    assert (
        f"{FILE}:{line_of(course, FILE, '- all-staff', after='roles:')}: 公開済みの役割 'all-staff' が data/curriculum/roles.yml にありません。"
        "消さずに戻してください(受講指示のコードと記録が使っています)。使わなくなった役割は、programs.yml のどのプログラムの audience からも外します。"
    ) in found


def test_a_deleted_faq_page_is_an_error(course):
    (course / "docs/faq/why-start.md").unlink()
    found = problems(course)
    assert (
        f"{FILE}:{line_of(course, FILE, '- why-start', after='faq:')}: 公開済みのよくある質問のページ docs/faq/why-start.md がありません。"
        "消さずに戻してください(リンク・ブックマーク・読んだ記録が使っています)。名前を変えたいときは、古いページを残し、新しいページへのリンクを書きます。"
    ) in found


def test_a_changed_site_id_is_an_error_at_mkdocs_yml(course):
    published = _extra(course)["site_id"]
    found = problems(course, {**_extra(course), "site_id": "kakuu-city-dx"})
    assert found == [
        f"mkdocs.yml:{line_of(course, 'mkdocs.yml', 'site_id:')}: extra.site_id は公開済みの '{published}' です({FILE}:{line_of(course, FILE, 'site_id:')})。"
        f"変えると、職員のブラウザの記録もLMSの記録も読めなくなります。'{published}' に戻してください。"
        "別の自治体のサイトとして始めるとき(このコースをコピーして名前を変えたとき)は、"
        "python -m dxcourse publish --new-site-id で台帳の site_id を 'kakuu-city-dx' に書き換えます。"
    ]


def test_publish_new_site_id_takes_a_renamed_copy_as_a_new_site(course):
    published = _extra(course)["site_id"]
    edit(course / "mkdocs.yml", f"site_id: {published}", "site_id: kakuu-city-dx")
    result = cli(course, "publish")
    assert result.returncode == 1 and "publish --new-site-id" in result.stdout
    assert f"\nsite_id: {published}\n" in (course / FILE).read_text(encoding="utf-8")
    before = (course / FILE).read_text(encoding="utf-8")
    result = cli(course, "publish", "--new-site-id")
    assert result.returncode == 0, result.stdout
    text = (course / FILE).read_text(encoding="utf-8")
    # Only the site_id changed: every other published id is kept.
    assert "\nsite_id: kakuu-city-dx\n" in text and f"\nsite_id: {published}\n" not in text
    assert text.replace("\nsite_id: kakuu-city-dx\n", f"\nsite_id: {published}\n") == before
    assert problems(course, {**_extra(course), "site_id": "kakuu-city-dx"}) == []


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], check=True, capture_output=True)


def test_a_deleted_register_of_a_published_course_is_an_error_that_says_how_to_restore_it(course):
    git(course, "init", "-q")
    git(course, "add", "-A")
    git(course, "commit", "-qm", "published")
    (course / FILE).unlink()
    assert problems(course) == [f"{FILE}:1: {MISSING}git checkout HEAD -- {FILE}"]
    git(course, "commit", "-qam", "register deleted")
    (deleted,) = problems(course)
    commit = subprocess.run(["git", "-C", str(course), "log", "-1", "--format=%h"], capture_output=True, text=True).stdout.strip()
    assert deleted == f"{FILE}:1: {MISSING}git checkout {commit}^ -- {FILE}"
    assert cli(course, "publish").returncode == 1  # publish does not paper over it
    git(course, "checkout", f"{commit}^", "--", FILE)
    assert problems(course) == []


def test_a_course_that_never_had_a_register_starts_one_with_publish(course):
    (course / FILE).unlink()
    assert problems(course) == []
    result = cli(course, "publish")
    assert result.returncode == 0, result.stdout
    assert "を更新しました" in result.stdout
    text = (course / FILE).read_text(encoding="utf-8")
    assert "\n  who-joins:\n    - my-role\n" in text  # a reflection, under its module
    assert problems(course) == []


def test_publish_says_updated_only_when_it_changed_something(course):
    before = (course / FILE).read_bytes()
    result = cli(course, "publish")
    assert result.returncode == 0
    assert result.stdout.strip() == f"{FILE} は変わりません(公開済みの id と番号は、すべて台帳にあります)。"
    assert (course / FILE).read_bytes() == before
    edit(course / MODULES, "      - id: my-role\n", "      - id: extra-thought\n        question: 追加の問いです。\n      - id: my-role\n")
    result = cli(course, "publish")
    assert result.stdout.strip().startswith(f"{FILE} を更新しました")
    after = (course / FILE).read_text(encoding="utf-8")
    assert "\n    - extra-thought\n" in after
    # Nothing is ever removed.
    assert all(line in after.splitlines() for line in before.decode("utf-8").splitlines())
