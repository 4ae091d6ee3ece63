/**
 * The add-in's production dependency tree and each package's licence, read from package-lock.json
 * and node_modules (never from a list kept by hand, so that a dependency added later is held to
 * the same rule). npm's vulnerability audit endpoint answers 405 from these machines, so the tree
 * and its licences are what is recorded instead (`npm run bench`, bench/licences.bench.ts) and
 * checked (test/tools/licences.test.ts): every production package permissively licensed.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Licences a production dependency may carry (SPDX identifiers). */
export const PERMISSIVE_LICENCES: readonly string[] = ['MIT', 'ISC', '0BSD', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0'];

/** One package of the production tree. */
export interface DependencyLicence {
  name: string;
  version: string;
  /** Its key in package-lock.json's "packages", such as `node_modules/react`. */
  path: string;
  /** The SPDX expression of its installed package.json (the lock file's where it is not installed); "UNKNOWN" when neither says. */
  licence: string;
  /** Reached only through optionalDependencies: installed on some platforms only. */
  optional: boolean;
}

/** An entry of package-lock.json's "packages" (lockfileVersion 2 and 3). */
interface LockEntry {
  name?: string;
  version?: string;
  license?: string;
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** package-lock.json, as far as the tree needs it. */
export interface LockFile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

/**
 * Reads package-lock.json of `root`; throws when it is missing or older than lockfileVersion 2
 * (npm 7), which has no "packages" map.
 *
 * @example
 *   readLockFile('.').packages['node_modules/react'].version; // '19.3.1'
 */
export function readLockFile(root: string): LockFile {
  const file = path.join(root, 'package-lock.json');
  const lock = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockFile>;
  if (!lock.packages || (lock.lockfileVersion ?? 1) < 2) {
    throw new Error(`${file}: lockfileVersion ${lock.lockfileVersion} has no "packages" map; run npm install with npm 7 or later.`);
  }
  return lock as LockFile;
}

/** Where Node finds `name` from the package at `from` ('' is the project): the nearest node_modules up the tree. */
function resolvePackage(packages: LockFile['packages'], from: string, name: string): string | null {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (base === '') return null;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

/** The licence an installed package.json declares: `license`, or the old `licenses` list joined with OR. */
function installedLicence(root: string, key: string): string | undefined {
  const file = path.join(root, key, 'package.json');
  if (!fs.existsSync(file)) return undefined;
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { license?: string | { type?: string }; licenses?: ({ type?: string } | string)[] };
  if (typeof json.license === 'string') return json.license;
  if (json.license && typeof json.license.type === 'string') return json.license.type;
  const old = (json.licenses ?? []).map((l) => (typeof l === 'string' ? l : l.type)).filter((t): t is string => typeof t === 'string');
  return old.length === 0 ? undefined : old.length === 1 ? old[0] : `(${old.join(' OR ')})`;
}

/**
 * Every package the project's `dependencies` bring in, found as Node would find them: from
 * package.json's dependencies through each package's dependencies, optionalDependencies and
 * required peerDependencies, in the lock file's tree. devDependencies, and what only they bring,
 * are not in it. Sorted by name, then path. Throws when a required dependency is missing from the
 * lock file (run npm install).
 *
 * @example
 *   productionDependencies('.').find((d) => d.name === 'react'); // { name: 'react', version: '19.3.1', licence: 'MIT', … }
 */
export function productionDependencies(root: string, lock: LockFile = readLockFile(root)): DependencyLicence[] {
  const { packages } = lock;
  // Reached through a required edge (false) or only through optional ones (true).
  const reached = new Map<string, boolean>();
  const queue: { key: string; optional: boolean }[] = [];
  const follow = (from: string, entry: LockEntry, optionalFrom: boolean): void => {
    const edges: { name: string; optional: boolean }[] = [
      ...Object.keys(entry.dependencies ?? {}).map((name) => ({ name, optional: false })),
      ...Object.keys(entry.optionalDependencies ?? {}).map((name) => ({ name, optional: true })),
      ...Object.keys(entry.peerDependencies ?? {})
        .filter((name) => !entry.peerDependenciesMeta?.[name]?.optional)
        .map((name) => ({ name, optional: false })),
    ];
    for (const edge of edges) {
      const key = resolvePackage(packages, from, edge.name);
      if (key === null) {
        if (edge.optional) continue;
        throw new Error(`${from || 'package.json'} needs ${edge.name}, which package-lock.json does not hold: run npm install.`);
      }
      const optional = optionalFrom || edge.optional;
      const seen = reached.get(key);
      if (seen === false || seen === optional) continue;
      reached.set(key, optional);
      queue.push({ key, optional });
    }
  };
  const project = packages[''] ?? {};
  follow('', { dependencies: project.dependencies, optionalDependencies: project.optionalDependencies }, false);
  while (queue.length > 0) {
    const { key, optional } = queue.shift()!;
    const entry = packages[key];
    // A workspace or `file:` link: its own entry holds the dependencies.
    const target = entry.link && entry.resolved !== undefined ? entry.resolved : key;
    follow(target, packages[target] ?? entry, optional);
  }
  return [...reached]
    .map(([key, optional]) => {
      const entry = packages[key];
      return {
        name: entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length),
        version: entry.version ?? 'unknown',
        path: key,
        licence: installedLicence(root, key) ?? entry.license ?? 'UNKNOWN',
        optional,
      };
    })
    .sort((a, b) => (a.name === b.name ? a.path.localeCompare(b.path) : a.name.localeCompare(b.name)));
}

type Token = '(' | ')' | 'AND' | 'OR' | 'WITH' | { id: string };

function tokenize(expression: string): Token[] {
  return (expression.match(/\(|\)|[^\s()]+/g) ?? []).map((word) => {
    const upper = word.toUpperCase();
    if (word === '(' || word === ')') return word;
    if (upper === 'AND' || upper === 'OR' || upper === 'WITH') return upper;
    return { id: word };
  });
}

/**
 * Whether an SPDX licence expression lets the add-in ship the package: a permissive licence
 * (PERMISSIVE_LICENCES); `A OR B` when either is; `A AND B` when both are; `A WITH exception`
 * when A is. Anything else (GPL, "SEE LICENSE IN …", UNLICENSED, a malformed expression) is not.
 *
 * @example
 *   isPermissive('MIT');                       // true
 *   isPermissive('(MIT OR GPL-3.0-or-later)');  // true
 *   isPermissive('MIT AND GPL-3.0-only');       // false
 *   isPermissive('GPL-3.0-only');               // false
 */
export function isPermissive(expression: string): boolean {
  const tokens = tokenize(expression);
  let at = 0;
  const fail = (): never => {
    throw new SyntaxError(`not an SPDX expression: ${expression}`);
  };
  // SPDX precedence: WITH binds tightest, then AND, then OR.
  const atom = (): boolean => {
    const token = tokens[at++];
    if (token === '(') {
      const inner = or();
      if (tokens[at++] !== ')') fail();
      return inner;
    }
    if (typeof token !== 'object') return fail();
    const base = PERMISSIVE_LICENCES.includes(token.id);
    if (tokens[at] === 'WITH') {
      at++;
      if (typeof tokens[at++] !== 'object') fail();
    }
    return base;
  };
  const and = (): boolean => {
    let all = atom();
    while (tokens[at] === 'AND') {
      at++;
      all = atom() && all;
    }
    return all;
  };
  const or = (): boolean => {
    let any = and();
    while (tokens[at] === 'OR') {
      at++;
      any = and() || any;
    }
    return any;
  };
  try {
    const result = or();
    return at === tokens.length && result;
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
}
