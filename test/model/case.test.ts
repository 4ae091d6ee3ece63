// SPEC §7, the worked example: every figure reproduced. Expected values are derived here from
// SPEC §3's formulas by hand (closed forms), and checked against §7's printed, rounded figures.
import { CaseInputError, checkCase, evaluateCase, sampleCase } from '../../src/model';
import type { CaseResult } from '../../src/model';

const rel = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);

function expectRel(actual: number | null | string, expected: number, tolerance = 1e-9): void {
  expect(typeof actual).toBe('number');
  const r = rel(actual as number, expected);
  if (r > tolerance) throw new Error(`expected ${expected}, got ${actual} (relative error ${r})`);
}

// Closed forms of SPEC §7.
const hoursValue = ((160 * 45 * 365.25) / 7); // 160 h/week proven × $45/h × weeks a year
const sumA = 375000 + 216000 + 130000 + hoursValue;
const sumATarget = 375000 + 222000 + 130000 + (200 * 45 * 365.25) / 7;
const k = (sumA / 12) * 0.9; // monthly benefit at full adoption, risk-adjusted
const R = 191000;
const O = 190000;
const d = [1 / 1.1, 1 / 1.21, 1 / 1.331];
const benefits = [0, 7.8 * k, 12 * k, 12 * k];
const net = [-O, benefits[1] - R, benefits[2] - R, benefits[3] - R];
const npvExact = net[0] + net[1] * d[0] + net[2] * d[1] + net[3] * d[2];
const pvB = benefits[1] * d[0] + benefits[2] * d[1] + benefits[3] * d[2];
const pvC = O + R * (d[0] + d[1] + d[2]);

describe('SPEC §7 worked example', () => {
  let result: CaseResult;
  beforeAll(() => {
    result = evaluateCase(sampleCase());
  });

  it('has no problems', () => {
    expect(checkCase(sampleCase())).toEqual([]);
  });

  it('values each metric as §7 does', () => {
    const byName = Object.fromEntries(result.metrics.map((m) => [m.name, m]));
    expectRel(byName['Processing time per document'].annualValue, 375000);
    expectRel(byName['Error rate'].annualValue, 216000);
    expectRel(byName['Error rate'].annualValueTarget, 222000);
    expectRel(byName['Error rate'].gapClosed, 3.6 / 3.7);
    expectRel(byName['Cost per transaction'].annualValue, 130000);
    expectRel(byName['Employee hours saved/week'].annualValue, hoursValue);
    expect(byName['Error rate'].proven).toBe(false);
    expect(byName['Employee hours saved/week'].proven).toBe(false);
    expect(byName['Processing time per document'].proven).toBe(true);
    // ΣA as §7 prints it, to the cent.
    const total = result.metrics.reduce((sum, m) => sum + (m.annualValue ?? 0), 0);
    expectRel(total, 1096685.71, 1e-8);
  });

  it('totals the costs and the expansion multiple', () => {
    expect(result.pilotTotal).toBe(120000);
    expect(result.oneTime).toBe(190000);
    expect(result.annualRun).toBe(191000);
    expectRel(result.expansion, 3.175);
    expect(result.budgetVariance).toBeNull();
  });

  it('lays out the yearly cash flows', () => {
    expect(result.cashflows.map((y) => y.year)).toEqual([0, 1, 2, 3]);
    result.cashflows.forEach((y, i) => {
      expect(Math.abs(y.benefits - benefits[i])).toBeLessThanOrEqual(1e-9 * Math.max(benefits[i], 1));
      expect(y.costs).toBe(i === 0 ? O : R);
      expectRel(y.net, net[i]);
    });
    expectRel(result.cashflows[3].cumulative, 1852595.43, 1e-8);
    // §7's printed rows, to the cent
    expect(result.cashflows[1].benefits).toBeCloseTo(641561.14, 2);
    expect(result.cashflows[2].benefits).toBeCloseTo(987017.14, 2);
  });

  it('computes NPV, PV benefits and costs, ROI and IRR', () => {
    expectRel(result.npv, npvExact);
    expect(result.npv).toBeCloseTo(1475525.91, 2);
    expectRel(result.pvBenefits, pvB);
    expectRel(result.pvCosts, pvC);
    expect(result.pvBenefits).toBeCloseTo(2140514.64, 2);
    expect(result.pvCosts).toBeCloseTo(664988.73, 2);
    expectRel(result.roi, (pvB - pvC) / pvC);
    expect(result.roi).toBeCloseTo(2.2189, 4);
    expect(result.irr).not.toBeNull();
    expect(result.irr).toBeCloseTo(2.7751, 4);
    // the IRR is a root of the Net row, discounted here by hand
    const flows = result.cashflows.map((y) => y.net);
    const atIrr = flows.reduce((sum, v, y) => sum + v / (1 + (result.irr as number)) ** y, 0);
    expect(Math.abs(atIrr)).toBeLessThan(1e-6);
  });

  it("equals Excel's =CF0 + NPV(rate, CF1:CFn) on its own Net row, written out", () => {
    // What a CFO types beside the spilled row: Year 0 as it is, years 1–3 discounted at 10%.
    const [cf0, cf1, cf2, cf3] = result.cashflows.map((y) => y.net);
    const excel = cf0 + cf1 / 1.1 + cf2 / 1.1 ** 2 + cf3 / 1.1 ** 3;
    expectRel(result.npv, excel, 1e-12);
    expect(excel).toBeCloseTo(1475525.91, 2);
  });

  it('computes payback on the monthly engine', () => {
    const r = R / 12;
    const cum12 = -O + 3 * (0.1 * k - r) + 3 * (0.5 * k - r) + 2 * (k - r);
    expectRel(result.paybackMonths, 13 + -cum12 / (k - r));
    expect(result.paybackMonths).toBeCloseTo(13.072, 3);
    expect(result.monthly).toHaveLength(5 + 36);
    expect(result.monthly[0].net).toBeCloseTo(-38000, 6);
    expect(result.monthly[5].net).toBeCloseTo(-7691.52, 2);
    expect(result.monthly[8].net).toBeCloseTo(25209.05, 2);
    expect(result.monthly[11].net).toBeCloseTo(66334.76, 2);
    expect(result.monthly[12].cumulative).toBeCloseTo(-4777.9, 1);
  });

  it('solves the four scale thresholds', () => {
    // adoption plateau x in (0.1, 0.5): Year 1 adoption-months 0.3 + 9x, later years 12x
    const x = (O + R * (d[0] + d[1] + d[2]) - k * 0.3 * d[0]) / (k * (9 * d[0] + 12 * d[1] + 12 * d[2]));
    expectRel(result.thresholds.adoption, x, 1e-6);
    expectRel(result.thresholds.volume, pvC / pvB, 1e-6);
    expectRel(result.thresholds.cost, pvB / pvC, 1e-6);
    expectRel(result.thresholds.realization, pvC / (pvB * (sumATarget / sumA)), 1e-6);
    expect(result.thresholds.adoption).toBeCloseTo(0.2881, 4);
    expect(result.thresholds.volume).toBeCloseTo(0.3107, 4);
    expect(result.thresholds.cost).toBeCloseTo(3.2189, 4);
    expect(result.thresholds.realization).toBeCloseTo(0.2847, 4);
  });

  it('scores readiness and estimates the timeline', () => {
    expect(result.readiness.score).toBe(0);
    expect(result.readiness.progress).toBeCloseTo(0.65, 12);
    expect(result.readiness.blockers).toEqual(['Production data audited', 'Change management plan', 'Workflow redesign']);
    expect(result.readiness.patterns).toEqual(['adoption limited to enthusiasts', 'workflow unchanged']);
    expect(result.timeline).toEqual({ low: 4, high: 6, case: 'typical' });
    expect(result.transitionMonths).toBe(5);
  });

  it('reaches NOT READY with the checks of §7', () => {
    const bestNpv = -O + (0.9 * sumATarget - R) * (d[0] + d[1] + d[2]);
    expectRel(result.bestCaseNpv, bestNpv);
    expect(result.bestCaseNpv).toBeCloseTo(2013217.64, 1);
    expect(result.checks).toEqual({ economics: true, proof: false, ready: false, bestCase: true });
    expect(result.verdict).toBe('NOT READY');
  });

  it('gives reasons naming each blocker and each unproven metric, blockers first', () => {
    const reasons = result.reasons;
    expect(reasons[0]).toMatch(/Readiness row 3 "Production data audited"/);
    expect(reasons.some((r) => /Readiness row 9 "Workflow redesign".*owner/i.test(r))).toBe(true);
    expect(reasons.some((r) => /Metrics row 3 "Error rate".*97\.3%/.test(r))).toBe(true);
    expect(reasons.some((r) => /Metrics row 5 "Employee hours saved\/week".*80\.0%/.test(r))).toBe(true);
    expect(reasons.some((r) => /3\.18× the pilot \(alarm at 3\.00×\): Costs row 7 "Operations and support" is 8\.00× its pilot line/.test(r))).toBe(true);
    const blockerIndex = reasons.findIndex((r) => /Workflow redesign/.test(r));
    const metricIndex = reasons.findIndex((r) => /Error rate/.test(r));
    expect(blockerIndex).toBeLessThan(metricIndex);
  });
});

describe('bad input (SPEC §5)', () => {
  it('collects every problem of every table at once, each naming table, row and canonical column', () => {
    const input = sampleCase();
    input.metrics[2][1] = 'N/A'; // Error rate, Baseline
    input.metrics[0][2] = 'Goal'; // a synonym header: problems still say Target
    input.metrics[3][2] = 'tbd';
    input.costs[4][3] = '€15,000';
    input.assumptions = [['Name', 'Value'], ['Discount rate', 'ten percent']];
    const problems = checkCase(input);
    expect(problems.map((p) => [p.table, p.row, p.column])).toEqual([
      ['Assumptions', 2, 'Value'],
      ['Metrics', 3, 'Baseline'],
      ['Metrics', 4, 'Target'],
      ['Costs', 5, 'Annual'],
    ]);
    for (const p of problems) expect(p.message).not.toBe('');
    let thrown: unknown;
    try {
      evaluateCase(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CaseInputError);
    expect((thrown as CaseInputError).problems).toEqual(problems);
    expect((thrown as CaseInputError).message).toMatch(/^Assumptions row 2, Value: .* \(and 3 more problems\)$/);
  });

  it('warns when go-live is assumed for lack of a Readiness table', () => {
    const { readiness: _, ...rest } = sampleCase();
    const r = evaluateCase(rest);
    expect(r.transitionMonths).toBe(5);
    expect(r.warnings).toContain('No Readiness table and no Transition months: go-live is assumed after 5 months (the typical case).');
  });
});

describe('the number 0 in a column of words is a blank cell (SPEC §2)', () => {
  it('a Unit, Direction, Owner or Evidence of 0 changes nothing: the figures stay those of §7', () => {
    const input = sampleCase();
    for (const row of input.metrics.slice(1, 4)) {
      row[5] = 0; // Unit
      row[6] = 0; // Direction
    }
    input.readiness = input.readiness!.map((row, i) => (i === 0 ? row : [row[0], row[1], row[2], 0]));
    const r = evaluateCase(input);
    expect(r.npv).toBeCloseTo(1475525.91, 2);
    expect(r.verdict).toBe('NOT READY');
    expect(r.readiness.gates.every((g) => g.evidence === '')).toBe(true);
  });

  it('a Metric, Category, Gate or assumption Name of 0 is a blank label, a problem on that cell', () => {
    const input = sampleCase();
    input.metrics[2][0] = 0;
    input.costs[3][0] = 0;
    input.readiness![4][0] = 0;
    input.assumptions = [['Name', 'Value'], [0, '8%']];
    expect(checkCase(input).map((p) => [p.table, p.row, p.column])).toEqual([
      ['Assumptions', 2, 'Name'],
      ['Metrics', 3, 'Metric'],
      ['Costs', 4, 'Category'],
      ['Readiness', 5, 'Gate'],
    ]);
  });

  it('an Owner of 0 is no owner: the gate scores 0', () => {
    const input = sampleCase();
    input.readiness![1][2] = 0; // Executive sponsor
    const r = evaluateCase(input);
    expect(r.readiness.blockers[0]).toBe('Executive sponsor');
    expect(r.readiness.patterns).toContain('missing executive sponsor');
  });
});
