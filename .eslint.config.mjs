// Lint rules for Pilot Gate (`npm run lint` runs tsc --noEmit first, then this).
// Beyond the recommended sets, the rules encode the house rules of the code's shape (STYLE.md):
// data flows one way — model ← functions ← use cases ← hosts and the pane — so the engine imports
// nothing from its shells, the use cases nothing of React, the DOM or a particular host, the port
// and its hosts nothing of what is built on them, and the task pane reaches the workbook only
// through the use cases; only src/workbook touches Office.js; no add-in code imports HyperFormula
// (GPL), the workbench, the Node tooling (src/dev-server, src/manifest, the help page's writer in
// src/help) or test code; types are imported with `import type`; nothing in src/ evaluates text as
// code or sets dangerouslySetInnerHTML.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

const NODE_GLOBALS = {
  require: "readonly",
  module: "writable",
  exports: "writable",
  __dirname: "readonly",
  __filename: "readonly",
  process: "readonly",
  console: "readonly",
  Buffer: "readonly",
};

// Import patterns, each with the reason a person reads when the rule fires. A file group's
// no-restricted-imports replaces an earlier group's, so each group lists all of its own.
const GPL = { group: ["hyperformula", "hyperformula/*"], message: "HyperFormula is GPL: tests and the workbench only, never the add-in." };
const WORKBENCH = { group: ["**/workbench", "**/workbench/**", "**/workbook/hyperformula", "**/workbook/hyperformula/**"], message: "The add-in does not import the workbench or the HyperFormula host (GPL)." };
const TESTS = { group: ["**/test/**", "**/bench/**"], message: "Add-in code does not import test or bench code." };
const TOOLING = {
  group: ["**/dev-server", "**/dev-server/**", "**/manifest", "**/manifest/**", "**/help/*", "!**/help/address"],
  message: "Add-in code does not import the Node tooling (the help page is written at build time: only its address, src/help/address, is shared).",
};
const UI = { group: ["react", "react-dom", "react/*", "react-dom/*", "@fluentui/*", "@microsoft/office-js"], message: "No React, Fluent or Office here: it runs in Node too." };
const ABOVE_USECASES = { group: ["**/taskpane", "**/taskpane/**", "**/workbench", "**/workbench/**", "**/cli", "**/cli/**"], message: "The hosts call the use cases, not the other way round." };
const A_HOST = { group: ["**/workbook/office", "**/workbook/memory", "**/workbook/hyperformula", "**/workbook/hyperformula/**"], message: "The use cases take a port; which host it is, is the caller's business." };
const ABOVE_PORT = { group: ["**/usecases", "**/usecases/**", "**/taskpane", "**/taskpane/**"], message: "The port's hosts do not import what is built on them." };
const USECASE_FILES = { group: ["**/usecases/*"], message: "Call the use cases through their interface (src/usecases, its index), not their files." };
const WORKBOOK = { group: ["**/workbook/*", "**/workbook/**"], message: "The pane calls the use cases; it does not reach the workbook itself." };
const ENGINE_SHELLS = {
  group: ["**/taskpane/**", "**/workbook/**", "**/functions/**", "**/commands/**", "**/cli/**", "**/usecases", "**/usecases/**"],
  message: "Data flows one way: the engine imports nothing from its shells.",
};

const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });
const noGlobals = (message, ...names) => ({ "no-restricted-globals": ["error", ...names.map((name) => ({ name, message }))] });

export default defineConfig(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-results/", ".tmp/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "separate-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The add-in: what Excel loads. The workbench (src/workbench) runs the add-in outside Excel on
    // HyperFormula, through the HyperFormula host (src/workbook/hyperformula): the two parts of
    // src/ that may import it. src/dev-server (npm start) and src/manifest (npm run validate, the
    // icons) are Node tooling around the add-in, never in it.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/workbench/**", "src/workbook/hyperformula/**", "src/dev-server/**", "src/manifest/**"],
    rules: restrict(GPL, WORKBENCH, TESTS, TOOLING),
  },
  {
    // The application layer: the use cases over the workbook port, run by every host (the task
    // pane, the workbench, a command line in Node).
    files: ["src/usecases/**/*.ts"],
    rules: {
      ...restrict(GPL, WORKBENCH, TESTS, TOOLING, UI, ABOVE_USECASES, A_HOST),
      ...noGlobals("The use cases run in Node too: no Office or DOM.", "Office", "Excel", "CustomFunctions", "document", "window"),
    },
  },
  {
    // The port and its hosts know nothing of the use cases built on them.
    files: ["src/workbook/**/*.ts"],
    ignores: ["src/workbook/hyperformula/**"],
    rules: restrict(GPL, WORKBENCH, TESTS, TOOLING, ABOVE_PORT),
  },
  {
    files: ["src/workbook/hyperformula/**/*.ts"],
    rules: restrict(TESTS, TOOLING, ABOVE_PORT, { group: ["**/workbench", "**/workbench/**"], message: "The host does not import the workbench's page." }),
  },
  {
    // The task pane calls the use cases through their one interface; only its entry point meets
    // a host, to hand it to them.
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    ignores: ["src/taskpane/index.tsx"],
    rules: restrict(GPL, WORKBENCH, TESTS, TOOLING, USECASE_FILES, WORKBOOK),
  },
  {
    files: ["src/taskpane/index.tsx"],
    rules: restrict(GPL, WORKBENCH, TESTS, TOOLING, USECASE_FILES),
  },
  {
    // The command line: a host of the use cases in Node. It calls them through their one interface
    // and hands them the .xlsx host; no React, Fluent or Office here.
    files: ["src/cli/**/*.ts"],
    rules: restrict(GPL, WORKBENCH, TESTS, TOOLING, UI, USECASE_FILES),
  },
  {
    // The workbench's page: the HyperFormula host's grid beside the task pane, which it gives the use cases.
    files: ["src/workbench/**/*.ts", "src/workbench/**/*.tsx"],
    rules: restrict(TESTS, TOOLING, USECASE_FILES),
  },
  {
    // Nothing in src/ runs text as code or renders it as markup: the pages' Content-Security-Policy
    // refuses eval (no 'unsafe-eval'), and a workbook's text must never become HTML.
    // test/tools/dynamic-code.test.ts checks src/ and the production bundles the same way.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    // Declared so that no-implied-eval knows the timers and the global objects it checks.
    languageOptions: { globals: Object.fromEntries(["setTimeout", "setInterval", "window", "self", "globalThis"].map((name) => [name, "readonly"])) },
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-script-url": "error",
      "no-restricted-syntax": [
        "error",
        ...["JSXAttribute[name.name='dangerouslySetInnerHTML']", "Property[key.name='dangerouslySetInnerHTML']", "Property[key.value='dangerouslySetInnerHTML']"].map((selector) => ({
          selector,
          message: "No dangerouslySetInnerHTML: render text as text.",
        })),
      ],
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/workbook/**"],
    rules: {
      "no-restricted-properties": ["error", { object: "Excel", property: "run", message: "Office.js lives in src/workbook: call the workbook port." }],
    },
  },
  {
    files: ["src/model/**/*.ts"],
    rules: {
      ...restrict({ ...UI, message: "The engine is pure: no React, Fluent or Office." }, GPL, ENGINE_SHELLS),
      ...noGlobals("The engine is pure: no Office or DOM.", "Office", "Excel", "CustomFunctions", "document", "window"),
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: NODE_GLOBALS },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
