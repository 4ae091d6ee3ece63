/**
 * The sheet cells the reasons and actions come from. A case knows its tables as grids; when the
 * caller also says where each table's header row starts (CaseInput.places), a table row and
 * column become a cell a person can go to: `Costs row 14 "Security" (Costs!A14)`. The column
 * is found in the header as the engine reads it (synonyms, any case and spacing), so the cell is
 * the one whose value the engine read.
 */
import { MAX_ROWS, cellA1, quoteSheet } from './a1';
import { quoted } from './format';
import { ASSUMPTIONS, COSTS, METRICS, READINESS, normalizeName, readTable, type TableSpec } from './tables';
import type { CaseInput, Cell, TableName, TablePlaces } from './types';

const SPECS: Readonly<Record<TableName, TableSpec | null>> = {
  Metrics: METRICS,
  Costs: COSTS,
  Readiness: READINESS,
  Assumptions: ASSUMPTIONS,
  Ownership: null,
};

const GRID_OF: Readonly<Record<TableName, Exclude<keyof CaseInput, 'places'>>> = {
  Metrics: 'metrics',
  Costs: 'costs',
  Readiness: 'readiness',
  Ownership: 'ownership',
  Assumptions: 'assumptions',
};

/**
 * The 0-based index of a canonical column (SPEC §2: `Baseline` even where the header reads
 * `Current`) in a table's header row; null when the table has no such column.
 *
 * @example
 *   columnOfTable('Metrics', 'Baseline', ['Metric', 'Current', 'Target']) // 1
 *   columnOfTable('Costs', 'Multiplier', ['Category', 'Pilot'])           // null
 */
export function columnOfTable(table: TableName, column: string, header: readonly Cell[]): number | null {
  const spec = SPECS[table];
  if (spec) {
    const index = readTable([[...header]], spec).columns[column];
    if (index !== undefined) return index;
  }
  const direct = header.findIndex((h) => normalizeName(h) === normalizeName(column));
  return direct >= 0 ? direct : null;
}

/**
 * Where a table row (1 = the header) and column of a case are in the workbook: `Costs!A14`, or
 * null when the case does not know where the table is. A row-wide citation (column null, or a
 * column the table lacks) names the row's label cell: its Metric, Category, Gate or Name, else
 * the table's first column.
 */
export type Cite = (table: TableName, row: number, column: string | null) => string | null;

/** Cites nothing: a case whose places are not known names table rows only. */
export const NO_CELLS: Cite = () => null;

/**
 * The citer of a case: the sheet cell of a table row and column, from the places the input gives.
 *
 * @example
 *   const cite = citer({ ...sampleCase(), places: { Costs: { sheet: 'Costs', row: 0, column: 0 } } });
 *   cite('Costs', 14, null)      // 'Costs!A14'
 *   cite('Costs', 4, 'Annual')   // 'Costs!D4'
 *   cite('Metrics', 3, 'Pilot')  // null: the case does not say where Metrics is
 */
export function citer(input: CaseInput): Cite {
  const places = input.places;
  if (places === undefined) return NO_CELLS;
  const headers = new Map<TableName, readonly Cell[]>();
  const headerOf = (table: TableName): readonly Cell[] => {
    let header = headers.get(table);
    if (header === undefined) {
      header = input[GRID_OF[table]]?.[0] ?? [];
      headers.set(table, header);
    }
    return header;
  };
  return (table, row, column) => cellOf(places, table, row, column, headerOf(table));
}

function cellOf(places: TablePlaces, table: TableName, row: number, column: string | null, header: readonly Cell[]): string | null {
  const place = places[table];
  if (place === undefined || !Number.isInteger(row) || row < 1) return null;
  const label = SPECS[table]?.columns[0].name;
  const index = (column === null ? null : columnOfTable(table, column, header)) ?? (label === undefined ? null : columnOfTable(table, label, header)) ?? 0;
  const at = place.row + row - 1;
  if (at >= MAX_ROWS) return null;
  try {
    return `${quoteSheet(place.sheet)}!${cellA1(at, place.column + index)}`;
  } catch {
    // A place beyond the sheet's last row or column names no cell; the row is still named.
    return null;
  }
}

/**
 * A table row as a reason names it: `Costs row 14`, with its sheet cell when the case knows it
 * (`Costs row 14 (Costs!A14)`), the cell placed after the row's quoted name when there is one.
 *
 * @example
 *   citedRow(cite, 'Costs', 14, null, 'Security') // 'Costs row 14 "Security" (Costs!A14)'
 *   citedRow(NO_CELLS, 'Costs', 14, null, 'Security') // 'Costs row 14 "Security"'
 */
export function citedRow(cite: Cite, table: TableName, row: number, column: string | null, name?: string): string {
  const cell = cite(table, row, column);
  return `${table} row ${row}${name === undefined ? '' : ` ${quoted(name)}`}${cell === null ? '' : ` (${cell})`}`;
}
