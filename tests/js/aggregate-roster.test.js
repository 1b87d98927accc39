// The staff roster (engine/dxcourse/assets/aggregate-roster.js): Excel's CSV, headers as people write them,
// rows refused with their line, codes, ids Excel mangled; matching records to people.
// Shift_JIS decoding is the browser's (TextDecoder): tests/browser/test_report.py reads a cp932 roster.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const rosterLib = require("../../engine/dxcourse/assets/aggregate-roster.js");
const merge = require("../../engine/dxcourse/assets/aggregate-merge.js");
const { cur, code, record, ROLES } = require("./helpers.js");

const parse = (text) => rosterLib.parseRosterText(text, ROLES, cur);

test("parseCsv: quotes, doubled quotes, line breaks inside quotes, CRLF, LF, no last newline", () => {
  const out = rosterLib.parseCsv('a,"b,c","say ""hi"""\r\n"two\nlines",x\ny,');
  assert.deepStrictEqual(out.rows, [
    { line: 1, cells: ["a", "b,c", 'say "hi"'] },
    { line: 2, cells: ["two\nlines", "x"] },
    { line: 4, cells: ["y", ""] },
  ]);
  assert.deepStrictEqual(rosterLib.parseCsv("").rows, []);
  assert.deepStrictEqual(rosterLib.parseCsv("a\r\n\r\nb").rows.map((r) => r.cells), [["a"], [""], ["b"]]);
  assert.strictEqual(rosterLib.parseCsv('a,b\r\n"open,c\r\n').error, "2行目で始まる「\"」が閉じていません。");
  // A quote inside an unquoted field is text.
  assert.deepStrictEqual(rosterLib.parseCsv('ab"c,d').rows[0].cells, ['ab"c', "d"]);
});

test("findColumns: exact headers first, then prefixes, after NFKC, case, spaces and a bracketed note", () => {
  assert.deepStrictEqual(rosterLib.findColumns(["職員番号", "氏名", "所属", "役割", "受講指示コード"]), { staffId: 0, name: 1, section: 2, role: 3, codes: 4 });
  assert.deepStrictEqual(rosterLib.findColumns(["職員番号(必須)", " 氏名 ", "所属名", "ロール"]), { staffId: 0, name: 1, section: 2, role: 3 });
  assert.deepStrictEqual(rosterLib.findColumns(["ＩＤ", "Name", "課名"]), { staffId: 0, name: 1, section: 2 });
  // 「番号」 is exact for the id; 「職員番号」 wins as exact over a prefix match elsewhere.
  assert.deepStrictEqual(rosterLib.findColumns(["番号の備考", "職員番号", "氏名"]).staffId, 1);
  assert.strictEqual(rosterLib.findColumns(["メモ"]).staffId, undefined);
});

test("a roster: people, their roles by name or id, a role the site lacks kept as written", () => {
  const r = parse("職員番号,氏名,所属,役割\r\n00101,山田 花子,総務部 職員課,人事担当\r\n00102,佐藤 一郎,デジタル推進課,manager\r\n00103,鈴木 次郎,福祉課,係長\r\n");
  assert.deepStrictEqual(
    r.people.map((p) => [p.staffId, p.name, p.section, p.role, p.roleText, p.line]),
    [
      ["00101", "山田 花子", "総務部 職員課", "hr", "", 2],
      ["00102", "佐藤 一郎", "デジタル推進課", "manager", "", 3],
      ["00103", "鈴木 次郎", "福祉課", "", "係長", 4],
    ]
  );
  assert.deepStrictEqual(r.problems, []);
  assert.deepStrictEqual(r.notes, ["4行目: 役割「係長」はこのサイトの役割にありません。書かれたとおりに表示します。"]);
  assert.strictEqual(r.byId.get("00102").name, "佐藤 一郎");
  assert.strictEqual(r.hasCodes, false);
});

test("the header may be below a title; without one in the first five rows the roster is refused", () => {
  const r = parse("令和8年度 職員名簿\r\n\r\n,,\r\n職員番号,氏名\r\n1,A\r\n");
  assert.deepStrictEqual(r.people.map((p) => p.staffId), ["1"]);
  assert.match(parse("a,b\r\n1,2\r\n").error, /見出しの行\(職員番号・氏名\)が、はじめの5行に見つかりません/);
  assert.match(parse('職員番号,氏名\r\n"1,A\r\n').error, /2行目で始まる「"」が閉じていません。 Excel で保存し直してください。/);
});

test("rows without an id or a name, with a bad or a repeated id, are refused with their line", () => {
  const r = parse("職員番号,氏名\r\n,名無し\r\n12 34,空白\r\n001,A\r\n001,B\r\n002,\r\n" + "9".repeat(21) + ",長い\r\n");
  assert.deepStrictEqual(r.problems, [
    "2行目: 職員番号がありません。この行は読み込みませんでした。",
    "3行目: 職員番号「12 34」に使えない文字があるか、長すぎます(半角の英数字とハイフン、20文字まで)。この行は読み込みませんでした。",
    "5行目: 職員番号 001 は 4行目と同じです。先の行だけを使いました。",
    "6行目: 氏名がありません(職員番号 002)。この行は読み込みませんでした。",
    "7行目: 職員番号「" + "9".repeat(21) + "」に使えない文字があるか、長すぎます(半角の英数字とハイフン、20文字まで)。この行は読み込みませんでした。",
  ]);
  assert.deepStrictEqual(r.people.map((p) => p.name), ["A"]);
});

test("ids as this site's CSVs write them (=\"00123\") and full-width ids read back as typed", () => {
  const r = parse('職員番号,氏名\r\n"=""00123""",A\r\n\'00124,B\r\n００１２５,C\r\n');
  assert.deepStrictEqual(r.people.map((p) => p.staffId), ["00123", "00124", "00125"]);
});

test("the 受講指示コード column: several codes a cell, forgiving input, bad codes noted", () => {
  const a = code([1, 2], "2026-12-01");
  const b = code([3], "2027-01-29");
  const r = parse(`職員番号,氏名,受講指示コード\r\n1,A,"${a}、${b.toLowerCase()}"\r\n2,B,${a} XXXX-XXXX\r\n3,C,\r\n`);
  assert.deepStrictEqual(r.people.map((p) => p.codes), [[a, b], [a], []]);
  assert.strictEqual(r.hasCodes, true);
  assert.deepStrictEqual(r.notes, ["3行目: 受講指示コード「XXXX-XXXX」は正しいコードではありません。打ち間違いがないか、受講指示書と見比べてください。"]);
  assert.deepStrictEqual(rosterLib.splitCodes(`${a};${a}`, cur).codes, [a]);
});

test("digits: an id whose leading zeros Excel dropped can still be found, unless two share it", () => {
  const r = parse("職員番号,氏名\r\n00123,A\r\n0456,B\r\n456,C\r\nA-1,D\r\n");
  assert.strictEqual(r.digits.get("123").name, "A");
  assert.strictEqual(r.digits.get("456"), null); // 0456 and 456: ambiguous
  assert.strictEqual(r.digits.has("A-1"), false);
});

test("decodeRoster: a BOM means Excel's CSV UTF-8; valid UTF-8 is UTF-8; UTF-16 is refused", () => {
  const utf8 = Buffer.from("\ufeff職員番号,氏名\r\n1,髙橋\r\n", "utf8");
  assert.deepStrictEqual(rosterLib.decodeRoster(utf8), { text: "職員番号,氏名\r\n1,髙橋\r\n", encoding: "UTF-8(Excel の「CSV UTF-8」)" });
  assert.strictEqual(rosterLib.decodeRoster(Buffer.from("id,name\r\n", "utf8")).encoding, "UTF-8");
  assert.match(rosterLib.decodeRoster(Buffer.from([0xff, 0xfe, 0x41, 0x00])).error, /Unicode テキスト/);
  assert.match(rosterLib.decodeRoster(Buffer.from([0xfe, 0xff, 0x00, 0x41])).error, /Unicode テキスト/);
  const whole = rosterLib.parseRoster(utf8, ROLES, cur);
  assert.strictEqual(whole.people[0].name, "髙橋");
  assert.strictEqual(whole.encoding, "UTF-8(Excel の「CSV UTF-8」)");
  assert.match(rosterLib.parseRoster(Buffer.from([0xff, 0xfe]), ROLES, cur).error, /Unicode/);
});

function groupsOf(records) {
  const groups = new Map();
  records.forEach((r, i) => merge.addRecord(groups, r, `f${i}.json`));
  return groups;
}

test("match: roster people with their records, 未提出, then records not on the roster", () => {
  const roster = parse("職員番号,氏名,所属\r\n00101,山田 花子,職員課\r\n00102,佐藤 一郎,企画課\r\n123,鈴木 次郎,福祉課\r\n");
  const groups = groupsOf([
    record({ staffId: "00101" }),
    record({ staffId: "00123", name: "鈴木 次郎" }), // Excel dropped the roster's zeros
    record({ staffId: "99999", name: "田中" }),
    record({ version: 1, name: "伊藤", section: "企画課" }),
  ]);
  const { list, zerosLost } = rosterLib.match(roster, groups);
  assert.deepStrictEqual(list.map((e) => [e.p.name, e.kind]), [
    ["山田 花子", "提出済み"],
    ["佐藤 一郎", "未提出"],
    ["鈴木 次郎", "提出済み"],
    ["田中", "名簿にない"],
    ["伊藤", "名簿にない"],
  ]);
  assert.strictEqual(zerosLost, 1);
  assert.strictEqual(list[1].g, null);
  assert.strictEqual(list[2].g.staffId, "00123");
});

test("match without a roster: everyone who sent a record", () => {
  const { list, zerosLost } = rosterLib.match(null, groupsOf([record({ staffId: "1" }), record({ staffId: "2" })]));
  assert.deepStrictEqual(list.map((e) => [e.p.staffId, e.kind]), [["1", "提出済み"], ["2", "提出済み"]]);
  assert.strictEqual(zerosLost, 0);
});

test("a mistyped 職員番号: one character off or two neighbours swapped, the same 所属 first", () => {
  assert.ok(rosterLib.oneSlip("01243", "01234"));
  assert.ok(rosterLib.oneSlip("01235", "01234"));
  assert.ok(!rosterLib.oneSlip("01234", "01234"));
  assert.ok(!rosterLib.oneSlip("02143", "01234"));
  assert.ok(!rosterLib.oneSlip("0123", "01234"));
  const roster = parse("職員番号,氏名,所属\r\n01234,山田,職員課\r\n01244,佐藤,企画課\r\n01233,鈴木,職員課\r\n01243,提出済,職員課\r\n");
  const groups = groupsOf([record({ staffId: "01243" }), record({ staffId: "01242", section: "職員課" })]);
  const { list } = rosterLib.match(roster, groups);
  // 01243 is one slip away but has submitted; 01244 (another 所属) is the one left.
  assert.deepStrictEqual(rosterLib.likelyMeant("01242", "職員課", list).map((p) => p.name), ["佐藤"]);
  assert.deepStrictEqual(rosterLib.likelyMeant("01234", "職員課", []).length, 0);
  const other = groupsOf([record({ staffId: "01224", section: "職員課" })]);
  const m2 = rosterLib.match(roster, other).list;
  assert.deepStrictEqual(rosterLib.likelyMeant("01224", "職員課", m2).map((p) => p.staffId), ["01234", "01244"]);
  assert.deepStrictEqual(rosterLib.likelyMeant("01214", "企画課", m2).map((p) => p.staffId), ["01244", "01234"]); // same 所属 first
  assert.deepStrictEqual(rosterLib.likelyMeant("", "職員課", m2), []);
});
