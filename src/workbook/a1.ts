/**
 * A1 notation for people and for hosts that speak it: column letters, cell and range
 * addresses, sheet names quoted the way Excel quotes them. Positions are 0-based indexes.
 */
import type { CellAddress, RangeAddress } from './port';

/** Excel's last row and column (1,048,576 rows, 16,384 columns), as 0-based counts. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/**
 * The letters of a 0-based column index.
 *
 * @example
 *   columnLetters(0)   // 'A'
 *   columnLetters(27)  // 'AB'
 */
export function columnLetters(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_COLUMNS) {
    throw new RangeError(`column index ${index} is outside the sheet (0 to ${MAX_COLUMNS - 1})`);
  }
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The 0-based index of column letters.
 *
 * @example
 *   columnIndex('AB') // 27
 */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`"${letters}" is not a column`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * A sheet name as it must appear before `!` in a formula: quoted when it is not a plain word.
 *
 * @example
 *   quoteSheet('Costs')       // 'Costs'
 *   quoteSheet('Pilot Gate')  // "'Pilot Gate'"
 *   quoteSheet("Dana's")      // "'Dana''s'"
 */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * A cell as `B3` (with `$` signs when absolute).
 *
 * @example
 *   cellA1(2, 1)        // 'B3'
 *   cellA1(2, 1, true)  // '$B$3'
 */
export function cellA1(row: number, column: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetters(column)}${d}${row + 1}`;
}

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
 * Reads `Sheet1!A1:B2`, `'Pilot Gate'!$A$1`, `=Costs!C3:C9` (a leading `=` is allowed), or
 * `A1:B2` with `defaultSheet`. Whole columns or rows (`A:C`, `1:3`) are not accepted.
 *
 * @example
 *   parseA1("='Pilot Gate'!$A$1:$C$4") // { sheet: 'Pilot Gate', row: 0, column: 0, rows: 4, columns: 3 }
 */
export function parseA1(text: string, defaultSheet?: string): RangeAddress {
  const trimmed = text.trim().replace(/^=/, '');
  const bang = trimmed.lastIndexOf('!');
  let sheet = defaultSheet;
  let ref = trimmed;
  if (bang >= 0) {
    const rawSheet = trimmed.slice(0, bang);
    sheet = rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
    ref = trimmed.slice(bang + 1);
  }
  if (sheet === undefined || sheet === '') throw new RangeError(`"${text}" does not name a sheet`);
  const match = /^\$?([A-Za-z]{1,3})\$?([0-9]+)(?::\$?([A-Za-z]{1,3})\$?([0-9]+))?$/.exec(ref);
  if (!match) throw new RangeError(`"${text}" is not a cell or range address`);
  const r1 = Number(match[2]) - 1;
  const c1 = columnIndex(match[1]);
  const r2 = match[4] === undefined ? r1 : Number(match[4]) - 1;
  const c2 = match[3] === undefined ? c1 : columnIndex(match[3]);
  if (r1 < 0 || r2 < 0) throw new RangeError(`"${text}" has a row 0`);
  return {
    sheet,
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    columns: Math.abs(c2 - c1) + 1,
  };
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
