// Payback over the runs of the monthly row (src/model/payback-runs.ts) against the monthly engine
// itself: finance.paybackPeriods on cashflow.monthlyFlows' net row, month by month, on SPEC §7 and
// on plans drawn at random (transition months, horizons, ramps, benefits and costs).
import fc from 'fast-check';
import { monthlyFlows, type CashflowPlan } from '../../src/model/cashflow';
import { paybackPeriods } from '../../src/model/finance';
import { MonthlyRuns } from '../../src/model/payback-runs';

/** SPEC §7's plan: ΣA 1,096,685.71, O 190,000, R 191,000, go-live after 5 months. */
const SEVEN: CashflowPlan = {
  annualBenefit: 375000 + 216000 + 130000 + (160 * 45 * 365.25) / 7,
  oneTime: 190000,
  annualRun: 191000,
  transitionMonths: 5,
  horizonYears: 3,
  ramp: [0.1, 0.5, 1],
  benefitRisk: 0.1,
  costRisk: 0,
};

function monthByMonth(plan: CashflowPlan): number | null {
  return paybackPeriods(monthlyFlows(plan).map((m) => m.net));
}

function expectSamePayback(plan: CashflowPlan): void {
  const fast = new MonthlyRuns(plan).payback(plan.annualBenefit, plan.oneTime, plan.annualRun);
  const slow = monthByMonth(plan);
  if (slow === null || fast === null) expect(fast).toBe(slow);
  else expect(Math.abs(fast - slow)).toBeLessThanOrEqual(1e-9 * Math.max(1, slow));
}

describe('MonthlyRuns.payback (SPEC §3.4)', () => {
  it('gives SPEC §7\'s 13.072 months: 13 + 4,777.90 / 66,334.76, from four runs instead of 41 months', () => {
    const runs = new MonthlyRuns(SEVEN);
    expect(runs.count).toBe(4); // the transition, then 10%, 50% and 100% adoption
    expect(runs.payback(SEVEN.annualBenefit, SEVEN.oneTime, SEVEN.annualRun)).toBeCloseTo(13 + 4777.9 / 66334.76, 5);
    expectSamePayback(SEVEN);
  });

  it('gives 0 when the cumulative never goes below zero, and none when it is below zero at the last month', () => {
    expect(new MonthlyRuns(SEVEN).payback(1e6, 0, 0)).toBe(0);
    expect(new MonthlyRuns(SEVEN).payback(0, 190000, 191000)).toBeNull();
  });

  it('puts all of O in month 0 when go-live is at once, as the monthly engine does', () => {
    const now = { ...SEVEN, transitionMonths: 0 };
    expectSamePayback(now);
    // A row that dips below zero again after crossing it pays back at its last crossing.
    expectSamePayback({ ...now, ramp: [1, 0, 0, 0, 1], oneTime: 100000, annualRun: 900000 });
  });

  it('equals the month-by-month payback on 2,000 plans drawn at random', () => {
    const plan = fc.record({
      annualBenefit: fc.double({ min: 0, max: 1e7, noNaN: true }),
      oneTime: fc.double({ min: 0, max: 1e7, noNaN: true }),
      annualRun: fc.double({ min: 0, max: 1e7, noNaN: true }),
      transitionMonths: fc.integer({ min: 0, max: 60 }),
      horizonYears: fc.integer({ min: 1, max: 12 }),
      ramp: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
      benefitRisk: fc.double({ min: 0, max: 0.9, noNaN: true }),
      costRisk: fc.double({ min: 0, max: 0.5, noNaN: true }),
    });
    fc.assert(fc.property(plan, expectSamePayback), { numRuns: 2000, seed: 13 });
  });
});
