import type { CellAddress } from '../workbook/port';
import { cellList } from './cell-list';

/**
 * Cells changed between a read and a write that would have replaced them: the write did not happen.
 *
 * @example
 *   throw new CellsChangedError([{ sheet: 'Pilot Gate', row: 2, column: 2 }], 'Nothing was written.');
 *   // 'Pilot Gate!C3 changed since it was read. Nothing was written.'
 */
export class CellsChangedError extends Error {
  constructor(
    readonly cells: CellAddress[],
    then: string,
  ) {
    super(`${cellList(cells)} changed since ${cells.length === 1 ? 'it was' : 'they were'} read. ${then}`);
    this.name = 'CellsChangedError';
  }
}

/**
 * Snapshot was asked for before any block was written.
 *
 * @example
 *   if (!read.block) throw new NoBlockError();
 */
export class NoBlockError extends Error {
  constructor() {
    super('There is no output block to copy yet: Evaluate first.');
    this.name = 'NoBlockError';
  }
}
