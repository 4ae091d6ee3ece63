import { startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent, MouseEvent, RefObject } from 'react';
import { cellA1, columnLetters } from '../workbook/a1';
import type { CellAddress, RangeAddress } from '../workbook/port';
import { editText } from '../workbook/hyperformula/cell-entry';
import type { HyperFormulaWorkbook, ShownCell } from '../workbook/hyperformula/workbook';
import { afterPaint } from './after-paint';
import { afterCommit, navigate, parseClipboard, spanOf, toClipboard } from './navigation';
import type { Selection } from './navigation';

/** Rows and columns shown at least, and beyond the used part of a sheet. */
const MIN_ROWS = 40;
const MIN_COLUMNS = 12;
const SPARE_ROWS = 20;
const SPARE_COLUMNS = 3;
/** Excel's default column width, in CSS pixels. */
const DEFAULT_COLUMN_PX = 72;
/** A column without a width of its own widens to show its numbers whole, up to this. */
const AUTOFIT_MAX_PX = 180;
/** Width of a digit at the grid's font size, and the cell's padding, for that widening. */
const DIGIT_PX = 7.5;
const CELL_PADDING_PX = 12;
const ROW_HEADER_PX = 44;
/**
 * A screenful of a 1,440 × 900 window: what is drawn at once when a sheet is shown. Its other
 * rows and columns follow once that is painted, so a wide sheet (the output block's 66 × 25 cells)
 * shows its top-left, where the verdict is, without waiting for the cells out of sight.
 */
const FIRST_ROWS = 40;
const FIRST_COLUMNS = 16;

/** An edit under way: the text typed so far into a cell, in the cell or in the formula bar. */
export interface Draft {
  at: CellAddress;
  text: string;
  origin: 'cell' | 'bar';
}

export interface SheetGridProps {
  book: HyperFormulaWorkbook;
  draft: Draft | null;
  onDraft(draft: Draft | null): void;
  /** Enters the draft; with a key, moves the active cell the way that key does. */
  onCommit(move: { key: 'Enter' | 'Tab'; shiftKey: boolean } | null, refocus: boolean): void;
  gridRef: RefObject<HTMLTableElement | null>;
}

/**
 * The element id of a cell of the sheet shown.
 *
 * @example
 *   cellId(1, 2) // 'wb-cell-1-2'
 */
export function cellId(row: number, column: number): string {
  return `wb-cell-${row}-${column}`;
}

/** The selection's corner opposite the active cell. */
function selectionOf(range: RangeAddress, active: CellAddress): Selection {
  const end: CellAddress = {
    sheet: range.sheet,
    row: active.row === range.row ? range.row + range.rows - 1 : range.row,
    column: active.column === range.column ? range.column + range.columns - 1 : range.column,
  };
  return { active, end };
}

function inRange(range: RangeAddress, row: number, column: number): boolean {
  return row >= range.row && row < range.row + range.rows && column >= range.column && column < range.column + range.columns;
}

function cellStyle(cell: ShownCell): CSSProperties {
  return {
    fontWeight: cell.style.bold ? 700 : undefined,
    fontStyle: cell.style.italic ? 'italic' : undefined,
    backgroundColor: cell.style.fill,
    color: cell.style.fontColor,
    // A wrapped cell (the block's actions) grows its row to show its text, as Excel's Wrap Text does.
    ...(cell.style.wrap ? { whiteSpace: 'normal', height: 'auto', paddingTop: 2, paddingBottom: 2 } : {}),
  };
}

function alignment(cell: ShownCell): string {
  if (cell.error) return 'wb-error';
  if (typeof cell.value === 'number') return 'wb-number';
  if (typeof cell.value === 'boolean') return 'wb-boolean';
  return 'wb-text';
}

/**
 * Ctrl+V and Ctrl+C while the grid has the focus, wherever the browser sends them. Chromium sends
 * a clipboard event to the element holding the document's selection, not to the focused one, and
 * once a cell's editor has been open that selection stays in the cell (a span inside the grid),
 * or in the pane when text was selected there: a listener on the grid that took only events
 * aimed at the grid itself lost every paste after the first edit. The document hears them all;
 * the focus says whether they are the grid's (the cell editor, the formula bar and the pane's
 * fields are inputs with the focus, and paste as inputs do).
 */
function useGridClipboard(gridRef: RefObject<HTMLTableElement | null>, handlers: RefObject<{ paste(text: string): void; copy(): string } | null>): void {
  useEffect(() => {
    const ours = (e: ClipboardEvent): boolean => gridRef.current !== null && document.activeElement === gridRef.current && e.clipboardData !== null;
    const paste = (e: ClipboardEvent): void => {
      if (!ours(e)) return;
      e.preventDefault();
      handlers.current?.paste(e.clipboardData!.getData('text/plain'));
    };
    const copy = (e: ClipboardEvent): void => {
      if (!ours(e) || !handlers.current) return;
      e.clipboardData!.setData('text/plain', handlers.current.copy());
      e.preventDefault();
    };
    document.addEventListener('paste', paste);
    document.addEventListener('copy', copy);
    return () => {
      document.removeEventListener('paste', paste);
      document.removeEventListener('copy', copy);
    };
  }, [gridRef, handlers]);
}

/** How many rows and columns the sheet shown has on the grid, and how many of them are drawn now. */
interface GridSize {
  here: CellAddress;
  range: RangeAddress;
  rows: number;
  columns: number;
  drawnRows: number;
  drawnColumns: number;
}

function gridSize(book: HyperFormulaWorkbook, sheet: string, active: CellAddress | null, selection: RangeAddress | null, full: boolean): GridSize {
  const here: CellAddress = active && active.sheet === sheet ? active : { sheet, row: 0, column: 0 };
  const range: RangeAddress = selection && selection.sheet === sheet ? selection : { ...here, rows: 1, columns: 1 };
  const extent = book.extent(sheet);
  // The cells under the sheet's charts are shown too, so that each chart has its place (SheetCharts).
  const charted = book.charts(sheet).map((c) => c.place);
  const rows = Math.max(MIN_ROWS, extent.rows + SPARE_ROWS, range.row + range.rows + SPARE_ROWS / 2, ...charted.map((p) => p.row + p.rows + 1));
  const columns = Math.max(MIN_COLUMNS, extent.columns + SPARE_COLUMNS, range.column + range.columns + 1, ...charted.map((p) => p.column + p.columns + 1));
  // The active cell and the selection are drawn from the start: the grid's active descendant and the editor are there.
  const drawnRows = full ? rows : Math.min(rows, Math.max(FIRST_ROWS, range.row + range.rows, here.row + 1));
  const drawnColumns = full ? columns : Math.min(columns, Math.max(FIRST_COLUMNS, range.column + range.columns, here.column + 1));
  return { here, range, rows, columns, drawnRows, drawnColumns };
}

/**
 * The sheet shown, as an ARIA grid: click or use the arrow keys to select (Shift stretches the
 * selection), type to replace a cell or F2 to edit it, Enter to commit, Escape to cancel,
 * Delete to empty the selection; paste tab-separated text from a spreadsheet; copy the selection.
 *
 * @example
 *   <SheetGrid book={book} draft={draft} onDraft={setDraft} onCommit={commit} gridRef={gridRef} />
 */
export function SheetGrid({ book, draft, onDraft, onCommit, gridRef }: SheetGridProps) {
  const sheet = book.activeSheet;
  const editorRef = useRef<HTMLInputElement | null>(null);
  const active = book.activeCellAddress;
  const selection = book.selection;
  const clipboard = useRef<{ paste(text: string): void; copy(): string } | null>(null);
  useGridClipboard(gridRef, clipboard);
  // The sheet drawn in full; any other is drawn a screenful first (FIRST_ROWS), the rest as a
  // transition once that is painted: React yields to the browser while it renders them.
  const [drawnFully, setDrawnFully] = useState<string | null>(null);
  const full = sheet !== null && drawnFully === sheet;
  const size = sheet === null ? null : gridSize(book, sheet, active, selection, full);
  // Whether anything is left to draw: a sheet that fits in a screenful is drawn once.
  const cut = size !== null && (size.drawnRows < size.rows || size.drawnColumns < size.columns);
  useEffect(() => {
    if (full || sheet === null || !cut) return;
    return afterPaint(() => startTransition(() => setDrawnFully(sheet)));
  }, [full, sheet, cut]);

  useEffect(() => {
    if (!active) return;
    document.getElementById(cellId(active.row, active.column))?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [sheet, active?.row, active?.column]);

  // Focus moves into a new editor before the next key arrives, so typing straight on is not lost.
  useLayoutEffect(() => {
    const editor = editorRef.current;
    if (editor && draft?.origin === 'cell' && document.activeElement !== editor) {
      editor.focus();
      editor.setSelectionRange(editor.value.length, editor.value.length);
    }
  }, [draft?.origin, draft?.at.row, draft?.at.column]);

  if (sheet === null || size === null) {
    clipboard.current = null;
    return <p className="wb-empty">This workbook has no sheets.</p>;
  }
  const { here, range, rows: rowCount, columns: columnCount, drawnRows, drawnColumns } = size;
  const columns = Array.from({ length: drawnColumns }, (_, c) => c);
  const shown = Array.from({ length: drawnRows }, (_, row) => columns.map((column) => book.shown({ sheet, row, column })));
  // Excel shows #### where a number does not fit; the workbench widens the column instead (as AutoFit would).
  const widths = columns.map((c) => {
    const points = book.columnWidth(sheet, c);
    if (points !== undefined) return Math.round((points * 4) / 3);
    const widest = Math.max(0, ...shown.map((line) => (typeof line[c].value === 'number' ? line[c].text.length : 0)));
    return Math.min(AUTOFIT_MAX_PX, Math.max(DEFAULT_COLUMN_PX, Math.ceil(widest * DIGIT_PX + CELL_PADDING_PX)));
  });
  const widthOf = (c: number): number => widths[c];

  const select = (to: Selection): void => book.setSelection(spanOf(to.active, to.end), to.active);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>): void => {
    if (e.target !== e.currentTarget) return;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && (e.key === 'PageUp' || e.key === 'PageDown')) {
      const names = book.sheetNames();
      const next = names[names.indexOf(sheet) + (e.key === 'PageUp' ? -1 : 1)];
      if (next !== undefined) book.activateSheet(next);
      e.preventDefault();
      return;
    }
    const moved = navigate(selectionOf(range, here), { key: e.key, shiftKey: e.shiftKey, ctrlKey: ctrl });
    if (moved) {
      select(moved);
      e.preventDefault();
      return;
    }
    if (e.key === 'Enter') {
      const to = afterCommit(here, 'Enter', e.shiftKey);
      select({ active: to, end: to });
      e.preventDefault();
    } else if (e.key === 'F2') {
      onDraft({ at: here, text: editText(book.shown(here), book.shown(here).numberFormat), origin: 'cell' });
      e.preventDefault();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      book.clearContents(range);
      e.preventDefault();
    } else if (e.key.length === 1 && !ctrl && !e.altKey) {
      onDraft({ at: here, text: e.key, origin: 'cell' });
      e.preventDefault();
    }
  };

  const onPaste = (text: string): void => {
    const rows = parseClipboard(text);
    if (rows.length === 0) return;
    book.enterMany(here, rows);
    // A loop, not Math.max(...): a pasted column of a hundred thousand rows would overflow the stack as arguments.
    const width = rows.reduce((widest, row) => (row.length > widest ? row.length : widest), 0);
    book.setSelection({ ...here, rows: rows.length, columns: width }, here);
  };

  const onCopy = (): string => {
    const rows = Array.from({ length: range.rows }, (_, r) =>
      Array.from({ length: range.columns }, (_, c) => book.shown({ sheet, row: range.row + r, column: range.column + c }).text),
    );
    return toClipboard(rows);
  };
  clipboard.current = { paste: onPaste, copy: onCopy };

  const onCellMouseDown = (e: MouseEvent, row: number, column: number): void => {
    if (draft?.origin === 'cell' && draft.at.row === row && draft.at.column === column) return;
    if (draft) onCommit(null, false);
    const at = { sheet, row, column };
    select(e.shiftKey ? { active: here, end: at } : { active: at, end: at });
    gridRef.current?.focus();
    e.preventDefault();
  };

  const onEditorKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    e.stopPropagation();
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      onCommit({ key: e.key, shiftKey: e.shiftKey }, true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onDraft(null);
      gridRef.current?.focus();
    }
  };

  return (
    <table
      ref={gridRef}
      id="wb-grid"
      className="wb-grid"
      role="grid"
      aria-label={`Sheet ${sheet}`}
      aria-multiselectable="true"
      aria-rowcount={rowCount + 1}
      aria-colcount={columnCount + 1}
      aria-activedescendant={draft?.origin === 'cell' ? undefined : cellId(here.row, here.column)}
      tabIndex={0}
      style={{ width: ROW_HEADER_PX + columns.reduce((sum, c) => sum + widthOf(c), 0) }}
      onKeyDown={onKeyDown}
    >
      <colgroup>
        <col style={{ width: ROW_HEADER_PX }} />
        {columns.map((c) => (
          <col key={c} style={{ width: widthOf(c) }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className="wb-corner" scope="col">
            <span className="wb-sr-only">Row</span>
          </th>
          {columns.map((c) => (
            <th key={c} scope="col" className={c >= range.column && c < range.column + range.columns ? 'wb-header-on' : undefined}>
              {columnLetters(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: drawnRows }, (_, row) => (
          <tr key={row}>
            <th scope="row" className={row >= range.row && row < range.row + range.rows ? 'wb-header-on' : undefined}>
              {row + 1}
            </th>
            {columns.map((column) => {
              const cell = shown[row][column];
              const isActive = row === here.row && column === here.column;
              const editing = draft !== null && draft.at.sheet === sheet && draft.at.row === row && draft.at.column === column;
              const classes = [alignment(cell), inRange(range, row, column) ? 'wb-selected' : '', isActive ? 'wb-active' : ''];
              const overflow = cell.text !== '' && alignment(cell) === 'wb-text' && (shown[row][column + 1]?.text ?? '') === '';
              if (overflow) classes.push('wb-overflow');
              const part = book.tablePart({ sheet, row, column });
              if (part) classes.push(part.part === 'header' ? 'wb-table-header' : `wb-table-band${part.band}`);
              return (
                <td
                  key={column}
                  id={cellId(row, column)}
                  data-cell={cellA1(row, column)}
                  className={classes.filter(Boolean).join(' ')}
                  aria-selected={inRange(range, row, column)}
                  title={cell.error ? `${cell.error.code} ${cell.error.message}`.trim() : undefined}
                  style={cellStyle(cell)}
                  onMouseDown={(e) => onCellMouseDown(e, row, column)}
                  onDoubleClick={() => onDraft({ at: { sheet, row, column }, text: editText(cell, cell.numberFormat), origin: 'cell' })}
                >
                  {editing && draft.origin === 'cell' ? (
                    <input
                      ref={editorRef}
                      className="wb-editor"
                      aria-label={`Edit ${sheet}!${cellA1(row, column)}`}
                      value={draft.text}
                      onChange={(e) => onDraft({ ...draft, text: e.target.value })}
                      onKeyDown={onEditorKeyDown}
                      onBlur={(e) => {
                        if (e.relatedTarget?.id !== 'wb-formula') onCommit(null, false);
                      }}
                    />
                  ) : (
                    <span>{editing ? draft.text : cell.text}</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
