// 「わたしの進捗」's pure parts (engine/dxcourse/assets/progress.js): the CSV rows, what counts as done,
// the modules shown, and the kinds of keys named by what the learner opened.
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");

const progress = require(path.join(__dirname, "../../engine/dxcourse/assets/progress.js"));
const { statusOf } = require(path.join(__dirname, "../../engine/dxcourse/assets/completion.js"));

const T1 = "2026-11-20T01:00:00.000Z";
const T2 = "2026-11-21T01:00:00.000Z";
const time = (iso) => (iso ? "t(" + iso.slice(0, 10) + ")" : ""); // stands for DX.excelTime

const CATALOG = [
  { key: "checklist/step-1/a", kind: "チェックリスト", group: "ステップ1", label: "項目A" },
  { key: "checklist/step-1/b", kind: "チェックリスト", group: "ステップ1", label: "項目B" },
  { key: "tree/rpa-now", kind: "判断ツリー", group: "判断ツリー", label: "今、RPAを進めてよいですか" },
  { key: "worksheet/vision/goal", kind: "ワークシート", group: "ビジョン", label: "目標" },
  { key: "profile/staff-id", kind: "受講者情報", group: "わたしの学習", label: "職員番号" },
  { key: "profile/name", kind: "受講者情報", group: "わたしの学習", label: "氏名" },
  { key: "selfcheck/m1", kind: "理解度チェック", group: "モジュール1", label: "理解度チェック" },
];
const MODULES = [
  { id: "m1", title: "モジュール1", page: "m1/", read: ["read/m1/p"], trees: [], reflections: [], selfcheck: { key: "selfcheck/m1", passMark: 2, max: 3 }, checklist: ["checklist/step-1/a"] },
  { id: "m2", title: "モジュール2", page: "m2/", read: ["read/m2/p"], trees: ["rpa-now"], reflections: [], selfcheck: null, checklist: [] },
  { id: "m3", title: "モジュール3", page: "m3/", read: ["read/m3/p"], trees: [], reflections: [], selfcheck: null, checklist: ["checklist/step-1/b"] },
];

function rows(items, all) {
  return progress.csvRows({ catalog: CATALOG, modules: MODULES, items, all, statusOf, time });
}

test("isDone: ticks, answers and text are done; unticks, emptied fields and nothing are not", () => {
  for (const value of [true, "答え", { outcome: "x" }, { score: 0, max: 3, passed: false }, 0, []]) assert.strictEqual(progress.isDone(value), true, JSON.stringify(value));
  for (const value of [false, "", "  \n\u3000", null, undefined]) assert.strictEqual(progress.isDone(value), false, JSON.stringify(value));
});

test("describe puts a saved value in words", () => {
  assert.strictEqual(progress.describe(true), "完了");
  assert.strictEqual(progress.describe(false), "未完了");
  assert.strictEqual(progress.describe({ score: 2, max: 3, passed: true }), "2問正解(全3問・合格)");
  assert.strictEqual(progress.describe({ outcome: "x", label: "条件付きで進める" }), "条件付きで進める");
  assert.strictEqual(progress.describe("text"), "text");
  assert.strictEqual(progress.describe(undefined), "");
  assert.strictEqual(progress.describe(null), "");
  assert.strictEqual(progress.describe({ a: 1 }), '{"a":1}');
});

test("nothing recorded: the default CSV is the header alone, every item with the option", () => {
  assert.deepStrictEqual(rows({}, false), [progress.HEADER]);
  const everything = rows({}, true);
  assert.strictEqual(everything.length, 1 + CATALOG.length + 2 * MODULES.length);
  assert.ok(everything.slice(1, 1 + CATALOG.length).every((r) => r[3] === "未着手" && r[6] === ""));
});

test("by default only what was done, and the modules it belongs to", () => {
  const items = {
    "checklist/step-1/a": { value: true, at: T1 },
    "checklist/step-1/b": { value: false, at: T2 }, // unticked again: nothing done
    "worksheet/vision/goal": { value: "   ", at: T2 }, // emptied
    "tree/rpa-now": { value: { outcome: "go", label: "進める", answers: "a" }, at: T2 },
  };
  const done = rows(items, false);
  assert.deepStrictEqual(done.slice(1).map((r) => [r[0], r[2], r[3], r[6], r[7]]), [
    ["チェックリスト", "項目A", "完了", "t(2026-11-20)", "checklist/step-1/a"],
    ["判断ツリー", "今、RPAを進めてよいですか", "進める", "t(2026-11-21)", "tree/rpa-now"],
    ["学習モジュール", "学習(修了に必要)", "未完了", "t(2026-11-20)", ""],
    ["学習モジュール", "実践(自己申告)", "", "", ""],
    ["学習モジュール", "学習(修了に必要)", "未完了", "t(2026-11-21)", ""],
    ["学習モジュール", "実践(自己申告)", "", "", ""],
  ]);
  assert.deepStrictEqual(done.slice(3).map((r) => r[1]), ["モジュール1", "モジュール1", "モジュール2", "モジュール2"]);
  // Counts are numbers, for Excel's own columns.
  assert.deepStrictEqual(done[3].slice(4, 6), [0, 2]); // m1: a page and the self-check
  assert.deepStrictEqual(done[4].slice(4, 6), [1, 1]);
  // m3 was only unticked: not started. With the option it is there, and so is the untick.
  const everything = rows(items, true);
  assert.ok(everything.some((r) => r[1] === "モジュール3"));
  assert.strictEqual(everything.find((r) => r[7] === "checklist/step-1/b")[3], "未完了");
});

test("a failed self-check is something done", () => {
  const items = { "selfcheck/m1": { value: { score: 1, max: 3, passed: false, answers: {} }, at: T1 } };
  const done = rows(items, false);
  assert.deepStrictEqual(done[1].slice(2, 4), ["理解度チェック", "1問正解(全3問・不合格)"]);
  assert.ok(done.some((r) => r[1] === "モジュール1" && r[2] === "学習(修了に必要)"));
});

test("the staff id and opened assignments have a kind and a label; nothing the site has is filed as gone", () => {
  const items = {
    "profile/staff-id": { value: "00456", at: T1 },
    "assignment/abcd-efg": { value: { code: "ABCD-EFG", name: "事前学習", section: "職員課", due: "2027-01-29", modules: ["m1", "m2"] }, at: T1 },
    "assignment/zzzz": { value: { code: "ZZZZ", name: "", section: "", due: "2027-03-31", modules: [] }, at: T2 },
  };
  for (const all of [false, true]) {
    const out = rows(items, all);
    assert.ok(!out.some((r) => r[0] === progress.GONE), JSON.stringify(out));
    const staff = out.find((r) => r[7] === "profile/staff-id");
    assert.deepStrictEqual(staff.slice(0, 4), ["受講者情報", "わたしの学習", "職員番号", "00456"]);
    const opened = out.filter((r) => r[0] === "受講指示");
    assert.deepStrictEqual(opened.map((r) => [r[1], r[2], r[3], r[7]]), [
      ["わたしの学習", "事前学習 (コード ABCD-EFG)", "期限 2027-01-29・モジュール 2件", "assignment/abcd-efg"],
      ["わたしの学習", "(コード ZZZZ)", "期限 2027-03-31・モジュール 0件", "assignment/zzzz"],
    ]);
    assert.ok(!out.some((r) => String(r[3]).startsWith("{")), "no raw JSON as a state");
  }
});

test("keys the site no longer has are kept, labelled as gone, after everything else", () => {
  const items = {
    "checklist/step-9/removed": { value: true, at: T1 },
    "assignment/bad": { value: "not an assignment", at: T1 },
    "checklist/step-1/a": { value: true, at: T2 },
  };
  const out = rows(items, false);
  assert.deepStrictEqual(out[out.length - 1], [progress.GONE, "", "", "完了", "", "", "t(2026-11-20)", "checklist/step-9/removed"]);
  // An assignment key whose value is damaged still has its kind, with the value in words.
  const bad = out.find((r) => r[7] === "assignment/bad");
  assert.deepStrictEqual(bad.slice(0, 4), ["受講指示", "わたしの学習", "(コード BAD)", "not an assignment"]);
});

test("keys named like built-in properties are ordinary keys", () => {
  const items = JSON.parse('{"constructor": {"value": true, "at": "2026-11-20T01:00:00.000Z"}, "__proto__": {"value": "x", "at": "2026-11-20T01:00:00.000Z"}}');
  const out = rows(items, false);
  assert.deepStrictEqual(out.slice(1).map((r) => r[7]).sort(), ["__proto__", "constructor"]);
  assert.ok(out.slice(1).every((r) => r[0] === progress.GONE));
  assert.deepStrictEqual(rows({}, false), [progress.HEADER]); // nothing inherited is listed
});

test("moduleProgress shows modules started or assigned, in the curriculum's order", () => {
  const items = {
    "assignment/x": { value: { code: "X", name: "", section: "", due: "2027-01-29", modules: ["m3"] }, at: T1 },
    "read/m2/p": { value: true, at: T1 },
    "tree/rpa-now": { value: { outcome: "go", label: "進める" }, at: T2 },
    "checklist/step-1/a": { value: false, at: T1 },
  };
  const shown = progress.moduleProgress(MODULES, items, statusOf);
  assert.deepStrictEqual(shown.map((m) => [m.id, m.assigned, m.complete, m.learning.done, m.learning.total]), [
    ["m2", false, true, 2, 2],
    ["m3", true, false, 0, 1],
  ]);
  assert.strictEqual(shown[0].completedAt, T2);
  assert.deepStrictEqual(progress.moduleProgress(MODULES, {}, statusOf), []);
  assert.deepStrictEqual(progress.moduleProgress([], items, statusOf), []);
  assert.deepStrictEqual(progress.moduleProgress(MODULES, null, statusOf), []);
});

test("started: any part done or a self-check taken", () => {
  const base = { learning: { done: 0, total: 2 }, practice: { done: 0, total: 1 }, selfCheck: null };
  assert.strictEqual(progress.started(base), false);
  assert.strictEqual(progress.started({ ...base, learning: { done: 1, total: 2 } }), true);
  assert.strictEqual(progress.started({ ...base, practice: { done: 1, total: 1 } }), true);
  assert.strictEqual(progress.started({ ...base, selfCheck: { score: 0 } }), true);
});

test("fileDate is the local date as YYYYMMDD", () => {
  assert.strictEqual(progress.fileDate(new Date(2026, 0, 5, 23, 59)), "20260105");
  assert.strictEqual(progress.fileDate(new Date(2026, 11, 31)), "20261231");
});
