import type { KeyboardEvent } from 'react';
import type { HyperFormulaWorkbook } from '../workbook/hyperformula/workbook';

/**
 * One tab per sheet, in order; the arrow keys move between tabs and Enter or a click shows one
 * (Ctrl+Page Up / Page Down in the grid do the same).
 *
 * @example
 *   <SheetTabs book={book} />
 */
export function SheetTabs({ book }: { book: HyperFormulaWorkbook }) {
  const names = book.sheetNames();
  const active = book.activeSheet;

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    let next = index + step;
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = names.length - 1;
    if (next === index || next < 0 || next >= names.length) return;
    e.preventDefault();
    book.activateSheet(names[next]);
    document.getElementById(tabId(next))?.focus();
  };

  return (
    <div className="wb-tabs" role="tablist" aria-label="Sheets">
      {names.map((name, i) => (
        <button
          key={name}
          id={tabId(i)}
          type="button"
          role="tab"
          aria-selected={name === active}
          aria-controls="wb-sheet"
          tabIndex={name === active ? 0 : -1}
          className="wb-tab"
          onClick={() => book.activateSheet(name)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}

/** The element id of the tab of the sheet at `index`. */
export function tabId(index: number): string {
  return `wb-tab-${index}`;
}
