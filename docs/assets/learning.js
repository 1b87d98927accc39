/*
 * Staff side of the curriculum: a module page (activities, reflections kept in DX.store),
 * 「わたしの学習」 (assignments opened from a link or a code, status, completion record
 * export) and the status column of the role paths. Record format: RECORD-FORMAT.md.
 */
(function () {
  "use strict";

  var C = function () {
    return DX.curriculum;
  };

  function formatTime(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return "";
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return DX.formatDate(date) + " " + pad(date.getHours()) + ":" + pad(date.getMinutes());
  }

  function stateClass(text) {
    return "dx-state" + (text === "完了" ? " dx-state--done" : text === "期限超過" ? " dx-state--overdue" : "");
  }

  /* --- a module page --------------------------------------------------------------------- */

  function startModule(root) {
    var cur = C();
    var spec = JSON.parse(root.getAttribute("data-spec"));
    var live = root.querySelector("[data-role=live]");
    var summary = root.querySelector("[data-role=summary]");
    var areas = Array.prototype.slice.call(root.querySelectorAll("textarea[data-key]"));
    DX.reveal(root);
    DX.showStorageNotice(root.querySelector("[data-role=notice]"));

    function refresh() {
      var st = cur.status(spec);
      summary.textContent = st.complete
        ? "完了(" + formatTime(st.completedAt) + ")"
        : "未完了(" + st.done + " / " + st.required + " 終わっています)";
      summary.className = stateClass(st.complete ? "完了" : "");
      st.parts.forEach(function (part) {
        var holder =
          part.kind === "tree"
            ? root.querySelector('[data-tree="' + part.id + '"]')
            : part.kind === "checklist"
              ? root.querySelector('li[data-key="' + part.key + '"]')
              : null;
        if (!holder) return;
        var mark = holder.querySelector("[data-role=mark]");
        mark.textContent = part.done ? "済" : "未";
        mark.setAttribute("data-done", part.done ? "true" : "false");
        var outcome = holder.querySelector("[data-role=outcome]");
        if (outcome) outcome.textContent = part.done && part.label ? "(結論: " + part.label + ")" : "";
      });
      areas.forEach(function (area) {
        var value = DX.store.get(area.getAttribute("data-key"));
        if (document.activeElement !== area) area.value = typeof value === "string" ? value : "";
        var saved = document.getElementById(area.id + "-state");
        saved.textContent = cur.reflectionDone(value) ? "回答済み(このパソコンに保存しました)" : "未回答";
      });
    }

    areas.forEach(function (area) {
      var timer = null;
      function save(announce) {
        clearTimeout(timer);
        var key = area.getAttribute("data-key");
        var before = DX.store.get(key);
        if ((typeof before === "string" ? before : "") === area.value) return;
        var values = {};
        values[key] = area.value;
        var refused = DX.store.set(values);
        if (refused) live.textContent = "振り返りを保存できませんでした: " + refused;
        else if (announce) live.textContent = "振り返りを保存しました。このモジュールは" + summary.textContent + "。";
      }
      area.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          save(false);
        }, 500);
      });
      area.addEventListener("change", function () {
        save(true);
      });
      area.addEventListener("blur", function () {
        save(true);
      });
    });

    DX.onProgressChange(root, refresh);
    refresh();
  }

  /* --- role path: a status column -------------------------------------------------------- */

  function startRolePath(root) {
    var cur = C();
    var catalog = cur.catalogOf(root);
    DX.reveal(root);
    DX.showStorageNotice(root.querySelector("[data-role=notice]"));
    function refresh() {
      var rows = root.querySelectorAll("tr[data-module-id]");
      for (var i = 0; i < rows.length; i++) {
        var spec = catalog.byId[rows[i].getAttribute("data-module-id")];
        var st = cur.status(spec);
        var cell = rows[i].querySelector("[data-role=status]");
        cell.textContent = st.complete ? "完了" : "未完了(" + st.done + " / " + st.required + ")";
        cell.className = stateClass(st.complete ? "完了" : "");
      }
    }
    DX.onProgressChange(root, refresh);
    refresh();
  }

  /* --- わたしの学習 ------------------------------------------------------------------------ */

  var openFromHash = null; // set by the わたしの学習 on the current page

  window.addEventListener("hashchange", function () {
    if (openFromHash) openFromHash();
  });

  function startMyLearning(root) {
    var cur = C();
    var catalog = cur.catalogOf(root);
    var live = root.querySelector("[data-role=live]");
    var list = root.querySelector("[data-role=assignments]");
    var empty = root.querySelector("[data-role=empty]");
    var codeForm = root.querySelector("[data-role=code-form]");
    var codeInput = root.querySelector("#dx-learning-code");
    var codeError = root.querySelector("[data-role=code-error]");
    var fields = Array.prototype.slice.call(root.querySelectorAll("[data-key^='profile/']"));
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

    function openedMessage(a) {
      return "受講指示「" + title(a) + "」を開きました。期限は" + cur.wareki(a.due) + "です。" + retiredNotice(a);
    }

    function render() {
      list.textContent = "";
      var all = assignments();
      empty.hidden = all.length > 0;
      var asOf = cur.today();
      all.forEach(function (a, index) {
        var section = document.createElement("section");
        section.className = "dx-learning__assignment";
        var headingId = "dx-learning-a-" + index;
        section.setAttribute("aria-labelledby", headingId);
        var h = cur.el("h3", title(a));
        h.id = headingId;
        section.appendChild(h);
        section.appendChild(
          cur.el("p", (a.section ? "発行: " + a.section + " ・ " : "") + "期限: " + cur.wareki(a.due) + " ・ コード: " + a.code)
        );
        var notice = retiredNotice(a);
        if (notice) section.appendChild(cur.el("p", notice, "dx-retired-notice"));
        var table = document.createElement("table");
        var caption = cur.el("caption", title(a) + "のモジュール");
        caption.className = "dx-visually-hidden";
        table.appendChild(caption);
        var head = document.createElement("thead");
        var hr = document.createElement("tr");
        ["モジュール", "目安", "状態", "進み"].forEach(function (t) {
          var th = cur.el("th", t);
          th.scope = "col";
          hr.appendChild(th);
        });
        head.appendChild(hr);
        table.appendChild(head);
        var body = document.createElement("tbody");
        a.modules.forEach(function (id) {
          var spec = catalog.byId[id];
          var tr = document.createElement("tr");
          tr.setAttribute("data-module-id", id);
          var th = document.createElement("th");
          th.scope = "row";
          if (spec) {
            var link = cur.el("a", spec.title);
            link.href = spec.page;
            th.appendChild(link);
            if (spec.retired) th.appendChild(document.createTextNode("(廃止)"));
          } else {
            th.textContent = id + "(現在のサイトにないモジュール)";
          }
          tr.appendChild(th);
          tr.appendChild(cur.el("td", spec ? cur.minutes(spec.minutes) : ""));
          var st = spec ? cur.status(spec) : { complete: false, done: 0, required: 0 };
          var text = cur.state(st.complete, a.due, asOf);
          var state = cur.el("td", text, stateClass(text));
          state.setAttribute("data-role", "state");
          tr.appendChild(state);
          tr.appendChild(cur.el("td", st.done + " / " + st.required));
          body.appendChild(tr);
        });
        table.appendChild(body);
        section.appendChild(table);
        list.appendChild(section);
      });
      fields.forEach(function (field) {
        if (document.activeElement === field) return;
        var value = DX.store.get(field.getAttribute("data-key"));
        field.value = typeof value === "string" ? value : "";
      });
    }

    fields.forEach(function (field) {
      field.addEventListener("change", function () {
        var values = {};
        values[field.getAttribute("data-key")] = field.value.trim();
        DX.store.set(values);
      });
    });

    openFromHash = function () {
      if (!document.body.contains(root)) return;
      var hash = window.location.hash.replace(/^#/, "");
      if (hash.indexOf("code=") < 0) return;
      var params = new URLSearchParams(hash);
      var result = open(params.get("code"), params.get("name"), params.get("section"));
      live.textContent = result.error
        ? "リンクの受講指示を開けませんでした: " + result.error
        : openedMessage(result.assignment);
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
        live.textContent = result.error;
        return;
      }
      codeError.hidden = true;
      codeInput.removeAttribute("aria-invalid");
      codeInput.value = "";
      live.textContent = openedMessage(result.assignment);
      render();
    });

    /* --- the completion record ---------------------------------------------------------- */

    function person() {
      return {
        name: (DX.store.get("profile/name") || "").trim(),
        section: (DX.store.get("profile/section") || "").trim(),
        role: DX.store.get("profile/role") || "",
      };
    }

    function checkPerson() {
      fields.forEach(function (field) {
        var values = {};
        values[field.getAttribute("data-key")] = field.value.trim();
        DX.store.set(values);
      });
      var p = person();
      var problems = [];
      [
        ["dx-learning-name", p.name, "氏名を入力してください。"],
        ["dx-learning-section", p.section, "所属を入力してください。"],
      ].forEach(function (f) {
        var input = document.getElementById(f[0]);
        var error = document.getElementById(f[0] + "-error");
        if (!f[1]) {
          input.setAttribute("aria-invalid", "true");
          error.textContent = f[2];
          error.hidden = false;
          problems.push(input);
        } else {
          input.removeAttribute("aria-invalid");
          error.hidden = true;
        }
      });
      if (!assignments().length) {
        live.textContent = "受講指示をまだ開いていません。リンクかコードで開いてから書き出してください。";
        return null;
      }
      if (problems.length) {
        problems[0].focus();
        live.textContent = "氏名と所属を入力してから書き出してください。";
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
          var st = spec ? cur.status(spec) : { complete: false, completedAt: null, done: 0, required: 0 };
          return {
            id: id,
            title: spec ? spec.title : id,
            complete: st.complete,
            completedAt: st.completedAt,
            done: st.done,
            required: st.required,
            retired: !!(spec && spec.retired),
          };
        }),
      };
    }

    function fileStem(p) {
      return "修了記録-" + (p.section + "-" + p.name).replace(/[\\\/:*?"<>|\s]+/g, "_").slice(0, 60) + "-" + cur.today();
    }

    root.querySelector("[data-action=export-json]").addEventListener("click", function () {
      var p = checkPerson();
      if (!p) return;
      DX.download(fileStem(p) + ".json", "application/json", JSON.stringify(record(p), null, 2));
      live.textContent = "修了記録をJSONファイルに書き出しました。指示された方法で提出してください。";
    });

    root.querySelector("[data-action=export-csv]").addEventListener("click", function () {
      var p = checkPerson();
      if (!p) return;
      var rec = record(p);
      var byId = {};
      rec.modules.forEach(function (m) {
        byId[m.id] = m;
      });
      var role = catalog.roleById[p.role];
      var asOf = cur.today();
      var rows = [["氏名", "所属", "役割", "指示コード", "指示名", "発行所属", "期限", "期限(和暦)", "モジュールID", "モジュール", "状態", "完了日時", "進み"]];
      rec.assignments.forEach(function (a) {
        a.modules.forEach(function (id) {
          var m = byId[id];
          rows.push([p.name, p.section, role ? role.name : "", a.code, a.name, a.section, a.due, cur.wareki(a.due), id, m.title, cur.state(m.complete, a.due, asOf), m.completedAt || "", m.done + "/" + m.required]);
        });
      });
      DX.download(fileStem(p) + ".csv", "text/csv", DX.csv(rows));
      live.textContent = "修了記録をCSVファイルに書き出しました。";
    });

    DX.onProgressChange(root, render);
    openFromHash();
    render();
  }

  DX.register("learning-module", startModule);
  DX.register("role-path", startRolePath);
  DX.register("my-learning", startMyLearning);
})();
