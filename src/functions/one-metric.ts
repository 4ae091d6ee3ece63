/**
 * One metric given as arguments (PILOT.GAPCLOSED, PILOT.METRICVALUE): a one-row Metrics table
 * through the engine's evaluateMetric, its currency read from the cells, its basis read as the
 * Assumptions table reads one.
 */
import { defaultAssumptions, readAssumptions } from '../model/assumptions';
import { ModelError, andMore } from '../model/errors';
import { evaluateMetric, type MetricContext } from '../model/metrics';
import { METRICS, isBlank } from '../model/tables';
import type { Basis, Cell, MetricResult } from '../model/types';
import { unitCurrency } from '../model/units';
import { parseQuantity, parseUnit } from '../model/values';

/** The Metrics columns these functions fill, by the argument that fills each. */
const METRIC_ARGUMENT: Readonly<Record<string, string>> = {
  Baseline: 'baseline',
  Target: 'target',
  Pilot: 'pilot',
  Volume: 'volume',
  'Value per unit': 'valuePerUnit',
  Unit: 'unit',
};

/** SPEC §3.2 for one metric given as arguments: a one-row Metrics table through the engine's evaluateMetric. */
function oneMetric(given: Readonly<Record<string, Cell>>, context: MetricContext): MetricResult {
  const cells: Record<string, Cell> = { Metric: 'metric' };
  for (const column of METRICS.columns) if (column.name !== 'Metric') cells[column.name] = given[column.name] ?? null;
  const evaluation = evaluateMetric({ row: 2, cells }, context);
  if (evaluation.problems.length > 0 || evaluation.result === null) {
    const messages = evaluation.problems.map((p) => `${METRIC_ARGUMENT[p.column] ?? p.column}: ${p.message}`);
    throw new ModelError('#VALUE!', andMore(messages[0] ?? 'the metric could not be read', messages.length - 1, 'problem'));
  }
  return evaluation.result;
}

/** The currency written in the metric's cells (`$45/h`, `€3.40`), else the default USD. */
function currencyWritten(cells: Readonly<Record<string, Cell>>): string {
  for (const [column, cell] of Object.entries(cells)) {
    if (typeof cell !== 'string' || isBlank(cell)) continue;
    try {
      const code = column === 'Unit' ? unitCurrency(parseUnit(cell)) : parseQuantity(cell).currency;
      if (code !== null) return code;
    } catch (error) {
      // An unreadable cell is reported, with its argument's name, by the metric itself.
      if (!(error instanceof ModelError)) throw error;
    }
  }
  return defaultAssumptions().currency;
}

/** A Benefit basis argument read as the Assumptions table reads it (SPEC §2.5). */
function basisOf(text: string): Basis {
  const read = readAssumptions([
    ['Name', 'Value'],
    ['Benefit basis', text],
  ]);
  if (read.problems.length > 0) throw new ModelError('#VALUE!', `basis: ${read.problems[0].message}`);
  return read.assumptions.basis;
}

/**
 * SPEC §3.2 for one metric given cell by cell, under its Metrics column names (Baseline, Target,
 * Pilot, Volume, Value per unit, Unit): in the currency its cells are written in, on the basis
 * given (SPEC §2.5's words), with a metric proven only at the full target gap. A problem names
 * the argument it came from (`target: …`).
 *
 * @example
 *   metricOf({ Baseline: '12 min', Target: '2 min', Pilot: '3 min' }, 'evidence').gapClosed // 0.9
 *   metricOf({ Baseline: '12 min', Target: '2 min', Pilot: '2 min', Volume: '50,000 docs/year', 'Value per unit': '$45/h' }, 'evidence').annualValue // 375000
 */
export function metricOf(cells: Readonly<Record<string, Cell>>, basis: string): MetricResult {
  return oneMetric(cells, { currency: currencyWritten(cells), basis: basisOf(basis), onTrackThreshold: 1 });
}
