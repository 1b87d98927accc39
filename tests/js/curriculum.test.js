// The assignment code and dates (engine/dxcourse/assets/curriculum.js): what the browser test used to
// check in Chromium, exhaustively here.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const cur = require("../../engine/dxcourse/assets/curriculum.js");

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

test("a code carries its due date and module numbers, and reads back", () => {
  for (const [numbers, due] of [[[1], "2020-01-01"], [[8, 10], "2026-12-25"], [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "2199-06-06"], [[64], "2030-06-30"]]) {
    const code = cur.encode(numbers, due);
    assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
    assert.deepStrictEqual(cur.decode(code), { code, due, numbers });
  }
  assert.throws(() => cur.encode([1], "2019-12-31"), /out of range/);
  assert.throws(() => cur.encode([1], "2199-06-07"), /out of range/); // 16 bits of days: the form stops at 2199-06-06
  assert.throws(() => cur.encode([1], "2026-02-30"), /bad due date/);
});

test("every single mistyped character and every swap of neighbours is caught, but 0 and Z", () => {
  for (const code of [cur.encode([8, 10], "2026-12-25"), cur.encode([1, 3, 5, 7, 9], "2027-03-31")]) {
    const chars = code.replace(/-/g, "");
    let checked = 0;
    for (let i = 0; i < chars.length; i++) {
      for (const c of ALPHABET) {
        if (c === chars[i]) continue;
        const typo = chars.slice(0, i) + c + chars.slice(i + 1);
        assert.ok(cur.decode(typo).error, typo);
        checked++;
      }
      if (i < chars.length - 1 && chars[i] !== chars[i + 1] && !(new Set([chars[i], chars[i + 1]]).size === 2 && [chars[i], chars[i + 1]].sort().join("") === "0Z")) {
        const swap = chars.slice(0, i) + chars[i + 1] + chars[i] + chars.slice(i + 2);
        assert.ok(cur.decode(swap).error, swap);
        checked++;
      }
    }
    assert.ok(checked > 100);
  }
});

test("input is forgiving: case, spaces, hyphens, full-width forms, O for 0 and I or L for 1", () => {
  const code = cur.encode([8, 10], "2026-12-25");
  const fullWidth = [...code.toLowerCase()].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");
  assert.strictEqual(cur.decode(fullWidth).due, "2026-12-25");
  assert.strictEqual(cur.decode(" " + code.replace(/-/g, " ") + " ").code, code);
  assert.strictEqual(cur.normalize("o-i l"), "011");
});

test("plain messages for empty, short, long, foreign characters and another version", () => {
  assert.match(cur.decode("").error, /コードを入力してください/);
  assert.match(cur.decode("44Z").error, /短すぎます/);
  assert.match(cur.decode("4".repeat(41)).error, /長すぎます/);
  assert.match(cur.decode("44ZD-Z2U").error, /使えない文字「U」/);
});

test("dates: ISO only, real days; states by the due day", () => {
  assert.strictEqual(cur.isoDate(cur.parseDate("2026-02-28")), "2026-02-28");
  assert.strictEqual(cur.parseDate("2026-02-29"), null);
  assert.strictEqual(cur.parseDate("2026/02/28"), null);
  assert.strictEqual(cur.state(true, "2026-01-01", "2026-12-31"), "完了");
  assert.strictEqual(cur.state(false, "2026-12-01", "2026-12-01"), "未完了"); // the due day itself
  assert.strictEqual(cur.state(false, "2026-12-01", "2026-12-02"), "期限超過");
  assert.strictEqual(cur.state(false, "", "2026-12-02"), "未完了");
});

test("staffId: NFKC, trimmed, 1–20 of [0-9A-Za-z-], with a plain message otherwise", () => {
  assert.deepStrictEqual(cur.staffId(" ００１２３ "), { value: "00123" });
  assert.match(cur.staffId("").error, /入力してください/);
  assert.match(cur.staffId("1".repeat(21)).error, /20文字まで/);
  assert.match(cur.staffId("12 34").error, /数字・英字・ハイフンだけ/);
});
