/*
 * Site search (issue 7): a search box in the header, styled with Material's own search
 * classes. This script, on every page, builds the box; its engine (matching, ranking,
 * results: assets/search-engine.js) and the index (search/dx-index.js, which
 * build/search_index.py writes at build time) are added on first use: focus, "/" or typing.
 * What is typed meanwhile stays in the box and is searched as soon as they are there.
 *
 * - No worker, no fetch: both are scripts added to the page, named by their content's hash
 *   (meta dx-search-engine, dx-search-version). This works on the intranet server and from
 *   a folder (file://) alike.
 *
 * The box is built here, not in a template: without JavaScript there is no search box at
 * all (rather than one that does nothing), and no Material template is overridden.
 */
(function () {
  "use strict";

  // This script is assets/search.js; the site's root is one folder up.
  var scriptUrl = document.currentScript && document.currentScript.src;
  var siteRoot = scriptUrl ? new URL("../", scriptUrl) : null;

  /* Adds the script at `path` (from the site's root), versioned by a meta tag; done(ok). */
  function addScript(path, versionMeta, done) {
    var script = document.createElement("script");
    var version = document.querySelector("meta[name=" + versionMeta + "]");
    script.src = new URL(path, siteRoot).href + (version ? "?v=" + encodeURIComponent(version.content) : "");
    script.async = true;
    script.onload = function () {
      done(true);
    };
    script.onerror = function () {
      done(false);
    };
    document.head.appendChild(script);
  }

  var engine = null;
  var engineState = "idle"; // idle, loading, ready, failed
  var whenEngine = [];

  /* The engine, then the index; then(), also when either failed (the box says so). */
  function load(then) {
    if (engineState === "ready") return engine.loadIndex(then);
    if (then) whenEngine.push(then);
    if (engineState === "loading") return;
    engineState = "loading";
    addScript("assets/search-engine.js", "dx-search-engine", function (ok) {
      engine = ok && window.DXSearch.engine ? window.DXSearch.engine : null;
      engineState = engine ? "ready" : "failed";
      var waiting = whenEngine;
      whenEngine = [];
      for (var i = 0; i < waiting.length; i++) {
        if (engine) engine.loadIndex(waiting[i]);
        else waiting[i]();
      }
      if (engine && !waiting.length) engine.loadIndex();
    });
  }


  var ICONS = {
    magnify:
      "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5",
    back: "M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z",
    close:
      "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z",
  };
  var TEXT = {
    prompt: "調べたい言葉を入力してください(スペースで区切ると、すべてを含む箇所を探します)",
    loading: "検索の準備をしています…",
    failed: "検索の索引を読み込めませんでした。ページを再読み込みしてください。",
  };

  function svg(path) {
    return '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="' + path + '"/></svg>';
  }

  /* The box: fixed markup, no text from anywhere else. */
  var BOX =
    '<div class="md-search__overlay" aria-hidden="true"></div>' +
    '<div class="md-search__inner" role="search" aria-label="サイト内を検索">' +
    '<form class="md-search__form" name="search">' +
    '<input class="md-search__input" type="text" id="dx-search-input" name="query" aria-label="サイト内を検索" placeholder="検索"' +
    ' autocomplete="off" autocapitalize="off" spellcheck="false" aria-controls="dx-search-results" aria-describedby="dx-search-status">' +
    // For pointers (Material shows it as the box's icon); keyboards close with Escape.
    '<button class="md-search__icon md-icon dx-search-back" type="button" tabindex="-1" aria-label="検索を閉じる" title="検索を閉じる">' +
    svg(ICONS.magnify) + svg(ICONS.back) + "</button>" +
    '<div class="md-search__options"><button class="md-search__icon md-icon" type="button" aria-label="検索語を消す" title="検索語を消す">' +
    svg(ICONS.close) + "</button></div></form>" +
    '<div class="md-search__output"><div class="md-search__scrollwrap"><div class="md-search-result">' +
    '<p class="md-search-result__meta" id="dx-search-status" role="status"></p>' +
    '<div class="dx-search-kinds" role="group" aria-labelledby="dx-search-kinds-label" hidden></div>' +
    '<div class="dx-search-suggest" hidden></div>' +
    '<ol class="md-search-result__list" id="dx-search-results" aria-label="検索結果"></ol>' +
    '<p class="dx-search-settings"><input type="checkbox" id="dx-search-slash"><label for="dx-search-slash">「/」キーで検索欄に移動する</label></p>' +
    "</div></div></div></div>";

  var ui = null; // the widget's elements, once built

  function build(header) {
    var toggle = document.getElementById("__search");
    var openButton = document.createElement("button");
    openButton.type = "button";
    openButton.className = "md-header__button md-icon dx-search-open";
    openButton.setAttribute("aria-label", "検索を開く");
    openButton.title = "検索を開く";
    openButton.innerHTML = svg(ICONS.magnify);
    var root = document.createElement("div");
    root.className = "md-search dx-search";
    root.innerHTML = BOX;
    var q = function (selector) {
      return root.querySelector(selector);
    };
    var overlay = q(".md-search__overlay");
    var form = q("form");
    var input = q("input");
    var back = q(".dx-search-back");
    var clear = q(".md-search__options button");
    var status = q("[role=status]");
    var list = q("ol");
    var slashBox = q("#dx-search-slash");
    slashBox.checked = slashKeyOn();
    status.textContent = TEXT.prompt;

    var source = header.querySelector(".md-header__source");
    header.insertBefore(openButton, source);
    header.insertBefore(root, source);

    ui = {
      toggle: toggle,
      root: root,
      openButton: openButton,
      input: input,
      status: status,
      list: list,
      suggest: q(".dx-search-suggest"),
      kinds: q(".dx-search-kinds"),
      scrollwrap: q(".md-search__scrollwrap"),
    };

    slashBox.addEventListener("change", function () {
      setSlashKey(slashBox.checked);
    });

    openButton.addEventListener("click", function () {
      open();
      input.focus();
    });
    overlay.addEventListener("click", close);
    back.addEventListener("click", function () {
      close();
      if (isVisible(openButton)) openButton.focus();
    });
    clear.addEventListener("click", function () {
      input.value = "";
      run();
      input.focus();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    input.addEventListener("focus", function () {
      open();
      load();
    });
    input.addEventListener("click", open);
    input.addEventListener("input", function (event) {
      // With an input method, wait until the conversion is confirmed.
      if (!event.isComposing) run();
    });
    input.addEventListener("compositionend", run);
    root.addEventListener("keydown", onKey);
    root.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !root.contains(event.relatedTarget)) close();
    });
    list.addEventListener("click", function (event) {
      var target = event.target.closest ? event.target.closest("a, button") : null;
      if (target && target.tagName === "A") close();
    });
  }

  function isVisible(el) {
    return !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  }

  function open() {
    if (ui.toggle) ui.toggle.checked = true;
    ui.root.classList.add("dx-search--open");
  }

  function isOpen() {
    return ui.root.classList.contains("dx-search--open");
  }

  function close() {
    if (ui.toggle) ui.toggle.checked = false;
    ui.root.classList.remove("dx-search--open");
  }


  // ---------------------------------------------------------------- searching and showing

  /* Searches what is in the box (assets/search-engine.js shows the results). */
  function run() {
    ui.root.classList.toggle("dx-search--filled", ui.input.value !== "");
    if (ui.input.value.trim() === "") {
      if (engine) engine.reset();
      clearResults();
      ui.status.textContent = TEXT.prompt;
      return 0;
    }
    if (!isOpen()) open();
    if (engine) return engine.show();
    if (engineState !== "failed") ui.status.textContent = TEXT.loading;
    load(function () {
      if (engine) run();
      else ui.status.textContent = TEXT.failed;
    });
    return 0;
  }

  function clearResults() {
    while (ui.list.firstChild) ui.list.removeChild(ui.list.firstChild);
    ui.suggest.textContent = "";
    ui.suggest.hidden = true;
    ui.kinds.textContent = "";
    ui.kinds.hidden = true;
  }

  // ---------------------------------------------------------------- keyboard

  function resultLinks() {
    return Array.prototype.slice.call(ui.list.querySelectorAll("a, .dx-search-more button"));
  }

  function onKey(event) {
    if (event.isComposing || event.keyCode === 229) return; // the input method's own keys
    var links = resultLinks();
    var at = links.indexOf(document.activeElement);
    var inInput = document.activeElement === ui.input;
    // After Escape the box keeps focus, closed: these keys open it again first.
    if (inInput && !isOpen() && (event.key === "ArrowDown" || event.key === "Enter")) {
      open();
      event.preventDefault();
      return;
    }
    switch (event.key) {
      case "ArrowDown":
        if (!links.length) return;
        links[Math.min(at + 1, links.length - 1)].focus();
        break;
      case "ArrowUp":
        if (at === -1) return;
        if (at === 0) ui.input.focus();
        else links[at - 1].focus();
        break;
      case "Enter":
        // Enter in the box opens the first result, as in Material's search.
        if (!inInput) return;
        if (links.length && links[0].tagName === "A") links[0].click();
        break;
      case "Escape":
        close();
        if (isVisible(ui.input)) ui.input.focus();
        else ui.openButton.focus();
        break;
      default:
        // Typing while a result or a kind button has focus goes on in the box (Space and
        // Enter still press the button).
        var onKind = ui.kinds.contains(document.activeElement) && event.key !== " ";
        if ((at !== -1 || onKind) && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          ui.input.focus();
        }
        return;
    }
    event.preventDefault();
  }

  function isEditable(el) {
    if (!el || !el.tagName) return false;
    return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
  }

  // The "/" key can be switched off in the search panel (WCAG 2.1.4); remembered on this PC.
  var SLASH_KEY = "dx:search:slash-key";

  function slashKeyOn() {
    try {
      return window.localStorage.getItem(SLASH_KEY) !== "off";
    } catch (error) {
      return true;
    }
  }

  function setSlashKey(on) {
    try {
      if (on) window.localStorage.removeItem(SLASH_KEY);
      else window.localStorage.setItem(SLASH_KEY, "off");
    } catch (error) {
      // Storage switched off: the choice holds for this page only.
    }
    slashOverride = on;
  }

  var slashOverride = null;

  // "/" anywhere on the page focuses the box (Material's key), never while typing in a field.
  // Registered once, here.
  document.addEventListener("keydown", function (event) {
    if (!ui || event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (slashOverride === null ? !slashKeyOn() : !slashOverride) return;
    if (event.defaultPrevented || isEditable(event.target)) return;
    event.preventDefault();
    open();
    ui.input.focus();
    load();
  });

  function start() {
    if (ui || !siteRoot) return;
    var header = document.querySelector(".md-header__inner");
    if (header) build(header);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  // For the engine, tests and the bench. The engine adds normalize, search and locations.
  window.DXSearch = {
    box: {
      siteRoot: siteRoot,
      TEXT: TEXT,
      addScript: addScript,
      run: run,
      clearResults: clearResults,
      get ui() {
        return ui;
      },
    },
    load: load,
    type: function (query) {
      ui.input.value = query;
      return run();
    },
  };
})();
