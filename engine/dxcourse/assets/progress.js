/*
 * 「わたしの進捗」: totals per widget, the modules' progress, export as JSON and CSV, import
 * with merge, backups.
 *
 * The CSV lists what was done by default (ticks, answers, outcomes, typed text, modules
 * started), or, as an option, every item the site has. Every key the site writes has a kind
 * and a label: the catalog's (made at build time from the data) or, for keys named by what
 * the learner opened (assignment/<code>), one made from the saved value. Only keys the site
 * no longer has are filed as 「(現在のサイトにない項目)」.
 */
(function () {
  "use strict";

  var HEADER = ["種類", "まとまり", "項目", "状態", "完了数", "対象数", "更新日時", "キー"];
  var GONE = "(現在のサイトにない項目)";

  /* A saved value in words. */
  function describe(value) {
    if (value === true) return "完了";
    if (value && typeof value === "object" && typeof value.score === "number") {
      return value.score + "問正解(全" + value.max + "問・" + (value.passed ? "合格" : "不合格") + ")"; // a self-check
    }
    if (value === false) return "未完了";
    if (value && typeof value === "object" && typeof value.label === "string") return value.label;
    if (typeof value === "string") return value;
    return value === undefined || value === null ? "" : JSON.stringify(value);
  }

  /* Whether a saved value records something done: a tick, an answer, an outcome, text.
     An untick (false), an emptied field and nothing at all are not. */
  function isDone(value) {
    if (value === true) return true;
    if (value === false || value === undefined || value === null) return false;
    if (typeof value === "string") return value.trim() !== "";
    return true;
  }

  function isAssignment(value) {
    return !!value && typeof value === "object" && typeof value.code === "string" && Array.isArray(value.modules);
  }

  /* Kind, group, label and state of a key the catalog cannot list ahead: the assignments the
     learner opened (わたしの学習). null for any other key. */
  function openedItem(key, value) {
    if (key.indexOf("assignment/") !== 0) return null;
    var a = isAssignment(value) ? value : null;
    var code = a ? a.code : key.slice("assignment/".length).toUpperCase();
    return {
      kind: "受講指示",
      group: "わたしの学習",
      label: (a && a.name ? a.name + " " : "") + "(コード " + code + ")",
      state: a ? "期限 " + a.due + "・モジュール " + a.modules.length + "件" : describe(value),
    };
  }

  /* Whether anything of a module was done: a 学習 or 実践 part, or a self-check taken (even
     failed). Unticking everything again is nothing done. */
  function started(st) {
    return st.learning.done > 0 || st.practice.done > 0 || !!st.selfCheck;
  }

  /* The modules worth showing: those the learner has touched or was assigned, in the
     curriculum's order, each with its status. statusOf: completion.js's, on `items`. */
  function moduleProgress(modules, items, statusOf) {
    var assigned = Object.create(null);
    Object.keys(items || {}).forEach(function (key) {
      var value = items[key] && items[key].value;
      if (key.indexOf("assignment/") === 0 && isAssignment(value)) {
        value.modules.forEach(function (id) {
          assigned[id] = true;
        });
      }
    });
    var out = [];
    (modules || []).forEach(function (spec) {
      var st = statusOf(spec, items || {});
      if (!assigned[spec.id] && !started(st)) return;
      out.push({
        id: spec.id,
        title: spec.title,
        page: spec.page,
        assigned: !!assigned[spec.id],
        complete: st.complete,
        completedAt: st.completedAt,
        learning: st.learning,
        practice: st.practice,
      });
    });
    return out;
  }

  /*
   * The CSV's rows, header first. options: { catalog, modules, items, all, statusOf, time }.
   * One row per item of the catalog (only those done unless `all`), per assignment opened,
   * per module (学習 and 実践 apart; only modules started unless `all`), then every key the
   * site no longer has (always: it is the learner's). time(iso): a time for Excel.
   */
  function csvRows(options) {
    var items = options.items || {};
    var all = !!options.all;
    var time = options.time;
    var rows = [HEADER.slice()];
    var known = Object.create(null);
    (options.catalog || []).forEach(function (item) {
      known[item.key] = true;
      var entry = Object.prototype.hasOwnProperty.call(items, item.key) ? items[item.key] : null;
      if (!all && !(entry && isDone(entry.value))) return;
      rows.push([item.kind, item.group, item.label, entry ? describe(entry.value) : "未着手", "", "", entry ? time(entry.at) : "", item.key]);
    });
    var keys = Object.keys(items).sort();
    keys.forEach(function (key) {
      if (known[key]) return;
      var opened = openedItem(key, items[key].value);
      if (!opened) return;
      known[key] = true;
      rows.push([opened.kind, opened.group, opened.label, opened.state, "", "", time(items[key].at), key]);
    });
    (options.modules || []).forEach(function (spec) {
      var st = options.statusOf(spec, items);
      if (!all && !started(st)) return;
      rows.push(["学習モジュール", spec.title, "学習(修了に必要)", st.complete ? "完了" : "未完了", st.learning.done, st.learning.total, time(st.complete ? st.completedAt : st.updatedAt), ""]);
      rows.push(["学習モジュール", spec.title, "実践(自己申告)", "", st.practice.done, st.practice.total, "", ""]);
    });
    keys.forEach(function (key) {
      if (known[key]) return;
      rows.push([GONE, "", "", describe(items[key].value), "", "", time(items[key].at), key]);
    });
    return rows;
  }

  function fileDate(date) {
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return "" + date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate());
  }

  // ---------------------------------------------------------------- the page

  function start(root) {
    var status = root.querySelector("[data-role=status]");
    var exportFeedback = root.querySelector("[data-role=export-feedback]");
    var backupFeedback = root.querySelector("[data-role=backup-feedback]");
    var catalog = JSON.parse(root.getAttribute("data-catalog"));
    var modules = JSON.parse(root.getAttribute("data-modules") || "[]");
    var cur = DX.curriculum;
    DX.reveal(root);
    DX.showStorageNotice(root.querySelector("[data-role=notice]"));

    function refresh() {
      var rows = root.querySelectorAll("tr[data-keys]");
      for (var i = 0; i < rows.length; i++) {
        var keys = rows[i].getAttribute("data-keys").split(" ");
        var done = keys.filter(function (key) {
          return DX.store.get(key) === true;
        }).length;
        rows[i].querySelector("[data-role=done]").textContent = String(done);
      }
      showModules();
      showTrees();
      showBackups();
      var last = DX.store.lastExported();
      root.querySelector("[data-role=last-export]").textContent = last ? DX.excelTime(last) : "まだ書き出していません";
    }

    var drawnModules = null; // redrawn only when what it shows changed: no link replaced under a pointer

    function showModules() {
      var shown = moduleProgress(modules, DX.store.entries(), cur.statusOf);
      var json = JSON.stringify(shown);
      if (json === drawnModules) return;
      drawnModules = json;
      var body = root.querySelector("[data-role=module-rows]");
      var table = body.closest("table");
      var summary = root.querySelector("[data-role=module-summary]");
      body.textContent = "";
      table.hidden = shown.length === 0;
      var complete = shown.filter(function (m) {
        return m.complete;
      }).length;
      summary.textContent = shown.length
        ? "取り組んでいる、または割り当てられたモジュールは " + shown.length + " 件で、そのうち " + complete + " 件を修了しています。"
        : "まだ取り組んだモジュールはありません。割り当てられたモジュールは「わたしの学習」で開けます。";
      shown.forEach(function (m) {
        var tr = document.createElement("tr");
        tr.setAttribute("data-module-id", m.id);
        var th = document.createElement("th");
        th.scope = "row";
        var link = document.createElement("a");
        link.href = m.page;
        link.textContent = m.title;
        th.appendChild(link);
        if (m.assigned) {
          var tag = document.createElement("span");
          tag.className = "dx-progress__assigned";
          tag.textContent = "受講指示あり";
          th.appendChild(tag);
        }
        tr.appendChild(th);
        var learning = document.createElement("td");
        learning.setAttribute("data-role", "learning");
        var state = document.createElement("span");
        state.className = cur.stateClass(m.complete ? "完了" : "");
        state.textContent = m.complete ? "修了" : m.learning.done + " / " + m.learning.total + " 件";
        learning.appendChild(state);
        if (m.complete) {
          var when = document.createElement("span");
          when.className = "dx-progress__date";
          when.textContent = cur.formatTime(m.completedAt);
          learning.appendChild(when);
        } else {
          var bar = document.createElement("span");
          bar.className = "dx-progress__bar";
          bar.setAttribute("aria-hidden", "true");
          var fill = document.createElement("span");
          fill.style.width = Math.round((100 * m.learning.done) / Math.max(1, m.learning.total)) + "%";
          bar.appendChild(fill);
          learning.appendChild(bar);
        }
        tr.appendChild(learning);
        var practice = document.createElement("td");
        practice.textContent = m.practice.total ? m.practice.done + " / " + m.practice.total + " 件" : "—";
        tr.appendChild(practice);
        body.appendChild(tr);
      });
    }

    /* Each tree's last outcome, its date, and a link that reopens it (answers are checked
       against the fragment's alphabet: the record may come from an imported file). */
    function showTrees() {
      var rows = root.querySelectorAll("tr[data-tree-key]");
      for (var i = 0; i < rows.length; i++) {
        var key = rows[i].getAttribute("data-tree-key");
        var entry = DX.store.entry(key);
        var value = entry && entry.value;
        var link = rows[i].querySelector("[data-role=tree-link]");
        var page = link.getAttribute("href").split("#")[0];
        if (!value || typeof value.label !== "string") continue;
        rows[i].querySelector("[data-role=verdict]").textContent = value.label;
        rows[i].querySelector("[data-role=date]").textContent = DX.formatDate(new Date(entry.at));
        var answers = typeof value.answers === "string" && /^[a-z0-9./-]*$/.test(value.answers) ? value.answers : "";
        var href = answers ? page + "#" + key.slice("tree/".length) + "=" + answers : page;
        if (link.getAttribute("href") !== href) link.setAttribute("href", href);
      }
    }

    function showBackups() {
      var keys = DX.store.backups();
      var box = root.querySelector("[data-role=backups]");
      var list = root.querySelector("[data-role=backup-list]");
      list.textContent = "";
      box.hidden = keys.length === 0;
      keys.forEach(function (key, index) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = "退避した記録 " + (index + 1) + " をダウンロード(" + key.split(":backup:")[1] + ")";
        button.addEventListener("click", function () {
          DX.download("dx-progress-backup-" + (index + 1) + ".txt", "text/plain", DX.store.backupText(key) || "");
          DX.feedback(backupFeedback, "退避した記録 " + (index + 1) + " をファイル(dx-progress-backup-" + (index + 1) + ".txt)に書き出しました。");
        });
        item.appendChild(button);
        list.appendChild(item);
      });
    }

    root.querySelector("[data-action=export-json]").addEventListener("click", function () {
      DX.saveBackup();
      DX.feedback(exportFeedback, "記録をJSONファイル(dx-progress-" + fileDate(new Date()) + ".json)に書き出しました。");
    });

    root.querySelector("[data-action=export-csv]").addEventListener("click", function () {
      var everything = root.querySelector("[data-role=csv-scope][value=all]").checked;
      var rows = csvRows({
        catalog: catalog,
        modules: modules,
        items: DX.store.entries(),
        all: everything,
        statusOf: cur.statusOf,
        time: DX.excelTime,
      });
      var name = "dx-progress-" + fileDate(new Date()) + ".csv";
      DX.download(name, "text/csv", DX.csv(rows));
      DX.feedback(
        exportFeedback,
        "一覧をCSVファイル(" + name + ")に書き出しました(" + (everything ? "すべての項目" : "取り組んだ項目") + "、" + (rows.length - 1) + "行)。"
      );
    });

    var input = root.querySelector("[data-role=import]");
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      input.value = "";
      if (file.size > DX.store.MAX_IMPORT_BYTES) {
        DX.feedback(
          status,
          "読み込めませんでした: ファイルが大きすぎます(" + Math.round(file.size / 1024) + " KB)。このサイトの記録は通常数十KB以下です。"
        );
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var result = DX.store.importText(String(reader.result));
        DX.feedback(
          status,
          result.error
            ? "読み込めませんでした: " + result.error + " 今の記録は変わっていません。"
            : "読み込みました。" + result.changed + " 件の項目を更新しました。"
        );
      };
      reader.onerror = function () {
        DX.feedback(status, "ファイルを読み取れませんでした。今の記録は変わっていません。");
      };
      reader.readAsText(file);
    });

    DX.onProgressChange(root, refresh);
    refresh();
  }

  if (typeof window === "object" && window.DX && DX.register) DX.register("progress", start);

  // For Node's tests (tests/js/progress.test.js).
  if (typeof module === "object" && module.exports) {
    module.exports = {
      HEADER: HEADER,
      GONE: GONE,
      describe: describe,
      isDone: isDone,
      openedItem: openedItem,
      started: started,
      moduleProgress: moduleProgress,
      csvRows: csvRows,
      fileDate: fileDate,
    };
  }
})();
