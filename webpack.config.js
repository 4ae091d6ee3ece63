/* Bundles Pilot Gate: the task pane, the PILOT.* custom functions, the ribbon commands and the help page.
 *
 *   npm run build       production build into dist/, every development URL rewritten
 *   npm run build:dev   development build into dist/
 *   npm run dev-server  https://localhost:3000 with office-addin-dev-certs certificates
 *   webpack --mode development --env workbench
 *                       the workbench alone, into dist/workbench/ (npm start builds and serves it too)
 *
 * The production URL comes from one place: package.json "config.production_url", which the
 * environment variable PILOT_GATE_PRODUCTION_URL overrides.
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");
const packageJson = require("./package.json");

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || packageJson.config.dev_server_port);
const DEV_URL = `https://localhost:${DEV_PORT}/`;

/** The production base URL, ending in "/"; refuses anything that is not https or that is local. */
function productionUrl() {
  const raw = process.env.PILOT_GATE_PRODUCTION_URL || packageJson.config.production_url;
  const url = raw.endsWith("/") ? raw : `${raw}/`;
  if (!/^https:\/\/[^/]+\//.test(url) || /localhost|127\.0\.0\.1/.test(url)) {
    throw new Error(`The production URL must be an https:// URL that is not local, got "${raw}" (package.json config.production_url or PILOT_GATE_PRODUCTION_URL).`);
  }
  return url;
}

/** Every occurrence of the development URL, in any text (manifest included). */
function toProduction(text) {
  return text.split(DEV_URL).join(productionUrl());
}

/** Where the pages load Office.js from; Office.js loads its host, locale and telemetry files from there too. */
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/**
 * The Content-Security-Policy of a page, for its <meta http-equiv> (first in <head>, so that it
 * governs every script the page loads). Scripts come from the add-in's own origin and, on the
 * add-in's pages, Office.js's; nothing may be evaluated from text. What each part rests on:
 * - Office.js is loaded from appsforoffice.microsoft.com and loads its host-specific file
 *   (excel-web-16.00.js, excel-win32-16.01.js …), its locale strings and its telemetry sink from
 *   the same folder (office.js's LoadScriptHelper; the origins people found by hand are in
 *   office-js#1005 and office-js-docs-pr#721). The MicrosoftAjax.js from ajax.aspnetcdn.com that
 *   they list is loaded only when `requiresMsAjax`, which office.js 1.1 never sets, so that
 *   origin stays out, as do telemetry endpoints: Office.js carries on without them.
 * - On Excel on the web, Office.js frames its own error page (AgaveErrorUX) when the host is not
 *   trusted: frame-src allows Office.js's origin.
 * - Styles: Fluent UI v9 (Griffel) inserts <style> elements at run time, which a static page
 *   can only allow with 'unsafe-inline' (a nonce must be new for every response: griffel#86), and
 *   excel-web-16.00.js sets inline styles itself (office-js#1687). 'unsafe-inline' is never given
 *   to scripts.
 * - No 'unsafe-eval': the development build's source maps are separate files (devtool
 *   "source-map", not webpack's default eval-* for development), and webpack's runtime reads
 *   globalThis instead of falling back to `new Function("return this")` (output.environment).
 * - Development only: webpack-dev-server's live-reload socket, on the port it serves from.
 *
 * @example
 *   contentSecurityPolicy({ officeJs: true, dev: false });
 *   // "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; …"
 */
function contentSecurityPolicy({ officeJs, dev }) {
  const office = officeJs ? [OFFICE_JS_ORIGIN] : [];
  const devSocket = dev ? ["localhost", "127.0.0.1"].flatMap((host) => [`ws://${host}:${DEV_PORT}`, `wss://${host}:${DEV_PORT}`]) : [];
  const directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...office],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...devSocket],
    "frame-src": office.length > 0 ? office : ["'none'"],
    // The pane's simulation runs in a Web Worker loaded from the add-in's own folder (never blob:).
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
  };
  return Object.entries(directives)
    .map(([directive, sources]) => `${directive} ${sources.join(" ")}`)
    .join("; ");
}

/** Modules that must never reach an add-in bundle: HyperFormula (GPL), the workbench, Node tooling, test or bench code. */
function forbiddenModule(resource) {
  const file = resource.split(path.sep).join("/");
  const root = __dirname.split(path.sep).join("/");
  if (file.includes("/node_modules/hyperformula/")) return "HyperFormula is licensed GPL and is for tests and the workbench only";
  if (file.startsWith(`${root}/test/`) || file.startsWith(`${root}/bench/`)) return "test and bench code stays out of the add-in";
  if (file.startsWith(`${root}/src/workbench/`)) return "the workbench is bundled on its own (--env workbench), never into the add-in";
  if (file.startsWith(`${root}/src/workbook/hyperformula/`)) return "the HyperFormula host is the workbench's (HyperFormula is GPL), never the add-in's";
  if (file.startsWith(`${root}/src/dev-server/`) || file.startsWith(`${root}/src/manifest/`)) return "Node tooling stays out of the add-in";
  if (file.startsWith(`${root}/src/help/`) && file !== `${root}/src/help/address.ts`) return "the help page is written at build time, never bundled";
  return null;
}

/** The add-in's entry points: what Excel loads. Only these are held to forbiddenModule. */
const ADDIN_ENTRIES = {
  taskpane: "./src/taskpane/index.tsx",
  functions: "./src/functions/functions.ts",
  commands: "./src/commands/commands.ts",
};

/**
 * How the add-in's code is split so that the shared runtime page (taskpane.html), which Excel
 * loads for the task pane, the custom functions and the ribbon commands at once, loads each
 * module once: one webpack runtime for the page (so a module shared by two entries is one
 * instance, not two), and the modules two entries share in chunks of their own (the engine and
 * mathjs, which the functions and the pane both use; React and Fluent UI, which only the pane
 * uses, stay in its entry). functions.html and commands.html load the same chunks, so they work
 * on their own. The pane's charts are a chunk of their own, fetched after the pane is usable
 * (src/taskpane/charts).
 */
function sharedRuntimeChunks() {
  return {
    runtimeChunk: { name: "runtime" },
    splitChunks: {
      chunks: "all",
      // Few, named chunks: each is one request from the page, whatever the number of modules.
      cacheGroups: {
        default: false,
        defaultVendors: false,
        shared: { name: "shared", minChunks: 2, chunks: "initial", priority: 10, reuseExistingChunk: true, enforce: true },
      },
    },
  };
}

/**
 * Fails the build when a module reachable from an add-in entry is forbidden, naming it and what
 * imported it; with a file name, also writes the path of every module the add-in entries reach
 * there (the tests read it).
 */
class ForbiddenModulesPlugin {
  constructor(moduleListFile) {
    this.moduleListFile = moduleListFile;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ForbiddenModulesPlugin", (compilation) => {
      compilation.hooks.finishModules.tap("ForbiddenModulesPlugin", () => {
        const { moduleGraph } = compilation;
        const importer = new Map();
        const stack = [];
        for (const name of Object.keys(ADDIN_ENTRIES)) {
          for (const dependency of compilation.entries.get(name)?.dependencies ?? []) {
            const module = moduleGraph.getModule(dependency);
            if (module && !importer.has(module)) {
              importer.set(module, null);
              stack.push(module);
            }
          }
        }
        while (stack.length > 0) {
          const module = stack.pop();
          // Report where the add-in's code crosses into a forbidden package, not its every file.
          if (module.resource && forbiddenModule(module.resource)) continue;
          for (const connection of moduleGraph.getOutgoingConnections(module)) {
            const target = connection.module;
            if (!target || importer.has(target)) continue;
            importer.set(target, module);
            stack.push(target);
          }
        }
        const resources = [];
        for (const [module, from] of importer) {
          if (!module.resource) continue;
          resources.push(module.resource);
          const reason = forbiddenModule(module.resource);
          if (!reason) continue;
          const by = from && from.resource ? ` (imported by ${path.relative(__dirname, from.resource)})` : "";
          compilation.errors.push(new webpack.WebpackError(`${path.relative(__dirname, module.resource)}${by}: ${reason}.`));
        }
        if (this.moduleListFile) fs.writeFileSync(this.moduleListFile, `${resources.sort().join("\n")}\n`);
      });
    });
  }
}

const SOURCES = path.resolve(__dirname, "src");
/** The TypeScript module that writes functions.json from the PILOT declarations, and what it reads. */
const FUNCTIONS_JSON_MODULE = path.resolve(__dirname, "src/functions/functions-json.ts");
const FUNCTION_DECLARATIONS = path.resolve(__dirname, "src/functions/declarations.ts");
/** The module that writes the help page's content, and what it reads: the user guide, the declarations and its own helpers. */
const HELP_PAGE_MODULE = path.resolve(__dirname, "src/help/page.ts");
const USER_GUIDE = path.resolve(__dirname, "docs/guide.md");
const HELP_SOURCES = [USER_GUIDE, FUNCTION_DECLARATIONS, ...["page", "markdown", "reference", "address"].map((name) => path.resolve(__dirname, `src/help/${name}.ts`))];

/**
 * A TypeScript module of src/ the build runs (not bundles), through ts-node (already how
 * `npm start` runs). Every module of src/ is read afresh, so a rebuild under `npm start` picks
 * up a change in the module or in anything it imports.
 */
function requireSource(file) {
  // require.extensions is how Node says whether a loader for .ts files is already registered.
  if (!require.extensions[".ts"]) require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
  for (const loaded of Object.keys(require.cache)) {
    if (loaded.startsWith(`${SOURCES}${path.sep}`)) delete require.cache[loaded];
  }
  return require(file);
}

/**
 * Emits functions.json, the metadata Excel reads, from the PILOT functions' declarations
 * (src/functions/declarations.ts): the same data the runtime registers and runs, so the two
 * cannot drift. Each function's helpUrl is its entry on the help page served from `base`.
 */
class FunctionsJsonPlugin {
  constructor(base) {
    this.base = base;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsJsonPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsJsonPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          for (const file of [FUNCTIONS_JSON_MODULE, FUNCTION_DECLARATIONS]) compilation.fileDependencies.add(file);
          const { functionsJson } = requireSource(FUNCTIONS_JSON_MODULE);
          compilation.emitAsset("functions.json", new webpack.sources.RawSource(`${JSON.stringify(functionsJson(this.base), null, 4)}\n`));
        },
      );
    });
  }
}

/**
 * The help page (help.html): the user guide and the function reference, written at build time
 * from docs/guide.md and the declarations (src/help/page.ts). A page of its own, with no script:
 * the add-in's custom functions start without it, and its policy allows no script from elsewhere.
 */
function helpPage(policy) {
  return new HtmlWebpackPlugin({
    filename: "help.html",
    template: "./src/help/help.html",
    chunks: [],
    contentSecurityPolicy: policy,
    templateParameters: (compilation, assets, assetTags, options) => {
      for (const file of HELP_SOURCES) compilation.fileDependencies.add(file);
      const { helpPageBody } = requireSource(HELP_PAGE_MODULE);
      const { PILOT_DECLARATIONS } = requireSource(FUNCTION_DECLARATIONS);
      return {
        compilation,
        webpackConfig: compilation.options,
        htmlWebpackPlugin: { tags: assetTags, files: assets, options },
        help: helpPageBody(fs.readFileSync(USER_GUIDE, "utf8"), PILOT_DECLARATIONS),
      };
    },
  });
}

/** Fails a production build when any emitted file still mentions localhost, naming the file. */
class NoLocalhostPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("NoLocalhostPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "NoLocalhostPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          for (const [name, source] of Object.entries(assets)) {
            const text = source.source().toString();
            const at = text.indexOf("localhost");
            if (at >= 0) {
              const line = text.slice(0, at).split("\n").length;
              compilation.errors.push(new webpack.WebpackError(`${name}:${line} still mentions localhost in a production build.`));
            }
          }
        },
      );
    });
  }
}

/** Certificates for https://localhost, or null (and one clear line) when they cannot be had. */
async function devServerHttps() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    console.warn(
      `[pilot-gate] No https certificates for localhost (${error.message.split("\n")[0]}); serving over http instead. ` +
        "Excel needs https: run `npx office-addin-dev-certs install` and start again.",
    );
    return null;
  }
}

/** TypeScript through ts-loader, transpiled only. */
function typescriptRule(dev) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        configFile: path.resolve(__dirname, "tsconfig.json"),
        // Types are checked by `npm run lint`; the bundler only transpiles.
        transpileOnly: true,
        // ES modules, so that webpack can drop what is not imported.
        compilerOptions: { module: "esnext", sourceMap: dev },
      },
    },
  };
}

/**
 * The workbench (src/workbench): the real task pane beside a grid of an in-browser workbook on
 * HyperFormula (GPL) with the PILOT functions (the port's HyperFormula host,
 * src/workbook/hyperformula), for trying Pilot Gate without Excel. A separate
 * configuration with its own output (dist/workbench/, served at /workbench.html), so that none
 * of it can reach the add-in's bundles.
 */
function workbenchConfig(env, dev) {
  // `npm start` serves the production build (minified: the development build's 7.6 MB of scripts
  // took 200 ms more to open than its 1.5 MB), with its source maps and the development server's socket.
  const served = dev || Boolean(env.WEBPACK_SERVE);
  return {
    name: "workbench",
    mode: dev ? "development" : "production",
    devtool: served ? "source-map" : false,
    entry: { workbench: "./src/workbench/index.tsx" },
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, "dist", "workbench"),
      filename: "[name].js",
      // `npm start` serves the add-in and the workbench from one origin: the workbench's own chunks
      // must not answer to the add-in's names (charts.js, block.js…), whose chunk ids differ.
      chunkFilename: "workbench-[name].js",
      publicPath: "/",
      clean: true,
      // webpack's runtime then reads globalThis, never `new Function("return this")` (see contentSecurityPolicy).
      environment: { globalThis: true },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        typescriptRule(dev),
        // HyperFormula's formula parser without Chevrotain's grammar checks at each opening (see the loader).
        { test: /[\\/]node_modules[\\/]hyperformula[\\/]es[\\/]parser[\\/]FormulaParser\.mjs$/, loader: path.resolve(__dirname, "src/workbench/build/hyperformula-parser-loader.js") },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "workbench.html",
        template: "./src/workbench/workbench.html",
        chunks: ["workbench"],
        contentSecurityPolicy: contentSecurityPolicy({ officeJs: false, dev: served }),
      }),
      // Browsers ask for /favicon.ico whatever the page says: the add-in's icon answers (a PNG, which they all read).
      new CopyWebpackPlugin({ patterns: [{ from: "assets/icon-32.png", to: "favicon.ico" }] }),
    ],
    optimization: {
      // Even in development, leave out the modules nothing uses from packages that declare no side
      // effects: otherwise @fluentui/react-icons' index brings every icon, built as the page opens.
      usedExports: true,
      sideEffects: true,
      // React and Fluent as the add-in ships them: their development checks (which no test reads)
      // took most of the page's first render. The development build stays unminified, with its source maps.
      nodeEnv: "production",
      // HyperFormula and its parser (half the page's code) in a script of their own beside the rest:
      // Chromium compiles each script on its own thread as it arrives, so the two halves compile at
      // once (one 1.6 MB script took 78 ms of compiling before anything could run).
      splitChunks: {
        cacheGroups: {
          default: false,
          defaultVendors: false,
          hyperformula: {
            test: /[\\/]node_modules[\\/](hyperformula|chevrotain|@chevrotain|regexp-to-ast)[\\/]/,
            name: "hyperformula",
            chunks: "initial",
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  if (env.workbench) return workbenchConfig(env, dev);
  const https = env.WEBPACK_SERVE ? await devServerHttps() : null;
  const outputPath = env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, "dist");
  const addinPolicy = contentSecurityPolicy({ officeJs: true, dev });

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: { ...ADDIN_ENTRIES },
    output: {
      path: outputPath,
      filename: "[name].js",
      // Chunks shared by the entries (the engine, mathjs, React) and chunks fetched later (the
      // pane's charts): from the add-in's own origin, next to the page that loads them.
      chunkFilename: "[name].js",
      // Relative to the page, which sits beside its chunks; not "auto", which reads the running
      // script's address and so needs a document (a realm that loads functions.js alone has none).
      publicPath: "",
      // `npm start` serves the workbench from dist/workbench/ beside the add-in.
      clean: dev ? { keep: /^workbench\// } : true,
      // webpack's runtime then reads globalThis, never `new Function("return this")` (see contentSecurityPolicy).
      environment: { globalThis: true },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".html"],
    },
    module: {
      rules: [typescriptRule(dev)],
    },
    plugins: [
      new FunctionsJsonPlugin(dev ? DEV_URL : productionUrl()),
      new HtmlWebpackPlugin({
        // The shared runtime page: Excel loads the custom functions and the ribbon commands here
        // too (manifest: Runtime, CustomFunctions Page and FunctionFile are all Taskpane.Url).
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        contentSecurityPolicy: addinPolicy,
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
        contentSecurityPolicy: addinPolicy,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        contentSecurityPolicy: addinPolicy,
      }),
      helpPage(contentSecurityPolicy({ officeJs: false, dev })),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "[path][name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : toProduction(content.toString())),
          },
        ],
      }),
      new ForbiddenModulesPlugin(env.moduleList),
      ...(dev ? [] : [new NoLocalhostPlugin()]),
    ],
    optimization: sharedRuntimeChunks(),
    // Bundle sizes are measured and budgeted by `npm run bench`, not by webpack's warning.
    performance: { hints: false },
    devServer: {
      hot: true,
      static: false,
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : "http",
    },
  };
};

/** The add-in's two base URLs, for tools that check the manifest (src/manifest/validate.ts). */
module.exports.addinUrls = () => ({ dev: DEV_URL, production: productionUrl() });
