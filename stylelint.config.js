// stylelint for the engine's stylesheets (run by tests/unit/test_lint.py): the recommended
// set, which reports mistakes (unknown properties, units and selectors, invalid colours,
// duplicate properties, empty blocks), not style.
"use strict";

module.exports = {
  extends: "stylelint-config-recommended",
  rules: {
    // An order heuristic, not a mistake: the sheets group rules by widget, and a later rule
    // of lower specificity for another element is intended.
    "no-descending-specificity": null,
    // clip stays beside clip-path in the visually-hidden recipe, for browsers without clip-path.
    "property-no-deprecated": [true, { ignoreProperties: ["clip"] }],
  },
};
