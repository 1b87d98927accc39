/*
 * CSV for Japanese Excel, shared by every page that writes one (わたしの進捗, わたしの学習,
 * 受講指示をつくる, 修了記録を集計する). Plain functions: rows in, text out; tested in Node
 * (tests/js/csv.test.js) and opened in LibreOffice Calc by the browser tests.
 *
 * What Excel does to a CSV opened by double-click, and what this writer does about it:
 * - UTF-8 is read right only with a BOM; lines end with CRLF.
 * - A cell starting with = + - @ (or a tab or CR) would be run as a formula: such text gets a
 *   leading ' so that it never is.
 * - 00123 becomes the number 123, quoted or not: the leading zeros are gone and VLOOKUP against
 *   the roster fails. A 職員番号 (a column headed 職員番号), and any other cell of digits with a
 *   leading zero, is written as ="00123": Excel shows the text 00123 and keeps it as text. The
 *   roster import (aggregate-roster.js) reads that form back.
 * - ISO times (…T…Z) stay text, in UTC: times are written in JST as 2026/11/27 09:47, which
 *   Excel reads as a date-time. Dates are written 2026/11/27 (a YYYY-MM-DD cell is rewritten so),
 *   one format for every date the site writes.
 * - 2/2 and 1-3 become dates: counts go in separate numeric columns (the callers' part).
 */
(function () {
  "use strict";

  /* Headers of columns that hold ids to keep as text. */
  var TEXT_COLUMNS = ["職員番号"];
  var ID = /^[0-9A-Za-z-]{1,40}$/;
  var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

  /* A value Excel must keep as text: ="00123". Only for ids (no quotes or spaces inside). */
  function textForm(text) {
    return '="' + text + '"';
  }

  function needsTextForm(text, isIdColumn) {
    if (!ID.test(text)) return false;
    if (isIdColumn) return true;
    return /^0\d+$/.test(text) || /^\d{16,}$/.test(text); // zeros lost; digits past Excel's 15
  }

  /* One field, quoted. `isIdColumn`: the column holds ids (職員番号). */
  function field(value, isIdColumn) {
    if (value === undefined || value === null) return '""';
    var text = String(value);
    if (typeof value === "string") {
      var date = ISO_DATE.exec(text);
      if (date) text = date[1] + "/" + date[2] + "/" + date[3];
      else if (needsTextForm(text, isIdColumn)) text = textForm(text);
      else if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    }
    return '"' + text.replace(/"/g, '""') + '"';
  }

  /* rows: arrays of cells, the first the header. UTF-8 with a BOM and CRLF line ends. */
  function csv(rows) {
    var header = rows.length ? rows[0] : [];
    var idColumns = header.map(function (name) {
      return TEXT_COLUMNS.indexOf(String(name)) >= 0;
    });
    return (
      "\ufeff" +
      rows
        .map(function (row, r) {
          return row
            .map(function (value, i) {
              return r === 0 ? field(value, false) : field(value, idColumns[i]);
            })
            .join(",");
        })
        .join("\r\n") +
      "\r\n"
    );
  }

  /* The cell as written back by Excel or copied from a CSV of this site: ="00123" and '00123
     are 00123. Used by the roster import. */
  function cellText(text) {
    var s = String(text === undefined || text === null ? "" : text);
    var m = /^\s*="(.*)"\s*$/.exec(s);
    if (m) return m[1].replace(/""/g, '"');
    return s.charAt(0) === "'" ? s.slice(1) : s;
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /* A time for Excel: JST as 2026/11/27 09:47, on any PC clock. Empty for a missing time. */
  function excelTime(iso) {
    var ms = Date.parse(iso || "");
    if (isNaN(ms)) return "";
    var d = new Date(ms + 9 * 3600000);
    return d.getUTCFullYear() + "/" + pad(d.getUTCMonth() + 1) + "/" + pad(d.getUTCDate()) + " " + pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
  }

  /* A date for Excel: 2026-11-27 → 2026/11/27; anything else → "". */
  function excelDate(iso) {
    var m = ISO_DATE.exec(String(iso || ""));
    return m ? m[1] + "/" + m[2] + "/" + m[3] : "";
  }

  var api = { csv: csv, field: field, cellText: cellText, excelTime: excelTime, excelDate: excelDate, TEXT_COLUMNS: TEXT_COLUMNS };
  if (typeof window !== "undefined") {
    var DX = (window.DX = window.DX || {});
    DX.csv = csv;
    DX.excelTime = excelTime;
    DX.excelDate = excelDate;
    DX.csvCell = cellText;
  }
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
})();
