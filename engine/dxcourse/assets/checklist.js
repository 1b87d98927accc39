/* Checklist widget: ticks kept in DX.store, a progress bar, reset with confirmation, print. */
(function () {
  "use strict";

  function start(root) {
    var boxes = Array.prototype.slice.call(root.querySelectorAll("input[type=checkbox][data-key]"));
    var count = root.querySelector("[data-role=count]");
    var bar = root.querySelector("[data-role=bar]");
    var live = root.querySelector("[data-role=live]");
    var printed = root.querySelector("[data-role=printed]");

    DX.reveal(root);
    DX.showStorageNotice(root.querySelector("[data-role=notice]"));

    function done() {
      return boxes.filter(function (box) {
        return box.checked;
      }).length;
    }

    function refresh() {
      boxes.forEach(function (box) {
        box.checked = DX.store.get(box.getAttribute("data-key")) === true;
      });
      var text = done() + " / " + boxes.length + " 完了";
      count.textContent = text;
      bar.value = done();
      bar.textContent = text;
      printed.textContent = "印刷日: " + DX.formatDate(new Date()) + " ・ " + text;
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var values = {};
        values[box.getAttribute("data-key")] = box.checked;
        DX.store.set(values);
        live.textContent = (box.checked ? "完了にしました。" : "未完了に戻しました。") + count.textContent;
      });
    });

    root.querySelector("[data-action=print]").addEventListener("click", function () {
      refresh();
      window.print();
    });

    root.querySelector("[data-action=reset]").addEventListener("click", function () {
      if (!window.confirm("このチェックリストのチェックをすべて外します。よろしいですか?")) return;
      var values = {};
      boxes.forEach(function (box) {
        values[box.getAttribute("data-key")] = false;
      });
      DX.store.set(values);
      DX.feedback(root.querySelector("[data-role=feedback]"), "チェックをすべて外しました。" + count.textContent);
    });

    DX.keepEarlyEdits(boxes);
    DX.onProgressChange(root, refresh);
    refresh();
  }

  DX.register("checklist", start);
})();
