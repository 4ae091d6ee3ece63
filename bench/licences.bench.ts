/**
 * The production dependency tree, recorded in place of a vulnerability audit (npm's audit
 * endpoint answers 405 from these machines): how many packages the add-in's `dependencies` bring
 * in, read from package-lock.json and node_modules, and each package under its licence. The
 * licences are checked in `npm test` (test/tools/licences.test.ts); here they are written down.
 */
import * as path from 'path';
import { isPermissive, productionDependencies } from '../test/tools/licences';
import type { BenchEntry } from './types';

const ROOT = path.resolve(__dirname, '..');

/**
 * One entry with the count of production packages, then one per licence with its packages
 * (name@version) in the note.
 *
 * @example
 *   (await licences())[0]; // { name: 'production dependencies', unit: 'packages', median: 100, … }
 */
export default async function licences(): Promise<BenchEntry[]> {
  const tree = productionDependencies(ROOT);
  const byLicence = new Map<string, string[]>();
  for (const d of tree) byLicence.set(d.licence, [...(byLicence.get(d.licence) ?? []), `${d.name}@${d.version}${d.optional ? ' (optional)' : ''}`]);
  const refused = tree.filter((d) => !isPermissive(d.licence)).length;
  const count = (name: string, n: number, note: string): BenchEntry => ({ name, unit: 'packages', median: n, runs: [n], note });
  return [
    count(
      'production dependencies',
      tree.length,
      `every package package.json "dependencies" bring in (package-lock.json, licences from node_modules); ${tree.length - refused} permissive, ${refused} not`,
    ),
    ...[...byLicence]
      .sort(([a, aPackages], [b, bPackages]) => bPackages.length - aPackages.length || a.localeCompare(b))
      .map(([licence, packages]) => count(`production dependencies licensed ${licence}`, packages.length, packages.join(', '))),
  ];
}
