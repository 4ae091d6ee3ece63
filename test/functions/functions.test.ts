/**
 * The PILOT functions, called as Excel calls them (omitted optionals as null, blank cells as
 * "", error cells as CustomFunctions.Error), on the seed sample of SPEC §7.
 */
import fc from 'fast-check';
import { CaseCache } from '../../src/functions/cache';
import { excelFunctions } from '../../src/functions/register';
import { evaluateCase, sampleCase, type Grid } from '../../src/model';
import { customFunctionsRuntime, installCustomFunctionsRuntime, thrownBy } from './runtime';

beforeAll(installCustomFunctionsRuntime);

/** The functions as Excel's runtime has them registered. */
const pilot = excelFunctions({ cases: new CaseCache() });

const s = sampleCase();
const metrics = s.metrics;
const costs = s.costs;
const readinessTable = s.readiness!;
const assumptions = s.assumptions!;
/** What Excel passes for an omitted optional argument. */
const omitted = null as unknown as undefined;

/** Relative closeness, for figures SPEC §7 gives to the cent or to 4–5 significant digits. */
function expectNear(actual: unknown, expected: number, relative: number): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

function excelErrorOf(call: () => unknown): { code: string; message?: string } {
  const error = thrownBy(call);
  expect(error).toBeInstanceOf(customFunctionsRuntime.Error);
  return error as { code: string; message?: string };
}

/** As Excel hands a table over: blank cells as "". */
const asExcel = (grid: Grid): unknown[][] => grid.map((row) => row.map((cell) => (cell === null ? '' : cell)));

describe('PILOT.VALUE', () => {
  it('converts to the unit given (SPEC §4: =PILOT.VALUE("2 h","min") is 120)', () => {
    expect(pilot.VALUE('2 h', 'min')).toBeCloseTo(120, 9);
  });

  it('reads a pasted value when the unit is omitted, which Excel passes as null', () => {
    expect(pilot.VALUE('1,200', omitted)).toBe(1200);
    expect(pilot.VALUE('(500)')).toBe(-500);
  });

  it('returns #VALUE! with a message for text that is not a value, never 0', () => {
    const error = excelErrorOf(() => pilot.VALUE('N/A'));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/N\/A/);
  });
});

describe('PILOT.GAPCLOSED and PILOT.METRICVALUE (SPEC §3.2, §7 per-metric table)', () => {
  it('gives g of each seed metric', () => {
    expect(pilot.GAPCLOSED('12 min', '2 min', '2 min')).toBe(1);
    expectNear(pilot.GAPCLOSED('4.2%', '0.5%', '0.6%'), 0.972973, 1e-6);
    expectNear(pilot.GAPCLOSED(0, 200, 160), 0.8, 1e-12);
    expectNear(pilot.GAPCLOSED('12 min', '2 min', '0.05 h'), 0.9, 1e-12); // 3 min: units convert
  });

  it('refuses a target that does not improve and names the argument', () => {
    const error = excelErrorOf(() => pilot.GAPCLOSED('2 min', '2 min', '1 min'));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^target: target does not improve on baseline/);
    expect(excelErrorOf(() => pilot.GAPCLOSED('12 min', '2 min', '')).message).toMatch(/^pilot: /);
    expect(excelErrorOf(() => pilot.GAPCLOSED('12 min', '2 kg', '3 min')).message).toMatch(/^target: /);
  });

  it('gives A of each seed metric under evidence and target basis', () => {
    expectNear(pilot.METRICVALUE('12 min', '2 min', '50,000 docs/year', '$45/h', '2 min'), 375000, 1e-12);
    expectNear(pilot.METRICVALUE('4.2%', '0.5%', '50,000 transactions/year', '$120 per error', '0.6%'), 216000, 1e-9);
    expectNear(pilot.METRICVALUE('4.2%', '0.5%', '50,000 transactions/year', '$120 per error', '0.6%', 'target'), 222000, 1e-9);
    expectNear(pilot.METRICVALUE('$3.40', '$0.80', '50,000 transactions/year', '', '$0.80'), 130000, 1e-9);
    // 160 h/week × $45/h × 365.25/7 weeks a year, given to the cent in SPEC §7.
    expect(pilot.METRICVALUE(0, 200, '', '$45/h', 160, omitted, 'h/week')).toBeCloseTo(375685.71, 2);
    expect(pilot.METRICVALUE(0, 200, '', '$45/h', 160, 'target', 'h/week')).toBeCloseTo(469607.14, 2);
  });

  it('is 0 under basis evidence without a pilot figure, and the promise under basis target', () => {
    expect(pilot.METRICVALUE('12 min', '2 min', '50,000 docs/year', '$45/h')).toBe(0);
    expectNear(pilot.METRICVALUE('12 min', '2 min', '50,000 docs/year', '$45/h', omitted, 'target'), 375000, 1e-12);
  });

  it('takes the currency written in the cells', () => {
    expectNear(pilot.METRICVALUE('€3.40', '€0.80', '1,000 transactions/year', '', '€0.80'), 2600, 1e-12);
  });

  it('says why a metric has no money value or its units do not combine', () => {
    expect(excelErrorOf(() => pilot.METRICVALUE('12 min', '2 min', '50,000 docs/year', '', '2 min')).message).toMatch(/no money value/);
    expect(excelErrorOf(() => pilot.METRICVALUE('12 min', '2 min', '', '$45/h', '2 min')).message).toMatch(/^volume: /);
    expect(excelErrorOf(() => pilot.METRICVALUE('12 min', '2 min', '50,000 docs/year', '$45/h', '2 min', 'hope')).message).toMatch(/^basis: /);
  });
});

describe('PILOT.EXPANSION and PILOT.PAYBACK', () => {
  const column = (grid: Grid, name: string) => grid.slice(1).map((row) => [row[grid[0].indexOf(name)]]);

  it('sums the ranges: (O + R) / P = 3.175 for the seed costs (SPEC §7)', () => {
    const production = costs.slice(1).map((row) => [row[2], row[3]]);
    expectNear(pilot.EXPANSION(asExcel(column(costs, 'Pilot')), asExcel(production)), 3.175, 1e-12);
  });

  it('is #DIV/0! with no pilot cost, and #VALUE! naming the cell for a negative or unreadable cost', () => {
    expect(excelErrorOf(() => pilot.EXPANSION([[0], ['']], [[100]])).code).toBe('#DIV/0!');
    expect(excelErrorOf(() => pilot.EXPANSION([[100], [-5]], [[100]])).message).toMatch(/^pilotCosts row 2, column 1: expected a cost of 0 or more/);
    expect(excelErrorOf(() => pilot.EXPANSION([[100]], [['tbd']])).message).toMatch(/^productionCosts row 1, column 1: /);
  });

  it('equals the case payback over the monthly net row with the default 12 periods a year', () => {
    const result = evaluateCase(s);
    const monthlyNet = result.monthly.map((m) => m.net);
    expectNear(pilot.PAYBACK([monthlyNet]), result.paybackMonths!, 1e-12);
    expectNear(pilot.PAYBACK(monthlyNet.map((net) => [net])), 13.072, 1e-4); // a column works too (SPEC §7: 13.072)
  });

  it('scales periods to months: quarterly and yearly rows', () => {
    expectNear(pilot.PAYBACK([[-100, 30, 30, 60]], 4), 3 * (3 + 40 / 60), 1e-12);
    expectNear(pilot.PAYBACK([[-190000, 450561.14, 796017.14]], 1), 12 * (1 + 190000 / 450561.14), 1e-12);
    expect(pilot.PAYBACK([[50, -20, 10]])).toBe(0);
  });

  it('is #N/A "never" when the cumulative ends negative, and #VALUE! for bad rows', () => {
    const never = excelErrorOf(() => pilot.PAYBACK([[-100, 30, 30]]));
    expect(never).toMatchObject({ code: '#N/A' });
    expect(never.message).toMatch(/never/);
    expect(excelErrorOf(() => pilot.PAYBACK([[-100, '', 30]])).message).toMatch(/^cashflows cell 2 is blank/);
    expect(excelErrorOf(() => pilot.PAYBACK([[-100, 1], [2, 3]])).message).toMatch(/one row or one column/);
    expect(excelErrorOf(() => pilot.PAYBACK([[-100, 120]], 0)).message).toMatch(/^periodsPerYear: /);
    expect(pilot.PAYBACK([[-100, 120, '', '']])).toBeCloseTo(1 + 100 / 120, 12); // blanks after the last flow are ignored
  });
});

describe('the case functions on the seed sample (SPEC §7)', () => {
  it('PILOT.NPV, PILOT.IRR and PILOT.ROI give 1,475,525.91, 277.51% and 221.89%', () => {
    expectNear(pilot.NPV(metrics, costs, assumptions), 1475525.91, 1e-8);
    expectNear(pilot.IRR(metrics, costs, assumptions), 2.7751, 1e-4);
    expectNear(pilot.ROI(metrics, costs, assumptions), 2.2189, 1e-4);
  });

  it('uses the typical 5-month transition without a Readiness table, which here matches the case’s', () => {
    expect(pilot.NPV(metrics, costs, omitted)).toBe(evaluateCase({ metrics, costs }).npv);
    expect(pilot.NPV(metrics, costs)).toBe(evaluateCase(s).npv);
  });

  it('PILOT.CASHFLOWS spills the Year 0 … 3 table, and =CF0+NPV(10%, CF1:CF3) on its Net row is PILOT.NPV', () => {
    const table = pilot.CASHFLOWS(metrics, costs, assumptions);
    expect(table[0]).toEqual(['USD', 'Year 0', 'Year 1', 'Year 2', 'Year 3']);
    expect(table.map((row) => row[0])).toEqual(['USD', 'Benefits', 'Costs', 'Net', 'Cumulative']);
    const net = table[3].slice(1) as number[];
    [-190000, 450561.14, 796017.14, 796017.14].forEach((v, i) => expectNear(net[i], v, 1e-8));
    expectNear(table[4][4], 1852595.43, 1e-8);
    const excelNpv = net[0] + net.slice(1).reduce((sum, cf, i) => sum + cf / 1.1 ** (i + 1), 0);
    expectNear(excelNpv, pilot.NPV(metrics, costs, assumptions), 1e-12);
  });

  it('PILOT.THRESHOLD gives the four thresholds, "always positive" as text and "never" as #N/A', () => {
    expectNear(pilot.THRESHOLD(metrics, costs, 'adoption', assumptions), 0.2881, 1e-3);
    expectNear(pilot.THRESHOLD(metrics, costs, 'Volume', assumptions), 0.3107, 1e-3);
    expectNear(pilot.THRESHOLD(metrics, costs, ' cost ', assumptions), 3.2189, 1e-4);
    expectNear(pilot.THRESHOLD(metrics, costs, 'realization', assumptions), 0.2847, 1e-3);
    // Nothing to pay for: NPV is positive at any cost multiple, and no adoption makes it pay when costs dwarf benefits.
    const freeCosts = [['Category', 'One-time', 'Annual'], ['Infrastructure', 0, 0]];
    expect(pilot.THRESHOLD(metrics, freeCosts, 'cost', assumptions)).toBe('always positive');
    const hugeCosts = [['Category', 'One-time', 'Annual'], ['Infrastructure', 1e9, 1e9]];
    const never = excelErrorOf(() => pilot.THRESHOLD(metrics, hugeCosts, 'adoption', assumptions));
    expect(never.code).toBe('#N/A');
    expect(never.message).toMatch(/^never: no adoption up to 100%/);
    expect(excelErrorOf(() => pilot.THRESHOLD(metrics, costs, 'speed')).message).toMatch(/^which: expected "adoption"/);
  });

  it('PILOT.READINESS, PILOT.TIMELINE, PILOT.VERDICT and PILOT.REASONS', () => {
    expect(pilot.READINESS(readinessTable)).toBe(0);
    expect(pilot.READINESS(readinessTable, s.ownership ?? omitted)).toBe(0);
    expect(pilot.TIMELINE(readinessTable, assumptions)).toEqual([[4, 6]]);
    expect(pilot.TIMELINE('' as unknown as unknown[][])).toEqual([[4, 6]]); // no table: typical
    expect(pilot.VERDICT(metrics, costs, readinessTable, assumptions)).toBe('NOT READY');
    const reasons = pilot.REASONS(metrics, costs, readinessTable, assumptions);
    expect(reasons.every((row) => row.length === 1 && typeof row[0] === 'string')).toBe(true);
    expect(reasons.map((row) => row[0])).toEqual(evaluateCase(s).reasons);
  });

  it('PILOT.SUMMARY lists every figure with text, never an error, where a figure does not exist', () => {
    const table = pilot.SUMMARY(metrics, costs, readinessTable, assumptions);
    const value = new Map(table.map(([label, v]) => [label, v]));
    expect(table[0]).toEqual(['Figure', 'Value']);
    expect(value.get('Verdict')).toBe('NOT READY');
    expectNear(value.get('NPV'), 1475525.91, 1e-8);
    expectNear(value.get('Payback (months)'), 13.072, 1e-4);
    expectNear(value.get('PV benefits'), 2140514.64, 1e-8);
    expectNear(value.get('PV costs'), 664988.73, 1e-8);
    expectNear(value.get('Cost expansion (× pilot)'), 3.175, 1e-12);
    expect(value.get('Budget variance (× approved budget)')).toBe('none (no approved budget)');
    expect(value.get('Readiness progress')).toBeCloseTo(0.65, 12);
    expect(value.get('Blockers')).toBe('Production data audited; Change management plan; Workflow redesign');
    expect(value.get('Stuck-pilot patterns')).toBe('adoption limited to enthusiasts; workflow unchanged');
    expect(table.every((row) => row.length === 2 && row.every((cell) => typeof cell === 'number' || typeof cell === 'string'))).toBe(true);

    // A case that never pays back and has no pilot cost: the figures read "never" and "none".
    const tinyBenefit = [['Metric', 'Baseline', 'Target', 'Pilot', 'Volume', 'Value per unit'], ['Time', '12 min', '11 min', '11 min', '1 doc/year', '$1/h']];
    const noPilot = [['Category', 'One-time', 'Annual'], ['Infrastructure', 1000, 1000]];
    const bleak = new Map(pilot.SUMMARY(tinyBenefit, noPilot, readinessTable).map(([label, v]) => [label, v]));
    expect(bleak.get('Payback (months)')).toBe('never');
    expect(bleak.get('Cost expansion (× pilot)')).toBe('none (pilot cost is 0)');
    expect(bleak.get('Verdict')).toBe('KILL');
  });
});

describe('bad input and error cells', () => {
  it('names table, row and column of a pasted value that is not a value', () => {
    const bad = metrics.map((row) => [...row]);
    bad[3][2] = 'tbd';
    const error = excelErrorOf(() => pilot.NPV(bad, costs));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^Metrics row 4, Target: /);
  });

  it('names table, row and column of an Excel error cell inside a table', () => {
    const withError = asExcel(costs);
    withError[5][3] = new customFunctionsRuntime.Error('#N/A');
    const error = excelErrorOf(() => pilot.VERDICT(metrics, withError, readinessTable));
    expect(error).toMatchObject({ code: '#VALUE!', message: 'Costs row 6, Annual: the cell holds the Excel error #N/A: expected a value (fix the cell or clear it)' });
  });

  it('reports a missing Metrics table on its header row', () => {
    const error = excelErrorOf(() => pilot.NPV(null as unknown as unknown[][], costs));
    expect(error.message).toMatch(/^Metrics row 1, Metric: the Metrics table is empty/);
  });

  it('never throws anything but a CustomFunctions.Error, nor returns NaN, Infinity or -0 (property)', () => {
    const cell = fc.oneof(
      fc.constant(''),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.constantFrom('12 min', '$45/h', '4.2%', '50,000 docs/year', 'N/A', '-', 'yes', 'partial', '3×', '(500)', '0'),
    );
    const mutate = (grid: Grid) =>
      fc.tuple(fc.nat({ max: grid.length - 1 }), fc.nat({ max: grid[0].length - 1 }), cell).map(([r, c, v]) => {
        const out = asExcel(grid);
        out[r][c] = v;
        return out;
      });
    fc.assert(
      fc.property(mutate(metrics), mutate(costs), mutate(assumptions), (m, c, a) => {
        const calls: (() => unknown)[] = [
          () => pilot.NPV(m, c, a),
          () => pilot.IRR(m, c, a),
          () => pilot.ROI(m, c, a),
          () => pilot.THRESHOLD(m, c, 'adoption', a),
          () => pilot.CASHFLOWS(m, c, a),
          () => pilot.SUMMARY(m, c, readinessTable, a),
        ];
        for (const call of calls) {
          let result: unknown;
          try {
            result = call();
          } catch (error) {
            expect(error).toBeInstanceOf(customFunctionsRuntime.Error);
            continue;
          }
          for (const x of [result].flat(2)) {
            if (typeof x === 'number') {
              expect(Number.isFinite(x)).toBe(true);
              expect(Object.is(x, -0)).toBe(false);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
