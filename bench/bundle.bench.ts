/**
 * Bundle sizes of the production build, raw and gzipped, per entry point (task pane, custom
 * functions, ribbon commands). Excel loads all three in the shared runtime page, so their sum is
 * what the add-in costs to open. Builds first when dist/ is missing, a development build, or
 * older than its sources.
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

/**
 * Sizes of each add-in bundle and of the three together, raw and gzipped, in bytes.
 *
 * @example
 *   (await bundleSizes()).find((e) => e.name === 'functions.js gzipped')?.median; // 89905
 */
export default async function bundleSizes(): Promise<BenchEntry[]> {
  const names = await entryNames();
  const files = names.map((name) => `${name}.js`);
  const stale = staleReason(files);
  if (stale) {
    console.log(`  building first: ${stale}`);
    const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
    const result = spawnSync(process.execPath, [cli, '--mode', 'production'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`the production build failed:\n${result.stdout}\n${result.stderr}`);
  }
  const bundles = files.map((file) => fs.readFileSync(path.join(DIST, file)));
  return [
    ...files.flatMap((file, i) => sizeEntries(file, bundles[i])),
    ...sizeEntries(`shared runtime page (${files.join(' + ')})`, Buffer.concat(bundles)),
  ];
}
