// The Monte Carlo simulation (SPEC §3.10). Its fast path is checked against evaluateCase on the
// same drawn inputs, its probabilities against the beta CDF integrated by hand, its percentiles
// against Excel's PERCENTILE.INC, and with no ranges against SPEC §7's NPV.
import { CaseInputError, DEFAULT_TRIALS, ModelError, evaluateCase, prepareCase, sampleCase, simulateCase, startSimulation } from '../../src/model';
import type { CaseInput, Grid } from '../../src/model';
import { preparedPlan } from '../../src/model/case';
import { SimulationModel, percentileInc } from '../../src/model/simulate';
import { assumptionsGrid } from '../support/grids';
import { drawTrials, rangedSampleCase, withValues } from '../support/ranges';

/** SPEC §7's NPV, to the cent. */
const SEVEN_NPV = 1475525.91;

function modelOf(input: CaseInput): SimulationModel {
  const c = prepareCase(input);
  expect(c.problems).toEqual([]);
  return new SimulationModel(c, preparedPlan(c));
}

function expectRel(actual: number, expected: number, tolerance: number): void {
  const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1);
  if (error > tolerance) throw new Error(`expected ${expected}, got ${actual} (relative error ${error})`);
}

/** The CDF of Beta(α, β), integrated from its density by the trapezoid rule on 20,000 cells. */
function betaCdf(alpha: number, beta: number, x: number): number {
  const steps = 20_000;
  const density = (u: number): number => u ** (alpha - 1) * (1 - u) ** (beta - 1);
  let below = 0;
  let total = 0;
  for (let i = 0; i < steps; i++) {
    const cell = (density(i / steps) + density((i + 1) / steps)) / (2 * steps);
    total += cell;
    if ((i + 1) / steps <= x) below += cell;
  }
  return below / total;
}

/** A case with one ranged input: the Operations and support line's first-year cost, from 20,000 to 1,500,000 (most likely 40,000). */
function oneRangedCost(): CaseInput {
  const costs: Grid = sampleCase().costs.map((row, i) =>
    i === 0 ? [...row, 'Low', 'High'] : [...row, ...(row[0] === 'Operations and support' ? [20000, 1500000] : [null, null])],
  );
  return { ...sampleCase(), costs };
}

/** NPV linear in every input: pilot figures ranged inside [target, baseline] (no clamp), symmetric ranges. */
function linearCase(skewed = false): CaseInput {
  const up = skewed ? 3 : 1;
  return {
    ...rangedSampleCase(),
    metrics: [
      ['Metric', 'Baseline', 'Target', 'Pilot', 'Low', 'High', 'Timeline', 'Unit', 'Volume', 'Value per unit'],
      ['Processing time per document', 12, 2, 5, 4, 5 + up, '90 days', 'min', '50,000 docs/year', '$45/h'],
      ['Cost per transaction', 3.4, 0.8, 1.2, 1, 1.2 + 0.2 * up, '6 months', 'USD', '50,000 transactions/year', null],
      ['Employee hours saved/week', 0, 200, 160, 160 - 20 * up, 180, '6 months', 'h/week', null, '$45/h'],
    ],
    costs: [
      ['Category', 'Pilot', 'One-time', 'Annual', 'Low', 'High'],
      ['Infrastructure', 15000, 20000, 30000, 40000, 50000 + 10000 * up],
      ['Integration', 25000, 60000, 15000, 55000, 75000 + 20000 * up],
      ['Operations and support', 5000, null, 40000, 30000, 40000 + 10000 * up],
    ],
  };
}

/** Basis target, go-live at once: the ranges bound the Targets, one of them beyond the pilot's reach. */
function targetCase(): CaseInput {
  return {
    ...rangedSampleCase(),
    metrics: [
      ['Metric', 'Baseline', 'Target', 'Pilot', 'Low', 'High', 'Timeline', 'Unit', 'Volume', 'Value per unit'],
      ['Processing time per document', 12, 2, 5, 1.5, 3, '90 days', 'min', '50,000 docs/year', '$45/h'],
      ['Cost per transaction', 3.4, 0.8, 1.2, 0.6, 1, '6 months', 'USD', '50,000 transactions/year', null],
      ['Employee hours saved/week', 0, 200, 160, 150, 230, '6 months', 'h/week', null, '$45/h'],
    ],
    assumptions: assumptionsGrid({ 'Benefit basis': 'target', 'Transition months': 0 }),
  };
}

/** A Metrics table of `rows` ranged hours-saved metrics. */
function rangedHours(rows: number): Grid {
  const grid: Grid = [['Metric', 'Baseline', 'Target', 'Pilot', 'Low', 'High', 'Unit', 'Value per unit']];
  for (let i = 0; i < rows; i++) grid.push([`Hours ${i}`, 0, 20, 10, 5, 15, 'h/week', 45]);
  return grid;
}

describe('simulateCase (SPEC §3.10)', () => {
  it('with no ranges is the point estimate: every percentile and the mean are the NPV, §7\'s 1,475,525.91', () => {
    const s = simulateCase(sampleCase());
    const npv = evaluateCase(sampleCase()).npv;
    expect(Math.abs(npv - SEVEN_NPV)).toBeLessThan(0.005);
    expect(s).toEqual({ trials: 10000, seed: 1, npv: { p10: npv, p50: npv, p90: npv, mean: npv }, probabilityNpvNonNegative: 1, probabilityPaybackWithinMax: 1 });
  });

  it('gives the figures of evaluateCase for the same drawn inputs, trial by trial (NPV and payback)', () => {
    for (const input of [rangedSampleCase(), oneRangedCost(), linearCase(true), targetCase()]) {
      const model = modelOf(input);
      for (const values of drawTrials(model.inputs, 5, 6)) {
        const fast = model.outcome(values);
        const slow = evaluateCase(withValues(input, values));
        expectRel(fast.npv, slow.npv, 1e-10);
        expect(fast.paybackMonths === null).toBe(slow.paybackMonths === null);
        if (slow.paybackMonths !== null) expectRel(fast.paybackMonths!, slow.paybackMonths, 1e-9);
      }
    }
  });

  it('counts the evidence basis\'s clamp: a Pilot figure beyond the target is worth the promised improvement, no more', () => {
    const input = rangedSampleCase();
    const model = modelOf(input);
    const values = model.inputs.map((r) => r.likely);
    values[0] = 1.5; // 1.5 min, beyond the 2 min target: the gap closed is 1.05, counted as 1
    expect(model.outcome(values).npv).toBe(model.pointNpv);
    values[0] = 13; // worse than the 12 min baseline: the gap closed is negative, counted as 0
    expectRel(model.outcome(values).npv, evaluateCase(withValues(input, values)).npv, 1e-10);
    expect(model.outcome(values).npv).toBeLessThan(model.pointNpv);
  });

  it('runs its trials on those draws: the NPVs of a run are the model\'s at the values drawn in order', () => {
    const input = rangedSampleCase();
    const model = modelOf(input);
    const run = startSimulation(input, { trials: 50, seed: 9 });
    run.advance(50);
    const expected = drawTrials(model.inputs, 9, 50)
      .map((values) => model.outcome(values).npv)
      .sort((a, b) => a - b);
    expect(Array.from(run.sortedNpv())).toEqual(expected);
  });

  it('gives percentiles in order, and the same figures for the same seed on every run', () => {
    const first = simulateCase(rangedSampleCase(), { seed: 42 });
    const again = simulateCase(rangedSampleCase(), { seed: 42 });
    expect(again).toEqual(first);
    expect(first.npv.p10).toBeLessThan(first.npv.p50);
    expect(first.npv.p50).toBeLessThan(first.npv.p90);
    expect(simulateCase(rangedSampleCase(), { seed: 43 }).npv.p50).not.toBe(first.npv.p50);
  });

  it('puts P50 within 1% of the point NPV, and the mean there too, for symmetric ranges on a linear case', () => {
    const s = simulateCase(linearCase());
    const npv = evaluateCase(linearCase()).npv;
    expectRel(s.npv.p50, npv, 0.01);
    expectRel(s.npv.mean, npv, 0.01);
  });

  it('has as its mean, on a linear case with skewed ranges, the NPV at each input\'s PERT mean (a + 4m + b) / 6', () => {
    const input = linearCase(true);
    const means = prepareCase(input).ranges.map((r) => (r.low + 4 * r.likely + r.high) / 6);
    const s = simulateCase(input, { trials: 100_000 });
    expectRel(s.npv.mean, evaluateCase(withValues(input, means)).npv, 0.001);
    expect(s.npv.mean).not.toBeCloseTo(evaluateCase(input).npv, -3); // skewed: the mean moved away from the most likely
  });

  it('gives P(NPV ≥ 0) and P(payback ≤ max) of one ranged cost as the beta CDF at its break-even costs', () => {
    const input = { ...oneRangedCost(), assumptions: assumptionsGrid({ 'Max payback': 20 }) };
    const [r] = prepareCase(input).ranges;
    const alpha = 1 + (4 * (r.likely - r.low)) / (r.high - r.low);
    const beta = 1 + (4 * (r.high - r.likely)) / (r.high - r.low);
    const at = (x: number) => evaluateCase(withValues(input, [x]));
    // NPV is linear in the cost: its zero from the two ends.
    const npvLow = at(r.low).npv;
    const npvHigh = at(r.high).npv;
    const zero = r.low + (npvLow / (npvLow - npvHigh)) * (r.high - r.low);
    // Payback grows with the cost: the cost at which it reaches 20 months, by bisection on evaluateCase.
    let below = r.low;
    let above = r.high;
    for (let i = 0; i < 60; i++) {
      const mid = (below + above) / 2;
      const payback = at(mid).paybackMonths;
      if (payback !== null && payback <= 20) below = mid;
      else above = mid;
    }
    const trials = 100_000;
    const s = simulateCase(input, { trials });
    for (const [p, x] of [
      [s.probabilityNpvNonNegative, zero],
      [s.probabilityPaybackWithinMax, below],
    ]) {
      const expected = betaCdf(alpha, beta, (x - r.low) / (r.high - r.low));
      expect(expected).toBeGreaterThan(0.05);
      expect(expected).toBeLessThan(0.95);
      expect(Math.abs(p - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / trials));
    }
  });

  it('gives P(payback ≤ max) of 0 when no trial pays back within Max payback, and 1 when every one does', () => {
    const soon = simulateCase({ ...rangedSampleCase(), assumptions: assumptionsGrid({ 'Max payback': 6 }) }, { trials: 2000 });
    const late = simulateCase({ ...rangedSampleCase(), assumptions: assumptionsGrid({ 'Max payback': 41 }) }, { trials: 2000 });
    expect(soon.probabilityPaybackWithinMax).toBe(0);
    expect(late.probabilityPaybackWithinMax).toBe(1);
  });

  it('runs in batches to the figures of one call, for a host that shows progress', () => {
    const run = startSimulation(rangedSampleCase(), { trials: 5000, seed: 3 });
    expect(() => run.result()).toThrow(/has run 0 of 5000 trials/);
    expect(run.advance(NaN)).toBe(0);
    expect(run.advance(1234)).toBe(1234);
    expect(run.advance(10_000)).toBe(5000);
    expect(run.result()).toEqual(simulateCase(rangedSampleCase(), { trials: 5000, seed: 3 }));
  });

  it('throws CaseInputError on bad input, and a #NUM! error naming the limits for bad trials or seed', () => {
    const bad = { ...rangedSampleCase(), metrics: [['Metric', 'Baseline', 'Target'], ['Errors', 'N/A', '1%']] };
    expect(() => simulateCase(bad)).toThrow(CaseInputError);
    for (const trials of [0, 1.5, 100_001, NaN]) {
      expect(() => simulateCase(rangedSampleCase(), { trials })).toThrow(/trials must be a whole number from 1 to 100,000/);
    }
    expect(() => simulateCase(rangedSampleCase(), { seed: -1 })).toThrow(ModelError);
    expect(simulateCase(rangedSampleCase(), { trials: 1 }).trials).toBe(1);
  });

  it('refuses more work than a call can do within a second, saying how many trials it can run', () => {
    const many = { ...sampleCase(), metrics: rangedHours(50) };
    expect(simulateCase(many, { trials: DEFAULT_TRIALS }).trials).toBe(DEFAULT_TRIALS);
    // The budget, 1,500,000 draws, a trial's payback and bookkeeping counting as one more: 51 a trial.
    expect(() => simulateCase(many, { trials: 100_000 })).toThrow(
      `100,000 trials of 50 ranged inputs are more than one call can run within a second: use at most ${Math.floor(1.5e6 / 51).toLocaleString('en-US')} trials, or fewer ranges`,
    );
  });
});

describe('percentileInc, as Excel\'s PERCENTILE.INC', () => {
  it('interpolates between ranks (n − 1)·p: Microsoft\'s example =PERCENTILE.INC({1,3,2,4},0.3) is 1.9', () => {
    const sorted = Float64Array.of(1, 2, 3, 4);
    expect(percentileInc(sorted, 0.3)).toBeCloseTo(1.9, 14);
    expect(percentileInc(sorted, 0)).toBe(1);
    expect(percentileInc(sorted, 1)).toBe(4);
    expect(percentileInc(Float64Array.of(7), 0.9)).toBe(7);
  });
});

describe('evaluateCase with ranges (SPEC §3.10, last paragraph)', () => {
  it('states P(NPV ≥ 0) with P10, P50 and P90 in the reasons, from the default simulation', () => {
    const result = evaluateCase(rangedSampleCase());
    const s = simulateCase(rangedSampleCase());
    expect(result.simulation).toEqual(s);
    expect(result.reasons).toContain(
      `How sure: NPV ≥ 0 in 100.0% of 10,000 trials of the ranged inputs (P10 $${Math.round(s.npv.p10).toLocaleString('en-US')}, P50 $${Math.round(s.npv.p50).toLocaleString('en-US')}, P90 $${Math.round(s.npv.p90).toLocaleString('en-US')}; seed 1).`,
    );
    // With no ranges the case's simulation is its point estimate, and the reasons say nothing of it.
    expect(evaluateCase(sampleCase()).simulation).toEqual(simulateCase(sampleCase()));
    expect(evaluateCase(sampleCase()).reasons.join(' ')).not.toMatch(/How sure/);
  });

  it('says so when the economics pass at the most likely figures but NPV ≥ 0 in fewer than half the trials', () => {
    // Operations and support most likely at 600,000 a year (NPV still positive), up to 1,500,000.
    const costs: Grid = sampleCase().costs.map((row, i) =>
      i === 0 ? [...row, 'Low', 'High'] : row[0] === 'Operations and support' ? [row[0], row[1], null, 600000, null, 590000, 1500000] : [...row, null, null],
    );
    const input = { ...sampleCase(), costs, assumptions: assumptionsGrid({ 'Max payback': 36 }) };
    const result = evaluateCase(input);
    expect(result.checks.economics).toBe(true);
    const p = result.simulation!.probabilityNpvNonNegative;
    expect(p).toBeLessThan(0.5);
    const economics = result.reasons.findIndex((r) => r.startsWith('The economics pass:'));
    // The share below 0 to one decimal, rounded half up, from the count of trials: tenths of a percent are tens of trials.
    const below = 10000 - Math.round(p * 10000);
    const tenths = Math.floor((below + 5) / 10);
    expect(result.reasons[economics + 1]).toBe(
      `The economics pass only at the most likely figures: NPV is below 0 in ${Math.floor(tenths / 10)}.${tenths % 10}% of 10,000 trials of the ranged inputs.`,
    );
    expect(result.reasons[economics + 2]).toMatch(/^How sure: NPV ≥ 0 in/);
  });

  it('runs fewer trials when many ranges would take more than a second, and none, with a warning, when too few fit', () => {
    // The budget, 1,500,000 draws, a trial's payback and bookkeeping counting as one more.
    const some = evaluateCase({ ...sampleCase(), metrics: rangedHours(200) });
    expect(some.simulation!.trials).toBe(Math.floor(1.5e6 / 201));
    const none = evaluateCase({ ...sampleCase(), metrics: rangedHours(1600) });
    expect(none.simulation).toBeNull();
    expect(none.warnings).toContain(
      `1,600 ranged inputs are too many to simulate within a second (${Math.floor(1.5e6 / 1601)} trials at most), so the reasons give no P(NPV ≥ 0): keep ranges on the inputs that matter.`,
    );
  });
});
