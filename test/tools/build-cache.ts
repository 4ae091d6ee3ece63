/**
 * Builds shared by every test and bench run that needs them. Each build goes to a directory
 * under the system temp dir named by a hash of everything that shapes it (buildKey), so a run
 * builds at most once, test files running in parallel wait for the one build under way, and an
 * unchanged tree is not built again.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
/** How long a run waits for another process's build before giving up. */
const WAIT_LIMIT_MS = 10 * 60 * 1000;
const POLL_MS = 500;

export interface CachedBuildSpec {
  /** The cache's directory name under the system temp dir. */
  cache: string;
  /** What is built, for messages ("the production build"). */
  label: string;
  /** The build's key: a hash of its inputs. */
  key: string;
  /** Builds kept; older ones are removed after each new build. */
  keep: number;
  /** webpack-cli's arguments; `dir` is where to emit, `sidecar(name)` a file kept beside the build. */
  webpackArgs(dir: string, sidecar: (name: string) => string): string[];
  /** A file the build must emit, relative to `dir`, or the build counts as failed. */
  emits?: string;
}

export interface CachedBuild {
  dir: string;
  sidecar: (name: string) => string;
  /** Seconds the build took, when this call ran it; null when it was there already. */
  seconds: number | null;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
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

/** Removes all but the `keep` newest finished builds, with their sidecar files. */
function prune(cache: string, keep: number): void {
  const builds = fs
    .readdirSync(cache)
    .filter((name) => name.endsWith('.done'))
    .map((name) => ({ key: name.slice(0, -'.done'.length), time: fs.statSync(path.join(cache, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { key } of builds.slice(keep)) {
    for (const name of fs.readdirSync(cache).filter((n) => n === key || n.startsWith(`${key}.`))) {
      fs.rmSync(path.join(cache, name), { recursive: true, force: true });
    }
  }
}

/**
 * Runs webpack once per key and returns where the build went. Throws with webpack's output
 * when the build fails.
 *
 * @example
 *   const build = cachedBuild({ cache: 'pilot-gate-build', label: 'the production build', key: buildKey(), keep: 4,
 *                               webpackArgs: (dir) => ['--mode', 'production', '--env', `outputPath=${dir}`] });
 */
export function cachedBuild(spec: CachedBuildSpec): CachedBuild {
  const cache = path.join(os.tmpdir(), spec.cache);
  fs.mkdirSync(cache, { recursive: true });
  const dir = path.join(cache, spec.key);
  const sidecar = (name: string): string => path.join(cache, `${spec.key}.${name}`);
  const done = sidecar('done');
  const lock = sidecar('lock');
  const started = Date.now();

  for (;;) {
    if (fs.existsSync(done)) return { dir, sidecar, seconds: null };
    if (takeLock(lock)) break;
    if (Date.now() - fs.statSync(lock).mtimeMs > WAIT_LIMIT_MS) fs.rmSync(lock, { recursive: true, force: true }); // left by a killed run
    if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`waited ${WAIT_LIMIT_MS / 1000} s for ${spec.label} in ${dir}`);
    sleep(POLL_MS);
  }

  try {
    const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
    const result = spawnSync(process.execPath, [cli, ...spec.webpackArgs(dir, sidecar)], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0 || (spec.emits !== undefined && !fs.existsSync(path.join(dir, spec.emits)))) {
      throw new Error(`${spec.label} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
    fs.writeFileSync(done, new Date().toISOString());
    prune(cache, spec.keep);
    return { dir, sidecar, seconds: (Date.now() - started) / 1000 };
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
