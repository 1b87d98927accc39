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
    // Saved elsewhere (わたしの進捗, another tab): a reminder no longer due goes away.
    var reminder = document.querySelector(".dx-backup-reminder:not([data-saved])");
    if (reminder && !backupDue()) reminder.remove();
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

  /* On a slow PC a page shows, and takes input, before its widget's script runs: a box
     changed or text typed by then is newer than the stored state, so it is saved before the
     widget shows the stored state. The controls carry autocomplete="off", so that what the
     browser puts back on "back" or reload is not taken for such a change. */
  DX.keepEarlyEdits = function (controls) {
    var values = {};
    var changed = false;
    controls.forEach(function (control) {
      var box = control.type === "checkbox";
      if (box ? control.checked === control.defaultChecked : control.value === control.defaultValue) return;
      values[control.getAttribute("data-key")] = box ? control.checked : control.value;
      changed = true;
    });
    if (changed) DX.store.set(values);
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

  /* DX.csv, DX.excelTime and DX.excelDate: assets/csv.js, loaded before this script on every page. */

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

  /* After an instant-navigation swap the new page may need stylesheets and scripts the first
     page did not load (build/assets.py lists them in data-dx-styles and data-dx-scripts).
     Load the missing ones in order, sheets first, then start the widgets. Files are
     remembered by absolute URL without ?v=, taken when the first page is parsed: after a
     swap a relative URL resolves against the new address. */
  var loadedFiles = Object.create(null);

  function withoutQuery(url) {
    return url.split("?")[0];
  }

  function listed(attribute) {
    var holder = document.querySelector("[" + attribute + "]");
    var urls = holder ? holder.getAttribute(attribute).split(" ").filter(Boolean) : [];
    return urls.map(function (url) {
      return new URL(url, location.href).href;
    });
  }

  /* The first page's scripts are in its HTML. Remembered once, before any swap: document$
     replays the first page to each new subscriber, and a relative URL read later would
     resolve against another address. */
  var firstPageRemembered = false;

  function rememberFirstPage() {
    if (firstPageRemembered) return;
    firstPageRemembered = true;
    for (var i = 0; i < document.scripts.length; i++) {
      if (document.scripts[i].src) loadedFiles[withoutQuery(document.scripts[i].src)] = true;
    }
    listed("data-dx-scripts").forEach(function (url) {
      loadedFiles[withoutQuery(url)] = true;
    });
  }

  var loading = false;
  var again = false;

  /* A sheet already in the head: Material's swap copies the new page's <link>s into the head
     (and drops them again on leaving), so sheets are looked up there, not remembered. */
  function sheetIn(url) {
    var links = document.querySelectorAll("link[rel=stylesheet]");
    for (var i = 0; i < links.length; i++) if (withoutQuery(links[i].href) === withoutQuery(url)) return links[i];
    return null;
  }

  function loadMissingScripts(then) {
    rememberFirstPage();
    if (loading) {
      again = true; // another swap while loading: look again when this one is done
      return;
    }
    var missing = listed("data-dx-styles").concat(
      listed("data-dx-scripts").filter(function (url) {
        return !loadedFiles[withoutQuery(url)];
      })
    );
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
      var file;
      if (/\.css$/.test(withoutQuery(url))) {
        file = sheetIn(url);
        if (file && file.sheet) return next(); // there and loaded
        if (!file) {
          file = document.createElement("link");
          file.rel = "stylesheet";
          file.href = url;
          document.head.appendChild(file);
        }
      } else {
        loadedFiles[withoutQuery(url)] = true;
        file = document.createElement("script");
        file.src = url;
        document.body.appendChild(file);
      }
      file.addEventListener("load", next);
      file.addEventListener("error", next);
    })();
  }

  // ---------------------------------------------------------------- links for other people

  // This script is assets/site.js: the site's root is one folder up.
  var scriptSrc = document.currentScript && document.currentScript.src;
  var siteRoot = scriptSrc ? new URL("../", scriptSrc).href : null;

  function metaContent(name) {
    var meta = document.querySelector('meta[name="' + name + '"]');
    return meta ? meta.getAttribute("content") : null;
  }

  /* A link to a page of this site that other people can open: on the shared address when the
     build knew it (DX_SITE_URL, also in the folder bundle), else this page's own address.
     null when the page is a file on this PC and no shared address is known: such a link
     opens only here, so callers offer what does travel (a code, the answers as text). */
  DX.shareLink = function (url) {
    var absolute = new URL(url, window.location.href);
    var shared = metaContent("dx-share-url");
    if (shared && siteRoot && absolute.href.indexOf(siteRoot) === 0) {
      var rest = absolute.href.slice(siteRoot.length);
      var cut = rest.search(/[?#]/);
      var path = cut === -1 ? rest : rest.slice(0, cut);
      // The bundle links to files (faq/x.html, index.html), the served site to folders (faq/x/).
      if (/\.html$/.test(path)) path = path.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "/");
      return new URL(path + (cut === -1 ? "" : rest.slice(cut)), shared.replace(/\/?$/, "/")).href;
    }
    return absolute.protocol === "file:" ? null : absolute.href;
  };

  /* Copies text to the clipboard; done(true|false). The clipboard API needs a secure
     context and permission, so the old way is tried when it fails. */
  DX.copyText = function (text, done) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "dx-visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (error) {
        ok = false;
      }
      area.remove();
      done(ok);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        done(true);
      }, fallback);
    } else {
      fallback();
    }
  };

  // ---------------------------------------------------------------- backups of the record

  function fileDate() {
    var d = new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return "" + d.getFullYear() + pad(d.getMonth() + 1) + pad(d.getDate());
  }

  /* Saves the whole progress record as a JSON file and notes the time (the reminder's clock). */
  DX.saveBackup = function () {
    DX.download("dx-progress-" + fileDate() + ".json", "application/json", JSON.stringify(DX.store.exportRecord(), null, 2));
    DX.store.markExported();
  };

  var DAY = 24 * 3600 * 1000;

  /* Whole days since the oldest change not yet saved to a file; -1 when everything is saved. */
  DX.unsavedDays = function () {
    var since = Date.parse(DX.store.lastExported() || "") || 0;
    var oldest = Infinity;
    var entries = DX.store.entries();
    Object.keys(entries).forEach(function (key) {
      var at = Date.parse(entries[key].at);
      if (at > since && at < oldest) oldest = at;
    });
    return oldest === Infinity ? -1 : Math.floor((Date.now() - oldest) / DAY);
  };

  /* A quiet note above the content of pages with widgets when progress has gone unsaved for
     extra.backup_reminder_days: browser data is wiped on shared terminals and VDI. */
  function backupDue() {
    var setting = metaContent("dx-backup-reminder-days");
    var limit = Number(setting);
    if (setting === null || setting === "" || isNaN(limit)) return false;
    var days = DX.unsavedDays();
    return days >= 0 && days >= limit;
  }

  function remindBackup() {
    var content = document.querySelector(".md-content__inner");
    if (!content || !content.querySelector("[data-module]") || content.querySelector(".dx-backup-reminder")) return;
    // Pages whose widgets keep nothing (集計, 受講指示) load no store and need no reminder.
    if (!DX.store || !DX.store.persistent() || !backupDue()) return; // without storage the widgets already say so
    var last = DX.store.lastExported();
    var box = document.createElement("div");
    box.className = "dx-backup-reminder";
    var text = document.createElement("p");
    text.textContent =
      (last ? "進捗を最後にファイルに保存したのは" + DX.formatDate(new Date(last)) + "です。" : "進捗をまだファイルに保存していません。") +
      "進捗はこのブラウザの中にだけあり、ブラウザのデータが消されると失われます。";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "バックアップを保存";
    var feedback = document.createElement("p");
    feedback.className = "dx-feedback";
    feedback.setAttribute("role", "status");
    feedback.hidden = true;
    button.addEventListener("click", function () {
      box.setAttribute("data-saved", "");
      DX.saveBackup();
      text.hidden = true;
      button.hidden = true;
      DX.feedback(feedback, "バックアップを保存しました(ダウンロードしたファイル)。消えない場所に移しておいてください。戻すときは「わたしの進捗」で読み込みます。");
    });
    box.appendChild(text);
    box.appendChild(button);
    box.appendChild(feedback);
    content.insertBefore(box, content.firstChild);
  }

  // ---------------------------------------------------------------- the navigation drawer

  /* Below 76.25em Material's navigation is a drawer opened by a <label>, which a keyboard
     cannot reach (and whose links site.css keeps out of the Tab order while it is closed).
     The label becomes a button; the drawer closes on Escape and when focus leaves it. */
  function setDrawer(open, moveFocus) {
    var toggle = document.getElementById("__drawer");
    var button = document.querySelector(".dx-drawer-open");
    if (!toggle) return;
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change", { bubbles: true })); // Material locks scrolling on it
    }
    if (button) button.setAttribute("aria-expanded", String(open));
    // In the drawer, a section's name opens its panel and the panel's title goes back: with
    // navigation.sections Material leaves both out of the Tab order (they are headings on a
    // wide screen), which would leave the rest of the site out of a keyboard's reach.
    var labels = document.querySelectorAll('.md-sidebar--primary label[for^="__nav"]');
    for (var i = 0; i < labels.length; i++) {
      if (open) labels[i].setAttribute("tabindex", "0");
      else if (labels[i].getAttribute("tabindex") === "0") labels[i].setAttribute("tabindex", "-1");
    }
    if (open && moveFocus) focusFirstIn(document.querySelector(".md-sidebar--primary"));
  }

  function focusFirstIn(container) {
    if (!container) return;
    var links = container.querySelectorAll("a[href], label[tabindex='0']");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getClientRects().length && (!links[i].checkVisibility || links[i].checkVisibility({ visibilityProperty: true }))) {
        links[i].focus();
        return;
      }
    }
  }

  /* Enter or Space on a section's name or a panel's title in the open drawer. */
  function toggleSection(label) {
    var toggle = document.getElementById(label.getAttribute("for"));
    if (!toggle) return;
    toggle.checked = !toggle.checked;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
    // Focus follows: into the panel (visible at once), or back to the section's name.
    if (toggle.checked) focusFirstIn(toggle.parentNode.querySelector(":scope > .md-nav"));
    else {
      var name = document.getElementById(toggle.id + "_label");
      if (name) name.focus();
    }
  }

  function setupDrawer() {
    var label = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
    var toggle = document.getElementById("__drawer");
    if (!label || !toggle || document.querySelector(".dx-drawer-open")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon dx-drawer-open";
    button.setAttribute("aria-label", "メニュー");
    button.setAttribute("aria-expanded", String(toggle.checked));
    while (label.firstChild) button.appendChild(label.firstChild);
    label.parentNode.replaceChild(button, label);
    button.addEventListener("click", function () {
      setDrawer(!toggle.checked, true);
    });
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked)); // closed by its overlay
    });
  }

  document.addEventListener("keydown", function (event) {
    var toggle = document.getElementById("__drawer");
    var button = document.querySelector(".dx-drawer-open");
    var target = event.target;
    if ((event.key === "Enter" || event.key === " ") && toggle && toggle.checked && target.tagName === "LABEL" && /^__nav/.test(target.getAttribute("for") || "")) {
      event.preventDefault();
      event.stopPropagation();
      toggleSection(target);
      return;
    }
    if (event.key !== "Escape" || !toggle || !toggle.checked || !button) return;
    setDrawer(false);
    if (button.getClientRects().length) button.focus();
  });

  document.addEventListener("focusin", function (event) {
    var toggle = document.getElementById("__drawer");
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (!toggle || !toggle.checked || !sidebar || sidebar.contains(event.target)) return;
    if (event.target.classList && event.target.classList.contains("dx-drawer-open")) return;
    setDrawer(false);
  });

  // ---------------------------------------------------------------- wide tables

  /* A table wider than the screen scrolls sideways inside a box that a keyboard can reach
     (tabindex=0) and a screen reader names (role=region, the caption): only while it does
     overflow, so that a table that fits adds no Tab stop. */
  var watchedBoxes = typeof ResizeObserver === "function" ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var box = entry.target.closest ? entry.target.closest("[data-dx-scroll-box]") : null;
      if (box) markScrollBox(box);
    });
  }) : null;

  function scrollBoxOf(table, article) {
    for (var el = table.parentElement; el && el !== article; el = el.parentElement) {
      var overflow = getComputedStyle(el).overflowX;
      if (overflow === "auto" || overflow === "scroll") return el;
    }
    // None (or only the table itself, as Material styles plain tables): a box of our own, so
    // that role=region never replaces the table's own role.
    var box = document.createElement("div");
    box.className = "dx-table-scroll";
    table.parentNode.insertBefore(box, table);
    box.appendChild(table);
    return box;
  }

  function markScrollBox(box) {
    var table = box.querySelector("table");
    var overflowing = box.scrollWidth > box.clientWidth + 1;
    if (overflowing && !box.hasAttribute("data-dx-scrollable")) {
      var caption = table && table.caption ? table.caption.textContent.trim() : "";
      box.setAttribute("data-dx-scrollable", "");
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", (caption || "表") + "(横にスクロールできます)");
    } else if (!overflowing && box.hasAttribute("data-dx-scrollable")) {
      box.removeAttribute("data-dx-scrollable");
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }

  function setupTables() {
    var article = document.querySelector(".md-content");
    if (!article) return;
    var tables = article.querySelectorAll("table");
    for (var i = 0; i < tables.length; i++) {
      var box = tables[i].closest("[data-dx-scroll-box]") || scrollBoxOf(tables[i], article);
      if (!box.hasAttribute("data-dx-scroll-box")) {
        box.setAttribute("data-dx-scroll-box", "");
        if (watchedBoxes) {
          watchedBoxes.observe(box);
          watchedBoxes.observe(tables[i]); // a table filled in later (集計) grows
        }
      }
      markScrollBox(box);
    }
  }

  function start() {
    setupDrawer();
    try {
      setupTables();
    } catch (error) {
      if (window.console) console.error("table setup failed", error);
    }
    initAll(document);
    try {
      remindBackup();
    } catch (error) {
      if (window.console) console.error("backup reminder failed", error);
    }
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
