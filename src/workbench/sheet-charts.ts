/**
 * What the workbench draws for a native chart a write put on a sheet: the chart's categories and
 * series read from their cells as they are now (so a recalculation redraws it), in the sheet's
 * own number format, with a text alternative that says the same figures in words.
 */
import type { SheetChartColours, SheetChartData } from '../taskpane/charts/sheet-config';
import type { CellAddress, RangeAddress } from '../workbook/port';
import type { HyperFormulaWorkbook, WorkbookChart } from '../workbook/hyperformula/workbook';

/**
 * The workbench's colours for a sheet's charts: its grid's text and lines, and the series in the
 * accent colours of Office's default theme (blue, orange, grey, gold), as Excel draws a new chart.
 */
export const SHEET_CHART_COLOURS: SheetChartColours = {
  text: '#1f1f1f',
  muted: '#616161',
  grid: '#e1e1e1',
  series: ['#4472c4', '#ed7d31', '#a5a5a5', '#ffc000'],
};

/** A range's cells, row by row: a row or a column of cells reads as a list. */
function cellsOf(range: RangeAddress): CellAddress[] {
  return Array.from({ length: range.rows * range.columns }, (_, i) => ({
    sheet: range.sheet,
    row: range.row + Math.floor(i / range.columns),
    column: range.column + (i % range.columns),
  }));
}

/**
 * A chart of the sheet as its cells hold it now: each category's label as the cell shows it, each
 * series' numbers (null where a cell holds text, an error or nothing), and a text alternative.
 *
 * @example
 *   const [chart] = book.charts('Pilot Gate');
 *   sheetChartData(book, chart).categories; // ['Year 0', 'Year 1', 'Year 2', 'Year 3']
 */
export function sheetChartData(book: HyperFormulaWorkbook, chart: WorkbookChart): SheetChartData {
  const categories = cellsOf(chart.categories).map((at) => book.shown(at).text.trim());
  const read = chart.series.map((s) => cellsOf(s.values).map((at) => book.shown(at)));
  const series = chart.series.map((s, i) => ({
    name: s.name,
    kind: s.kind,
    values: read[i].map((cell) => (typeof cell.value === 'number' ? cell.value : null)),
  }));
  const how = chart.series.map((s) => `${s.name} as ${s.kind === 'line' ? 'a line' : 'columns'}`).join(', ');
  const each = categories.map((category, c) => {
    const figures = chart.series.map((s, i) => `${s.name} ${read[i][c]?.text.trim() || 'empty'}`);
    return `${category || `point ${c + 1}`}: ${figures.join(', ')}`;
  });
  return { title: chart.title, categories, series, description: `${chart.title}: ${how}. ${each.join('; ')}.` };
}

/**
 * The number format a chart's values are shown in: that of its first series' first number, as
 * Excel's value axis follows its source cells; General when it has none.
 *
 * @example
 *   valueFormat(book, chart) // '$#,##0_);($#,##0)'
 */
export function valueFormat(book: HyperFormulaWorkbook, chart: WorkbookChart): string {
  for (const s of chart.series) {
    const first = cellsOf(s.values).map((at) => book.shown(at)).find((cell) => typeof cell.value === 'number');
    if (first) return first.numberFormat;
  }
  return 'General';
}
