/**
 * The Chart.js configuration of each of the card's charts, from the card's chart data and the
 * theme's colours: plain data, so it is tested without a canvas. Amounts on the axes and in the
 * tooltips are written by model/format.ts, as everywhere else.
 */
import type { ChartConfiguration, ChartTypeRegistry, LegendItem, TooltipItem } from 'chart.js';
import { formatMoney } from '../../model/format';
import type { CardCharts } from '../../usecases';

/** The colours a chart is drawn in, resolved from the Fluent theme's tokens. */
export interface ChartColours {
  text: string;
  muted: string;
  grid: string;
  primary: string;
  secondary: string;
  alarm: string;
  background: string;
}

/**
 * The configuration of one chart of the card.
 *
 * @example
 *   new Chart(canvas, chartConfig('cashflows', card.charts, colours));
 */
export function chartConfig(kind: keyof CardCharts, charts: CardCharts, colours: ChartColours): ChartConfiguration {
  switch (kind) {
    case 'cashflows':
      return cashflows(charts, colours);
    case 'costs':
      return costs(charts, colours);
    case 'thresholds':
      return thresholds(charts, colours);
  }
}

/**
 * The axis look every chart shares: the theme's text, grid and border colours.
 *
 * @example
 *   ({ x: axisOf(colours), y: axisOf(colours) })
 */
export function axisOf(colours: ChartColours) {
  return { ticks: { color: colours.text }, grid: { color: colours.grid }, border: { color: colours.muted } };
}

/**
 * What every chart shares: no animation (a person reads it at once), the legend at the bottom in
 * the theme's text colour, a tooltip that says each figure as the card does, and the chart's scales.
 */
function options(colours: ChartColours, label: (item: TooltipItem<keyof ChartTypeRegistry>) => string, scales: object, horizontal: boolean): ChartConfiguration['options'] {
  return {
    ...(horizontal ? { indexAxis: 'y' as const } : {}),
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: legendOf(colours), tooltip: { callbacks: { label } } },
    scales,
  };
}

/**
 * The legend below a chart, in the theme's text colour, its series in the order they were given
 * (Chart.js would list them in drawing order, the line drawn over the columns first).
 *
 * @example
 *   options: { plugins: { legend: legendOf(colours) } }
 */
export function legendOf(colours: { text: string }) {
  return {
    position: 'bottom' as const,
    labels: { color: colours.text, boxWidth: 12, sort: (a: LegendItem, b: LegendItem) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) },
  };
}

function moneyLabel(currency: string) {
  return (item: TooltipItem<keyof ChartTypeRegistry>): string => `${item.dataset.label}: ${formatMoney(Number(item.raw), currency)}`;
}

function money(currency: string) {
  return (value: number | string): string => (typeof value === 'number' ? compactMoney(value, currency) : value);
}

/**
 * Money for an axis: thousands and millions (`$1.5M`, `($190K)`), the sign as the block shows it.
 *
 * @example
 *   compactMoney(-190000, 'USD') // '($190K)'
 */
export function compactMoney(value: number, currency: string): string {
  const size = Math.abs(value);
  if (size < 1000) return formatMoney(value, currency);
  // One decimal for millions ($1.5M), where whole millions would hide the steps of an axis.
  const [shown, suffix] = size >= 1e6 ? [Number((size / 1e6).toFixed(1)), 'M'] : [Math.round(size / 1e3), 'K'];
  const symbol = formatMoney(0, currency).replace(/0$/, '');
  const text = `${symbol}${shown}${suffix}`;
  return value < 0 ? `(${text})` : text;
}

function cashflows(charts: CardCharts, colours: ChartColours): ChartConfiguration {
  const c = charts.cashflows;
  const axis = axisOf(colours);
  return {
    type: 'bar',
    data: {
      labels: c.years,
      datasets: [
        { type: 'bar', label: 'Net cash flow', data: c.net, backgroundColor: colours.primary, borderColor: colours.primary, order: 2 },
        {
          type: 'line',
          label: 'Cumulative',
          data: c.cumulative,
          borderColor: colours.secondary,
          backgroundColor: colours.secondary,
          borderWidth: 3,
          pointRadius: 4,
          order: 1,
        },
      ],
    },
    options: options(colours, moneyLabel(c.currency), { x: axis, y: { ...axis, ticks: { ...axis.ticks, callback: money(c.currency) } } }, false),
  };
}

function costs(charts: CardCharts, colours: ChartColours): ChartConfiguration {
  const c = charts.costs;
  const axis = axisOf(colours);
  return {
    type: 'bar',
    data: {
      labels: c.categories,
      datasets: [
        { type: 'bar', label: 'Pilot', data: c.pilot, backgroundColor: colours.muted, order: 2 },
        { type: 'bar', label: 'Production, first year', data: c.production, backgroundColor: colours.primary, order: 2 },
        {
          type: 'line',
          label: `Alarm: ${c.alarmLabel} the pilot`,
          data: c.alarm,
          borderColor: colours.alarm,
          backgroundColor: colours.alarm,
          // A mark across each category's bars at alarm × its pilot line, not a line from one category to the next.
          showLine: false,
          borderWidth: 3,
          pointRadius: 9,
          pointHoverRadius: 10,
          pointStyle: 'line',
          pointRotation: 90,
          order: 1,
        },
      ],
    },
    options: options(
      colours,
      moneyLabel(c.currency),
      {
        x: { ...axis, ticks: { ...axis.ticks, callback: money(c.currency) } },
        // Every category named, over two lines in a narrow pane.
        y: { ...axis, ticks: { ...axis.ticks, autoSkip: false, callback: (_: unknown, index: number) => axisLines(c.categories[index] ?? '') } },
      },
      true,
    ),
  };
}

/** The characters an axis line of a category name holds, so that a 320 px pane keeps room for the bars. */
const LINE_CHARACTERS = 16;

/**
 * A category name as an axis shows it: whole on one line when short, else over two lines broken
 * between words, the second cut with an ellipsis only when the name is longer still (the tooltip
 * and the text alternative have it whole).
 *
 * @example
 *   axisLines('Model and licences') // ['Model and', 'licences']
 *   axisLines('Change management and training') // ['Change', 'management and…']
 */
export function axisLines(name: string): string | string[] {
  if (name.length <= LINE_CHARACTERS) return name;
  const words = name.split(/\s+/);
  let first = words.shift() ?? '';
  while (words.length > 0 && `${first} ${words[0]}`.length <= LINE_CHARACTERS) first = `${first} ${words.shift()}`;
  // A first word longer than a line is cut there, and the rest goes on the second line.
  const rest = first.length > LINE_CHARACTERS ? `${first.slice(LINE_CHARACTERS)} ${words.join(' ')}`.trim() : words.join(' ');
  first = first.slice(0, LINE_CHARACTERS);
  const second = rest.length <= LINE_CHARACTERS ? rest : `${rest.slice(0, LINE_CHARACTERS - 1).trimEnd()}…`;
  return second ? [first, second] : first;
}

function thresholds(charts: CardCharts, colours: ChartColours): ChartConfiguration {
  const c = charts.thresholds;
  const axis = axisOf(colours);
  return {
    type: 'bar',
    data: {
      labels: c.kinds,
      datasets: [
        { type: 'bar', label: 'Break-even, % of the plan', data: c.breakEven, backgroundColor: colours.primary, order: 2 },
        {
          type: 'line',
          label: 'The plan (100%)',
          data: c.kinds.map(() => 100),
          borderColor: colours.secondary,
          backgroundColor: colours.secondary,
          borderDash: [6, 4],
          borderWidth: 2,
          pointRadius: 0,
          order: 1,
        },
      ],
    },
    options: options(
      colours,
      (item) => (item.datasetIndex === 0 ? c.labels[item.dataIndex] : 'The plan'),
      { x: { ...axis, beginAtZero: true, ticks: { ...axis.ticks, callback: (v: number | string) => `${v}%` } }, y: axis },
      true,
    ),
  };
}
