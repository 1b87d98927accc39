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

  window.DX = {
    register: function (name, start) {
      modules[name] = start;
    },
    initAll: initAll,
  };

  function start() {
    initAll(document);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  }
})();
