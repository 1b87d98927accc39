/*
 * 「わたしの学習」 (data-module="my-learning"): assignments opened from a link or a code,
 * their status, and the completion record's export (RECORD-FORMAT.md).
 */
(function () {
  "use strict";

  var openFromHash = null; // set by the わたしの学習 on the current page

  window.addEventListener("hashchange", function () {
    if (openFromHash) openFromHash();
  });

  function startMyLearning(root) {
    var cur = DX.curriculum;
    var catalog = cur.catalogOf(root);
    var list = root.querySelector("[data-role=assignments]");
    var empty = root.querySelector("[data-role=empty]");
    var codeForm = root.querySelector("[data-role=code-form]");
    var codeInput = root.querySelector("#dx-learning-code");
    var codeError = root.querySelector("[data-role=code-error]");
    var fields = Array.prototype.slice.call(root.querySelectorAll("[data-key^='profile/']"));
    var openFeedback = root.querySelector("[data-role=open-feedback]");
    var exportFeedback = root.querySelector("[data-role=export-feedback]");
    DX.reveal(root);
    DX.showStorageNotice(root.querySelector("[data-role=notice]"));

    function assignments() {
      var entries = DX.store.entries("assignment/");
      return Object.keys(entries)
        .map(function (key) {
          return entries[key].value;
        })
        .filter(function (a) {
          return a && typeof a === "object" && typeof a.code === "string" && Array.isArray(a.modules);
        })
        .sort(function (a, b) {
          return a.due < b.due ? -1 : a.due > b.due ? 1 : 0;
        });
    }

    /* Saves an assignment decoded from a code, with the name/section a link may carry. */
    function open(codeText, name, section) {
      var decoded = cur.decode(codeText);
      if (decoded.error) return decoded;
      var modules = [];
      for (var i = 0; i < decoded.numbers.length; i++) {
        var m = catalog.byNumber[decoded.numbers[i]];
        if (!m) return { error: "このサイトにないモジュール(番号 " + decoded.numbers[i] + ")が入っています。サイトの版が違う可能性があります。" };
        modules.push(m.id);
      }
      var key = cur.storeKey(decoded.code);
      var before = DX.store.get(key);
      var value = {
        code: decoded.code,
        name: String(name || (before && before.name) || "").slice(0, 60),
        section: String(section || (before && before.section) || "").slice(0, 40),
        due: decoded.due,
        modules: modules,
      };
      var values = {};
      values[key] = value;
      DX.store.set(values);
      return { assignment: value };
    }

    function title(a) {
      return a.name ? a.name : "受講指示 " + a.code;
    }

    /* Titles of the assignment's modules that were retired from the course (issue 16). */
    function retiredTitles(a) {
      return a.modules
        .filter(function (id) {
          return catalog.byId[id] && catalog.byId[id].retired;
        })
        .map(function (id) {
          return "「" + catalog.byId[id].title + "」";
        });
    }

    function retiredNotice(a) {
      var titles = retiredTitles(a);
      return titles.length
        ? "この受講指示の" + titles.join("") + "は、研修カリキュラムから外れました(廃止)。取り組むことはでき、完了した記録はそのまま残ります。"
        : "";
    }

    /* What the tables show, as plain data: one entry per assignment, one row per module. */
    function tableModel() {
      var asOf = cur.today();
      return assignments().map(function (a) {
        return {
          title: title(a),
          meta: (a.section ? "発行: " + a.section + " ・ " : "") + "期限: " + cur.wareki(a.due) + " ・ コード: " + a.code,
          notice: retiredNotice(a),
          rows: a.modules.map(function (id) {
            var spec = catalog.byId[id];
            var st = spec ? cur.status(spec) : NONE;
            var check = st.selfCheck;
            return {
              id: id,
              title: spec ? spec.title : id + "(現在のサイトにないモジュール)",
              page: spec ? spec.page : "",
              retired: !!(spec && spec.retired),
              minutes: spec ? cur.minutes(spec.minutes) : "",
              state: cur.state(st.complete, a.due, asOf),
              learning: st.learning.done + " / " + st.learning.total,
              check: check ? check.score + "点 / " + check.max + "点(" + (check.passed ? "合格" : "不合格") + ")" : spec && spec.selfcheck ? "未受験" : "—",
              practice: st.practice.total ? st.practice.done + " / " + st.practice.total : "—",
            };
          }),
        };
      });
    }

    var drawn = null; // the model the tables were last drawn from, as JSON

    /* Draws the tables, but only when what they show changed: a saved profile field (whose
       change event comes as the pointer goes down on a link in the table) must not replace
       the link under the pointer, which would swallow the click (issue 24). */
    function render() {
      var model = tableModel();
      var json = JSON.stringify(model);
      if (json !== drawn) {
        drawn = json;
        drawTables(model);
      }
      syncFields();
    }

    function drawTables(model) {
      list.textContent = "";
      empty.hidden = model.length > 0;
      model.forEach(function (a, index) {
        var section = document.createElement("section");
        section.className = "dx-learning__assignment";
        var headingId = "dx-learning-a-" + index;
        section.setAttribute("aria-labelledby", headingId);
        var h = cur.el("h3", a.title);
        h.id = headingId;
        section.appendChild(h);
        section.appendChild(cur.el("p", a.meta));
        if (a.notice) section.appendChild(cur.el("p", a.notice, "dx-retired-notice"));
        var table = document.createElement("table");
        var caption = cur.el("caption", a.title + "のモジュール");
        caption.className = "dx-visually-hidden";
        table.appendChild(caption);
        var head = document.createElement("thead");
        var hr = document.createElement("tr");
        ["モジュール", "目安", "状態", "学習", "理解度チェック", "実践(自己申告)"].forEach(function (t) {
          var th = cur.el("th", t);
          th.scope = "col";
          hr.appendChild(th);
        });
        head.appendChild(hr);
        table.appendChild(head);
        var body = document.createElement("tbody");
        a.rows.forEach(function (row) {
          var tr = document.createElement("tr");
          tr.setAttribute("data-module-id", row.id);
          var th = document.createElement("th");
          th.scope = "row";
          if (row.page) {
            var link = cur.el("a", row.title);
            link.href = row.page;
            th.appendChild(link);
            if (row.retired) th.appendChild(document.createTextNode("(廃止)"));
          } else {
            th.textContent = row.title;
          }
          tr.appendChild(th);
          tr.appendChild(cur.el("td", row.minutes));
          var state = cur.el("td", row.state, cur.stateClass(row.state));
          state.setAttribute("data-role", "state");
          tr.appendChild(state);
          var learning = cur.el("td", row.learning);
          learning.setAttribute("data-role", "learning");
          tr.appendChild(learning);
          tr.appendChild(cur.el("td", row.check));
          var practice = cur.el("td", row.practice);
          practice.setAttribute("data-role", "practice");
          tr.appendChild(practice);
          body.appendChild(tr);
        });
        table.appendChild(body);
        section.appendChild(table);
        list.appendChild(section);
      });
    }

    function syncFields() {
      fields.forEach(function (field) {
        // Never overwrite what is being typed, nor a 職員番号 refused: the learner corrects it.
        if (document.activeElement === field || field.getAttribute("aria-invalid") === "true") return;
        var value = DX.store.get(field.getAttribute("data-key"));
        field.value = typeof value === "string" ? value : "";
      });
    }

    function fieldError(input, message) {
      var error = document.getElementById(input.id + "-error");
      if (message) {
        input.setAttribute("aria-invalid", "true");
        error.textContent = message;
        error.hidden = false;
      } else {
        input.removeAttribute("aria-invalid");
        error.hidden = true;
      }
    }

    /* Saves a field; the 職員番号 is saved normalised, and only when valid. */
    function saveField(field) {
      var key = field.getAttribute("data-key");
      var values = {};
      if (key === "profile/staff-id") {
        if (!field.value.trim()) {
          fieldError(field, null);
          values[key] = "";
        } else {
          var id = cur.staffId(field.value);
          fieldError(field, id.error);
          if (id.error) return false;
          field.value = id.value;
          values[key] = id.value;
        }
      } else {
        values[key] = field.value.trim();
      }
      DX.store.set(values);
      return true;
    }

    fields.forEach(function (field) {
      field.addEventListener("change", function () {
        saveField(field);
      });
    });

    function opened(result, how) {
      if (result.error) return how + "受講指示を開けませんでした: " + result.error;
      return "受講指示「" + title(result.assignment) + "」を開きました。期限は" + cur.wareki(result.assignment.due) + "です。" + retiredNotice(result.assignment);
    }

    openFromHash = function () {
      if (!document.body.contains(root)) return;
      var hash = window.location.hash.replace(/^#/, "");
      if (hash.indexOf("code=") < 0) return;
      var params = new URLSearchParams(hash);
      var result = open(params.get("code"), params.get("name"), params.get("section"));
      DX.feedback(openFeedback, opened(result, "リンクの"));
      render();
    };

    codeForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var result = open(codeInput.value);
      if (result.error) {
        codeError.textContent = result.error;
        codeError.hidden = false;
        codeInput.setAttribute("aria-invalid", "true");
        codeInput.focus();
        DX.feedback(openFeedback, opened(result, ""));
        return;
      }
      codeError.hidden = true;
      codeInput.removeAttribute("aria-invalid");
      codeInput.value = "";
      DX.feedback(openFeedback, opened(result, ""));
      render();
    });

    /* --- the completion record ---------------------------------------------------------- */

    function person() {
      var id = cur.staffId(DX.store.get("profile/staff-id"));
      return {
        staffId: id.value || "",
        name: (DX.store.get("profile/name") || "").trim(),
        section: (DX.store.get("profile/section") || "").trim(),
        role: DX.store.get("profile/role") || "",
      };
    }

    /* Every mistake at once, each beside its field; the first one gets the focus. */
    function checkPerson() {
      var problems = [];
      fields.forEach(function (field) {
        if (!saveField(field)) problems.push(field);
      });
      var p = person();
      [
        ["dx-learning-staff-id", p.staffId, null],
        ["dx-learning-name", p.name, "氏名を入力してください。"],
        ["dx-learning-section", p.section, "所属を入力してください。"],
      ].forEach(function (f) {
        var input = document.getElementById(f[0]);
        if (problems.indexOf(input) >= 0) return;
        if (!f[1]) {
          fieldError(input, f[2] || cur.staffId("").error);
          problems.push(input);
        } else {
          fieldError(input, null);
        }
      });
      if (!assignments().length) {
        DX.feedback(exportFeedback, "受講指示をまだ開いていません。リンクかコードで開いてから書き出してください。");
        return null;
      }
      if (problems.length) {
        problems.sort(function (a, b) {
          return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
        });
        problems[0].focus();
        DX.feedback(exportFeedback, "書き出せませんでした。職員番号・氏名・所属を確かめてください。");
        return null;
      }
      return p;
    }

    function record(p) {
      var all = assignments();
      var ids = [];
      all.forEach(function (a) {
        a.modules.forEach(function (id) {
          if (ids.indexOf(id) < 0) ids.push(id);
        });
      });
      return {
        format: cur.RECORD_FORMAT,
        version: cur.RECORD_VERSION,
        site: root.getAttribute("data-site"),
        exported: new Date().toISOString(),
        person: p,
        assignments: all.map(function (a) {
          return { code: a.code, name: a.name, section: a.section, due: a.due, modules: a.modules.slice() };
        }),
        modules: ids.map(function (id) {
          var spec = catalog.byId[id];
          var st = spec ? cur.status(spec) : NONE;
          return {
            id: id,
            title: spec ? spec.title : id,
            complete: st.complete,
            completedAt: st.completedAt,
            updatedAt: st.updatedAt,
            learning: st.learning,
            practice: st.practice,
            selfCheck: st.selfCheck,
            retired: !spec || !!spec.retired,
          };
        }),
      };
    }

    function fileStem(p) {
      return "修了記録-" + (p.staffId + "-" + p.name).replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60) + "-" + cur.today();
    }

    root.querySelector("[data-action=export-json]").addEventListener("click", function () {
      var p = checkPerson();
      if (!p) return;
      var rec = record(p);
      DX.download(fileStem(p) + ".json", "application/json", JSON.stringify(rec, null, 2));
      DX.feedback(exportFeedback, "修了記録をJSONファイル(" + fileStem(p) + ".json)に書き出しました。指示された方法で提出してください。");
    });

    root.querySelector("[data-action=export-csv]").addEventListener("click", function () {
      var p = checkPerson();
      if (!p) return;
      var rec = record(p);
      var byId = Object.create(null);
      rec.modules.forEach(function (m) {
        byId[m.id] = m;
      });
      var role = catalog.roleById[p.role];
      var asOf = cur.today();
      var rows = [CSV_COLUMNS.slice()];
      rec.assignments.forEach(function (a) {
        a.modules.forEach(function (id) {
          var m = byId[id];
          var sc = m.selfCheck;
          var spec = catalog.byId[id];
          rows.push([
            p.staffId, p.name, p.section, role ? role.name : "",
            a.code, a.name, a.section, a.due, cur.wareki(a.due),
            id, m.title, cur.state(m.complete, a.due, asOf), DX.excelTime(m.completedAt),
            m.learning.done, m.learning.total, m.practice.done, m.practice.total,
            sc ? sc.score : "", sc ? sc.max : spec && spec.selfcheck ? spec.selfcheck.max : "",
            spec && spec.selfcheck ? spec.selfcheck.passMark : "",
            sc ? (sc.passed ? "合格" : "不合格") : spec && spec.selfcheck ? "未受験" : "",
            sc ? DX.excelTime(sc.at) : "", DX.excelTime(m.updatedAt), DX.excelTime(rec.exported),
          ]);
        });
      });
      DX.download(fileStem(p) + ".csv", "text/csv", DX.csv(rows));
      DX.feedback(exportFeedback, "修了記録をCSVファイル(" + fileStem(p) + ".csv)に書き出しました。");
    });

    DX.onProgressChange(root, render);
    openFromHash();
    render();
  }

  /* Columns of the completion record's CSV (RECORD-FORMAT.md documents each). */
  var CSV_COLUMNS = [
    "職員番号", "氏名", "所属", "役割", "指示コード", "指示名", "発行所属", "期限", "期限(和暦)",
    "モジュールID", "モジュール", "状態", "完了日時", "学習完了数", "学習対象数", "実践完了数(自己申告)", "実践対象数",
    "理解度チェック得点", "理解度チェック満点", "理解度チェック合格点", "理解度チェック結果", "理解度チェック日時",
    "最終更新日時", "書き出し日時",
  ];

  var NONE = { complete: false, completedAt: null, updatedAt: null, learning: { done: 0, total: 0 }, practice: { done: 0, total: 0 }, selfCheck: null };

  DX.register("my-learning", startMyLearning);
})();
