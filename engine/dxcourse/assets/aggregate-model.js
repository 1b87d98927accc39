/*
 * 修了記録を集計する, part 4 of the engine: the report as data. Who was given which modules
 * (the assignments HR issued, and to whom), one row per person, filters, sorting, rates and
 * the CSV files' rows. Plain functions, tested in Node (tests/js/aggregate-model.test.js);
 * aggregate-engine.js draws what they return.
 *
 * Scope (RECORD-FORMAT.md 「Who was given what」): an assignment HR adds on the page applies
 * to 名簿の全員, to the roster's people of chosen 役割, or to those whose roster column
 * 受講指示コード holds its code (codes found in that column are added so by themselves). A
 * person counts only for the modules of the assignments that apply to them, plus those of any
 * assignment in their own records that HR has not added. Until HR adds one (or the roster has
 * codes), nobody knows what a person without a record was given: they count as 未提出 for
 * every module of the report, as before.
 */
(function () {
  "use strict";

  var DAY = 86400000;
  var TARGETS = { all: "名簿の全員", roles: "役割で指定", column: "名簿の受講指示コードの列" };

  /* --- who was given what ------------------------------------------------------------- */

  /* The module ids of an assignment code, in the catalog. Returns { code, due, modules,
     missing } or { error }. */
  function modulesOfCode(code, catalog, cur) {
    var d = cur.decode(code);
    if (d.error) return { error: d.error };
    var modules = [];
    var missing = [];
    d.numbers.forEach(function (n) {
      var m = catalog.byNumber[n];
      if (m) modules.push(m.id);
      else missing.push(n);
    });
    if (!modules.length) return { error: "このコードのモジュールは、このサイトにありません。" };
    return { code: d.code, due: d.due, modules: modules, missing: missing };
  }

  /* Every assignment the report knows, keyed by code:
     - declared: what HR added on the page: [{ code, name, target: all|roles|column, roles: [ids] }]
     - the roster's 受講指示コード column (target column, when not declared),
     - the records' own assignments (target record: HR has not said who got them).
     Returns { list, byCode, known } where known is true when HR's side says who got what. */
  function assignments(declared, roster, groups, catalog, cur) {
    var list = [];
    var byCode = Object.create(null);
    function add(a) {
      byCode[a.code] = a;
      list.push(a);
    }
    (declared || []).forEach(function (d) {
      var m = modulesOfCode(d.code, catalog, cur);
      if (m.error || byCode[m.code]) return;
      add({ code: m.code, name: d.name || "", due: m.due, modules: m.modules, target: d.target, roles: (d.roles || []).slice(), declared: true });
    });
    if (roster) {
      roster.people.forEach(function (p) {
        (p.codes || []).forEach(function (code) {
          if (byCode[code]) return;
          var m = modulesOfCode(code, catalog, cur);
          if (!m.error) add({ code: m.code, name: "", due: m.due, modules: m.modules, target: "column", roles: [], declared: false });
        });
      });
    }
    var known = list.length > 0;
    groups.forEach(function (g) {
      g.codes.forEach(function (a, code) {
        var have = byCode[code];
        if (have) {
          if (!have.name && a.name) have.name = a.name;
          return;
        }
        add({ code: code, name: a.name, due: a.due, modules: a.modules.slice(), target: "record", roles: [], declared: false });
      });
    });
    list.sort(function (a, b) {
      return (a.target === "record") - (b.target === "record") || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || (a.code < b.code ? -1 : 1);
    });
    return { list: list, byCode: byCode, known: known };
  }

  /* Whether an HR-side assignment applies to a person ({ role, codes } from the roster, or
     the record's role for someone not on it). */
  function applies(a, person) {
    if (a.target === "all") return true;
    if (a.target === "roles") return !!person.role && a.roles.indexOf(person.role) >= 0;
    if (a.target === "column") return (person.codes || []).indexOf(a.code) >= 0;
    return false;
  }

  /* A person's modules: { modules: Map id -> due (the earliest), codes: [codes] }, or null
     when the report cannot know (no HR-side assignment). g: their merged records or null. */
  function scopeOf(person, g, known) {
    if (!known.known) return null;
    var modules = new Map();
    var codes = [];
    function take(code, due, ids) {
      codes.push(code);
      ids.forEach(function (id) {
        var old = modules.get(id);
        if (!old || due < old) modules.set(id, due);
      });
    }
    known.list.forEach(function (a) {
      if (a.target !== "record" && applies(a, person)) take(a.code, a.due, a.modules);
    });
    if (g) {
      g.codes.forEach(function (a, code) {
        var k = known.byCode[code];
        if (k && k.target === "record") take(code, a.due, a.modules);
      });
    }
    return { modules: modules, codes: codes };
  }

  /* --- the report's rows -------------------------------------------------------------- */

  /* Module columns: catalog order for every module of a record or a known assignment, then
     ids the site no longer has, sorted. */
  function moduleColumns(groups, known, catalog) {
    var seen = new Set();
    groups.forEach(function (g) {
      g.modules.forEach(function (_, id) {
        seen.add(id);
      });
    });
    known.list.forEach(function (a) {
      a.modules.forEach(function (id) {
        seen.add(id);
      });
    });
    var ids = catalog.modules
      .map(function (m) {
        return m.id;
      })
      .filter(function (id) {
        return seen.has(id);
      });
    Array.from(seen)
      .sort()
      .forEach(function (id) {
        if (!catalog.byId[id]) ids.push(id);
      });
    return ids;
  }

  /* Calendar days from the record's export (its date in JST) to the 基準日 (ref: UTC ms of
     the 基準日's midnight). */
  function ageDays(exported, ref) {
    var jst = new Date(Date.parse(exported) + 9 * 3600000);
    return Math.round((ref - Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate())) / DAY);
  }

  function ageText(days) {
    if (days === null || days === undefined) return "";
    if (days === 0) return "基準日の当日";
    return days > 0 ? "基準日の" + days + "日前" : "基準日より" + -days + "日後";
  }

  /* A person's state from their module cells: 対象なし (nothing assigned), 未提出 (no record),
     完了 (every module of theirs), 期限超過 (any overdue), else 未完了. */
  function summarise(cells, kind) {
    var done = 0;
    var total = 0;
    var overdue = false;
    for (var i = 0; i < cells.length; i++) {
      var st = cells[i];
      if (!st) continue;
      total++;
      if (st === "完了") done++;
      if (st === "期限超過") overdue = true;
    }
    var state = !total ? "対象なし" : kind === "未提出" ? "未提出" : done === total ? "完了" : overdue ? "期限超過" : "未完了";
    return { done: kind === "未提出" ? 0 : done, total: total, state: state };
  }

  /* One person's row. src: roster.match()'s entry; ctx: { asOf, ref, columns, known, cur,
     roleName(row) }. Each cell: 完了, 未完了, 期限超過, 未提出, or "" (not given to them). For
     someone on the roster its name, section and role stand; the record's fill an empty
     section or role. */
  function row(src, ctx) {
    var p = src.p;
    var g = src.g;
    var kind = src.kind;
    var person = { role: p.role || (p.roleText ? "" : g ? g.person.role : ""), codes: p.codes || [] };
    var scope = scopeOf(person, g, ctx.known);
    var cells = [];
    var dues = [];
    for (var i = 0; i < ctx.columns.length; i++) {
      var id = ctx.columns[i];
      var m = g && g.modules.get(id);
      var due = scope ? scope.modules.get(id) : m ? m.due : undefined;
      var given = scope ? due !== undefined : kind === "未提出" || !!m;
      dues.push(given && due ? due : "");
      if (!given) cells.push("");
      else if (kind === "未提出") cells.push("未提出");
      else cells.push(ctx.cur.state(!!(m && m.complete), due, ctx.asOf));
    }
    var sum = summarise(cells, kind);
    var out = {
      staffId: p.staffId || "",
      name: p.name,
      section: p.section || (g ? g.person.section : ""),
      role: person.role,
      roleText: p.roleText || "",
      kind: kind,
      state: sum.state,
      cells: cells,
      dues: dues,
      done: sum.done,
      total: sum.total,
      codes: scope ? scope.codes : g ? Array.from(g.codes.keys()) : [],
      group: g,
      days: g ? ageDays(g.exported, ctx.ref) : null,
    };
    out.roleLabel = ctx.roleName(out);
    out.sort = (kind === "名簿にない" ? "1" : "0") + out.section + "\u0000" + out.staffId + "\u0000" + out.name;
    return out;
  }

  function bySortKey(a, b) {
    return a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0;
  }

  /* Two sorted runs as one (a merge sort's step: the view merges a pass per task). */
  function mergeRuns(a, b) {
    var out = new Array(a.length + b.length);
    var i = 0;
    var j = 0;
    var k = 0;
    while (i < a.length && j < b.length) out[k++] = b[j].sort < a[i].sort ? b[j++] : a[i++];
    while (i < a.length) out[k++] = a[i++];
    while (j < b.length) out[k++] = b[j++];
    return out;
  }

  /* --- filters, sorting ---------------------------------------------------------------- */

  /* f: { section, role (label), state, assignment (code) }; each "" for all. With an
     assignment, only the people it applies to, and only its modules: their cells, counts and
     states are those of that assignment. Returns { rows, columns: indexes of the columns shown }. */
  function filter(all, f, columns, known) {
    var a = f.assignment ? known.byCode[f.assignment] : null;
    var shown = [];
    for (var c = 0; c < columns.length; c++) if (!a || a.modules.indexOf(columns[c]) >= 0) shown.push(c);
    var rows = [];
    all.forEach(function (r) {
      if (a) {
        if (r.codes.indexOf(a.code) < 0) return;
        var cells = shown.map(function (i) {
          return r.cells[i];
        });
        var sum = summarise(cells, r.kind);
        r = Object.assign({}, r, { cells: r.cells.map(function (s, i) {
          return shown.indexOf(i) >= 0 ? s : "";
        }), done: sum.done, total: sum.total, state: sum.state });
      }
      if (f.section && r.section !== f.section) return;
      if (f.role && r.roleLabel !== f.role) return;
      if (f.state === "名簿にない") {
        if (r.kind !== "名簿にない") return;
      } else if (f.state && r.state !== f.state) return;
      rows.push(r);
    });
    return { rows: rows, columns: shown };
  }

  var STATE_ORDER = { 期限超過: 0, 未提出: 1, 未完了: 2, 完了: 3, 対象なし: 4, "": 5 };
  var KIND_ORDER = { 未提出: 0, 名簿にない: 1, 提出済み: 2 };

  function sortValue(r, key) {
    switch (key) {
      case "name":
      case "staffId":
      case "section":
        return r[key];
      case "role":
        return r.roleLabel;
      case "kind":
        return KIND_ORDER[r.kind];
      case "state":
        return STATE_ORDER[r.state];
      case "progress":
        return r.total ? r.done / r.total : -1;
      case "exported":
        return r.group ? Date.parse(r.group.exported) : -Infinity;
      case "days":
        return r.days === null ? Infinity : r.days;
    }
    if (/^m\d+$/.test(key)) return STATE_ORDER[r.cells[+key.slice(1)]];
    return r.sort;
  }

  /* Rows sorted by one column (name, staffId, section, role, kind, state, progress, exported,
     days, or m<column index>), ascending or descending; ties keep the report's order. */
  function sortRows(rows, key, descending) {
    var keyed = rows.map(function (r, i) {
      return { r: r, v: sortValue(r, key), i: i };
    });
    var dir = descending ? -1 : 1;
    keyed.sort(function (a, b) {
      var x = a.v;
      var y = b.v;
      var c = typeof x === "string" ? x.localeCompare(y, "ja") : x < y ? -1 : x > y ? 1 : 0;
      return c * dir || a.i - b.i;
    });
    return keyed.map(function (k) {
      return k.r;
    });
  }

  /* --- rates ---------------------------------------------------------------------------- */

  var STATES = ["完了", "未完了", "期限超過", "未提出"];

  function rateGroup(name) {
    return { name: name, total: 0, 完了: 0, 未完了: 0, 期限超過: 0, 未提出: 0 };
  }

  /* Rates count people: by 所属 and 役割 each person once (完了 when every module of theirs
     is), by module each person it was given to. A person given nothing (対象なし) is in no
     rate; with a roster, records of people not on it are in none either.
     titles: the module columns' titles; roleOrder: the site's role names in order. */
  function rates(rows, titles, roleOrder, hasRoster) {
    var kinds = { 所属: new Map(), 役割: new Map(), モジュール: new Map() };
    function add(kind, name, state) {
      var map = kinds[kind];
      var g = map.get(name);
      if (!g) map.set(name, (g = rateGroup(name)));
      g.total++;
      g[state]++;
    }
    var total = rateGroup("全体");
    rows.forEach(function (r) {
      if ((hasRoster && r.kind === "名簿にない") || r.state === "対象なし") return;
      total.total++;
      total[r.state]++;
      add("所属", r.section || "(所属なし)", r.state);
      add("役割", r.roleLabel, r.state);
      for (var i = 0; i < r.cells.length; i++) {
        if (r.cells[i]) add("モジュール", titles[i], r.cells[i]);
      }
    });
    var order = { モジュール: titles, 役割: roleOrder.concat(["(未選択)"]) };
    var out = {};
    ["所属", "モジュール", "役割"].forEach(function (kind) {
      var list = Array.from(kinds[kind].values());
      var o = order[kind];
      list.sort(function (a, b) {
        if (o) {
          var ia = o.indexOf(a.name);
          var ib = o.indexOf(b.name);
          ia = ia < 0 ? 1e9 : ia;
          ib = ib < 0 ? 1e9 : ib;
          if (ia !== ib) return ia - ib;
        }
        return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
      });
      out[kind] = list;
    });
    return { total: total, byKind: out };
  }

  function percentNumber(done, total) {
    return total ? Math.round((done / total) * 1000) / 10 : "";
  }

  function percent(done, total) {
    return total ? percentNumber(done, total) + "%" : "—";
  }

  /* --- CSV rows (written by csv.js) ----------------------------------------------------- */

  /* A person without a record: their state is not known. */
  function stateText(r) {
    return r.state === "未提出" ? "不明(未提出)" : r.state;
  }

  function cellText(s) {
    return s || "対象外";
  }

  function personCells(r) {
    return [r.staffId, r.name, r.section, r.roleLabel, r.kind];
  }

  /* 修了集計: one row a person. view: { rows, columns (indexes) }; ids and titles: all columns. */
  function peopleCsv(view, ids, titles, asOf, excelTime) {
    var out = [
      ["職員番号", "氏名", "所属", "役割", "提出", "状態", "完了数", "対象数", "書き出し日時", "記録の古さ(日)"].concat(
        view.columns.map(function (i) {
          return titles[i];
        }),
        ["基準日"]
      ),
    ];
    view.rows.forEach(function (r) {
      out.push(
        personCells(r).concat(
          [stateText(r), r.kind === "未提出" ? "" : r.done, r.total, r.group ? excelTime(r.group.exported) : "", r.days === null ? "" : r.days],
          view.columns.map(function (i) {
            return cellText(r.cells[i]);
          }),
          [asOf]
        )
      );
    });
    return out;
  }

  /* 明細: one row a person and module given to them (its state, due, figures). */
  function detailCsv(view, ids, titles, asOf, excelTime) {
    var out = [
      [
        "職員番号", "氏名", "所属", "役割", "提出", "モジュールID", "モジュール", "状態", "期限", "完了日時", "更新日時",
        "学習の完了数", "学習の対象数", "実践の完了数(自己申告)", "実践の対象数", "理解度チェックの点", "理解度チェックの満点", "理解度チェック",
        "書き出し日時", "ファイル", "基準日",
      ],
    ];
    view.rows.forEach(function (r) {
      view.columns.forEach(function (i) {
        if (!r.cells[i]) return;
        var m = r.group ? r.group.modules.get(ids[i]) : null;
        var sc = m && m.selfCheck;
        out.push(
          personCells(r).concat([
            ids[i], titles[i], r.cells[i], r.dues[i], m ? excelTime(m.completedAt) : "", m ? excelTime(m.updatedAt) : "",
            m && m.learning ? m.learning.done : "", m && m.learning ? m.learning.total : "",
            m && m.practice ? m.practice.done : "", m && m.practice ? m.practice.total : "",
            sc ? sc.score : "", sc ? sc.max : "", sc ? (sc.passed ? "合格" : "不合格") : "",
            m ? excelTime(m.exported) : "", m ? m.file : "", asOf,
          ])
        );
      });
      if (!r.total) out.push(personCells(r).concat(["", "", r.state === "未提出" ? "不明(未提出)" : "対象なし", "", "", "", "", "", "", "", "", "", "", "", "", asOf]));
    });
    return out;
  }

  /* 完了率. totalLabel: who the 全体 row counts (名簿の全員, or the filters in words). */
  function ratesCsv(r, totalLabel, asOf) {
    var out = [["区分", "名前", "人数", "完了", "未完了", "期限超過", "未提出", "完了率(%)", "基準日"]];
    var t = r.total;
    out.push(["全体", totalLabel, t.total, t["完了"], t["未完了"], t["期限超過"], t["未提出"], percentNumber(t["完了"], t.total), asOf]);
    ["所属", "モジュール", "役割"].forEach(function (kind) {
      r.byKind[kind].forEach(function (g) {
        out.push([kind, g.name, g.total, g["完了"], g["未完了"], g["期限超過"], g["未提出"], percentNumber(g["完了"], g.total), asOf]);
      });
    });
    return out;
  }

  function filesCsv(files, excelTime) {
    var out = [["ファイル", "結果", "理由", "職員番号", "氏名", "書き出し日時"]];
    files.forEach(function (f) {
      out.push([f.name, f.result, f.reason, f.staffId || "", f.personName || "", excelTime(f.exported)]);
    });
    return out;
  }

  /* Who the 全体 row counts, in words: 名簿の全員, or the filters that narrowed it. */
  function totalLabel(f, hasRoster, known) {
    var parts = [];
    if (f.assignment) parts.push("受講指示 " + f.assignment + (known.byCode[f.assignment] && known.byCode[f.assignment].name ? "(" + known.byCode[f.assignment].name + ")" : ""));
    if (f.section) parts.push("所属 " + f.section);
    if (f.role) parts.push("役割 " + f.role);
    if (f.state) parts.push("状態 " + f.state);
    if (!parts.length) return hasRoster ? "名簿の全員" : "記録の届いた全員";
    return "絞り込んだ人(" + parts.join("、") + ")";
  }

  var api = {
    TARGETS: TARGETS,
    STATES: STATES,
    modulesOfCode: modulesOfCode,
    assignments: assignments,
    applies: applies,
    scopeOf: scopeOf,
    moduleColumns: moduleColumns,
    ageDays: ageDays,
    ageText: ageText,
    summarise: summarise,
    row: row,
    bySortKey: bySortKey,
    mergeRuns: mergeRuns,
    filter: filter,
    sortRows: sortRows,
    rates: rates,
    percent: percent,
    percentNumber: percentNumber,
    stateText: stateText,
    peopleCsv: peopleCsv,
    detailCsv: detailCsv,
    ratesCsv: ratesCsv,
    filesCsv: filesCsv,
    totalLabel: totalLabel,
  };
  if (typeof window !== "undefined" && window.DX && window.DX.report) {
    window.DX.report.model = api;
  }
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
})();
