/*
 * 修了記録を集計する (data-module="aggregate"), the part that loads with the page. The page
 * keeps nothing and shows no record until files are chosen, so the engine that reads,
 * merges and reports them (assets/aggregate-read.js, -roster, -merge, -model and -engine, the
 * view) is added on first use: a file, folder
 * or roster chosen, or a button pressed. That first action is then handed to the engine, as
 * if it had been there all along (the files stay in their input).
 */
(function () {
  "use strict";

  var src = document.currentScript && document.currentScript.src;
  var PARTS = ["aggregate-read", "aggregate-roster", "aggregate-merge", "aggregate-model", "aggregate-engine"];

  DX.register("aggregate", function (root) {
    DX.reveal(root);
    var date = root.querySelector("[data-role=date]");
    if (date && !date.value) date.value = DX.curriculum.today();
    var status = root.querySelector("[data-role=status]");
    var state = "idle"; // idle, loading, started, failed
    var waiting = [];

    function handOver() {
      root.removeEventListener("change", first, true);
      root.removeEventListener("click", first, true);
      state = "started";
      DX.aggregate.start(root);
      waiting.forEach(function (target) {
        if (target.tagName === "BUTTON") target.click();
        else target.dispatchEvent(new Event("change", { bubbles: true }));
      });
      waiting = [];
    }

    function first(event) {
      var target = event.target;
      var wanted = event.type === "click" ? target.closest && target.closest("button") : target.type === "file" && target;
      if (!wanted || state === "started") return;
      if (waiting.indexOf(wanted) < 0) waiting.push(wanted);
      if (state === "loading") return;
      if (window.DX.aggregate) return handOver();
      state = "loading";
      status.textContent = "集計の準備をしています…";
      // The engine's parts in order (build/assets.py LAZY lists the same): async = false runs
      // added scripts in the order they were added, each after the one before.
      var left = PARTS.length;
      var failed = false;
      PARTS.forEach(function (name) {
        var script = document.createElement("script");
        var version = document.querySelector("meta[name=dx-" + name + "]");
        script.async = false;
        script.src = new URL(name + ".js", src || location.href).href + (version ? "?v=" + encodeURIComponent(version.content) : "");
        script.onload = function () {
          if (--left || failed) return;
          status.textContent = "";
          if (window.DX.aggregate) handOver();
        };
        script.onerror = function () {
          if (failed) return;
          failed = true;
          state = "failed";
          waiting = [];
          status.textContent = "集計の仕組みを読み込めませんでした。ページを再読み込みしてから、もう一度選んでください。";
        };
        document.head.appendChild(script);
      });
    }

    // Ticking a role for an assignment means 「役割で選ぶ」: say so in the radio too (before the
    // engine has loaded as well).
    root.addEventListener("change", function (event) {
      var box = event.target;
      if (box.name === "dx-aggregate-target-role" && box.checked) {
        var radio = root.querySelector("#dx-aggregate-target-roles");
        if (radio) radio.checked = true;
      }
    });
    root.addEventListener("change", first, true);
    root.addEventListener("click", first, true);
  });
})();
