/*
 * 修了記録を集計する, part 2 of the engine: the staff roster (a CSV from Japanese Excel) and
 * matching records to it. Plain functions, tested in Node (tests/js/aggregate-roster.test.js);
 * only decodeRoster needs the browser's TextDecoder for Shift_JIS.
 */
(function () {
  "use strict";

  var read = typeof window !== "undefined" && window.DX && window.DX.report ? window.DX.report.read : require("./aggregate-read.js");
  var cellText =
    typeof window !== "undefined" && window.DX && window.DX.csvCell ? window.DX.csvCell : typeof require === "function" ? require("./csv.js").cellText : null;
  var norm = read.norm;
  var staffId = read.staffId;

  /* Excel's 「CSV UTF-8」 starts with a BOM; its 「CSV (コンマ区切り)」 is Shift_JIS (cp932).
     A file without a BOM that is valid UTF-8 (ASCII, or saved by another tool) is UTF-8. */
  function decodeRoster(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8(Excel の「CSV UTF-8」)" };
    }
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return { error: "「Unicode テキスト」の形式です。Excel で「CSV (コンマ区切り)」か「CSV UTF-8」を選んで保存し直してください。" };
    }
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
    } catch (error) {
      return { text: new TextDecoder("shift_jis").decode(bytes), encoding: "Shift_JIS(Excel の「CSV (コンマ区切り)」)" };
    }
  }

  /* RFC 4180 as Excel writes it. Each row keeps the line it starts on, for messages. */
  function parseCsv(text) {
    var rows = [];
    var row = [];
    var field = "";
    var quoted = false;
    var line = 1;
    var rowLine = 1;
    var quoteLine = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c === "\n") line++;
          field += c;
        }
      } else if (c === '"' && field === "") {
        quoted = true;
        quoteLine = line;
      } else if (c === ",") {
        row.push(field);
        field = "";
      } else if (c === "\r" || c === "\n") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        row.push(field);
        rows.push({ line: rowLine, cells: row });
        row = [];
        field = "";
        line++;
        rowLine = line;
      } else {
        field += c;
      }
    }
    if (quoted) return { error: quoteLine + "行目で始まる「\"」が閉じていません。" };
    if (field !== "" || row.length) {
      row.push(field);
      rows.push({ line: rowLine, cells: row });
    }
    return { rows: rows };
  }

  var HEADERS = {
    staffId: ["職員番号", "職員no", "職員id", "職員コード", "社員番号", "staffid", "番号", "id"],
    name: ["氏名", "名前", "職員名", "氏名(漢字)", "name"],
    section: ["所属", "所属名", "部署", "部署名", "課", "課名", "section"],
    role: ["役割", "ロール", "role"],
    codes: ["受講指示コード", "指示コード", "受講指示", "コード", "code"],
  };

  function headerKey(text) {
    return norm(text).toLowerCase().replace(/[\s.・:]/g, "").replace(/[([【][^)\]】]*[)\]】]/g, "");
  }

  /* Which column holds what: an exact header first, then one that starts with an alias
     (「職員番号(必須)」, 「所属 課」), never the same column twice. */
  function findColumns(cells) {
    var keys = cells.map(headerKey);
    var found = {};
    var used = {};
    [true, false].forEach(function (exact) {
      Object.keys(HEADERS).forEach(function (field) {
        if (found[field] !== undefined) return;
        for (var i = 0; i < keys.length; i++) {
          if (used[i] || !keys[i]) continue;
          var hit = HEADERS[field].some(function (alias) {
            return exact ? keys[i] === alias : keys[i].indexOf(alias) === 0;
          });
          if (hit) {
            found[field] = i;
            used[i] = true;
            return;
          }
        }
      });
    });
    return found;
  }

  /* Assignment codes in one cell: separated by spaces, commas, 、 ・ ; or line breaks.
     Returns { codes: [normalised], bad: [as written] } (cur.decode checks each). */
  function splitCodes(text, cur) {
    var out = { codes: [], bad: [] };
    String(text || "")
      .split(/[\s,、・;;，]+/)
      .forEach(function (part) {
        if (!part) return;
        var d = cur.decode(part);
        if (d.error) out.bad.push(part);
        else if (out.codes.indexOf(d.code) < 0) out.codes.push(d.code);
      });
    return out;
  }

  /* The roster's text → { people, byId, digits, problems, notes, columns } or { error }.
     roles: the catalog's roles ({ id, name }); cur: DX.curriculum (for the codes column). */
  function parseRosterText(text, roles, cur) {
    var parsed = parseCsv(text);
    if (parsed.error) return { error: parsed.error + " Excel で保存し直してください。" };
    var rows = parsed.rows.filter(function (r) {
      return r.cells.some(function (c) {
        return c.trim() !== "";
      });
    });
    var header = null;
    var columns = null;
    for (var h = 0; h < Math.min(rows.length, 5); h++) {
      var cols = findColumns(rows[h].cells);
      if (cols.staffId !== undefined && cols.name !== undefined) {
        header = h;
        columns = cols;
        break;
      }
    }
    if (header === null) {
      return { error: "見出しの行(職員番号・氏名)が、はじめの5行に見つかりません。ひな形と同じ見出し「職員番号,氏名,所属,役割」を1行目に付けてください。" };
    }
    var roleIds = Object.create(null);
    roles.forEach(function (r) {
      roleIds[norm(r.id).toLowerCase()] = r.id;
      roleIds[norm(r.name).toLowerCase()] = r.id;
    });
    var people = [];
    var byId = new Map();
    var problems = [];
    var notes = [];
    rows.slice(header + 1).forEach(function (row) {
      var cell = function (field) {
        return columns[field] === undefined ? "" : norm(row.cells[columns[field]] || "");
      };
      var at = row.line + "行目: ";
      var id = staffId(cellText(row.cells[columns.staffId] || ""));
      var name = cell("name");
      if (!id) return problems.push(at + "職員番号がありません。この行は読み込みませんでした。");
      if (!read.STAFF_ID.test(id)) return problems.push(at + "職員番号「" + id.slice(0, 30) + "」に使えない文字があるか、長すぎます(半角の英数字とハイフン、20文字まで)。この行は読み込みませんでした。");
      if (byId.has(id)) return problems.push(at + "職員番号 " + id + " は " + byId.get(id).line + "行目と同じです。先の行だけを使いました。");
      if (!name) return problems.push(at + "氏名がありません(職員番号 " + id + ")。この行は読み込みませんでした。");
      var roleText = cell("role");
      var role = roleText ? roleIds[roleText.toLowerCase()] : "";
      if (roleText && !role) notes.push(at + "役割「" + roleText.slice(0, 30) + "」はこのサイトの役割にありません。書かれたとおりに表示します。");
      var codes = { codes: [], bad: [] };
      if (columns.codes !== undefined && cur) {
        codes = splitCodes(row.cells[columns.codes], cur);
        if (codes.bad.length) notes.push(at + "受講指示コード「" + codes.bad.join("、").slice(0, 60) + "」は正しいコードではありません。打ち間違いがないか、受講指示書と見比べてください。");
      }
      var person = {
        staffId: id,
        name: name.slice(0, 60),
        section: cell("section").slice(0, 60),
        role: role || "",
        roleText: role ? "" : roleText.slice(0, 30),
        codes: codes.codes,
        line: row.line,
      };
      people.push(person);
      byId.set(id, person);
    });
    // Excel drops leading zeros from a number-formatted column: 00123 arrives as 123.
    var digits = new Map();
    people.forEach(function (p) {
      if (/^\d+$/.test(p.staffId)) {
        var key = p.staffId.replace(/^0+(?=\d)/, "");
        digits.set(key, digits.has(key) ? null : p);
      }
    });
    return { people: people, byId: byId, digits: digits, problems: problems, notes: notes, hasCodes: columns.codes !== undefined };
  }

  /* The roster file's bytes → parseRosterText's result, with `encoding`. */
  function parseRoster(buffer, roles, cur) {
    var decoded = decodeRoster(buffer);
    if (decoded.error) return { error: decoded.error };
    var out = parseRosterText(decoded.text, roles, cur);
    if (!out.error) out.encoding = decoded.encoding;
    return out;
  }

  /* Everyone in the report, in order: the roster's people (with their records, or 未提出),
     then records of people not on it. Without a roster (null), everyone who sent a record.
     groups: Map of merged records (aggregate-merge.js). Returns { list, zerosLost }; each entry
     is { p: person, g: group or null, kind: 提出済み | 未提出 | 名簿にない }. */
  function match(roster, groups) {
    var list = [];
    var matched = new Set();
    var zerosLost = 0;
    if (roster) {
      var waiting = new Map(); // staffId -> index of a 未提出 entry
      roster.people.forEach(function (p) {
        var g = groups.get("id:" + p.staffId);
        if (g) matched.add(g.key);
        else waiting.set(p.staffId, list.length);
        list.push({ p: p, g: g || null, kind: g ? "提出済み" : "未提出" });
      });
      // Leading zeros lost in Excel: 123 in the roster, 00123 in the record.
      groups.forEach(function (g) {
        if (matched.has(g.key) || !g.staffId || !/^\d+$/.test(g.staffId)) return;
        var p = roster.digits.get(g.staffId.replace(/^0+(?=\d)/, ""));
        if (!p || !waiting.has(p.staffId)) return;
        matched.add(g.key);
        list[waiting.get(p.staffId)] = { p: p, g: g, kind: "提出済み" };
        waiting.delete(p.staffId);
        zerosLost++;
      });
    }
    groups.forEach(function (g) {
      if (!matched.has(g.key)) {
        list.push({ p: { staffId: g.staffId, name: g.person.name, section: g.person.section, role: g.person.role, codes: [] }, g: g, kind: roster ? "名簿にない" : "提出済み" });
      }
    });
    return { list: list, zerosLost: zerosLost };
  }

  /* Damerau–Levenshtein distance 1 or less between two strings of equal length: one character
     changed, or two neighbours swapped (01243 for 01234). */
  function oneSlip(a, b) {
    if (a.length !== b.length || a === b) return false;
    var diff = [];
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
  }

  /* Roster people a mistyped 職員番号 may have meant: not yet matched (未提出), one slip away,
     the same 所属 first. entries: match()'s list. Returns people (at most 3). */
  function likelyMeant(id, section, entries) {
    if (!id) return [];
    var same = [];
    var other = [];
    entries.forEach(function (e) {
      if (e.kind !== "未提出" || !oneSlip(id, e.p.staffId)) return;
      (e.p.section && e.p.section === section ? same : other).push(e.p);
    });
    return same.concat(other).slice(0, 3);
  }

  var api = {
    decodeRoster: decodeRoster,
    parseCsv: parseCsv,
    headerKey: headerKey,
    findColumns: findColumns,
    splitCodes: splitCodes,
    parseRosterText: parseRosterText,
    parseRoster: parseRoster,
    match: match,
    oneSlip: oneSlip,
    likelyMeant: likelyMeant,
  };
  if (typeof window !== "undefined" && window.DX && window.DX.report) {
    window.DX.report.roster = api;
  }
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
})();
