// CSV for Japanese Excel (engine/dxcourse/assets/csv.js): quoting, the formula guard, ids kept as text,
// one date format, JST times. LibreOffice Calc opens the real files in tests/browser/test_report.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { csv, field, cellText, excelTime, excelDate } = require("../../engine/dxcourse/assets/csv.js");

test("a file is UTF-8 with a BOM, CRLF line ends and every field quoted", () => {
  const text = csv([["a", "b"], ["1", 2]]);
  assert.strictEqual(text, '\ufeff"a","b"\r\n"1","2"\r\n');
  assert.strictEqual(csv([]), "\ufeff\r\n");
});

test("quotes are doubled; line breaks and commas stay inside the field", () => {
  assert.strictEqual(field('say "hi"'), '"say ""hi"""');
  assert.strictEqual(field("a,b\r\nc"), '"a,b\r\nc"');
});

test("empty values are empty fields; numbers are written as they are", () => {
  assert.strictEqual(field(null), '""');
  assert.strictEqual(field(undefined), '""');
  assert.strictEqual(field(""), '""');
  assert.strictEqual(field(0), '"0"');
  assert.strictEqual(field(25.5), '"25.5"');
  assert.strictEqual(field(-3), '"-3"'); // a number, not text that could be a formula
  assert.strictEqual(field(true), '"true"');
});

test("text starting with = + - @ tab or CR is never run as a formula", () => {
  for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
    const text = start + "SUM(A1:A9)";
    assert.strictEqual(field(text), '"\'' + text.replace(/"/g, '""') + '"', JSON.stringify(start));
  }
  assert.strictEqual(field('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.strictEqual(field("a=b"), '"a=b"');
});

test("a 職員番号 column keeps every id as text: =\"00123\"", () => {
  const text = csv([["職員番号", "氏名"], ["00123", "山田"], ["123", "佐藤"], ["A-01", "鈴木"], ["-12", "ハイフン"], ["", "なし"]]);
  const lines = text.slice(1).split("\r\n");
  assert.deepStrictEqual(lines.slice(1, 6), [
    '"=""00123""","山田"',
    '"=""123""","佐藤"',
    '"=""A-01""","鈴木"',
    '"=""-12""","ハイフン"', // the text form, not the guard's '
    '"","なし"',
  ]);
  // The header itself stays plain.
  assert.strictEqual(lines[0], '"職員番号","氏名"');
});

test("outside an id column, digits with a leading zero or past 15 digits are kept as text", () => {
  const rows = [["メモ"], ["0123"], ["1234567890123456"], ["123"], ["0"], ["0.5"]];
  const lines = csv(rows).slice(1).split("\r\n");
  assert.deepStrictEqual(lines.slice(1, 6), ['"=""0123"""', '"=""1234567890123456"""', '"123"', '"0"', '"0.5"']);
});

test("an id with characters a formula string cannot hold is written plain (and guarded)", () => {
  const lines = csv([["職員番号"], ['12"3'], ["=1+1"], ["12 3"]]).slice(1).split("\r\n");
  assert.deepStrictEqual(lines.slice(1, 4), ['"12""3"', '"\'=1+1"', '"12 3"']);
});

test("dates: YYYY-MM-DD cells become YYYY/MM/DD, one format with the times", () => {
  assert.strictEqual(field("2027-01-29"), '"2027/01/29"');
  assert.strictEqual(field("2027-1-29"), '"2027-1-29"'); // not a full ISO date: left alone
  assert.strictEqual(field("2026/11/27 09:47"), '"2026/11/27 09:47"');
  assert.strictEqual(field("2027-01-29T00:00:00Z"), '"2027-01-29T00:00:00Z"');
});

test("cellText reads back what this writer and Excel write", () => {
  assert.strictEqual(cellText('="00123"'), "00123");
  assert.strictEqual(cellText(' ="00123" '), "00123");
  assert.strictEqual(cellText('="a""b"'), 'a"b');
  assert.strictEqual(cellText("'00123"), "00123");
  assert.strictEqual(cellText("00123"), "00123");
  assert.strictEqual(cellText(""), "");
  assert.strictEqual(cellText(undefined), "");
  assert.strictEqual(cellText('=SUM(A1)'), "=SUM(A1)");
});

test("times are JST, minutes, on any PC clock; missing or bad times are empty", () => {
  assert.strictEqual(excelTime("2026-11-26T21:21:00.000Z"), "2026/11/27 06:21");
  assert.strictEqual(excelTime("2026-12-31T15:00:00Z"), "2027/01/01 00:00");
  assert.strictEqual(excelTime("2026-11-27T09:47:59+09:00"), "2026/11/27 09:47");
  assert.strictEqual(excelTime(""), "");
  assert.strictEqual(excelTime(null), "");
  assert.strictEqual(excelTime("yesterday"), "");
});

test("excelDate writes an ISO date with slashes, and nothing for anything else", () => {
  assert.strictEqual(excelDate("2026-11-27"), "2026/11/27");
  assert.strictEqual(excelDate("2026/11/27"), "");
  assert.strictEqual(excelDate(undefined), "");
});
