import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { displayText } from '../workbook/hyperformula/number-format';
import type { HyperFormulaWorkbook } from '../workbook/hyperformula/workbook';
import type { RangeAddress } from '../workbook/port';
import { afterPaint } from './after-paint';
import { cellId } from './SheetGrid';
import { SHEET_CHART_COLOURS, sheetChartData, valueFormat } from './sheet-charts';

// The pane's chart chunk: one Chart.js for the card's charts and the sheet's, fetched when a sheet first shows a chart.
const SheetChart = lazy(() => import(/* webpackChunkName: "charts" */ '../taskpane/charts/SheetChart'));

/** Where a chart sits over the grid, in px from the top-left of the grid's scrolling box. */
interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The box the cells of `place` cover on the grid shown, null while they are not rendered. */
function boxOver(table: HTMLTableElement, place: RangeAddress): Box | null {
  const first = table.ownerDocument.getElementById(cellId(place.row, place.column));
  const last = table.ownerDocument.getElementById(cellId(place.row + place.rows - 1, place.column + place.columns - 1));
  if (!first || !last) return null;
  // A cell's offsets are from its table; the table's from the scrolling box the charts sit in.
  const left = table.offsetLeft + first.offsetLeft;
  const top = table.offsetTop + first.offsetTop;
  return { left, top, width: table.offsetLeft + last.offsetLeft + last.offsetWidth - left, height: table.offsetTop + last.offsetTop + last.offsetHeight - top };
}

const sameBoxes = (a: (Box | null)[], b: (Box | null)[]): boolean => a.length === b.length && a.every((x, i) => JSON.stringify(x) === JSON.stringify(b[i]));

/**
 * The native charts a write put on the sheet shown, each over the cells it was placed on (where
 * Excel shows it), drawn from its series' cells as they are now, so that it follows every edit
 * and recalculation. Goes beside the grid, inside its scrolling box.
 *
 * @example
 *   <div className="wb-scroll"><SheetGrid … gridRef={gridRef} /><SheetCharts book={book} gridRef={gridRef} /></div>
 */
export function SheetCharts({ book, gridRef }: { book: HyperFormulaWorkbook; gridRef: RefObject<HTMLTableElement | null> }) {
  const sheet = book.activeSheet;
  const charts = sheet === null ? [] : book.charts(sheet);
  const [boxes, setBoxes] = useState<(Box | null)[]>([]);
  const places = useRef<RangeAddress[]>([]);
  places.current = charts.map((c) => c.place);
  // Measured once the grid is painted, when its layout is done and reading it is free: measuring
  // during the commit forced a layout of the whole page (85 ms after Evaluate) before the verdict could show.
  const measure = useCallback(() => {
    const table = gridRef.current;
    const next = table ? places.current.map((place) => boxOver(table, place)) : [];
    setBoxes((boxes) => (sameBoxes(next, boxes) ? boxes : next));
  }, [gridRef]);
  // After every render of the workbench: a row that wraps its text, or a column width set, moves the cells under a chart.
  useEffect(() => {
    if (charts.length === 0) {
      setBoxes((boxes) => (boxes.length === 0 ? boxes : []));
      return;
    }
    return afterPaint(measure);
  });
  // And whenever the grid changes size without the workbench rendering: its cells out of sight
  // drawn after the first screenful (SheetGrid) bring the places of charts further right or down.
  useEffect(() => {
    const table = gridRef.current;
    if (!table || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(table);
    return () => observer.disconnect();
  }, [gridRef, measure, sheet]);
  return (
    <>
      {charts.map((chart, i) => {
        const box = boxes[i];
        if (!box) return null;
        const format = valueFormat(book, chart);
        return (
          <div key={`${chart.sheet}!${chart.name}`} className="wb-chart" data-chart={chart.name} style={box}>
            <Suspense fallback={<p className="wb-chart-loading">Loading the chart…</p>}>
              <SheetChart data={sheetChartData(book, chart)} colours={SHEET_CHART_COLOURS} formatValue={(v) => displayText(v, format).trim()} />
            </Suspense>
          </div>
        );
      })}
    </>
  );
}
