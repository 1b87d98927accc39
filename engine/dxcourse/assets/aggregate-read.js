/*
 * 修了記録を集計する, part 1 of the engine: reading one completion record (RECORD-FORMAT.md,
 * versions 1 and 2). Plain functions, data in and data out, tested in Node
 * (tests/js/aggregate-read.test.js). Loaded on first use with the rest of the engine
 * (assets/aggregate.js), before aggregate-roster.js, aggregate-merge.js, aggregate-model.js
 * and aggregate-engine.js (the view).
 */
(function () {
  "use strict";

  var MAX_BYTES = 256 * 1024;
  var CODE = /^[0-9A-Z]{4}(?:-[0-9A-Z]{1,4}){1,9}$/;
  var STAFF_ID = /^[0-9A-Za-z-]{1,20}$/;

  function isText(value, max) {
    return typeof value === "string" && value.trim() !== "" && value.length <= max;
  }

  function isTime(value) {
    return typeof value === "string" && !isNaN(Date.parse(value));
  }

  function isInt(n) {
    return typeof n === "number" && Math.floor(n) === n && n >= 0 && n < 100000;
  }

  function isCount(value) {
    return !!value && typeof value === "object" && isInt(value.done) && isInt(value.total) && value.done <= value.total;
  }

  /* 職員番号 as RECORD-FORMAT.md defines it: NFKC, trimmed (the check is STAFF_ID). */
  function staffId(value) {
    var s = String(value === undefined || value === null ? "" : value);
    if (s.normalize) s = s.normalize("NFKC");
    return s.trim();
  }

  /* Text compared across files: NFKC, runs of white space as one, trimmed. */
  function norm(text) {
    var s = String(text || "");
    if (s.normalize) s = s.normalize("NFKC");
    return s.replace(/\s+/g, " ").trim();
  }

  /* Returns null when `r` is a completion record this page can count, else the reason.
     cur: DX.curriculum (RECORD_FORMAT, RECORD_VERSIONS, ID, parseDate). */
  function problemWith(r, site, cur) {
    if (!r || typeof r !== "object" || Array.isArray(r)) return "記録の形式ではありません。";
    if (r.format === "jichitai-dx-progress") return "「わたしの進捗」の進捗記録です。「わたしの学習」から書き出した修了記録を提出してもらってください。";
    if (r.format !== cur.RECORD_FORMAT) return "修了記録のファイルではありません。";
    if (cur.RECORD_VERSIONS.indexOf(r.version) < 0) return "対応していない版の記録です(版: " + String(r.version).slice(0, 20) + ")。サイトを新しくしてから読み込んでください。";
    if (r.site !== site) return "別のサイト(" + String(r.site).slice(0, 60) + ")の記録です。";
    if (!isTime(r.exported)) return "書き出した日時がありません。";
    var p = r.person;
    if (!p || typeof p !== "object") return "氏名と所属がありません。";
    if (!isText(p.name, 60)) return "氏名がない、または長すぎます。";
    if (!isText(p.section, 60)) return "所属がない、または長すぎます。";
    if (p.role !== undefined && p.role !== "" && !(typeof p.role === "string" && cur.ID.test(p.role))) return "役割が正しくありません。";
    if (r.version === 2 && p.staffId !== undefined && p.staffId !== "" && !(typeof p.staffId === "string" && STAFF_ID.test(staffId(p.staffId)))) {
      return "職員番号が正しくありません(半角の英数字とハイフン、20文字まで)。";
    }
    if (!Array.isArray(r.assignments) || !r.assignments.length || r.assignments.length > 50) return "受講指示の一覧がありません。";
    for (var i = 0; i < r.assignments.length; i++) {
      var a = r.assignments[i];
      if (!a || typeof a !== "object") return "受講指示 " + (i + 1) + " が正しくありません。";
      if (typeof a.code !== "string" || !CODE.test(a.code)) return "受講指示 " + (i + 1) + " のコードが正しくありません。";
      if (!cur.parseDate(a.due)) return "受講指示 " + (i + 1) + " の期限が正しくありません。";
      if (typeof a.name !== "string" || a.name.length > 60) return "受講指示 " + (i + 1) + " の指示名が正しくありません。";
      if (typeof a.section !== "string" || a.section.length > 60) return "受講指示 " + (i + 1) + " の発行所属が正しくありません。";
      if (!Array.isArray(a.modules) || !a.modules.length || a.modules.length > 120) return "受講指示 " + (i + 1) + " のモジュールがありません。";
      for (var j = 0; j < a.modules.length; j++) {
        if (typeof a.modules[j] !== "string" || !cur.ID.test(a.modules[j])) return "受講指示 " + (i + 1) + " のモジュール名が正しくありません。";
      }
    }
    if (!Array.isArray(r.modules) || r.modules.length > 200) return "モジュールの状態の一覧がありません。";
    for (var k = 0; k < r.modules.length; k++) {
      var m = r.modules[k];
      if (!m || typeof m !== "object" || typeof m.id !== "string" || !cur.ID.test(m.id)) return "モジュールの状態 " + (k + 1) + " が正しくありません。";
      if (typeof m.complete !== "boolean") return "モジュール " + m.id + " の完了・未完了がありません。";
      if (m.complete && !isTime(m.completedAt)) return "モジュール " + m.id + " の完了日時が正しくありません。";
      if (r.version === 2) {
        if (m.updatedAt !== undefined && m.updatedAt !== null && !isTime(m.updatedAt)) return "モジュール " + m.id + " の更新日時が正しくありません。";
        if (m.learning !== undefined && !isCount(m.learning)) return "モジュール " + m.id + " の学習の数が正しくありません。";
        if (m.practice !== undefined && !isCount(m.practice)) return "モジュール " + m.id + " の実践の数が正しくありません。";
        var sc = m.selfCheck;
        if (sc !== undefined && sc !== null && (typeof sc !== "object" || !isInt(sc.score) || !isInt(sc.max) || sc.score > sc.max)) {
          return "モジュール " + m.id + " の理解度チェックの点が正しくありません。";
        }
      }
    }
    return null;
  }

  /* A file's text → { record } or { reason } (why it is not counted). */
  function readRecord(text, site, cur) {
    if (text.length > MAX_BYTES) return { reason: "ファイルが大きすぎます(上限256 KB)。" };
    var data;
    try {
      data = JSON.parse(text.replace(/^\ufeff/, ""));
    } catch (error) {
      return { reason: "JSONとして読み取れません(CSVや別の形式のファイルは集計に使えません)。" };
    }
    var reason = problemWith(data, site, cur);
    return reason ? { reason: reason } : { record: data };
  }

  /* FNV-1a, 32 bits, base 36: tells same-named files with other content apart. */
  function hash(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0).toString(36);
  }

  var api = {
    MAX_BYTES: MAX_BYTES,
    CODE: CODE,
    STAFF_ID: STAFF_ID,
    isTime: isTime,
    staffId: staffId,
    norm: norm,
    problemWith: problemWith,
    readRecord: readRecord,
    hash: hash,
  };
  if (typeof window !== "undefined") {
    window.DX = window.DX || {};
    window.DX.report = window.DX.report || {};
    window.DX.report.read = api;
  }
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
})();
