/**
 * The PILOT.* functions of SPEC §4, declared once, as data: each function's arguments (kind,
 * optionality, the table it is, its default and the values it accepts), its result and spill
 * shape, and the words a person reads about it, with examples and errors. Everything else comes
 * from here: functions.json for Excel (functions-json.ts, written at build time), the function
 * reference of the help page (src/help, also written at build time, where each function's
 * help URL points), the catalogue that runs them (catalogue.ts, whose adapters are typed from
 * these declarations), the HyperFormula plugin of the workbench, the argument checks of the
 * shared runner, and the examples, which the tests run. Plain data with no import that runs, so
 * the build reads it without the engine.
 */
import type { ErrorCode } from '../model/errors';
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

export interface ParamDeclaration {
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
  readonly description: string;
}

/** A formula as a person writes it over the sample of SPEC §7 (tables named as the template names them), and what it gives. */
export interface FunctionExample {
  readonly formula: string;
  /** The value, to the decimals written; for a spill, its top-left rows as far as given. */
  readonly result: SpillCell | readonly (readonly SpillCell[])[];
}

/** An error particular to one function: the Excel error its cell shows, when, and a formula that gives it. */
export interface ErrorDeclaration {
  readonly code: ErrorCode;
  /** When the cell shows it, for a person: "when the pilot costs add up to 0". */
  readonly when: string;
  /** A formula that gives this error, as a person would write it; the tests run it. */
  readonly example?: string;
}

export interface FunctionDeclaration {
  /** The id Excel registers and the name after `PILOT.` in a sheet. */
  readonly id: string;
  readonly description: string;
  readonly params: readonly ParamDeclaration[];
  readonly result: ResultKind;
  /** What the result is, for a person. */
  readonly returns: string;
  /**
   * For a spill, its size before any input is read: exact for a fixed table (PILOT.TIMELINE,
   * PILOT.SUMMARY), the default 3-year horizon's for PILOT.CASHFLOWS, one cell for PILOT.REASONS.
   * Hosts that fix a spill's size in advance (HyperFormula) fall back on it.
   */
  readonly spillShape?: { readonly rows: number; readonly columns: number };
  readonly examples: readonly FunctionExample[];
  /** The anchor of the user guide's section (docs/guide.md) that explains how the result is worked out. */
  readonly guide?: string;
  /**
   * The errors particular to this function. Those every function shares, from its arguments (a
   * table with a problem, a cell holding an Excel error, a word or number it does not take), are
   * said from the arguments' declarations and need no entry here.
   */
  readonly errors?: readonly ErrorDeclaration[];
}

/** Keeps a declaration's literal names and kinds, so adapters can be typed from it. */
function declare<const D extends FunctionDeclaration>(declaration: D): D {
  return declaration;
}

const METRICS_ARG = { name: 'metrics', kind: 'table', optional: false, table: 'Metrics', description: 'The Metrics table with its header row (Metrics[#All]).' } as const;
const COSTS_ARG = { name: 'costs', kind: 'table', optional: false, table: 'Costs', description: 'The Costs table with its header row.' } as const;
/** Required in SPEC §4's signatures, but a case without a Readiness table is still evaluated (every gate "not assessed"). */
const READINESS_ARG = {
  name: 'readiness',
  kind: 'table',
  optional: false,
  table: 'Readiness',
  description: 'The Readiness table; left empty, every standard gate counts as not assessed.',
} as const;
const ASSUMPTIONS_ARG = {
  name: 'assumptions',
  kind: 'table',
  optional: true,
  table: 'Assumptions',
  description: 'The Assumptions table (Name | Value); every assumption at its default when omitted.',
} as const;
const OWNERSHIP_ARG = { name: 'ownership', kind: 'table', optional: true, table: 'Ownership', description: 'The Ownership (RACI) table.' } as const;

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
    description: `${table}[#Headers]: where the table is, so each sentence names its sheet cell (${table}!A3). Only the address is read.`,
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

/** Said of every function whose go-live month comes from the Assumptions alone. */
const WITHOUT_READINESS = "Without a readiness table, go-live is the Assumptions' Transition months, else the typical 5 months.";

/** The tables of the seed sample as the template inserts them, for the examples. */
const M = 'Metrics[#All]';
const C = 'Costs[#All]';
const R = 'Readiness[#All]';
const A = 'Assumptions[#All]';

/** Every PILOT function of SPEC §4, in its order. */
export const PILOT_DECLARATIONS = [
  declare({
    id: 'VALUE',
    guide: 'how-cells-are-read',
    description: 'Reads a pasted value such as "12 min", "$3.40" or "4.2%" as a number, in the given unit.',
    params: [
      { name: 'text', kind: 'cell', optional: false, description: 'The cell or text to read, such as "2 h" or "$3.40".' },
      { name: 'unit', kind: 'text', optional: true, description: 'The unit to convert to, such as "min" or "h".' },
    ],
    result: 'number',
    returns: 'The number, in `unit` when given.',
    examples: [
      { formula: '=PILOT.VALUE("2 h","min")', result: 120 },
      { formula: '=PILOT.VALUE("(500)")', result: -500 },
    ],
    errors: [
      { code: '#VALUE!', when: 'the text is not a value, such as "N/A" or "tbd" (never read as 0)', example: '=PILOT.VALUE("N/A")' },
      { code: '#VALUE!', when: 'the value does not convert to `unit`', example: '=PILOT.VALUE("2 h","USD")' },
    ],
  }),
  declare({
    id: 'GAPCLOSED',
    guide: 'each-metrics-value',
    description: 'The share of the target gap the pilot closed: (baseline − pilot) / (baseline − target), which may be below 0 or above 1.',
    params: [
      { name: 'baseline', kind: 'cell', optional: false, description: 'The value before the pilot, such as "12 min" or 4.2%.' },
      { name: 'target', kind: 'cell', optional: false, description: 'The production target, such as "2 min".' },
      { name: 'pilot', kind: 'cell', optional: false, description: 'What the pilot measured, such as "3 min".' },
    ],
    result: 'number',
    returns: 'The gap closed as a fraction (1 = target reached).',
    examples: [{ formula: '=PILOT.GAPCLOSED("12 min","2 min","3 min")', result: 0.9 }],
    errors: [
      { code: '#VALUE!', when: 'the target does not improve on the baseline', example: '=PILOT.GAPCLOSED("12 min","12 min","3 min")' },
      { code: '#VALUE!', when: 'the three are not in the same kind of unit', example: '=PILOT.GAPCLOSED("12 min","2 min","3 h/week")' },
    ],
  }),
  declare({
    id: 'METRICVALUE',
    guide: 'each-metrics-value',
    description: "The annual money value of one metric's improvement: improvement × volume × value per unit, per year.",
    params: [
      { name: 'baseline', kind: 'cell', optional: false, description: 'The value before the pilot, such as "12 min".' },
      { name: 'target', kind: 'cell', optional: false, description: 'The production target, such as "2 min".' },
      {
        name: 'volume',
        kind: 'cell',
        optional: false,
        description: 'How many a year, such as "50,000 docs/year"; leave blank for a rate per time such as "h/week".',
      },
      {
        name: 'valuePerUnit',
        kind: 'cell',
        optional: false,
        description: 'Money per unit of improvement, such as "$45/h"; leave blank for a metric measured in money.',
      },
      { name: 'pilot', kind: 'cell', optional: true, description: 'What the pilot measured; under basis "evidence" without it the value is 0 (nothing proven).' },
      {
        name: 'basis',
        kind: 'text',
        optional: true,
        default: 'evidence',
        description: '"evidence" (default: the improvement the pilot proved, capped at target) or "target" (the promised improvement).',
      },
      {
        name: 'unit',
        kind: 'text',
        optional: true,
        description: "The unit of bare numbers in baseline, target and pilot, as the Metrics table's Unit column (such as \"h/week\").",
      },
    ],
    result: 'number',
    returns: 'Money per year in the currency written in the cells (USD when none is written).',
    examples: [
      { formula: '=PILOT.METRICVALUE("12 min","2 min","50,000 docs/year","$45/h","2 min")', result: 375000 },
      { formula: '=PILOT.METRICVALUE(0,200,"","$45/h",160,,"h/week")', result: 375685.71 },
    ],
    errors: [
      {
        code: '#VALUE!',
        when: 'the units do not combine into money per year, such as a time saved with a Value per unit but no volume',
        example: '=PILOT.METRICVALUE("12 min","2 min","","$45/h","2 min")',
      },
      {
        code: '#VALUE!',
        when: 'the metric has no money value: it is not measured in money and `valuePerUnit` is blank',
        example: '=PILOT.METRICVALUE("4.2%","0.5%","50,000 transactions/year","","0.6%")',
      },
    ],
  }),
  declare({
    id: 'EXPANSION',
    guide: 'costs-and-the-expansion-multiple',
    description: "The cost expansion multiple: production's first-year bill against the pilot's, each range summed.",
    params: [
      { name: 'pilotCosts', kind: 'range', optional: false, description: "The pilot's costs: a range, summed (blank cells add nothing)." },
      { name: 'productionCosts', kind: 'range', optional: false, description: "Production's one-time and first-year annual costs: a range, summed." },
    ],
    result: 'number',
    returns: 'Production ÷ pilot, such as 3.175.',
    examples: [{ formula: '=PILOT.EXPANSION({120000},{190000,191000})', result: 3.175 }],
    errors: [{ code: '#DIV/0!', when: 'the pilot costs add up to 0', example: '=PILOT.EXPANSION({0},{190000})' }],
  }),
  declare({
    id: 'COSTLINES',
    guide: 'costs-and-the-expansion-multiple',
    description:
      "The cost expansion by category, spilled: each cost line's pilot cost against production's first year (One-time + Annual, or the estimated Annual), its multiple, and the alarm line (the pilot cost × the Expansion alarm), then the totals.",
    params: [
      COSTS_ARG,
      { ...ASSUMPTIONS_ARG, description: 'The Assumptions table, for the currency, the category multipliers and the Expansion alarm.' },
    ],
    result: 'spill',
    returns:
      'A table with the header Category | Pilot | Production first year | Multiple | Alarm (3.00× pilot), one row per cost line in the table\'s order, then Total, whose multiple is the cost expansion; a multiple is "none" where the pilot cost is 0 or less.',
    // A header, one row per cost line (the sample's eight) and the total.
    spillShape: { rows: 10, columns: 5 },
    examples: [
      {
        formula: `=PILOT.COSTLINES(${C},${A})`,
        result: [
          ['Category', 'Pilot', 'Production first year', 'Multiple', 'Alarm (3.00× pilot)'],
          ['Model and licences', 30000, 60000, 2, 90000],
          ['Infrastructure', 15000, 50000, 3.3333, 45000],
        ],
      },
    ],
  }),
  declare({
    id: 'PAYBACK',
    guide: 'npv-irr-roi-and-payback',
    description:
      'Payback in months of a row or column of net cash flows, period k covering [k, k+1): the period after which the cumulative stays at or above 0, plus the fraction of it needed, × 12 ÷ periodsPerYear.',
    params: [
      { name: 'cashflows', kind: 'range', optional: false, description: 'One row or one column of net cash flows, the first period first.' },
      {
        name: 'periodsPerYear',
        kind: 'number',
        optional: true,
        default: 12,
        range: { above: 0 },
        expected: 'the number of periods in a year, above 0 (12 for months, 4 for quarters, 1 for years)',
        description:
          "Periods in a year: 12 (default) for monthly flows, 4 for quarters, 1 for years. Over the case's monthly net row it equals the case's payback.",
      },
    ],
    result: 'number',
    returns: 'Months to payback; 0 when the cumulative is never negative.',
    examples: [
      { formula: '=PILOT.PAYBACK({-100,30,30,60})', result: 3.6667 },
      { formula: '=PILOT.PAYBACK({-190000,450561.14,796017.14},1)', result: 17.06 },
    ],
    errors: [{ code: '#N/A', when: '"never": the cumulative is still negative at the last period', example: '=PILOT.PAYBACK({-100,30,30})' }],
  }),
  declare({
    id: 'CASHFLOWS',
    guide: 'cash-flows',
    description: `The yearly cash flows a CFO audits, spilled: header Year 0 … Year n, rows Benefits, Costs, Net, Cumulative. ${WITHOUT_READINESS}`,
    params: ECONOMICS_PARAMS,
    result: 'spill',
    returns: 'A table: the currency and Year 0 … Year n across, a label column down; =CF0+NPV(rate, CF1:CFn) on its Net row is PILOT.NPV.',
    spillShape: { rows: 5, columns: 5 },
    examples: [
      {
        formula: `=PILOT.CASHFLOWS(${M},${C},${A})`,
        result: [
          ['USD', 'Year 0', 'Year 1', 'Year 2', 'Year 3'],
          ['Benefits', 0, 641561.14, 987017.14, 987017.14],
          ['Costs', 190000, 191000, 191000, 191000],
          ['Net', -190000, 450561.14, 796017.14, 796017.14],
        ],
      },
    ],
  }),
  declare({
    id: 'NPV',
    guide: 'npv-irr-roi-and-payback',
    description: `Net present value of the case: Year 0 plus the discounted Years 1 … n, exactly =CF0+NPV(rate, CF1:CFn). ${WITHOUT_READINESS}`,
    params: ECONOMICS_PARAMS,
    result: 'number',
    returns: 'The NPV in the case currency.',
    examples: [{ formula: `=PILOT.NPV(${M},${C},${A})`, result: 1475525.91 }],
  }),
  declare({
    id: 'IRR',
    guide: 'npv-irr-roi-and-payback',
    description: `Internal rate of return of the yearly net cash flows, as Excel's IRR with guess 10%. ${WITHOUT_READINESS}`,
    params: ECONOMICS_PARAMS,
    result: 'number',
    returns: 'The IRR as a fraction.',
    examples: [{ formula: `=PILOT.IRR(${M},${C},${A})`, result: 2.7751 }],
    errors: [
      {
        code: '#NUM!',
        when: 'no rate makes the NPV zero, such as when the yearly net cash flows never change sign (here a metric with no money value against a cost)',
        example: '=PILOT.IRR({"Metric","Baseline","Target";"Errors","4.2%","0.5%"},{"Category","Annual";"Infrastructure",1000})',
      },
    ],
  }),
  declare({
    id: 'ROI',
    guide: 'npv-irr-roi-and-payback',
    description: `Risk-adjusted ROI: (PV benefits − PV costs) ÷ PV costs. ${WITHOUT_READINESS}`,
    params: ECONOMICS_PARAMS,
    result: 'number',
    returns: 'The ROI as a fraction.',
    examples: [{ formula: `=PILOT.ROI(${M},${C},${A})`, result: 2.2189 }],
    errors: [
      {
        code: '#DIV/0!',
        when: 'PV costs is 0: production costs nothing, so NPV alone decides',
        example: '=PILOT.ROI({"Metric","Baseline","Target","Pilot","Volume","Value per unit";"Time","12 min","2 min","2 min","50,000 docs/year","$45/h"},{"Category","Annual";"Infrastructure",0})',
      },
    ],
  }),
  declare({
    id: 'THRESHOLD',
    guide: 'scale-thresholds',
    description: `A scale threshold: the value of one input at which NPV = 0, every other input held. ${WITHOUT_READINESS}`,
    params: [
      METRICS_ARG,
      COSTS_ARG,
      {
        name: 'which',
        kind: 'text',
        optional: false,
        choices: ['adoption', 'volume', 'cost', 'realization'],
        description: '"adoption" (0–100%), "volume" (0–100× plan), "cost" (0–100× plan) or "realization" (0–200% of the promise).',
      },
      ASSUMPTIONS_ARG,
    ],
    result: 'number or text',
    returns: 'The threshold as a number; the text "always positive" when NPV is positive across the range, or "did not converge" when the solver stops at its iteration limit (the reasons say which).',
    examples: [
      { formula: `=PILOT.THRESHOLD(${M},${C},"adoption",${A})`, result: 0.2881 },
      { formula: `=PILOT.THRESHOLD(${M},${C},"cost",${A})`, result: 3.2189 },
    ],
    errors: [
      {
        code: '#N/A',
        when: '"never": no value in the range makes NPV positive',
        example: '=PILOT.THRESHOLD({"Metric","Baseline","Target";"Errors","4.2%","0.5%"},{"Category","Annual";"Infrastructure",1000},"adoption")',
      },
    ],
  }),
  declare({
    id: 'READINESS',
    guide: 'the-readiness-score',
    description: 'The readiness score: the lowest score among blocking gates, 1 when every blocking gate passes; a gate without a named owner scores 0.',
    params: [
      { ...READINESS_ARG, description: 'The Readiness table (Gate | Status | Owner | Evidence) with its header row.' },
      { ...OWNERSHIP_ARG, description: 'The Ownership (RACI) table: production functions down, roles across.' },
    ],
    result: 'number',
    returns: 'The score from 0 to 1.',
    // 0 for the sample: Workflow redesign has no named owner.
    examples: [{ formula: `=PILOT.READINESS(${R})`, result: 0 }],
  }),
  declare({
    id: 'VERDICT',
    guide: 'the-verdict',
    description: 'The verdict: SCALE, PIVOT, KILL or NOT READY.',
    params: CASE_PARAMS,
    result: 'text',
    returns: 'SCALE, PIVOT, KILL or NOT READY.',
    examples: [{ formula: `=PILOT.VERDICT(${M},${C},${R},${A})`, result: 'NOT READY' }],
  }),
  declare({
    id: 'REASONS',
    guide: 'the-verdict',
    description:
      'The reasons behind the verdict, most decisive first, spilled down a column: short sentences with the figures and the table row or assumption behind them.',
    params: CITING_PARAMS,
    result: 'spill',
    returns: 'One reason per row.',
    spillShape: { rows: 1, columns: 1 },
    examples: [
      { formula: `=PILOT.REASONS(${M},${C},${R},${A})`, result: [['Readiness row 3 "Production data audited" blocks production: status partial.']] },
    ],
  }),
  declare({
    id: 'ACTIONS',
    description:
      'What must be true first (SPEC §3.9): the few steps that would change a verdict other than SCALE, most decisive first, each with its owner and the table row (and sheet cell) it comes from. SCALE has none.',
    params: CITING_PARAMS,
    result: 'spill',
    returns: 'A table with the header Action | Owner | Source, then one row per action; a single "none" row for SCALE.',
    // The header and one action; the sample's seven actions make eight rows.
    spillShape: { rows: 2, columns: 3 },
    examples: [
      {
        formula: `=PILOT.ACTIONS(${M},${C},${R},${A})`,
        result: [
          ['Action', 'Owner', 'Source'],
          ['Get "Production data audited" to done — status partial; evidence so far: Two of three source systems audited.', 'Priya Raman', 'Readiness row 3, Status'],
        ],
      },
    ],
  }),
  declare({
    id: 'SIMULATE',
    guide: 'how-sure-ranges',
    description: `How sure the NPV is: a Monte Carlo simulation that draws every input with a Low and a High (Metrics and Costs columns) from PERT over low / most likely / high, with a seed, so the same seed gives the same figures on every platform. ${WITHOUT_READINESS}`,
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
        description: 'How many trials: 10,000 when omitted, at most 100,000.',
      },
      {
        name: 'seed',
        kind: 'number',
        optional: true,
        // The engine's DEFAULT_SEED and MAX_SEED (src/model/random.ts).
        default: 1,
        range: { min: 0, max: 9007199254740991 },
        expected: 'a whole number from 0 to 9,007,199,254,740,991',
        description: 'The seed of the draws: 1 when omitted; another seed gives other draws.',
      },
    ],
    result: 'spill',
    returns:
      'A Figure | Value table: NPV P10, P50 and P90 (as PERCENTILE.INC), NPV mean, P(NPV ≥ 0) and P(payback ≤ Max payback); with no ranges every NPV figure is PILOT.NPV.',
    spillShape: { rows: 7, columns: 2 },
    // The sample has no ranges: the simulation is its point estimate.
    examples: [
      {
        formula: `=PILOT.SIMULATE(${M},${C},${A})`,
        result: [
          ['Figure', 'Value'],
          ['NPV P10', 1475525.91],
          ['NPV P50', 1475525.91],
          ['NPV P90', 1475525.91],
          ['NPV mean', 1475525.91],
          ['P(NPV ≥ 0)', 1],
          ['P(payback ≤ max)', 1],
        ],
      },
    ],
  }),
  declare({
    id: 'TORNADO',
    guide: 'how-sure-ranges',
    description: `The inputs with a Low and a High ranked by how far they move the NPV: each at its Low and at its High, every other input at its most likely. ${WITHOUT_READINESS}`,
    params: ECONOMICS_PARAMS,
    result: 'spill',
    returns: 'An Input | NPV at low | NPV at high | Swing table, largest swing first (ties in table, then row order); a single "none" row when no Metrics or Costs row has a Low and a High.',
    spillShape: { rows: 2, columns: 4 },
    examples: [
      {
        formula: `=PILOT.TORNADO(${M},${C},${A})`,
        result: [
          ['Input', 'NPV at low', 'NPV at high', 'Swing'],
          ['none', '', '', ''],
        ],
      },
    ],
  }),
  declare({
    id: 'TIMELINE',
    guide: 'timeline-to-production',
    description: 'The timeline to production, spilled as a pair: months low, months high (best case 2–3, typical 4–6, complex 6–12).',
    params: [
      { ...READINESS_ARG, description: 'The Readiness table; left empty, the case is typical.' },
      { ...ASSUMPTIONS_ARG, description: 'The Assumptions table, for Integrations.' },
    ],
    result: 'spill',
    returns: 'One row: months low, months high.',
    spillShape: { rows: 1, columns: 2 },
    examples: [{ formula: `=PILOT.TIMELINE(${R})`, result: [[4, 6]] }],
  }),
  declare({
    id: 'SUMMARY',
    guide: 'how-each-figure-is-computed',
    description:
      'Every figure of the case in a spilled Figure | Value table: verdict, NPV, discount rate, IRR, ROI, payback, PV benefits and costs, expansion, budget variance, the four thresholds, readiness score and progress, blockers, patterns, timeline and the four verdict tests. A figure that does not exist reads as text ("never", "none …"), never as an error.',
    params: CASE_PARAMS,
    result: 'spill',
    returns: 'Two columns, Figure and Value, a header row first.',
    // A header and one row per figure (summary.ts).
    spillShape: { rows: 32, columns: 2 },
    examples: [
      {
        formula: `=PILOT.SUMMARY(${M},${C},${R},${A})`,
        result: [
          ['Figure', 'Value'],
          ['Verdict', 'NOT READY'],
          ['NPV', 1475525.91],
        ],
      },
    ],
  }),
] as const;

/** The id of a PILOT function: `NPV` for PILOT.NPV. */
export type PilotFunctionId = (typeof PILOT_DECLARATIONS)[number]['id'];

/** The declaration of the function with this id. */
export type DeclarationOf<Id extends PilotFunctionId> = Extract<(typeof PILOT_DECLARATIONS)[number], { id: Id }>;
