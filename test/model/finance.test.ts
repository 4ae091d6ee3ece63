import fc from 'fast-check';
import { ModelError } from '../../src/model/errors';
import { irr, npv, paybackPeriods } from '../../src/model/finance';

import financial from './fixtures/financial.json';

/**
 * Reference values: fixtures/financial.json (each entry names its source: Microsoft's
 * documentation, PhpSpreadsheet, formulajs, HyperFormula, a Forrester TEI table; see
 * fixtures/README.md).
 */

interface NpvVector {
  rate: number;
  values: number[];
  expected: number;
  tolerance?: number;
  source: string;
}
interface IrrVector {
  values: number[];
  guess?: number;
  expected: number | null;
  tolerance?: number;
  source: string;
}
interface TeiVector {
  rate: number;
  costs: number[];
  benefits: number[];
  expected: { pvCosts: number; pvBenefits: number; npv: number; roi: number };
  tolerance_abs: { pvCosts: number; pvBenefits: number; npv: number; roi: number };
  source: string;
}
interface Vectors {
  npv: NpvVector[];
  irr: IrrVector[];
  tei: TeiVector[];
}

const vectors: Vectors = financial;

/** The file's default: 1e-9 relative. */
const DEFAULT_RELATIVE_TOLERANCE = 1e-9;

/**
 * An entry's own `tolerance` is absolute: it is given where the source shows the value to a
 * number of decimal places ("shown to 6 places" is ±5e-7 in the value, whatever its size).
 */
function expectMatch(actual: number, expected: number, absoluteTolerance?: number): void {
  const allowed = absoluteTolerance ?? DEFAULT_RELATIVE_TOLERANCE * Math.abs(expected);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(allowed);
}

/** Σ |values[i]| / (1 + rate)^i: the size of the discounted terms, the scale of an NPV's rounding. */
function discountedMagnitude(rate: number, values: readonly number[]): number {
  return values.reduce((sum, v, i) => sum + Math.abs(v) / Math.pow(1 + rate, i), 0);
}

/** NPV at the IRR's convention: values[0] undiscounted. */
function presentValue(rate: number, values: readonly number[]): number {
  return values[0] + npv(rate, values.slice(1));
}

function expectModelError(run: () => unknown, code: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ModelError);
  expect((thrown as ModelError).code).toBe(code);
}

/** Flows whose NPV is zero exactly at the given rates: Π (x − 1/(1 + r)) in x = 1/(1 + r), scaled. */
function flowsWithRoots(rates: readonly number[], scale: number): number[] {
  let coefficients = [1];
  for (const rate of rates) {
    const x = 1 / (1 + rate);
    const next = new Array<number>(coefficients.length + 1).fill(0);
    coefficients.forEach((c, i) => {
      next[i + 1] += c; // · x
      next[i] -= c * x; // · (−x_k)
    });
    coefficients = next;
  }
  return coefficients.map((c) => c * scale);
}

describe('npv', () => {
  test.each(vectors.npv.map((v) => [v.source, v] as const))('vector: %s', (_source, v) => {
    expectMatch(npv(v.rate, v.values), v.expected, v.tolerance);
  });

  test("Microsoft's documented example, discounted by hand: 1,188.44", () => {
    // NPV(10%, −10000, 3000, 4200, 6800): every value end of period, the first one discounted once.
    const byHand = -10000 / 1.1 + 3000 / 1.1 ** 2 + 4200 / 1.1 ** 3 + 6800 / 1.1 ** 4;
    expect(byHand).toBeCloseTo(1188.4434123352, 9);
    expect(npv(0.1, [-10000, 3000, 4200, 6800])).toBeCloseTo(byHand, 9);
  });

  test.each(vectors.tei.map((v) => [v.source, v] as const))(
    'TEI layout (Year 0 undiscounted + NPV of years 1..n): %s',
    (_source, v) => {
      const pvCosts = v.costs[0] + npv(v.rate, v.costs.slice(1));
      const pvBenefits = v.benefits[0] + npv(v.rate, v.benefits.slice(1));
      const net = v.benefits.map((b, year) => b - v.costs[year]);
      const netPresentValue = net[0] + npv(v.rate, net.slice(1));
      const roi = (pvBenefits - pvCosts) / pvCosts;
      expectMatch(pvCosts, v.expected.pvCosts, v.tolerance_abs.pvCosts);
      expectMatch(pvBenefits, v.expected.pvBenefits, v.tolerance_abs.pvBenefits);
      expectMatch(netPresentValue, v.expected.npv, v.tolerance_abs.npv);
      expectMatch(roi, v.expected.roi, v.tolerance_abs.roi);
      // NPV is linear: the NPV of the net row is PV benefits − PV costs.
      expect(Math.abs(netPresentValue - (pvBenefits - pvCosts))).toBeLessThan(1e-6);
    },
  );

  test('SPEC §7: =CF0 + NPV(10%, CF1:CF3) on the Net row gives 1,475,525.91', () => {
    const monthlyBenefitAtFullAdoption = (seedAnnualValue() / 12) * (1 - 0.1);
    const year1Benefits = 7.8 * monthlyBenefitAtFullAdoption; // 3 months at 10%, 3 at 50%, 6 at 100%
    const laterBenefits = 12 * monthlyBenefitAtFullAdoption;
    const net = [-190000, year1Benefits - 191000, laterBenefits - 191000, laterBenefits - 191000];
    expect(net[0] + npv(0.1, net.slice(1))).toBeCloseTo(1475525.91, 2);
    expect(irr(net)).toBeCloseTo(2.7751, 4);
  });

  test('discounts values[0] one period (Excel, not the "NPV with a Year 0" of textbooks)', () => {
    expect(npv(0.1, [110])).toBeCloseTo(100, 12);
    expect(npv(0, [1, 2, 3])).toBe(6);
  });

  test('an empty row is worth 0, and no -0 comes out', () => {
    expect(npv(0.1, [])).toBe(0);
    expect(Object.is(npv(0.1, [-0]), 0)).toBe(true);
    expect(Object.is(npv(0.1, [0, -0]), 0)).toBe(true);
  });

  test('rate −100% is #DIV/0! (as Excel); below −100% is refused with #NUM!', () => {
    expectModelError(() => npv(-1, [100, 200]), '#DIV/0!');
    expectModelError(() => npv(-2, [100, 200]), '#NUM!');
  });

  test('a result that overflows is #NUM!, not Infinity', () => {
    expectModelError(() => npv(-1 + 1e-12, new Array<number>(40).fill(1e6)), '#NUM!');
  });

  test('a rate or value that is not a finite number is #VALUE!', () => {
    expectModelError(() => npv(Number.NaN, [1]), '#VALUE!');
    expectModelError(() => npv(0.1, [1, Number.POSITIVE_INFINITY]), '#VALUE!');
    expectModelError(() => npv(0.1, [1, Number.NaN, 3]), '#VALUE!');
  });

  test('property: npv is linear in the flows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.9, max: 3, noNaN: true }),
        fc.array(fc.tuple(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: -1e7, max: 1e7 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (rate, pairs, a, b) => {
          const x = pairs.map(([v]) => v);
          const y = pairs.map(([, v]) => v);
          const combined = pairs.map(([vx, vy]) => a * vx + b * vy);
          const scale =
            Math.abs(a) * discountedMagnitude(rate, [0, ...x]) + Math.abs(b) * discountedMagnitude(rate, [0, ...y]);
          const difference = Math.abs(npv(rate, combined) - (a * npv(rate, x) + b * npv(rate, y)));
          expect(difference).toBeLessThanOrEqual(1e-12 * scale + 1e-300);
        },
      ),
      { seed: 20240611, numRuns: 500 },
    );
  });
});

describe('irr', () => {
  test.each(vectors.irr.map((v) => [v.source, v] as const))('vector: %s', (_source, v) => {
    const actual = irr(v.values, v.guess);
    if (v.expected === null) {
      expect(actual).toBeNull();
    } else {
      expect(actual).not.toBeNull();
      expectMatch(actual as number, v.expected, v.tolerance);
    }
  });

  test("Microsoft's documented example: 8.66%, a rate at which the flows discount to zero by hand", () => {
    const flows = [-70000, 12000, 15000, 18000, 21000, 26000];
    const rate = irr(flows) as number;
    expect(rate).toBeCloseTo(0.08663094803652, 12);
    const byHand = flows.reduce((sum, v, i) => sum + v / (1 + rate) ** i, 0);
    expect(Math.abs(byHand)).toBeLessThan(1e-6);
    // Every flow positive: no rate makes them sum to zero, Excel's #NUM!.
    expect(irr([12000, 15000, 18000, 21000, 24000])).toBeNull();
  });

  test('finds −55.8% for [−15000, 6630] from the 10% guess, where plain Newton diverges', () => {
    expect(Math.abs((irr([-15000, 6630]) as number) - (6630 / 15000 - 1))).toBeLessThanOrEqual(1e-15);
    expect(Math.abs((irr([-15000, 6630], 5) as number) - (6630 / 15000 - 1))).toBeLessThanOrEqual(1e-15);
  });

  test('no sign change, all zeros or an empty row: null (#NUM!)', () => {
    expect(irr([12000, 15000])).toBeNull();
    expect(irr([100, 200, 300])).toBeNull();
    expect(irr([-100, -200, 0])).toBeNull();
    expect(irr([0, 0, 0])).toBeNull();
    expect(irr([])).toBeNull();
  });

  test('several sign changes but no root: null', () => {
    // 100 − 100x + 100x² > 0 for every x: two sign changes, no real root.
    expect(irr([100, -100, 100])).toBeNull();
    expect(irr([100, -100, 100], -0.5)).toBeNull();
  });

  test('with two roots (10% and 20%), the one nearest the guess', () => {
    const flows = [-100, 230, -132];
    expect(irr(flows, 0.05)).toBeCloseTo(0.1, 12);
    expect(irr(flows)).toBeCloseTo(0.1, 12);
    expect(irr(flows, 0.16)).toBeCloseTo(0.2, 12);
    expect(irr(flows, 3)).toBeCloseTo(0.2, 12);
    expect(irr(flows, 1e6)).toBeCloseTo(0.2, 12); // far beyond the bound on the roots
    // A guess at or below −100% is outside the domain: the nearest root is the lowest.
    expect(irr(flows, -5)).toBeCloseTo(0.1, 12);
  });

  test('two roots closer together than the scan step are both found', () => {
    const flows = flowsWithRoots([0.1, 0.104], 1e6);
    expect(irr(flows, 0.3)).toBeCloseTo(0.104, 9);
    expect(irr(flows, -0.3)).toBeCloseTo(0.1, 9);
  });

  test('a double root (NPV touches zero without crossing) is a root', () => {
    // 100 − 220x + 121x² = (11x − 10)²: x = 10/11, rate 10%.
    expect(irr([100, -220, 121], 0.3)).toBeCloseTo(0.1, 6);
    expect(irr([100, -220, 121], -0.5)).toBeCloseTo(0.1, 6);
  });

  test('leading and trailing zeros move no root', () => {
    const base = irr([-70000, 12000, 15000, 18000, 21000, 26000]) as number;
    expect(irr([0, 0, -70000, 12000, 15000, 18000, 21000, 26000, 0, 0])).toBeCloseTo(base, 13);
  });

  test('extreme but valid roots: near −100% and far above 100%', () => {
    expect(irr([-1e9, 1])).toBeCloseTo(1e-9 - 1, 15);
    const high = irr([-1, 1e9]) as number;
    expect(Math.abs(high - (1e9 - 1)) / 1e9).toBeLessThan(1e-12);
  });

  test('an exact root at 0% comes out as 0 to the last digit', () => {
    expect(Math.abs(irr([-100, 100]) as number)).toBeLessThan(1e-15);
  });

  test('a value or guess that is not a finite number is #VALUE!', () => {
    expectModelError(() => irr([-1, Number.NaN, 2]), '#VALUE!');
    expectModelError(() => irr([-1, 2], Number.POSITIVE_INFINITY), '#VALUE!');
  });

  const cashFlows = fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 2, maxLength: 40 });
  const guesses = fc.option(fc.double({ min: -0.95, max: 3, noNaN: true }), { nil: undefined });

  test('property: where irr returns r, the NPV at r is zero relative to the flows’ scale', () => {
    fc.assert(
      fc.property(cashFlows, guesses, (flows, guess) => {
        const rate = irr(flows, guess);
        if (rate === null) return;
        expect(Number.isFinite(rate)).toBe(true);
        expect(rate).toBeGreaterThan(-1);
        expect(Object.is(rate, -0)).toBe(false);
        const residual = Math.abs(presentValue(rate, flows));
        expect(residual).toBeLessThanOrEqual(1e-9 * discountedMagnitude(rate, flows));
      }),
      { seed: 20240611, numRuns: 2000 },
    );
  });

  test('property: one sign change means exactly one root, and irr finds it from any guess', () => {
    const conventional = fc
      .tuple(
        fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 35 }),
      )
      .filter(([, returns]) => returns.some((v) => v > 0))
      .map(([outlays, returns]) => [...outlays.map((v) => -v), ...returns]);
    fc.assert(
      fc.property(conventional, guesses, (flows, guess) => {
        const fromGuess = irr(flows, guess);
        const fromDefault = irr(flows);
        expect(fromGuess).not.toBeNull();
        expect(Math.abs((fromGuess as number) - (fromDefault as number))).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(fromDefault as number)),
        );
      }),
      { seed: 20240611, numRuns: 1000 },
    );
  });

  test('property: with several known roots, irr returns the one nearest the guess', () => {
    const rootSets = fc
      .uniqueArray(fc.integer({ min: -60, max: 150 }), { minLength: 2, maxLength: 4 })
      .map((hundredths) => hundredths.map((h) => h / 100))
      .filter((rates) => rates.every((a, i) => rates.every((b, j) => i === j || Math.abs(a - b) >= 0.05)));
    fc.assert(
      fc.property(
        rootSets,
        fc.double({ min: -0.8, max: 2, noNaN: true }),
        fc.constantFrom(-1e6, -1, 1, 1e3, 1e6),
        (rates, guess, scale) => {
          const distances = rates.map((r) => Math.abs(r - guess)).sort((a, b) => a - b);
          fc.pre(distances[1] - distances[0] > 1e-6);
          const nearest = rates.reduce((a, b) => (Math.abs(b - guess) < Math.abs(a - guess) ? b : a));
          const rate = irr(flowsWithRoots(rates, scale), guess);
          expect(rate).not.toBeNull();
          expect(Math.abs((rate as number) - nearest)).toBeLessThanOrEqual(1e-9);
        },
      ),
      { seed: 20240611, numRuns: 1000 },
    );
  });
});

/** ΣA of SPEC §7's per-metric table (evidence basis), in USD per year. */
function seedAnnualValue(): number {
  const processingTime = 375000;
  const errorRate = 216000;
  const costPerTransaction = 130000;
  const hoursSaved = ((200 * 0.8 * 45) * 365.25) / 7; // 160 h/week × $45/h × weeks a year
  return processingTime + errorRate + costPerTransaction + hoursSaved;
}

describe('paybackPeriods', () => {
  test('the JSDoc examples hold', () => {
    expect(paybackPeriods([-100, 30, 30, 60])).toBeCloseTo(3 + 40 / 60, 12);
    expect(paybackPeriods([50, -20, 10])).toBe(0);
    expect(paybackPeriods([-100, 30, 30])).toBeNull();
  });

  test('SPEC §7: the seed sample pays back in 13.072 months', () => {
    // SPEC §7's net per month, to the cent: months 0–4, 5–7, 8–10, then 11–40.
    const net = [
      ...new Array<number>(5).fill(-38000),
      ...new Array<number>(3).fill(-7691.52),
      ...new Array<number>(3).fill(25209.05),
      ...new Array<number>(30).fill(66334.76),
    ];
    // Cumulative at the end of month 12: −190,000 − 23,074.56 + 75,627.15 + 132,669.52 = −4,777.89,
    // and ≥ 0 from month 13 on, so payback is 13 + 4,777.89 / 66,334.76.
    const payback = paybackPeriods(net) as number;
    expect(payback).toBeCloseTo(13 + 4777.89 / 66334.76, 9);
    expect(payback).toBeCloseTo(13.072, 3);
  });

  test('cumulative never negative: 0', () => {
    expect(paybackPeriods([0, 10, -10, 5])).toBe(0);
    expect(paybackPeriods([0])).toBe(0);
  });

  test('negative at the last period: null (never)', () => {
    expect(paybackPeriods([-100, 50, 40])).toBeNull();
    expect(paybackPeriods([100, -50, -60])).toBeNull();
    expect(paybackPeriods([-1])).toBeNull();
  });

  test('dipping below zero again after crossing: the last crossing counts', () => {
    // cumulative: −100, −40, 20, −30, −10, 30 → last negative at period 4, payback 5 + 10/40.
    expect(paybackPeriods([-100, 60, 60, -50, 20, 40])).toBeCloseTo(5.25, 12);
  });

  test('reaching exactly zero is paid back', () => {
    // cumulative: −100, 0: period 1 closes the whole gap.
    expect(paybackPeriods([-100, 100])).toBe(2);
    expect(paybackPeriods([-100, 100, 0])).toBe(2);
  });

  test('an empty row or a value that is not a finite number is #VALUE!', () => {
    expectModelError(() => paybackPeriods([]), '#VALUE!');
    expectModelError(() => paybackPeriods([-1, Number.NaN]), '#VALUE!');
  });

  test('property: the result lies within the period range and marks the last crossing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 60 }), (flows) => {
        const result = paybackPeriods(flows);
        const cumulative: number[] = [];
        flows.reduce((sum, v) => {
          cumulative.push(sum + v);
          return sum + v;
        }, 0);
        if (result === null) {
          expect(cumulative[cumulative.length - 1]).toBeLessThan(0);
          return;
        }
        expect(result).toBeGreaterThanOrEqual(0);
        expect(result).toBeLessThanOrEqual(flows.length);
        if (result === 0) {
          expect(cumulative.every((c) => c >= 0)).toBe(true);
          return;
        }
        const k = Math.ceil(result) - 1; // the fraction is in (0, 1]
        expect(cumulative[k - 1]).toBeLessThan(0);
        expect(cumulative.slice(k).every((c) => c >= 0)).toBe(true);
      }),
      { seed: 20240611, numRuns: 2000 },
    );
  });
});
