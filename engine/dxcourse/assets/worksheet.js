/* Worksheet widget: every field is saved in DX.store under its data-key as the user types;
   printing is "filled" (the text in boxes that grow) or "blank" (empty boxes to write on). */
(function () {
  "use strict";

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  function start(root) {
    var fields = Array.prototype.slice.call(root.querySelectorAll("[data-key]"));
    var feedback = root.querySelector("[data-role=feedback]");
    var printed = root.querySelector("[data-role=printed]");

    DX.reveal(root);
    DX.showStorageNotice(root.querySelector("[data-role=notice]"));
    root.setAttribute("data-print", "filled");

    function mirror(field) {
      var box = field.nextElementSibling;
      if (box && box.getAttribute("data-role") === "print-value") box.textContent = field.value;
    }

    function refresh() {
      fields.forEach(function (field) {
        // Never overwrite what the user is typing; another tab or an import updates the rest.
        if (document.activeElement !== field) field.value = text(DX.store.get(field.getAttribute("data-key")));
        mirror(field);
      });
    }

    fields.forEach(function (field) {
      var timer = null;
      function save(announce) {
        clearTimeout(timer);
        var key = field.getAttribute("data-key");
        if (text(DX.store.get(key)) === field.value) return;
        var values = {};
        values[key] = field.value;
        var refused = DX.store.set(values);
        if (refused) DX.feedback(feedback, "「" + field.getAttribute("data-label") + "」を保存できませんでした: " + refused);
        else if (announce) DX.feedback(feedback, "「" + field.getAttribute("data-label") + "」を保存しました。");
      }
      field.addEventListener("input", function () {
        mirror(field);
        clearTimeout(timer);
        timer = setTimeout(function () {
          save(false);
        }, 500);
      });
      field.addEventListener("change", function () {
        save(true);
      });
      field.addEventListener("blur", function () {
        save(false);
      });
    });

    function print(mode) {
      fields.forEach(mirror);
      root.setAttribute("data-print", mode);
      printed.textContent = mode === "blank" ? "" : " ・ 印刷日: " + DX.formatDate(new Date()) + "(ブラウザに保存した内容)";
      DX.feedback(feedback, mode === "blank" ? "白紙の印刷を始めました。" : "書いた内容の印刷を始めました。");
      window.print();
    }

    root.querySelector("[data-action=print-filled]").addEventListener("click", function () {
      print("filled");
    });
    root.querySelector("[data-action=print-blank]").addEventListener("click", function () {
      print("blank");
    });

    DX.keepEarlyEdits(fields);
    DX.onProgressChange(root, refresh);
    refresh();
  }

  /* After the print dialog, the browser's own print (Ctrl+P) prints what is written again. */
  window.addEventListener("afterprint", function () {
    var roots = document.querySelectorAll('[data-module="worksheet"][data-print]');
    for (var i = 0; i < roots.length; i++) roots[i].setAttribute("data-print", "filled");
  });

  DX.register("worksheet", start);
})();
