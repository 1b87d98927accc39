"""The completion rule, version 2: 学習 makes a module complete, 実践 (自己申告) never does.

The same cases run against the Python statement of the rule (macros/completion.py) and the
browser's (DX.curriculum.status in engine/dxcourse/assets/completion.js, run in Node), so the two
cannot drift apart.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from dxcourse import load_sources
from dxcourse.completion import page_id, status
from dxcourse.curriculum import Curriculum
from tests.project import ASSETS

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")

T1, T2, T3, T4 = "2026-11-20T01:00:00.000Z", "2026-11-21T01:00:00.000Z", "2026-11-22T01:00:00.000Z", "2026-11-23T01:00:00.000Z"


@pytest.fixture(scope="module")
def spec() -> dict:
    data, _, _ = load_sources(ROOT, ROOT / "docs")
    cur = Curriculum(data)
    return cur.spec(cur.module["people-and-careers"], lambda ref: ref)


def learning_done(spec, at=T1, passed=True) -> dict:
    items = {key: {"value": True, "at": at} for key in spec["read"]}
    items["tree/organization-first"] = {"value": {"outcome": "rework-hr-plan", "label": "x", "answers": "a.b"}, "at": at}
    for key in spec["reflections"]:
        items[key] = {"value": "答え", "at": at}
    items["selfcheck/people-and-careers"] = {"value": {"score": 3 if passed else 1, "max": 3, "passed": passed, "answers": {}}, "at": T2}
    return items


def practice_done(spec, at=T4) -> dict:
    return {key: {"value": True, "at": at} for key in spec["checklist"]}


CASES = {
    "nothing yet": lambda s: {},
    "learning done, no practice ticked": lambda s: learning_done(s),
    "every practice item ticked, no learning": lambda s: practice_done(s),
    "self-check failed": lambda s: learning_done(s, passed=False),
    "a blank reflection does not count": lambda s: {**learning_done(s), s["reflections"][0]: {"value": "  \n", "at": T3}},
    "practice ticked after completion": lambda s: {**learning_done(s), **practice_done(s)},
    "a page unmarked": lambda s: {**learning_done(s), s["read"][0]: {"value": False, "at": T3}},
}

def expected(n: int) -> dict:
    """What each case gives for a module with n 学習 activities (read from the data)."""
    return {
    "nothing yet": dict(learning=(0, n), practice=(0, 3), complete=False, completedAt=None, updatedAt=None, selfCheck=None),
    "learning done, no practice ticked": dict(learning=(n, n), practice=(0, 3), complete=True, completedAt=T2, updatedAt=T2, selfCheck=(3, True)),
    "every practice item ticked, no learning": dict(learning=(0, n), practice=(3, 3), complete=False, completedAt=None, updatedAt=T4, selfCheck=None),
    "self-check failed": dict(learning=(n - 1, n), practice=(0, 3), complete=False, completedAt=None, updatedAt=T2, selfCheck=(1, False)),
    "a blank reflection does not count": dict(learning=(n - 1, n), practice=(0, 3), complete=False, completedAt=None, updatedAt=T3, selfCheck=(3, True)),
    "practice ticked after completion": dict(learning=(n, n), practice=(3, 3), complete=True, completedAt=T2, updatedAt=T4, selfCheck=(3, True)),
    "a page unmarked": dict(learning=(n - 1, n), practice=(0, 3), complete=False, completedAt=None, updatedAt=T3, selfCheck=(3, True)),
    }


def learning_total(spec) -> int:
    return len(spec["read"]) + len(spec["trees"]) + len(spec["reflections"]) + (1 if spec["selfcheck"] else 0)


def summary(result: dict) -> dict:
    check = result["selfCheck"]
    return dict(
        learning=(result["learning"]["done"], result["learning"]["total"]),
        practice=(result["practice"]["done"], result["practice"]["total"]),
        complete=result["complete"], completedAt=result["completedAt"], updatedAt=result["updatedAt"],
        selfCheck=None if check is None else (check["score"], check["passed"]),
    )


def test_the_spec_splits_learning_from_practice(spec):
    data, _, _ = load_sources(ROOT, ROOT / "docs")
    module = Curriculum(data).module["people-and-careers"]
    assert spec["read"] == [f"read/people-and-careers/{page_id(r)}" for r in module.read]
    assert "read/people-and-careers/faq-staff-training" in spec["read"]
    assert spec["selfcheck"] == {"key": "selfcheck/people-and-careers", "passMark": 2, "max": 3}
    assert len(spec["checklist"]) == 3 and all(k.startswith("checklist/step-2/") for k in spec["checklist"])
    assert page_id("steps/index.md#step-3") == "steps-index-step-3"


@pytest.mark.parametrize("case", CASES)
def test_python_rule(spec, case):
    assert summary(status(spec, CASES[case](spec))) == expected(learning_total(spec))[case]


JS_HARNESS = """
const fs = require("fs"), vm = require("vm");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const out = input.cases.map(([spec, items]) => {
  const sandbox = { window: {}, console };
  sandbox.window.DX = { store: { get: (k) => (items[k] ? items[k].value : undefined), entry: (k) => items[k] } };
  sandbox.DX = sandbox.window.DX;
  vm.runInNewContext(fs.readFileSync(input.script, "utf8"), sandbox);
  return sandbox.window.DX.curriculum.status(spec);
});
process.stdout.write(JSON.stringify(out));
"""


def test_browser_rule_agrees_case_by_case(spec):
    assert NODE, "node is needed to run the browser's completion rule (npm ci installs the test tools with it)"
    cases = [[spec, CASES[name](spec)] for name in CASES]
    run = subprocess.run([NODE, "-e", JS_HARNESS], input=json.dumps({"script": str(ASSETS / "completion.js"), "cases": cases}),
                         capture_output=True, text=True, check=True)
    results = json.loads(run.stdout)
    assert {name: summary(r) for name, r in zip(CASES, results)} == expected(learning_total(spec))
    # The browser's selfCheck also carries the pass mark and when it was graded.
    assert results[1]["selfCheck"] == {"score": 3, "max": 3, "passMark": 2, "passed": True, "at": T2}


def test_staff_id_rule():
    script = (ASSETS / "curriculum.js").read_text(encoding="utf-8")
    harness = (
        "const vm=require('vm');const s={window:{DX:{}}};vm.runInNewContext(" + json.dumps(script) + ",s);"
        "const f=s.window.DX.curriculum.staffId;"
        "process.stdout.write(JSON.stringify(['００１２３',' 0042 ','A-12b','12 34','職員1','x'.repeat(21),''].map((t)=>f(t))));"
    )
    results = json.loads(subprocess.run([NODE, "-e", harness], capture_output=True, text=True, check=True).stdout)
    assert [r.get("value") for r in results[:3]] == ["00123", "0042", "A-12b"]
    assert all("error" in r for r in results[3:])
    assert "数字・英字・ハイフン" in results[3]["error"] and "20文字" in results[5]["error"] and "入力してください" in results[6]["error"]
