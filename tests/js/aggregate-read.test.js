// Reading one completion record (engine/dxcourse/assets/aggregate-read.js): every refusal has its reason.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const read = require("../../engine/dxcourse/assets/aggregate-read.js");
const { cur, record } = require("./helpers.js");

const SITE = "site-x";
const problem = (r) => read.problemWith(r, SITE, cur);
const edit = (fn) => {
  const r = record();
  fn(r);
  return r;
};

test("a version 2 and a version 1 record are accepted", () => {
  assert.strictEqual(problem(record()), null);
  assert.strictEqual(problem(record({ version: 1 })), null);
  assert.strictEqual(problem(edit((r) => (r.person.staffId = ""))), null); // version 2 without a 職員番号
  assert.strictEqual(problem(edit((r) => delete r.person.role)), null);
});

test("each malformed part is refused with its own reason", () => {
  const cases = [
    [null, "記録の形式ではありません"],
    [[], "記録の形式ではありません"],
    ["text", "記録の形式ではありません"],
    [{ format: "jichitai-dx-progress" }, "「わたしの進捗」の進捗記録です"],
    [edit((r) => (r.format = "other")), "修了記録のファイルではありません"],
    [edit((r) => (r.version = 3)), "対応していない版の記録です(版: 3)"],
    [edit((r) => (r.site = "another")), "別のサイト(another)"],
    [edit((r) => (r.exported = "soon")), "書き出した日時がありません"],
    [edit((r) => delete r.person), "氏名と所属がありません"],
    [edit((r) => (r.person.name = " ")), "氏名がない"],
    [edit((r) => (r.person.name = "あ".repeat(61))), "氏名がない、または長すぎます"],
    [edit((r) => (r.person.section = "")), "所属がない"],
    [edit((r) => (r.person.role = "Not An Id")), "役割が正しくありません"],
    [edit((r) => (r.person.staffId = "123 45")), "職員番号が正しくありません"],
    [edit((r) => (r.person.staffId = "1".repeat(21))), "職員番号が正しくありません"],
    [edit((r) => (r.person.staffId = 123)), "職員番号が正しくありません"],
    [edit((r) => (r.assignments = [])), "受講指示の一覧がありません"],
    [edit((r) => (r.assignments = Array(51).fill(r.assignments[0]))), "受講指示の一覧がありません"],
    [edit((r) => (r.assignments[0] = null)), "受講指示 1 が正しくありません"],
    [edit((r) => (r.assignments[0].code = "bad")), "受講指示 1 のコードが正しくありません"],
    [edit((r) => (r.assignments[0].due = "2026-02-30")), "受講指示 1 の期限が正しくありません"],
    [edit((r) => (r.assignments[0].name = 5)), "受講指示 1 の指示名が正しくありません"],
    [edit((r) => (r.assignments[0].section = "x".repeat(61))), "受講指示 1 の発行所属が正しくありません"],
    [edit((r) => (r.assignments[0].modules = [])), "受講指示 1 のモジュールがありません"],
    [edit((r) => (r.assignments[0].modules = ["Bad Id"])), "受講指示 1 のモジュール名が正しくありません"],
    [edit((r) => (r.modules = "none")), "モジュールの状態の一覧がありません"],
    [edit((r) => (r.modules[0] = { id: "x y" })), "モジュールの状態 1 が正しくありません"],
    [edit((r) => (r.modules[0].complete = "yes")), "モジュール mod-a の完了・未完了がありません"],
    [edit((r) => Object.assign(r.modules[0], { complete: true, completedAt: null })), "モジュール mod-a の完了日時が正しくありません"],
    [edit((r) => (r.modules[0].updatedAt = "later")), "モジュール mod-a の更新日時が正しくありません"],
    [edit((r) => (r.modules[0].learning = { done: 4, total: 3 })), "モジュール mod-a の学習の数が正しくありません"],
    [edit((r) => (r.modules[0].learning = { done: 1.5, total: 3 })), "モジュール mod-a の学習の数が正しくありません"],
    [edit((r) => (r.modules[0].practice = { done: -1, total: 3 })), "モジュール mod-a の実践の数が正しくありません"],
    [edit((r) => (r.modules[0].selfCheck = { score: 4, max: 3 })), "モジュール mod-a の理解度チェックの点が正しくありません"],
    [edit((r) => (r.modules[0].selfCheck = "passed")), "モジュール mod-a の理解度チェックの点が正しくありません"],
  ];
  for (const [r, reason] of cases) {
    const got = problem(r);
    assert.ok(got && got.includes(reason), `${JSON.stringify(reason)} expected, got ${got}`);
  }
});

test("version 1 records are not checked for version 2 fields", () => {
  const r = record({ version: 1 });
  r.modules[0].updatedAt = "not a time";
  r.person.staffId = "bad id!";
  assert.strictEqual(problem(r), null);
});

test("readRecord: a file's text, with a BOM, too big, or not JSON", () => {
  const text = JSON.stringify(record());
  assert.deepStrictEqual(read.readRecord(text, SITE, cur).record.person.staffId, "00101");
  assert.ok(read.readRecord("\ufeff" + text, SITE, cur).record);
  assert.match(read.readRecord("x".repeat(read.MAX_BYTES + 1), SITE, cur).reason, /大きすぎます/);
  assert.match(read.readRecord("職員番号,氏名\r\n", SITE, cur).reason, /JSONとして読み取れません/);
  assert.match(read.readRecord(JSON.stringify({ format: "jichitai-dx-progress" }), SITE, cur).reason, /進捗記録/);
});

test("staffId and norm: NFKC, trimmed; norm folds runs of white space", () => {
  assert.strictEqual(read.staffId(" ００１２３ "), "00123");
  assert.strictEqual(read.staffId(null), "");
  assert.strictEqual(read.staffId(123), "123");
  assert.strictEqual(read.norm("  山田\u3000 花子 "), "山田 花子");
  assert.strictEqual(read.norm(undefined), "");
  assert.ok(read.STAFF_ID.test("A-12") && !read.STAFF_ID.test("A_12"));
});

test("hash tells different texts apart and is stable", () => {
  assert.strictEqual(read.hash("abc"), read.hash("abc"));
  assert.notStrictEqual(read.hash("abc"), read.hash("abd"));
  assert.match(read.hash(""), /^[0-9a-z]+$/);
});
