import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isPermissive, productionDependencies, readLockFile } from './licences';
import type { LockFile } from './licences';

const ROOT = path.resolve(__dirname, '../..');

describe('isPermissive', () => {
  it.each(['MIT', 'ISC', '0BSD', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0'])('passes %s', (licence) => {
    expect(isPermissive(licence)).toBe(true);
  });

  it.each(['GPL-3.0-only', 'GPL-3.0-or-later', 'AGPL-3.0', 'LGPL-2.1', 'MPL-2.0', 'CC-BY-NC-4.0', 'UNLICENSED', 'SEE LICENSE IN LICENSE.txt', 'UNKNOWN', ''])(
    'refuses %j',
    (licence) => {
      expect(isPermissive(licence)).toBe(false);
    },
  );

  it('passes an OR expression when one alternative is permissive', () => {
    expect(isPermissive('(MIT OR GPL-3.0-or-later)')).toBe(true);
    expect(isPermissive('GPL-3.0-only OR Apache-2.0')).toBe(true);
    expect(isPermissive('(GPL-3.0-only OR AGPL-3.0)')).toBe(false);
  });

  it('passes an AND expression only when every part is permissive', () => {
    expect(isPermissive('MIT AND BSD-3-Clause')).toBe(true);
    expect(isPermissive('(MIT AND GPL-3.0-only)')).toBe(false);
  });

  it('binds AND before OR, and reads WITH as the licence it qualifies', () => {
    // GPL-3.0-only OR (MIT AND ISC): the second alternative is permissive.
    expect(isPermissive('GPL-3.0-only OR MIT AND ISC')).toBe(true);
    // (MIT OR GPL-3.0-only) AND GPL-2.0-only would be false; SPDX reads it as MIT OR (GPL AND GPL).
    expect(isPermissive('MIT OR GPL-3.0-only AND GPL-2.0-only')).toBe(true);
    expect(isPermissive('(MIT OR GPL-3.0-only) AND GPL-2.0-only')).toBe(false);
    expect(isPermissive('Apache-2.0 WITH LLVM-exception')).toBe(true);
    expect(isPermissive('GPL-2.0-only WITH Classpath-exception-2.0')).toBe(false);
  });

  it('refuses a malformed expression rather than guessing', () => {
    expect(isPermissive('(MIT OR')).toBe(false);
    expect(isPermissive('MIT Apache-2.0')).toBe(false);
    expect(isPermissive('MIT WITH')).toBe(false);
  });
});

describe('productionDependencies', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-gate-licences-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('follows dependencies as Node resolves them (nested copies first) and leaves devDependencies out', () => {
    const lock: LockFile = {
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { a: '^1' } },
        'node_modules/a': { version: '1.0.0', license: 'MIT', dependencies: { b: '^2', c: '^1' }, peerDependencies: { p: '*', q: '*' }, peerDependenciesMeta: { q: { optional: true } } },
        'node_modules/a/node_modules/b': { version: '2.0.0', license: 'ISC' },
        'node_modules/b': { version: '1.0.0', license: 'GPL-3.0-only', dev: true },
        'node_modules/c': { version: '1.0.0', license: 'BSD-3-Clause', optionalDependencies: { d: '*', gone: '*' } },
        'node_modules/d': { version: '1.0.0', license: 'Apache-2.0', optional: true },
        'node_modules/p': { version: '1.0.0', license: 'MIT' },
        'node_modules/q': { version: '1.0.0', license: 'MIT', devOptional: true },
      },
    };
    const tree = productionDependencies(dir, lock);
    expect(tree.map((d) => [d.path, d.version, d.licence, d.optional])).toEqual([
      ['node_modules/a', '1.0.0', 'MIT', false],
      ['node_modules/a/node_modules/b', '2.0.0', 'ISC', false],
      ['node_modules/c', '1.0.0', 'BSD-3-Clause', false],
      ['node_modules/d', '1.0.0', 'Apache-2.0', true],
      ['node_modules/p', '1.0.0', 'MIT', false],
    ]);
  });

  it('reads the licence from the installed package.json before the lock file, old `licenses` lists included', () => {
    fs.mkdirSync(path.join(dir, 'node_modules/a'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules/a/package.json'), JSON.stringify({ name: 'a', licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] }));
    const lock: LockFile = { lockfileVersion: 3, packages: { '': { dependencies: { a: '*', b: '*' } }, 'node_modules/a': { version: '1.0.0' }, 'node_modules/b': { version: '1.0.0' } } };
    expect(productionDependencies(dir, lock).map((d) => [d.name, d.licence])).toEqual([
      ['a', '(MIT OR Apache-2.0)'],
      ['b', 'UNKNOWN'],
    ]);
  });

  it('says what is missing when a required dependency is not in the lock file', () => {
    const lock: LockFile = { lockfileVersion: 3, packages: { '': { dependencies: { a: '*' } }, 'node_modules/a': { dependencies: { b: '*' } } } };
    expect(() => productionDependencies(dir, lock)).toThrow('node_modules/a needs b, which package-lock.json does not hold: run npm install.');
  });
});

describe("Pilot Gate's production dependencies", () => {
  const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const lock = readLockFile(ROOT);
  const tree = productionDependencies(ROOT, lock);

  it('are the whole tree under package.json dependencies, read from the lock file', () => {
    const names = tree.map((d) => d.name);
    for (const direct of Object.keys(packageJson.dependencies)) expect(names).toContain(direct);
    // Fluent UI alone brings dozens of packages; a tree of only the direct dependencies was not walked.
    expect(tree.length).toBeGreaterThan(50);
    // npm's own marks agree: nothing npm calls dev is in the tree, and everything npm calls
    // production is, but for optional peers that only a devDependency installs (devOptional).
    const paths = new Set(tree.map((d) => d.path));
    expect(tree.filter((d) => lock.packages[d.path].dev).map((d) => d.path)).toEqual([]);
    const npmProduction = Object.entries(lock.packages).filter(([key, entry]) => key !== '' && !entry.dev && !entry.devOptional);
    expect(npmProduction.map(([key]) => key).filter((key) => !paths.has(key))).toEqual([]);
  });

  it('are each permissively licensed (MIT, ISC, BSD, Apache-2.0)', () => {
    const refused = tree.filter((d) => !isPermissive(d.licence)).map((d) => `${d.name}@${d.version} (${d.path}): ${d.licence}`);
    expect(refused).toEqual([]);
  });

  it('carry the licence their installed package.json declares, as the lock file records it', () => {
    const differ = tree.filter((d) => lock.packages[d.path].license !== undefined && lock.packages[d.path].license !== d.licence);
    expect(differ.map((d) => `${d.path}: lock ${lock.packages[d.path].license}, installed ${d.licence}`)).toEqual([]);
  });

  it('leave HyperFormula (GPL) a devDependency, out of the production tree', () => {
    expect(Object.keys(packageJson.dependencies)).not.toContain('hyperformula');
    expect(Object.keys(packageJson.devDependencies)).toContain('hyperformula');
    expect(tree.filter((d) => d.name === 'hyperformula')).toEqual([]);
    // It is GPL as installed, so the check above is the one keeping it out.
    expect(isPermissive(lock.packages['node_modules/hyperformula'].license ?? 'UNKNOWN')).toBe(false);
  });
});
