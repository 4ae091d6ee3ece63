/**
 * The decision card's charts as data: what each draws, its labels written by model/format.ts, and
 * a text alternative that says what the chart shows for people who cannot see it. The pane's
 * chart module (src/taskpane/charts) only draws these.
 */
import { formatMoney, formatMultiple, formatPercent } from '../model/format';
import type { CaseResult, Threshold, ThresholdKind } from '../model/types';

/** Yearly net cash flows (columns) and the cumulative (a line), year 0 the one-time costs. */
export interface CashflowChart {
  years: string[];
  net: number[];
  cumulative: number[];
  currency: string;
  description: string;
}

/** Each cost category: its pilot line against production's first year (one-time + annual), and the alarm line (alarm × pilot). */
export interface CostChart {
  categories: string[];
  pilot: number[];
  production: number[];
  alarm: number[];
  /** `3.00×`. */
  alarmLabel: string;
  currency: string;
  description: string;
}

/** Each scale threshold as a share of the plan: where NPV reaches 0 (100 = the plan itself). */
export interface ThresholdChart {
  kinds: string[];
  /** Break-even as % of the plan; null where there is none in range ('never', 'always positive'). */
  breakEven: (number | null)[];
  /** What each bar means, as the reasons say it (`adoption 28.8% against a plan of 100.0%`). */
  labels: string[];
  description: string;
}

export interface CardCharts {
  cashflows: CashflowChart;
  costs: CostChart;
  thresholds: ThresholdChart;
}

/**
 * The three charts of the card, from the engine's result.
 *
 * @example
 *   planCharts(evaluateCase(sampleCase())).cashflows.years // ['Year 0', 'Year 1', 'Year 2', 'Year 3']
 */
export function planCharts(r: CaseResult): CardCharts {
  return { cashflows: cashflowChart(r), costs: costChart(r), thresholds: thresholdChart(r) };
}

function cashflowChart(r: CaseResult): CashflowChart {
  const cur = r.assumptions.currency;
  const years = r.cashflows.map((f) => `Year ${f.year}`);
  const flows = r.cashflows.map((f, i) => `${years[i]} net ${formatMoney(f.net, cur)}, cumulative ${formatMoney(f.cumulative, cur)}`);
  return {
    years,
    net: r.cashflows.map((f) => f.net),
    cumulative: r.cashflows.map((f) => f.cumulative),
    currency: cur,
    description: `Yearly cash flows, risk-adjusted, in ${cur}: ${flows.join('; ')}.`,
  };
}

function costChart(r: CaseResult): CostChart {
  const cur = r.assumptions.currency;
  const alarm = r.assumptions.expansionAlarm;
  const lines = r.costs;
  const production = lines.map((l) => l.oneTime + l.annual);
  const each = lines.map((l, i) => `${l.category} pilot ${formatMoney(l.pilot, cur)}, production ${formatMoney(production[i], cur)}`);
  const overall = r.expansion === null ? 'no pilot cost to compare with' : `production is ${formatMultiple(r.expansion)} the pilot`;
  return {
    categories: lines.map((l) => l.category),
    pilot: lines.map((l) => l.pilot),
    production,
    alarm: lines.map((l) => l.pilot * alarm),
    alarmLabel: formatMultiple(alarm),
    currency: cur,
    description: `Pilot against production's first year by cost category, in ${cur} (alarm at ${formatMultiple(alarm)} the pilot; ${overall}): ${each.join('; ')}.`,
  };
}

const THRESHOLD_KINDS: readonly { kind: ThresholdKind; name: string }[] = [
  { kind: 'adoption', name: 'Adoption' },
  { kind: 'volume', name: 'Volume' },
  { kind: 'cost', name: 'Cost' },
  { kind: 'realization', name: 'Realization' },
];

function thresholdChart(r: CaseResult): ThresholdChart {
  const plateau = r.assumptions.ramp.reduce((top, v) => Math.max(top, v), 0);
  const rows = THRESHOLD_KINDS.map(({ kind, name }) => {
    const t: Threshold = r.thresholds[kind];
    if (typeof t !== 'number') return { name, share: null, label: `${name}: ${t === 'never' ? 'no break-even in range' : 'NPV positive across the range'}` };
    switch (kind) {
      case 'adoption':
        return { name, share: plateau > 0 ? (t / plateau) * 100 : null, label: `${name}: break-even at ${formatPercent(t)} against a plan of ${formatPercent(plateau)}` };
      case 'volume':
        return { name, share: t * 100, label: `${name}: break-even at ${formatMultiple(t)} the planned volume` };
      case 'cost':
        return { name, share: t * 100, label: `${name}: break-even at ${formatMultiple(t)} the planned costs` };
      case 'realization':
        return { name, share: t * 100, label: `${name}: break-even at ${formatPercent(t)} of the promised improvement` };
    }
  });
  return {
    kinds: rows.map((x) => x.name),
    breakEven: rows.map((x) => x.share),
    labels: rows.map((x) => x.label),
    description: `Where NPV reaches 0, as a share of the plan (100% is the plan): ${rows.map((x) => x.label).join('; ')}.`,
  };
}
