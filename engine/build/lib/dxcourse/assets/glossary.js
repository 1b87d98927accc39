/* Glossary terms (<abbr>): Escape hides the explanation of the focused term without moving
   focus, as WCAG 1.4.13 asks of content shown on focus. It hides both Material's tooltip
   (served site) and the CSS one in site.css (pages opened from a folder, where Material's
   components do not start). Document-level listeners, registered once; no dependency on
   Material's document$, so it works in both builds. */
(function () {
  "use strict";
  var DISMISSED = "dx-abbr--dismissed";

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var term = document.activeElement;
    if (!term || term.tagName !== "ABBR") return;
    term.classList.add(DISMISSED);
    var id = term.getAttribute("aria-describedby");
    var tooltip = id ? document.getElementById(id) : null;
    if (tooltip) tooltip.style.display = "none";
  });

  // Material makes a new tooltip each time; the CSS one returns on the next focus.
  document.addEventListener("focusout", function (event) {
    var term = event.target;
    if (term && term.tagName === "ABBR") term.classList.remove(DISMISSED);
  });
})();
