"""Every content rule is in ``check`` (issue 20, item 4): each test breaks one rule in a copy
of the course and confirms that ``check`` reports it at its file:line. The rules themselves
live in the engine (dxcourse/rules.py, dxcourse/prose.py), not here."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from dxcourse import check_sources, prose
from dxcourse.cli import main
from dxcourse.rules import find_placeholders
from tests.conftest import mkdocs_build
from tests.project import ROOT, _extra, copy_project, edit, fixture_project

MODULES = "data/curriculum/modules.yml"
PROGRAMS = "data/curriculum/programs.yml"


@pytest.fixture
def course(tmp_path) -> Path:
    return copy_project(tmp_path / "course")


@pytest.fixture
def starter(tmp_path) -> Path:
    """The engine's fixture course, for rules about the data's shape rather than its words."""
    return fixture_project(tmp_path / "starter")


def problems(root: Path) -> list[str]:
    *_, errors = check_sources(root, root / "docs", dict(_extra(root)))
    return [str(e) for e in sorted(set(errors))]


def check(root: Path) -> subprocess.CompletedProcess:
    """``python -m dxcourse check`` in ``root``, in this process."""
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check"])
    finally:
        os.chdir(cwd)
    return subprocess.CompletedProcess(["check"], code, out.getvalue(), err.getvalue())


def line_of(root: Path, path: str, needle: str) -> int:
    lines = (root / path).read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, start=1) if needle in text)


def test_a_module_without_a_self_check_is_an_error(starter):
    (starter / "data/selfchecks/who-joins.yml").unlink()
    assert problems(starter) == [
        f"{MODULES}:{line_of(starter, MODULES, '- id: who-joins')}: モジュール 'who-joins' に理解度チェックがありません。"
        "data/selfchecks/who-joins.yml を書いてください(問い3〜5問。python -m dxcourse new module で作ったモジュールには、ひな形があります)。"
    ]


def test_a_retired_module_needs_no_self_check(starter):
    edit(starter / MODULES, "    title: 体制をつくる\n", "    title: 体制をつくる\n    retired: true\n")
    edit(starter / PROGRAMS, "modules: [why-start, who-joins]", "modules: [why-start]")
    (starter / "data/selfchecks/who-joins.yml").unlink()
    assert problems(starter) == []


STEP_LINKS = ("\n1. [なぜ今、窓口の手続きを見直すのですか](../faq/why-start.md)を読みます。"
              "\n1. [DXの始め方研修](../curriculum/programs/basics.md)を受けます。\n")


def test_a_link_labelled_otherwise_than_its_target_is_an_error(starter):
    page = "docs/steps/step-1.md"
    with (starter / page).open("a", encoding="utf-8") as file:
        file.write(STEP_LINKS)
    assert problems(starter) == []  # labelled as their targets: a FAQ entry and a program
    edit(starter / page, "[なぜ今、窓口の手続きを見直すのですか](", "[なぜ見直すか](")
    edit(starter / page, "[DXの始め方研修](", "[始め方研修](")
    assert problems(starter) == [
        f"{page}:{line_of(starter, page, '[なぜ見直すか]')}: リンクの文字「なぜ見直すか」を、リンク先のページの題名「なぜ今、窓口の手続きを見直すのですか」と同じにしてください"
        "(一つの問いには一つの呼び名。題名を変えたいときは、リンク先のページの title を変えます)。",
        # A program's page title starts with its number; the label is the program's name.
        f"{page}:{line_of(starter, page, '[始め方研修]')}: リンクの文字「始め方研修」を、リンク先のページの題名「DXの始め方研修」と同じにしてください"
        "(一つの問いには一つの呼び名。題名を変えたいときは、リンク先のページの title を変えます)。",
    ]


def test_links_with_an_anchor_and_to_indexes_keep_their_own_words(starter):
    with (starter / "docs/steps/step-1.md").open("a", encoding="utf-8") as file:
        file.write(STEP_LINKS.replace("[なぜ今、窓口の手続きを見直すのですか](../faq/why-start.md)", "[見直す理由](../faq/why-start.md#結論)"))
    edit(starter / "docs/steps/step-2.md", "[研修カリキュラム](../curriculum/index.md)", "[研修の一覧](../curriculum/index.md)")
    assert problems(starter) == []


def test_the_placeholder_pattern():
    assert find_placeholders("length: (長さの目安を書く。例:半日(3時間))") == ["(長さの目安を書く。例:半日(3時間))"]
    assert find_placeholders("（結論を書く）と(トピック)") == ["（結論を書く）"]
    assert find_placeholders("「振り返りを書く」のような活動") == []


def test_a_placeholder_spelt_by_yaml_escapes_is_found(tmp_path):
    # Files without 「書く」 are passed over unread; a YAML escape can spell it without it.
    from dxcourse.rules import placeholders

    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "data/a.yml").write_text('summary: "(\\u7d50\\u8ad6\\u3092\\u66f8\\u304f)"\n', encoding="utf-8")
    (tmp_path / "data/b.yml").write_text("summary: 書かない文\n", encoding="utf-8")
    (tmp_path / "docs/p.md").write_text("本文\n", encoding="utf-8")
    assert [(e.path, e.line) for e in placeholders(tmp_path, tmp_path / "docs")] == [("data/a.yml", 1)]
    assert "(結論を書く)" in str(placeholders(tmp_path, tmp_path / "docs")[0])


def test_placeholders_left_in_data_and_pages_are_errors_of_check(starter):
    course = starter
    edit(course / "docs/about.md", "last_reviewed:", "description: (説明を書く)  # (ここはコメントを書く)\nlast_reviewed:")
    with (course / "docs/about.md").open("a", encoding="utf-8") as page:
        page.write("\n(結論を書く)\n\n```text\n(コードの中は見ない。ここに例を書く)\n```\n")
    edit(course / "data/glossary.yml", "  - id: dx\n", "  # (コメントの中は見ない。ここに書く)\n  - id: dx\n")
    glossary = (course / "data/glossary.yml").read_text(encoding="utf-8")
    edit(course / "data/curriculum/roles.yml", "    summary: ", "    summary: (どんな人か、1文で書く)\n    # ", 1)
    result = check(course)
    assert result.returncode == 1
    found = [line for line in result.stdout.splitlines() if "ひな形の" in line]
    about = (course / "docs/about.md").read_text(encoding="utf-8").splitlines()
    assert found == [
        f"data/curriculum/roles.yml:{line_of(course, 'data/curriculum/roles.yml', '(どんな人か')}: ひな形の「(どんな人か、1文で書く)」が残っています。本文に書き換えてください(公開するビルドは止まります)。",
        f"docs/about.md:{about.index('description: (説明を書く)  # (ここはコメントを書く)') + 1}: ひな形の「(説明を書く)」が残っています。本文に書き換えてください(公開するビルドは止まります)。",
        f"docs/about.md:{about.index('(結論を書く)') + 1}: ひな形の「(結論を書く)」が残っています。本文に書き換えてください(公開するビルドは止まります)。",
    ]
    assert "(コメントの中は見ない" in glossary


def test_a_placeholder_stops_build_strict_warns_a_plain_build_and_is_noted_in_serve(starter, tmp_path):
    course = starter
    with (course / "docs/about.md").open("a", encoding="utf-8") as page:
        page.write("\n(結論を書く)\n")
    line = line_of(course, "docs/about.md", "(結論を書く)")
    strict = mkdocs_build(course, tmp_path / "strict")
    assert strict.returncode == 1
    assert f"docs/about.md:{line}: ひな形の「(結論を書く)」が残っています" in strict.stderr
    plain = subprocess.run(
        [*strict.args[:3], "build", "-d", str(tmp_path / "plain")], cwd=course, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert plain.returncode == 0, plain.stderr
    assert f"docs/about.md:{line}: ひな形の「(結論を書く)」" in plain.stderr
    assert (tmp_path / "plain/about/index.html").is_file()
    # What serve does (DX_DRAFT): --strict, and the placeholder only noted.
    draft = subprocess.run(
        [*strict.args[:3], "build", "--strict", "-d", str(tmp_path / "draft")], cwd=course, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DX_DRAFT": "true"},
    )
    assert draft.returncode == 0, draft.stderr
    assert f"INFO    -  docs/about.md:{line}: ひな形の「(結論を書く)」" in draft.stderr


# The prose lint --------------------------------------------------------------------------

def lint_folder(tmp_path: Path, page: str, data: str) -> Path:
    """A small folder with the course's lint config, textlint, one page and one data file."""
    root = tmp_path / "lintme"
    (root / "docs").mkdir(parents=True)
    (root / "data").mkdir()
    shutil.copy(ROOT / ".textlintrc", root / ".textlintrc")
    shutil.copy(ROOT / "prh.yml", root / "prh.yml")
    (root / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    (root / "docs/page.md").write_text(page, encoding="utf-8")
    (root / "data/items.yml").write_text(data, encoding="utf-8")
    return root


def test_the_prose_lint_reports_pages_and_data_at_their_lines(tmp_path):
    root = lint_folder(
        tmp_path,
        "---\ntitle: 見出し\nlast_reviewed: 2026-12-01\n---\n\n# 見出し\n\n{{ checklist(\"x\") }}\n\n窓口で申請書を受け取ります。\n\n窓口の手順を真似します。\n",
        "id: x\nitems:\n  - id: a\n    quote: よその手順を真似する。\n    text: 窓口の手順を真似します。\n",
    )
    result = prose.lint(root)
    assert result.skipped is None
    found = [(e.path, e.line) for e in result.errors]
    # The site's 表記 (prh.yml), in the page and in the data; the quote is the article's own words.
    assert ("docs/page.md", 12) in found
    assert ("data/items.yml", 5) in found
    assert all(path != "data/items.yml" or line != 4 for path, line in found)
    assert all(e.message.startswith("文章の校正(prh): 真似 => まね") for e in result.errors)


def test_the_prose_lint_finds_nothing_in_clean_prose(tmp_path):
    root = lint_folder(tmp_path, "---\ntitle: 見出し\nlast_reviewed: 2026-12-01\n---\n\n# 見出し\n\n窓口で申請書を受け取ります。\n",
                       "id: x\ntitle: 申請書の受け取り\n")
    assert prose.lint(root).errors == []


def test_without_textlint_or_node_check_says_so_and_goes_on(course, tmp_path, monkeypatch):
    # The copy has no node_modules: no textlint.
    result = check(course)
    assert result.returncode == 0, result.stdout
    assert "文章の校正(textlint)は飛ばしました: textlint が入っていません。このフォルダーで npm ci を実行すると、校正もします。" in result.stderr
    assert "誤りはありません" in result.stdout
    # No Node at all.
    (course / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    empty = tmp_path / "no-node"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = check(course)
    assert result.returncode == 0, result.stdout
    assert "文章の校正(textlint)は飛ばしました: Node.js が見つかりません。" in result.stderr
