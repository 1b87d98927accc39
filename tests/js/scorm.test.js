// The SCORM runtime's decisions (engine/dxcourse/assets/scorm.js), without a browser or an LMS.
// Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const scorm = require("../../engine/dxcourse/assets/scorm.js");

const MODULE = "why-us-first";
const AT = "2026-12-01T09:30:00.000Z";
// What the module's spec lists (DX.curriculum.status(spec).parts): its checklist items, trees
// and reflections. Its self-check and read marks are its own by their keys.
const OWNED = {
  "checklist/step-0/why-us-first": true,
  "tree/rpa-now": true,
  [`reflection/${MODULE}/my-common-sense`]: true,
  [`reflection/${MODULE}/a`]: true,
  [`reflection/${MODULE}/b`]: true,
};

function entries(values) {
  const out = {};
  for (const key of Object.keys(values)) out[key] = { value: values[key], at: AT };
  return out;
}

test("suspend data round-trips the module's own keys, with Japanese text byte for byte", () => {
  const text = "「窓口」〜①② で同じことを書いてもらう😀";
  const values = {
    "checklist/step-0/why-us-first": true,
    "tree/rpa-now": { outcome: "stop-for-now", answers: "q1.yes/q2.no" },
    [`reflection/${MODULE}/my-common-sense`]: text,
    [`read/${MODULE}/steps-step-0`]: true,
    [`selfcheck/${MODULE}`]: { score: 2, max: 3, passed: true, answers: { q1: "b" } },
    "checklist/step-1/look-ahead": true, // another module's: not sent
    "profile/name": "山田", // never sent
  };
  const packed = scorm.packSuspend(entries(values), MODULE, OWNED, 4096);
  assert.strictEqual(packed.trimmed, false);
  assert.ok(packed.text.startsWith(scorm.SUSPEND_VERSION + "{"));
  assert.ok(!packed.text.includes("山田"));
  const items = scorm.unpackSuspend(packed.text, MODULE);
  assert.deepStrictEqual(Object.keys(items).sort(), Object.keys(values).filter((k) => !k.startsWith("profile/") && k !== "checklist/step-1/look-ahead").sort());
  assert.strictEqual(items[`reflection/${MODULE}/my-common-sense`].value, text);
  assert.strictEqual(items[`reflection/${MODULE}/my-common-sense`].at, AT);
  assert.deepStrictEqual(items["tree/rpa-now"].value, values["tree/rpa-now"]);
});

test("at the 4,096-character limit the longest reflection is shortened, and only it", () => {
  const long = "あ".repeat(5000);
  const short = "い".repeat(300);
  const packed = scorm.packSuspend(
    entries({ [`reflection/${MODULE}/a`]: long, [`reflection/${MODULE}/b`]: short, "checklist/step-0/why-us-first": true }),
    MODULE,
    OWNED,
    4096
  );
  assert.strictEqual(packed.trimmed, true);
  assert.ok(packed.text.length <= 4096, String(packed.text.length));
  assert.ok(packed.text.length > 4000, "cut no more than needed: " + packed.text.length);
  const items = scorm.unpackSuspend(packed.text, MODULE);
  assert.strictEqual(items[`reflection/${MODULE}/b`].value, short);
  assert.ok(/^あ+$/.test(items[`reflection/${MODULE}/a`].value));
  assert.strictEqual(items["checklist/step-0/why-us-first"].value, true);
});

test("a text that fits exactly is not touched; one more character makes it shorten", () => {
  const base = scorm.packSuspend(entries({ [`reflection/${MODULE}/a`]: "" }), MODULE, OWNED, 4096).text.length;
  const exact = "う".repeat(4096 - base);
  const fits = scorm.packSuspend(entries({ [`reflection/${MODULE}/a`]: exact }), MODULE, OWNED, 4096);
  assert.strictEqual(fits.text.length, 4096);
  assert.strictEqual(fits.trimmed, false);
  const over = scorm.packSuspend(entries({ [`reflection/${MODULE}/a`]: exact + "え" }), MODULE, OWNED, 4096);
  assert.strictEqual(over.trimmed, true);
  assert.strictEqual(over.text.length, 4096);
});

test("shortening never splits an emoji, and never empties an answer", () => {
  const emoji = "😀".repeat(3000); // 6,000 UTF-16 units
  const packed = scorm.packSuspend(entries({ [`reflection/${MODULE}/a`]: emoji }), MODULE, OWNED, 4096);
  assert.ok(packed.text.length <= 4096);
  const value = scorm.unpackSuspend(packed.text, MODULE)[`reflection/${MODULE}/a`].value;
  assert.ok(value.length > 0 && value.length % 2 === 0);
  assert.ok(/^(\u{1F600})+$/u.test(value), "only whole emoji");
});

test("data that cannot fit even with every answer shortened is refused, not cut", () => {
  const many = {};
  for (let i = 0; i < 600; i++) many[`checklist/step-0/item-${i}`] = true;
  const owned = Object.fromEntries(Object.keys(many).map((k) => [k, true]));
  const packed = scorm.packSuspend(entries(many), MODULE, owned, 4096);
  assert.strictEqual(packed.text, null);
});

test("corrupt or foreign suspend data gives a Japanese reason", () => {
  for (const [text, reason] of [
    ["", /空/],
    ["2{}", /形式ではありません/],
    ['1{"c:step-0/why-us-first":["a",tr', /壊れています/],
    ["1[]", /形式が違います/],
    ["1null", /形式が違います/],
  ]) {
    assert.throws(() => scorm.unpackSuspend(text, MODULE), (error) => reason.test(error.message), text);
  }
  // Entries that are not [time, value] are dropped, the rest kept.
  const items = scorm.unpackSuspend('1{"c:step-0/a":["1",true],"c:step-0/b":["not time!",true],"c:step-0/c":[1,true],"=":["1",1],"c:step-0/d":["1"]}', MODULE);
  assert.deepStrictEqual(Object.keys(items), ["checklist/step-0/a"]);
});

test("scores never go down: a lower retake is not sent; a better one is", () => {
  const pass = (score, max) => ({ score, max, passed: true });
  assert.strictEqual(scorm.scoreToSend(null, pass(2, 3)), 67);
  assert.strictEqual(scorm.scoreToSend(100, pass(2, 3)), null);
  assert.strictEqual(scorm.scoreToSend(67, pass(2, 3)), null);
  assert.strictEqual(scorm.scoreToSend(67, pass(3, 3)), 100);
  assert.strictEqual(scorm.scoreToSend(60, { score: 2, max: 5, passed: false }), null);
  assert.strictEqual(scorm.scoreToSend(null, { score: 3, max: 5, passed: false }), 60);
  assert.strictEqual(scorm.scoreToSend(null, null), null);
  assert.strictEqual(scorm.scoreToSend(null, { score: "3", max: 5, passed: true }), null);
  assert.strictEqual(scorm.rawScore({ score: 7, max: 5, passed: true }), 100);
});

test("the status only moves up: passed stays passed", () => {
  const pass = { score: 3, max: 3, passed: true };
  const fail = { score: 1, max: 3, passed: false };
  assert.strictEqual(scorm.statusToSend("incomplete", false, pass), null);
  assert.strictEqual(scorm.statusToSend("incomplete", true, pass), "passed");
  assert.strictEqual(scorm.statusToSend("incomplete", true, null), "completed");
  assert.strictEqual(scorm.statusToSend("passed", true, fail), null);
  assert.strictEqual(scorm.statusToSend("completed", true, pass), "passed");
  assert.strictEqual(scorm.statusToSend("passed", true, null), null);
  assert.strictEqual(scorm.statusToSend("not attempted", true, fail), "failed");
  assert.strictEqual(scorm.statusToSend("something odd", true, null), "completed");
});

test("exit is normal once completed or passed, suspend while unfinished", () => {
  assert.strictEqual(scorm.exitFor("passed", "1.2"), "");
  assert.strictEqual(scorm.exitFor("completed", "1.2"), "");
  assert.strictEqual(scorm.exitFor("passed", "2004"), "normal");
  assert.strictEqual(scorm.exitFor("incomplete", "1.2"), "suspend");
  assert.strictEqual(scorm.exitFor("failed", "2004"), "suspend");
  assert.strictEqual(scorm.exitFor("", "1.2"), "suspend");
});

test("lesson mode: review and browse are read as such, anything else as normal", () => {
  assert.strictEqual(scorm.lessonMode("review"), "review");
  assert.strictEqual(scorm.lessonMode(" Review "), "review");
  assert.strictEqual(scorm.lessonMode("browse"), "browse");
  assert.strictEqual(scorm.lessonMode("normal"), "normal");
  assert.strictEqual(scorm.lessonMode(""), "normal");
  assert.strictEqual(scorm.lessonMode(null), "normal");
  assert.strictEqual(scorm.lessonMode("credit"), "normal");
});

test("the idle spell starts at the configured minutes", () => {
  const t0 = Date.UTC(2026, 11, 1, 9, 0);
  assert.strictEqual(scorm.idleSpell(t0, t0 + 479 * 60000, 480), false);
  assert.strictEqual(scorm.idleSpell(t0, t0 + 480 * 60000, 480), true);
  assert.strictEqual(scorm.idleSpell(t0, t0 + 90 * 1000, 1), true);
  assert.strictEqual(scorm.idleSpell(t0, t0 + 10 * 3600000, NaN), false, "no setting: never");
  assert.strictEqual(scorm.idleSpell(t0, t0 + 10 * 3600000, 0), false);
});

test("a 2004 Initialize refused with 104 tells the learner to open the module from the course page", () => {
  assert.match(scorm.initRefusal("2004", "104"), /コースの画面に戻り、そこからこのモジュールを開き直してから学習してください/);
  assert.strictEqual(scorm.initRefusal("1.2", "104"), null);
  assert.strictEqual(scorm.initRefusal("2004", "101"), null);
});
