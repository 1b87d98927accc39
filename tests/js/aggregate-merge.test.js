// One person's records merged (engine/dxcourse/assets/aggregate-merge.js): per module the newest change wins.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const merge = require("../../engine/dxcourse/assets/aggregate-merge.js");
const { code, record } = require("./helpers.js");

const T = (day, hour = 0) => `2026-11-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00.000Z`;

test("groupKey: the 職員番号 (NFKC), else name and section", () => {
  assert.strictEqual(merge.groupKey(record({ staffId: "００１" })), "id:001");
  assert.strictEqual(merge.groupKey(record({ staffId: "", name: " 山田  花子", section: "職員課" })), "name:山田 花子\u0000職員課");
  assert.strictEqual(merge.groupKey(record({ version: 1, name: "伊藤", section: "企画課" })), "name:伊藤\u0000企画課");
});

test("two PCs: each module takes the entry changed last, whatever the order of reading", () => {
  const pc1 = record({ done: { "mod-a": T(19) }, updated: { "mod-b": T(18) }, exported: T(20) });
  const pc2 = record({ done: { "mod-b": T(24) }, exported: T(25) });
  for (const order of [[pc1, pc2], [pc2, pc1]]) {
    const groups = new Map();
    order.forEach((r, i) => merge.addRecord(groups, r, `f${i}`));
    const g = groups.get("id:00101");
    assert.strictEqual(groups.size, 1);
    assert.strictEqual(g.modules.get("mod-a").complete, true); // pc1's change is the only one
    assert.strictEqual(g.modules.get("mod-b").complete, true); // pc2's completion is newer than pc1's edit
    assert.strictEqual(g.modules.get("mod-b").completedAt, T(24));
    assert.strictEqual(g.exported, T(25));
    assert.strictEqual(g.files.length, 2);
  }
});

test("a later change to a complete module wins over the earlier completion", () => {
  const done = record({ done: { "mod-a": T(10) }, exported: T(11) });
  const later = record({ updated: { "mod-a": T(12) }, exported: T(13) }); // reopened and changed later
  const groups = new Map();
  merge.addRecord(groups, done, "a");
  merge.addRecord(groups, later, "b");
  assert.strictEqual(groups.get("id:00101").modules.get("mod-a").complete, false);
});

test("on a tie the complete entry wins, then the later export", () => {
  const a = { rank: 5, complete: false, exported: T(2) };
  const b = { rank: 5, complete: true, exported: T(1) };
  assert.ok(merge.newer(b, a) && !merge.newer(a, b));
  const c = { rank: 5, complete: true, exported: T(3) };
  assert.ok(merge.newer(c, b) && !merge.newer(b, c));
  assert.ok(merge.newer({ rank: 6, complete: false, exported: T(1) }, c));
  // Entries with no time at all rank oldest.
  assert.strictEqual(merge.rank({}), 0);
  assert.strictEqual(merge.rank({ completedAt: T(1) }), Date.parse(T(1)));
  assert.strictEqual(merge.rank({ updatedAt: T(2), completedAt: T(1) }), Date.parse(T(2)));
});

test("a module's due is the earliest of every assignment that includes it, across files", () => {
  const early = { code: code([1], "2026-11-30"), name: "", section: "", due: "2026-11-30", modules: ["mod-a"] };
  const late = { code: code([1, 2], "2026-12-20"), name: "研修", section: "職員課", due: "2026-12-20", modules: ["mod-a", "mod-b"] };
  const groups = new Map();
  merge.addRecord(groups, record({ assignments: [late], exported: T(20) }), "a");
  merge.addRecord(groups, record({ assignments: [early], exported: T(10) }), "b");
  const g = groups.get("id:00101");
  assert.strictEqual(g.modules.get("mod-a").due, "2026-11-30");
  assert.strictEqual(g.modules.get("mod-b").due, "2026-12-20");
  // The codes the person opened, with the assignment's name when one file had it.
  assert.deepStrictEqual([...g.codes.keys()].sort(), [early.code, late.code].sort());
  assert.strictEqual(g.codes.get(late.code).name, "研修");
});

test("name, section and role come from the record exported last", () => {
  const groups = new Map();
  merge.addRecord(groups, record({ section: "新しい課", role: "hr", exported: T(20) }), "new");
  merge.addRecord(groups, record({ section: "古い課", role: "", exported: T(10) }), "old");
  const g = groups.get("id:00101");
  assert.deepStrictEqual(g.person, { name: "山田 花子", section: "新しい課", role: "hr" });
  assert.strictEqual(g.modules.get("mod-a").file, "new"); // same rank (none): the later export
});

test("a module listed in an assignment but missing from the states counts as not complete", () => {
  const r = record();
  r.modules = r.modules.filter((m) => m.id !== "mod-b");
  const groups = new Map();
  const g = merge.addRecord(groups, r, "x");
  assert.deepStrictEqual(g.modules.get("mod-b").complete, false);
  assert.strictEqual(g.modules.get("mod-b").learning, null);
});

test("byExportTime: files in the order they were exported, then by name", () => {
  const list = [
    { name: "b", exported: T(2) },
    { name: "a", exported: T(2) },
    { name: "c", exported: T(1) },
  ];
  assert.deepStrictEqual(merge.byExportTime(list).map((f) => f.name), ["c", "a", "b"]);
  assert.deepStrictEqual(list.map((f) => f.name), ["b", "a", "c"]); // the input is left as it was
});
