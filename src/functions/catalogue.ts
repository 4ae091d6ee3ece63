/**
 * The PILOT.* catalogue (SPEC §4), declared once as data: each function's arguments (kind,
 * optionality, which table), its result kind, and a short adapter that calls the engine. The
 * Excel entry points (functions.ts) and the HyperFormula plugin (src/workbench) both run these
 * same entries through runPilotFunction (runner.ts), which reads the arguments, catches every
 * error and checks every number on the way out.
 */
import { defaultAssumptions, readAssumptions } from '../model/assumptions';
import { expansionMultiple } from '../model/costs';
import { ModelError, CaseInputError, andMore } from '../model/errors';
import { paybackPeriods } from '../model/finance';
import { evaluateMetric, type MetricContext } from '../model/metrics';
import { evaluateReadiness } from '../model/readiness';
import { METRICS, isBlank } from '../model/tables';
import { estimateTimeline } from '../model/timeline';
import type { Basis, CaseInput, CaseResult, Cell, Grid, MetricResult, Money, TableName, ThresholdKind } from '../model/types';
import { unitCurrency } from '../model/units';
import { parseQuantity, parseUnit, parseValue } from '../model/values';
import type { CaseCache } from './cache';

export type PilotFunctionId =
  | 'VALUE'
  | 'GAPCLOSED'
  | 'METRICVALUE'
  | 'EXPANSION'
  | 'PAYBACK'
  | 'CASHFLOWS'
  | 'NPV'
  | 'IRR'
  | 'ROI'
  | 'THRESHOLD'
  | 'READINESS'
  | 'VERDICT'
  | 'REASONS'
  | 'TIMELINE'
  | 'SUMMARY';

/**
 * How an argument arrives and is read: `table` a whole table with its header row (a matrix),
 * `range` any block of cells (a matrix: cash flows, costs to sum), `cell` one value of any
 * type, `text` one text, `number` one number.
 */
export type ParamKind = 'table' | 'range' | 'cell' | 'text' | 'number';

export interface ParamSpec {
  readonly name: string;
  readonly kind: ParamKind;
  readonly optional: boolean;
  /** For a `table` argument: the table of SPEC §2 it is, named in error messages. */
  readonly table?: TableName;
}

/** `spill` is a 2-D array Excel spills; `number or text` is a number or a word such as "always positive". */
export type ResultKind = 'number' | 'text' | 'number or text' | 'spill';

/** A cell of a spilled result: a figure or a text ("none", "never", a label), never an error. */
export type SpillCell = number | string;
export type PilotValue = number | string | SpillCell[][];

/** The arguments of one call, read by name as the kind the catalogue declares. */
export interface Args {
  /** A table with its header row; undefined when omitted or one blank cell. */
  table(name: string): Grid | undefined;
  /** A block of cells; undefined when omitted. */
  range(name: string): Grid | undefined;
  /** One cell; null when omitted or blank. */
  cell(name: string): Cell;
  /** One text, trimmed; undefined when omitted or blank. */
  text(name: string): string | undefined;
  /** One number (text such as "12" is read as a value); undefined when omitted or blank. */
  number(name: string): number | undefined;
  /** Whether the function has an argument of this name (PILOT.NPV has no readiness, PILOT.VERDICT has). */
  declares(name: string): boolean;
}

/** What the adapters share: the case cache of the host they run in. */
export interface FunctionContext {
  readonly cases: CaseCache;
}

export interface PilotFunction {
  readonly id: PilotFunctionId;
  readonly params: readonly ParamSpec[];
  readonly result: ResultKind;
  /**
   * For a spill, its size before any input is read: exact for a fixed table (PILOT.TIMELINE,
   * PILOT.SUMMARY), the default 3-year horizon's for PILOT.CASHFLOWS, one cell for PILOT.REASONS.
   * Hosts that fix a spill's size in advance (HyperFormula) fall back on it.
   */
  readonly spillShape?: { readonly rows: number; readonly columns: number };
  readonly run: (args: Args, context: FunctionContext) => PilotValue;
}

const param = (name: string, kind: ParamKind, optional = false, table?: TableName): ParamSpec =>
  table === undefined ? { name, kind, optional } : { name, kind, optional, table };

const METRICS_ARG = param('metrics', 'table', false, 'Metrics');
const COSTS_ARG = param('costs', 'table', false, 'Costs');
/** Required in SPEC §4's signatures, but a case without a Readiness table is still evaluated (every gate "not assessed"). */
const READINESS_ARG = param('readiness', 'table', false, 'Readiness');
const ASSUMPTIONS_ARG = param('assumptions', 'table', true, 'Assumptions');
const OWNERSHIP_ARG = param('ownership', 'table', true, 'Ownership');

const ECONOMICS_PARAMS = [METRICS_ARG, COSTS_ARG, ASSUMPTIONS_ARG];
const CASE_PARAMS = [METRICS_ARG, COSTS_ARG, READINESS_ARG, ASSUMPTIONS_ARG, OWNERSHIP_ARG];

/** The case the table arguments describe; a missing Metrics or Costs table is reported by the engine. */
function caseOf(args: Args): CaseInput {
  return {
    metrics: args.table('metrics') ?? [],
    costs: args.table('costs') ?? [],
    readiness: args.declares('readiness') ? args.table('readiness') : undefined,
    ownership: args.declares('ownership') ? args.table('ownership') : undefined,
    assumptions: args.table('assumptions'),
  };
}

function evaluated(args: Args, context: FunctionContext): CaseResult {
  return context.cases.evaluate(caseOf(args));
}

// ---------------------------------------------------------------------------------------------
// Spilled results

/**
 * PILOT.CASHFLOWS' spill: a header row (the currency, then Year 0 … Year n) and the rows
 * Benefits, Costs, Net and Cumulative, costs as positive amounts and Net = Benefits − Costs.
 *
 * @example
 *   cashflowTable(evaluateCase(sampleCase()))[3] // ['Net', -190000, 450561.14…, 796017.14…, 796017.14…]
 */
export function cashflowTable(result: CaseResult): SpillCell[][] {
  const flows = result.cashflows;
  return [
    [result.assumptions.currency, ...flows.map((f) => `Year ${f.year}`)],
    ['Benefits', ...flows.map((f) => f.benefits)],
    ['Costs', ...flows.map((f) => f.costs)],
    ['Net', ...flows.map((f) => f.net)],
    ['Cumulative', ...flows.map((f) => f.cumulative)],
  ];
}

function orText(value: number | null, none: string): SpillCell {
  return value === null ? none : value;
}

function listOrNone(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.join('; ');
}

function yesNo(test: boolean): string {
  return test ? 'yes' : 'no';
}

/**
 * What a summary figure is, so a sheet can format it: an amount in the case currency, a rate or
 * share as a fraction, a number of months, a multiple (×), or text.
 */
export type FigureKind = 'money' | 'fraction' | 'months' | 'multiple' | 'text';

/** PILOT.SUMMARY's rows after its header: each figure's label, its kind, and how to read it from a result. */
const SUMMARY_FIGURES: readonly (readonly [string, FigureKind, (result: CaseResult) => SpillCell])[] = [
  ['Verdict', 'text', (r) => r.verdict],
  ['NPV', 'money', (r) => r.npv],
  ['IRR', 'fraction', (r) => orText(r.irr, 'none (no rate makes NPV zero)')],
  ['ROI (risk-adjusted)', 'fraction', (r) => orText(r.roi, 'none (PV costs is 0)')],
  ['Payback (months)', 'months', (r) => orText(r.paybackMonths, 'never')],
  ['PV benefits', 'money', (r) => r.pvBenefits],
  ['PV costs', 'money', (r) => r.pvCosts],
  ['Best-case NPV', 'money', (r) => r.bestCaseNpv],
  ['Pilot cost', 'money', (r) => r.pilotTotal],
  ['Production one-time', 'money', (r) => r.oneTime],
  ['Production annual', 'money', (r) => r.annualRun],
  ['Cost expansion (× pilot)', 'multiple', (r) => orText(r.expansion, 'none (pilot cost is 0)')],
  ['Budget variance (× approved budget)', 'multiple', (r) => orText(r.budgetVariance, 'none (no approved budget)')],
  ['Adoption threshold', 'fraction', (r) => r.thresholds.adoption],
  ['Volume threshold (× planned)', 'multiple', (r) => r.thresholds.volume],
  ['Cost threshold (× planned)', 'multiple', (r) => r.thresholds.cost],
  ['Realization threshold', 'fraction', (r) => r.thresholds.realization],
  ['Readiness score', 'fraction', (r) => r.readiness.score],
  ['Readiness progress', 'fraction', (r) => r.readiness.progress],
  ['Blockers', 'text', (r) => listOrNone(r.readiness.blockers)],
  ['Stuck-pilot patterns', 'text', (r) => listOrNone(r.readiness.patterns)],
  ['Timeline case', 'text', (r) => r.timeline.case],
  ['Timeline low (months)', 'months', (r) => r.timeline.low],
  ['Timeline high (months)', 'months', (r) => r.timeline.high],
  ['Transition months', 'months', (r) => r.transitionMonths],
  ['Economics pass (E)', 'text', (r) => yesNo(r.checks.economics)],
  ['Every monetary metric proven (P)', 'text', (r) => yesNo(r.checks.proof)],
  ['No blockers (R)', 'text', (r) => yesNo(r.checks.ready)],
  ['Best case pays (B)', 'text', (r) => yesNo(r.checks.bestCase)],
  ['Currency', 'text', (r) => r.assumptions.currency],
];

/**
 * PILOT.SUMMARY's spill: a Figure | Value table of every figure of the case, in a fixed order
 * (so a sheet can refer to a row). A figure that does not exist reads as text ("never",
 * "none (…)"), never as an error inside the spill. Rates are fractions, amounts in the case currency.
 *
 * @example
 *   summaryTable(evaluateCase(sampleCase()))[1] // ['Verdict', 'NOT READY']
 */
export function summaryTable(result: CaseResult): SpillCell[][] {
  return [['Figure', 'Value'], ...SUMMARY_FIGURES.map(([label, , read]): SpillCell[] => [label, read(result)])];
}

/**
 * PILOT.SUMMARY's rows after its header, in its order: each figure's label and kind, for a sheet
 * that formats the spill (the task pane's output block).
 *
 * @example
 *   SUMMARY_ROWS[1] // { label: 'NPV', kind: 'money' }
 */
export const SUMMARY_ROWS: readonly { readonly label: string; readonly kind: FigureKind }[] = SUMMARY_FIGURES.map(([label, kind]) => ({ label, kind }));

// ---------------------------------------------------------------------------------------------
// One metric, for PILOT.GAPCLOSED and PILOT.METRICVALUE

/** The Metrics columns these functions fill, by the argument that fills each. */
const METRIC_ARGUMENT: Readonly<Record<string, string>> = {
  Baseline: 'baseline',
  Target: 'target',
  Pilot: 'pilot',
  Volume: 'volume',
  'Value per unit': 'valuePerUnit',
  Unit: 'unit',
};

/** SPEC §3.2 for one metric given as arguments: a one-row Metrics table through the engine's evaluateMetric. */
function oneMetric(given: Record<string, Cell>, context: MetricContext): MetricResult {
  const cells: Record<string, Cell> = { Metric: 'metric' };
  for (const column of METRICS.columns) if (column.name !== 'Metric') cells[column.name] = given[column.name] ?? null;
  const evaluation = evaluateMetric({ row: 2, cells }, context);
  if (evaluation.problems.length > 0 || evaluation.result === null) {
    const messages = evaluation.problems.map((p) => `${METRIC_ARGUMENT[p.column] ?? p.column}: ${p.message}`);
    throw new ModelError('#VALUE!', andMore(messages[0] ?? 'the metric could not be read', messages.length - 1, 'problem'));
  }
  return evaluation.result;
}

/** The currency written in the metric's cells (`$45/h`, `€3.40`), else the default USD. */
function currencyWritten(cells: Record<string, Cell>): string {
  for (const [column, cell] of Object.entries(cells)) {
    if (typeof cell !== 'string' || cell.trim() === '') continue;
    try {
      const code = column === 'Unit' ? unitCurrency(parseUnit(cell)) : parseQuantity(cell).currency;
      if (code !== null) return code;
    } catch (error) {
      // An unreadable cell is reported, with its argument's name, by the metric itself.
      if (!(error instanceof ModelError)) throw error;
    }
  }
  return defaultAssumptions().currency;
}

/** A Benefit basis argument read as the Assumptions table reads it (SPEC §2.5); evidence when omitted. */
function basisOf(text: string | undefined): Basis {
  const read = readAssumptions([
    ['Name', 'Value'],
    ['Benefit basis', text ?? null],
  ]);
  if (read.problems.length > 0) throw new ModelError('#VALUE!', `basis: ${read.problems[0].message}`);
  return read.assumptions.basis;
}

// ---------------------------------------------------------------------------------------------
// Ranges of amounts, for PILOT.EXPANSION and PILOT.PAYBACK

/** Reads one amount of a range, naming its place when it is not a value. */
function amountAt(cell: Cell, where: string): number {
  try {
    return parseValue(cell);
  } catch (error) {
    if (error instanceof ModelError) throw new ModelError('#VALUE!', `${where}: ${error.message}`);
    throw error;
  }
}

/** The sum of a range of costs (blank cells add nothing); a negative cost is an error. */
function costSum(grid: Grid | undefined, name: string): Money {
  if (grid === undefined) throw new ModelError('#VALUE!', `${name}: expected a range of costs, got nothing`);
  let total = 0;
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      const where = `${name} row ${r + 1}, column ${c + 1}`;
      const amount = amountAt(cell, where);
      if (amount < 0) throw new ModelError('#VALUE!', `${where}: expected a cost of 0 or more, got ${amount}`);
      total += amount;
    }),
  );
  return total;
}

/**
 * One row or one column of cash flows, in order. Blank cells after the last figure are ignored
 * (a selection wider than the flows); a blank inside the row is an error, not a guessed 0.
 */
function flowRow(grid: Grid | undefined, name: string): Money[] {
  if (grid === undefined || grid.length === 0) throw new ModelError('#VALUE!', `${name}: expected a row or column of cash flows, got nothing`);
  const columns = grid.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (grid.length > 1 && columns > 1) {
    throw new ModelError('#VALUE!', `${name}: expected one row or one column of cash flows, got ${grid.length} rows × ${columns} columns`);
  }
  const cells = grid.length === 1 ? grid[0] : grid.map((row) => row[0] ?? null);
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1])) end--;
  if (end === 0) throw new ModelError('#VALUE!', `${name}: every cell is blank: expected cash flows`);
  return cells.slice(0, end).map((cell, i) => {
    const where = `${name} cell ${i + 1}`;
    if (isBlank(cell)) throw new ModelError('#VALUE!', `${where} is blank: expected a number (0 for a period with no cash flow)`);
    return amountAt(cell, where);
  });
}

// ---------------------------------------------------------------------------------------------
// The catalogue

const THRESHOLD_KINDS: readonly ThresholdKind[] = ['adoption', 'volume', 'cost', 'realization'];

const THRESHOLD_NEVER: Readonly<Record<ThresholdKind, string>> = {
  adoption: 'no adoption up to 100%',
  volume: 'no volume up to 100× the plan',
  cost: 'no production cost multiple down to 0',
  realization: 'no delivery up to 200% of the promised improvement',
};

/** IRR does not exist: say whether the flows never change sign or no rate solves them. */
function noIrr(result: CaseResult): ModelError {
  const nets = result.cashflows.map((f) => f.net);
  const signChange = nets.some((n) => n > 0) && nets.some((n) => n < 0);
  return new ModelError(
    '#NUM!',
    signChange
      ? 'IRR has no solution: no rate makes the NPV of the yearly net cash flows zero.'
      : 'IRR has no solution: the yearly net cash flows never change sign.',
  );
}

/**
 * Every PILOT function of SPEC §4, in its order. Argument names and kinds here are the ones
 * functions.json declares (a test holds the two together).
 */
export const PILOT_FUNCTIONS: readonly PilotFunction[] = [
  {
    id: 'VALUE',
    params: [param('text', 'cell'), param('unit', 'text', true)],
    result: 'number',
    run: (a) => parseValue(a.cell('text'), a.text('unit')),
  },
  {
    id: 'GAPCLOSED',
    params: [param('baseline', 'cell'), param('target', 'cell'), param('pilot', 'cell')],
    result: 'number',
    run: (a) => {
      const cells: Record<string, Cell> = { Baseline: a.cell('baseline'), Target: a.cell('target'), Pilot: a.cell('pilot') };
      const metric = oneMetric(cells, { currency: currencyWritten(cells), basis: 'evidence', onTrackThreshold: 1 });
      if (metric.gapClosed === null) throw new ModelError('#VALUE!', 'pilot: the cell is blank: expected the pilot result');
      return metric.gapClosed;
    },
  },
  {
    id: 'METRICVALUE',
    params: [
      param('baseline', 'cell'),
      param('target', 'cell'),
      param('volume', 'cell'),
      param('valuePerUnit', 'cell'),
      param('pilot', 'cell', true),
      param('basis', 'text', true),
      param('unit', 'text', true),
    ],
    result: 'number',
    run: (a) => {
      const cells: Record<string, Cell> = {
        Baseline: a.cell('baseline'),
        Target: a.cell('target'),
        Pilot: a.cell('pilot'),
        Volume: a.cell('volume'),
        'Value per unit': a.cell('valuePerUnit'),
        Unit: a.text('unit') ?? null,
      };
      const metric = oneMetric(cells, { currency: currencyWritten(cells), basis: basisOf(a.text('basis')), onTrackThreshold: 1 });
      if (metric.annualValue === null) {
        throw new ModelError('#VALUE!', 'the metric has no money value: it is not measured in money and valuePerUnit is blank');
      }
      return metric.annualValue;
    },
  },
  {
    id: 'EXPANSION',
    params: [param('pilotCosts', 'range'), param('productionCosts', 'range')],
    result: 'number',
    run: (a) => {
      const pilot = costSum(a.range('pilotCosts'), 'pilotCosts');
      const production = costSum(a.range('productionCosts'), 'productionCosts');
      const multiple = expansionMultiple(pilot, production, 0);
      if (multiple === null) throw new ModelError('#DIV/0!', 'pilotCosts add up to 0: there is no pilot cost to compare production with');
      return multiple;
    },
  },
  {
    id: 'PAYBACK',
    params: [param('cashflows', 'range'), param('periodsPerYear', 'number', true)],
    result: 'number',
    run: (a) => {
      const flows = flowRow(a.range('cashflows'), 'cashflows');
      const perYear = a.number('periodsPerYear') ?? 12;
      if (!(perYear > 0)) {
        throw new ModelError('#VALUE!', `periodsPerYear: expected the number of periods in a year, above 0 (12 for months, 4 for quarters, 1 for years); got ${perYear}`);
      }
      const periods = paybackPeriods(flows);
      if (periods === null) throw new ModelError('#N/A', 'Payback never comes: the cumulative cash flow is still negative at the last period.');
      return (periods * 12) / perYear;
    },
  },
  {
    id: 'CASHFLOWS',
    params: ECONOMICS_PARAMS,
    result: 'spill',
    spillShape: { rows: 5, columns: 5 },
    run: (a, context) => cashflowTable(evaluated(a, context)),
  },
  {
    id: 'NPV',
    params: ECONOMICS_PARAMS,
    result: 'number',
    run: (a, context) => evaluated(a, context).npv,
  },
  {
    id: 'IRR',
    params: ECONOMICS_PARAMS,
    result: 'number',
    run: (a, context) => {
      const result = evaluated(a, context);
      if (result.irr === null) throw noIrr(result);
      return result.irr;
    },
  },
  {
    id: 'ROI',
    params: ECONOMICS_PARAMS,
    result: 'number',
    run: (a, context) => {
      const { roi } = evaluated(a, context);
      if (roi === null) throw new ModelError('#DIV/0!', 'ROI does not exist: PV costs is 0, so NPV alone decides.');
      return roi;
    },
  },
  {
    id: 'THRESHOLD',
    params: [METRICS_ARG, COSTS_ARG, param('which', 'text'), ASSUMPTIONS_ARG],
    result: 'number or text',
    run: (a, context) => {
      const which = (a.text('which') ?? '').toLowerCase() as ThresholdKind;
      if (!THRESHOLD_KINDS.includes(which)) {
        throw new ModelError('#VALUE!', `which: expected "adoption", "volume", "cost" or "realization"; got "${a.text('which') ?? ''}"`);
      }
      const value = evaluated(a, context).thresholds[which];
      if (value === 'never') throw new ModelError('#N/A', `never: ${THRESHOLD_NEVER[which]} makes NPV positive.`);
      return value;
    },
  },
  {
    id: 'READINESS',
    params: [param('readiness', 'table', false, 'Readiness'), OWNERSHIP_ARG],
    result: 'number',
    run: (a) => {
      const gates = evaluateReadiness(a.table('readiness'), a.table('ownership'));
      if (gates.problems.length > 0) throw new CaseInputError(gates.problems);
      return gates.result.score;
    },
  },
  {
    id: 'VERDICT',
    params: CASE_PARAMS,
    result: 'text',
    run: (a, context) => evaluated(a, context).verdict,
  },
  {
    id: 'REASONS',
    params: CASE_PARAMS,
    result: 'spill',
    spillShape: { rows: 1, columns: 1 },
    run: (a, context) => evaluated(a, context).reasons.map((reason) => [reason]),
  },
  {
    id: 'TIMELINE',
    params: [param('readiness', 'table', false, 'Readiness'), ASSUMPTIONS_ARG],
    result: 'spill',
    spillShape: { rows: 1, columns: 2 },
    run: (a) => {
      const assumptions = readAssumptions(a.table('assumptions'));
      const grid = a.table('readiness');
      const gates = grid === undefined ? null : evaluateReadiness(grid, undefined);
      const problems = [...assumptions.problems, ...(gates?.problems ?? [])];
      if (problems.length > 0) throw new CaseInputError(problems);
      const timeline = estimateTimeline(gates ? gates.result : null, assumptions.assumptions.integrations);
      return [[timeline.low, timeline.high]];
    },
  },
  {
    id: 'SUMMARY',
    params: CASE_PARAMS,
    result: 'spill',
    spillShape: { rows: SUMMARY_FIGURES.length + 1, columns: 2 },
    run: (a, context) => summaryTable(evaluated(a, context)),
  },
];

const BY_ID = new Map<string, PilotFunction>(PILOT_FUNCTIONS.map((f) => [f.id, f]));

/**
 * The catalogue entry of a function, by its id (`NPV`) or its name in a sheet (`PILOT.NPV`), in any case.
 *
 * @example
 *   pilotFunction('PILOT.npv')?.params.map((p) => p.name) // ['metrics', 'costs', 'assumptions']
 */
export function pilotFunction(name: string): PilotFunction | undefined {
  const id = name.trim().toUpperCase().replace(/^PILOT\./, '');
  return BY_ID.get(id);
}
