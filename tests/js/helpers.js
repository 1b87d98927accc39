// Shared fixtures for the 集計 engine's Node tests: a small catalog and records as the learner's
// page exports them (RECORD-FORMAT.md, version 2; version 1 on request).
"use strict";
const cur = require("../../engine/dxcourse/assets/curriculum.js");

const MODULES = [
  { id: "mod-a", number: 1, title: "A" },
  { id: "mod-b", number: 2, title: "B" },
  { id: "mod-c", number: 3, title: "C" },
  { id: "mod-d", number: 4, title: "D" },
  { id: "mod-e", number: 5, title: "E" },
  { id: "mod-f", number: 6, title: "F" },
  { id: "mod-g", number: 7, title: "G" },
];
const ROLES = [
  { id: "all-staff", name: "全職員", modules: ["mod-a", "mod-b"] },
  { id: "manager", name: "管理職", modules: MODULES.map((m) => m.id) },
  { id: "hr", name: "人事担当", modules: ["mod-a", "mod-b", "mod-c"] },
];

function catalog() {
  const c = { modules: MODULES.map((m) => ({ ...m })), roles: ROLES.map((r) => ({ ...r })) };
  c.byId = Object.create(null);
  c.byNumber = Object.create(null);
  c.modules.forEach((m) => {
    c.byId[m.id] = m;
    c.byNumber[m.number] = m;
  });
  c.roleById = Object.create(null);
  c.roles.forEach((r) => {
    c.roleById[r.id] = r;
  });
  return c;
}

/* An assignment code for module numbers and a due date. */
function code(numbers, due) {
  return cur.encode(numbers, due);
}

/* A version 2 record. done: module id -> completion time. */
function record({ staffId = "00101", name = "山田 花子", section = "職員課", role = "", assignments, done = {}, updated = {}, exported = "2026-11-20T00:00:00.000Z", version = 2 } = {}) {
  assignments = assignments || [{ code: code([1, 2], "2026-12-01"), name: "全職員研修", section: "職員課", due: "2026-12-01", modules: ["mod-a", "mod-b"] }];
  const ids = [...new Set(assignments.flatMap((a) => a.modules))];
  const person = version === 2 ? { staffId, name, section, role } : { name, section, role };
  return {
    format: "jichitai-dx-completion",
    version,
    site: "site-x",
    exported,
    person,
    assignments,
    modules: ids.map((id) => {
      const at = done[id] || null;
      const m = { id, title: id, complete: !!at, completedAt: at };
      if (version === 2) {
        Object.assign(m, {
          updatedAt: at || updated[id] || null,
          learning: { done: at ? 3 : 1, total: 3 },
          practice: { done: 0, total: 2 },
          selfCheck: at ? { score: 3, max: 3, passMark: 2, passed: true, at } : null,
          retired: false,
        });
      }
      return m;
    }),
  };
}

module.exports = { cur, catalog, code, record, MODULES, ROLES };
