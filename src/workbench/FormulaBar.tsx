import { useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { cellA1, parseA1, rangeA1 } from '../workbook/a1';
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
 * The name box (the selection's address; type an address such as `B7`, `C2:D4` or
 * `Costs!A1` and press Enter to go there) and the formula bar (the active cell's formula or
 * text, editable: Enter commits, Escape cancels), and the active cell's error message when it
 * holds an error, as Excel shows it on hover.
 *
 * @example
 *   <FormulaBar book={book} draft={draft} onDraft={setDraft} onCommit={commit} gridRef={gridRef} />
 */
export function FormulaBar({ book, draft, onDraft, onCommit, gridRef }: FormulaBarProps) {
  // What is typed into the name box, until Enter goes there or Escape gives up; null shows the selection.
  const [typedAddress, setTypedAddress] = useState<string | null>(null);
  const [addressError, setAddressError] = useState<string | null>(null);
  const sheet = book.activeSheet;
  const active: CellAddress | null = book.activeCellAddress;
  const selection: RangeAddress | null = book.selection;
  if (sheet === null || active === null || active.sheet !== sheet) return <div className="wb-bar" />;
  const cell = book.shown(active);
  const editingHere = draft !== null && draft.at.sheet === sheet && draft.at.row === active.row && draft.at.column === active.column;
  const text = editingHere ? draft.text : editText(cell, cell.numberFormat);
  const address = selection && selection.sheet === sheet ? rangeA1(selection) : cellA1(active.row, active.column);

  const onNameKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      setTypedAddress(null);
      setAddressError(null);
      gridRef.current?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      try {
        const range = parseA1(typedAddress ?? address, sheet);
        book.setSelection(range, range);
        setTypedAddress(null);
        setAddressError(null);
        gridRef.current?.focus();
      } catch (error) {
        setAddressError(`"${typedAddress}" is not an address on this workbook: type one such as B7, C2:D4 or Costs!A1. ${error instanceof Error ? error.message : ''}`.trim());
      }
    }
  };

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
        <input
          className="wb-namebox"
          aria-label="Name box: the selected cells; type an address and press Enter to go there"
          aria-invalid={addressError !== null || undefined}
          aria-describedby={addressError ? 'wb-address-error' : undefined}
          value={typedAddress ?? address}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setTypedAddress(e.target.value)}
          onFocus={(e) => e.target.select()}
          onBlur={() => setTypedAddress(null)}
          onKeyDown={onNameKeyDown}
        />
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
      {addressError && (
        <p id="wb-address-error" className="wb-cell-error" role="alert">
          {addressError}
        </p>
      )}
      {cell.error && (
        <p id="wb-cell-error" className="wb-cell-error">
          <strong>{cell.error.code}</strong> {cell.error.message || 'This cell holds an error.'}
        </p>
      )}
    </div>
  );
}
