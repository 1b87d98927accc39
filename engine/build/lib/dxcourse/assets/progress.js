/* 「わたしの進捗」: totals per widget, export as JSON and CSV, import with merge, backups. */
(function () {
  "use strict";

  function today() {
    var d = new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return "" + d.getFullYear() + pad(d.getMonth() + 1) + pad(d.getDate());
  }

  function describe(value) {
    if (value === true) return "完了";
    if (value && typeof value === "object" && typeof value.score === "number") {
      return value.score + "問正解(全" + value.max + "問・" + (value.passed ? "合格" : "不合格") + ")"; // a self-check
    }
    if (value === false) return "未完了";
    if (value && typeof value === "object" && typeof value.label === "string") return value.label;
    if (typeof value === "string") return value;
    return value === undefined ? "" : JSON.stringify(value);
  }

  function start(root) {
    var status = root.querySelector("[data-role=status]");
    var exportFeedback = root.querySelector("[data-role=export-feedback]");
    var backupFeedback = root.querySelector("[data-role=backup-feedback]");
    var catalog = JSON.parse(root.getAttribute("data-catalog"));
    var modules = JSON.parse(root.getAttribute("data-modules") || "[]");
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
      showTrees();
      showBackups();
      var last = DX.store.lastExported();
      root.querySelector("[data-role=last-export]").textContent = last ? DX.excelTime(last) : "まだ書き出していません";
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
        var answers = typeof value.answers === "string" && /^[a-z0-9.\/-]*$/.test(value.answers) ? value.answers : "";
        link.setAttribute("href", answers ? page + "#" + key.slice("tree/".length) + "=" + answers : page);
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

    /* One row per item the site knows, then one per module (学習 and 実践 counted apart), then
       every key the site no longer has. Times in JST for Excel; counts as integer columns. */
    function csvRows() {
      var entries = DX.store.entries();
      var rows = [["種類", "まとまり", "項目", "状態", "完了数", "対象数", "更新日時", "キー"]];
      var known = Object.create(null);
      catalog.forEach(function (item) {
        known[item.key] = true;
        var entry = entries[item.key];
        rows.push([item.kind, item.group, item.label, entry ? describe(entry.value) : "未着手", "", "", entry ? DX.excelTime(entry.at) : "", item.key]);
      });
      modules.forEach(function (spec) {
        var st = DX.curriculum.status(spec);
        rows.push(["学習モジュール", spec.title, "学習(修了に必要)", st.complete ? "完了" : "未完了", st.learning.done, st.learning.total, DX.excelTime(st.complete ? st.completedAt : st.updatedAt), ""]);
        rows.push(["学習モジュール", spec.title, "実践(自己申告)", "", st.practice.done, st.practice.total, "", ""]);
      });
      Object.keys(entries)
        .sort()
        .forEach(function (key) {
          if (known[key]) return;
          var entry = entries[key];
          rows.push(["(現在のサイトにない項目)", "", "", describe(entry.value), "", "", DX.excelTime(entry.at), key]);
        });
      return rows;
    }

    root.querySelector("[data-action=export-json]").addEventListener("click", function () {
      DX.saveBackup();
      DX.feedback(exportFeedback, "記録をJSONファイル(dx-progress-" + today() + ".json)に書き出しました。");
    });

    root.querySelector("[data-action=export-csv]").addEventListener("click", function () {
      DX.download("dx-progress-" + today() + ".csv", "text/csv", DX.csv(csvRows()));
      DX.feedback(exportFeedback, "一覧をCSVファイル(dx-progress-" + today() + ".csv)に書き出しました。");
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

  DX.register("progress", start);
})();
