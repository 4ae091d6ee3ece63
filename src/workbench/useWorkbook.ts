import { useSyncExternalStore } from 'react';
import type { HyperFormulaWorkbook } from '../workbook/hyperformula/workbook';

/**
 * Re-renders the caller whenever the workbook changes (contents, formats, selection, sheets),
 * whoever changed it: the grid, or the task pane through the port. Returns the change count.
 *
 * @example
 *   useWorkbookVersion(book);
 *   const sheet = book.activeSheet;
 */
export function useWorkbookVersion(book: HyperFormulaWorkbook): number {
  return useSyncExternalStore(book.subscribe, book.version, book.version);
}
