/**
 * One development build of the workbench (`webpack --mode development --env workbench`) shared
 * by every test and bench run that needs it: built into the system temp dir under a hash of
 * the build's inputs, so a run builds at most once, parallel test files wait for the build under
 * way, and an unchanged tree is not built again.
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
export function workbenchBuild(): WorkbenchBuild {
  const build = cachedBuild({
    cache: 'pilot-gate-workbench',
    label: 'the workbench build',
    key: buildKey(),
    keep: 2,
    webpackArgs: (dir) => ['--mode', 'development', '--env', 'workbench', '--env', `outputPath=${dir}`],
    emits: 'workbench.html',
  });
  return { dir: build.dir, seconds: build.seconds };
}
