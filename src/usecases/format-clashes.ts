/**
 * Warnings only the pane can give because it sees number formats (SPEC §3.1): Excel hands the
 * engine a cell's value, not its format, so a cell that shows `4.2%` beside Unit `%`, or shows
 * money in another currency than the case's, reaches the engine as a bare number that means
 * something else than what the person sees.
 */
import { readAssumptions } from '../model/assumptions';
import { ModelError } from '../model/errors';
import { append } from '../model/lists';
import { readTable, cellText, type TableSpec } from '../model/tables';
import type { Problem, TableName } from '../model/types';
import { currencyOf } from '../model/units';
import { parseUnit } from '../model/values';
import { SPECS } from './discover';
import type { GridRead, InputsRead } from '../workbook/port';

/** The columns whose number cells are read as money when the cell is bare, by table. */
const MONEY_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
  Metrics: ['Baseline', 'Target', 'Pilot', 'Value per unit'],
  Costs: ['Pilot', 'One-time', 'Annual'],
  Assumptions: ['Value'],
};

/**
 * The currency a number format shows, as an ISO code: a locale tag's currency (`[$€-407]`,
 * `[$CHF-100C]`), else a symbol outside brackets (`$#,##0.00`, `#,##0 "€"`); null for none or
 * for a currency the engine does not know. `[$-409]` is a locale alone, with no currency.
 *
 * @example
 *   formatCurrency('[$€-407] #,##0.00') // 'EUR'
 *   formatCurrency('"$"#,##0')          // 'USD'
 *   formatCurrency('[$-409]d mmm yyyy') // null
 *   formatCurrency('0.0%')              // null
 */
export function formatCurrency(format: string): string | null {
  for (const tag of format.matchAll(/\[\$([^\]-]*)[^\]]*\]/g)) {
    if (tag[1].trim() !== '') return currencyOf(tag[1].trim());
  }
  const symbol = /[$€£¥]/.exec(format.replace(/\[[^\]]*\]/g, ''));
  return symbol ? currencyOf(symbol[0]) : null;
}

/** True when a number format shows a percentage: a `%` outside quotes and brackets. */
function percentFormat(format: string): boolean {
  return format.replace(/"[^"]*"|\[[^\]]*\]/g, '').includes('%');
}

/**
 * Clashes between what a cell shows and how the engine reads its bare number (SPEC §3.1): a
 * percent-formatted Baseline, Target or Pilot beside Unit `%` (Excel passes the fraction, which
 * Unit `%` reads in percent points: 4.2% would be read as 0.042%), and a number cell formatted in
 * a currency other than the case's (Excel passes the bare number, which is read in the case
 * currency; there are no exchange rates). Problems in the engine's shape; the caller locates them.
 *
 * @example
 *   formatClashes(read) // [{ table: 'Metrics', row: 3, column: 'Baseline', message: 'the cell shows 4.2% …' }]
 */
export function formatClashes(read: InputsRead): Problem[] {
  const assumptions = read.grids.Assumptions;
  const currency = readAssumptions(assumptions?.values).assumptions.currency;
  const clashes: Problem[] = [];
  const metrics = read.grids.Metrics;
  if (metrics) append(clashes, percentClashes(metrics));
  for (const table of ['Metrics', 'Costs', 'Assumptions'] as const) {
    const g = read.grids[table];
    if (g) append(clashes, currencyClashes(g, table, currency));
  }
  return clashes;
}

function percentClashes(g: GridRead): Problem[] {
  const t = readTable(g.values, SPECS.Metrics as TableSpec);
  const clashes: Problem[] = [];
  for (const line of t.rows) {
    if (!unitIsPercent(cellText(line.cells.Unit))) continue;
    for (const column of ['Baseline', 'Target', 'Pilot']) {
      const value = line.cells[column];
      if (typeof value !== 'number' || !percentFormat(formatAt(g, t.columns[column], line.row))) continue;
      const shown = round(value * 100);
      clashes.push({
        table: 'Metrics',
        row: line.row,
        column,
        message: `the cell shows ${shown}% but Excel passes the fraction ${value}, and beside Unit "%" a bare number is in percent points, so it reads as ${value}%; clear the Unit cell, or type ${shown} in a cell not formatted as a percentage`,
      });
      break;
    }
  }
  return clashes;
}

function currencyClashes(g: GridRead, table: TableName, currency: string): Problem[] {
  const t = readTable(g.values, SPECS[table] as TableSpec);
  const clashes: Problem[] = [];
  for (const line of t.rows) {
    for (const column of MONEY_COLUMNS[table] ?? []) {
      const value = line.cells[column];
      const shown = typeof value === 'number' ? formatCurrency(formatAt(g, t.columns[column], line.row)) : null;
      if (shown === null || shown === currency) continue;
      clashes.push({
        table,
        row: line.row,
        column,
        message: `the cell is formatted in ${shown}, but the case currency is ${currency}: Excel passes the bare number ${value}, which is read in ${currency} (there are no exchange rates); set the Currency assumption or format the cell in ${currency}`,
      });
    }
  }
  return clashes;
}

function formatAt(g: GridRead, index: number | undefined, row: number): string {
  return index === undefined ? '' : (g.numberFormats[row - 1]?.[index] ?? '');
}

function unitIsPercent(text: string): boolean {
  if (text === '') return false;
  try {
    return parseUnit(text).percent;
  } catch (error) {
    // A Unit that is no unit is the engine's problem to report, not a format clash.
    if (!(error instanceof ModelError)) throw error;
    return false;
  }
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
