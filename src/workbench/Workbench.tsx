import { useCallback, useMemo, useRef, useState } from 'react';
import { PortalMountNodeProvider } from '@fluentui/react-components';
import { App } from '../taskpane/App';
import { createUseCases } from '../usecases';
import type { HyperFormulaWorkbook } from '../workbook/hyperformula/workbook';
import { FormulaBar } from './FormulaBar';
import { afterCommit, spanOf } from './navigation';
import { SheetCharts } from './SheetCharts';
import { SheetGrid } from './SheetGrid';
import type { Draft } from './SheetGrid';
import { SheetTabs, tabId } from './SheetTabs';
import { useWorkbookVersion } from './useWorkbook';

export interface WorkbenchProps {
  book: HyperFormulaWorkbook;
  /** The clock, for the pane's snapshot timestamps. */
  now: () => Date;
  /** A line for the person: what is loaded and what to do first. */
  hint: string;
}

/**
 * The workbench page: the real task pane beside a grid of the in-browser workbook it works on.
 *
 * @example
 *   createRoot(el).render(<Workbench book={book} now={() => new Date()} hint="Press Find tables, then Evaluate." />);
 */
export function Workbench({ book, now, hint }: WorkbenchProps) {
  useWorkbookVersion(book);
  const useCases = useMemo(() => createUseCases({ port: book, now }), [book, now]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const draftRef = useRef<Draft | null>(null);
  const gridRef = useRef<HTMLTableElement | null>(null);
  // The pane's dialogs open over the pane, as they do in Excel's task pane, and leave the grid usable.
  const [paneLayer, setPaneLayer] = useState<HTMLElement | null>(null);

  const onDraft = useCallback((next: Draft | null) => {
    draftRef.current = next;
    setDraft(next);
  }, []);

  const onCommit = useCallback(
    (move: { key: 'Enter' | 'Tab'; shiftKey: boolean } | null, refocus: boolean) => {
      const pending = draftRef.current;
      if (!pending) return;
      draftRef.current = null;
      setDraft(null);
      book.enter(pending.at, pending.text);
      if (move) {
        const next = afterCommit(pending.at, move.key, move.shiftKey);
        book.setSelection(spanOf(next, next), next);
      }
      if (refocus) gridRef.current?.focus();
    },
    [book],
  );

  const sheets = book.sheetNames();
  const activeIndex = book.activeSheet === null ? -1 : sheets.indexOf(book.activeSheet);
  return (
    <div className="wb">
      <header className="wb-banner">
        <p>
          <strong>Pilot Gate workbench</strong> · the task pane on a workbook in this browser (HyperFormula with the add-in’s PILOT
          functions). {hint}
        </p>
      </header>
      <section className="wb-book" aria-label="Workbook">
        <FormulaBar book={book} draft={draft} onDraft={onDraft} onCommit={onCommit} gridRef={gridRef} />
        <div className="wb-scroll" id="wb-sheet" role="tabpanel" aria-labelledby={activeIndex >= 0 ? tabId(activeIndex) : undefined}>
          <SheetGrid book={book} draft={draft} onDraft={onDraft} onCommit={onCommit} gridRef={gridRef} />
          <SheetCharts book={book} gridRef={gridRef} />
        </div>
        <SheetTabs book={book} />
      </section>
      <aside className="wb-pane" aria-label="Task pane" ref={setPaneLayer}>
        <div className="wb-pane-scroll">
          <PortalMountNodeProvider value={paneLayer ?? undefined}>
            <App useCases={useCases} landmark="region" />
          </PortalMountNodeProvider>
        </div>
      </aside>
    </div>
  );
}
