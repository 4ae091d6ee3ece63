/**
 * The Chart.js configurations of "How sure?": the NPV histogram (bars below 0 in the alarm
 * colour, P10, P50 and P90 as upright lines) and the tornado (each input's NPV at its low and at
 * its high, from the point NPV). Plain data from the use cases' plan, tested without a canvas.
 */
import type { ChartConfiguration, ChartTypeRegistry, TooltipItem } from 'chart.js';
import { formatMoney } from '../../model/format';
import type { HistogramChart, TornadoChart } from '../../usecases';
import { axisOf, compactMoney } from './configs';
import type { ChartColours } from './configs';

/**
 * What both charts share: no animation, the legend at the bottom (of the datasets `keep` keeps,
 * keyed by each one's point style when `lines`), tooltips as the card writes figures.
 */
function common(colours: ChartColours, label: (item: TooltipItem<keyof ChartTypeRegistry>) => string, keep: (item: { datasetIndex?: number }) => boolean = () => true, lines = false) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    plugins: { legend: { position: 'bottom' as const, labels: { color: colours.text, boxWidth: 12, filter: keep, usePointStyle: lines } }, tooltip: { callbacks: { label } } },
  };
}

/** How each marker's line is drawn: P50 solid, P10 and P90 dashed. */
const MARKER_DASH: readonly number[][] = [[6, 4], [], [6, 4]];

/**
 * The NPV histogram: one bar per bin on a money axis, P10, P50 and P90 as upright lines.
 *
 * @example
 *   new Chart(canvas, histogramConfig(figures.histogram, colours));
 */
export function histogramConfig(h: HistogramChart, colours: ChartColours): ChartConfiguration {
  const axis = axisOf(colours);
  const top = Math.max(1, ...h.bins.map((b) => b.count));
  const width = h.bins.length > 0 ? h.bins[0].to - h.bins[0].from : 0;
  const money = (x: number) => formatMoney(x, h.currency);
  const tooltip = (item: TooltipItem<keyof ChartTypeRegistry>): string => {
    const bin = h.bins[item.dataIndex];
    return item.datasetIndex === 0 ? `${money(bin.from)} to ${money(bin.to)}: ${bin.count.toLocaleString('en-US')} trials` : String(item.dataset.label);
  };
  return {
    type: 'bar',
    data: {
      datasets: [
        {
          type: 'bar',
          label: 'Trials',
          data: h.bins.map((b) => ({ x: (b.from + b.to) / 2, y: b.count })),
          // Below 0 in the alarm colour: the share of trials that lose money reads at a glance.
          backgroundColor: h.bins.map((b) => (b.belowZero ? colours.alarm : colours.primary)),
          borderColor: colours.background,
          borderWidth: 1,
          barPercentage: 1,
          categoryPercentage: 1,
          order: 2,
        },
        ...h.markers.map((m, i) => ({
          type: 'line' as const,
          label: m.label,
          data: [
            { x: m.value, y: 0 },
            { x: m.value, y: top },
          ],
          borderColor: i === 1 ? colours.text : colours.secondary,
          backgroundColor: i === 1 ? colours.text : colours.secondary,
          borderDash: MARKER_DASH[i],
          borderWidth: 2,
          pointRadius: 0,
          // Keyed in the legend by a line, as drawn.
          pointStyle: 'line' as const,
          order: 1,
        })),
      ],
    },
    options: {
      // The bars need no key (the text beside the chart says what red means); the markers do.
      ...common(colours, tooltip, (item) => item.datasetIndex !== 0, true),
      scales: {
        x: {
          ...axis,
          type: 'linear',
          // The bars fill the axis from the first bin's lower edge to the last one's upper edge.
          min: h.bins.length > 0 ? h.bins[0].from - (width === 0 ? 1 : 0) : undefined,
          max: h.bins.length > 0 ? h.bins[h.bins.length - 1].to + (width === 0 ? 1 : 0) : undefined,
          offset: false,
          // Round figures between the bars' edges, not the edges themselves ($981K).
          ticks: { ...axis.ticks, includeBounds: false, maxTicksLimit: 5, callback: (v: number | string) => (typeof v === 'number' ? compactMoney(v, h.currency) : v) },
        },
        y: { ...axis, beginAtZero: true, ticks: { ...axis.ticks, precision: 0 }, title: { display: true, text: 'Trials', color: colours.text } },
      },
    },
  };
}

/** Characters a line of an input's name may take on the tornado's axis before it wraps. */
const LINE_CHARACTERS = 18;

/**
 * An input's name as lines of at most LINE_CHARACTERS, broken between words, so it reads whole
 * on the axis of a 320 px pane instead of being cut.
 *
 * @example
 *   wrappedLabel('Processing time per document') // ['Processing time', 'per document']
 */
export function wrappedLabel(name: string): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= LINE_CHARACTERS) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [''];
}

/**
 * The tornado: per input a bar from the point NPV to NPV at its low, and one to NPV at its high,
 * largest swing on top.
 *
 * @example
 *   new Chart(canvas, tornadoConfig(plan.tornado, colours));
 */
export function tornadoConfig(t: TornadoChart, colours: ChartColours): ChartConfiguration {
  const axis = axisOf(colours);
  const money = (x: number) => formatMoney(x, t.currency);
  const ends = (values: number[]) => values.map((v): [number, number] => [t.npv, v]);
  return {
    type: 'bar',
    data: {
      labels: t.labels.map(wrappedLabel),
      datasets: [
        { type: 'bar', label: 'Input at its low', data: ends(t.atLow), backgroundColor: colours.secondary, grouped: false, barPercentage: 0.8 },
        { type: 'bar', label: 'Input at its high', data: ends(t.atHigh), backgroundColor: colours.primary, grouped: false, barPercentage: 0.8 },
      ],
    },
    options: {
      ...common(colours, (item) => `${item.dataset.label}: NPV ${money((item.datasetIndex === 0 ? t.atLow : t.atHigh)[item.dataIndex])}`),
      indexAxis: 'y',
      scales: {
        // Around the bars, not from 0: a swing of $20K must show beside an NPV of $1.5M.
        x: {
          ...axis,
          beginAtZero: false,
          grace: '5%',
          ticks: { ...axis.ticks, maxTicksLimit: 5, callback: (v: number | string) => (typeof v === 'number' ? compactMoney(v, t.currency) : v) },
        },
        y: { ...axis, ticks: { ...axis.ticks, autoSkip: false } },
      },
    },
  };
}
