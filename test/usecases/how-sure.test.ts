/**
 * "How sure?" planned for the pane (src/usecases/how-sure.ts): what it simulates, its figures as
 * the card writes money and shares, the histogram's bins and the tornado's data, pinned to the
 * guide's figures for the sample with ranges and to hand counts.
 */
import { evaluateCase, sampleCase, simulateCase, startSimulation } from '../../src/model';
import { binsOf, howSureFigures, planHowSure } from '../../src/usecases/how-sure';
import { rangedSampleCase } from '../support/ranges';

describe('planHowSure', () => {
  it('plans nothing to simulate and no tornado without ranges', () => {
    const plan = planHowSure(evaluateCase(sampleCase()), sampleCase());
    expect(plan.setup).toBeNull();
    expect(plan.tornado).toBeNull();
  });

  it('plans the ranges at 10,000 trials and seed 1, and the tornado largest swing first (the guide’s three)', () => {
    const input = rangedSampleCase();
    const plan = planHowSure(evaluateCase(input), input);
    expect(plan.setup?.ranges).toHaveLength(12);
    expect([plan.trials, plan.seed, plan.maxPayback]).toEqual([10_000, 1, '24.0 months']);
    const t = plan.tornado!;
    expect(t.labels.slice(0, 3)).toEqual(['Employee hours saved/week', 'Processing time per document', 'Integration']);
    expect([t.atLow[0], t.atHigh[0]].map(Math.round)).toEqual([1_200_552, 1_658_842]);
    expect(Math.round(t.npv)).toBe(1_475_526);
    expect(t.description).toMatch(/^NPV with one input at its low and at its high, .* around the NPV of \$1,475,526, .*: Employee hours saved\/week: \$1,200,552 at its low, \$1,658,842 at its high \(swing \$458,290\);/);
  });

  it('keeps the tornado when the tables are not at hand, with nothing to simulate', () => {
    const plan = planHowSure(evaluateCase(rangedSampleCase()), null);
    expect(plan.setup).toBeNull();
    expect(plan.tornado?.labels).toHaveLength(12);
  });
});

describe('howSureFigures', () => {
  it('writes the guide’s figures for the sample with ranges, and its trials and seed', () => {
    const input = rangedSampleCase();
    const run = startSimulation(input);
    run.advance(run.trials);
    const shown = howSureFigures(planHowSure(evaluateCase(input), input), run.result(), run.sortedNpv());
    expect(shown.figures.map((f) => `${f.label} ${f.value}`)).toEqual([
      'NPV P10 $1,224,297',
      'NPV P50 $1,372,659',
      'NPV P90 $1,520,532',
      'NPV mean $1,372,148',
      'P(NPV ≥ 0) 100.0%',
      'P(payback ≤ max) 100.0%',
    ]);
    expect(shown.trials).toBe('10,000 trials, seed 1');
    expect(shown.histogram.shareBelowZero).toBe('0.0% of trials have NPV below 0');
    expect(shown.histogram.bins.reduce((n, b) => n + b.count, 0)).toBe(10_000);
    expect(shown.histogram.markers.map((m) => m.label)).toEqual(['P10 $1,224,297', 'P50 $1,372,659', 'P90 $1,520,532']);
    expect(simulateCase(input)).toStrictEqual(run.result());
  });
});

describe('binsOf', () => {
  it('puts 0 on an edge, so each bin is wholly below 0 or not', () => {
    // Width (3 − (−1)) / 4 = 1: edges −1, 0, 1, 2, 3; the highest value stays in the last bin.
    const bins = binsOf(Float64Array.of(-1, -0.5, 0, 0.2, 1, 3), 4);
    expect(bins.map((b) => [b.from, b.to, b.count, b.belowZero])).toEqual([
      [-1, 0, 2, true],
      [0, 1, 2, false],
      [1, 2, 1, false],
      [2, 3, 1, false],
    ]);
  });

  it('gives one bin when every trial is the same, and none for no trials', () => {
    expect(binsOf(Float64Array.of(5, 5, 5), 24)).toEqual([{ from: 5, to: 5, count: 3, belowZero: false }]);
    expect(binsOf(new Float64Array(0), 24)).toEqual([]);
  });

  it('adds a bin where 0 on an edge shifts them: width 0.5 from −0.25 to 1.75', () => {
    const bins = binsOf(Float64Array.of(-0.25, 1.75), 4);
    expect(bins.map((b) => [b.from, b.to, b.count])).toEqual([
      [-0.5, 0, 1],
      [0, 0.5, 0],
      [0.5, 1, 0],
      [1, 1.5, 0],
      [1.5, 2, 1],
    ]);
  });
});
