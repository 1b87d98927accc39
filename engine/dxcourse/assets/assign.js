/* 受講指示をつくる: roles or modules and a due date → a link, a code, an A4 sheet and a CSV. */
(function () {
  "use strict";

  var C = function () {
    return DX.curriculum;
  };

  function start(root) {
    var cur = C();
    var catalog = cur.catalogOf(root);
    var form = root.querySelector("[data-role=form]");
    var live = root.querySelector("[data-role=live]");
    var result = root.querySelector("[data-role=result]");
    var errors = root.querySelector("[data-role=errors]");
    var errorList = root.querySelector("[data-role=error-list]");
    var nameInput = root.querySelector("#dx-assign-name");
    var sectionInput = root.querySelector("#dx-assign-section");
    var dueInput = root.querySelector("#dx-assign-due");
    var dueWareki = root.querySelector("[data-role=due-wareki]");
    var total = root.querySelector("[data-role=total]");
    var roleBoxes = Array.prototype.slice.call(root.querySelectorAll("input[name=role]"));
    var moduleBoxes = Array.prototype.slice.call(root.querySelectorAll("input[name=module]"));
    var made = null;

    DX.reveal(root);

    function chosenModules() {
      return catalog.modules.filter(function (m) {
        return root.querySelector("#dx-assign-module-" + m.id).checked;
      });
    }

    function chosenRoles() {
      return roleBoxes
        .filter(function (box) {
          return box.checked;
        })
        .map(function (box) {
          return catalog.roleById[box.value];
        });
    }

    function showTotal() {
      var modules = chosenModules();
      var sum = modules.reduce(function (n, m) {
        return n + m.minutes;
      }, 0);
      total.textContent = "選んだモジュール: " + modules.length + "件" + (modules.length ? "(合計 " + cur.minutes(sum) + ")" : "");
    }

    roleBoxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var role = catalog.roleById[box.value];
        var others = Object.create(null);
        chosenRoles().forEach(function (r) {
          r.modules.forEach(function (id) {
            others[id] = true;
          });
        });
        role.modules.forEach(function (id) {
          var target = root.querySelector("#dx-assign-module-" + id);
          target.checked = box.checked ? true : !!others[id];
        });
        showTotal();
      });
    });
    moduleBoxes.forEach(function (box) {
      box.addEventListener("change", showTotal);
    });

    dueInput.addEventListener("input", function () {
      var text = cur.wareki(dueInput.value);
      dueWareki.textContent = "和暦: " + (text || "—");
    });

    function setInvalid(input, bad) {
      if (bad) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }

    function validate() {
      var problems = [];
      var name = nameInput.value.trim();
      var section = sectionInput.value.trim();
      setInvalid(nameInput, !name);
      if (!name) problems.push(["dx-assign-name", "指示名を入力してください。"]);
      setInvalid(sectionInput, !section);
      if (!section) problems.push(["dx-assign-section", "発行する所属を入力してください。"]);
      var due = cur.parseDate(dueInput.value);
      setInvalid(dueInput, !due);
      if (!due) problems.push(["dx-assign-due", "期限を正しい日付で入力してください。"]);
      // The code holds the due date as 16 bits of days from 2020-01-01: up to 2199-06-06.
      else if (dueInput.value < "2020-01-01" || dueInput.value > "2199-06-06") problems.push(["dx-assign-due", "期限は2020年1月1日から2199年6月6日までの日付にしてください。"]);
      if (!chosenModules().length) problems.push(["dx-assign-module-" + catalog.modules[0].id, "モジュールを一つ以上選んでください。"]);
      return problems;
    }

    function showErrors(problems) {
      errorList.textContent = "";
      problems.forEach(function (p) {
        var item = document.createElement("li");
        var link = cur.el("a", p[1]);
        link.href = "#" + p[0];
        link.addEventListener("click", function (event) {
          event.preventDefault();
          document.getElementById(p[0]).focus();
        });
        item.appendChild(link);
        errorList.appendChild(item);
      });
      errors.hidden = problems.length === 0;
      if (problems.length) errors.focus();
    }

    function learningUrl(params) {
      var base = new URL(root.getAttribute("data-learning"), window.location.href);
      base.hash = params;
      return base.href;
    }

    function fill(role, text) {
      root.querySelector("[data-role=" + role + "]").textContent = text;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var problems = validate();
      showErrors(problems);
      if (problems.length) {
        live.textContent = "入力に誤りが " + problems.length + " 件あります。";
        return;
      }
      var modules = chosenModules();
      var roles = chosenRoles();
      var due = dueInput.value;
      var code = cur.encode(
        modules.map(function (m) {
          return m.number;
        }),
        due
      );
      var name = nameInput.value.trim();
      var section = sectionInput.value.trim();
      var params = "code=" + encodeURIComponent(code) + "&name=" + encodeURIComponent(name) + "&section=" + encodeURIComponent(section);
      // null on a file:// page without a shared address: such a link opens only on this PC.
      var link = DX.shareLink(learningUrl(params));
      made = { name: name, section: section, due: due, code: code, link: link, modules: modules, roles: roles, issued: cur.today(), issuedAt: new Date().toISOString() };

      root.querySelector("[data-role=link]").value = link || "";
      root.querySelector("[data-role=link-box]").hidden = !link;
      root.querySelector("[data-role=local-only]").hidden = !!link;
      root.querySelector("[data-role=sheet-how-link]").hidden = !link;
      root.querySelector("[data-role=sheet-link-line]").hidden = !link;
      fill("code", code);
      fill("sheet-name", name);
      fill("sheet-section", section);
      fill("sheet-issued", cur.wareki(made.issued));
      fill("sheet-due", cur.wareki(due) + "まで");
      fill(
        "sheet-roles",
        roles.length
          ? roles
              .map(function (r) {
                return r.name;
              })
              .join("、")
          : "(モジュールを個別に指定)"
      );
      fill(
        "sheet-total",
        cur.minutes(
          modules.reduce(function (n, m) {
            return n + m.minutes;
          }, 0)
        )
      );
      fill("sheet-code", code);
      fill("sheet-link", link ? decodeURI(link) : "");
      var rows = root.querySelector("[data-role=sheet-rows]");
      rows.textContent = "";
      modules.forEach(function (m, i) {
        var tr = document.createElement("tr");
        tr.appendChild(cur.el("td", i + 1));
        tr.appendChild(cur.el("td", m.title));
        tr.appendChild(cur.el("td", m.programNumber + " " + m.program));
        tr.appendChild(cur.el("td", cur.minutes(m.minutes)));
        tr.appendChild(cur.el("td", "□"));
        rows.appendChild(tr);
      });
      result.hidden = false;
      root.querySelector("#dx-assign-result-title").focus();
      live.textContent = "受講指示をつくりました。コードは " + code + " です。";
    });

    function copy(text, what, feedback) {
      DX.copyText(text, function (ok) {
        DX.feedback(
          root.querySelector("[data-role=" + feedback + "]"),
          ok ? what + "をコピーしました。貼り付けて使えます。" : what + "をコピーできませんでした。欄を選んで Ctrl+C でコピーしてください。"
        );
      });
    }

    root.querySelector("[data-action=copy-link]").addEventListener("click", function () {
      if (made) copy(made.link, "リンク", "copy-link-feedback");
    });
    root.querySelector("[data-action=copy-code]").addEventListener("click", function () {
      if (made) copy(made.code, "コード", "copy-code-feedback");
    });
    root.querySelector("[data-action=print]").addEventListener("click", function () {
      DX.feedback(root.querySelector("[data-role=files-feedback]"), "印刷の画面を開きました。用紙はA4を選んでください。");
      window.print();
    });
    root.querySelector("[data-action=csv]").addEventListener("click", function () {
      if (!made) return;
      var rows = [["指示名", "発行所属", "発行日時", "期限", "期限(和暦)", "コード", "対象の役割", "順", "モジュール番号", "モジュールID", "モジュール", "プログラム", "目安(分)", "リンク"]];
      var roles = made.roles
        .map(function (r) {
          return r.name;
        })
        .join("・");
      made.modules.forEach(function (m, i) {
        rows.push([made.name, made.section, DX.excelTime(made.issuedAt), made.due, cur.wareki(made.due), made.code, roles, i + 1, m.number, m.id, m.title, m.programNumber + " " + m.program, m.minutes, made.link || ""]);
      });
      DX.download("受講指示-" + made.code + ".csv", "text/csv", DX.csv(rows));
      DX.feedback(root.querySelector("[data-role=files-feedback]"), "受講指示をCSVファイル(受講指示-" + made.code + ".csv)に書き出しました。");
    });

    showTotal();
  }

  DX.register("assign", start);
})();
