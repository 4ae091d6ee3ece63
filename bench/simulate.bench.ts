// The Monte Carlo simulation of SPEC §3.10 in Node: 10,000 trials of the sample with a Low and a
// High on every metric and cost, beside evaluateCase called once per trial on the same draws
// (the way a simulation would run without the engine's fast path); and calls at the work budget,
// one with many ranged inputs and one over the longest plan (1,200 transition months and 100 years
// live), which must each stay within a second.
import { performance } from 'node:perf_hooks';
import { DEFAULT_TRIALS, evaluateCase, prepareCase, sampleCase, simulateCase, type CaseInput, type Grid } from '../src/model';
import { MAX_TRIALS, percentileInc, WORK_BUDGET } from '../src/model/simulate';
import { drawTrials, rangedSampleCase, withValues } from '../test/support/ranges';
import { median, timeRuns } from './timing';
import type { BenchEntry } from './types';

const RUNS = 9;
/** The per-trial reference takes seconds a run: a few runs give its median. */
const REFERENCE_RUNS = 3;
const BUDGET_MS = 1000;
/** The fast path must be at least this many times faster than evaluateCase per trial. */
const SPEED_UP = 20;

/** `ranged` drawn hours metrics over a plan of the months given, with as many trials as the work budget allows. */
function atBudget(ranged: number, transitionMonths: number, horizon: number): { input: CaseInput; trials: number } {
  const metrics: Grid = [['Metric', 'Baseline', 'Target', 'Pilot', 'Low', 'High', 'Unit', 'Value per unit']];
  for (let i = 0; i < ranged; i++) metrics.push([`Hours saved ${i}`, 0, 20, 10, 5, 15, 'h/week', 45]);
  const assumptions: Grid = [['Name', 'Value'], ['Transition months', transitionMonths], ['Horizon', horizon]];
  const input = { ...sampleCase(), metrics, assumptions };
  // A trial costs its draws and about one more (simulate.ts).
  return { input, trials: Math.min(MAX_TRIALS, Math.floor(WORK_BUDGET / (ranged + 1))) };
}

function tenths(ms: number): number {
  return Math.round(ms * 10) / 10;
}

export default async function simulateBench(): Promise<BenchEntry[]> {
  const input = rangedSampleCase();
  const inputs = prepareCase(input).ranges;
  let seed = 0;
  const ours = await timeRuns(RUNS, () => simulateCase(input, { seed: ++seed }));

  // The reference: the same draws as seed 1's trials, each priced by evaluateCase on a plain case.
  const draws = drawTrials(inputs, 1, DEFAULT_TRIALS);
  const cases = draws.map((values) => withValues(input, values));
  const npvs = new Float64Array(DEFAULT_TRIALS);
  const reference: number[] = [];
  for (let run = 0; run < REFERENCE_RUNS; run++) {
    const start = performance.now();
    cases.forEach((trial, t) => (npvs[t] = evaluateCase(trial).npv));
    reference.push(performance.now() - start);
  }
  const fast = simulateCase(input, { seed: 1 });
  const slowP50 = percentileInc(npvs.sort(), 0.5);

  const oursMedian = median(ours);
  const referenceMedian = median(reference);
  const entries: BenchEntry[] = [
    {
      name: `simulateCase, ${DEFAULT_TRIALS.toLocaleString('en-US')} trials of the sample with ranges on its ${inputs.length} metrics and costs (Node)`,
      unit: 'ms',
      median: tenths(oursMedian),
      runs: ours.map(tenths),
      reference: { name: `evaluateCase once per trial on the same draws, ${DEFAULT_TRIALS.toLocaleString('en-US')} calls`, median: tenths(referenceMedian) },
      ratio: oursMedian / referenceMedian,
      budget: BUDGET_MS,
      note: `${Math.round(referenceMedian / oursMedian)}× faster than the reference (at least ${SPEED_UP}× wanted); NPV P50 ${fast.npv.p50.toFixed(2)} both ways (reference ${slowP50.toFixed(2)}); the parse and the point estimate included`,
    },
  ];

  for (const [ranged, transition, horizon] of [
    [149, 5, 3],
    [12, 1200, 100],
  ] as const) {
    const { input: heavy, trials } = atBudget(ranged, transition, horizon);
    const runs = await timeRuns(5, () => simulateCase(heavy, { trials, seed: ++seed }));
    entries.push({
      name: `simulateCase at the work budget: ${trials.toLocaleString('en-US')} trials of ${ranged} ranged inputs over ${(transition + 12 * horizon).toLocaleString('en-US')} months (Node)`,
      unit: 'ms',
      median: tenths(median(runs)),
      runs: runs.map(tenths),
      budget: BUDGET_MS,
      note: 'the most one call may do: more trials are refused with the number that fits',
    });
  }
  return entries;
}
