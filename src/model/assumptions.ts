import { ModelError } from './errors';
import { ASSUMPTIONS, cellText, isBlank, readTable } from './tables';
import type { Assumptions, Cell, Grid, Problem, StandardCategory } from './types';
import { parseDuration, parseFraction, parseFractionList, parseMoney, parseMultiple } from './values';
import { matchCategory, CATEGORY_LABELS } from './categories';
import { currencyCode } from './units';
import { append } from './lists';
import { quoted } from './format';

/** SPEC §2.2: the default multiple of a standard category's pilot line when production figures are missing. */
export const DEFAULT_MULTIPLIERS: Readonly<Record<StandardCategory, number>> = {
  model: 2,
  infrastructure: 3,
  security: 4,
  data: 3,
  integration: 3,
  operations: 4,
  change: 3,
  monitoring: 2,
};

/**
 * SPEC §2.5's defaults.
 *
 * @example
 *   defaultAssumptions().discountRate // 0.1
 */
export function defaultAssumptions(): Assumptions {
  return {
    discountRate: 0.1,
    horizonYears: 3,
    hurdleRoi: 0,
    maxPaybackMonths: 24,
    benefitRisk: 0.1,
    costRisk: 0,
    basis: 'evidence',
    ramp: [0.1, 0.5, 1],
    transitionMonths: null,
    integrations: 1,
    approvedBudget: null,
    expansionAlarm: 3,
    onTrackThreshold: 1,
    currency: 'USD',
    multipliers: { ...DEFAULT_MULTIPLIERS },
  };
}

/** Assumption names are matched ignoring case, spaces and punctuation ("On-track threshold" = "ontrackthreshold"). */
function key(text: Cell): string {
  return cellText(text)
    .toLowerCase()
    .replace(/[^a-z0-9$€£¥]/g, '');
}

type Setter = (value: Cell, into: Assumptions) => void;

interface AssumptionSpec {
  label: string;
  names: string[];
  set: Setter;
}

function whole(n: number, what: string, min: number, max: number): number {
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ModelError('#VALUE!', `${what}: expected a whole number from ${min} to ${max}, got ${n}`);
  }
  return n;
}

function within(n: number, what: string, min: number, max: number, shown: (x: number) => string): number {
  if (!(n >= min && n <= max)) {
    throw new ModelError('#VALUE!', `${what}: expected a value from ${shown(min)} to ${shown(max)}, got ${shown(n)}`);
  }
  return n;
}

const pct = (x: number): string => `${+(x * 100).toPrecision(12)}%`;
const plain = (x: number): string => String(+x.toPrecision(12));

/** Months are whole in the monthly engine; a little float noise from unit conversion is rounded away. */
function roundedMonths(n: number): number {
  const r = Math.round(n);
  return Math.abs(n - r) < 1e-9 ? r : n;
}

const SPECS: AssumptionSpec[] = [
  {
    label: 'Discount rate',
    names: ['Discount rate', 'Discount', 'WACC'],
    set: (v, a) => (a.discountRate = within(parseFraction(v), 'Discount rate', -0.99, 10, pct)),
  },
  {
    label: 'Horizon',
    names: ['Horizon', 'Horizon years'],
    set: (v, a) => (a.horizonYears = whole(roundedMonths(parseDuration(v, 'years', 'years')), 'Horizon (years)', 1, 100)),
  },
  {
    label: 'Hurdle ROI',
    names: ['Hurdle ROI', 'Hurdle', 'Hurdle rate'],
    set: (v, a) => (a.hurdleRoi = within(parseFraction(v), 'Hurdle ROI', -1, 1000, pct)),
  },
  {
    label: 'Max payback',
    names: ['Max payback', 'Maximum payback', 'Payback'],
    set: (v, a) => (a.maxPaybackMonths = whole(roundedMonths(parseDuration(v, 'months', 'months')), 'Max payback (months)', 0, 1200)),
  },
  {
    label: 'Benefit risk adjustment',
    names: ['Benefit risk adjustment', 'Benefit risk'],
    set: (v, a) => (a.benefitRisk = within(parseFraction(v), 'Benefit risk adjustment', 0, 1, pct)),
  },
  {
    label: 'Cost risk adjustment',
    names: ['Cost risk adjustment', 'Cost risk'],
    set: (v, a) => (a.costRisk = within(parseFraction(v), 'Cost risk adjustment', 0, 10, pct)),
  },
  {
    label: 'Benefit basis',
    names: ['Benefit basis', 'Basis'],
    set: (v, a) => {
      const text = cellText(v).toLowerCase();
      if (text !== 'evidence' && text !== 'target') {
        throw new ModelError('#VALUE!', `Benefit basis: expected "evidence" or "target", got ${quoted(cellText(v))}`);
      }
      a.basis = text;
    },
  },
  {
    label: 'Adoption ramp',
    names: ['Adoption ramp', 'Ramp', 'Adoption'],
    set: (v, a) => {
      const ramp = parseFractionList(v);
      if (ramp.length === 0) throw new ModelError('#VALUE!', 'Adoption ramp: expected shares such as 10%, 50%, 100%');
      ramp.forEach((x, i) => within(x, `Adoption ramp (quarter ${i + 1})`, 0, 1, pct));
      a.ramp = ramp;
    },
  },
  {
    label: 'Transition months',
    names: ['Transition months', 'Transition', 'Months to go-live'],
    set: (v, a) => (a.transitionMonths = whole(roundedMonths(parseDuration(v, 'months', 'months')), 'Transition months', 0, 1200)),
  },
  {
    label: 'Integrations',
    names: ['Integrations', 'Integration count', 'Systems to integrate'],
    set: (v, a) => (a.integrations = whole(parseMultiple(v), 'Integrations', 0, 1000)),
  },
  {
    label: 'Approved production budget',
    names: ['Approved production budget', 'Approved budget', 'Production budget', 'Budget'],
    set: (v, a) => {
      const budget = parseMoney(v, a.currency);
      if (!(budget > 0)) throw new ModelError('#VALUE!', `Approved production budget: expected an amount above 0, got ${plain(budget)}`);
      a.approvedBudget = budget;
    },
  },
  {
    label: 'Expansion alarm',
    names: ['Expansion alarm', 'Expansion threshold'],
    set: (v, a) => (a.expansionAlarm = within(parseMultiple(v), 'Expansion alarm', 1e-9, 1e6, plain)),
  },
  {
    label: 'On-track threshold',
    names: ['On-track threshold', 'On track threshold', 'On-track'],
    set: (v, a) => (a.onTrackThreshold = within(parseFraction(v), 'On-track threshold', 1e-9, 10, pct)),
  },
];

/**
 * The name of every assumption the Assumptions table takes, as the engine reports it (the
 * category multipliers aside): what the user guide's table of assumptions is checked against.
 *
 * @example
 *   ASSUMPTION_LABELS[0] // 'Discount rate'
 */
export const ASSUMPTION_LABELS: readonly string[] = [...SPECS.map((spec) => spec.label), 'Currency'];

const BY_KEY = new Map<string, AssumptionSpec>();
for (const spec of SPECS) for (const name of spec.names) BY_KEY.set(key(name), spec);

/**
 * The case currency: an ISO 4217 code (any case for usd/eur/gbp/jpy, capitals otherwise) or a
 * symbol, as values read them, so a Currency the engine accepts is one money cells can be in.
 *
 * @example
 *   parseCurrency('€') // 'EUR'
 */
export function parseCurrency(cell: Cell): string {
  return currencyCode(cellText(cell));
}

export interface ReadAssumptions {
  assumptions: Assumptions;
  /** The row each assumption is written on, by its label ('Adoption ramp'); absent when the table has no row for it. */
  rows: Record<string, number>;
  problems: Problem[];
  warnings: string[];
}

/**
 * Reads the Assumptions table (SPEC §2.5): Name | Value rows; blank values keep the default.
 * The Currency row is read first, whatever its position, because money values depend on it.
 *
 * @example
 *   readAssumptions([['Name', 'Value'], ['Discount rate', '8%']]).assumptions.discountRate // 0.08
 */
export function readAssumptions(grid: Grid | undefined): ReadAssumptions {
  const assumptions = defaultAssumptions();
  const out: ReadAssumptions = { assumptions, rows: {}, problems: [], warnings: [] };
  if (!grid || grid.length === 0) return out;
  const table = readTable(grid, ASSUMPTIONS);
  append(out.problems, table.problems);
  append(out.warnings, table.warnings);
  if (table.problems.length > 0) return out;

  const fail = (row: number, error: unknown): void => {
    if (!(error instanceof ModelError)) throw error;
    out.problems.push({ table: 'Assumptions', row, column: 'Value', message: error.message });
  };
  const seen = new Map<string, number>();
  const pending: { row: number; label: string; apply: () => void }[] = [];

  for (const { row, cells } of table.rows) {
    const name = cellText(cells.Name);
    if (name === '') {
      out.problems.push({ table: 'Assumptions', row, column: 'Name', message: 'a value without a name: expected an assumption name such as "Discount rate"' });
      continue;
    }
    const k = key(name);
    let label: string;
    let apply: () => void;
    const spec = BY_KEY.get(k);
    const category = spec ? null : multiplierCategory(name);
    if (k === 'currency') {
      label = 'Currency';
      apply = () => (assumptions.currency = parseCurrency(cells.Value));
    } else if (spec) {
      label = spec.label;
      apply = () => spec.set(cells.Value, assumptions);
    } else if (category) {
      label = `${CATEGORY_LABELS[category]} multiplier`;
      apply = () => {
        const m = parseMultiple(cells.Value);
        if (!(m >= 0)) throw new ModelError('#VALUE!', `${label}: expected a multiple of 0 or more such as 3×`);
        assumptions.multipliers[category] = m;
      };
    } else {
      out.warnings.push(`Assumptions row ${row}: ${quoted(name)} is not an assumption Pilot Gate uses; it is ignored.`);
      continue;
    }
    const first = seen.get(label);
    if (first !== undefined) {
      out.warnings.push(`Assumptions row ${row}: ${quoted(name)} repeats row ${first}; row ${first} is used.`);
      continue;
    }
    seen.set(label, row);
    out.rows[label] = row;
    if (isBlank(cells.Value)) continue;
    pending.push({ row, label, apply });
  }

  pending.sort((a, b) => Number(b.label === 'Currency') - Number(a.label === 'Currency'));
  for (const { row, apply } of pending) {
    try {
      apply();
    } catch (error) {
      fail(row, error);
    }
  }
  return out;
}

const MULTIPLIER_WORDS = ['multiplier', 'multiple', 'expansion'];

/**
 * "Security and compliance multiplier" → 'security'. By suffix, not `/^(.*?)\s*(multiplier|…)$/`,
 * which tries every split of a 32,767-character name.
 */
function multiplierCategory(name: string): StandardCategory | null {
  const text = name.trim();
  const lower = text.toLowerCase();
  const word = MULTIPLIER_WORDS.find((w) => lower.endsWith(w));
  return word === undefined ? null : matchCategory(text.slice(0, text.length - word.length));
}
