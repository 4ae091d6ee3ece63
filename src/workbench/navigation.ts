/**
 * Moving around a sheet with the keyboard, as in Excel: arrows move the active cell (with Shift
 * they stretch the selection from it), Home goes to column A, Ctrl+Home to A1, Page Up / Page
 * Down move a screenful.
 */
import { MAX_COLUMNS, MAX_ROWS } from '../workbook/a1';
import type { CellAddress, RangeAddress } from '../workbook/port';

/** Rows a Page Up or Page Down moves. */
export const PAGE_ROWS = 20;

export interface Selection {
  /** Where typing goes; one corner of `range`. */
  active: CellAddress;
  /** The far corner of the selection from `active` (the same cell for one cell). */
  end: CellAddress;
}

/**
 * The range two corners span.
 *
 * @example
 *   spanOf({ sheet: 'S', row: 3, column: 1 }, { sheet: 'S', row: 1, column: 2 }) // { sheet: 'S', row: 1, column: 1, rows: 3, columns: 2 }
 */
export function spanOf(a: CellAddress, b: CellAddress): RangeAddress {
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  return { sheet: a.sheet, row, column, rows: Math.abs(a.row - b.row) + 1, columns: Math.abs(a.column - b.column) + 1 };
}

function clampCell(sheet: string, row: number, column: number): CellAddress {
  return { sheet, row: Math.min(Math.max(row, 0), MAX_ROWS - 1), column: Math.min(Math.max(column, 0), MAX_COLUMNS - 1) };
}

/**
 * The selection after a navigation key; null when the key does not navigate.
 *
 * @example
 *   const s = { active: { sheet: 'S', row: 0, column: 0 }, end: { sheet: 'S', row: 0, column: 0 } };
 *   navigate(s, { key: 'ArrowDown', shiftKey: false, ctrlKey: false })!.active // { sheet: 'S', row: 1, column: 0 }
 *   navigate(s, { key: 'ArrowRight', shiftKey: true, ctrlKey: false })!.end     // { sheet: 'S', row: 0, column: 1 }
 */
export function navigate(selection: Selection, key: { key: string; shiftKey: boolean; ctrlKey: boolean }): Selection | null {
  const from = key.shiftKey ? selection.end : selection.active;
  let to: CellAddress;
  switch (key.key) {
    case 'ArrowUp':
      to = clampCell(from.sheet, from.row - 1, from.column);
      break;
    case 'ArrowDown':
      to = clampCell(from.sheet, from.row + 1, from.column);
      break;
    case 'ArrowLeft':
      to = clampCell(from.sheet, from.row, from.column - 1);
      break;
    case 'ArrowRight':
      to = clampCell(from.sheet, from.row, from.column + 1);
      break;
    case 'PageUp':
      to = clampCell(from.sheet, from.row - PAGE_ROWS, from.column);
      break;
    case 'PageDown':
      to = clampCell(from.sheet, from.row + PAGE_ROWS, from.column);
      break;
    case 'Home':
      to = key.ctrlKey ? clampCell(from.sheet, 0, 0) : clampCell(from.sheet, from.row, 0);
      break;
    default:
      return null;
  }
  return key.shiftKey ? { active: selection.active, end: to } : { active: to, end: to };
}

/**
 * Where the active cell goes after committing an edit: Enter moves down, Shift+Enter up, Tab
 * right, Shift+Tab left.
 *
 * @example
 *   afterCommit({ sheet: 'S', row: 4, column: 2 }, 'Enter', false) // { sheet: 'S', row: 5, column: 2 }
 */
export function afterCommit(at: CellAddress, key: 'Enter' | 'Tab', shiftKey: boolean): CellAddress {
  if (key === 'Enter') return clampCell(at.sheet, at.row + (shiftKey ? -1 : 1), at.column);
  return clampCell(at.sheet, at.row, at.column + (shiftKey ? -1 : 1));
}

/**
 * Tab-separated text (as spreadsheets put on the clipboard) as rows of cells. Quoted cells may
 * hold tabs, line breaks and doubled quotes; a final line break ends the last row.
 *
 * @example
 *   parseClipboard('12 min\t2 min\r\n4.2%\t0.5%\r\n') // [['12 min', '2 min'], ['4.2%', '0.5%']]
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quotedCell = false;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && cell === '' && !quotedCell) {
      const end = findClosingQuote(text, i + 1);
      if (end >= 0) {
        cell = text.slice(i + 1, end).replace(/""/g, '"');
        quotedCell = true;
        i = end + 1;
        continue;
      }
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      quotedCell = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      quotedCell = false;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The index of the quote closing a quoted cell that starts after `from`, -1 when there is none. */
function findClosingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') {
      i++;
      continue;
    }
    const next = text[i + 1];
    return next === undefined || next === '\t' || next === '\n' || next === '\r' ? i : -1;
  }
  return -1;
}

/**
 * Rows of cell texts as tab-separated text for the clipboard; cells holding tabs, line breaks or
 * quotes are quoted.
 *
 * @example
 *   toClipboard([['a', 'b\tc']]) // 'a\t"b\tc"'
 */
export function toClipboard(rows: string[][]): string {
  return rows.map((line) => line.map((cell) => (/[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join('\t')).join('\r\n');
}
