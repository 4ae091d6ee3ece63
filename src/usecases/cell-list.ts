/**
 * Cells named in a sentence, the way every message of the use cases names them.
 */
import { andMore } from '../model/errors';
import { cellA1 } from '../workbook/a1';
import type { CellAddress } from '../workbook/port';

/**
 * Cells as a person reads them in a sentence: the first few by address, then how many more.
 *
 * @example
 *   cellList([{ sheet: 'Pilot Gate', row: 4, column: 1 }]) // 'Pilot Gate!B5'
 *   cellList(sevenCells, 5)                                // 'S!A1, S!A2, S!A3, S!A4, S!A5 (and 2 more cells)'
 */
export function cellList(cells: readonly CellAddress[], named = 5): string {
  const listed = cells.slice(0, named).map((c) => `${c.sheet}!${cellA1(c.row, c.column)}`);
  return andMore(listed.join(', '), cells.length - listed.length, 'cell');
}
