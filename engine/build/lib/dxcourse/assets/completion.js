/*
 * 研修カリキュラム: the completion rule of a module, on every page that shows whether a
 * module is complete (module pages, role paths, わたしの学習, わたしの進捗, the SCORM host).
 * The codes, dates and catalog helpers are in curriculum.js.
 *
 * Completion rule, version 2 (the same as macros/completion.py): a module is complete when
 * every 学習 (learning) activity is done:
 *   - every listed page is marked read ("read/<module>/<page id>" is true),
 *   - its self-check is passed ("selfcheck/<module>" holds passed: true), if it has one,
 *   - every listed decision tree ("tree/<id>") holds an object with a non-empty string "outcome",
 *   - every reflection ("reflection/<module>/<question>") holds text with a non-blank character.
 * It is completed at the latest "at" among those entries. The checklist items are 実践
 * (practice): counted and reported as 自己申告, never required.
 */
(function () {
  "use strict";

  function get(key) {
    return DX.store.get(key);
  }

  function at(key) {
    var entry = DX.store.entry(key);
    return entry ? entry.at : null;
  }

  function treeDone(value) {
    return !!value && typeof value === "object" && !Array.isArray(value) && typeof value.outcome === "string" && value.outcome !== "";
  }

  function reflectionDone(value) {
    return typeof value === "string" && value.trim() !== "";
  }

  function later(a, b) {
    if (!b || isNaN(Date.parse(b))) return a;
    return !a || Date.parse(b) > Date.parse(a) ? b : a;
  }

  function count(parts, group) {
    var mine = parts.filter(function (p) {
      return p.group === group;
    });
    return {
      done: mine.filter(function (p) {
        return p.done;
      }).length,
      total: mine.length,
    };
  }

  /* The completion rule, applied to the browser record. Returns
     { learning: {done,total}, practice: {done,total}, selfCheck, complete, completedAt, updatedAt, parts }. */
  function status(spec) {
    var parts = [];
    (spec.read || []).forEach(function (key) {
      parts.push({ kind: "read", group: "learning", key: key, done: get(key) === true });
    });
    var selfCheck = null;
    if (spec.selfcheck) {
      var result = get(spec.selfcheck.key);
      var passed = !!result && typeof result === "object" && result.passed === true;
      parts.push({ kind: "selfcheck", group: "learning", key: spec.selfcheck.key, done: passed });
      if (result && typeof result === "object" && typeof result.score === "number") {
        selfCheck = { score: result.score, max: typeof result.max === "number" ? result.max : spec.selfcheck.max, passMark: spec.selfcheck.passMark, passed: passed, at: at(spec.selfcheck.key) };
      }
    }
    spec.trees.forEach(function (id) {
      var value = get("tree/" + id);
      parts.push({ kind: "tree", group: "learning", key: "tree/" + id, id: id, done: treeDone(value), label: treeDone(value) && typeof value.label === "string" ? value.label : "" });
    });
    spec.reflections.forEach(function (key) {
      parts.push({ kind: "reflection", group: "learning", key: key, done: reflectionDone(get(key)) });
    });
    spec.checklist.forEach(function (key) {
      parts.push({ kind: "checklist", group: "practice", key: key, done: get(key) === true });
    });
    var learning = count(parts, "learning");
    var complete = learning.total > 0 && learning.done === learning.total;
    var completedAt = null;
    var updatedAt = null;
    parts.forEach(function (p) {
      var time = at(p.key);
      if (complete && p.group === "learning") completedAt = later(completedAt, time);
      updatedAt = later(updatedAt, time);
    });
    return { learning: learning, practice: count(parts, "practice"), selfCheck: selfCheck, complete: complete, completedAt: completedAt, updatedAt: updatedAt, parts: parts };
  }

  function formatTime(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return "";
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return DX.formatDate(date) + " " + pad(date.getHours()) + ":" + pad(date.getMinutes());
  }

  /* The class of a 状態 cell: 完了, 期限超過 or neither. */
  function stateClass(text) {
    return "dx-state" + (text === "完了" ? " dx-state--done" : text === "期限超過" ? " dx-state--overdue" : "");
  }

  window.DX = window.DX || {};
  var cur = (window.DX.curriculum = window.DX.curriculum || {});
  cur.status = status;
  cur.treeDone = treeDone;
  cur.reflectionDone = reflectionDone;
  cur.formatTime = formatTime;
  cur.stateClass = stateClass;
})();
