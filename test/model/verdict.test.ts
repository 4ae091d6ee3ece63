import { evaluateCase, sampleCase } from '../../src/model';
import type { Grid } from '../../src/model';
import { readyCase, withRun } from '../support/cases';
import { assumptionsGrid, withCell } from '../support/grids';

describe('verdict table (SPEC §3.8)', () => {
  it('SCALE when economics, proof and readiness all hold', () => {
    const r = evaluateCase(readyCase());
    expect(r.checks).toEqual({ economics: true, proof: true, ready: true, bestCase: true });
    expect(r.verdict).toBe('SCALE');
    expect(r.reasons[0]).toMatch(/^NPV \$[\d,]+ over 3 years at 10\.0%/);
  });

  it('NOT READY when economics hold but a gate blocks', () => {
    const input = readyCase();
    const r = evaluateCase({ ...input, readiness: withCell(input.readiness as Grid, 'Executive sponsor', 'Status', 'no') });
    expect(r.verdict).toBe('NOT READY');
    expect(r.readiness.blockers).toEqual(['Executive sponsor']);
    expect(r.reasons[0]).toMatch(/Readiness row 2 "Executive sponsor" blocks production/);
    expect(r.readiness.patterns).toContain('missing executive sponsor');
  });

  it('NOT READY when a metric is unproven even though every gate passes', () => {
    const input = readyCase();
    const r = evaluateCase({ ...input, metrics: withCell(input.metrics, 'Error rate', 'Pilot', '1%') });
    expect(r.checks.proof).toBe(false);
    expect(r.verdict).toBe('NOT READY');
    expect(r.reasons[0]).toMatch(/Metrics row 3 "Error rate": the pilot closed 86\.5% of the gap/);
  });

  it('under basis target the case rests on promises, and proof still needs every metric proven', () => {
    const r = evaluateCase({ ...sampleCase(), assumptions: assumptionsGrid({ 'Benefit basis': 'target' }) });
    expect(r.checks.proof).toBe(false);
    expect(r.reasons.some((s) => /rests on promises/.test(s))).toBe(true);
    const ready = evaluateCase({ ...readyCase(), assumptions: assumptionsGrid({ 'Benefit basis': 'target' }) });
    expect(ready.verdict).toBe('SCALE');
    expect(ready.reasons.some((s) => /rests on promises.*proven anyway/.test(s))).toBe(true);
  });

  it('PIVOT when the plan does not pay but the best case does, with the thresholds that would make it pay', () => {
    const r = evaluateCase(withRun(readyCase(), 800000));
    expect(r.npv).toBeLessThan(0);
    expect(r.bestCaseNpv).toBeGreaterThanOrEqual(0);
    expect(r.verdict).toBe('PIVOT');
    expect(r.reasons[0]).toMatch(/NPV is \(\$[\d,]+\) over 3 years/);
    // the plateau can only lower adoption, so with NPV < 0 no adoption level pays and none is listed
    expect(r.thresholds.adoption).toBe('never');
    expect(r.reasons.some((s) => /adoption/i.test(s) && /must reach/.test(s))).toBe(false);
    // NPV is linear in volume: NPV(x) = x · PV benefits − PV costs. With every metric proven, ΣA = 1,196,607.14 a year,
    // k = ΣA / 12 × 90% a month; go-live after 3 months (best case), Year 1 holds 7.8 months of full adoption.
    // R = 191,000 − 40,000 + 800,000 = 951,000; O = 190,000; PV benefits = k (7.8/1.1 + 12/1.21 + 12/1.331) = 2,335,541.60,
    // PV costs = 190,000 + 951,000 (1/1.1 + 1/1.21 + 1/1.331) = 2,554,996.24, so x = 1.09396.
    const k = ((375000 + 222000 + 130000 + (200 * 45 * 365.25) / 7) / 12) * 0.9;
    const pvBenefits = k * (7.8 / 1.1 + 12 / 1.21 + 12 / 1.331);
    const pvCosts = 190000 + 951000 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331);
    expect(r.thresholds.volume).toBeCloseTo(pvCosts / pvBenefits, 6);
    expect(r.thresholds.volume).toBeCloseTo(1.09396, 5);
    expect(r.reasons).toContain('Volume must reach at least 1.09× the planned volume for production to pay.');
    expect(r.reasons.some((s) => /^Production costs must stay below 0\.9\d*× the planned costs/.test(s))).toBe(true);
    expect(r.reasons.some((s) => /^Production must deliver at least 109\.4% of the promised improvement/.test(s))).toBe(true);
  });

  it('PIVOT when NPV is positive but payback is later than allowed', () => {
    const r = evaluateCase({ ...readyCase(), assumptions: assumptionsGrid({ 'Max payback': '9 months' }) });
    expect(r.npv).toBeGreaterThan(0);
    expect(r.verdict).toBe('PIVOT');
    expect(r.reasons[0]).toMatch(/Payback 10\.7 months is later than the 9\.0 months allowed/);
  });

  it('PIVOT when ROI is below the hurdle', () => {
    const r = evaluateCase({ ...readyCase(), assumptions: assumptionsGrid({ 'Hurdle ROI': '500%' }) });
    expect(r.verdict).toBe('PIVOT');
    expect(r.reasons[0]).toMatch(/below the 500\.0% hurdle/);
  });

  it('KILL when even the best case does not pay, naming the volume that would', () => {
    const r = evaluateCase(withRun(readyCase(), 2000000));
    expect(r.bestCaseNpv).toBeLessThan(0);
    expect(r.verdict).toBe('KILL');
    expect(r.reasons[0]).toMatch(/^Even every promised improvement at full adoption from go-live does not pay back/);
    expect(r.reasons[1]).toMatch(/It would take [\d.]+× the planned volume/);
    expect(r.readiness.patterns).toContain('wrong use case for scale');
  });

  it('KILL says when no volume within 100× pays', () => {
    const r = evaluateCase(withRun(readyCase(), 1e9));
    expect(r.verdict).toBe('KILL');
    expect(r.thresholds.volume).toBe('never');
    expect(r.reasons[1]).toBe('No volume up to 100× the plan makes production pay.');
  });

  it('without production costs ROI is none and NPV alone decides', () => {
    const costs: Grid = [['Category', 'Pilot', 'One-time', 'Annual'], ['Model and licences', 1000, 0, 0]];
    const r = evaluateCase({ ...readyCase(), costs });
    expect(r.roi).toBeNull();
    expect(r.pvCosts).toBe(0);
    expect(r.paybackMonths).toBe(0);
    expect(r.verdict).toBe('SCALE');
  });

  it('reports budget variance when an approved budget is set', () => {
    const r = evaluateCase({ ...sampleCase(), assumptions: assumptionsGrid({ 'Approved production budget': '$300k' }) });
    expect(r.budgetVariance).toBeCloseTo(381000 / 300000, 12);
    expect(r.reasons.some((s) => /\$381,000 is 1\.27× the approved budget of \$300,000/.test(s))).toBe(true);
  });
});
