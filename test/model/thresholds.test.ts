import { evaluateCase } from '../../src/model';
import { rampAtPlateau } from '../../src/model/thresholds';
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
