/*
 * 修了記録を集計する, part 3 of the engine: one person's records merged. Records of one person
 * (the same 職員番号, or without one the same name and section) become one group; for each
 * module the entry with the newest change wins. Plain functions, tested in Node
 * (tests/js/aggregate-merge.test.js).
 */
(function () {
  "use strict";

  var read = typeof window !== "undefined" && window.DX && window.DX.report ? window.DX.report.read : require("./aggregate-read.js");
  var norm = read.norm;
  var staffId = read.staffId;

  function groupKey(rec) {
    var id = rec.version === 2 ? staffId(rec.person.staffId) : "";
    return id ? "id:" + id : "name:" + norm(rec.person.name) + "\u0000" + norm(rec.person.section);
  }

  /* When a module entry last changed: updatedAt, else completedAt, else 0 (oldest). */
  function rank(m) {
    return Date.parse(m.updatedAt || "") || Date.parse(m.completedAt || "") || 0;
  }

  /* Whether entry `a` replaces entry `b` of the same module: the later change; on a tie a
     complete entry; then the later export. */
  function newer(a, b) {
    if (a.rank !== b.rank) return a.rank > b.rank;
    if (a.complete !== b.complete) return a.complete;
    return Date.parse(a.exported) > Date.parse(b.exported);
  }

  /* Adds a valid record (aggregate-read.js) to `groups` (a Map: key -> group) and returns its
     group: { key, staffId, person, exported, files, modules: Map id -> entry, codes: Map code ->
     { name, section, due, modules } }. A module's due is the earliest of the group's assignments
     that include it. */
  function addRecord(groups, rec, fileName) {
    var key = groupKey(rec);
    var g = groups.get(key);
    if (!g) {
      g = { key: key, staffId: "", person: null, exported: "", files: [], modules: new Map(), codes: new Map() };
      groups.set(key, g);
    }
    var id = rec.version === 2 ? staffId(rec.person.staffId) : "";
    if (!g.exported || Date.parse(rec.exported) >= Date.parse(g.exported)) {
      g.exported = rec.exported;
      g.staffId = id;
      g.person = { name: norm(rec.person.name), section: norm(rec.person.section), role: typeof rec.person.role === "string" ? rec.person.role : "" };
    }
    g.files.push({ name: fileName, exported: rec.exported });
    var due = Object.create(null);
    rec.assignments.forEach(function (a) {
      var old = g.codes.get(a.code);
      if (!old || (!old.name && a.name)) g.codes.set(a.code, { code: a.code, name: a.name, section: a.section, due: a.due, modules: a.modules.slice() });
      a.modules.forEach(function (mid) {
        if (!due[mid] || a.due < due[mid]) due[mid] = a.due;
      });
    });
    var states = Object.create(null);
    rec.modules.forEach(function (m) {
      states[m.id] = m;
    });
    Object.keys(due).forEach(function (mid) {
      var m = states[mid] || { id: mid, complete: false, completedAt: null };
      var entry = {
        complete: m.complete,
        completedAt: m.complete ? m.completedAt : null,
        updatedAt: read.isTime(m.updatedAt) ? m.updatedAt : null,
        learning: m.learning || null,
        practice: m.practice || null,
        selfCheck: m.selfCheck || null,
        exported: rec.exported,
        file: fileName,
      };
      entry.rank = rank(entry);
      var old = g.modules.get(mid);
      if (!old) {
        entry.due = due[mid];
        g.modules.set(mid, entry);
        return;
      }
      entry.due = old.due < due[mid] ? old.due : due[mid];
      if (newer(entry, old)) g.modules.set(mid, entry);
      else old.due = entry.due;
    });
    return g;
  }

  /* A person's files in the order they were exported (then by name): files are read in
     parallel and finish in any order, and the list should read the same every time. */
  function byExportTime(list) {
    return list.slice().sort(function (a, b) {
      return (Date.parse(a.exported) || 0) - (Date.parse(b.exported) || 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    });
  }

  var api = { groupKey: groupKey, rank: rank, newer: newer, addRecord: addRecord, byExportTime: byExportTime };
  if (typeof window !== "undefined" && window.DX && window.DX.report) {
    window.DX.report.merge = api;
  }
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
})();
