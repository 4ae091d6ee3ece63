/**
 * From what the workbook holds to what the engine reads, and back: the grids of a case, the
 * cell a problem points at, and the warnings only the pane can give because it sees formats.
 */
import { columnOfTable } from '../model/places';
import { cellText, isBlank, readTable } from '../model/tables';
import type { CaseInput, Cell, Problem, TableName, TablePlaces } from '../model/types';
import { cellA1 } from '../workbook/a1';
import { SPECS } from './discover';
import { formatClashes } from './format-clashes';
import type { GridRead, InputsRead, RangeAddress } from '../workbook/port';

/** A problem (from the engine) or a warning (from the formats), with the cell it is about. */
export interface Finding {
  severity: 'error' | 'warning';
  table: TableName;
  row: number;
  column: string;
  message: string;
  /** The cell to select; the row when the column is missing; null when the table was not read. */
  where: RangeAddress | null;
  /** `Metrics!C3` */
  cell: string | null;
}

/**
 * The engine's input from the grids read, with where each table is, so reasons and actions name
 * its cells (`Costs!A14`); tables not read are left out.
 *
 * @example
 *   checkCase(caseInput(await port.read(sources, BLOCK_NAME)))
 *   caseInput(read).places?.Costs // { sheet: 'Costs', row: 0, column: 0 }
 */
export function caseInput(read: InputsRead): CaseInput {
  const grid = (t: TableName) => read.grids[t]?.values;
  const places: TablePlaces = {};
  for (const [table, g] of Object.entries(read.grids) as [TableName, GridRead | undefined][]) {
    if (g) places[table] = { sheet: g.range.sheet, row: g.range.row, column: g.range.column };
  }
  return {
    places,
    metrics: grid('Metrics') ?? [],
    costs: grid('Costs') ?? [],
    ...(grid('Readiness') ? { readiness: grid('Readiness') } : {}),
    ...(grid('Ownership') ? { ownership: grid('Ownership') } : {}),
    ...(grid('Assumptions') ? { assumptions: grid('Assumptions') } : {}),
  };
}

/**
 * Where in the workbook a problem is: its row of the table and the column the header mapping
 * found for its canonical column name; the whole row when that column is missing.
 *
 * @example
 *   locate({ table: 'Metrics', row: 3, column: 'Baseline', message: '…' }, read)
 *   // { severity: 'error', …, where: { sheet: 'Metrics', row: 2, column: 1, rows: 1, columns: 1 }, cell: 'Metrics!B3' }
 */
export function locate(problem: Problem, read: InputsRead, severity: Finding['severity'] = 'error'): Finding {
  const g = read.grids[problem.table];
  const base = { severity, table: problem.table, row: problem.row, column: problem.column, message: problem.message };
  if (!g) return { ...base, where: null, cell: null };
  const row = g.range.row + Math.min(Math.max(problem.row, 1), Math.max(g.range.rows, 1)) - 1;
  const index = columnOfTable(problem.table, problem.column, g.values[0] ?? []);
  const where: RangeAddress =
    index === null
      ? { sheet: g.range.sheet, row, column: g.range.column, rows: 1, columns: Math.max(g.range.columns, 1) }
      : { sheet: g.range.sheet, row, column: g.range.column + index, rows: 1, columns: 1 };
  return { ...base, where, cell: `${g.range.sheet}!${cellA1(where.row, where.column)}` };
}

const TIME_UNITS = new Set(['s', 'sec', 'secs', 'second', 'seconds', 'min', 'mins', 'minute', 'minutes', 'h', 'hr', 'hrs', 'hour', 'hours', 'day', 'days', 'd', 'week', 'weeks', 'wk']);
const MONEY_FORMAT = /[$€£¥]|\[\$/;

/**
 * What a person should know about the tables that only their formats reveal (SPEC §3.1):
 * Excel hands the engine a cell's value, so `4.2%` arrives as 0.042 and `$3.40` as 3.4 — with
 * a blank Unit the engine cannot know what they were, beside Unit `%` the fraction is read in
 * percent points, and money shown in another currency is read in the case's. And a bare Value
 * per unit on a time metric is money per that time unit, which is rarely what was meant.
 *
 * @example
 *   formatWarnings(read) // [{ severity: 'warning', table: 'Metrics', row: 3, column: 'Baseline', message: 'shows 4.2% but …' }]
 */
export function formatWarnings(read: InputsRead): Finding[] {
  return [...unitWarnings(read), ...formatClashes(read)].map((w) => locate(w, read, 'warning'));
}

/** Bare numbers whose format says what the blank Unit does not, and per-unit values on time metrics. */
function unitWarnings(read: InputsRead): Problem[] {
  const g = read.grids.Metrics;
  if (!g || g.values.length < 2) return [];
  const t = readTable(g.values, SPECS.Metrics!);
  const warnings: Problem[] = [];
  for (const line of t.rows) {
    const unit = cellText(line.cells.Unit);
    if (unit === '') {
      for (const column of ['Baseline', 'Target', 'Pilot']) {
        const kind = formattedKind(g, t.columns[column], line.row);
        const value = line.cells[column];
        if (kind === 'percent' && typeof value === 'number') {
          warnings.push({
            table: 'Metrics',
            row: line.row,
            column,
            message: `the cell shows a percentage but Excel passes the number ${value}; write "%" in the Unit column so it is read as ${round(value * 100)}%`,
          });
          break;
        }
        if (kind === 'money' && typeof value === 'number') {
          warnings.push({
            table: 'Metrics',
            row: line.row,
            column,
            message: `the cell shows money but Excel passes the bare number ${value}; write the currency (such as USD) in the Unit column`,
          });
          break;
        }
      }
    }
    const perUnit = line.cells['Value per unit'];
    const metricUnit = unit !== '' ? unit : trailingUnit(line.cells.Baseline);
    if (typeof perUnit === 'number' && TIME_UNITS.has(metricUnit.toLowerCase())) {
      warnings.push({
        table: 'Metrics',
        row: line.row,
        column: 'Value per unit',
        message: `${perUnit} is read as money per ${metricUnit} — meant per hour? Write it with its unit, such as "$${perUnit}/h"`,
      });
    }
  }
  return warnings;
}

function formattedKind(g: GridRead, index: number | undefined, row: number): 'percent' | 'money' | null {
  if (index === undefined) return null;
  const format = g.numberFormats[row - 1]?.[index] ?? '';
  if (format.includes('%')) return 'percent';
  if (MONEY_FORMAT.test(format)) return 'money';
  return null;
}

function trailingUnit(cell: Cell): string {
  if (isBlank(cell) || typeof cell !== 'string') return '';
  // Trailing spaces trimmed first: `[\s\d…]+\s*…\s*$` splits a run of spaces every way, quadratic in a long cell.
  const match = /^[\s\d.,()+-]+([A-Za-z]+)$/.exec(cell.trimEnd());
  return match ? match[1] : '';
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
