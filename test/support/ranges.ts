import { prepareCase, sampleCase } from '../../src/model';
import type { CaseInput, Cell, Grid } from '../../src/model';
import { PertSampler, pert } from '../../src/model/pert';
import { SeededRandom } from '../../src/model/random';
import type { RangedInput } from '../../src/model/ranges';
import { COSTS, METRICS, readTable } from '../../src/model/tables';

/**
 * The seed sample of SPEC §7 as Excel hands it over (bare numbers beside a Unit column, the
 * error rate as the fractions a percent-formatted cell holds), with a Low and a High on every
 * metric (around its Pilot figure, basis evidence) and every cost (around its first-year
 * production cost, One-time + Annual). At the most likely figures it is §7's case: NPV
 * 1,475,525.91. The Processing time's Low of 1.5 min lies beyond its 2 min target, where the
 * evidence basis clamps the gap closed at 1.
 *
 * @example
 *   evaluateCase(rangedSampleCase()).npv // 1475525.907…
 */
export function rangedSampleCase(): CaseInput {
  return {
    ...sampleCase(),
    metrics: [
      ['Metric', 'Baseline', 'Target', 'Pilot', 'Low', 'High', 'Timeline', 'Unit', 'Volume', 'Value per unit'],
      ['Processing time per document', 12, 2, 2, 1.5, 4, '90 days', 'min', '50,000 docs/year', '$45/h'],
      ['Error rate', 0.042, 0.005, 0.006, 0.004, 0.012, '90 days', null, '50,000 transactions/year', '$120 per error'],
      ['Cost per transaction', 3.4, 0.8, 0.8, 0.6, 1.4, '6 months', 'USD', '50,000 transactions/year', null],
      ['Employee hours saved/week', 0, 200, 160, 100, 220, '6 months', 'h/week', null, '$45/h'],
    ],
    costs: [
      ['Category', 'Pilot', 'One-time', 'Annual', 'Low', 'High'],
      ['Model and licences', 30000, null, 60000, 54000, 90000],
      ['Infrastructure', 15000, 20000, 30000, 45000, 80000],
      ['Security and compliance', 10000, 25000, 15000, 36000, 70000],
      ['Data remediation', 20000, 50000, 10000, 50000, 120000],
      ['Integration', 25000, 60000, 15000, 70000, 150000],
      ['Operations and support', 5000, null, 40000, 35000, 60000],
      ['Change management and training', 10000, 30000, 10000, 36000, 60000],
      ['Monitoring', 5000, 5000, 11000, 14000, 24000],
    ],
  };
}

/** The Low and High a person writes beside each of the sample's metrics (around its Pilot figure), as the cells hold them. */
export const SAMPLE_METRIC_RANGES: Cell[][] = [['Low', 'High'], ['1.5 min', '4 min'], ['0.4%', '1.2%'], ['$0.60', '$1.40'], [100, 220]];
/** The Low and High beside each of the sample's costs (around its first-year production cost, One-time + Annual). */
export const SAMPLE_COST_RANGES: Cell[][] = [
  ['Low', 'High'],
  [54000, 90000],
  [45000, 80000],
  [36000, 70000],
  [50000, 120000],
  [70000, 150000],
  [35000, 60000],
  [36000, 60000],
  [14000, 24000],
];

/**
 * The sample of SPEC §7 as pasted, with SAMPLE_METRIC_RANGES and SAMPLE_COST_RANGES beside its
 * Metrics and Costs tables: the ranges of rangedSampleCase, written as a person writes them.
 *
 * @example
 *   simulateCase(withSampleRanges()).npv.p50
 */
export function withSampleRanges(): CaseInput {
  const sample = sampleCase();
  const beside = (grid: Grid, ranges: Cell[][]): Grid => grid.map((row, r) => [...row, ...ranges[r]]);
  return { ...sample, metrics: beside(sample.metrics, SAMPLE_METRIC_RANGES), costs: beside(sample.costs, SAMPLE_COST_RANGES) };
}

/** A copy of `grid` without its Low and High columns. */
function withoutRanges(grid: Grid, columns: Record<string, number>): Grid {
  const drop = new Set([columns.Low, columns.High]);
  return grid.map((row) => row.filter((_, i) => !drop.has(i)));
}

/**
 * The case with each ranged input replaced by a value (one per range, in prepareCase's order:
 * Metrics then Costs, each in row order) and its Low and High columns removed: a plain case that
 * evaluateCase prices as one trial. A metric's value goes into its Pilot (or, under basis target,
 * Target) cell as a bare number, so the metric's cells must be bare numbers read through its Unit
 * column (as in rangedSampleCase); a cost's value is the row's first-year production cost, so its
 * One-time and Annual are scaled by value / likely.
 *
 * @example
 *   evaluateCase(withValues(rangedSampleCase(), [1.5, …])).npv // NPV of that trial
 */
export function withValues(input: CaseInput, values: readonly number[]): CaseInput {
  const ranges = prepareCase(input).ranges;
  if (values.length !== ranges.length) throw new Error(`expected ${ranges.length} values, got ${values.length}`);
  const metrics = input.metrics.map((row) => [...row]);
  const costs = input.costs.map((row) => [...row]);
  const metricColumns = readTable(metrics, METRICS).columns;
  const costColumns = readTable(costs, COSTS).columns;
  ranges.forEach((r, i) => {
    const x = values[i];
    if (r.table === 'Metrics') {
      metrics[r.row - 1][metricColumns[r.column]] = x;
      return;
    }
    const factor = x === r.likely ? 1 : x / r.likely;
    const row = costs[r.row - 1];
    const set = (column: string, value: Cell): void => {
      if (column in costColumns) row[costColumns[column]] = value;
    };
    set('One-time', r.oneTime * factor);
    set('Annual', r.annual * factor);
  });
  return { ...input, metrics: withoutRanges(metrics, metricColumns), costs: withoutRanges(costs, costColumns) };
}

/**
 * The values a simulation's trials draw, trial by trial: each ranged input in order from one
 * seeded generator, constants (Low = High) left at their most likely, as SimulationRun draws them.
 *
 * @example
 *   drawTrials(prepareCase(input).ranges, 1, 3) // three rows of one value per ranged input
 */
export function drawTrials(inputs: readonly RangedInput[], seed: number, trials: number): number[][] {
  const sampler = new PertSampler(new SeededRandom(seed));
  const perts = inputs.map((r) => pert(r.low, r.likely, r.high));
  const out: number[][] = [];
  for (let t = 0; t < trials; t++) out.push(inputs.map((r, i) => (r.high > r.low ? sampler.draw(perts[i]) : r.likely)));
  return out;
}
