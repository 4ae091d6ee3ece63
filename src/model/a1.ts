/**
 * A1 notation, as Excel writes a cell for people and in formulas: column letters, cells, sheet
 * names quoted the way Excel quotes them, and addresses read back. The engine names the cells its
 * reasons and actions come from (`Costs!A14`); the workbook's hosts write formulas with the same
 * rules (src/workbook/a1.ts builds on this file). Positions are 0-based indexes.
 */

/** A block of cells on a named sheet, 0-based, as an address such as `Costs!A1:E1` reads. */
export interface SheetRange {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

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
 * Reads `Sheet1!A1:B2`, `'Pilot Gate'!$A$1`, `=Costs!C3:C9` (a leading `=` is allowed), or
 * `A1:B2` with `defaultSheet`. Whole columns or rows (`A:C`, `1:3`) are not accepted.
 *
 * @example
 *   parseA1("='Pilot Gate'!$A$1:$C$4") // { sheet: 'Pilot Gate', row: 0, column: 0, rows: 4, columns: 3 }
 */
export function parseA1(text: string, defaultSheet?: string): SheetRange {
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
