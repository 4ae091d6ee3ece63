/**
 * One production build shared by every test that needs it. The build goes to a directory under
 * the system temp dir named by a hash of everything that shapes it (sources, assets, manifest,
 * configuration, lock file), so a test run builds at most once, test files running in parallel
 * wait for the one build under way, and an unchanged tree is not built again.
 */
import { createHash } from 'crypto';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
/** Files and directories whose content decides the build's output. */
const INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json', 'package-lock.json', 'tsconfig.json'];
/** How long a test waits for another process's build before giving up. */
const WAIT_LIMIT_MS = 10 * 60 * 1000;
const POLL_MS = 500;

export interface ProductionBuild {
  /** The directory the build emitted (what dist/ holds after `npm run build`). */
  dir: string;
  /** Absolute paths of every module the bundles contain. */
  modules: string[];
  /** Seconds the build took, when this call ran it; null when it was already there. */
  seconds: number | null;
}

function listFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => listFiles(path.join(entry, name)));
}

/**
 * A hash of the build's inputs (contents and names), the production URL in use, and the
 * checkout's own path: a build records absolute module paths, and two clones on one machine
 * (a developer's tree and CI's fresh clone) must never share one.
 *
 * @example
 *   buildKey(); // "3f9a0c1b2d4e"
 */
export function buildKey(): string {
  const hash = createHash('sha256');
  hash.update(ROOT);
  hash.update(process.env.PILOT_GATE_PRODUCTION_URL ?? '');
  for (const file of INPUTS.flatMap(listFiles)) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(ROOT, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readModules(listFile: string): string[] {
  return fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
}

/** Builds kept in the cache; older ones are removed after each new build. */
const KEEP_BUILDS = 4;

function pruneCache(cache: string): void {
  const builds = fs
    .readdirSync(cache)
    .filter((name) => name.endsWith('.done'))
    .map((name) => ({ key: name.slice(0, -'.done'.length), time: fs.statSync(path.join(cache, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { key } of builds.slice(KEEP_BUILDS)) {
    for (const name of [`${key}.done`, key, `${key}.modules.txt`]) fs.rmSync(path.join(cache, name), { recursive: true, force: true });
  }
}

/** Takes the build lock (a directory, created atomically); false when another process holds it. */
function takeLock(lock: string): boolean {
  try {
    fs.mkdirSync(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Runs `webpack --mode production` into a temp directory once per set of inputs and returns
 * where it went and which modules it bundled. Throws with webpack's output when the build fails.
 *
 * @example
 *   const build = productionBuild();
 *   fs.readFileSync(path.join(build.dir, 'manifest.xml'), 'utf8');
 */
export function productionBuild(): ProductionBuild {
  const cache = path.join(os.tmpdir(), 'pilot-gate-build');
  fs.mkdirSync(cache, { recursive: true });
  const key = buildKey();
  const dir = path.join(cache, key);
  const moduleList = path.join(cache, `${key}.modules.txt`);
  const done = path.join(cache, `${key}.done`);
  const lock = path.join(cache, `${key}.lock`);
  const started = Date.now();

  for (;;) {
    if (fs.existsSync(done)) return { dir, modules: readModules(moduleList), seconds: null };
    if (takeLock(lock)) break;
    if (Date.now() - fs.statSync(lock).mtimeMs > WAIT_LIMIT_MS) fs.rmSync(lock, { recursive: true, force: true }); // left by a killed run
    if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`waited ${WAIT_LIMIT_MS / 1000} s for the build in ${dir}`);
    sleep(POLL_MS);
  }

  try {
    const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
    const result = spawnSync(process.execPath, [cli, '--mode', 'production', '--env', `outputPath=${dir}`, '--env', `moduleList=${moduleList}`], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) {
      throw new Error(`the production build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
    fs.writeFileSync(done, new Date().toISOString());
    pruneCache(cache);
    return { dir, modules: readModules(moduleList), seconds: (Date.now() - started) / 1000 };
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
