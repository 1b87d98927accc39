// ESLint for the engine's classic scripts and the Node tests (run by tests/unit/test_lint.py).
// The scripts load as classic <script> tags from file:// with no build step: no modules, no
// syntax newer than ECMAScript 2015 (the minifier's setting, dxcourse/build/assets.py), and
// only the browser's globals plus the site's own namespace.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

const ES5_STYLE = [
  ["VariableDeclaration[kind!='var']", "var, as in the other scripts (no let or const)."],
  ["ArrowFunctionExpression", "a function expression, as in the other scripts (no arrow functions)."],
  ["TemplateLiteral", "string concatenation, as in the other scripts (no template literals)."],
  [":matches(ClassDeclaration, ClassExpression)", "constructor functions, as in the other scripts (no classes)."],
  ["ForOfStatement", "an index loop, as in the other scripts (no for...of)."],
  [":matches(ObjectPattern, ArrayPattern, SpreadElement, RestElement)", "plain assignments, as in the other scripts (no destructuring or spread)."],
  [":matches(FunctionDeclaration, FunctionExpression)[generator=true]", "plain functions (no generators)."],
].map(([selector, message]) => ({ selector, message: "Use " + message }));

module.exports = [
  {
    files: ["engine/dxcourse/assets/**/*.js"],
    languageOptions: {
      // ECMAScript 2018 for the parser only: search-engine.js matches joining marks with a
      // Unicode property escape (/\p{M}/u), which Chromium and Edge read in a classic script.
      // Everything else is held to ES5-era style by the rules below.
      ecmaVersion: 2018,
      sourceType: "script",
      globals: {
        ...globals.browser,
        // The site's namespace: site.js makes window.DX, loaded before the others.
        DX: "readonly",
        // Node's, read only where a script runs under `node --test` (no window): to export
        // its pure functions (`typeof module === "object"`) and load the scripts it uses.
        module: "readonly",
        require: "readonly",
      },
    },
    rules: {
      ...js.configs.recommended.rules,
      // The scripts keep to ES5-era style (README): what any browser and the minifier read alike.
      "no-restricted-syntax": ["error", ...ES5_STYLE],
      // ECMAScript 2015 needs a name in catch (error) even where the error is not used.
      "no-unused-vars": ["error", { caughtErrors: "none" }],
    },
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "commonjs",
      globals: { ...globals.node },
    },
    rules: {
      ...js.configs.recommended.rules,
    },
  },
];
