/**
 * A1 notation for people and for hosts that speak it: column letters, cell and range
 * addresses, sheet names quoted the way Excel quotes them. Positions are 0-based indexes.
 */
import { cellA1, quoteSheet } from '../model/a1';
import type { CellAddress, RangeAddress } from './port';

export { MAX_COLUMNS, MAX_ROWS, cellA1, columnIndex, columnLetters, parseA1, quoteSheet } from '../model/a1';

/**
 * A range without its sheet: `B3` for one cell, `B3:D9` otherwise.
 *
 * @example
 *   rangeA1({ sheet: 'S', row: 0, column: 0, rows: 5, columns: 9 }) // 'A1:I5'
 */
export function rangeA1(range: RangeAddress, absolute = false): string {
  const first = cellA1(range.row, range.column, absolute);
  if (range.rows === 1 && range.columns === 1) return first;
  return `${first}:${cellA1(range.row + range.rows - 1, range.column + range.columns - 1, absolute)}`;
}

/**
 * A range with its sheet, as a formula or a person reads it.
 *
 * @example
 *   qualifiedA1({ sheet: 'Pilot Gate', row: 0, column: 0, rows: 2, columns: 2 }, true) // "'Pilot Gate'!$A$1:$B$2"
 */
export function qualifiedA1(range: RangeAddress, absolute = false): string {
  return `${quoteSheet(range.sheet)}!${rangeA1(range, absolute)}`;
}

/**
 * True when `cell` lies inside `range` (same sheet, compared case-insensitively as Excel does).
 *
 * @example
 *   contains({ sheet: 'S', row: 0, column: 0, rows: 2, columns: 2 }, { sheet: 's', row: 1, column: 1 }) // true
 */
export function contains(range: RangeAddress, cell: CellAddress): boolean {
  return (
    sameSheet(range.sheet, cell.sheet) &&
    cell.row >= range.row &&
    cell.row < range.row + range.rows &&
    cell.column >= range.column &&
    cell.column < range.column + range.columns
  );
}

/**
 * Sheet names compare without regard to case, as in Excel.
 *
 * @example
 *   sameSheet('Costs', 'COSTS') // true
 */
export function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * True when two ranges are the same cells (sheet names compared as Excel does).
 *
 * @example
 *   sameRange({ sheet: 'S', row: 0, column: 0, rows: 2, columns: 2 }, { sheet: 's', row: 0, column: 0, rows: 2, columns: 2 }) // true
 */
export function sameRange(a: RangeAddress, b: RangeAddress): boolean {
  return sameSheet(a.sheet, b.sheet) && a.row === b.row && a.column === b.column && a.rows === b.rows && a.columns === b.columns;
}
