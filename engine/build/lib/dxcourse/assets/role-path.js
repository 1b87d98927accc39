/*
 * A role's path through the curriculum (data-module="role-path"): the status column
 * (completion.js, catalog from curriculum.js).
 */
(function () {
  "use strict";

  function startRolePath(root) {
    var cur = DX.curriculum;
    var catalog = cur.catalogOf(root);
    DX.reveal(root);
    DX.showStorageNotice(root.querySelector("[data-role=notice]"));
    function refresh() {
      var rows = root.querySelectorAll("tr[data-module-id]");
      for (var i = 0; i < rows.length; i++) {
        var spec = catalog.byId[rows[i].getAttribute("data-module-id")];
        var st = cur.status(spec);
        var cell = rows[i].querySelector("[data-role=status]");
        cell.textContent = st.complete ? "完了" : "未完了(学習 " + st.learning.done + " 件終了・全 " + st.learning.total + " 件)";
        cell.className = cur.stateClass(st.complete ? "完了" : "");
      }
    }
    DX.onProgressChange(root, refresh);
    refresh();
  }

  DX.register("role-path", startRolePath);
})();
