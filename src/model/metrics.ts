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
  timeUnit,
  unitCurrency,
  unitLabel,
} from './units';
import { parseDuration, parseQuantity, parseUnit, type Quantity } from './values';
import { checkMetricRange, type MetricRange } from './ranges';
import { excerpt, quoted } from './format';

/** What a metric needs from the case's assumptions. */
export interface MetricContext {
  currency: string;
  basis: Basis;
  onTrackThreshold: Fraction;
}

export interface MetricEvaluation {
  result: MetricResult | null;
  problems: Problem[];
  /** The row's Low / High range (SPEC §3.10), when it has one and the row has no problem. */
  range?: MetricRange;
}

/** A gap closed this close below the threshold still counts, so rounding noise cannot flip a tie (SPEC §3.2). */
export const PROVEN_TOLERANCE = 1e-9;

/** A Map, as the cell's text is the key: `constructor` must find nothing, not Object's constructor. */
const DIRECTION_WORDS: ReadonlyMap<string, Direction> = new Map(
  Object.entries({
    lower: 'lower', less: 'lower', down: 'lower', decrease: 'lower', reduce: 'lower', minimize: 'lower',
    minimise: 'lower', smaller: 'lower', '↓': 'lower',
    higher: 'higher', more: 'higher', up: 'higher', increase: 'higher', maximize: 'higher',
    maximise: 'higher', larger: 'higher', bigger: 'higher', '↑': 'higher',
  } as const),
);

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
  // Words, not a regex: `\s+is\s+better$` tries every start in a run of spaces, quadratic in a 32,767-character cell.
  const words = cellText(cell).toLowerCase().split(/\s+/);
  if (words.length > 1 && words[words.length - 1] === 'better') {
    words.pop();
    if (words.length > 1 && words[words.length - 1] === 'is') words.pop();
  }
  const word = words.join(' ');
  const direction = DIRECTION_WORDS.get(word);
  if (!direction) {
    throw new ModelError('#VALUE!', `${quoted(cellText(cell))} is not a direction: expected lower or higher (or leave it blank to infer it from Target vs Baseline)`);
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

/**
 * The checks of one row, collecting a problem per bad cell instead of stopping at the first.
 * Readers are called with their arguments rather than wrapped in closures: this runs for every
 * cell of a pasted table.
 */
class RowChecks {
  readonly problems: Problem[] = [];

  constructor(
    private readonly row: TableRow,
    private readonly currency: string,
  ) {}

  report(column: string, message: string): void {
    this.problems.push({ table: 'Metrics', row: this.row.row, column, message });
  }

  /** `read(a, b)`, or null once its ModelError is reported under `column`. */
  attempt<A, B, T>(column: string, read: (a: A, b?: B) => T, a: A, b?: B): T | null {
    try {
      return read(a, b);
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      this.report(column, error.message);
      return null;
    }
  }

  /** A value in another currency than the case's. A bare number's currency is the Unit column's, reported once on that column. */
  sameCurrency(column: string, q: Quantity | null): void {
    if (q !== null && !q.bare) this.inCaseCurrency(column, q.currency, q.text);
  }

  inCaseCurrency(column: string, code: string | null, text: string): void {
    if (code !== null && code !== this.currency) {
      this.report(column, `${quoted(text)} is in ${code}, but the case currency is ${this.currency}: there are no exchange rates`);
    }
  }

  /** Baseline, Target or Pilot as written (a bare number in the Unit column's unit); null when blank or bad. */
  value(column: 'Baseline' | 'Target' | 'Pilot' | 'Low' | 'High', what: string, unitColumn: UnitExpr | null): Quantity | null {
    const cell = this.row.cells[column];
    if (isBlank(cell)) {
      if (column === 'Baseline' || column === 'Target') this.report(column, `the cell is blank: expected ${what}`);
      return null;
    }
    const q = this.attempt(column, parseQuantity, cell, unitColumn ?? NO_UNIT);
    this.sameCurrency(column, q);
    return q;
  }

  /** A value of the metric in `metricUnit`, once its unit is checked against `reference`; null when it does not fit. */
  inMetricUnit(column: string, q: Quantity | null, reference: UnitExpr, metricUnit: UnitExpr): number | null {
    if (q === null) return null;
    // Plain numbers have no dimension; only the percent sign tells `4.2%` from `5 docs`.
    const percentClash = !q.bare && !hasRealUnit(reference) && q.percent !== reference.percent;
    if (!sameDimension(q.unit, reference) || percentClash) {
      const metric = label(reference) || 'plain numbers';
      this.report(
        column,
        q.bare
          ? `${quoted(q.text)} has no unit, but the metric is in ${metric}: write the unit in the cell or fill the Unit column`
          : `${quoted(q.text)} is in ${written(q)}, but the metric is in ${metric}`,
      );
      return null;
    }
    // The Unit column and a unit written in the Baseline can disagree with each other.
    if (!sameDimension(q.unit, metricUnit)) {
      const shown = (u: UnitExpr): string => label(u) || 'a plain number';
      this.report(column, `${quoted(q.text)} reads as ${shown(q.unit)}, which cannot be compared with the baseline's ${shown(metricUnit)}`);
      return null;
    }
    return convertUnit(q.value, q.unit, metricUnit);
  }
}

/** The columns whose cells go into the annual value A. */
const FEEDS_MONEY: ReadonlySet<string> = new Set(['Unit', 'Baseline', 'Target', 'Pilot', 'Volume', 'Value per unit']);
const feedsMoney = (problem: Problem): boolean => FEEDS_MONEY.has(problem.column);

const readUnitCell = (cell: Cell): UnitExpr => parseUnit(cellText(cell));
const readDays = (cell: Cell): number => parseDuration(cell, 'days', 'days');

/**
 * A Volume is how many a year (SPEC §2.1): a bare number, or a count with no time such as
 * `50,000 docs`, is per year; a Volume with a time of its own (`4,000 claims/month`) keeps it.
 *
 * @example
 *   unitLabel(readVolume('50,000 docs').unit) // 'docs/year'
 *   unitLabel(readVolume(50000).unit)         // '/year'
 */
export function readVolume(cell: Cell): Quantity {
  const q = parseQuantity(cell, PER_YEAR);
  const { numerator, denominator, percent } = q.unit;
  const count = !q.bare && !percent && denominator.length === 0 && numerator.every((t) => t.mathName === null);
  return count ? { ...q, unit: divideUnits(q.unit, timeUnit('year')) } : q;
}

/** A unit as a message names it: a unit of long words by its start (see excerpt). */
function label(unit: UnitExpr): string {
  return excerpt(unitLabel(unit));
}

function written(q: Quantity): string {
  return label(q.unit) || (q.percent ? '%' : 'no unit');
}

/** The unit of the first of the values that has one written. */
function firstWrittenUnit(...values: (Quantity | null)[]): UnitExpr | undefined {
  for (const q of values) if (q !== null && !q.bare) return q.unit;
  return undefined;
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
  const cells = row.cells;
  const currency = currencyCode(ctx.currency);
  const checks = new RowChecks(row, currency);
  const { problems } = checks;

  const name = cellText(cells.Metric);
  if (name === '') checks.report('Metric', 'the metric has no name: expected a label such as "Error rate"');

  const unitColumn = isBlank(cells.Unit) ? null : checks.attempt('Unit', readUnitCell, cells.Unit);
  if (unitColumn !== null) checks.inCaseCurrency('Unit', unitCurrency(unitColumn), cellText(cells.Unit));
  const baseline = checks.value('Baseline', 'the value before the pilot', unitColumn);
  const target = checks.value('Target', 'the production target', unitColumn);
  const pilot = checks.value('Pilot', 'the pilot result', unitColumn);

  // The metric's unit: the Unit column's, else the first one written; the improvement is in the baseline's.
  const reference = unitColumn ?? firstWrittenUnit(baseline, target, pilot) ?? NO_UNIT;
  const metricUnit = baseline && !baseline.bare ? baseline.unit : reference;
  const b = checks.inMetricUnit('Baseline', baseline, reference, metricUnit);
  const t = checks.inMetricUnit('Target', target, reference, metricUnit);
  const p = checks.inMetricUnit('Pilot', pilot, reference, metricUnit);
  const lowEnd = checks.value('Low', 'the low end of the range', unitColumn);
  const highEnd = checks.value('High', 'the high end of the range', unitColumn);
  const low = checks.inMetricUnit('Low', lowEnd, reference, metricUnit);
  const high = checks.inMetricUnit('High', highEnd, reference, metricUnit);

  const declared = checks.attempt('Direction', parseDirection, cells.Direction);
  const volume = isBlank(cells.Volume) ? null : checks.attempt('Volume', readVolume, cells.Volume);
  checks.sameCurrency('Volume', volume);
  if (volume !== null && volume.value < 0) checks.report('Volume', `${quoted(volume.text)} is negative: expected how many a year, 0 or more`);
  // A bare Value per unit is money per one unit of the metric's numerator (SPEC §3.1).
  const valuePerUnit = isBlank(cells['Value per unit'])
    ? null
    : checks.attempt('Value per unit', parseQuantity, cells['Value per unit'], divideUnits(moneyPer(currency, null), numeratorOf(metricUnit)));
  checks.sameCurrency('Value per unit', valuePerUnit);
  const timelineDays = isBlank(cells.Timeline) ? null : checks.attempt('Timeline', readDays, cells.Timeline);

  if (b === null || t === null) return { result: null, problems };
  const direction: Direction = declared ?? (t > b ? 'higher' : 'lower');
  const improvement = direction === 'lower' ? b - t : t - b;
  if (!(improvement > 0)) {
    checks.report('Target', `target does not improve on baseline: with direction ${direction}, the target ${excerpt(target!.text)} must be ${direction === 'lower' ? 'below' : 'above'} the baseline ${excerpt(baseline!.text)}`);
  }
  const gapClosed = p === null || !(improvement > 0) ? null : plain((b - p) / (b - t));
  if (gapClosed !== null && !Number.isFinite(gapClosed)) {
    checks.report('Target', `the target ${excerpt(target!.text)} is so close to the baseline ${excerpt(baseline!.text)} that the gap closed, (Baseline − Pilot) / (Baseline − Target), is too large to be a number: expected a target further from the baseline`);
  }
  const ranged = !(improvement > 0)
    ? null
    : checkMetricRange(
        { row: row.row, label: name, basis: ctx.basis, direction, baseline: b, target: t, pilot: p, improvement,
          baselineText: baseline!.text, targetText: target!.text, pilotText: pilot?.text ?? '' },
        { low, high, lowGiven: !isBlank(cells.Low), highGiven: !isBlank(cells.High), lowText: lowEnd?.text ?? '', highText: highEnd?.text ?? '' },
        (column, message) => checks.report(column, message),
      );
  const proven = gapClosed !== null && gapClosed >= ctx.onTrackThreshold - PROVEN_TOLERANCE;
  const used = ctx.basis === 'target' ? improvement : gapClosed === null ? 0 : improvement * clamp(gapClosed, 0, 1);

  // Whether units combine is worth saying only once every cell that feeds A reads on its own.
  if (problems.some(feedsMoney)) return { result: null, problems };
  const money = annualValues(metricUnit, volume, valuePerUnit, used, improvement, currency);
  if (money.problem) checks.report(money.problem.column, money.problem.message);
  if (problems.length > 0) return { result: null, problems };
  // A is linear in the improvement used, so a ranged metric's A moves by A-per-unit × the change.
  const range: MetricRange | undefined = ranged
    ? { ...ranged, annualValue: money.used ?? 0, valuePerImprovement: annualValues(metricUnit, volume, valuePerUnit, 1, 1, currency).used ?? 0 }
    : undefined;

  return {
    range,
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
  const text = label(unit);
  if (text === '') return 'a plain number';
  return text.startsWith('/') ? `per ${text.slice(1).replace(/\//g, ' per ')}` : `in ${text}`;
}

interface AnnualValues {
  used: Money | null;
  promised: Money | null;
  problem: { column: string; message: string } | null;
}

/** Δu × Volume × Value per unit: the factors of A for an improvement `delta`. */
function annualFactors(delta: number, metricUnit: UnitExpr, volume: Quantity | null, valuePerUnit: Quantity | null): Factor[] {
  const factors: Factor[] = [{ value: delta, unit: metricUnit }];
  if (volume) factors.push(volume);
  if (valuePerUnit) factors.push(valuePerUnit);
  return factors;
}

/** A = Δu × Volume × Value per unit, in the case currency per year (SPEC §3.2), for the improvement used and the one promised; null when non-monetary. */
function annualValues(
  metricUnit: UnitExpr,
  volume: Quantity | null,
  valuePerUnit: Quantity | null,
  usedImprovement: number,
  promisedImprovement: number,
  currency: string,
): AnnualValues {
  if (!isMoneyUnit(metricUnit) && valuePerUnit === null) return { used: null, promised: null, problem: null };
  const rate = isPerTime(metricUnit);
  if (!rate && volume === null) {
    const what = isMoneyUnit(metricUnit) ? `is in money (${label(metricUnit)})` : 'has a Value per unit';
    return {
      used: null,
      promised: null,
      problem: {
        column: 'Volume',
        message: `the metric ${what} but is not a rate per time, so it needs a Volume: how many a year (e.g. 50,000 docs/year)`,
      },
    };
  }
  const target = moneyPer(currency, 'year');
  const used = multiplyTo(annualFactors(usedImprovement, metricUnit, volume, valuePerUnit), target);
  const promised = multiplyTo(annualFactors(promisedImprovement, metricUnit, volume, valuePerUnit), target);
  if (used === null || promised === null || !Number.isFinite(used) || !Number.isFinite(promised)) {
    const parts = [`the metric is ${readable(metricUnit)}`];
    if (volume) parts.push(`the Volume ${quoted(volume.text)} is ${readable(volume.unit)}`);
    if (valuePerUnit) parts.push(`the Value per unit ${quoted(valuePerUnit.text)} is ${readable(valuePerUnit.unit)}`);
    return {
      used: null,
      promised: null,
      problem: {
        column: volume !== null && isMoney(metricUnit, valuePerUnit, currency) ? 'Volume' : 'Value per unit',
        message: `units do not combine into ${currency} per year: ${parts.join(', ')}`,
      },
    };
  }
  return { used: plain(used), promised: plain(promised), problem: null };
}

/**
 * True when the metric's improvement priced by its Value per unit is money, or money per time:
 * then a Volume that spoils the product is the cell to blame (`25 employees` on an `h/week` rate).
 */
function isMoney(metricUnit: UnitExpr, valuePerUnit: Quantity | null, currency: string): boolean {
  const priced = annualFactors(1, metricUnit, null, valuePerUnit);
  return multiplyTo(priced, moneyPer(currency, null)) !== null || multiplyTo(priced, moneyPer(currency, 'year')) !== null;
}
