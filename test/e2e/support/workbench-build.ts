/**
 * One development build of the workbench (`webpack --mode development --env workbench`) shared
 * by every test and bench run that needs it: built into the system temp dir under a hash of
 * the build's inputs, so a run builds at most once, parallel test files wait for the build under
 * way, and an unchanged tree is not built again.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildKey } from '../../tools/production-build';

const ROOT = path.resolve(__dirname, '../../..');
/** How long a run waits for another process's build before giving up. */
const WAIT_LIMIT_MS = 10 * 60 * 1000;
const POLL_MS = 500;
/** Builds kept; older ones are removed after each new build. */
const KEEP_BUILDS = 2;

export interface WorkbenchBuild {
  /** The directory holding workbench.html and workbench.js. */
  dir: string;
  /** Seconds the build took, when this call ran it; null when it was there already. */
  seconds: number | null;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function takeLock(lock: string): boolean {
  try {
    fs.mkdirSync(lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function prune(cache: string): void {
  const builds = fs
    .readdirSync(cache)
    .filter((name) => name.endsWith('.done'))
    .map((name) => ({ key: name.slice(0, -'.done'.length), time: fs.statSync(path.join(cache, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { key } of builds.slice(KEEP_BUILDS)) {
    for (const name of [`${key}.done`, key]) fs.rmSync(path.join(cache, name), { recursive: true, force: true });
  }
}

/**
 * The workbench built from the tree as it is now; builds it when no build of these inputs exists.
 * Throws with webpack's output when the build fails.
 *
 * @example
 *   const build = workbenchBuild();
 *   const server = await serveDirectory(build.dir);
 */
export function workbenchBuild(): WorkbenchBuild {
  const cache = path.join(os.tmpdir(), 'pilot-gate-workbench');
  fs.mkdirSync(cache, { recursive: true });
  const key = buildKey();
  const dir = path.join(cache, key);
  const done = path.join(cache, `${key}.done`);
  const lock = path.join(cache, `${key}.lock`);
  const started = Date.now();

  for (;;) {
    if (fs.existsSync(done)) return { dir, seconds: null };
    if (takeLock(lock)) break;
    if (Date.now() - fs.statSync(lock).mtimeMs > WAIT_LIMIT_MS) fs.rmSync(lock, { recursive: true, force: true }); // left by a killed run
    if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`waited ${WAIT_LIMIT_MS / 1000} s for the workbench build in ${dir}`);
    sleep(POLL_MS);
  }

  try {
    const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
    const result = spawnSync(process.execPath, [cli, '--mode', 'development', '--env', 'workbench', '--env', `outputPath=${dir}`], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0 || !fs.existsSync(path.join(dir, 'workbench.html'))) {
      throw new Error(`the workbench build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
    fs.writeFileSync(done, new Date().toISOString());
    prune(cache);
    return { dir, seconds: (Date.now() - started) / 1000 };
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
