/*
 * A module page of the curriculum (data-module="learning-module"): its activities, the
 * reflections kept in DX.store and whether the module is complete (completion.js).
 *
 * When the module becomes complete (修了) through something done on this page, it is said
 * three ways (issue 24): beside what the learner just did (the page is long, and the status
 * at its top is out of sight), in the status at the top, and in the live region.
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
    var banner = root.querySelector(":scope > .dx-lmodule__status [data-role=complete-banner]");
    var myLearning = root.querySelector("[data-role=my-learning-link]");
    var before = null; // the status last shown
    var justCompleted = false; // the last refresh completed the module
    var acted = null; // the block the learner last used a control in, until the next refresh
    // Capture, before the widgets inside (self-check, decision tree) handle the event and
    // perhaps redraw the control: the block is taken now, while the control is in it.
    ["change", "click", "input"].forEach(function (type) {
      root.addEventListener(type, function (event) {
        var target = event.target;
        acted = target && target.closest ? target.closest("li, .dx-lmodule__reflection, .dx-lmodule__tree, [data-module]:not(.dx-lmodule)") : null;
      }, true);
    });
    DX.reveal(root);
    DX.showStorageNotice(root.querySelector("[data-role=notice]"));

    function describe(st) {
      return st.complete
        ? "完了(" + cur.formatTime(st.completedAt) + ")"
        : "未完了(学習 " + st.learning.total + " 件のうち " + st.learning.done + " 件が終わっています)";
    }

    /* The block the learner acted in: a read page or practice item, a reflection, an
       embedded self-check or tree. Null when the change came from elsewhere (another tab). */
    function actedBlock() {
      return acted && root.contains(acted) ? acted : null;
    }

    function completedText(st) {
      return "このモジュールを修了しました(" + cur.formatTime(st.completedAt) + ")。学習 " + st.learning.total + " 件がすべて終わりました。";
    }

    /* A visible note right after where the learner acted, with the way on. */
    function showDoneHere(st) {
      var old = root.querySelector(".dx-lmodule__done");
      if (old) old.remove();
      var block = actedBlock();
      if (!block) return;
      var note = document.createElement("p");
      note.className = "dx-lmodule__done";
      note.appendChild(document.createTextNode(completedText(st) + " "));
      if (myLearning) {
        var link = document.createElement("a");
        link.href = myLearning.getAttribute("href");
        link.textContent = "わたしの学習で修了記録を書き出す";
        note.appendChild(link);
      }
      // Inside a list item (a <p> may not sit between <li>s); after any other block.
      if (block.tagName === "LI") block.appendChild(note);
      else block.parentNode.insertBefore(note, block.nextSibling);
    }

    /* What a control of this page says it did, then the module's state (or its completion). */
    function announce(what) {
      live.textContent = what + (justCompleted ? completedText(before) : "このモジュールは" + summary.textContent + "。");
      justCompleted = false;
    }

    function refresh() {
      var st = cur.status(spec);
      var change = cur.transition(before, st);
      before = st;
      summary.textContent = describe(st);
      summary.className = cur.stateClass(st.complete ? "完了" : "");
      banner.hidden = !st.complete;
      banner.textContent = st.complete ? completedText(st) : "";
      justCompleted = change === "completed";
      if (justCompleted) {
        showDoneHere(st);
        live.textContent = completedText(st);
      } else if (change === "reopened") {
        var note = root.querySelector(".dx-lmodule__done");
        if (note) note.remove();
      }
      acted = null;
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
      function save(loud) {
        clearTimeout(timer);
        var key = area.getAttribute("data-key");
        var before = DX.store.get(key);
        if ((typeof before === "string" ? before : "") === area.value) return;
        var values = {};
        values[key] = area.value;
        var refused = DX.store.set(values);
        if (refused) live.textContent = "振り返りを保存できませんでした: " + refused;
        else if (loud) announce("振り返りを保存しました。");
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
        if (refused) live.textContent = "保存できませんでした: " + refused;
        else announce(practice ? (box.checked ? "実施済みにしました。" : "未実施に戻しました。") : box.checked ? "読んだページにしました。" : "未読に戻しました。");
      });
    });

    DX.keepEarlyEdits(boxes.concat(areas));
    DX.onProgressChange(root, refresh);
    refresh();
  }

  DX.register("learning-module", startModule);
})();
