/**
 * The words a person reads about each PILOT.* function of SPEC §4, declared once beside its
 * signature (signatures.ts: arguments, result, spill shape): what it does, what each argument
 * is, what it returns, examples and errors. PILOT_DECLARATIONS joins the two. Everything that
 * speaks of the functions comes from here: functions.json for Excel (functions-json.ts, written
 * at build time), the function reference of the help page (src/help, also written at build
 * time, where each function's help URL points), and the examples, which the tests run. What
 * runs them (the catalogue, the argument checks of the shared runner, the HyperFormula plugin of
 * the workbench) reads the signatures alone, so none of these words is in the script the task
 * pane page loads. Plain data with no import that runs, so the build reads it without the engine.
 */
import type { ErrorCode } from '../model/errors';
import type { TableName } from '../model/types';
import { PILOT_SIGNATURES, type FunctionSignature, type ParamSignature, type PilotFunctionId, type SignatureOf, type SpillCell } from './signatures';

export type { ParamKind, PilotFunctionId, ResultKind, SpillCell } from './signatures';

export interface ParamDeclaration extends ParamSignature {
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

/** What a person reads about one function, its arguments described by name. */
interface FunctionDocumentation<Id extends PilotFunctionId> {
  readonly id: Id;
  readonly description: string;
  /** Each argument of the signature, by its name: what to give. */
  readonly params: { readonly [P in SignatureOf<Id>['params'][number] as P['name']]: string };
  /** What the result is, for a person. */
  readonly returns: string;
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

/** A function's signature with the words about it and each of its arguments. */
export interface FunctionDeclaration extends FunctionSignature, Omit<FunctionDocumentation<PilotFunctionId>, 'id' | 'params'> {
  readonly params: readonly ParamDeclaration[];
}

/** Keeps a documentation's id literal, so its arguments are checked against that function's signature. */
function document<Id extends PilotFunctionId>(documentation: FunctionDocumentation<Id>): FunctionDocumentation<Id> {
  return documentation;
}

const METRICS_TABLE = 'The Metrics table with its header row (Metrics[#All]).';
const COSTS_TABLE = 'The Costs table with its header row.';
const READINESS_TABLE = 'The Readiness table; left empty, every standard gate counts as not assessed.';
const ASSUMPTIONS_TABLE = 'The Assumptions table (Name | Value); every assumption at its default when omitted.';
const OWNERSHIP_TABLE = 'The Ownership (RACI) table.';

const ECONOMICS_PARAMS = { metrics: METRICS_TABLE, costs: COSTS_TABLE, assumptions: ASSUMPTIONS_TABLE } as const;
const CASE_PARAMS = { ...ECONOMICS_PARAMS, readiness: READINESS_TABLE, ownership: OWNERSHIP_TABLE } as const;

/** A place argument (signatures.ts says why there is one): a reference to the table's header row. */
function place(table: TableName): string {
  return `${table}[#Headers]: where the table is, so each sentence names its sheet cell (${table}!A3). Only the address is read.`;
}

const CITING_PARAMS = {
  ...CASE_PARAMS,
  metricsAt: place('Metrics'),
  costsAt: place('Costs'),
  readinessAt: place('Readiness'),
  assumptionsAt: place('Assumptions'),
  ownershipAt: place('Ownership'),
} as const;

/** Said of every function whose go-live month comes from the Assumptions alone. */
const WITHOUT_READINESS = "Without a readiness table, go-live is the Assumptions' Transition months, else the typical 5 months.";

/** The tables of the seed sample as the template inserts them, for the examples. */
const M = 'Metrics[#All]';
const C = 'Costs[#All]';
const R = 'Readiness[#All]';
const A = 'Assumptions[#All]';

/** What a person reads about every PILOT function, in the order of PILOT_SIGNATURES. */
const DOCUMENTATION = [
  document({
    id: 'VALUE',
    guide: 'how-cells-are-read',
    description: 'Reads a pasted value such as "12 min", "$3.40" or "4.2%" as a number, in the given unit.',
    params: {
      text: 'The cell or text to read, such as "2 h" or "$3.40".',
      unit: 'The unit to convert to, such as "min" or "h".',
    },
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
  document({
    id: 'GAPCLOSED',
    guide: 'each-metrics-value',
    description: 'The share of the target gap the pilot closed: (baseline − pilot) / (baseline − target), which may be below 0 or above 1.',
    params: {
      baseline: 'The value before the pilot, such as "12 min" or 4.2%.',
      target: 'The production target, such as "2 min".',
      pilot: 'What the pilot measured, such as "3 min".',
    },
    returns: 'The gap closed as a fraction (1 = target reached).',
    examples: [{ formula: '=PILOT.GAPCLOSED("12 min","2 min","3 min")', result: 0.9 }],
    errors: [
      { code: '#VALUE!', when: 'the target does not improve on the baseline', example: '=PILOT.GAPCLOSED("12 min","12 min","3 min")' },
      { code: '#VALUE!', when: 'the three are not in the same kind of unit', example: '=PILOT.GAPCLOSED("12 min","2 min","3 h/week")' },
    ],
  }),
  document({
    id: 'METRICVALUE',
    guide: 'each-metrics-value',
    description: "The annual money value of one metric's improvement: improvement × volume × value per unit, per year.",
    params: {
      baseline: 'The value before the pilot, such as "12 min".',
      target: 'The production target, such as "2 min".',
      volume: 'How many a year, such as "50,000 docs/year"; leave blank for a rate per time such as "h/week".',
      valuePerUnit: 'Money per unit of improvement, such as "$45/h"; leave blank for a metric measured in money.',
      pilot: 'What the pilot measured; under basis "evidence" without it the value is 0 (nothing proven).',
      basis: '"evidence" (default: the improvement the pilot proved, capped at target) or "target" (the promised improvement).',
      unit: "The unit of bare numbers in baseline, target and pilot, as the Metrics table's Unit column (such as \"h/week\").",
    },
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
  document({
    id: 'EXPANSION',
    guide: 'costs-and-the-expansion-multiple',
    description: "The cost expansion multiple: production's first-year bill against the pilot's, each range summed.",
    params: {
      pilotCosts: "The pilot's costs: a range, summed (blank cells add nothing).",
      productionCosts: "Production's one-time and first-year annual costs: a range, summed.",
    },
    returns: 'Production ÷ pilot, such as 3.175.',
    examples: [{ formula: '=PILOT.EXPANSION({120000},{190000,191000})', result: 3.175 }],
    errors: [{ code: '#DIV/0!', when: 'the pilot costs add up to 0', example: '=PILOT.EXPANSION({0},{190000})' }],
  }),
  document({
    id: 'COSTLINES',
    guide: 'costs-and-the-expansion-multiple',
    description:
      "The cost expansion by category, spilled: each cost line's pilot cost against production's first year (One-time + Annual, or the estimated Annual), its multiple, and the alarm line (the pilot cost × the Expansion alarm), then the totals.",
    params: {
      costs: COSTS_TABLE,
      assumptions: 'The Assumptions table, for the currency, the category multipliers and the Expansion alarm.',
    },
    returns:
      'A table with the header Category | Pilot | Production first year | Multiple | Alarm (3.00× pilot), one row per cost line in the table\'s order, then Total, whose multiple is the cost expansion; a multiple is "none" where the pilot cost is 0 or less.',
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
  document({
    id: 'PAYBACK',
    guide: 'npv-irr-roi-and-payback',
    description:
      'Payback in months of a row or column of net cash flows, period k covering [k, k+1): the period after which the cumulative stays at or above 0, plus the fraction of it needed, × 12 ÷ periodsPerYear.',
    params: {
      cashflows: 'One row or one column of net cash flows, the first period first.',
      periodsPerYear:
        "Periods in a year: 12 (default) for monthly flows, 4 for quarters, 1 for years. Over the case's monthly net row it equals the case's payback.",
    },
    returns: 'Months to payback; 0 when the cumulative is never negative.',
    examples: [
      { formula: '=PILOT.PAYBACK({-100,30,30,60})', result: 3.6667 },
      { formula: '=PILOT.PAYBACK({-190000,450561.14,796017.14},1)', result: 17.06 },
    ],
    errors: [{ code: '#N/A', when: '"never": the cumulative is still negative at the last period', example: '=PILOT.PAYBACK({-100,30,30})' }],
  }),
  document({
    id: 'CASHFLOWS',
    guide: 'cash-flows',
    description: `The yearly cash flows a CFO audits, spilled: header Year 0 … Year n, rows Benefits, Costs, Net, Cumulative. ${WITHOUT_READINESS}`,
    params: ECONOMICS_PARAMS,
    returns: 'A table: the currency and Year 0 … Year n across, a label column down; =CF0+NPV(rate, CF1:CFn) on its Net row is PILOT.NPV.',
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
  document({
    id: 'NPV',
    guide: 'npv-irr-roi-and-payback',
    description: `Net present value of the case: Year 0 plus the discounted Years 1 … n, exactly =CF0+NPV(rate, CF1:CFn). ${WITHOUT_READINESS}`,
    params: ECONOMICS_PARAMS,
    returns: 'The NPV in the case currency.',
    examples: [{ formula: `=PILOT.NPV(${M},${C},${A})`, result: 1475525.91 }],
  }),
  document({
    id: 'IRR',
    guide: 'npv-irr-roi-and-payback',
    description: `Internal rate of return of the yearly net cash flows, as Excel's IRR with guess 10%. ${WITHOUT_READINESS}`,
    params: ECONOMICS_PARAMS,
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
  document({
    id: 'ROI',
    guide: 'npv-irr-roi-and-payback',
    description: `Risk-adjusted ROI: (PV benefits − PV costs) ÷ PV costs. ${WITHOUT_READINESS}`,
    params: ECONOMICS_PARAMS,
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
  document({
    id: 'THRESHOLD',
    guide: 'scale-thresholds',
    description: `A scale threshold: the value of one input at which NPV = 0, every other input held. ${WITHOUT_READINESS}`,
    params: {
      ...ECONOMICS_PARAMS,
      which: '"adoption" (0–100%), "volume" (0–100× plan), "cost" (0–100× plan) or "realization" (0–200% of the promise).',
    },
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
  document({
    id: 'READINESS',
    guide: 'the-readiness-score',
    description: 'The readiness score: the lowest score among blocking gates, 1 when every blocking gate passes; a gate without a named owner scores 0.',
    params: {
      readiness: 'The Readiness table (Gate | Status | Owner | Evidence) with its header row.',
      ownership: 'The Ownership (RACI) table: production functions down, roles across.',
    },
    returns: 'The score from 0 to 1.',
    // 0 for the sample: Workflow redesign has no named owner.
    examples: [{ formula: `=PILOT.READINESS(${R})`, result: 0 }],
  }),
  document({
    id: 'VERDICT',
    guide: 'the-verdict',
    description: 'The verdict: SCALE, PIVOT, KILL or NOT READY.',
    params: CASE_PARAMS,
    returns: 'SCALE, PIVOT, KILL or NOT READY.',
    examples: [{ formula: `=PILOT.VERDICT(${M},${C},${R},${A})`, result: 'NOT READY' }],
  }),
  document({
    id: 'REASONS',
    guide: 'the-verdict',
    description:
      'The reasons behind the verdict, most decisive first, spilled down a column: short sentences with the figures and the table row or assumption behind them.',
    params: CITING_PARAMS,
    returns: 'One reason per row.',
    examples: [
      { formula: `=PILOT.REASONS(${M},${C},${R},${A})`, result: [['Readiness row 3 "Production data audited" blocks production: status partial.']] },
    ],
  }),
  document({
    id: 'ACTIONS',
    description:
      'What must be true first (SPEC §3.9): the few steps that would change a verdict other than SCALE, most decisive first, each with its owner and the table row (and sheet cell) it comes from. SCALE has none.',
    params: CITING_PARAMS,
    returns: 'A table with the header Action | Owner | Source, then one row per action; a single "none" row for SCALE.',
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
  document({
    id: 'SIMULATE',
    guide: 'how-sure-ranges',
    description: `How sure the NPV is: a Monte Carlo simulation that draws every input with a Low and a High (Metrics and Costs columns) from PERT over low / most likely / high, with a seed, so the same seed gives the same figures on every platform. ${WITHOUT_READINESS}`,
    params: {
      ...ECONOMICS_PARAMS,
      trials: 'How many trials: 10,000 when omitted, at most 100,000.',
      seed: 'The seed of the draws: 1 when omitted; another seed gives other draws.',
    },
    returns:
      'A Figure | Value table: NPV P10, P50 and P90 (as PERCENTILE.INC), NPV mean, P(NPV ≥ 0) and P(payback ≤ Max payback); with no ranges every NPV figure is PILOT.NPV.',
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
  document({
    id: 'TORNADO',
    guide: 'how-sure-ranges',
    description: `The inputs with a Low and a High ranked by how far they move the NPV: each at its Low and at its High, every other input at its most likely. ${WITHOUT_READINESS}`,
    params: ECONOMICS_PARAMS,
    returns: 'An Input | NPV at low | NPV at high | Swing table, largest swing first (ties in table, then row order); a single "none" row when no Metrics or Costs row has a Low and a High.',
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
  document({
    id: 'TIMELINE',
    guide: 'timeline-to-production',
    description: 'The timeline to production, spilled as a pair: months low, months high (best case 2–3, typical 4–6, complex 6–12).',
    params: {
      readiness: 'The Readiness table; left empty, the case is typical.',
      assumptions: 'The Assumptions table, for Integrations.',
    },
    returns: 'One row: months low, months high.',
    examples: [{ formula: `=PILOT.TIMELINE(${R})`, result: [[4, 6]] }],
  }),
  document({
    id: 'SUMMARY',
    guide: 'how-each-figure-is-computed',
    description:
      'Every figure of the case in a spilled Figure | Value table: verdict, NPV, discount rate, IRR, ROI, payback, PV benefits and costs, expansion, budget variance, the four thresholds, readiness score and progress, blockers, patterns, timeline and the four verdict tests. A figure that does not exist reads as text ("never", "none …"), never as an error.',
    params: CASE_PARAMS,
    returns: 'Two columns, Figure and Value, a header row first.',
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

/** Every function documented, and nothing else: an id missing here (or not in PILOT_SIGNATURES) fails to compile. */
type Documented = (typeof DOCUMENTATION)[number]['id'];
const EVERY_FUNCTION_DOCUMENTED: [Exclude<PilotFunctionId, Documented>] extends [never] ? true : false = true;
void EVERY_FUNCTION_DOCUMENTED;

/**
 * Every PILOT function of SPEC §4, in its order: its signature, the words about it, and each
 * argument's with its description.
 *
 * @example
 *   PILOT_DECLARATIONS[0].params[0]; // { name: 'text', kind: 'cell', optional: false, description: 'The cell or text to read, …' }
 */
export const PILOT_DECLARATIONS: readonly FunctionDeclaration[] = PILOT_SIGNATURES.map((signature): FunctionDeclaration => {
  const { id: _id, params, ...words } = DOCUMENTATION.find((d) => d.id === signature.id)!;
  const described = params as Readonly<Record<string, string>>;
  return { ...signature, ...words, params: signature.params.map((param) => ({ ...param, description: described[param.name] })) };
});
