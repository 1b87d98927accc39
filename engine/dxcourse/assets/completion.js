/*
 * 研修カリキュラム: the completion rule of a module, on every page that shows whether a
 * module is complete (module pages, role paths, わたしの学習, わたしの進捗, the SCORM host).
 * The codes, dates and catalog helpers are in curriculum.js.
 *
 * Completion rule, version 2 (the same as completion.py): a module is complete when
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

  /* An item of the record (key → { value, at }), or undefined; `items` may also be a
     function of the key. "constructor" finds nothing, not the Object function. */
  function entryOf(items, key) {
    if (typeof items === "function") return items(key) || undefined;
    if (!items || typeof items !== "object") return undefined;
    var entry = Object.prototype.hasOwnProperty.call(items, key) ? items[key] : undefined;
    return entry && typeof entry === "object" ? entry : undefined;
  }

  function treeDone(value) {
    return !!value && typeof value === "object" && !Array.isArray(value) && typeof value.outcome === "string" && value.outcome !== "";
  }

  function reflectionDone(value) {
    return typeof value === "string" && value.trim() !== "";
  }

  /* The later of two ISO times; a missing or unreadable one never wins. */
  function later(a, b) {
    if (!b || isNaN(Date.parse(b))) return a;
    return !a || isNaN(Date.parse(a)) || Date.parse(b) > Date.parse(a) ? b : a;
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

  /* The completion rule, applied to a record's items (key → { value, at }). Returns
     { learning: {done,total}, practice: {done,total}, selfCheck, complete, completedAt, updatedAt, parts }. */
  function statusOf(spec, items) {
    spec = spec || {};
    function get(key) {
      var entry = entryOf(items, key);
      return entry ? entry.value : undefined;
    }
    function at(key) {
      var entry = entryOf(items, key);
      return entry && typeof entry.at === "string" ? entry.at : null;
    }
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
    (spec.trees || []).forEach(function (id) {
      var value = get("tree/" + id);
      parts.push({ kind: "tree", group: "learning", key: "tree/" + id, id: id, done: treeDone(value), label: treeDone(value) && typeof value.label === "string" ? value.label : "" });
    });
    (spec.reflections || []).forEach(function (key) {
      parts.push({ kind: "reflection", group: "learning", key: key, done: reflectionDone(get(key)) });
    });
    (spec.checklist || []).forEach(function (key) {
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

  /* What a change did to a module: "completed" when it became complete, "reopened" when it
     no longer is, "" otherwise. `before` may be null (nothing known yet: never "completed"). */
  function transition(before, after) {
    if (!before || !after) return "";
    if (!before.complete && after.complete) return "completed";
    if (before.complete && !after.complete) return "reopened";
    return "";
  }

  /* A time as a date (formatDate: DX.formatDate, 令和…) and the local hh:mm; "" when unreadable. */
  function formatTime(iso, formatDate) {
    if (typeof iso !== "string" || iso === "") return "";
    var date = new Date(iso);
    if (isNaN(date.getTime())) return "";
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    var day = formatDate || (typeof DX === "object" && DX.formatDate) || function (d) {
      return d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日";
    };
    return day(date) + " " + pad(date.getHours()) + ":" + pad(date.getMinutes());
  }

  /* The class of a 状態 cell: 完了, 期限超過 or neither. */
  function stateClass(text) {
    return "dx-state" + (text === "完了" ? " dx-state--done" : text === "期限超過" ? " dx-state--overdue" : "");
  }

  if (typeof window === "object") {
    window.DX = window.DX || {};
    var cur = (window.DX.curriculum = window.DX.curriculum || {});
    /* The rule over the browser's record (DX.store). */
    cur.status = function (spec) {
      return statusOf(spec, function (key) {
        return DX.store.entry(key);
      });
    };
    cur.statusOf = statusOf;
    cur.transition = transition;
    cur.treeDone = treeDone;
    cur.reflectionDone = reflectionDone;
    cur.formatTime = function (iso) {
      return formatTime(iso, DX.formatDate);
    };
    cur.stateClass = stateClass;
  }

  // For Node's tests (tests/js/completion.test.js).
  if (typeof module === "object" && module.exports) {
    module.exports = {
      statusOf: statusOf,
      transition: transition,
      treeDone: treeDone,
      reflectionDone: reflectionDone,
      later: later,
      formatTime: formatTime,
      stateClass: stateClass,
    };
  }
})();
