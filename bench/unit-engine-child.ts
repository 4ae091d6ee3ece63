/**
 * One build of the unit engine, timed in a process of its own so that nothing is built already:
 * `node -r ts-node/register/transpile-only bench/unit-engine-child.ts old|new` prints
 * `{"ms": …}`, the time from nothing built to the first conversion (1 min in h).
 *
 * `old` is the build Pilot Gate used before: a mathjs instance made with create() from the Unit
 * class's dependencies, whose scalar functions are typed functions. `new` is the module as it is,
 * mathjs's Unit class wired with number arithmetic and built on the first conversion.
 */
import { performance } from 'perf_hooks';
// Loaded before the clock starts, in both ways: Node's CommonJS mathjs evaluates all of its
// functions when required (about a second), which the pages' tree-shaken bundle does not.
import { create, createUnitDependencies, unitDependencies } from 'mathjs';
import { CURRENCY_CODES, convertUnit, simpleUnit } from '../src/model/units';

const DAY = 86_400;
const CALENDAR: Readonly<Record<string, number>> = { week: 7 * DAY, year: 365.25 * DAY, month: (365.25 * DAY) / 12, quarter: (365.25 * DAY) / 4 };

function oldWay(): number {
  const math = create({ unitDependencies, createUnitDependencies }, { predictable: true });
  for (const [name, seconds] of Object.entries(CALENDAR)) math.createUnit(name, `${seconds} s`, { override: true });
  for (const code of CURRENCY_CODES) math.createUnit(code);
  return math.unit(1, 'min').toNumber('h');
}

function newWay(): number {
  return convertUnit(1, simpleUnit('min'), simpleUnit('h'));
}

const way = process.argv[2];
if (way !== 'old' && way !== 'new') throw new Error(`expected old or new, not ${String(way)}`);
const start = performance.now();
const hours = way === 'old' ? oldWay() : newWay();
const ms = performance.now() - start;
if (Math.abs(hours - 1 / 60) > 1e-15) throw new Error(`1 min came out as ${hours} h`);
process.stdout.write(JSON.stringify({ ms }));
