// The unit engine (mathjs's Unit class wired with number arithmetic) against mathjs's full build,
// create(all), given the same calendar and currencies: every pair of units Pilot Gate converts
// must agree on whether they convert and by what factor. The full build lives in this test only.
import { all, create } from 'mathjs';
import { fixNumber, formatNumber, nearlyEqual, powNumber, roundNumber } from '../../src/model/unit-engine';
import { CURRENCY_CODES, UNIT_NAMES, convertUnit, sameDimension, type UnitExpr, type UnitTerm } from '../../src/model/units';

const full = create(all, { predictable: true });
// The product's calendar (SPEC §3.1), written out here rather than read from the module under test.
const DAY = 86_400;
for (const [name, seconds] of [['week', 7 * DAY], ['year', 365.25 * DAY], ['month', (365.25 * DAY) / 12], ['quarter', (365.25 * DAY) / 4]] as const) {
  full.createUnit(name, `${seconds} s`, { override: true });
}
for (const code of CURRENCY_CODES) full.createUnit(code);

const TIME = new Set(['ms', 's', 'min', 'h', 'day', 'week', 'month', 'quarter', 'year']);
function term(name: string): UnitTerm {
  const currency = CURRENCY_CODES.includes(name) ? name : null;
  return { text: name, mathName: name, currency, time: TIME.has(name) };
}
function unit(top: readonly string[], bottom: readonly string[] = []): UnitExpr {
  return { numerator: top.map(term), denominator: bottom.map(term), percent: false };
}
/** The unit's text as mathjs reads it: `USD h^-1`. */
function mathText(expr: UnitExpr): string {
  return [...expr.numerator.map((t) => t.mathName), ...expr.denominator.map((t) => `${t.mathName}^-1`)].join(' ');
}

const SIMPLE = [...UNIT_NAMES, 'USD', 'EUR', 'JPY', 'CHF'].map((name) => unit([name]));
const COMPOUND = [
  unit(['USD'], ['h']), unit(['USD'], ['day']), unit(['USD'], ['year']), unit(['EUR'], ['month']),
  unit(['GB'], ['month']), unit(['MB'], ['day']), unit(['kWh'], ['year']), unit(['Wh'], ['h']),
  unit(['USD'], ['GB']), unit(['USD'], ['MB']), unit(['USD', 'min'], ['h']), unit(['USD'], ['kg']),
  unit(['km'], ['h']), unit(['mi'], ['day']), unit([], ['week']), unit([], ['quarter']),
];

describe('the unit engine against mathjs create(all)', () => {
  it('knows every real unit name the module uses', () => {
    expect(UNIT_NAMES.length).toBeGreaterThanOrEqual(24);
    for (const name of UNIT_NAMES) expect(() => full.unit(1, name)).not.toThrow();
  });

  for (const [label, units] of [['simple', SIMPLE], ['compound', COMPOUND]] as const) {
    it(`agrees on every pair of ${label} units: convertible or not, and the factor to 1e-12`, () => {
      let convertible = 0;
      for (const from of units) {
        for (const to of units) {
          const one = full.unit(1, mathText(from));
          const expected = one.equalBase(full.unit(1, mathText(to)));
          expect({ from: mathText(from), to: mathText(to), same: sameDimension(from, to) }).toEqual({ from: mathText(from), to: mathText(to), same: expected });
          if (!expected) {
            expect(() => convertUnit(1, from, to)).toThrow(/cannot convert/);
            continue;
          }
          convertible++;
          const factor = one.toNumber(mathText(to));
          const ours = convertUnit(1, from, to);
          expect(Math.abs(ours - factor) / Math.abs(factor)).toBeLessThanOrEqual(1e-12);
        }
      }
      // Pairs that do convert were compared too, not only refusals.
      expect(convertible).toBeGreaterThan(units.length);
    });
  }

  it('converts the figures SPEC §3.1 defines, worked by hand', () => {
    expect(convertUnit(1, unit(['year']), unit(['month']))).toBeCloseTo(12, 12);
    expect(convertUnit(1, unit(['quarter']), unit(['day']))).toBeCloseTo(91.3125, 12);
    expect(convertUnit(1, unit(['week']), unit(['h']))).toBeCloseTo(168, 12);
    expect(convertUnit(24, unit(['USD'], ['day']), unit(['USD'], ['h']))).toBeCloseTo(1, 12);
    // 1 GB/month = 1,000 MB per 30.4375 days
    expect(convertUnit(1, unit(['GB'], ['month']), unit(['MB'], ['day']))).toBeCloseTo(1000 / 30.4375, 10);
    expect(sameDimension(unit(['USD']), unit(['EUR']))).toBe(false);
  });
});

describe('the number arithmetic it is wired with, against mathjs', () => {
  const VALUES = [0, 1, -1, 0.5, -0.5, 2.5, -2.5, 1.005, 2.675, -4.71, 3.88, 0.1 + 0.2, 2.4999999999999996, 2.9999999999999996,
    -2.9999999999999996, 123.45678, 1e-7, 1.5e-7, -1.5e-7, -1e-300, -0, 6.02e23, -1e21, 1e300, Number.MAX_SAFE_INTEGER, Infinity, -Infinity];

  it('rounds as mathjs rounds numbers, to 0–15 decimals', () => {
    // toEqual tells −0 from 0 (Object.is), so the sign of a zero is compared too.
    for (const x of VALUES) {
      for (let n = 0; n <= 15; n++) expect([x, n, roundNumber(x, n)]).toEqual([x, n, full.round(x, n)]);
    }
    expect(roundNumber(1.005, 2)).toBe(1.01); // where (1.005).toFixed(2) gives '1.00'
    expect(() => roundNumber(1, 16)).toThrow(/from 0 to 15/);
  });

  it('truncates as mathjs fix does, snapping near integers', () => {
    for (const x of VALUES) expect([x, fixNumber(x)]).toEqual([x, full.fix(x)]);
  });

  it('compares as mathjs equal does, within relTol and absTol', () => {
    const pairs: [number, number][] = [[0.1 + 0.2, 0.3], [1, 1 + 1e-9], [1, 1 + 1e-13], [0, 1e-16], [0, 1e-14], [Infinity, Infinity], [NaN, NaN], [-0, 0]];
    for (const [a, b] of pairs) expect([a, b, nearlyEqual(a, b)]).toEqual([a, b, full.equal(a, b)]);
  });

  it('raises to a power as mathjs pow does for the factors units give it', () => {
    const cases: [number, number][] = [[1000, -1], [3600, 2], [1024, 3], [0.001, -2], [2, 0.5], [0.5, Infinity], [2, -Infinity], [-2, Infinity], [0, -1]];
    for (const [x, y] of cases) expect([x, y, powNumber(x, y)]).toEqual([x, y, full.pow(x, y)]);
  });

  it('writes a number plainly, or to a precision', () => {
    expect(formatNumber(1_000_000)).toBe('1000000');
    expect(formatNumber(0.1 + 0.2, { precision: 14 })).toBe('0.3');
  });
});
