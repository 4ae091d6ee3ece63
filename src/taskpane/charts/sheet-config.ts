/**
 * The Chart.js configuration of a native chart of the sheet as the workbench draws it: the
 * categories and series a chart write named, read from the cells, drawn as Excel draws a combo
 * chart (columns, with any line series over them). Plain data, so it is tested without a canvas.
 */
import type { ChartConfiguration, ChartTypeRegistry, TooltipItem } from 'chart.js';
import { legendOf } from './configs';

/** One series as read from its cells: a value per category, null where a cell holds no number. */
export interface SheetChartSeries {
  name: string;
  kind: 'columns' | 'line';
  values: (number | null)[];
}

/** A native chart of the sheet, as its cells hold it now. */
export interface SheetChartData {
  title: string;
  categories: string[];
  series: SheetChartSeries[];
  /** What the chart shows, in words, for people who cannot see it. */
  description: string;
}

/** The colours of the page the chart sits on: its text, gridlines and one colour per series in turn. */
export interface SheetChartColours {
  text: string;
  muted: string;
  grid: string;
  series: readonly string[];
}

/**
 * The configuration of one sheet chart; `formatValue` writes a value as its cells show it (the
 * axis and the tooltips then read as the sheet does, `($190,000)`).
 *
 * @example
 *   new Chart(canvas, sheetChartConfig(data, colours, (v) => displayText(v, '$#,##0')));
 */
export function sheetChartConfig(data: SheetChartData, colours: SheetChartColours, formatValue: (value: number) => string): ChartConfiguration {
  const axis = { ticks: { color: colours.text }, grid: { color: colours.grid }, border: { color: colours.muted } };
  const colour = (i: number): string => colours.series[i % colours.series.length];
  return {
    type: 'bar',
    data: {
      labels: data.categories,
      datasets: data.series.map((s, i) =>
        s.kind === 'line'
          ? { type: 'line' as const, label: s.name, data: s.values, borderColor: colour(i), backgroundColor: colour(i), borderWidth: 3, pointRadius: 4, order: 1 }
          : { type: 'bar' as const, label: s.name, data: s.values, backgroundColor: colour(i), borderColor: colour(i), order: 2 },
      ),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      // The sheet redraws on every recalculation: no animation between one value and the next.
      animation: false,
      plugins: {
        legend: legendOf(colours),
        tooltip: { callbacks: { label: (item: TooltipItem<keyof ChartTypeRegistry>) => `${item.dataset.label}: ${formatValue(Number(item.raw))}` } },
      },
      scales: {
        x: axis,
        y: { ...axis, ticks: { ...axis.ticks, callback: (value: number | string) => (typeof value === 'number' ? formatValue(value) : value) } },
      },
    },
  };
}
