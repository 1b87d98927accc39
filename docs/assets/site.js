/*
 * Widget start-up for the site. Each widget root has data-module="NAME"; a module registers
 * a start function with DX.register(NAME, fn). Roots are started once, each in its own
 * try/catch, so one broken widget never stops the others.
 *
 * Material's document$ emits on each instant-navigation page swap, but never on a page
 * opened from a folder (file://). So widgets start on DOMContentLoaded too, and again on
 * every document$ emission where it exists; the started mark makes that safe.
 */
(function () {
  "use strict";

  var modules = {};

  function initAll(root) {
    var scope = root || document;
    var roots = scope.querySelectorAll("[data-module]");
    for (var i = 0; i < roots.length; i++) {
      var el = roots[i];
      var name = el.getAttribute("data-module");
      if (el.hasAttribute("data-module-started") || !modules[name]) continue;
      el.setAttribute("data-module-started", "");
      try {
        modules[name](el);
      } catch (error) {
        el.removeAttribute("data-module-started");
        if (window.console) console.error("widget " + name + " failed to start", error);
      }
    }
  }

  /* Widgets on the current page that want to hear of record changes (other tabs, imports). */
  var changeListeners = [];

  document.addEventListener("dx:progress-change", function (event) {
    if (event.detail && event.detail.persistent === false) {
      // Saving stopped working mid-session (quota, policy): every widget says so at once.
      var notices = document.querySelectorAll("[data-module] [data-role=notice]");
      for (var i = 0; i < notices.length; i++) DX.showStorageNotice(notices[i]);
    }
    changeListeners = changeListeners.filter(function (entry) {
      if (!document.body.contains(entry.root)) return false; // page swapped away
      entry.refresh();
      return true;
    });
  });

  var DX = (window.DX = window.DX || {});

  DX.register = function (name, start) {
    modules[name] = start;
  };
  DX.initAll = initAll;

  DX.onProgressChange = function (root, refresh) {
    changeListeners.push({ root: root, refresh: refresh });
  };

  /* Shows the parts of a widget that only work with JavaScript. */
  DX.reveal = function (root) {
    var parts = root.querySelectorAll(".dx-js-only");
    for (var i = 0; i < parts.length; i++) parts[i].hidden = false;
  };

  /* Says plainly when progress cannot be kept, or a damaged record was set aside. */
  DX.showStorageNotice = function (element) {
    if (!element) return;
    var messages = [];
    if (!DX.store.persistent()) {
      messages.push(
        "このブラウザでは進捗を保存できません(保存機能が無効です)。操作はできますが、ページを閉じると記録は消えます。残したいときは「わたしの進捗」からファイルに書き出してください。"
      );
    }
    var recovered = DX.store.recovered();
    if (recovered) {
      messages.push(
        "保存されていた進捗の記録が壊れていたため、" +
          (recovered.backupKey ? "消さずに別の名前で退避し、" : "") +
          "新しい記録を始めました。理由: " +
          recovered.reason +
          (recovered.backupKey ? " 退避した記録は「わたしの進捗」からダウンロードできます。" : "")
      );
    }
    element.textContent = messages.join(" ");
    element.hidden = messages.length === 0;
  };

  var ERAS = [
    { name: "令和", start: new Date(2019, 4, 1) },
    { name: "平成", start: new Date(1989, 0, 8) },
  ];

  /* 2026年11月26日 is shown as 令和8年11月26日 (2026年): offices file papers in 和暦. */
  DX.formatDate = function (date) {
    var y = date.getFullYear();
    var md = date.getMonth() + 1 + "月" + date.getDate() + "日";
    for (var i = 0; i < ERAS.length; i++) {
      if (date >= ERAS[i].start) {
        var year = y - ERAS[i].start.getFullYear() + 1;
        return ERAS[i].name + (year === 1 ? "元" : year) + "年" + md + "(" + y + "年)";
      }
    }
    return y + "年" + md;
  };

  DX.download = function (filename, type, text) {
    var blob = new Blob([text], { type: type });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
  };

  /* One CSV field. Cells starting with = + - @ are prefixed so that Excel never runs them. */
  function csvField(value) {
    var text = value === undefined || value === null ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  /* UTF-8 with a BOM and CRLF line ends: what Japanese Excel opens correctly. */
  DX.csv = function (rows) {
    return (
      "\ufeff" +
      rows
        .map(function (row) {
          return row.map(csvField).join(",");
        })
        .join("\r\n") +
      "\r\n"
    );
  };

  /* A time for Excel: JST as 2026/11/27 09:47, which Japanese Excel reads as a date-time
     (an ISO time with T and Z stays text there, and in UTC). Empty for a missing time. */
  DX.excelTime = function (iso) {
    var ms = Date.parse(iso || "");
    if (isNaN(ms)) return "";
    var d = new Date(ms + 9 * 3600000);
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return d.getUTCFullYear() + "/" + pad(d.getUTCMonth() + 1) + "/" + pad(d.getUTCDate()) + " " + pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
  };

  /* Feedback for an action (copy, open, export, import, reset): shown beside its control and
     announced. The element is a role=status region; emptied first so that the same message
     twice is announced twice. */
  DX.feedback = function (element, text) {
    if (!element) return;
    element.textContent = "";
    element.hidden = false;
    setTimeout(function () {
      element.textContent = text;
    }, 50);
  };

  /* After an instant-navigation swap the new page may need scripts the first page did not
     load (hooks/assets.py lists them in data-dx-scripts). Load the missing ones in order,
     then start the widgets. Scripts are remembered by absolute URL without ?v=, taken when
     the first page is parsed: after a swap a relative src resolves against the new address. */
  var loadedScripts = Object.create(null);

  function withoutQuery(url) {
    return url.split("?")[0];
  }

  function listedScripts() {
    var holder = document.querySelector("[data-dx-scripts]");
    var listed = holder ? holder.getAttribute("data-dx-scripts").split(" ").filter(Boolean) : [];
    return listed.map(function (src) {
      return new URL(src, location.href).href;
    });
  }

  /* The first page's scripts are in its HTML. Remembered once, before any swap: document$
     replays the first page to each new subscriber, and a relative src read later would
     resolve against another address. */
  var firstPageRemembered = false;

  function rememberFirstPage() {
    if (firstPageRemembered) return;
    firstPageRemembered = true;
    for (var i = 0; i < document.scripts.length; i++) {
      if (document.scripts[i].src) loadedScripts[withoutQuery(document.scripts[i].src)] = true;
    }
    listedScripts().forEach(function (url) {
      loadedScripts[withoutQuery(url)] = true;
    });
  }

  var loading = false;
  var again = false;

  function loadMissingScripts(then) {
    rememberFirstPage();
    if (loading) {
      again = true; // another swap while loading: look again when this one is done
      return;
    }
    var missing = listedScripts().filter(function (url) {
        return !loadedScripts[withoutQuery(url)];
      });
    loading = true;
    (function next() {
      if (!missing.length) {
        loading = false;
        if (again) {
          again = false;
          return loadMissingScripts(then);
        }
        return then();
      }
      var url = missing.shift();
      loadedScripts[withoutQuery(url)] = true;
      var script = document.createElement("script");
      script.src = url;
      script.onload = script.onerror = next;
      document.body.appendChild(script);
    })();
  }

  function start() {
    initAll(document);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      rememberFirstPage();
      start();
    });
  } else {
    rememberFirstPage();
    start();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      loadMissingScripts(start);
    });
  }
})();
