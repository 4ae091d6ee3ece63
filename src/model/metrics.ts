import { ModelError } from './errors';
import { cellText, isBlank, type TableRow } from './tables';
import type { Basis, Cell, Direction, Fraction, MetricResult, Money, Problem } from './types';
import type { Factor, UnitExpr } from './units';
import {
  NO_UNIT,
  PER_YEAR,
  convertUnit,
  currencyCode,
  divideUnits,
  hasRealUnit,
  isMoneyUnit,
  isPerTime,
  moneyPer,
  multiplyTo,
  numeratorOf,
  sameDimension,
  unitCurrency,
  unitLabel,
} from './units';
import { parseDuration, parseQuantity, parseUnit, type Quantity } from './values';

/** What a metric needs from the case's assumptions. */
export interface MetricContext {
  currency: string;
  basis: Basis;
  onTrackThreshold: Fraction;
}

export interface MetricEvaluation {
  result: MetricResult | null;
  problems: Problem[];
}

/** A gap closed this close below the threshold still counts, so rounding noise cannot flip a tie (SPEC §3.2). */
export const PROVEN_TOLERANCE = 1e-9;

const DIRECTION_WORDS: Readonly<Record<string, Direction>> = {
  lower: 'lower', less: 'lower', down: 'lower', decrease: 'lower', reduce: 'lower', minimize: 'lower',
  minimise: 'lower', smaller: 'lower', '↓': 'lower',
  higher: 'higher', more: 'higher', up: 'higher', increase: 'higher', maximize: 'higher',
  maximise: 'higher', larger: 'higher', bigger: 'higher', '↑': 'higher',
};

/**
 * Reads a Direction cell: `lower`/`higher` and synonyms (`down`, `up`, `lower is better` …);
 * null when blank (the direction is then inferred from Target vs Baseline).
 *
 * @example
 *   parseDirection('Lower is better') // 'lower'
 *   parseDirection(null)              // null
 */
export function parseDirection(cell: Cell): Direction | null {
  if (isBlank(cell)) return null;
  const word = cellText(cell).toLowerCase().replace(/\s+is\s+better$|\s+better$/, '').trim();
  const direction = DIRECTION_WORDS[word];
  if (!direction) {
    throw new ModelError('#VALUE!', `"${cellText(cell)}" is not a direction: expected lower or higher (or leave it blank to infer it from Target vs Baseline)`);
  }
  return direction;
}

function clamp(x: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, x));
}

/** No -0 leaves the engine. */
function plain(x: number): number {
  return x === 0 ? 0 : x;
}

/** Builds the checks of one row, collecting a problem per bad cell instead of stopping at the first. */
function rowChecker(row: TableRow) {
  const problems: Problem[] = [];
  const report = (column: string, message: string): void => {
    problems.push({ table: 'Metrics', row: row.row, column, message });
  };
  const attempt = <T>(column: string, read: () => T): T | null => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      report(column, error.message);
      return null;
    }
  };
  return { problems, report, attempt };
}

function written(q: Quantity): string {
  return unitLabel(q.unit) || (q.percent ? '%' : 'no unit');
}

/**
 * SPEC §3.2 for one row of the Metrics table: improvement, gap closed, proven, and the annual
 * value under the case's basis and under basis `target`. Every bad cell of the row becomes a
 * problem; the result is null when there is any.
 *
 * @example
 *   const row = { row: 2, cells: { Metric: 'Processing time', Baseline: '12 min', Target: '2 min', Pilot: '2 min',
 *     Timeline: '90 days', Unit: null, Direction: null, Volume: '50,000 docs/year', 'Value per unit': '$45/h' } };
 *   evaluateMetric(row, { currency: 'USD', basis: 'evidence', onTrackThreshold: 1 }).result?.annualValue // 375000 (to 1e-9)
 */
export function evaluateMetric(row: TableRow, ctx: MetricContext): MetricEvaluation {
  const { problems, report, attempt } = rowChecker(row);
  const cells = row.cells;
  const currency = currencyCode(ctx.currency);
  const sameCurrency = (column: string, q: Quantity | UnitExpr | null): void => {
    // A bare number's currency is the Unit column's, reported once on that column.
    const code = q === null || ('bare' in q && q.bare) ? null : 'unit' in q ? q.currency : unitCurrency(q);
    if (code !== null && code !== currency) {
      const text = q !== null && 'text' in q ? q.text : cellText(cells[column]);
      report(column, `"${text}" is in ${code}, but the case currency is ${currency}: there are no exchange rates`);
    }
  };

  const name = cellText(cells.Metric);
  if (name === '') report('Metric', 'the metric has no name: expected a label such as "Error rate"');

  const unitColumn = isBlank(cells.Unit) ? null : attempt('Unit', () => parseUnit(cellText(cells.Unit)));
  sameCurrency('Unit', unitColumn);
  const read = (column: 'Baseline' | 'Target' | 'Pilot', what: string): Quantity | null => {
    if (isBlank(cells[column])) {
      if (column !== 'Pilot') report(column, `the cell is blank: expected ${what}`);
      return null;
    }
    const q = attempt(column, () => parseQuantity(cells[column], unitColumn ?? NO_UNIT));
    sameCurrency(column, q);
    return q;
  };
  const baseline = read('Baseline', 'the value before the pilot');
  const target = read('Target', 'the production target');
  const pilot = read('Pilot', 'the pilot result');

  // The metric's unit: the Unit column's, else the first one written; the improvement is in the baseline's.
  const given = [baseline, target, pilot].filter((q): q is Quantity => q !== null);
  const reference = unitColumn ?? given.find((q) => !q.bare)?.unit ?? NO_UNIT;
  const metricUnit = baseline && !baseline.bare ? baseline.unit : reference;
  const inMetricUnit = (column: string, q: Quantity | null): number | null => {
    if (q === null) return null;
    // Plain numbers have no dimension; only the percent sign tells `4.2%` from `5 docs`.
    const percentClash = !q.bare && !hasRealUnit(reference) && q.percent !== reference.percent;
    if (!sameDimension(q.unit, reference) || percentClash) {
      const metric = unitLabel(reference) || 'plain numbers';
      report(
        column,
        q.bare
          ? `"${q.text}" has no unit, but the metric is in ${metric}: write the unit in the cell or fill the Unit column`
          : `"${q.text}" is in ${written(q)}, but the metric is in ${metric}`,
      );
      return null;
    }
    return convertUnit(q.value, q.unit, metricUnit);
  };
  const b = inMetricUnit('Baseline', baseline);
  const t = inMetricUnit('Target', target);
  const p = inMetricUnit('Pilot', pilot);

  const declared = attempt('Direction', () => parseDirection(cells.Direction));
  const volume = isBlank(cells.Volume) ? null : attempt('Volume', () => parseQuantity(cells.Volume, PER_YEAR));
  sameCurrency('Volume', volume);
  // A bare Value per unit is money per one unit of the metric's numerator (SPEC §3.1).
  const perUnit = divideUnits(moneyPer(currency, null), numeratorOf(metricUnit));
  const valuePerUnit = isBlank(cells['Value per unit'])
    ? null
    : attempt('Value per unit', () => parseQuantity(cells['Value per unit'], perUnit));
  sameCurrency('Value per unit', valuePerUnit);
  const timelineDays = isBlank(cells.Timeline) ? null : attempt('Timeline', () => parseDuration(cells.Timeline, 'days', 'days'));

  if (b === null || t === null) return { result: null, problems };
  const direction: Direction = declared ?? (t > b ? 'higher' : 'lower');
  const improvement = direction === 'lower' ? b - t : t - b;
  if (!(improvement > 0)) {
    report('Target', `target does not improve on baseline: with direction ${direction}, the target ${target!.text} must be ${direction === 'lower' ? 'below' : 'above'} the baseline ${baseline!.text}`);
  }
  const gapClosed = p === null || !(improvement > 0) ? null : plain((b - p) / (b - t));
  const proven = gapClosed !== null && gapClosed >= ctx.onTrackThreshold - PROVEN_TOLERANCE;
  const used = ctx.basis === 'target' ? improvement : gapClosed === null ? 0 : improvement * clamp(gapClosed, 0, 1);

  // Whether units combine is worth saying only once every cell that feeds A reads on its own.
  const feedsMoney = new Set(['Unit', 'Baseline', 'Target', 'Pilot', 'Volume', 'Value per unit']);
  if (problems.some((problem) => feedsMoney.has(problem.column))) return { result: null, problems };
  const money = annualValues(metricUnit, volume, valuePerUnit, { used, promised: improvement }, currency);
  for (const problem of money.problems) report(problem.column, problem.message);
  if (problems.length > 0) return { result: null, problems };

  return {
    result: {
      name,
      row: row.row,
      direction,
      improvement: plain(improvement),
      unit: hasRealUnit(metricUnit) || isMoneyUnit(metricUnit) ? unitLabel(metricUnit) : '',
      gapClosed,
      proven,
      annualValue: money.used,
      annualValueTarget: money.promised,
      hasPilot: p !== null,
      timelineDays,
    },
    problems,
  };
}

/** A unit for a sentence: `in USD/h`, `per year`, `a plain number`. */
function readable(unit: UnitExpr): string {
  const label = unitLabel(unit);
  if (label === '') return 'a plain number';
  return label.startsWith('/') ? `per ${label.slice(1).replace(/\//g, ' per ')}` : `in ${label}`;
}

interface AnnualValues {
  used: Money | null;
  promised: Money | null;
  problems: { column: string; message: string }[];
}

/** A = Δu × Volume × Value per unit, in the case currency per year (SPEC §3.2); null when non-monetary. */
function annualValues(
  metricUnit: UnitExpr,
  volume: Quantity | null,
  valuePerUnit: Quantity | null,
  improvement: { used: number; promised: number },
  currency: string,
): AnnualValues {
  const none: AnnualValues = { used: null, promised: null, problems: [] };
  if (!isMoneyUnit(metricUnit) && valuePerUnit === null) return none;
  const rate = isPerTime(metricUnit);
  if (!rate && volume === null) {
    const what = isMoneyUnit(metricUnit) ? `is in money (${unitLabel(metricUnit)})` : 'has a Value per unit';
    return {
      ...none,
      problems: [{
        column: 'Volume',
        message: `the metric ${what} but is not a rate per time, so it needs a Volume: how many a year (e.g. 50,000 docs/year)`,
      }],
    };
  }
  const others: Factor[] = [volume, valuePerUnit].flatMap((q) => (q ? [{ value: q.value, unit: q.unit }] : []));
  const target = moneyPer(currency, 'year');
  const annual = (delta: number): number | null => multiplyTo([{ value: delta, unit: metricUnit }, ...others], target);
  const used = annual(improvement.used);
  const promised = annual(improvement.promised);
  if (used === null || promised === null || !Number.isFinite(used) || !Number.isFinite(promised)) {
    const parts = [`the metric is ${readable(metricUnit)}`];
    if (volume) parts.push(`the Volume "${volume.text}" is ${readable(volume.unit)}`);
    if (valuePerUnit) parts.push(`the Value per unit "${valuePerUnit.text}" is ${readable(valuePerUnit.unit)}`);
    return {
      ...none,
      problems: [{
        column: valuePerUnit ? 'Value per unit' : 'Volume',
        message: `units do not combine into ${currency} per year: ${parts.join(', ')}`,
      }],
    };
  }
  return { used: plain(used), promised: plain(promised), problems: [] };
}
