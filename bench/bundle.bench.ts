/**
 * Bundle sizes of the production build, raw and gzipped: each script, and what each page loads.
 * Excel loads the task pane, the custom functions and the ribbon commands in one page, the shared
 * runtime page (taskpane.html), so what that page loads is what the add-in costs to open; the
 * entries share the runtime and their common modules, so nothing is loaded twice. Builds first
 * when dist/ is missing, a development build, or older than its sources.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import type { BenchEntry } from './types';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
/** What the build reads: any of these newer than dist/ makes dist/ stale. */
const INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestModification(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestModification(path.join(entry, name))));
}

/** Why dist/ cannot be measured as it is, or null when it is a current production build. */
function staleReason(entryFiles: string[]): string | null {
  const manifest = path.join(DIST, 'manifest.xml');
  const outputs = [manifest, ...entryFiles.map((f) => path.join(DIST, f))];
  const missing = outputs.find((f) => !fs.existsSync(f));
  if (missing) return `${path.relative(ROOT, missing)} is missing`;
  if (fs.readFileSync(manifest, 'utf8').includes('localhost')) return 'dist/ holds a development build';
  const built = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  const changed = INPUTS.find((input) => newestModification(path.join(ROOT, input)) > built);
  return changed ? `${changed} changed after the last build` : null;
}

async function entryNames(): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<{ entry: Record<string, unknown> }>;
  const config = await configure({}, { mode: 'production' });
  return Object.keys(config.entry);
}

function sizeEntries(name: string, bytes: Buffer): BenchEntry[] {
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  return [
    { name: `${name} raw`, unit: 'bytes', median: bytes.length, runs: [bytes.length], note: 'production build, minified' },
    { name: `${name} gzipped`, unit: 'bytes', median: gzipped, runs: [gzipped], note: 'gzip level 9, as a server would send it' },
  ];
}

/** The add-in's own scripts a page loads, in order (Office.js, from its own origin, is not the add-in's). */
export function pageScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc="?([^" >]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

/** The shared runtime page's budget: the JavaScript it loads before the pane is usable, gzipped. */
export const SHARED_RUNTIME_BUDGET = 250_000;

/** The pane's simulation worker (src/taskpane/simulation): the simulation alone, no parsers, units, React or mathjs. */
export const SIMULATION_WORKER = 'simulate-worker.js';
/** Its budget, gzipped: the model's simulation, PERT and the seeded generator fit in a few KB; mathjs alone would be 150 KB. */
export const SIMULATION_WORKER_BUDGET = 10_000;

/**
 * Sizes of each add-in script, raw and gzipped, in bytes; for each page, what it loads before it
 * runs (taskpane.html, the shared runtime page, within its budget); and each chunk no page loads
 * at first (the pane's charts, fetched once the pane is usable).
 *
 * @example
 *   (await bundleSizes()).find((e) => e.name.startsWith('taskpane.html'))?.median; // 246000
 */
export default async function bundleSizes(): Promise<BenchEntry[]> {
  const names = await entryNames();
  const stale = staleReason(names.map((name) => `${name}.js`));
  if (stale) {
    console.log(`  building first: ${stale}`);
    const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
    const result = spawnSync(process.execPath, [cli, '--mode', 'production'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`the production build failed:\n${result.stdout}\n${result.stderr}`);
  }
  const scripts = fs.readdirSync(DIST).filter((f) => f.endsWith('.js')).sort();
  const bytes = new Map(scripts.map((file) => [file, fs.readFileSync(path.join(DIST, file))]));
  const pages = ['taskpane.html', 'functions.html', 'commands.html'].map((page) => ({ page, files: pageScripts(fs.readFileSync(path.join(DIST, page), 'utf8')) }));
  const loaded = new Set(pages.flatMap((p) => p.files));
  if (!bytes.has(SIMULATION_WORKER)) throw new Error(`dist/ has no ${SIMULATION_WORKER}: the pane's simulation worker is no longer a chunk of its own`);
  const entries = scripts.flatMap((file) =>
    sizeEntries(file, bytes.get(file)!).map((e) => {
      if (file === SIMULATION_WORKER) {
        const budget = e.name.endsWith('gzipped') ? { budget: SIMULATION_WORKER_BUDGET } : {};
        return { ...e, note: `${e.note}; the pane's simulation Web Worker, started once a case with ranges is evaluated`, ...budget };
      }
      return loaded.has(file) ? e : { ...e, note: `${e.note}; no page loads it at first: fetched when the pane needs it` };
    }),
  );
  const size = (file: string, gzipped: boolean): number => entries.find((e) => e.name === `${file} ${gzipped ? 'gzipped' : 'raw'}`)!.median;
  for (const { page, files } of pages) {
    for (const gzipped of [false, true]) {
      // Each file is sent (and gzipped) on its own, so the page's weight is the sum of theirs.
      const total = files.reduce((sum, file) => sum + size(file, gzipped), 0);
      const name = `${page} loads ${files.join(' + ')} ${gzipped ? 'gzipped' : 'raw'}`;
      const note = gzipped ? 'gzip level 9, each file as a server sends it' : 'production build, minified';
      const budget = gzipped && page === 'taskpane.html' ? { budget: SHARED_RUNTIME_BUDGET } : {};
      const shared = page === 'taskpane.html' ? '; the shared runtime page (task pane, functions, commands): each module once, before the pane is usable' : '';
      entries.push({ name, unit: 'bytes', median: total, runs: [total], note: `${note}${shared}`, ...budget });
    }
  }
  return entries;
}
