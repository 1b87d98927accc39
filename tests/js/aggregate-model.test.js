// The report as data (engine/dxcourse/assets/aggregate-model.js): who was given what, rows, filters,
// sorting, rates and the CSV files' rows.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const model = require("../../engine/dxcourse/assets/aggregate-model.js");
const rosterLib = require("../../engine/dxcourse/assets/aggregate-roster.js");
const merge = require("../../engine/dxcourse/assets/aggregate-merge.js");
const { cur, catalog, code, record, ROLES } = require("./helpers.js");

const AS_OF = "2026-11-27";
const ALL_STAFF = code([1, 2], "2026-12-01"); // 全職員: 2 modules
const MANAGERS = code([1, 2, 3, 4, 5, 6, 7], "2026-11-20"); // 管理職: 7 modules, already past due

function report({ rosterText, records = [], declared = [], filters = {} }) {
  const cat = catalog();
  const roster = rosterText ? rosterLib.parseRosterText(rosterText, ROLES, cur) : null;
  const groups = new Map();
  records.forEach((r, i) => merge.addRecord(groups, r, `r${i}.json`));
  const known = model.assignments(declared, roster, groups, cat, cur);
  const columns = model.moduleColumns(groups, known, cat);
  const d = cur.parseDate(AS_OF);
  const roleName = (row) => row.roleText || (cat.roleById[row.role] ? cat.roleById[row.role].name : "(未選択)");
  const ctx = { asOf: AS_OF, ref: Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()), columns, known, cur, roleName };
  const all = rosterLib.match(roster, groups).list.map((src) => model.row(src, ctx)).sort(model.bySortKey);
  const f = { assignment: "", section: "", role: "", state: "", ...filters };
  const view = model.filter(all, f, columns, known);
  const titles = columns.map((id) => (cat.byId[id] ? cat.byId[id].title : id));
  const rates = model.rates(view.rows, titles, ROLES.map((r) => r.name), !!roster);
  const byName = Object.fromEntries(view.rows.map((r) => [r.name, r]));
  return { cat, roster, known, columns, all, view, rates, byName, titles, f };
}

const ROSTER = "職員番号,氏名,所属,役割\r\n001,管理 一郎,総務課,管理職\r\n002,人事 花子,職員課,人事担当\r\n003,全員 太郎,福祉課,全職員\r\n";
const DECLARED = [
  { code: ALL_STAFF, name: "全職員研修", target: "all", roles: [] },
  { code: MANAGERS, name: "管理職研修", target: "roles", roles: ["manager"] },
];

test("modulesOfCode: the catalog's modules of a code, its due; bad codes and unknown numbers", () => {
  assert.deepStrictEqual(model.modulesOfCode(ALL_STAFF, catalog(), cur), { code: ALL_STAFF, due: "2026-12-01", modules: ["mod-a", "mod-b"], missing: [] });
  const extra = code([1, 9], "2026-12-01");
  assert.deepStrictEqual(model.modulesOfCode(extra, catalog(), cur).missing, [9]);
  assert.match(model.modulesOfCode(code([9], "2026-12-01"), catalog(), cur).error, /このサイトにありません/);
  assert.match(model.modulesOfCode("ABCD", catalog(), cur).error, /コード/);
  assert.strictEqual(model.modulesOfCode(ALL_STAFF.toLowerCase().replace("-", " "), catalog(), cur).code, ALL_STAFF);
});

test("two assignments and mixed roles: each person counts only for their own modules", () => {
  const r = report({ rosterText: ROSTER, declared: DECLARED });
  assert.strictEqual(r.known.known, true);
  const hr = r.byName["人事 花子"];
  // Not submitted: 未提出 in the 2 modules of 全職員研修 only; the other 5 are 対象外.
  assert.deepStrictEqual(hr.cells, ["未提出", "未提出", "", "", "", "", ""]);
  assert.strictEqual(hr.total, 2);
  assert.deepStrictEqual(hr.codes, [MANAGERS, ALL_STAFF].filter((c) => c === ALL_STAFF));
  const manager = r.byName["管理 一郎"];
  assert.strictEqual(manager.total, 7);
  assert.deepStrictEqual(manager.dues.slice(0, 3), ["2026-11-20", "2026-11-20", "2026-11-20"]); // the earlier due
  // Module rates: the 管理職-only modules count only the manager.
  const byModule = Object.fromEntries(r.rates.byKind["モジュール"].map((g) => [g.name, g.total]));
  assert.deepStrictEqual(byModule, { A: 3, B: 3, C: 1, D: 1, E: 1, F: 1, G: 1 });
  assert.strictEqual(r.rates.total.total, 3);
});

test("a submitter is 未完了 or 期限超過 for a given module their records lack; other modules are 対象外", () => {
  const rec = record({ staffId: "001", name: "管理 一郎", role: "manager", done: { "mod-a": "2026-11-10T00:00:00.000Z", "mod-b": "2026-11-11T00:00:00.000Z" } });
  const r = report({ rosterText: ROSTER, records: [rec], declared: DECLARED });
  const m = r.byName["管理 一郎"];
  assert.deepStrictEqual(m.cells, ["完了", "完了", "期限超過", "期限超過", "期限超過", "期限超過", "期限超過"]);
  assert.deepStrictEqual([m.done, m.total, m.state], [2, 7, "期限超過"]);
  // A record's code that HR declared for others does not widen a person's scope.
  const hrRec = record({ staffId: "002", name: "人事 花子", assignments: [{ code: MANAGERS, name: "", section: "", due: "2026-11-20", modules: ["mod-a", "mod-b", "mod-c", "mod-d", "mod-e", "mod-f", "mod-g"] }] });
  const r2 = report({ rosterText: ROSTER, records: [hrRec], declared: DECLARED });
  assert.deepStrictEqual(r2.byName["人事 花子"].cells, ["未完了", "未完了", "", "", "", "", ""]);
});

test("a code HR has not added still counts for the people whose records carry it", () => {
  const own = code([3], "2026-12-10");
  const rec = record({ staffId: "003", name: "全員 太郎", assignments: [{ code: own, name: "個別", section: "", due: "2026-12-10", modules: ["mod-c"] }] });
  const r = report({ rosterText: ROSTER, records: [rec], declared: DECLARED });
  assert.deepStrictEqual(r.byName["全員 太郎"].cells.slice(0, 3), ["未完了", "未完了", "未完了"]);
  assert.strictEqual(r.known.byCode[own].target, "record");
  assert.strictEqual(r.known.byCode[own].name, "個別");
});

test("the roster's 受講指示コード column says who got what, without HR adding the code", () => {
  const text = `職員番号,氏名,所属,受講指示コード\r\n1,A,課,${ALL_STAFF}\r\n2,B,課,"${ALL_STAFF} ${MANAGERS}"\r\n3,C,課,\r\n`;
  const r = report({ rosterText: text });
  assert.strictEqual(r.known.known, true);
  assert.deepStrictEqual([r.byName.A.total, r.byName.B.total, r.byName.C.total], [2, 7, 0]);
  assert.strictEqual(r.byName.C.state, "対象なし");
  assert.strictEqual(r.rates.total.total, 2); // 対象なし is in no rate
  // A declared code with target column works the same.
  const r2 = report({ rosterText: text, declared: [{ code: MANAGERS, target: "column", roles: [] }] });
  assert.strictEqual(r2.known.byCode[MANAGERS].declared, true);
  assert.strictEqual(r2.byName.B.total, 7);
});

test("without any assignment from HR's side, a person without a record counts for every module (as before)", () => {
  const rec = record({ staffId: "001", name: "管理 一郎" });
  const r = report({ rosterText: ROSTER, records: [rec] });
  assert.strictEqual(r.known.known, false);
  assert.deepStrictEqual(r.byName["人事 花子"].cells, ["未提出", "未提出"]);
  assert.strictEqual(r.byName["人事 花子"].state, "未提出");
  assert.deepStrictEqual(r.byName["管理 一郎"].cells, ["未完了", "未完了"]);
});

test("without a roster, a role-targeted assignment applies by the record's role", () => {
  const recs = [
    record({ staffId: "1", name: "M", role: "manager" }),
    record({ staffId: "2", name: "S", role: "" }),
  ];
  const r = report({ records: recs, declared: [{ code: MANAGERS, target: "roles", roles: ["manager"] }] });
  assert.strictEqual(r.byName.M.total, 7);
  assert.strictEqual(r.byName.S.total, 2); // the record's own (undeclared) 全職員 code
  assert.strictEqual(model.applies({ target: "roles", roles: ["manager"] }, { role: "" }), false);
  assert.strictEqual(model.applies({ target: "record" }, { role: "manager" }), false);
});

test("filter by assignment: its people, its modules, states over those modules only", () => {
  const rec = record({ staffId: "001", name: "管理 一郎", role: "manager", done: { "mod-a": "2026-11-10T00:00:00.000Z", "mod-b": "2026-11-11T00:00:00.000Z" } });
  const r = report({ rosterText: ROSTER, records: [rec], declared: DECLARED, filters: { assignment: ALL_STAFF } });
  assert.deepStrictEqual(r.view.columns, [0, 1]);
  assert.strictEqual(r.view.rows.length, 3);
  const m = r.byName["管理 一郎"];
  assert.deepStrictEqual([m.done, m.total, m.state], [2, 2, "完了"]);
  assert.deepStrictEqual(m.cells.slice(2), ["", "", "", "", ""]);
  const onlyManagers = report({ rosterText: ROSTER, records: [rec], declared: DECLARED, filters: { assignment: MANAGERS } });
  assert.deepStrictEqual(onlyManagers.view.rows.map((x) => x.name), ["管理 一郎"]);
  assert.strictEqual(onlyManagers.view.columns.length, 7);
  // The unfiltered rows are left as they were.
  assert.deepStrictEqual(r.all.find((x) => x.name === "管理 一郎").total, 7);
});

test("filters by 所属, 役割 and 状態, and 名簿にない", () => {
  const recs = [record({ staffId: "001", name: "管理 一郎" }), record({ staffId: "999", name: "外の人", section: "外部" })];
  const f = (filters) => report({ rosterText: ROSTER, records: recs, declared: DECLARED, filters }).view.rows.map((x) => x.name);
  assert.deepStrictEqual(f({ section: "職員課" }), ["人事 花子"]);
  assert.deepStrictEqual(f({ role: "管理職" }), ["管理 一郎"]);
  assert.deepStrictEqual(f({ state: "未提出" }).sort(), ["人事 花子", "全員 太郎"].sort());
  assert.deepStrictEqual(f({ state: "名簿にない" }), ["外の人"]);
});

test("rates: people counted once by 所属 and 役割, by module per given module; records not on the roster left out", () => {
  const recs = [record({ staffId: "003", name: "全員 太郎", done: { "mod-a": "2026-11-10T00:00:00.000Z", "mod-b": "2026-11-10T00:00:00.000Z" } }), record({ staffId: "999", name: "外" })];
  const r = report({ rosterText: ROSTER, records: recs, declared: DECLARED });
  const t = r.rates.total;
  assert.deepStrictEqual([t.total, t["完了"], t["未完了"], t["期限超過"], t["未提出"]], [3, 1, 0, 0, 2]);
  assert.deepStrictEqual(r.rates.byKind["役割"].map((g) => g.name), ["全職員", "管理職", "人事担当"]); // the site's order
  assert.deepStrictEqual(r.rates.byKind["所属"].map((g) => g.name), ["福祉課", "総務課", "職員課"].sort());
  assert.strictEqual(model.percent(1, 3), "33.3%");
  assert.strictEqual(model.percent(0, 0), "—");
  assert.strictEqual(model.percentNumber(2, 3), 66.7);
  assert.strictEqual(model.percentNumber(1, 0), "");
});

test("summarise: 対象なし, 未提出, 完了, 期限超過, 未完了", () => {
  assert.deepStrictEqual(model.summarise(["", ""], "提出済み"), { done: 0, total: 0, state: "対象なし" });
  assert.deepStrictEqual(model.summarise(["未提出", ""], "未提出"), { done: 0, total: 1, state: "未提出" });
  assert.deepStrictEqual(model.summarise(["完了", "完了"], "提出済み"), { done: 2, total: 2, state: "完了" });
  assert.deepStrictEqual(model.summarise(["完了", "期限超過", "未完了"], "提出済み"), { done: 1, total: 3, state: "期限超過" });
  assert.deepStrictEqual(model.summarise(["完了", "未完了"], "名簿にない"), { done: 1, total: 2, state: "未完了" });
});

test("sortRows: by a column, either way, ties in the report's order", () => {
  const rows = [
    { name: "い", staffId: "2", sort: "0b", state: "完了", done: 1, total: 1, cells: ["完了"], days: 3, kind: "提出済み", group: { exported: "2026-11-20T00:00:00Z" } },
    { name: "あ", staffId: "10", sort: "0a", state: "期限超過", done: 0, total: 1, cells: ["期限超過"], days: null, kind: "未提出", group: null },
    { name: "う", staffId: "3", sort: "0c", state: "完了", done: 1, total: 2, cells: [""], days: 1, kind: "提出済み", group: { exported: "2026-11-25T00:00:00Z" } },
  ];
  const names = (key, desc) => model.sortRows(rows, key, desc).map((r) => r.name);
  assert.deepStrictEqual(names("name"), ["あ", "い", "う"]);
  assert.deepStrictEqual(names("name", true), ["う", "い", "あ"]);
  assert.deepStrictEqual(names("state"), ["あ", "い", "う"]); // 期限超過 first; 完了 ties keep order
  assert.deepStrictEqual(names("state", true), ["い", "う", "あ"]);
  assert.deepStrictEqual(names("progress"), ["あ", "う", "い"]);
  assert.deepStrictEqual(names("exported"), ["あ", "い", "う"]);
  assert.deepStrictEqual(names("days"), ["う", "い", "あ"]);
  assert.deepStrictEqual(names("kind"), ["あ", "い", "う"]);
  assert.deepStrictEqual(names("m0"), ["あ", "い", "う"]);
  assert.deepStrictEqual(names("staffId"), ["あ", "い", "う"]); // text order: "10" < "2"
  assert.deepStrictEqual(rows.map((r) => r.name), ["い", "あ", "う"]); // not sorted in place
});

test("mergeRuns and bySortKey: two sorted runs make one", () => {
  const a = [{ sort: "a" }, { sort: "c" }];
  const b = [{ sort: "b" }, { sort: "d" }, { sort: "e" }];
  assert.deepStrictEqual(model.mergeRuns(a, b).map((x) => x.sort), ["a", "b", "c", "d", "e"]);
  assert.deepStrictEqual(model.mergeRuns([], b).map((x) => x.sort), ["b", "d", "e"]);
  assert.strictEqual(model.bySortKey({ sort: "a" }, { sort: "b" }), -1);
});

test("ageDays and ageText: calendar days in JST from export to the 基準日", () => {
  const ref = Date.UTC(2026, 10, 27);
  assert.strictEqual(model.ageDays("2026-11-25T00:00:00.000Z", ref), 2);
  assert.strictEqual(model.ageDays("2026-11-26T15:30:00.000Z", ref), 0); // 00:30 on the 27th in Japan
  assert.strictEqual(model.ageDays("2026-11-28T00:00:00.000Z", ref), -1);
  assert.deepStrictEqual([0, 2, -1, null].map(model.ageText), ["基準日の当日", "基準日の2日前", "基準日より1日後", ""]);
});

test("CSV rows: the table, the detail (one row a given module), the rates with an honest total label, the files", () => {
  const rec = record({ staffId: "001", name: "管理 一郎", role: "manager", exported: "2026-11-25T00:00:00.000Z", done: { "mod-a": "2026-11-10T00:00:00.000Z" } });
  const r = report({ rosterText: ROSTER, records: [rec], declared: DECLARED });
  const time = require("../../engine/dxcourse/assets/csv.js").excelTime;
  const people = model.peopleCsv(r.view, r.columns, r.titles, AS_OF, time);
  assert.deepStrictEqual(people[0], ["職員番号", "氏名", "所属", "役割", "提出", "状態", "完了数", "対象数", "書き出し日時", "記録の古さ(日)", "A", "B", "C", "D", "E", "F", "G", "基準日"]);
  const hr = people.find((x) => x[1] === "人事 花子");
  assert.deepStrictEqual(hr, ["002", "人事 花子", "職員課", "人事担当", "未提出", "不明(未提出)", "", 2, "", "", "未提出", "未提出", "対象外", "対象外", "対象外", "対象外", "対象外", AS_OF]);
  const m = people.find((x) => x[1] === "管理 一郎");
  assert.deepStrictEqual(m.slice(5, 10), ["期限超過", 1, 7, "2026/11/25 09:00", 2]);

  const detail = model.detailCsv(r.view, r.columns, r.titles, AS_OF, time);
  assert.strictEqual(detail.filter((x) => x[1] === "管理 一郎").length, 7);
  assert.deepStrictEqual(detail.filter((x) => x[1] === "人事 花子").map((x) => [x[5], x[7], x[8]]), [["mod-a", "未提出", "2026-12-01"], ["mod-b", "未提出", "2026-12-01"]]);
  const a = detail.find((x) => x[1] === "管理 一郎" && x[5] === "mod-a");
  assert.deepStrictEqual(a.slice(7, 18), ["完了", "2026-11-20", "2026/11/10 09:00", "2026/11/10 09:00", 3, 3, 0, 2, 3, 3, "合格"]);

  const rates = model.ratesCsv(r.rates, model.totalLabel(r.f, true, r.known), AS_OF);
  assert.deepStrictEqual(rates[1], ["全体", "名簿の全員", 3, 0, 0, 1, 2, 0, AS_OF]);
  assert.deepStrictEqual(rates.slice(1).map((x) => x[0]), ["全体", "所属", "所属", "所属", "モジュール", "モジュール", "モジュール", "モジュール", "モジュール", "モジュール", "モジュール", "役割", "役割", "役割"]);
  assert.strictEqual(model.totalLabel({ section: "職員課", role: "", state: "", assignment: ALL_STAFF }, true, r.known), `絞り込んだ人(受講指示 ${ALL_STAFF}(全職員研修)、所属 職員課)`);
  assert.strictEqual(model.totalLabel({}, false, r.known), "記録の届いた全員");

  const files = model.filesCsv([{ name: "a.json", result: "集計", reason: "", staffId: "001", personName: "管理", exported: "2026-11-25T00:00:00.000Z" }, { name: "b.txt", result: "読まず", reason: "JSONファイルではない" }], time);
  assert.deepStrictEqual(files, [["ファイル", "結果", "理由", "職員番号", "氏名", "書き出し日時"], ["a.json", "集計", "", "001", "管理", "2026/11/25 09:00"], ["b.txt", "読まず", "JSONファイルではない", "", "", ""]]);
});

test("moduleColumns: catalog order, then ids the site no longer has", () => {
  const rec = record({ assignments: [{ code: ALL_STAFF, name: "", section: "", due: "2026-12-01", modules: ["zz-gone", "mod-b", "aa-gone"] }] });
  const r = report({ records: [rec] });
  assert.deepStrictEqual(r.columns, ["mod-b", "aa-gone", "zz-gone"]);
});
