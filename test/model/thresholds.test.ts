import { evaluateCase } from '../../src/model';
import { planActions } from '../../src/model/actions';
import { ROOT_MAX_ITERATIONS } from '../../src/model/solve';
import { rampAtPlateau, threshold, type ThresholdCase } from '../../src/model/thresholds';
import { decide, type VerdictInput } from '../../src/model/verdict';
import { toppedRampCase } from '../support/cases';

describe('the adoption plateau (SPEC §3.5)', () => {
  it('caps the ramp at x up to its highest value', () => {
    expect(rampAtPlateau([0.1, 0.5, 1], 0.3)).toEqual([0.1, 0.3, 0.3]);
    expect(rampAtPlateau([0.1, 0.5, 1], 1)).toEqual([0.1, 0.5, 1]);
  });

  it('scales the whole ramp above its highest value, so its highest value is x', () => {
    expect(rampAtPlateau([0.1, 0.25], 0.5)).toEqual([0.2, 0.5]);
    expect(rampAtPlateau([0.25], 0.3)).toEqual([0.3]);
    expect(rampAtPlateau([0, 0], 0.4)).toEqual([0.4]);
  });
});

describe('a plan whose ramp tops out below 100% (SPEC §3.5)', () => {
  it('is PIVOT, and the adoption it needs lies above the ramp: 36,000 / 102,000 = 35.29%', () => {
    // Year 1 adoption-months: 3 × 10% + 9 × 25% = 2.55; the ramp scaled to a plateau x is 2.55 × x / 25% = 10.2x.
    // NPV(x) = 120,000 / 12 × 10.2x − 30,000 − 6,000 = 102,000x − 36,000, zero at x = 36,000 / 102,000.
    const r = evaluateCase(toppedRampCase());
    expect(r.npv).toBeCloseTo((120000 / 12) * 2.55 - 36000, 6); // −10,500: the plan does not pay
    expect(r.verdict).toBe('PIVOT');
    expect(r.thresholds.adoption).toBeCloseTo(36000 / 102000, 9);
    expect(r.reasons).toContain('Adoption must reach at least 35.3% for production to pay.');
  });
});

describe('a threshold whose solver reaches its iteration limit', () => {
  // toppedRampCase as a plan: $10,000 a month saved at full adoption, O 6,000, R 30,000, one year live from month 0, rate 0.
  const plan: ThresholdCase = {
    plan: { annualBenefit: 120_000, oneTime: 6_000, annualRun: 30_000, transitionMonths: 0, horizonYears: 1, ramp: [0.1, 0.25], benefitRisk: 0, costRisk: 0 },
    rate: 0,
    annualBenefitTarget: 120_000,
  };

  it('is "did not converge", a value: with its steps it is 36,000 / 102,000', () => {
    expect(threshold('adoption', plan)).toBeCloseTo(36000 / 102000, 9);
    expect(threshold('adoption', plan, 1)).toBe('did not converge');
    expect(threshold('cost', plan, 1)).toBe('did not converge');
    // The ends of the range are read before any step: a sign kept over the range needs none.
    expect(threshold('volume', { ...plan, plan: { ...plan.plan, annualBenefit: 0 } }, 1)).toBe('never');
  });

  it('is said in the reasons and the actions of a PIVOT, and the case’s other figures stand', () => {
    const result = evaluateCase(toppedRampCase());
    const input: VerdictInput = {
      ...result,
      costs: { lines: result.costs, pilotTotal: result.pilotTotal, oneTime: result.oneTime, annualRun: result.annualRun, ranges: [], problems: [], warnings: [] },
      economics: result,
      thresholds: { ...result.thresholds, adoption: 'did not converge' },
    };
    const decision = decide(input);
    expect(decision.verdict).toBe('PIVOT');
    expect(decision.reasons).toContain(
      `The adoption threshold did not converge within ${ROOT_MAX_ITERATIONS} steps of the solver: NPV changes sign across its range, but no value was pinned down.`,
    );
    expect(decision.reasons.some((r) => r.startsWith('Adoption must reach'))).toBe(false);
    expect(planActions({ ...input, verdict: decision.verdict, assumptionRows: {} }).some((a) => a.action.startsWith('Get adoption to'))).toBe(false);
  });
});
