/**
 * "How sure?" on the decision card (SPEC §3.10): what the pane simulates, and the figures and
 * charts it shows once the simulation has run, planned here so the pane draws them and computes
 * nothing. The simulation itself runs in the pane (a Web Worker, in slices) from the plain-data
 * setup planned here; its figures are simulateCase's for the same trials and seed.
 */
import { DEFAULT_SEED, DEFAULT_TRIALS, simulationSetup } from '../model';
import type { CaseInput, CaseResult, PlannedSimulation, Simulation, TornadoBar } from '../model';
import { formatMoney, formatMonths, formatPercent } from '../model/format';
import type { CardFigure } from './card';

/** The ranged inputs by NPV swing: for each, NPV with it at its Low and at its High, largest swing first. */
export interface TornadoChart {
  /** The metric's name or the cost's category, largest swing first. */
  labels: string[];
  /** The point estimate the bars run from. */
  npv: number;
  atLow: number[];
  atHigh: number[];
  currency: string;
  /** What the bars run from, for the eye: `Each bar runs from the NPV, $1,475,526, …`. */
  caption: string;
  description: string;
}

/** What the section simulates and shows before it has run. */
export interface HowSurePlan {
  /** The simulation to run, as plain data a Web Worker can be handed; null when the case has no ranges. */
  setup: PlannedSimulation | null;
  trials: number;
  seed: number;
  currency: string;
  /** `24.0 months`. */
  maxPayback: string;
  /** null when the case has no ranges. */
  tornado: TornadoChart | null;
}

/** One bar of the histogram: the trials whose NPV is in [from, to). */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
  /** The whole bin is below 0 (0 is always an edge, so no bin holds both sides). */
  belowZero: boolean;
}

/** The NPV distribution: bins of equal width, P10, P50 and P90 marked. */
export interface HistogramChart {
  bins: HistogramBin[];
  markers: { label: string; value: number }[];
  /** `2.5% of trials have NPV below 0`. */
  shareBelowZero: string;
  currency: string;
  description: string;
}

/** The section once the simulation has run. */
export interface HowSureFigures {
  figures: CardFigure[];
  histogram: HistogramChart;
  /** `10,000 trials, seed 1`. */
  trials: string;
}

/** The histogram's bars, about this many across the trials' range. */
export const HISTOGRAM_BINS = 24;

/**
 * What "How sure?" simulates for a result: nothing without ranges (the section then says how to
 * add them), else the case's ranges at the default trials and seed, and its tornado.
 *
 * @example
 *   planHowSure(evaluateCase(rangedCase), rangedCase).setup?.ranges.length // 12
 *   planHowSure(evaluateCase(sampleCase()), sampleCase()).setup // null (no ranges)
 */
export function planHowSure(result: CaseResult, input: CaseInput | null): HowSurePlan {
  const a = result.assumptions;
  const ranged = result.tornado.length > 0;
  return {
    setup: ranged && input ? simulationSetup(input) : null,
    trials: DEFAULT_TRIALS,
    seed: DEFAULT_SEED,
    currency: a.currency,
    maxPayback: formatMonths(a.maxPaybackMonths),
    tornado: ranged ? tornadoChart(result.tornado, result.npv, a.currency) : null,
  };
}

function tornadoChart(bars: readonly TornadoBar[], npv: number, currency: string): TornadoChart {
  const m = (x: number) => formatMoney(x, currency);
  const each = bars.map((b) => `${b.label}: ${m(b.npvLow)} at its low, ${m(b.npvHigh)} at its high (swing ${m(b.swing)})`);
  return {
    labels: bars.map((b) => b.label),
    npv,
    atLow: bars.map((b) => b.npvLow),
    atHigh: bars.map((b) => b.npvHigh),
    currency,
    caption: `Each bar runs from the NPV, ${m(npv)}, to the NPV with that input at its low or at its high; the largest swing is on top.`,
    description: `NPV with one input at its low and at its high, every other at its most likely, around the NPV of ${m(npv)}, largest swing first: ${each.join('; ')}.`,
  };
}

/**
 * The figures and the histogram of a simulation that has run, from its summary and its NPVs
 * sorted ascending (SimulationRun.sortedNpv).
 *
 * @example
 *   howSureFigures(plan, run.result(), run.sortedNpv()).figures[0] // { label: 'NPV P10', value: '$1,224,297', … }
 */
export function howSureFigures(plan: HowSurePlan, s: Simulation, sortedNpv: ArrayLike<number>): HowSureFigures {
  const m = (x: number) => formatMoney(x, plan.currency);
  return {
    figures: [
      { label: 'NPV P10', value: m(s.npv.p10), note: '9 in 10 trials above' },
      { label: 'NPV P50', value: m(s.npv.p50), note: 'the median' },
      { label: 'NPV P90', value: m(s.npv.p90), note: '1 in 10 trials above' },
      { label: 'NPV mean', value: m(s.npv.mean), note: 'over every trial' },
      { label: 'P(NPV ≥ 0)', value: formatPercent(s.probabilityNpvNonNegative), note: 'share of trials' },
      { label: `P(payback ≤ max)`, value: formatPercent(s.probabilityPaybackWithinMax), note: `max ${plan.maxPayback}` },
    ],
    histogram: histogram(sortedNpv, s, plan.currency),
    trials: `${s.trials.toLocaleString('en-US')} trials, seed ${s.seed}`,
  };
}

/**
 * Bins of equal width with 0 on an edge, so a bar is wholly below 0 or wholly at or above it.
 *
 * @example
 *   binsOf(Float64Array.of(-1, 0, 1, 2), 3) // [-1, 0): 1, [0, 1): 1, [1, 2]: 2
 */
export function binsOf(sorted: ArrayLike<number>, bins: number): HistogramBin[] {
  const n = sorted.length;
  if (n === 0) return [];
  const low = sorted[0];
  const high = sorted[n - 1];
  const width = (high - low) / bins;
  // Edges at whole multiples of the width: 0 is one of them.
  const first = Math.floor(low / width);
  const last = Math.max(first + 1, Math.ceil(high / width));
  // One bin when the trials do not spread (or spread less than a double can cut into bins).
  if (!(width > 0) || !Number.isFinite(first) || !Number.isFinite(last)) return [{ from: low, to: high, count: n, belowZero: high < 0 }];
  const out: HistogramBin[] = [];
  for (let k = first; k < last; k++) {
    const from = k * width + 0;
    const to = (k + 1) * width + 0;
    out.push({ from, to, count: 0, belowZero: to <= 0 });
  }
  let bin = 0;
  for (let i = 0; i < n; i++) {
    // The last bin holds its upper edge (the highest trial).
    while (bin < out.length - 1 && sorted[i] >= out[bin].to) bin++;
    out[bin].count++;
  }
  return out;
}

function histogram(sorted: ArrayLike<number>, s: Simulation, currency: string): HistogramChart {
  const m = (x: number) => formatMoney(x, currency);
  const bins = binsOf(sorted, HISTOGRAM_BINS);
  const below = 1 - s.probabilityNpvNonNegative;
  const shareBelowZero = `${formatPercent(below)} of trials have NPV below 0`;
  const markers = [
    { label: `P10 ${m(s.npv.p10)}`, value: s.npv.p10 },
    { label: `P50 ${m(s.npv.p50)}`, value: s.npv.p50 },
    { label: `P90 ${m(s.npv.p90)}`, value: s.npv.p90 },
  ];
  const each = bins.map((b) => `${m(b.from)} to ${m(b.to)}: ${b.count.toLocaleString('en-US')}`);
  return {
    bins,
    markers,
    shareBelowZero,
    currency,
    description: `NPV over ${s.trials.toLocaleString('en-US')} trials in ${currency}: ${markers.map((x) => x.label).join(', ')}; ${shareBelowZero}. Trials by NPV: ${each.join('; ')}.`,
  };
}
