// Lint rules for Pilot Gate (`npm run lint` runs tsc --noEmit first, then this).
// Beyond the recommended sets, the rules encode the house rules of the code's shape: the engine
// imports nothing from Office, React or the DOM; only src/workbook touches Office.js; no add-in
// code imports HyperFormula (GPL), the workbench, the Node tooling (src/dev-server, src/manifest)
// or test code; types are imported with `import type`; nothing in src/ evaluates text as code or
// sets dangerouslySetInnerHTML.
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
    // HyperFormula and is the one part of src/ that may import it; src/dev-server (npm start) and
    // src/manifest (npm run validate, the icons) are Node tooling around the add-in, never in it.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/workbench/**", "src/dev-server/**", "src/manifest/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["hyperformula", "hyperformula/*"], message: "HyperFormula is GPL: tests and the workbench only, never the add-in." },
            { group: ["**/workbench", "**/workbench/**"], message: "The add-in does not import the workbench (it carries HyperFormula, GPL)." },
            { group: ["**/test/**", "**/bench/**"], message: "Add-in code does not import test or bench code." },
            { group: ["**/dev-server", "**/dev-server/**", "**/manifest", "**/manifest/**"], message: "Add-in code does not import the Node tooling." },
          ],
        },
      ],
    },
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
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "react/*", "react-dom/*", "@fluentui/*", "@microsoft/office-js"], message: "The engine is pure: no React, Fluent or Office." },
            { group: ["hyperformula", "hyperformula/*"], message: "HyperFormula is GPL: tests and the workbench only, never the add-in." },
            { group: ["**/taskpane/**", "**/workbook/**", "**/functions/**", "**/commands/**", "**/cli/**"], message: "Data flows one way: the engine imports nothing from its shells." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "CustomFunctions", "document", "window"].map((name) => ({ name, message: "The engine is pure: no Office or DOM." })),
      ],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: NODE_GLOBALS },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
