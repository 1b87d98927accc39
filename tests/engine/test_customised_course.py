"""A municipality's own course, made from the engine's fixture course (what ``init`` writes)
the way MAINTAINING.md says: renamed site, a module added with ``new``, one retired, a local
FAQ and a new tree. Both builds pass the engine's smoke checks, and an assignment code made
before the retirement still opens. (CI also runs the whole suite in a customised copy of
this city's course: tests/customise.py.)
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from dxcourse import load_sources
from dxcourse.cli import main as cli
from dxcourse.curriculum import Curriculum
from tests.conftest import mkdocs_build
from tests.placeholders import fill_all_placeholders
from tests.project import edit, fixture_project, page_paths

from tests.browser.conftest import Guard, Site, serving

pytestmark = pytest.mark.browser

SITE_ID = "kakuu-city-dx"
SITE_NAME = "架空市 DXガイド"
DUE = (dt.date.today() + dt.timedelta(days=30)).isoformat()


@dataclass(frozen=True)
class Course:
    root: Path
    online: Path
    offline: Path
    dist: Path
    retired: dict
    kept: dict
    pages: list[str]


def run_cli(root: Path, *args: str) -> None:
    import contextlib
    import io
    import os

    cwd = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            assert cli(list(args)) == 0
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Course:
    root = fixture_project(tmp_path_factory.mktemp("kakuu") / "course")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    site_id = re.search(r"^  site_id: (\S+)$", text, re.M)[1]
    edit(root / "mkdocs.yml", f"site_id: {site_id}", f"site_id: {SITE_ID}")
    edit(root / "mkdocs.yml", re.search(r"^site_name: .*$", text, re.M)[0], f"site_name: {SITE_NAME}")
    run_cli(root, "publish", "--new-site-id")  # a copy that becomes another site takes its own site_id
    data, _, _ = load_sources(root, root / "docs")
    cur = Curriculum(data)
    # Retire the last module of the first program that has two or more.
    program = next(p for p in cur.programs if len(p.modules) > 1)
    retired = cur.module[program.modules[-1]]
    kept = cur.module[program.modules[0]]
    modules = root / "data/curriculum/modules.yml"
    edit(modules, f"  - id: {retired.id}\n", f"  - id: {retired.id}\n    retired: true\n")
    programs = root / "data/curriculum/programs.yml"
    edit(programs, f"modules: [{', '.join(program.modules)}]", f"modules: [{', '.join(program.modules[:-1])}]")
    run_cli(root, "new", "module", "local-rules", "--program", program.id)
    run_cli(root, "new", "faq", "local-question")
    run_cli(root, "new", "tree", "local-tree")
    fill_all_placeholders(root)  # the stubs' 「(…を書く)」, written over as MAINTAINING.md says
    tmp = tmp_path_factory.mktemp("kakuu-out")
    online, offline, dist = tmp / "site", tmp / "site-offline", tmp / "dist"
    for result in (mkdocs_build(root, online), mkdocs_build(root, offline, offline=True, dist=dist)):
        assert result.returncode == 0, result.stderr
    spec = Curriculum(load_sources(root, root / "docs")[0])
    return Course(root, online, offline, dist, spec.spec(spec.module[retired.id], str), spec.spec(spec.module[kept.id], str), page_paths(root))


def test_the_customised_course_builds_with_its_own_name(course):
    assert [p.name for p in course.dist.iterdir()] == [f"{SITE_ID}-offline.zip"]
    index = (course.online / "index.html").read_text(encoding="utf-8")
    assert SITE_NAME in index
    assert "curriculum/modules/local-rules.md" in course.pages
    assert (course.online / "curriculum/modules/local-rules/index.html").is_file()
    faq = (course.online / "faq/local-question/index.html").read_text(encoding="utf-8")
    assert "このサイトの問い" in faq
    assert "local-tree/" in (course.online / "decisions/index.html").read_text(encoding="utf-8")
    # The retired module can no longer be assigned, but old codes still find it.
    assign = (course.online / "curriculum/assign/index.html").read_text(encoding="utf-8")
    assert f'id="dx-assign-module-{course.retired["id"]}"' not in assign
    learning = (course.online / "curriculum/my-learning/index.html").read_text(encoding="utf-8")
    assert f'"id": "{course.retired["id"]}"' in learning.replace("&#34;", '"')
    retired_page = (course.online / f"curriculum/modules/{course.retired['id']}/index.html").read_text(encoding="utf-8")
    assert "このモジュールは研修カリキュラムから外れました(廃止)" in retired_page


def smoke(browser, site: Site, pages: list[str]) -> None:
    guard = Guard(site)
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    guard.attach(context)
    page = context.new_page()
    try:
        for md_path in pages:
            response = page.goto(site.url(md_path))
            assert response is None or response.ok, md_path
            expect(page.locator("h1").first).to_be_visible()
        # A checklist tick persists, under the renamed site's own key.
        page.goto(site.url("checklists/step-1.md"))
        box = page.locator(".dx-checklist input[type=checkbox]").first
        box.check()
        page.reload()
        expect(page.locator(".dx-checklist input[type=checkbox]").first).to_be_checked()
        keys = page.evaluate("() => Object.keys(localStorage)")
        assert f"dx:{SITE_ID}:progress" in keys
        guard.assert_clean()
    finally:
        context.close()


def test_smoke_on_both_builds(browser, course):
    # Every page from the folder (the stricter build); on the server, the pages this
    # customisation touched (the full served tour is tests/browser/test_pages.py's).
    smoke(browser, Site("file", course.offline.as_uri() + "/"), course.pages)
    touched = ["index.md", "faq/index.md", "faq/local-question.md", "decisions/index.md", "decisions/local-tree.md",
               "curriculum/index.md", "curriculum/modules/local-rules.md", f"curriculum/modules/{course.retired['id']}.md"]
    with serving(course.online) as site:
        smoke(browser, site, touched)


def test_an_old_code_with_a_retired_module_opens_and_its_completion_counts(browser, course, tmp_path):
    with serving(course.online) as site:
        guard = Guard(site)
        contexts = [browser.new_context(locale="ja-JP", accept_downloads=True, viewport={"width": 1280, "height": 900}) for _ in range(2)]
        for context in contexts:
            guard.attach(context)
        learner, new_pc = (c.new_page() for c in contexts)
        try:
            learner.goto(site.url("curriculum/my-learning.md"))
            # The code as the site made it before the module was retired: same algorithm, same numbers.
            code = learner.evaluate(
                "([a, b, due]) => DX.curriculum.encode([a, b], due)", [course.retired["number"], course.kept["number"], DUE]
            )
            # Completion earned before the retirement: the retired module's activities are in the record.
            values = {key: True for key in course.retired["checklist"]}
            values.update({key: "職場で試しました" for key in course.retired["reflections"]})
            values.update({f"tree/{t}": {"outcome": "x", "label": "x"} for t in course.retired["trees"]})
            values.update({key: True for key in course.retired["read"]})
            check = course.retired["selfcheck"]
            if check:
                values[check["key"]] = {"score": check["max"], "max": check["max"], "passed": True, "answers": {}}
            learner.evaluate("(values) => DX.store.set(values)", values)

            # A new PC opens the old code: it opens, with a plain notice about the retired part.
            new_pc.goto(site.url("curriculum/my-learning.md", f"code={code}"))
            notice = new_pc.locator(".dx-retired-notice")
            expect(notice).to_contain_text(course.retired["title"])
            expect(notice).to_contain_text("研修カリキュラムから外れました")
            expect(new_pc.locator("[data-role=open-feedback]")).to_contain_text("外れました")
            expect(new_pc.locator(f"tr[data-module-id={course.retired['id']}] th")).to_contain_text("(廃止)")
            expect(new_pc.locator("tr[data-module-id]")).to_have_count(2)

            # The learner's record keeps the completion and says the module is retired.
            learner.goto(site.url("curriculum/my-learning.md", f"code={code}"))
            # The same page with a new fragment: the code opens on hashchange, which a busy
            # machine may run after the table's first drawing; its notice says it has run.
            expect(learner.locator("[data-role=open-feedback]")).to_contain_text("外れました")
            expect(learner.locator(f"tr[data-module-id={course.retired['id']}] [data-role=state]")).to_have_text("完了")
            learner.get_by_label("職員番号 *").fill("K-001")
            learner.get_by_label("氏名 *").fill("架空 太郎")
            learner.get_by_label("所属 *").fill("総務課")
            with learner.expect_download() as info:
                learner.get_by_role("button", name="修了記録を書き出す(JSON・提出用)").click()
                # Says why when nothing is written (no assignment open, a field refused).
                expect(learner.locator("[data-role=export-feedback]")).to_contain_text("書き出しました")
            path = tmp_path / "record.json"
            path.write_bytes(info.value.path().read_bytes())
            record = json.loads(path.read_text(encoding="utf-8"))
            entry = next(m for m in record["modules"] if m["id"] == course.retired["id"])
            assert entry["complete"] is True and entry["retired"] is True
            assert record["site"] == SITE_ID

            # The personnel department's report still counts it.
            learner.goto(site.url("curriculum/aggregate.md"))
            learner.get_by_label("修了記録のファイル(JSON、複数選べます)").set_input_files([path])
            expect(learner.locator(".dx-aggregate [data-role=status]")).to_contain_text("1 人分")
            row = learner.locator("[data-kind=モジュール] tbody tr", has_text=course.retired["title"])
            expect(row.locator("td").last).to_have_text("100%")
            guard.assert_clean()
        finally:
            for context in contexts:
                context.close()
