/**
 * The PILOT.* functions of SPEC §4 as they run: each function's id, its arguments (kind,
 * optionality, the table it is, its default and the values it accepts), its result and spill
 * shape. This is all the shared runtime needs of them (the catalogue, the runner's argument
 * checks, the HyperFormula plugin), so the words a person reads about each function and
 * argument (declarations.ts, which adds them to these) stay out of the script the task pane
 * page loads. Plain data with no import that runs, so the build reads it without the engine.
 */
import type { TableName } from '../model/types';

/**
 * How an argument arrives and is read: `table` a whole table with its header row (a matrix),
 * `range` any block of cells (a matrix: cash flows, costs to sum), `cell` one value of any
 * type, `text` one text, `number` one number, `place` a reference read for where it is, not for
 * its values (a table's header row, `Costs[#Headers]`: the host hands over its address).
 */
export type ParamKind = 'table' | 'range' | 'cell' | 'text' | 'number' | 'place';

/** `spill` is a 2-D array Excel spills; `number or text` is a number or a word such as "always positive". */
export type ResultKind = 'number' | 'text' | 'number or text' | 'spill';

/** A cell of a spilled result: a figure or a text ("none", "never", a label), never an error. */
export type SpillCell = number | string;

export interface ParamSignature {
  /** The argument's name, as Excel shows it while a formula is typed. */
  readonly name: string;
  readonly kind: ParamKind;
  readonly optional: boolean;
  /** For a `table` argument: the table of SPEC §2 it is, named in error messages. */
  readonly table?: TableName;
  /** For a `text` or `number` argument: what an omitted or blank one stands for. */
  readonly default?: string | number;
  /** For a `number` argument: the numbers it accepts (`above` is a strict lower bound). */
  readonly range?: { readonly above?: number; readonly min?: number; readonly max?: number };
  /** For a `text` argument: the words it accepts, in any case and with any spaces around. */
  readonly choices?: readonly string[];
  /** What a person should give, when a value is refused: "the number of periods in a year, above 0". */
  readonly expected?: string;
}

export interface FunctionSignature {
  /** The id Excel registers and the name after `PILOT.` in a sheet. */
  readonly id: string;
  readonly params: readonly ParamSignature[];
  readonly result: ResultKind;
  /**
   * For a spill, its size before any input is read: exact for a fixed table (PILOT.TIMELINE,
   * PILOT.SUMMARY), the default 3-year horizon's for PILOT.CASHFLOWS, one cell for PILOT.REASONS.
   * Hosts that fix a spill's size in advance (HyperFormula) fall back on it.
   */
  readonly spillShape?: { readonly rows: number; readonly columns: number };
}

/** Keeps a signature's literal names and kinds, so adapters can be typed from it. */
function sign<const S extends FunctionSignature>(signature: S): S {
  return signature;
}

const METRICS_ARG = { name: 'metrics', kind: 'table', optional: false, table: 'Metrics' } as const;
const COSTS_ARG = { name: 'costs', kind: 'table', optional: false, table: 'Costs' } as const;
/** Required in SPEC §4's signatures, but a case without a Readiness table is still evaluated (every gate "not assessed"). */
const READINESS_ARG = { name: 'readiness', kind: 'table', optional: false, table: 'Readiness' } as const;
const ASSUMPTIONS_ARG = { name: 'assumptions', kind: 'table', optional: true, table: 'Assumptions' } as const;
const OWNERSHIP_ARG = { name: 'ownership', kind: 'table', optional: true, table: 'Ownership' } as const;

const ECONOMICS_PARAMS = [METRICS_ARG, COSTS_ARG, ASSUMPTIONS_ARG] as const;
const CASE_PARAMS = [METRICS_ARG, COSTS_ARG, READINESS_ARG, ASSUMPTIONS_ARG, OWNERSHIP_ARG] as const;

/**
 * Where a table is, for the functions whose sentences name sheet cells: a reference to the table's
 * header row (`Costs[#Headers]`, or the first row of a plain range), read for its address only.
 *
 * Why an argument of its own. Excel tells a custom function where its range arguments are only
 * when functions.json sets `options.requiresParameterAddresses` (then `invocation.parameterAddresses`
 * holds one address per argument; CustomFunctionsRuntime 1.3, which manifest.xml requires; the
 * result must be a matrix: learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.invocation
 * and learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options, "Detect the
 * address of a parameter"). Runtime 1.3 is in Excel on the web, on Windows (Microsoft 365) and on
 * Mac, so one mechanism serves all three. The alternatives weighed:
 * - the table arguments' own addresses: the block hands each table over as IF(ISBLANK(t),"",t)
 *   (see src/usecases/block.ts), a computed array that has no address;
 * - the address as text (CELL("address", …) or a typed "Costs!A1"): CELL leaves out the sheet
 *   for the caller's own sheet and puts the workbook's file name before others, and typed text
 *   goes stale when a table moves or a sheet is renamed;
 * - the task pane looking the tables up with Excel.run: a function must not wait on the pane,
 *   and a workbook opened without it would name rows only.
 * A reference to the header row stays live (Excel rewrites it as the table moves or its sheet is
 * renamed, and a structured reference survives both), costs one row of values, and an omitted one
 * leaves the sentences naming table rows as they did, so a person's own call stays as it was.
 */
function placeArg<const Name extends string, const Table extends TableName>(name: Name, table: Table) {
  return {
    name,
    kind: 'place',
    optional: true,
    table,
    expected: `a reference to the ${table} table's header row, such as ${table}[#Headers]`,
  } as const;
}

/** The case's tables, then where each is: the sentences of REASONS and ACTIONS name sheet cells when the places are given. */
const CITING_PARAMS = [
  ...CASE_PARAMS,
  placeArg('metricsAt', 'Metrics'),
  placeArg('costsAt', 'Costs'),
  placeArg('readinessAt', 'Readiness'),
  placeArg('assumptionsAt', 'Assumptions'),
  placeArg('ownershipAt', 'Ownership'),
] as const;

/** Every PILOT function of SPEC §4, in its order. */
export const PILOT_SIGNATURES = [
  sign({
    id: 'VALUE',
    params: [
      { name: 'text', kind: 'cell', optional: false },
      { name: 'unit', kind: 'text', optional: true },
    ],
    result: 'number',
  }),
  sign({
    id: 'GAPCLOSED',
    params: [
      { name: 'baseline', kind: 'cell', optional: false },
      { name: 'target', kind: 'cell', optional: false },
      { name: 'pilot', kind: 'cell', optional: false },
    ],
    result: 'number',
  }),
  sign({
    id: 'METRICVALUE',
    params: [
      { name: 'baseline', kind: 'cell', optional: false },
      { name: 'target', kind: 'cell', optional: false },
      { name: 'volume', kind: 'cell', optional: false },
      { name: 'valuePerUnit', kind: 'cell', optional: false },
      { name: 'pilot', kind: 'cell', optional: true },
      { name: 'basis', kind: 'text', optional: true, default: 'evidence' },
      { name: 'unit', kind: 'text', optional: true },
    ],
    result: 'number',
  }),
  sign({
    id: 'EXPANSION',
    params: [
      { name: 'pilotCosts', kind: 'range', optional: false },
      { name: 'productionCosts', kind: 'range', optional: false },
    ],
    result: 'number',
  }),
  sign({
    id: 'COSTLINES',
    params: [COSTS_ARG, ASSUMPTIONS_ARG],
    result: 'spill',
    // A header, one row per cost line (the sample's eight) and the total.
    spillShape: { rows: 10, columns: 5 },
  }),
  sign({
    id: 'PAYBACK',
    params: [
      { name: 'cashflows', kind: 'range', optional: false },
      {
        name: 'periodsPerYear',
        kind: 'number',
        optional: true,
        default: 12,
        range: { above: 0 },
        expected: 'the number of periods in a year, above 0 (12 for months, 4 for quarters, 1 for years)',
      },
    ],
    result: 'number',
  }),
  sign({ id: 'CASHFLOWS', params: ECONOMICS_PARAMS, result: 'spill', spillShape: { rows: 5, columns: 5 } }),
  sign({ id: 'NPV', params: ECONOMICS_PARAMS, result: 'number' }),
  sign({ id: 'IRR', params: ECONOMICS_PARAMS, result: 'number' }),
  sign({ id: 'ROI', params: ECONOMICS_PARAMS, result: 'number' }),
  sign({
    id: 'THRESHOLD',
    params: [METRICS_ARG, COSTS_ARG, { name: 'which', kind: 'text', optional: false, choices: ['adoption', 'volume', 'cost', 'realization'] }, ASSUMPTIONS_ARG],
    result: 'number or text',
  }),
  sign({ id: 'READINESS', params: [READINESS_ARG, OWNERSHIP_ARG], result: 'number' }),
  sign({ id: 'VERDICT', params: CASE_PARAMS, result: 'text' }),
  sign({ id: 'REASONS', params: CITING_PARAMS, result: 'spill', spillShape: { rows: 1, columns: 1 } }),
  // The header and one action; the sample's seven actions make eight rows.
  sign({ id: 'ACTIONS', params: CITING_PARAMS, result: 'spill', spillShape: { rows: 2, columns: 3 } }),
  sign({
    id: 'SIMULATE',
    params: [
      ...ECONOMICS_PARAMS,
      {
        name: 'trials',
        kind: 'number',
        optional: true,
        // The engine's DEFAULT_TRIALS and MAX_TRIALS (src/model/simulate.ts).
        default: 10000,
        range: { min: 1, max: 100000 },
        expected: 'a whole number of trials from 1 to 100,000',
      },
      {
        name: 'seed',
        kind: 'number',
        optional: true,
        // The engine's DEFAULT_SEED and MAX_SEED (src/model/random.ts).
        default: 1,
        range: { min: 0, max: 9007199254740991 },
        expected: 'a whole number from 0 to 9,007,199,254,740,991',
      },
    ],
    result: 'spill',
    spillShape: { rows: 7, columns: 2 },
  }),
  sign({ id: 'TORNADO', params: ECONOMICS_PARAMS, result: 'spill', spillShape: { rows: 2, columns: 4 } }),
  sign({ id: 'TIMELINE', params: [READINESS_ARG, ASSUMPTIONS_ARG], result: 'spill', spillShape: { rows: 1, columns: 2 } }),
  // A header and one row per figure (summary.ts).
  sign({ id: 'SUMMARY', params: CASE_PARAMS, result: 'spill', spillShape: { rows: 32, columns: 2 } }),
] as const;

/** The id of a PILOT function: `NPV` for PILOT.NPV. */
export type PilotFunctionId = (typeof PILOT_SIGNATURES)[number]['id'];

/** The signature of the function with this id. */
export type SignatureOf<Id extends PilotFunctionId> = Extract<(typeof PILOT_SIGNATURES)[number], { id: Id }>;
