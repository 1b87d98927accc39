// The completion rule, version 2 (engine/dxcourse/assets/completion.js; the same rule as
// macros/completion.py, held to the same cases by tests/unit/test_completion.py).
"use strict";

process.env.TZ = "Asia/Tokyo"; // before any Date is made: hh:mm below are JST

const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");

const completion = require(path.join(__dirname, "../../engine/dxcourse/assets/completion.js"));
const { statusOf, transition, formatTime, stateClass, later } = completion;

const T1 = "2026-11-20T01:00:00.000Z";
const T2 = "2026-11-21T01:00:00.000Z";
const T3 = "2026-11-22T01:00:00.000Z";

const SPEC = {
  read: ["read/people-and-careers/steps-step-2", "read/people-and-careers/faq-staff-training"],
  trees: ["organization-first"],
  reflections: ["reflection/people-and-careers/first-step"],
  selfcheck: { key: "selfcheck/people-and-careers", passMark: 2, max: 3 },
  checklist: ["checklist/step-2/hr-plan", "checklist/step-2/career-path"],
};

function learningDone(at = T1) {
  return {
    "read/people-and-careers/steps-step-2": { value: true, at },
    "read/people-and-careers/faq-staff-training": { value: true, at },
    "tree/organization-first": { value: { outcome: "rework-hr-plan", label: "計画を見直す", answers: "a.b" }, at },
    "reflection/people-and-careers/first-step": { value: "人事課と話す", at },
    "selfcheck/people-and-careers": { value: { score: 3, max: 3, passed: true, answers: {} }, at: T2 },
  };
}

test("nothing done: incomplete, counts from the spec, no times", () => {
  const st = statusOf(SPEC, {});
  assert.deepStrictEqual(st.learning, { done: 0, total: 5 });
  assert.deepStrictEqual(st.practice, { done: 0, total: 2 });
  assert.strictEqual(st.complete, false);
  assert.strictEqual(st.completedAt, null);
  assert.strictEqual(st.updatedAt, null);
  assert.strictEqual(st.selfCheck, null);
  assert.deepStrictEqual(st.parts.map((p) => p.kind), ["read", "read", "selfcheck", "tree", "reflection", "checklist", "checklist"]);
});

test("every learning activity done: complete at the latest of their times", () => {
  const st = statusOf(SPEC, learningDone());
  assert.strictEqual(st.complete, true);
  assert.strictEqual(st.completedAt, T2);
  assert.strictEqual(st.updatedAt, T2);
  assert.deepStrictEqual(st.selfCheck, { score: 3, max: 3, passMark: 2, passed: true, at: T2 });
  assert.strictEqual(st.parts.find((p) => p.kind === "tree").label, "計画を見直す");
});

test("practice never completes a module, and ticking it later moves only updatedAt", () => {
  const practice = { "checklist/step-2/hr-plan": { value: true, at: T3 }, "checklist/step-2/career-path": { value: true, at: T3 } };
  assert.strictEqual(statusOf(SPEC, practice).complete, false);
  const st = statusOf(SPEC, { ...learningDone(), ...practice });
  assert.strictEqual(st.complete, true);
  assert.strictEqual(st.completedAt, T2);
  assert.strictEqual(st.updatedAt, T3);
  assert.deepStrictEqual(st.practice, { done: 2, total: 2 });
});

test("a failed self-check, a blank reflection, an unmarked page or a tree without outcome keep it open", () => {
  const failed = { ...learningDone(), "selfcheck/people-and-careers": { value: { score: 1, max: 3, passed: false }, at: T2 } };
  assert.strictEqual(statusOf(SPEC, failed).complete, false);
  assert.deepStrictEqual(statusOf(SPEC, failed).selfCheck, { score: 1, max: 3, passMark: 2, passed: false, at: T2 });
  const blank = { ...learningDone(), "reflection/people-and-careers/first-step": { value: " \n\u3000", at: T3 } };
  assert.deepStrictEqual(statusOf(SPEC, blank).learning, { done: 4, total: 5 });
  const unmarked = { ...learningDone(), "read/people-and-careers/steps-step-2": { value: false, at: T3 } };
  assert.strictEqual(statusOf(SPEC, unmarked).complete, false);
  assert.strictEqual(statusOf(SPEC, unmarked).updatedAt, T3);
  for (const tree of [{ outcome: "" }, { label: "x" }, ["rework"], "rework", null, 1]) {
    const items = { ...learningDone(), "tree/organization-first": { value: tree, at: T1 } };
    assert.strictEqual(statusOf(SPEC, items).complete, false, JSON.stringify(tree));
  }
});

test("values of the wrong type count as not done, never as done", () => {
  const wrong = {
    "read/people-and-careers/steps-step-2": { value: "true", at: T1 },
    "read/people-and-careers/faq-staff-training": { value: 1, at: T1 },
    "selfcheck/people-and-careers": { value: { passed: "yes", score: "3" }, at: T1 },
    "reflection/people-and-careers/first-step": { value: ["答え"], at: T1 },
    "checklist/step-2/hr-plan": { value: {}, at: T1 },
  };
  const st = statusOf(SPEC, wrong);
  assert.deepStrictEqual(st.learning, { done: 0, total: 5 });
  assert.deepStrictEqual(st.practice, { done: 0, total: 2 });
  assert.strictEqual(st.selfCheck, null); // no numeric score: nothing to report
});

test("bad times never win and never throw", () => {
  const items = learningDone();
  items["read/people-and-careers/steps-step-2"] = { value: true, at: "not a time" };
  items["tree/organization-first"].at = 17;
  const st = statusOf(SPEC, items);
  assert.strictEqual(st.complete, true);
  assert.strictEqual(st.completedAt, T2);
  assert.strictEqual(later(null, "x"), null);
  assert.strictEqual(later("x", T1), T1);
  assert.strictEqual(later(T2, T1), T2);
});

test("a spec or record that is missing or malformed gives an empty status", () => {
  for (const items of [null, undefined, 5, "x", []]) {
    const st = statusOf(SPEC, items);
    assert.strictEqual(st.complete, false);
    assert.deepStrictEqual(st.learning, { done: 0, total: 5 });
  }
  const st = statusOf({}, learningDone());
  assert.deepStrictEqual(st.learning, { done: 0, total: 0 });
  assert.strictEqual(st.complete, false); // a module with nothing to learn is never complete
  assert.strictEqual(statusOf(null, {}).complete, false);
});

test("keys that are names of built-in properties find nothing unless the record has them", () => {
  const spec = { read: ["constructor", "__proto__", "toString"], trees: ["hasOwnProperty"], reflections: [], checklist: ["valueOf"] };
  const st = statusOf(spec, {});
  assert.deepStrictEqual(st.learning, { done: 0, total: 4 });
  assert.deepStrictEqual(st.practice, { done: 0, total: 1 });
  const items = JSON.parse('{"constructor": {"value": true, "at": "2026-11-20T01:00:00.000Z"}, "__proto__": {"value": true, "at": "2026-11-20T01:00:00.000Z"}}');
  assert.deepStrictEqual(statusOf(spec, items).learning, { done: 2, total: 4 });
});

test("items may be a function of the key, as the browser's store is", () => {
  const items = learningDone();
  const calls = [];
  const st = statusOf(SPEC, (key) => {
    calls.push(key);
    return items[key];
  });
  assert.strictEqual(st.complete, true);
  assert.ok(calls.includes("tree/organization-first"));
});

test("transition says when a module became complete or was reopened", () => {
  const open = statusOf(SPEC, {});
  const done = statusOf(SPEC, learningDone());
  assert.strictEqual(transition(open, done), "completed");
  assert.strictEqual(transition(done, open), "reopened");
  assert.strictEqual(transition(done, done), "");
  assert.strictEqual(transition(open, open), "");
  assert.strictEqual(transition(null, done), ""); // the first look at a page is no change
  assert.strictEqual(transition(open, null), "");
});

test("formatTime gives the date and local hh:mm, or nothing", () => {
  const day = (d) => d.getFullYear() + "-" + (d.getMonth() + 1) + "-" + d.getDate();
  assert.strictEqual(formatTime("2026-11-20T01:05:00.000Z", day), "2026-11-20 10:05");
  assert.strictEqual(formatTime("2026-11-20T15:00:00.000Z", day), "2026-11-21 00:00"); // JST crosses midnight
  assert.strictEqual(formatTime("2026-11-20T01:05:00.000Z"), "2026年11月20日 10:05"); // without a formatter
  for (const bad of ["", "x", null, undefined, 5, {}]) assert.strictEqual(formatTime(bad, day), "");
});

test("stateClass marks 完了 and 期限超過 only", () => {
  assert.strictEqual(stateClass("完了"), "dx-state dx-state--done");
  assert.strictEqual(stateClass("期限超過"), "dx-state dx-state--overdue");
  assert.strictEqual(stateClass("未完了"), "dx-state");
  assert.strictEqual(stateClass(undefined), "dx-state");
});
