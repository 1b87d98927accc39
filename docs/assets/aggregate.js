/*
 * 修了記録を集計する: many completion records (RECORD-FORMAT.md) read in the browser,
 * each checked before use; a table of people × modules and completion rates, as CSV too.
 * A file that is too big, not JSON, foreign or malformed is refused with its reason; the
 * rest are still counted. Everything from a file is shown with textContent only.
 */
(function () {
  "use strict";

  var MAX_BYTES = 256 * 1024;
  var MAX_FILES = 1000;
  var CODE = /^[0-9A-Z]{4}(?:-[0-9A-Z]{1,4}){1,9}$/;

  function isText(value, max) {
    return typeof value === "string" && value.trim() !== "" && value.length <= max;
  }

  /* Returns null when `r` is a completion record this page can count, else the reason. */
  function problemWith(r, site, cur) {
    if (!r || typeof r !== "object" || Array.isArray(r)) return "記録の形式ではありません。";
    if (r.format === "jichitai-dx-progress") return "「わたしの進捗」の進捗記録です。「わたしの学習」から書き出した修了記録を提出してもらってください。";
    if (r.format !== cur.RECORD_FORMAT) return "修了記録のファイルではありません。";
    if (cur.RECORD_VERSIONS.indexOf(r.version) < 0) return "対応していない版の記録です(版: " + String(r.version).slice(0, 20) + ")。";
    if (r.site !== site) return "別のサイト(" + String(r.site).slice(0, 60) + ")の記録です。";
    if (typeof r.exported !== "string" || isNaN(Date.parse(r.exported))) return "書き出した日時がありません。";
    var p = r.person;
    if (!p || typeof p !== "object") return "氏名と所属がありません。";
    if (!isText(p.name, 60)) return "氏名がない、または長すぎます。";
    if (!isText(p.section, 60)) return "所属がない、または長すぎます。";
    if (p.role !== undefined && p.role !== "" && !(typeof p.role === "string" && cur.ID.test(p.role))) return "役割が正しくありません。";
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
      if (m.complete && (typeof m.completedAt !== "string" || isNaN(Date.parse(m.completedAt)))) return "モジュール " + m.id + " の完了日時が正しくありません。";
    }
    return null;
  }

  function percent(done, total) {
    return total ? Math.round((done / total) * 1000) / 10 + "%" : "—";
  }

  function start(root) {
    var cur = DX.curriculum;
    var catalog = cur.catalogOf(root);
    var site = root.getAttribute("data-site");
    var input = root.querySelector("[data-role=files]");
    var dateInput = root.querySelector("[data-role=date]");
    var status = root.querySelector("[data-role=status]");
    var filesReport = root.querySelector("[data-role=files-report]");
    var acceptedList = root.querySelector("[data-role=accepted]");
    var refusedList = root.querySelector("[data-role=refused]");
    var resultBox = root.querySelector("[data-role=result]");
    var peopleTable = root.querySelector("[data-role=people]");
    var ratesBox = root.querySelector("[data-role=rates]");
    var el = cur.el;
    var people = []; // { name, section, role, file, exported, modules: { id: { due, complete, completedAt } } }
    var refused = []; // { file, reason }
    var current = null; // computed tables

    DX.reveal(root);
    dateInput.value = cur.today();

    function readFile(file) {
      return new Promise(function (resolve) {
        if (file.size > MAX_BYTES) {
          resolve({ file: file.name, reason: "ファイルが大きすぎます(" + Math.round(file.size / 1024) + " KB、上限256 KB)。" });
          return;
        }
        var reader = new FileReader();
        reader.onload = function () {
          var data;
          try {
            data = JSON.parse(String(reader.result).replace(/^\ufeff/, ""));
          } catch (error) {
            resolve({ file: file.name, reason: "JSONとして読み取れません(CSVや別の形式のファイルは集計に使えません)。" });
            return;
          }
          var reason = problemWith(data, site, cur);
          resolve(reason ? { file: file.name, reason: reason } : { file: file.name, record: data });
        };
        reader.onerror = function () {
          resolve({ file: file.name, reason: "ファイルを読み取れませんでした。" });
        };
        reader.readAsText(file);
      });
    }

    function toPerson(result) {
      var r = result.record;
      var modules = {};
      r.assignments.forEach(function (a) {
        a.modules.forEach(function (id) {
          if (!modules[id] || a.due < modules[id].due) modules[id] = { due: a.due, complete: false, completedAt: null };
        });
      });
      r.modules.forEach(function (m) {
        if (modules[m.id]) {
          modules[m.id].complete = m.complete;
          modules[m.id].completedAt = m.complete ? m.completedAt : null;
        }
      });
      return {
        name: r.person.name.trim(),
        section: r.person.section.trim(),
        role: typeof r.person.role === "string" ? r.person.role : "",
        file: result.file,
        exported: r.exported,
        modules: modules,
      };
    }

    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files || []);
      if (!files.length) return;
      if (files.length > MAX_FILES) {
        status.textContent = "一度に読み込めるのは " + MAX_FILES + " ファイルまでです。分けて選んでください。";
        return;
      }
      status.textContent = files.length + " ファイルを読み込んでいます…";
      Promise.all(files.map(readFile)).then(function (results) {
        people = [];
        refused = [];
        var byPerson = {};
        results.forEach(function (result) {
          if (result.reason) {
            refused.push(result);
            return;
          }
          var person = toPerson(result);
          var key = person.name + "\u0000" + person.section;
          var other = byPerson[key];
          if (other) {
            var newer = Date.parse(person.exported) > Date.parse(other.exported) ? person : other;
            var older = newer === person ? other : person;
            refused.push({ file: older.file, reason: "同じ氏名・所属の、より新しい記録(" + newer.file + ")があるため除きました。" });
            byPerson[key] = newer;
          } else {
            byPerson[key] = person;
          }
        });
        Object.keys(byPerson).forEach(function (key) {
          people.push(byPerson[key]);
        });
        people.sort(function (a, b) {
          return a.section === b.section ? (a.name < b.name ? -1 : 1) : a.section < b.section ? -1 : 1;
        });
        input.value = "";
        render();
        status.textContent =
          files.length + " ファイルのうち " + people.length + " 人分を集計しました。" + (refused.length ? "集計に入れなかったファイルが " + refused.length + " 件あります。" : "");
      });
    });

    dateInput.addEventListener("change", function () {
      if (!people.length) return;
      render();
      status.textContent = "基準日を " + (cur.wareki(dateInput.value) || dateInput.value) + " にして集計し直しました。";
    });

    function moduleColumns() {
      var seen = {};
      people.forEach(function (p) {
        Object.keys(p.modules).forEach(function (id) {
          seen[id] = true;
        });
      });
      var ids = catalog.modules
        .map(function (m) {
          return m.id;
        })
        .filter(function (id) {
          return seen[id];
        });
      Object.keys(seen)
        .sort()
        .forEach(function (id) {
          if (!catalog.byId[id]) ids.push(id);
        });
      return ids;
    }

    function moduleTitle(id) {
      var m = catalog.byId[id];
      return m ? m.title + (m.retired ? "(廃止)" : "") : id + "(現在のサイトにないモジュール)";
    }

    function roleName(id) {
      var r = catalog.roleById[id];
      return r ? r.name : "(未選択)";
    }

    function compute() {
      var asOf = cur.parseDate(dateInput.value) ? dateInput.value : cur.today();
      var columns = moduleColumns();
      var rows = people.map(function (p) {
        var cells = columns.map(function (id) {
          var m = p.modules[id];
          return m ? cur.state(m.complete, m.due, asOf) : "";
        });
        return { person: p, cells: cells };
      });
      // No prototype: a section named "constructor" or "__proto__" is just a name.
      var groups = { モジュール: Object.create(null), 役割: Object.create(null), 所属: Object.create(null) };
      function add(kind, name, state) {
        var g = groups[kind][name] || (groups[kind][name] = { name: name, total: 0, 完了: 0, 未完了: 0, 期限超過: 0 });
        g.total++;
        g[state]++;
      }
      rows.forEach(function (row) {
        row.cells.forEach(function (state, i) {
          if (!state) return;
          add("モジュール", moduleTitle(columns[i]), state);
          add("役割", roleName(row.person.role), state);
          add("所属", row.person.section, state);
        });
      });
      var order = {
        モジュール: columns.map(moduleTitle),
        役割: catalog.roles
          .map(function (r) {
            return r.name;
          })
          .concat(["(未選択)"]),
      };
      var rates = {};
      Object.keys(groups).forEach(function (kind) {
        var names = Object.keys(groups[kind]);
        if (order[kind]) {
          names.sort(function (a, b) {
            return order[kind].indexOf(a) - order[kind].indexOf(b);
          });
        } else {
          names.sort();
        }
        rates[kind] = names.map(function (n) {
          return groups[kind][n];
        });
      });
      return { asOf: asOf, columns: columns, rows: rows, rates: rates };
    }

    function th(text, scope) {
      var cell = el("th", text);
      cell.scope = scope;
      return cell;
    }

    function stateCell(text) {
      var cell = el("td", text || "—");
      if (text) cell.className = "dx-state" + (text === "完了" ? " dx-state--done" : text === "期限超過" ? " dx-state--overdue" : "");
      else cell.setAttribute("aria-label", "対象外");
      return cell;
    }

    function render() {
      current = compute();
      acceptedList.textContent = "";
      refusedList.textContent = "";
      people.forEach(function (p) {
        acceptedList.appendChild(el("li", p.file + " — " + p.section + " " + p.name));
      });
      refused.forEach(function (r) {
        refusedList.appendChild(el("li", r.file + " — " + r.reason));
      });
      if (!refused.length) refusedList.appendChild(el("li", "ありません。"));
      filesReport.hidden = false;

      peopleTable.textContent = "";
      var caption = el("caption", "職員×モジュールの状態(基準日 " + cur.wareki(current.asOf) + "、" + people.length + "人)");
      peopleTable.appendChild(caption);
      var head = document.createElement("thead");
      var hr = document.createElement("tr");
      ["氏名", "所属", "役割"].forEach(function (t) {
        hr.appendChild(th(t, "col"));
      });
      current.columns.forEach(function (id) {
        hr.appendChild(th(moduleTitle(id), "col"));
      });
      hr.appendChild(th("完了 / 対象", "col"));
      head.appendChild(hr);
      peopleTable.appendChild(head);
      var body = document.createElement("tbody");
      current.rows.forEach(function (row) {
        var tr = document.createElement("tr");
        tr.appendChild(th(row.person.name, "row"));
        tr.appendChild(el("td", row.person.section));
        tr.appendChild(el("td", roleName(row.person.role)));
        var done = 0;
        var total = 0;
        row.cells.forEach(function (state) {
          tr.appendChild(stateCell(state));
          if (state) total++;
          if (state === "完了") done++;
        });
        tr.appendChild(el("td", done + " / " + total));
        body.appendChild(tr);
      });
      peopleTable.appendChild(body);

      ratesBox.textContent = "";
      Object.keys(current.rates).forEach(function (kind, index) {
        var table = document.createElement("table");
        table.appendChild(el("caption", kind + "ごとの完了率"));
        var thead = document.createElement("thead");
        var tr = document.createElement("tr");
        [kind, "対象", "完了", "未完了", "期限超過", "完了率"].forEach(function (t) {
          tr.appendChild(th(t, "col"));
        });
        thead.appendChild(tr);
        table.appendChild(thead);
        var tbody = document.createElement("tbody");
        current.rates[kind].forEach(function (g) {
          var row = document.createElement("tr");
          row.appendChild(th(g.name, "row"));
          [g.total, g["完了"], g["未完了"], g["期限超過"], percent(g["完了"], g.total)].forEach(function (v) {
            row.appendChild(el("td", v));
          });
          row.setAttribute("data-rate", kind + ":" + g.name);
          tbody.appendChild(row);
        });
        table.appendChild(tbody);
        table.setAttribute("data-kind", kind);
        ratesBox.appendChild(table);
      });
      resultBox.hidden = people.length === 0;
    }

    root.querySelector("[data-action=csv-people]").addEventListener("click", function () {
      if (!current) return;
      var rows = [["氏名", "所属", "役割"].concat(current.columns.map(moduleTitle), ["完了", "対象", "基準日"])];
      current.rows.forEach(function (row) {
        var done = row.cells.filter(function (s) {
          return s === "完了";
        }).length;
        var total = row.cells.filter(Boolean).length;
        rows.push([row.person.name, row.person.section, roleName(row.person.role)].concat(row.cells.map(function (s) {
          return s || "対象外";
        }), [done, total, current.asOf]));
      });
      DX.download("修了集計-" + current.asOf + ".csv", "text/csv", DX.csv(rows));
      status.textContent = "職員×モジュールの表をCSVファイルに書き出しました。";
    });

    root.querySelector("[data-action=csv-rates]").addEventListener("click", function () {
      if (!current) return;
      var rows = [["区分", "名前", "対象", "完了", "未完了", "期限超過", "完了率", "基準日"]];
      Object.keys(current.rates).forEach(function (kind) {
        current.rates[kind].forEach(function (g) {
          rows.push([kind, g.name, g.total, g["完了"], g["未完了"], g["期限超過"], percent(g["完了"], g.total), current.asOf]);
        });
      });
      DX.download("完了率-" + current.asOf + ".csv", "text/csv", DX.csv(rows));
      status.textContent = "完了率をCSVファイルに書き出しました。";
    });
  }

  DX.register("aggregate", start);
})();
