import type { KeyboardEvent, RefObject } from 'react';
import { cellA1, rangeA1 } from '../workbook/a1';
import type { CellAddress, RangeAddress } from '../workbook/port';
import { editText } from '../workbook/hyperformula/cell-entry';
import type { HyperFormulaWorkbook } from '../workbook/hyperformula/workbook';
import type { Draft } from './SheetGrid';

export interface FormulaBarProps {
  book: HyperFormulaWorkbook;
  draft: Draft | null;
  onDraft(draft: Draft | null): void;
  onCommit(move: { key: 'Enter' | 'Tab'; shiftKey: boolean } | null, refocus: boolean): void;
  gridRef: RefObject<HTMLTableElement | null>;
}

/**
 * The name box (the selection's address) and the formula bar (the active cell's formula or
 * text, editable: Enter commits, Escape cancels), and the active cell's error message when it
 * holds an error, as Excel shows it on hover.
 *
 * @example
 *   <FormulaBar book={book} draft={draft} onDraft={setDraft} onCommit={commit} gridRef={gridRef} />
 */
export function FormulaBar({ book, draft, onDraft, onCommit, gridRef }: FormulaBarProps) {
  const sheet = book.activeSheet;
  const active: CellAddress | null = book.activeCellAddress;
  const selection: RangeAddress | null = book.selection;
  if (sheet === null || active === null || active.sheet !== sheet) return <div className="wb-bar" />;
  const cell = book.shown(active);
  const editingHere = draft !== null && draft.at.sheet === sheet && draft.at.row === active.row && draft.at.column === active.column;
  const text = editingHere ? draft.text : editText(cell, cell.numberFormat);
  const address = selection && selection.sheet === sheet ? rangeA1(selection) : cellA1(active.row, active.column);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (editingHere) onCommit({ key: 'Enter', shiftKey: e.shiftKey }, true);
      else gridRef.current?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onDraft(null);
      gridRef.current?.focus();
    }
  };

  return (
    <div className="wb-bar-area">
      <div className="wb-bar">
        <input className="wb-namebox" aria-label="Name box: the selected cells" readOnly value={address} />
        <label htmlFor="wb-formula" className="wb-fx">
          <span aria-hidden="true">fx</span>
          <span className="wb-sr-only">Formula bar</span>
        </label>
        <input
          id="wb-formula"
          className="wb-formula"
          aria-describedby={cell.error ? 'wb-cell-error' : undefined}
          value={text}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onDraft({ at: active, text: e.target.value, origin: 'bar' })}
          onKeyDown={onKeyDown}
          onBlur={(e) => {
            if (editingHere && !(e.relatedTarget instanceof HTMLInputElement && e.relatedTarget.classList.contains('wb-editor'))) onCommit(null, false);
          }}
        />
      </div>
      {cell.error && (
        <p id="wb-cell-error" className="wb-cell-error">
          <strong>{cell.error.code}</strong> {cell.error.message || 'This cell holds an error.'}
        </p>
      )}
    </div>
  );
}
