/**
 * One development build of the workbench (`webpack --mode development --env workbench`) shared
 * by every test and bench run that needs it: built into the system temp dir under a hash of
 * the build's inputs, so a run builds at most once, parallel test files wait for the build under
 * way, and an unchanged tree is not built again. The bench also builds it in production mode
 * (minified), to compare.
 */
import { cachedBuild } from '../../tools/build-cache';
import { buildKey } from '../../tools/production-build';

export interface WorkbenchBuild {
  /** The directory holding workbench.html and workbench.js. */
  dir: string;
  /** Seconds the build took, when this call ran it; null when it was there already. */
  seconds: number | null;
}

/**
 * The workbench built from the tree as it is now; builds it when no build of these inputs exists.
 * Throws with webpack's output when the build fails.
 *
 * @example
 *   const build = workbenchBuild();
 *   const server = await serveDirectory(build.dir);
 */
export function workbenchBuild(mode: 'development' | 'production' = 'development'): WorkbenchBuild {
  const build = cachedBuild({
    cache: mode === 'development' ? 'pilot-gate-workbench' : `pilot-gate-workbench-${mode}`,
    label: `the workbench build (${mode})`,
    key: buildKey(),
    keep: 2,
    webpackArgs: (dir) => ['--mode', mode, '--env', 'workbench', '--env', `outputPath=${dir}`],
    emits: 'workbench.html',
  });
  return { dir: build.dir, seconds: build.seconds };
}
