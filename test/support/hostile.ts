/**
 * fast-check arbitraries for what a workbook can hand Pilot Gate: any cell Excel can hold (blank,
 * "", numbers from 5e-324 to 1e308, TRUE/FALSE, 32,767-character text, pasted words and units),
 * Excel's error values, and cases that look valid with a few cells, headers or rows spoiled, so
 * that generated input reaches every reader and the figures behind them, not only the header check.
 */
import fc from 'fast-check';
import { SAMPLE_OWNERSHIP, sampleCase } from '../../src/model/sample';
import type { CaseInput, Cell, Grid } from '../../src/model/types';

/** The most characters Excel holds in one cell. */
export const CELL_LIMIT = 32_767;

/** Runs of a fuzz property: 10,000 under CI=true, as the guarantees ask; fewer on a desk. */
export function fuzzRuns(local = 300): number {
  return process.env.CI === 'true' ? 10_000 : local;
}

/** Names every plain object answers to: as cell text they must be only text. */
export const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];

/** Excel's error values, as a custom function receives them inside a range: objects with a `code`. */
export const EXCEL_ERRORS = ['#N/A', '#VALUE!', '#DIV/0!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA'];

/** Pieces pasted text is made of: numbers as people write them, units, currencies, scales, words the engine reads, and noise. */
const TOKENS = [
  '0', '1', '12', '3.40', '1,200', '1.200,50', '1,5', '.5', '50,000', '(500)', '1e15', '5e-324', '1e308', 'e', 'E', 'e-300', '-', '+', '\u2212',
  '$', '€', '£', '¥', 'US$', 'USD', 'eur', 'CHF', 'GBP', 'k', 'K', 'M', 'MM', 'bn', 'm', 'million', 'thousand',
  '%', 'percent', 'x', '×', 'min', 'h', 'hours', 'days', 'weeks', 'months', 'year', 'ms', 'GB', 'tonne', 'docs', 'errors',
  'per', '/', '*', '·', ' ', '  ', '\u00a0', '\u200b', '\t', '\n', '(', ')', ',', ';', '.', '"', "'",
  'n/a', 'N/A', 'tbd', '—', '–', '?', '???', 'none', 'yes', 'no', 'partial', 'done', 'TRUE', 'lower', 'higher', 'is', 'better', '↓',
  '(blocking)', 'evidence', 'target', 'Infrastructure', 'Security and compliance', 'multiplier', 'Executive sponsor', 'Workflow',
  'é', '漢', '🙂', '\ud800', ...PROTOTYPE_NAMES,
];

const token = fc.constantFrom(...TOKENS);

/** Text as pasted: a few tokens run together. */
const pastedText: fc.Arbitrary<string> = fc.array(token, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

/** Text Excel can hold at its longest: a head, one token repeated, a tail, 32,767 characters in all. */
export const longText: fc.Arbitrary<string> = fc.tuple(pastedText, token, pastedText).map(([head, fill, tail]) => {
  const body = fill.repeat(Math.ceil(CELL_LIMIT / fill.length));
  return `${head}${body}`.slice(0, CELL_LIMIT - tail.length) + tail;
});

/** Any number Excel can hold, with weight on the edges: 0, −0, 5e-324, 1e-300, 1e15 and beyond, 1e308. */
export const excelNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 5e-324, -5e-324, 1e-300, 1e-16, 0.5, 1, 2, 100, 12_000, 1e15, 1e15 + 2, 1e16, 1e300, 1e308, -1e308),
  fc.double({ min: -1e308, max: 1e308, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: 5e-324, max: 1e-290, noNaN: true }),
);

/** A number written as text, with a unit or currency around it. */
const valueText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', '$', '€', '-', '('), excelNumber, fc.constantFrom('', ' min', '%', ' h/week', ' docs/year', '/h', ' per error', 'k', ' million', ' USD', ' EUR', ')', 'x', ' per 1e-300 docs'))
  .map(([before, n, after]) => `${before}${n}${after}`);

/** A cell as the engine takes it (SPEC §5): text of every kind, numbers, TRUE/FALSE, blank. */
export const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom<Cell>(null, '', ' ') },
  { weight: 5, arbitrary: excelNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 6, arbitrary: pastedText },
  { weight: 5, arbitrary: valueText },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: longText },
);

/** A value inside a range argument as a host hands it over: a cell, an Excel error value, or undefined. */
export const hostValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: anyCell },
  { weight: 1, arbitrary: fc.constantFrom(...EXCEL_ERRORS).map((code) => ({ code })) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

type TableKey = 'metrics' | 'costs' | 'readiness' | 'ownership' | 'assumptions';
const TABLES: readonly TableKey[] = ['metrics', 'costs', 'readiness', 'ownership', 'assumptions'];

/** Assumption names the engine reads, so that spoiled assumption values reach their readers. */
const ASSUMPTION_NAMES = [
  'Discount rate', 'Horizon', 'Hurdle ROI', 'Max payback', 'Benefit risk adjustment', 'Cost risk adjustment', 'Benefit basis',
  'Adoption ramp', 'Transition months', 'Integrations', 'Approved production budget', 'Expansion alarm', 'On-track threshold',
  'Currency', 'Security and compliance multiplier', 'Monitoring multiplier',
];

/** Cases that are valid as they stand; the mutations below spoil them. */
function validCases(): CaseInput[] {
  const sample = sampleCase();
  const hours: CaseInput = {
    metrics: [['Metric', 'Baseline', 'Target', 'Pilot', 'Unit', 'Value per unit', 'Timeline'], ['Hours saved', 0, 200, 180, 'h/week', 45, 90], ['Tickets', '400 tickets/week', '250 tickets/week', '260 tickets/week', null, 14, '3 months']],
    costs: [['Item', 'Pilot cost', 'Build', 'Run'], ['Licences', 1000, 0, '$2,000/month'], ['Security', 500, null, null]],
    assumptions: [['Name', 'Value'], ['Transition months', 0], ['Horizon', 1], ['Discount rate', '8%']],
  };
  // One metric and one cost line: a spoiled number there moves every figure of the case.
  const minimal: CaseInput = {
    metrics: [['Metric', 'Baseline', 'Target', 'Pilot', 'Unit', 'Value per unit'], ['Hours saved', 0, 10, 10, 'h/week', 1]],
    costs: [['Category', 'Pilot', 'One-time', 'Annual'], ['Build', 1, 1, 1]],
    assumptions: [['Name', 'Value'], ['Horizon', 2]],
  };
  return [sample, { ...sample, ownership: SAMPLE_OWNERSHIP.map((row) => [...row]) }, hours, minimal, { metrics: sample.metrics, costs: sample.costs }];
}

interface Mutation {
  table: TableKey;
  row: number;
  column: number;
  cell: Cell;
}

interface Reshape {
  kind: 'drop row' | 'cut row' | 'blank row' | 'header again' | 'drop column' | 'duplicate header' | 'empty table' | 'no table' | 'assumption';
  table: TableKey;
  at: number;
  cell: Cell;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  table: fc.constantFrom(...TABLES),
  row: fc.nat({ max: 12 }),
  column: fc.nat({ max: 9 }),
  cell: anyCell,
});

const reshape: fc.Arbitrary<Reshape> = fc.record({
  kind: fc.constantFrom<Reshape['kind']>('drop row', 'cut row', 'blank row', 'header again', 'drop column', 'duplicate header', 'empty table', 'no table', 'assumption', 'assumption'),
  table: fc.constantFrom(...TABLES),
  at: fc.nat({ max: 12 }),
  cell: fc.oneof(anyCell, fc.constantFrom<Cell>(...PROTOTYPE_NAMES, ...ASSUMPTION_NAMES)),
});

function spoil(input: CaseInput, mutations: Mutation[], reshapes: Reshape[]): CaseInput {
  const grids: Partial<Record<TableKey, Grid>> = {};
  for (const table of TABLES) {
    const grid = input[table];
    if (grid) grids[table] = grid.map((row) => [...row]);
  }
  for (const r of reshapes) {
    const grid = grids[r.table];
    if (r.kind === 'assumption') {
      const assumptions = grids.assumptions ?? [['Name', 'Value']];
      assumptions.push([ASSUMPTION_NAMES[r.at % ASSUMPTION_NAMES.length], r.cell]);
      grids.assumptions = assumptions;
      continue;
    }
    if (grid === undefined || grid.length === 0) continue;
    const row = r.at % grid.length;
    const width = grid[0]?.length ?? 0;
    switch (r.kind) {
      case 'drop row':
        grid.splice(row, 1);
        break;
      case 'cut row':
        grid[row] = grid[row].slice(0, r.at % Math.max(width, 1));
        break;
      case 'blank row':
        grid.splice(row, 0, Array.from({ length: width }, () => null));
        break;
      case 'header again':
        if (grid.length > 0) grid.splice(Math.max(row, 1), 0, [...grid[0]]);
        break;
      case 'drop column':
        for (const line of grid) line.splice(r.at % Math.max(width, 1), 1);
        break;
      case 'duplicate header':
        if (width > 0) grid[0][r.at % width] = r.cell ?? grid[0][(r.at + 1) % width];
        break;
      case 'empty table':
        grids[r.table] = [];
        break;
      case 'no table':
        delete grids[r.table];
        break;
    }
  }
  for (const m of mutations) {
    const grid = grids[m.table];
    if (!grid || grid.length === 0) continue;
    // Mostly data cells: a spoiled header stops a table at its first check.
    const row = grid.length === 1 ? 0 : 1 + (m.row % (grid.length - 1));
    const line = grid[row];
    line[m.column % Math.max(line.length, 1)] = m.cell;
  }
  return { metrics: grids.metrics ?? [], costs: grids.costs ?? [], ...grids };
}

/** A case that looks valid with up to four cells spoiled and up to two rows, columns, headers or tables reshaped. */
export const hostileCase: fc.Arbitrary<CaseInput> = fc
  .record({
    base: fc.constantFrom(...validCases()),
    mutations: fc.array(mutation, { maxLength: 4 }),
    reshapes: fc.array(reshape, { maxLength: 2 }),
  })
  .map(({ base, mutations, reshapes }) => spoil(base, mutations, reshapes));

/** A table argument as Excel might pass one: a table with its header row, or something else entirely. */
export function hostTable(table: fc.Arbitrary<Grid | undefined>): fc.Arbitrary<unknown> {
  const noise: fc.Arbitrary<unknown> = fc.array(fc.array(hostValue, { maxLength: 5 }), { maxLength: 4 });
  return fc.oneof(
    { weight: 8, arbitrary: table },
    { weight: 1, arbitrary: noise },
    { weight: 1, arbitrary: hostValue },
    { weight: 1, arbitrary: table.map((grid) => grid?.map((row, r) => (r === 1 ? row.map((cell, c) => (c === 1 ? { code: '#N/A' } : cell)) : row))) },
  );
}

/** A one-cell argument: a value, a 1 × 1 range, a larger range, or an error value. */
export const hostCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: hostValue },
  { weight: 1, arbitrary: hostValue.map((v) => [[v]]) },
  { weight: 1, arbitrary: fc.array(fc.array(hostValue, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }) },
);

/** A range argument (cash flows, costs to sum): rows and columns of host values, ragged or empty. */
export const hostRange: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.array(hostValue, { maxLength: 14 }), { maxLength: 3 }),
  fc.array(fc.array(hostValue, { minLength: 1, maxLength: 1 }), { maxLength: 14 }),
  hostValue,
);

/** A value with every text longer than 80 characters cut to its first 40 and its length, for a report. */
function shortened(value: unknown): unknown {
  if (typeof value === 'string') return value.length <= 80 ? value : `${value.slice(0, 40)}…(${value.length} characters)`;
  if (Array.isArray(value)) return value.map(shortened);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortened(v)]));
  return value;
}

/**
 * fc.assert with a report a person can read: a counterexample that holds 32,767-character cells
 * is printed with each long text shortened, and the seed and path to replay it
 * (`fc.assert(property, { seed, path })`).
 *
 * @example
 *   assertFuzz(fc.property(anyCell, (cell) => { parseValue(cell); }), fuzzRuns());
 */
export function assertFuzz<T>(property: fc.IProperty<T>, numRuns: number): void {
  const details = fc.check(property, { numRuns });
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    [
      `Property failed after ${details.numRuns} runs and ${details.numShrinks} shrinks (seed ${details.seed}, path "${details.counterexamplePath}").`,
      `Counterexample: ${fc.stringify(shortened(details.counterexample))}`,
      `Cause: ${cause.length <= 2_000 ? cause : `${cause.slice(0, 2_000)}…`}`,
    ].join('\n'),
  );
}
