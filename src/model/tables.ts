import { MAX_LISTED, capped, quoted } from './format';
import type { Cell, Grid, Problem, TableName } from './types';

/** A column of a table contract (SPEC §2): its canonical name and the headers accepted for it. */
export interface ColumnSpec {
  name: string;
  synonyms: readonly string[];
  required?: boolean;
  /** A column of words (labels, names, units): the number 0 there is a blank cell (SPEC §2). */
  words?: boolean;
}

export interface TableSpec {
  table: TableName;
  columns: readonly ColumnSpec[];
}

/**
 * The most rows, blank rows not counted, Pilot Gate reads in one table. Every PILOT function must
 * answer within a second on any input Excel can hold (SPEC §4), and no parse reaches a million
 * rows that all differ in that time; so a longer table is refused on its header row, in one pass
 * over its rows, before any cell is read. The figure comes from `npm run bench` (limits.bench.ts):
 * PILOT.SUMMARY over five tables this long, no two cells alike, takes about 230 ms of processor
 * time on the bench machine (a metric row about 24 µs, the other tables' rows 2 to 5 µs), which
 * leaves room for a laptop four times slower; 10,000 rows would leave none. No business case
 * needs more: a pilot has a handful of metrics, cost lines and gates.
 */
export const MAX_TABLE_ROWS = 5_000;

/** What one row of each table stands for, to say what to keep when a table is too long. */
const ROW_OF: Readonly<Record<TableName, string>> = {
  Metrics: 'metric',
  Costs: 'cost category',
  Readiness: 'gate',
  Ownership: 'production function',
  Assumptions: 'assumption',
};

/**
 * The problem of a table longer than MAX_TABLE_ROWS, on its header row: how many rows it has and
 * how many Pilot Gate reads. `column` is the table's first column, where the problem is shown.
 *
 * @example
 *   tooManyRows('Metrics', 'Metric', 1_000_000).message
 *   // 'the table has 1,000,000 rows (blank rows not counted), and Pilot Gate reads at most 5,000: …'
 */
export function tooManyRows(table: TableName, column: string, rows: number): Problem {
  const count = (n: number): string => n.toLocaleString('en-US');
  return {
    table,
    row: 1,
    column,
    message: `the table has ${count(rows)} rows (blank rows not counted), and Pilot Gate reads at most ${count(MAX_TABLE_ROWS)}: no function could answer within a second on more; keep one row per ${ROW_OF[table]}`,
  };
}

/**
 * The grid's rows after the header that are not blank, as indexes, and how many there are; only
 * the first MAX_TABLE_ROWS are listed. `blank` tells a blank row: one pass, no row read further.
 *
 * @example
 *   filledRows([['Gate'], ['Sponsor'], [null], ['Data']], (line) => line[0] === null) // { rows: [1, 3], count: 2 }
 */
export function filledRows(grid: Grid, blank: (line: readonly Cell[]) => boolean): { rows: number[]; count: number } {
  const rows: number[] = [];
  let count = 0;
  for (let r = 1; r < grid.length; r++) {
    const line = grid[r];
    if (line === undefined || blank(line)) continue;
    count += 1;
    if (count <= MAX_TABLE_ROWS) rows.push(r);
  }
  return { rows, count };
}

/** One data row, its cells keyed by canonical column name (missing columns read as null). */
export interface TableRow {
  /** Row in the table as a person counts it: 1 is the header. */
  row: number;
  cells: Record<string, Cell>;
}

export interface ReadTable {
  rows: TableRow[];
  /** Canonical name → index of the column in the grid, for the columns found. */
  columns: Record<string, number>;
  /** The header text the table used for each canonical column found (`Current` for Baseline). */
  headers: Record<string, string>;
  problems: Problem[];
  warnings: string[];
}

/** SPEC §3.10: a range around the figure beside it, on Metrics and Costs. */
const RANGE_COLUMNS: readonly ColumnSpec[] = [
  { name: 'Low', synonyms: ['Min', 'P10'] },
  { name: 'High', synonyms: ['Max', 'P90'] },
];

/** SPEC §2.1. */
export const METRICS: TableSpec = {
  table: 'Metrics',
  columns: [
    { name: 'Metric', synonyms: ['Name', 'KPI'], required: true, words: true },
    { name: 'Baseline', synonyms: ['Current', 'Before', 'As-is'], required: true },
    { name: 'Target', synonyms: ['Goal', 'To-be', 'Production target'], required: true },
    { name: 'Pilot', synonyms: ['Actual', 'Pilot result', 'Measured'] },
    { name: 'Timeline', synonyms: ['Deadline', 'Within', 'Horizon'] },
    { name: 'Unit', synonyms: ['Units', 'UoM'], words: true },
    { name: 'Direction', synonyms: ['Better'], words: true },
    { name: 'Volume', synonyms: ['Annual volume', 'Volume per year'] },
    { name: 'Value per unit', synonyms: ['Unit value', '$ per unit', 'Rate'] },
    ...RANGE_COLUMNS,
  ],
};

/** SPEC §2.2. */
export const COSTS: TableSpec = {
  table: 'Costs',
  columns: [
    { name: 'Category', synonyms: ['Item', 'Cost'], required: true, words: true },
    { name: 'Pilot', synonyms: ['Pilot cost'] },
    { name: 'One-time', synonyms: ['Production one-time', 'Build', 'Capex'] },
    { name: 'Annual', synonyms: ['Production annual', 'Run', 'Opex', 'Run rate'] },
    { name: 'Multiplier', synonyms: ['Expansion'] },
    ...RANGE_COLUMNS,
  ],
};

/** SPEC §2.3. */
export const READINESS: TableSpec = {
  table: 'Readiness',
  columns: [
    { name: 'Gate', synonyms: ['Check', 'Criterion'], required: true, words: true },
    { name: 'Status', synonyms: ['Ready', 'Done'], required: true },
    { name: 'Owner', synonyms: ['Responsible', 'Name'], words: true },
    { name: 'Evidence', synonyms: ['Notes', 'Link'], words: true },
  ],
};

/** SPEC §2.5: two columns, Name | Value. */
export const ASSUMPTIONS: TableSpec = {
  table: 'Assumptions',
  columns: [
    { name: 'Name', synonyms: ['Assumption'], required: true, words: true },
    { name: 'Value', synonyms: [], required: true },
  ],
};

/**
 * Headers and other names are matched case- and space-insensitively (SPEC §2).
 *
 * @example
 *   normalizeName('  Value per  Unit ') === normalizeName('valueperunit') // true
 */
export function normalizeName(text: Cell): string {
  return String(text ?? '')
    .toLowerCase()
    .replace(/\s+/g, '');
}

/**
 * True for a cell a person would call empty: null, undefined, or only white space.
 *
 * @example
 *   isBlank('  ') // true
 *   isBlank(0)    // false
 */
export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * A cell of a column that holds words. Excel on Windows has been seen to hand an empty cell
 * inside a range to a custom function as 0, and no label, unit or name is the number 0, so
 * there 0 is a blank cell (SPEC §2). Where 0 is a figure it stays 0.
 *
 * @example
 *   wordCell(0)        // null
 *   wordCell('Errors') // 'Errors'
 */
export function wordCell(cell: Cell | undefined): Cell {
  return cell === undefined || cell === 0 ? null : cell;
}

/** The cell as trimmed text ('' for blank). */
export function cellText(cell: Cell | undefined): string {
  return isBlank(cell) ? '' : String(cell).trim();
}

/**
 * True when every cell of a row is blank (isBlank), where `words[c]` marks a column of words: 0
 * there is blank too (SPEC §2). A loop that stops at the first cell that is not blank, with the
 * commonest blanks first: a whole-column reference hands over a million blank rows, each read here
 * and nowhere else.
 *
 * @example
 *   blankRow([null, ' ', 0], [false, false, true]) // true
 *   blankRow([null, 0], [])                        // false: 0 is a figure there
 */
export function blankRow(line: readonly Cell[], words: readonly boolean[]): boolean {
  for (let c = 0; c < line.length; c++) {
    const cell = line[c];
    if (cell === null || cell === undefined || cell === '' || (cell === 0 && words[c] === true)) continue;
    if (typeof cell !== 'string' || cell.trim() !== '') return false;
  }
  return true;
}

/**
 * Reads a table whose first row is its header: finds each column of `spec` by name or
 * synonym in any order, reports missing required columns on row 1 and unknown columns once
 * as warnings, and skips rows that are entirely blank. A table of more than MAX_TABLE_ROWS rows
 * that are not blank is one problem on its header row, and none of its rows is read.
 *
 * @example
 *   const t = readTable([['KPI', 'Current', 'Goal'], ['Errors', '4.2%', '0.5%']], METRICS);
 *   t.rows[0].cells.Baseline // '4.2%'
 *   t.rows[0].row            // 2
 */
export function readTable(grid: Grid | undefined, spec: TableSpec): ReadTable {
  const result: ReadTable = { rows: [], columns: {}, headers: {}, problems: [], warnings: [] };
  const header = grid && grid.length > 0 ? grid[0] : [];
  const byName = new Map<string, ColumnSpec>();
  for (const col of spec.columns) {
    for (const name of [col.name, ...col.synonyms]) byName.set(normalizeName(name), col);
  }

  const unknown: string[] = [];
  header.forEach((cell, index) => {
    // A header is a word too: 0 there is an empty header cell, not a column named "0".
    if (isBlank(wordCell(cell))) return;
    const col = byName.get(normalizeName(cell));
    if (!col) {
      unknown.push(cellText(cell));
    } else if (col.name in result.columns) {
      result.warnings.push(
        `${spec.table}: column ${quoted(cellText(cell))} repeats ${col.name}; the first one, ${quoted(result.headers[col.name])}, is used.`,
      );
    } else {
      result.columns[col.name] = index;
      result.headers[col.name] = cellText(cell);
    }
  });
  if (unknown.length > 0) {
    const names = capped(unknown, MAX_LISTED, quoted, (more) => `and ${more} more`).join(', ');
    result.warnings.push(`${spec.table}: column${unknown.length === 1 ? '' : 's'} ${names} ignored.`);
  }

  for (const col of spec.columns) {
    if (col.required && !(col.name in result.columns)) {
      const also = col.synonyms.length > 0 ? ` (also accepted: ${col.synonyms.join(', ')})` : '';
      result.problems.push({
        table: spec.table,
        row: 1,
        column: col.name,
        message:
          header.length === 0
            ? `the ${spec.table} table is empty: expected a header row with a "${col.name}" column${also}`
            : `missing column "${col.name}"${also}`,
      });
    }
  }

  if (!grid) return result;
  const words: boolean[] = [];
  for (const col of spec.columns) if (col.words && col.name in result.columns) words[result.columns[col.name]] = true;
  const filled = filledRows(grid, (line) => blankRow(line, words));
  if (filled.count > MAX_TABLE_ROWS) {
    result.problems.push(tooManyRows(spec.table, spec.columns[0].name, filled.count));
    return result;
  }
  for (const r of filled.rows) {
    const line = grid[r];
    const cells: Record<string, Cell> = {};
    for (const col of spec.columns) {
      const index = result.columns[col.name];
      const value = index === undefined ? null : line[index];
      cells[col.name] = col.words ? wordCell(value) : value === undefined ? null : value;
    }
    result.rows.push({ row: r + 1, cells });
  }
  return result;
}
