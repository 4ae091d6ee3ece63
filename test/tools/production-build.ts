/**
 * One production build shared by every test that needs it. The build goes to a directory under
 * the system temp dir named by a hash of everything that shapes it (sources, assets, manifest,
 * configuration, lock file), so a test run builds at most once, test files running in parallel
 * wait for the one build under way, and an unchanged tree is not built again.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { cachedBuild } from './build-cache';

const ROOT = path.resolve(__dirname, '../..');
/** Files and directories whose content decides the build's output. */
const INPUTS = ['src', 'docs', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json', 'package-lock.json', 'tsconfig.json'];

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

function readModules(listFile: string): string[] {
  return fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
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
  const build = cachedBuild({
    cache: 'pilot-gate-build',
    label: 'the production build',
    key: buildKey(),
    keep: 4,
    webpackArgs: (dir, sidecar) => ['--mode', 'production', '--env', `outputPath=${dir}`, '--env', `moduleList=${sidecar('modules.txt')}`],
  });
  return { dir: build.dir, modules: readModules(build.sidecar('modules.txt')), seconds: build.seconds };
}

/**
 * Makes the production build before the suite's tests (building only when no build of these
 * inputs exists) and returns a getter for it, for the test files that check what it emits.
 *
 * @example
 *   const build = productionBuildBeforeAll();
 *   it('emits taskpane.html', () => expect(fs.existsSync(path.join(build().dir, 'taskpane.html'))).toBe(true));
 */
export function productionBuildBeforeAll(): () => ProductionBuild {
  let build: ProductionBuild | undefined;
  beforeAll(() => {
    build = productionBuild();
    if (build.seconds !== null) console.log(`production build: ${build.seconds.toFixed(1)} s into ${build.dir}`);
  }, 600_000);
  return () => {
    if (!build) throw new Error('the production build is made in beforeAll: read it inside a test');
    return build;
  };
}

/**
 * Every file under `dir`, in any subdirectory, whose name matches `pattern` (all files without one).
 *
 * @example
 *   filesUnder(build.dir, /\.html$/); // ['/tmp/pilot-gate-build/…/taskpane.html', …]
 */
export function filesUnder(dir: string, pattern?: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, pattern);
    return pattern === undefined || pattern.test(entry.name) ? [full] : [];
  });
}
