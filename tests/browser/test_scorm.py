"""The SCORM packages inside a stand-in LMS: scorm-again's API in a parent page.

tests/browser/scorm_lms/lms.html is the LMS: it exposes `window.API` (scorm-again's
Scorm12API, npm, MIT), records every call, and frames a SCO's launch page from the unzipped
package under /pkg/. What this checks and what it cannot (a real Moodle): README, LMSで使う.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import CHROMIUM_ARGS, ROOT, Guard, Site, axe_violations, serving
from tests.project import store_key


def learned(module_id: str) -> dict:
    """Every 学習 activity of a module but its self-check, done: read from the course's data, so
    the tests follow when a module gains a page to read or a reflection."""
    from dxcourse import load_sources
    from dxcourse.completion import read_key
    from dxcourse.curriculum import Curriculum

    cur = Curriculum(load_sources(ROOT, ROOT / "docs")[0])
    module = cur.module[module_id]
    done = {read_key(module_id, ref): True for ref in module.read}
    done.update({f"reflection/{module_id}/{r.id}": "窓口" for r in module.reflections})
    assert not module.trees, "a module with trees needs their outcomes too"
    return done


def another_module_of_its_program(module_id: str):
    """Another module of the program that lists ``module_id``: the one after it, or before."""
    from dxcourse import load_sources
    from dxcourse.curriculum import Curriculum

    cur = Curriculum(load_sources(ROOT, ROOT / "docs")[0])
    program = next(p for p in cur.programs if module_id in p.modules)
    return program, cur.module[next(m for m in program.modules if m != module_id)]


pytestmark = pytest.mark.browser

SCORM_AGAIN = [ROOT / "node_modules" / "scorm-again" / "dist" / name for name in ("scorm12.js", "scorm2004.js")]
LMS_PAGE = Path(__file__).parent / "scorm_lms" / "lms.html"
STUDENT = {"student_id": "00123", "student_name": "山田, 花子"}
CONTENT = "iframe[name=dx-sco-content]"


@pytest.fixture(scope="module")
def lms(scorm_build, tmp_path_factory):
    root = tmp_path_factory.mktemp("lms")
    for script in SCORM_AGAIN:
        assert script.is_file(), "run npm ci (./dev test installs scorm-again)"
        shutil.copy(script, root / script.name)
    shutil.copy(LMS_PAGE, root / "lms.html")
    with zipfile.ZipFile(scorm_build.zip) as package:
        package.extractall(root / "pkg")
    with serving(root) as site:
        site.root = root
        yield site


class Lms:
    """One browser context on the stand-in LMS, with every request checked."""

    def __init__(self, browser, lms: Site, cmi: dict | None = None, refuse: dict | None = None, terminated: bool = False):
        self.site = lms
        self.guard = Guard(lms)
        self.context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 1000})
        self.guard.attach(self.context)
        self.requests: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.add_init_script(f"window.__cmi = {json.dumps(cmi or {'core': STUDENT})};")
        if refuse:
            self.context.add_init_script(f"window.__refuse = {json.dumps(refuse)};")
        if terminated:
            # As Moodle's 2004 player after its first module: the API was initialised and
            # terminated in this page, and never resets.
            self.context.add_init_script("window.__terminated = true;")
        self.page = self.context.new_page()

    def launch(self, module_id: str, edition: str = "1.2", state: str = "LMSへの記録") -> None:
        # The 2004 manifest's items carry parameters="?scorm=2004", which an LMS appends.
        sco = f"scorm/{module_id}.html" + ("?scorm=2004" if edition == "2004" else "")
        self.page.goto(self.site.base + "lms.html?sco=" + quote(sco, safe="") + ("&api=2004" if edition == "2004" else ""))
        expect(self.bar.locator("[data-role=scorm-state]")).to_contain_text(state)

    @property
    def bar(self):
        return self.page.frame_locator("#sco")

    @property
    def content(self):
        return self.bar.frame_locator(CONTENT)

    def frame(self, name: str):
        """The SCO's launch page ("host") or the site page inside it ("dx-sco-content")."""
        if name == "dx-sco-content":
            return self.page.frame(name=name)
        return next(f for f in self.page.frames if "/pkg/scorm/" in f.url)

    def cmi(self, path: str):
        return self.page.evaluate(f"() => window.__api.cmi.{path}")

    def calls(self) -> list:
        return self.page.evaluate("() => window.__calls")

    def close(self) -> None:
        pkg = self.site.base + "pkg/"
        lms_files = {self.site.base + name for name in ("lms.html", "scorm12.js", "scorm2004.js")}
        # Zero requests outside the package (the LMS's own two files aside), none elsewhere.
        assert [u for u in self.requests if not u.startswith(pkg) and u.split("?")[0] not in lms_files and u != "about:blank"] == []
        self.guard.assert_clean()
        self.context.close()


def committed_after_each_change(calls: list) -> bool:
    """Every LMSSetValue is followed by an LMSCommit before the learner's next change."""
    pending = False
    for name, element, _value in calls:
        if name == "LMSSetValue" and element == "cmi.suspend_data":
            if pending:
                return False
            pending = True
        elif name == "LMSCommit":
            pending = False
    return not pending


def leave(lms: "Lms", finish: str = "LMSFinish") -> dict:
    """Closes the SCO as an LMS does (the frame navigates away); returns what it last set."""
    lms.page.evaluate("() => { document.getElementById('sco').src = 'about:blank'; }")
    lms.page.wait_for_function(f"() => window.__calls.some(c => c[0] === '{finish}')")
    return {c[1]: c[2] for c in lms.calls() if c[0] == "LMSSetValue"}


def test_a_module_begun_suspended_then_resumed_and_completed_on_another_pc(browser, lms, axe):
    first = Lms(browser, lms)
    first.launch("why-us-first")
    # First launch: incomplete, and committed; the bar says when it last sent.
    assert first.cmi("core.lesson_status") == "incomplete"
    assert [c[0] for c in first.calls()][:2] == ["LMSInitialize", "LMSSetValue"]
    assert any(c[0] == "LMSCommit" for c in first.calls())
    expect(first.bar.locator("[data-role=scorm-state]")).to_contain_text(re.compile(r"LMSへの記録: 未完了・最後の送信 \d\d:\d\d"))
    expect(first.content.locator(".dx-lmodule__status [data-role=summary]")).to_contain_text("未完了")
    assert axe_violations(axe, first.frame("host")) == []
    assert axe_violations(axe, first.frame("dx-sco-content")) == []

    # The module's own UI: its checklist link opens the checklist inside the SCO's frame.
    first.content.get_by_role("link", name="ステップ0 認識共有・機運醸成 チェックリストで確かめる").first.click()
    # Tick once the list has started, so that each tick is sent at once (a tick before the
    # start is kept too, but sent when the list starts: test_checklist.py).
    expect(first.content.locator("[data-module=checklist][data-module-started]")).to_have_count(1)
    for item in ("mayor-not-tool-project", "why-us-first", "expect-opposition"):
        first.content.locator(f'input[data-key="checklist/step-0/{item}"]').check()
    assert first.cmi("core.lesson_location") == "checklists/step-0.html"
    assert first.cmi("core.lesson_status") == "incomplete"
    first.bar.get_by_role("link", name="このモジュールのページに戻る").click()
    answers = {"my-common-sense": "窓口で同じことを何度も書いてもらっている。", "who-objects": "係長。手順を変えると確認が増えるから。"}
    for question, text in answers.items():
        area = first.content.locator(f'textarea[data-key="reflection/why-us-first/{question}"]')
        area.fill(text)
        area.press("Tab")
    # 実践 (the checklist) and the reflections do not complete it: 学習 also needs the pages
    # read and the self-check passed (completion rule v2, RECORD-FORMAT.md).
    assert first.cmi("core.lesson_status") == "incomplete"
    assert committed_after_each_change(first.calls())

    # Another module's page, reached through the program page, says it is not recorded here.
    program, other = another_module_of_its_program("why-us-first")
    first.content.get_by_role("link", name=f"{program.number} {program.title}").click()
    first.content.get_by_role("link", name=other.title).first.click()
    expect(first.bar.locator("[data-role=scorm-away]")).to_contain_text("別のモジュール")
    first.bar.get_by_role("link", name="このモジュールのページに戻る").click()
    expect(first.bar.locator("[data-role=scorm-away]")).to_be_hidden()

    # Leaving an unfinished module suspends it (resumable), with the time spent.
    sent = leave(first)
    assert sent["cmi.core.exit"] == "suspend"
    assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}", sent["cmi.core.session_time"])
    assert [c[0] for c in first.calls()][-2:] == ["LMSCommit", "LMSFinish"]
    suspend = first.cmi("suspend_data")
    assert 0 < len(suspend) < 4096
    assert "窓口で同じことを" in suspend
    first.close()

    # Another PC: a fresh browser, the LMS hands back the suspend data and the location.
    cmi = {"core": {**STUDENT, "lesson_status": "incomplete", "entry": "resume", "lesson_location": "checklists/step-0.html"},
           "suspend_data": suspend}
    second = Lms(browser, lms, cmi=cmi)
    second.launch("why-us-first")
    expect(second.content.locator('input[data-key="checklist/step-0/why-us-first"]')).to_be_checked()
    for item in ("mayor-not-tool-project", "expect-opposition"):
        expect(second.content.locator(f'input[data-key="checklist/step-0/{item}"]')).to_be_checked()
    second.bar.get_by_role("link", name="このモジュールのページに戻る").click()
    for question, text in answers.items():
        expect(second.content.locator(f'textarea[data-key="reflection/why-us-first/{question}"]')).to_have_value(text)
    for box in second.content.locator(".dx-lmodule__reads input[type=checkbox]").all():
        box.check()
    for question in ("outsider-installs", "opposition-remains", "tool-project-danger"):
        second.content.locator(f"#dx-sc-why-us-first-{question}-b").check()
    second.content.get_by_role("button", name="採点する").click()
    expect(second.bar.locator("[data-role=scorm-state]")).to_contain_text("LMSへの記録: 合格(100点)・最後の送信 ")
    expect(second.content.locator(".dx-lmodule__status [data-role=summary]")).to_contain_text("完了(")
    assert second.cmi("core.lesson_status") == "passed"
    assert second.cmi("core.lesson_location") == "curriculum/modules/why-us-first.html"
    assert committed_after_each_change(second.calls())
    # With focus where the journey left it: a focused link takes the accent colour, which
    # site.css darkens to pass AA.
    assert axe_violations(axe, second.frame("dx-sco-content")) == []
    # Leaving a passed module ends it normally (empty exit), so that an LMS lists it as
    # passed, not suspended.
    sent = leave(second)
    assert sent["cmi.core.exit"] == ""
    assert second.cmi("core.lesson_status") == "passed"
    second.close()


def largest_module(site: Path) -> dict:
    specs = []
    for launch in sorted((site / "scorm").glob("*.html")):
        text = launch.read_text(encoding="utf-8")
        start = text.index('id="dx-scorm-spec">') + len('id="dx-scorm-spec">')
        specs.append(json.loads(text[start : text.index("</script>", start)]))
    return max(specs, key=lambda s: (len(s["checklist"]) + len(s["trees"]) + len(s["reflections"]), len(s["reflections"])))


def test_the_largest_module_fits_suspend_data_and_a_self_check_scores(browser, lms):
    spec = largest_module(lms.root / "pkg")
    module = spec["id"]
    lms_ = Lms(browser, lms)
    lms_.launch(module)
    values = {key: True for key in spec["checklist"]}
    values.update({f"tree/{t}": {"outcome": "stop-for-now", "label": "今は進めない" * 5, "answers": "q1.yes/q2.no/q3.yes/q4.no"} for t in spec["trees"]})
    values.update({key: "あ" * 700 for key in spec["reflections"]})
    values[f"selfcheck/{module}"] = {"score": 3, "max": 5, "passed": False, "answers": {f"q{i}": "b" for i in range(1, 11)}}
    values.update({key: True for key in spec["read"]})
    content = lms_.frame("dx-sco-content")
    content.evaluate("(values) => DX.store.set(values)", values)
    # A failed self-check leaves the module incomplete (completion rule v2); the score is sent.
    expect(lms_.bar.locator("[data-role=scorm-state]")).to_contain_text("未完了")
    lms_.page.wait_for_function("() => window.__calls.some(c => c[1] === 'cmi.core.score.raw')")
    assert lms_.cmi("core.lesson_status") == "incomplete"
    assert (lms_.cmi("core.score.raw"), lms_.cmi("core.score.min"), lms_.cmi("core.score.max")) == ("60", "0", "100")
    realistic = lms_.cmi("suspend_data")
    assert len(realistic) < 4096 and realistic.count("あ" * 700) == len(spec["reflections"])
    print(f"suspend_data of {module}, {len(spec['reflections'])} reflections of 700 characters: {len(realistic)} characters")

    # A retaken self-check that passes moves failed up to passed; the longest answers the
    # text box allows are shortened for the LMS and the page says so.
    content.evaluate(
        "(values) => DX.store.set(values)",
        {**{key: "い" * 20000 for key in spec["reflections"]}, f"selfcheck/{module}": {"score": 5, "max": 5, "passed": True}},
    )
    expect(lms_.bar.locator("[data-role=scorm-state]")).to_contain_text("先頭の一部")
    assert lms_.cmi("core.lesson_status") == "passed"
    assert lms_.cmi("core.score.raw") == "100"
    largest = lms_.cmi("suspend_data")
    assert len(largest) <= 4096
    # The full text stays in this browser.
    assert content.evaluate(f"() => DX.store.get({json.dumps(spec['reflections'][0])}).length") == 20000
    lms_.close()

    # On another PC the shortened answers come back, and the module is still complete.
    again = Lms(browser, lms, cmi={"core": {**STUDENT, "lesson_status": "passed", "entry": "resume"}, "suspend_data": largest})
    again.launch(module)
    restored = again.frame("dx-sco-content").evaluate(
        "(keys) => keys.map((k) => DX.store.get(k))", spec["reflections"]
    )
    assert all(text and set(text) == {"い"} for text in restored)
    expect(again.content.locator(".dx-lmodule__status [data-role=summary]")).to_contain_text("完了(")  # not an embedded tree's
    again.close()


def test_a_refusal_by_the_lms_is_said_on_the_page(browser, lms):
    refused = Lms(browser, lms, refuse={"element": "cmi.suspend_data", "code": "405"})
    refused.launch("beyond-tools")
    refused.frame("dx-sco-content").evaluate("() => DX.store.set({'reflection/beyond-tools/short-term-pressure': 'メモ'})")
    problem = refused.bar.locator("[data-role=scorm-problem]")
    expect(problem).to_be_visible()
    expect(problem).to_contain_text("405")
    expect(problem).to_contain_text("このパソコンのブラウザには残っています")
    refused.close()

    # No session at all: the learner can still study, and is told that nothing is recorded.
    closed = Lms(browser, lms, refuse={"element": "LMSInitialize", "code": "101"})
    closed.page.goto(lms.base + "lms.html?sco=scorm/beyond-tools.html")
    expect(closed.bar.locator("[data-role=scorm-state]")).to_have_text("LMSに接続できません。修了は記録されません。")
    expect(closed.bar.locator("[data-role=scorm-problem]")).to_contain_text("LMSとの接続を始められませんでした")
    # The module's own status (beyond-tools also embeds a decision tree, which has a summary too).
    expect(closed.content.locator(".dx-lmodule__status [data-role=summary]")).to_contain_text("未完了")
    assert [c[0] for c in closed.calls()] == ["LMSInitialize"]
    closed.close()


def test_without_an_lms_the_launch_page_opens_the_module_as_the_folder_bundle_does(browser, lms):
    site = Site("file", (lms.root / "pkg").as_uri() + "/")
    guard = Guard(site)
    context = browser.new_context(locale="ja-JP")
    guard.attach(context)
    page = context.new_page()
    page.goto(site.base + "scorm/why-us-first.html")
    page.wait_for_url("**/curriculum/modules/why-us-first.html")
    expect(page.locator(".dx-lmodule__status [data-role=summary]")).to_contain_text("未完了")
    page.goto(site.base + "checklists/step-0.html")
    page.locator('input[data-key="checklist/step-0/why-us-first"]').check()
    # The folder bundle's own record, under the site's usual key.
    assert page.evaluate(f"() => JSON.parse(localStorage.getItem('{store_key()}')).items['checklist/step-0/why-us-first'].value")
    guard.assert_clean()
    context.close()


def test_the_2004_runtime_reports_completion_success_and_score(browser, lms):
    # The SCO files are the same in both packages; the 2004 manifest is checked in tests/site.
    run = Lms(browser, lms, cmi={"learner_id": "00123", "learner_name": "山田, 花子"})
    run.launch("why-us-first", edition="2004")
    assert run.cmi("completion_status") == "incomplete"
    assert run.cmi("success_status") == "unknown"
    run.frame("dx-sco-content").evaluate(
        "(v) => DX.store.set(v)",
        {**learned("why-us-first"), "selfcheck/why-us-first": {"score": 4, "max": 5, "passed": True, "answers": {}}},
    )
    expect(run.bar.locator("[data-role=scorm-state]")).to_contain_text("合格(80点)")
    assert (run.cmi("completion_status"), run.cmi("success_status")) == ("completed", "passed")
    assert (run.cmi("score.raw"), run.cmi("score.scaled")) == ("80", "0.8")
    assert "窓口" in run.cmi("suspend_data")
    sent = leave(run)
    assert sent["cmi.exit"] == "normal"  # completed and passed: not suspended
    assert re.fullmatch(r"PT\d+H\d+M\d+S", sent["cmi.session_time"])
    run.close()


def test_a_lower_retake_keeps_the_best_score(browser, lms):
    run = Lms(browser, lms)
    run.launch("why-us-first")
    content = run.frame("dx-sco-content")
    base = learned("why-us-first")
    content.evaluate("(v) => DX.store.set(v)", {**base, "selfcheck/why-us-first": {"score": 3, "max": 3, "passed": True, "answers": {}}})
    expect(run.bar.locator("[data-role=scorm-state]")).to_contain_text("合格(100点)")
    scores = [c for c in run.calls() if c[1] == "cmi.core.score.raw"]
    assert [c[2] for c in scores] == ["100"]
    # A passing practice retake with one wrong answer: the learner's record keeps it, the LMS
    # keeps 100 and passed, and the bar says why.
    content.evaluate("() => DX.store.set({'selfcheck/why-us-first': {score: 2, max: 3, passed: true, answers: {q1: 'a'}}})")
    expect(run.bar.locator("[data-role=scorm-state]")).to_contain_text("今回の点数(67点)より高い、前の点数を記録に残しています")
    assert [c[2] for c in run.calls() if c[1] == "cmi.core.score.raw"] == ["100"]
    assert (run.cmi("core.score.raw"), run.cmi("core.lesson_status")) == ("100", "passed")
    assert '"score":2' in run.cmi("suspend_data")
    run.close()

    # Another launch, where the LMS holds 100: a lower try sends no score at all.
    again = Lms(browser, lms, cmi={"core": {**STUDENT, "lesson_status": "passed", "entry": "resume", "score": {"raw": "100"}}})
    again.launch("why-us-first")
    again.frame("dx-sco-content").evaluate(
        "(v) => DX.store.set(v)", {**base, "selfcheck/why-us-first": {"score": 2, "max": 3, "passed": True, "answers": {}}}
    )
    expect(again.bar.locator("[data-role=scorm-state]")).to_contain_text("合格(100点)")
    again.page.wait_for_function("() => window.__calls.some(c => c[1] === 'cmi.suspend_data')")
    assert [c for c in again.calls() if c[1].startswith("cmi.core.score") or c[1] == "cmi.core.lesson_status"] == []
    assert again.cmi("core.score.raw") == "100"
    again.close()


@pytest.mark.parametrize(
    "mode, notice",
    [("review", "復習モードです。LMSの記録は変わりません(LMSの記録: 合格(100点))。"), ("browse", "プレビューモードです。LMSの記録は変わりません。")],
    ids=["review", "browse"],
)
def test_review_and_browse_modes_say_so_and_send_no_result(browser, lms, mode, notice):
    # Moodle opens a fully completed attempt in review mode (no credit); its Preview button in browse mode.
    cmi = {"core": {**STUDENT, "lesson_status": "passed", "lesson_mode": mode, "score": {"raw": "100"}},
           "suspend_data": '1{"c:step-0/why-us-first":["1",true]}'}
    run = Lms(browser, lms, cmi=cmi)
    run.launch("why-us-first", state="LMSの記録は変わりません")
    expect(run.bar.locator("[data-role=scorm-state]")).to_have_text(notice)
    # The LMS's progress still comes back to the page.
    expect(run.content.locator('input[data-key="reflection/why-us-first/my-common-sense"], [data-role=summary]').first).to_be_visible()
    assert run.frame("dx-sco-content").evaluate("() => DX.store.get('checklist/step-0/why-us-first')") is True
    run.frame("dx-sco-content").evaluate(
        "() => DX.store.set({'selfcheck/why-us-first': {score: 1, max: 3, passed: false, answers: {}}, 'reflection/why-us-first/who-objects': '係長'})"
    )
    run.content.get_by_role("link", name="ステップ0 認識共有・機運醸成 チェックリストで確かめる").first.click()
    expect(run.content.locator('input[data-key="checklist/step-0/why-us-first"]')).to_be_checked()
    leave(run)
    # Read, and finish; never a value written.
    assert {c[0] for c in run.calls()} == {"LMSInitialize", "LMSFinish"}
    assert (run.cmi("core.lesson_status"), run.cmi("core.score.raw")) == ("passed", "100")
    run.close()


def test_a_2004_initialize_refused_with_104_tells_the_learner_to_use_the_course_page(browser, lms, axe):
    run = Lms(browser, lms, cmi={"learner_id": "00123", "learner_name": "山田, 花子"}, terminated=True)
    run.launch("beyond-tools", edition="2004", state="LMSに接続できません")
    problem = run.bar.locator("[data-role=scorm-problem]")
    expect(problem).to_contain_text("LMSのエラー番号 104")
    expect(problem).to_contain_text("LMSのコースの画面に戻り、そこからこのモジュールを開き直してから学習してください")
    assert run.page.evaluate("() => window.__api.lastErrorCode") == "104"
    # The learner can still study; nothing is claimed.
    expect(run.content.locator(".dx-lmodule__status [data-role=summary]")).to_contain_text("未完了")
    assert [c[0] for c in run.calls()] == ["LMSInitialize"]
    assert axe_violations(axe, run.frame("host")) == []
    run.close()


def test_after_an_idle_spell_the_next_change_warns_that_the_session_may_have_ended(browser, lms, axe):
    run = Lms(browser, lms)
    # The spell shortened to 1 minute for this launch page (mkdocs.yml: extra.scorm_idle_minutes;
    # tests/site checks the built value), and a clock the test moves, as a PC that slept.
    def shortened(route):
        body = route.fetch().text()
        assert '<meta name="dx-scorm-idle-minutes" content="480">' in body
        route.fulfill(body=body.replace('content="480"', 'content="1"'), content_type="text/html; charset=utf-8")

    run.context.route("**/pkg/scorm/observe-first.html*", shortened)
    run.context.clock.install()
    run.launch("observe-first")
    content = run.frame("dx-sco-content")
    session = run.bar.locator("[data-role=scorm-session]")
    key = content.evaluate("() => Array.from(document.querySelectorAll('textarea[data-key]')).map(t => t.dataset.key)[0]")
    content.evaluate("(k) => { const v = {}; v[k] = '最初のメモ'; DX.store.set(v); }", key)
    run.page.wait_for_function("() => window.__calls.some(c => c[1] === 'cmi.suspend_data')")
    expect(session).to_be_hidden()
    sends = len([c for c in run.calls() if c[1] == "cmi.suspend_data"])

    run.context.clock.fast_forward("00:59")
    content.evaluate("(k) => { const v = {}; v[k] = '59秒後のメモ'; DX.store.set(v); }", key)
    run.page.wait_for_function(f"() => window.__calls.filter(c => c[1] === 'cmi.suspend_data').length > {sends}")
    expect(session).to_be_hidden()

    run.context.clock.fast_forward("01:30")
    content.evaluate("(k) => { const v = {}; v[k] = 'しばらくたってからのメモ'; DX.store.set(v); }", key)
    expect(session).to_be_visible()
    expect(session).to_contain_text("前回LMSとやり取りしてから1分たっています")
    expect(session).to_contain_text("LMSのコースの画面に戻り、このモジュールを開き直してください")
    # The save still goes out, and the bar keeps saying when.
    run.page.wait_for_function("() => window.__api.cmi.suspend_data.includes('しばらくたってから')")
    expect(run.bar.locator("[data-role=scorm-state]")).to_contain_text("・最後の送信 ")
    assert axe_violations(axe, run.frame("host")) == []
    run.close()
