/*
 * A module page of the curriculum (data-module="learning-module"): its activities, the
 * reflections kept in DX.store and whether the module is complete (completion.js).
 */
(function () {
  "use strict";

  function startModule(root) {
    var cur = DX.curriculum;
    var spec = JSON.parse(root.getAttribute("data-spec"));
    // :scope: an embedded decision tree has its own live region and summary.
    var live = root.querySelector(":scope > [data-role=live]");
    var summary = root.querySelector(":scope > .dx-lmodule__status [data-role=summary]");
    var areas = Array.prototype.slice.call(root.querySelectorAll("textarea[data-key]"));
    // Pages read (学習) and checklist items (実践): the same keys as the checklist pages.
    var boxes = Array.prototype.slice.call(root.querySelectorAll(".dx-lmodule__check input[type=checkbox][data-key]"));
    var learningCount = root.querySelector("[data-role=learning-count]");
    var practiceCount = root.querySelector("[data-role=practice-count]");
    DX.reveal(root);
    DX.showStorageNotice(root.querySelector("[data-role=notice]"));

    function describe(st) {
      return st.complete
        ? "完了(" + cur.formatTime(st.completedAt) + ")"
        : "未完了(学習 " + st.learning.total + " 件のうち " + st.learning.done + " 件が終わっています)";
    }

    function refresh() {
      var st = cur.status(spec);
      summary.textContent = describe(st);
      summary.className = cur.stateClass(st.complete ? "完了" : "");
      learningCount.textContent = st.learning.done + " 件終了(全 " + st.learning.total + " 件)";
      practiceCount.textContent = st.practice.total ? st.practice.done + " 件実施(全 " + st.practice.total + " 件。修了には不要)" : "なし";
      boxes.forEach(function (box) {
        box.checked = DX.store.get(box.getAttribute("data-key")) === true;
      });
      st.parts.forEach(function (part) {
        if (part.kind !== "tree") return;
        var holder = root.querySelector('li[data-tree="' + part.id + '"]');
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

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var values = {};
        values[box.getAttribute("data-key")] = box.checked;
        var refused = DX.store.set(values);
        var practice = box.getAttribute("data-key").indexOf("checklist/") === 0;
        live.textContent = refused
          ? "保存できませんでした: " + refused
          : (practice ? (box.checked ? "実施済みにしました。" : "未実施に戻しました。") : box.checked ? "読んだページにしました。" : "未読に戻しました。") +
            "このモジュールは" + summary.textContent + "。";
      });
    });

    DX.onProgressChange(root, refresh);
    refresh();
  }

  DX.register("learning-module", startModule);
})();
