/**
 * Ranges (SPEC §3.10): Low and High columns on Metrics and Costs. The value beside them is the
 * most likely, and Low ≤ likely ≤ High. On Metrics they bound the Pilot figure (under basis
 * `target`, the Target) in the metric's unit; on Costs the row's first-year production cost
 * (One-time + Annual, or the estimated Annual), a draw scaling One-time and Annual alike.
 */
import { formatMoney, quoted } from './format';
import type { Basis, Direction, Money } from './types';

/** Bounds that differ from the most likely figure by this little, relative to the figures, are in order: rounding cannot make a range out of order. */
export const RANGE_TOLERANCE = 1e-9;

interface RangeBase {
  /** Row in its table (1 = the header). */
  row: number;
  /** The metric's name or the cost's category. */
  label: string;
  low: number;
  likely: number;
  high: number;
}

/** A ranged metric: its annual value A as a function of the drawn figure, worked out once. */
export interface MetricRange extends RangeBase {
  table: 'Metrics';
  /** The figure the range bounds: the Pilot under basis evidence, the Target under basis target. */
  column: 'Pilot' | 'Target';
  baseline: number;
  /** 1 when lower is better, −1 when higher is better: the improvement at a figure x is sign × (baseline − x). */
  sign: 1 | -1;
  /** Δ, the improvement promised: under basis evidence the most a pilot figure counts for (SPEC §3.2's clamp). */
  improvement: number;
  /** The improvement used at the most likely figure. */
  improvementUsed: number;
  /** A per unit of improvement used, in the case currency a year; 0 for a non-monetary metric. */
  valuePerImprovement: Money;
  /** A at the most likely figure (0 for a non-monetary metric). */
  annualValue: Money;
}

/** A ranged cost row: a draw x scales its One-time and Annual by x / likely. */
export interface CostRange extends RangeBase {
  table: 'Costs';
  oneTime: Money;
  annual: Money;
}

/** One input with a range, drawn from PERT over low / likely / high; every other input is held. */
export type RangedInput = MetricRange | CostRange;

/** Reports a problem on a column of the row being read. */
export type Report = (column: string, message: string) => void;

/** The cells of a range as read: each end as a number (null when blank or unreadable) and as written. */
export interface RangeCells {
  low: number | null;
  high: number | null;
  lowGiven: boolean;
  highGiven: boolean;
  lowText: string;
  highText: string;
}

/**
 * The improvement used at a figure x of a ranged metric: sign × (baseline − x) under basis
 * target; under basis evidence that, clamped to [0, Δ] as SPEC §3.2 clamps the gap closed.
 *
 * @example
 *   // 12 min → 2 min, pilot ranged: 1.5 min counts as the 10 min promised, 13 min as nothing
 *   improvementAt({ column: 'Pilot', baseline: 12, sign: 1, improvement: 10 }, 1.5) // 10
 *   improvementAt({ column: 'Pilot', baseline: 12, sign: 1, improvement: 10 }, 13)  // 0
 */
export function improvementAt(r: Pick<MetricRange, 'column' | 'baseline' | 'sign' | 'improvement'>, x: number): number {
  const gained = r.sign * (r.baseline - x);
  if (r.column === 'Target') return gained;
  return gained <= 0 ? 0 : gained >= r.improvement ? r.improvement : gained;
}

/**
 * The annual value A of a ranged metric at a figure x, moved from its most likely A by the
 * change in improvement used; exactly its most likely A at x = likely.
 *
 * @example
 *   annualValueAt(range, range.likely) === range.annualValue // true
 */
export function annualValueAt(r: MetricRange, x: number): Money {
  return r.annualValue + r.valuePerImprovement * (improvementAt(r, x) - r.improvementUsed);
}

/** True when a range is given at all, with a problem on the blank end when only one is. */
function bothEnds(cells: RangeCells, figure: string, report: Report): boolean {
  if (!cells.lowGiven && !cells.highGiven) return false;
  if (!cells.lowGiven) report('Low', `a range needs both ends: High is ${quoted(cells.highText)} but Low is blank (expected the lowest the ${figure} could be)`);
  if (!cells.highGiven) report('High', `a range needs both ends: Low is ${quoted(cells.lowText)} but High is blank (expected the highest the ${figure} could be)`);
  return true;
}

/** Low ≤ likely ≤ High, else a problem on the end out of order. */
function inOrder(low: number, likely: number, high: number, cells: RangeCells, likelyText: string, report: Report): boolean {
  const slack = RANGE_TOLERANCE * Math.max(Math.abs(low), Math.abs(likely), Math.abs(high));
  let ok = true;
  if (low > likely + slack) {
    report('Low', `Low ${quoted(cells.lowText)} is above the most likely ${likelyText}: expected Low ≤ most likely ≤ High`);
    ok = false;
  }
  if (high < likely - slack) {
    report('High', `High ${quoted(cells.highText)} is below the most likely ${likelyText}: expected Low ≤ most likely ≤ High`);
    ok = false;
  }
  return ok;
}

/** What a ranged metric needs from its row, read and checked by evaluateMetric. */
export interface MetricRangeInput {
  row: number;
  label: string;
  basis: Basis;
  direction: Direction;
  baseline: number;
  target: number;
  pilot: number | null;
  improvement: number;
  baselineText: string;
  targetText: string;
  pilotText: string;
}

/**
 * Checks the Low and High of a metric row and returns its range without its money (the caller
 * adds A and A per unit of improvement); null when the row has no range or a problem.
 *
 * @example
 *   // 12 min → 2 min, pilot 2 min, Low 1.5 min, High 4 min (basis evidence)
 *   checkMetricRange(input, cells, report) // { column: 'Pilot', low: 1.5, likely: 2, high: 4, sign: 1, … }
 */
export function checkMetricRange(
  m: MetricRangeInput,
  cells: RangeCells,
  report: Report,
): Omit<MetricRange, 'valuePerImprovement' | 'annualValue'> | null {
  const column = m.basis === 'target' ? 'Target' : 'Pilot';
  const figure = m.basis === 'target' ? 'Target' : 'Pilot figure';
  if (!bothEnds(cells, figure, report)) return null;
  if (m.basis === 'evidence' && m.pilot === null) {
    report('Low', 'under basis evidence a range bounds the Pilot figure, and this metric has none: give the most likely Pilot figure beside Low and High (under basis target the range bounds the Target)');
    return null;
  }
  if (cells.low === null || cells.high === null) return null;
  const likely = m.basis === 'target' ? m.target : m.pilot!;
  const likelyText = m.basis === 'target' ? `Target ${quoted(m.targetText)}` : `Pilot ${quoted(m.pilotText)}`;
  if (!inOrder(cells.low, likely, cells.high, cells, likelyText, report)) return null;
  const sign = m.direction === 'lower' ? 1 : -1;
  if (m.basis === 'target') {
    // Every Target drawn must still improve on the baseline, or the case it stands for is no case.
    const better = m.direction === 'lower' ? 'below' : 'above';
    const ends = [
      ['Low', cells.low, cells.lowText],
      ['High', cells.high, cells.highText],
    ] as const;
    let ok = true;
    for (const [end, value, text] of ends) {
      if (!(sign * (m.baseline - value) > 0)) {
        report(end, `${end} ${quoted(text)} does not improve on the baseline ${quoted(m.baselineText)}: under basis target the range bounds the Target, so each end must be ${better} the baseline`);
        ok = false;
      }
    }
    if (!ok) return null;
  }
  const range = { table: 'Metrics', row: m.row, label: m.label, column, low: cells.low, likely, high: cells.high, baseline: m.baseline, sign, improvement: m.improvement } as const;
  return { ...range, improvementUsed: improvementAt(range, likely) };
}

/**
 * Checks the Low and High of a cost row against its first-year production cost (One-time +
 * Annual, or the estimated Annual); null when the row has no range or a problem.
 *
 * @example
 *   checkCostRange({ row: 3, label: 'Infrastructure', oneTime: 20000, annual: 30000 }, cells, 'USD', report)
 *   // Low 45,000 and High 80,000: { table: 'Costs', low: 45000, likely: 50000, high: 80000, … }
 */
export function checkCostRange(
  line: { row: number; label: string; oneTime: Money; annual: Money },
  cells: RangeCells,
  currency: string,
  report: Report,
): CostRange | null {
  if (!bothEnds(cells, "row's first-year production cost", report)) return null;
  if (cells.low === null || cells.high === null) return null;
  const likely = line.oneTime + line.annual;
  const likelyText = `first-year production cost ${formatMoney(likely, currency)} (One-time + Annual)`;
  if (!inOrder(cells.low, likely, cells.high, cells, likelyText, report)) return null;
  if (likely === 0 && (cells.low !== 0 || cells.high !== 0)) {
    report('Low', 'the row has no first-year production cost to scale (One-time + Annual is 0): a range needs a production figure beside it');
    return null;
  }
  return { table: 'Costs', row: line.row, label: line.label, low: cells.low, likely, high: cells.high, oneTime: line.oneTime, annual: line.annual };
}
