#!/usr/bin/env node
// pilot-gate, the command line. It runs its TypeScript source as it is, with no build step and so
// never a stale build: each source file is transpiled (types are `npm run lint`'s job) the first
// time Node requires it, and the JavaScript is kept in node_modules/.cache/pilot-gate under a hash
// of the file's text, the compiler options and TypeScript's version. So a later run transpiles only
// what changed, and never loads TypeScript when nothing did (a start in about a second, not four).
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const SOURCE = path.join(ROOT, 'src') + path.sep;
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'pilot-gate');
const TSCONFIG = fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8');
const TS_VERSION = JSON.parse(fs.readFileSync(require.resolve('typescript/package.json'), 'utf8')).version;

let compile = null;

/** TypeScript, loaded on the first file not in the cache, with the project's compiler options. */
function compiler() {
  if (compile !== null) return compile;
  const ts = require('typescript');
  const { config } = ts.parseConfigFileTextToJson('tsconfig.json', TSCONFIG);
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT);
  const compilerOptions = { ...options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: true, inlineSources: true };
  compile = (source, fileName) => ts.transpileModule(source, { compilerOptions, fileName }).outputText;
  return compile;
}

function javascriptOf(filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha256').update(`${TS_VERSION}\0${TSCONFIG}\0${filename}\0${source}`).digest('hex');
  const cached = path.join(CACHE, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const output = compiler()(source, filename);
    try {
      fs.mkdirSync(CACHE, { recursive: true });
      const temporary = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, output);
      fs.renameSync(temporary, cached);
    } catch {
      // A cache that cannot be written only costs the next run its time.
    }
    return output;
  }
}

require.extensions['.ts'] = (module, filename) => {
  if (!filename.startsWith(SOURCE)) throw new Error(`pilot-gate runs only its own TypeScript, not ${filename}`);
  module._compile(javascriptOf(filename), filename);
};
process.setSourceMapsEnabled(true);
require('../src/cli/main').run(process.argv.slice(2));
