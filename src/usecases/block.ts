/**
 * The output block, planned once from a case's result: its labels, its figures (each with the
 * live formula that computes it and the value it gives for this case), its number formats and
 * looks, its charts, and its size, spills included. A renderer then writes it: as live formulas
 * (Excel, the workbench) or as values (the snapshot); see block-render.ts. Every cell sits at a
 * fixed offset from the block's top-left, so an earlier block's cells can be recognised wherever
 * it was written, and the plan itself does not depend on where it goes. What grows with the
 * case grows where nothing lies beyond it: the actions down the left, the reasons down the
 * right, the cash flows' years across.
 *
 *   A (the answer)                  B          C            D       E | F (the proof)      G …
 *   Pilot Gate                                 Excel's own  Check     | (note)
 *   Verdict                         NOT READY                         |            How sure (ranges only)
 *   NPV                             PILOT.NPV  Y0+NPV(…)    agrees    | Scale thresholds   =PILOT.SIMULATE
 *   ROI, Payback, Expansion                                           | adoption … realization
 *   Timeline to production          low        high                   |
 *   IRR                             PILOT.IRR  IRR(Net)     agrees    | Discount rate
 *   IRR is a root                              Y0+NPV(IRR…) agrees    | Cash flows  =PILOT.CASHFLOWS
 *                                                                     |
 *   What must be true first                                           | Details     (charts beside,
 *   =PILOT.ACTIONS (spills down A:C)                                  |              then the cost
 *                                                                     | Reasons      lines down R:V)
 *
 * Every input table is handed over as IF(ISBLANK(t),"",t), so that its blank cells arrive as ""
 * on every platform: Excel on Windows has been reported to pass an empty cell inside a range as 0
 * (github.com/OfficeDev/office-js issues 4702, 5262 and 1951), which would read a blank Pilot,
 * Volume or Discount rate as 0. The wrapper is written in each formula rather than in a defined
 * name, so the formula shows all it reads and a workbook carries no names but the block's own;
 * LET is avoided so it works wherever custom functions run. A table not chosen is `""`, never an
 * empty slot (SPEC §4).
 */
import { pilotFunction, type CaseFigureId, type FigureOptions } from '../functions/catalogue';
import type { PilotFunctionId, SignatureOf } from '../functions/signatures';
import { caseFigure, type PilotOutcome } from '../functions/runner';
import { SUMMARY_ROWS, simulationTable, summaryTable } from '../functions/spills';
import { ModelError } from '../model/errors';
import { irr, npv } from '../model/finance';
import { excerpt, formatMultiple } from '../model/format';
import { DEFAULT_SEED, DEFAULT_TRIALS } from '../model/simulate';
import type { CaseResult, CostLine, ThresholdKind, Verdict } from '../model/types';
import type { CellAddress, CellStyle, FormulaArg, FormulaSpec, RangeAddress, TableArg } from '../workbook/port';
import { figureFormat, moneyFormat } from './formats';

import { BLOCK_NAME } from './block-name';

export { BLOCK_NAME };
/** Where the first block goes when the workbook has none. */
export const DEFAULT_BLOCK_SHEET = 'Pilot Gate';

/** The first column of the block's right band (the proof), after a narrow gap column. */
const RIGHT = 5;

/**
 * The first column of the cost lines (PILOT.COSTLINES), right of the charts: they grow down with
 * the Costs table, where nothing lies below them, and the cost chart draws them.
 */
const COST_LINES = RIGHT + 12;
/** Columns of the cost-lines spill: Category, Pilot, Production first year, Multiple, Alarm. */
const COST_LINE_COLUMNS = 5;

/** Offsets from the block's top-left, as [row, column]. */
export const LAYOUT = {
  title: [0, 0],
  note: [0, RIGHT],
  verdict: [1, 1],
  npv: [2, 1],
  excelNpv: [2, 2],
  npvCheck: [2, 3],
  roi: [3, 1],
  payback: [4, 1],
  expansion: [5, 1],
  timeline: [6, 1],
  irr: [7, 1],
  excelIrr: [7, 2],
  irrCheck: [7, 3],
  irrRoot: [8, 2],
  rootCheck: [8, 3],
  actionsLabel: [10, 0],
  actions: [11, 0],
  thresholdsLabel: [2, RIGHT],
  thresholds: { adoption: [3, RIGHT + 1], volume: [4, RIGHT + 1], cost: [5, RIGHT + 1], realization: [6, RIGHT + 1] },
  discountRate: [8, RIGHT + 1],
  cashflows: [9, RIGHT + 1],
  detailsLabel: [15, RIGHT],
  details: [16, RIGHT],
  reasonsLabel: [36, RIGHT],
  reasons: [37, RIGHT],
  costLinesLabel: [15, COST_LINES],
  costLines: [16, COST_LINES],
  // How sure (only when the case has ranges): beside the thresholds, clear of the cash flows below.
  howSureLabel: [1, RIGHT + 3],
  howSure: [2, RIGHT + 3],
} as const;

/** Where the charts sit, beside the details: [top row, left column, rows, columns]. */
export const CHART_PLACES = {
  cashflows: [15, RIGHT + 2, 20, 5],
  expansion: [15, RIGHT + 7, 20, 5],
} as const;

/** Columns the fixed part takes: the answer, the gap, the proof, the charts beside the details and the cost lines. */
const FIXED_COLUMNS = COST_LINES + COST_LINE_COLUMNS;
/** Rows of the cash-flow spill: the Year header, then Benefits, Costs, Net, Cumulative. */
export const CASHFLOW_ROWS = 5;
/** The Net row within the cash-flow spill. */
const NET_ROW = 3;

/**
 * Column widths in points, set when the block first takes a column: the answer's labels and
 * actions, its figures and checks, a narrow gap, the proof's labels, its figures, and each year
 * column to the right (amounts such as ($12,967,404) whole).
 */
export const COLUMN_WIDTHS = { labels: 230, values: 110, checks: 100, gap: 16, others: 100 } as const;

/** The note beside the title in the live block (a values-only copy says so instead). */
export const LIVE_NOTE = 'Live PILOT formulas: they recalculate as the inputs change. Snapshot makes a values-only copy.';

/** The summary rows the headline, the thresholds and the proof show already; the details list the rest. */
const SHOWN_ABOVE = new Set([
  'Verdict',
  'NPV',
  'Discount rate',
  'IRR',
  'ROI (risk-adjusted)',
  'Payback (months)',
  'Cost expansion (× pilot)',
  'Adoption threshold',
  'Volume threshold (× planned)',
  'Cost threshold (× planned)',
  'Realization threshold',
  'Timeline low (months)',
  'Timeline high (months)',
]);

/** The summary rows the details list, in PILOT.SUMMARY's order. */
export const DETAIL_ROWS = SUMMARY_ROWS.filter((row) => !SHOWN_ABOVE.has(row.label));

/** Rows of the details section: the rows PILOT.SUMMARY has that nothing above shows. */
const DETAILS_HEIGHT = DETAIL_ROWS.length;

/** The fixed labels, as [row, column, text]; the note's text depends on how the block is written. */
const LABELS: ReadonlyArray<readonly [number, number, string]> = [
  [0, 0, 'Pilot Gate'],
  [0, 2, "Excel's own"],
  [0, 3, 'Check'],
  [1, 0, 'Verdict'],
  [2, 0, 'NPV'],
  [3, 0, 'ROI (risk-adjusted)'],
  [4, 0, 'Payback'],
  [5, 0, 'Cost expansion (× pilot)'],
  [6, 0, 'Timeline to production (months)'],
  [7, 0, 'IRR'],
  [8, 0, 'IRR is a root: Year 0 + NPV(IRR, Years 1–n) ≈ 0'],
  [10, 0, 'What must be true first'],
  [2, RIGHT, 'Scale thresholds (where NPV reaches 0)'],
  [3, RIGHT, 'Adoption needed to break even'],
  [4, RIGHT, 'Volume needed (× planned)'],
  [5, RIGHT, 'Cost headroom (× planned)'],
  [6, RIGHT, 'Improvement to realise (share of promised)'],
  [8, RIGHT, 'Discount rate'],
  [9, RIGHT, 'Cash flows'],
  [15, RIGHT, 'Details'],
  ...DETAIL_ROWS.map((row, i): readonly [number, number, string] => [LAYOUT.details[0] + i, RIGHT, row.label]),
  [36, RIGHT, 'Reasons'],
  [15, COST_LINES, 'Costs by category'],
];

const THRESHOLDS: readonly ThresholdKind[] = ['adoption', 'volume', 'cost', 'realization'];

/** The input tables the formulas read; Metrics and Costs are required. */
export interface BlockInputs {
  metrics: TableArg;
  costs: TableArg;
  readiness?: TableArg;
  assumptions?: TableArg;
  ownership?: TableArg;
}

/** How large the spilled parts are for a case. */
export interface BlockSizes {
  reasons: number;
  /** Rows of the actions spill: its header and one row per action (one "none" row for SCALE). */
  actionRows: number;
  /** Columns of the cash-flow spill: a label column and Year 0 … Horizon. */
  cashflowColumns: number;
  /** Rows of the cost-lines spill: its header, one row per cost line and the total. */
  costLineRows: number;
  /** The case's currency, for the money formats. */
  currency: string;
}

/**
 * Which figure of the block a cell holds. The headline: verdict, NPV, ROI, payback, expansion,
 * timeline; the reconciliation: Excel's own NPV and IRR on the Net row, the IRR's root check and
 * the check cells; a threshold; the discount rate; the spills; a row of the details (named by
 * its summary label in `BlockFigure.label`).
 */
export type FigureName =
  | 'verdict'
  | 'npv'
  | 'roi'
  | 'payback'
  | 'expansion'
  | 'timeline'
  | 'irr'
  | 'excelNpv'
  | 'npvCheck'
  | 'excelIrr'
  | 'irrCheck'
  | 'irrRoot'
  | 'rootCheck'
  | ThresholdKind
  | 'discountRate'
  | 'cashflows'
  | 'actions'
  | 'detail'
  | 'reasons'
  | 'costLines'
  | 'simulation';

/** A cell the block writes at an offset from its top-left. */
export interface BlockOffset {
  row: number;
  column: number;
}

/** One figure of the block: where it sits, the live formula, and what that formula gives for this case. */
export interface BlockFigure extends BlockOffset {
  name: FigureName;
  /** For a detail, the PILOT.SUMMARY row it shows. */
  label?: string;
  call: FormulaSpec;
  /** The value (a spill as rows of cells) or the error its cell shows, as the runner checks a call's. */
  outcome: PilotOutcome;
}

/** A label the block writes, as it must read back to be recognised as the block's own. */
export interface BlockLabel extends BlockOffset {
  text: string;
}

/** A look (number format, bold, italic, wrapping) over a part of the block, by offsets. */
export interface BlockStyle extends BlockOffset {
  rows: number;
  columns: number;
  style: CellStyle;
}

/** A part of the block a chart draws, by offsets: the category labels and each series' values (one row each). */
export interface BlockChartSeries {
  name: string;
  values: BlockOffset & { rows: number; columns: number };
  /** Drawn as columns, or as a line over them. */
  kind: 'columns' | 'line';
}

/** A native chart of the block, over ranges its formulas spill, so it follows recalculation. */
export interface BlockChart {
  name: 'cashflows' | 'expansion';
  title: string;
  /** The chart's place, by offsets: top-left cell and size in cells. */
  place: BlockOffset & { rows: number; columns: number };
  categories: BlockOffset & { rows: number; columns: number };
  series: BlockChartSeries[];
  /** The text alternative: what the chart shows, for people who cannot see it. */
  description: string;
}

/** Everything the block shows for one case, wherever it is written. */
export interface BlockPlan {
  sizes: BlockSizes;
  /** Rows and columns the block covers, spills and charts included. */
  rows: number;
  columns: number;
  labels: BlockLabel[];
  /** Where the note beside the title goes; each renderer says what it is. */
  note: BlockOffset;
  figures: BlockFigure[];
  styles: BlockStyle[];
  charts: BlockChart[];
  verdict: Verdict;
}

/**
 * How big the spilled parts of the block are for this result.
 *
 * @example
 *   blockSizes(result) // { reasons: 9, actionRows: 8, cashflowColumns: 5, costLineRows: 10, currency: 'USD' }
 */
export function blockSizes(result: CaseResult): BlockSizes {
  return {
    reasons: result.reasons.length,
    actionRows: 1 + Math.max(1, result.actions.length),
    cashflowColumns: result.cashflows.length + 1,
    costLineRows: result.costs.length + 2,
    currency: result.assumptions.currency,
  };
}

/**
 * The cells a block of these sizes covers at `at`, spills and charts included.
 *
 * @example
 *   blockFootprint({ sheet: 'S', row: 0, column: 0 }, { reasons: 9, actionRows: 8, cashflowColumns: 5, costLineRows: 10, currency: 'USD' })
 *   // { sheet: 'S', row: 0, column: 0, rows: 46, columns: 22 }
 */
export function blockFootprint(at: CellAddress, sizes: BlockSizes): RangeAddress {
  const left = LAYOUT.actions[0] + sizes.actionRows;
  const right = LAYOUT.reasons[0] + Math.max(1, sizes.reasons);
  const costs = LAYOUT.costLines[0] + sizes.costLineRows;
  return {
    sheet: at.sheet,
    row: at.row,
    column: at.column,
    rows: Math.max(left, right, costs),
    columns: Math.max(FIXED_COLUMNS, LAYOUT.cashflows[1] + sizes.cashflowColumns),
  };
}

/** What a PILOT formula is given, under the parameter names its function declares. */
type Given<Id extends PilotFunctionId> = Partial<Record<SignatureOf<Id>['params'][number]['name'], FormulaArg>>;

/**
 * A table as the block hands it over: `IF(ISBLANK(t),"",t)`, so its blank cells arrive as "" on
 * every platform (see the file's comment).
 *
 * @example
 *   renderFormula({ fn: 'PILOT.NPV', args: [blankSafe(metrics), blankSafe(costs)] }, excelTableRef)
 *   // '=PILOT.NPV(IF(ISBLANK(Metrics[#All]),"",Metrics[#All]),IF(ISBLANK(Costs[#All]),"",Costs[#All]))'
 */
export function blankSafe(table: TableArg): FormulaArg {
  return { call: { fn: 'IF', args: [{ call: { fn: 'ISBLANK', args: [table] } }, { text: '' }, table] } };
}

/**
 * A PILOT call with every parameter its declaration has, in order: each table given is handed
 * over blank-safe, anything else as given. A parameter with nothing given is `""` ("no table")
 * when a later one is given or it is required, so no slot is ever empty; trailing optional ones
 * are left out.
 */
function pilotCall<Id extends PilotFunctionId>(id: Id, given: Given<Id>): FormulaSpec {
  const fn = pilotFunction(id);
  if (fn === undefined) throw new Error(`PILOT.${id} is not in the function catalogue`);
  // The entry's parameters are the declaration's, so each name is one Given<Id> knows.
  const args = fn.params.map((p) => {
    const arg = given[p.name as keyof Given<Id>] as FormulaArg | undefined;
    if (arg === undefined) return undefined;
    return 'table' in arg ? blankSafe(arg) : arg;
  });
  let last = args.length;
  while (last > 0 && args[last - 1] === undefined && fn.params[last - 1].optional) last--;
  return { fn: `PILOT.${fn.id}`, args: args.slice(0, last).map((arg) => arg ?? { text: '' }) };
}

/**
 * Where each chosen table is, for PILOT.REASONS and PILOT.ACTIONS: its header row (`Costs[#Headers]`
 * in Excel), read for its address, so each sentence names its sheet cell (`Costs!A14`) and keeps
 * naming the right one as the table moves or its sheet is renamed.
 */
function placesOf(inputs: BlockInputs): Partial<Record<'metricsAt' | 'costsAt' | 'readinessAt' | 'assumptionsAt' | 'ownershipAt', FormulaArg>> {
  const place = (table: TableArg | undefined): FormulaArg | undefined => (table === undefined ? undefined : { place: table });
  return {
    metricsAt: place(inputs.metrics),
    costsAt: place(inputs.costs),
    readinessAt: place(inputs.readiness),
    assumptionsAt: place(inputs.assumptions),
    ownershipAt: place(inputs.ownership),
  };
}

/**
 * The timeline as one figure, `4–6 months`, joined in the cell from PILOT.TIMELINE's low and
 * high, so it stays live and reads whole rather than as "4 –" in one cell and "6 months" in the next.
 */
function timelineText([spec, outcome]: [FormulaSpec, PilotOutcome]): [FormulaSpec, PilotOutcome] {
  const end = (column: number): FormulaArg => nested(call('INDEX', nested(spec), num(1), num(column)));
  // CONCATENATE rather than &: one call, read alike by Excel, HyperFormula and the in-memory workbook.
  const joined = call('CONCATENATE', end(1), text('–'), end(2), text(' months'));
  if (!outcome.ok) return [joined, outcome];
  const [[low, high]] = outcome.value as [[number, number]];
  return [joined, { ok: true, value: `${low}–${high} months` }];
}

/** An Excel function call, or a binary operator (`+`, `-`, `<=`) written between its two arguments. */
function call(fn: string, ...args: FormulaArg[]): FormulaSpec {
  return { fn, args };
}

const text = (t: string): FormulaArg => ({ text: t });
const num = (n: number): FormulaArg => ({ number: n });
const nested = (spec: FormulaSpec): FormulaArg => ({ call: spec });

/** The value half-way tolerances the check cells allow: half a cent on an NPV, and an IRR to 1e-6. */
const NPV_TOLERANCE = 0.005;
const IRR_TOLERANCE = 1e-6;

/** Texts the check cells show. */
export const CHECK = { agrees: 'agrees', differs: 'differs', excelNone: "Excel's IRR finds none from its guess: see the root", none: 'agrees: no IRR' } as const;

/**
 * The block planned for a case: every label and figure, each figure's formula over the chosen
 * tables and its value for `result`, the formats of the figures (money in the case currency,
 * fractions as percentages, months, multiples), the charts and the block's size.
 *
 * @example
 *   const plan = planBlock(inputs, evaluateCase(sampleCase()));
 *   plan.figures[0] // { name: 'verdict', row: 1, column: 1, call: { fn: 'PILOT.VERDICT', … }, outcome: { ok: true, value: 'NOT READY' } }
 */
export function planBlock(inputs: BlockInputs, result: CaseResult): BlockPlan {
  const sizes = blockSizes(result);
  const { rows, columns } = blockFootprint({ sheet: '', row: 0, column: 0 }, sizes);
  const figures: BlockFigure[] = [];
  const add = (name: FigureName, [row, column]: readonly [number, number], spec: FormulaSpec, outcome: PilotOutcome, label?: string): void => {
    figures.push({ name, row, column, call: spec, outcome, ...(label === undefined ? {} : { label }) });
  };
  const pilot = <Id extends CaseFigureId>(id: Id, options: FigureOptions<Id>, given: Given<Id>): [FormulaSpec, PilotOutcome] => [
    pilotCall(id, given),
    caseFigure(id, result, options),
  ];
  // A figure PILOT.SUMMARY holds (as text where it does not exist: "never", "none (…)"), by its row.
  const summary = summaryTable(result);
  const summaryRow = (label: string): [FormulaSpec, PilotOutcome] => {
    const k = summary.findIndex((line) => line[0] === label);
    if (k < 0) throw new Error(`PILOT.SUMMARY has no row "${label}"`);
    return [call('INDEX', nested(pilotCall('SUMMARY', inputs)), num(k + 1), num(2)), { ok: true, value: summary[k][1] }];
  };
  // A threshold that no input reaches is "never" (#N/A from PILOT.THRESHOLD) rather than an error.
  const threshold = (which: ThresholdKind): [FormulaSpec, PilotOutcome] => {
    const [spec, outcome] = pilot('THRESHOLD', { which }, { ...inputs, which: text(which) });
    const never = !outcome.ok && outcome.error.code === '#N/A';
    return [call('IFNA', nested(spec), text('never')), never ? { ok: true, value: 'never' } : outcome];
  };

  add('verdict', LAYOUT.verdict, ...pilot('VERDICT', {}, inputs));
  add('npv', LAYOUT.npv, ...pilot('NPV', {}, inputs));
  add('roi', LAYOUT.roi, ...summaryRow('ROI (risk-adjusted)'));
  add('payback', LAYOUT.payback, ...summaryRow('Payback (months)'));
  add('expansion', LAYOUT.expansion, ...summaryRow('Cost expansion (× pilot)'));
  add('timeline', LAYOUT.timeline, ...timelineText(pilot('TIMELINE', {}, inputs)));
  const [irrSpec, irrOutcome] = pilot('IRR', {}, inputs);
  add('irr', LAYOUT.irr, call('IFERROR', nested(irrSpec), text('none')), irrOutcome.ok ? irrOutcome : { ok: true, value: 'none' });
  add('actions', LAYOUT.actions, ...pilot('ACTIONS', {}, { ...inputs, ...placesOf(inputs) }));
  for (const which of THRESHOLDS) add(which, LAYOUT.thresholds[which], ...threshold(which));
  add('discountRate', LAYOUT.discountRate, ...summaryRow('Discount rate'));
  add('cashflows', LAYOUT.cashflows, ...pilot('CASHFLOWS', {}, inputs));
  DETAIL_ROWS.forEach((row, i) => add('detail', [LAYOUT.details[0] + i, LAYOUT.details[1] + 1], ...summaryRow(row.label), row.label));
  add('reasons', LAYOUT.reasons, ...pilot('REASONS', {}, { ...inputs, ...placesOf(inputs) }));
  add('costLines', LAYOUT.costLines, ...pilot('COSTLINES', {}, { costs: inputs.costs, assumptions: inputs.assumptions }));
  figures.push(...reconciliation(result, sizes));
  const howSure = planHowSure(inputs, result);
  figures.push(...howSure.figures);

  return {
    sizes,
    rows,
    columns,
    labels: [...LABELS.map(([row, column, label]) => ({ row, column, text: label })), ...howSure.labels],
    note: { row: LAYOUT.note[0], column: LAYOUT.note[1] },
    figures,
    styles: [...blockStyles(sizes), ...howSure.styles],
    charts: blockCharts(result, sizes),
    verdict: result.verdict,
  };
}

/**
 * The reconciliation a CFO can audit without trusting the add-in: beside PILOT.NPV, Excel's own
 * `Year 0 + NPV(rate, Years 1…n)` on the spilled Net row; beside PILOT.IRR, Excel's `IRR` on the
 * same row and `Year 0 + NPV(IRR, Years 1…n)`, which is ≈ 0 when the rate is a root (even where
 * Excel's IRR finds none from its 10% guess); and a check cell for each. The rate is the case's
 * Discount rate as PILOT.SUMMARY gives it, so a changed assumption follows.
 */
function reconciliation(result: CaseResult, sizes: BlockSizes): BlockFigure[] {
  const years = sizes.cashflowColumns - 2;
  const netRow = LAYOUT.cashflows[0] + NET_ROW;
  const year0 = offsetRef(netRow, LAYOUT.cashflows[1] + 1, 1, 1);
  const later = offsetRef(netRow, LAYOUT.cashflows[1] + 2, 1, Math.max(1, years));
  const netRange = offsetRef(netRow, LAYOUT.cashflows[1] + 1, 1, years + 1);
  const at = ([r, c]: readonly [number, number]): FormulaArg => offsetRef(r, c, 1, 1);
  const isNumber = (arg: FormulaArg): FormulaArg => nested(call('ISNUMBER', arg));
  const absDiff = (a: FormulaArg, b: FormulaArg): FormulaArg => nested(call('ABS', nested(call('-', a, b))));
  const within = (a: FormulaArg, tolerance: number): FormulaArg => nested(call('<=', a, num(tolerance)));

  const nets = result.cashflows.map((f) => f.net);
  const rate = result.assumptions.discountRate;
  const excelNpv = nets[0] + npv(rate, nets.slice(1));
  const excelIrr = irr(nets);
  const root = result.irr === null ? null : nets[0] + npv(result.irr, nets.slice(1));
  const agree = (ok: boolean): string => (ok ? CHECK.agrees : CHECK.differs);
  const irrCheck =
    result.irr === null ? (excelIrr === null ? CHECK.none : CHECK.differs) : excelIrr === null ? CHECK.excelNone : agree(Math.abs(result.irr - excelIrr) <= IRR_TOLERANCE);
  const value = (v: number | string): PilotOutcome => ({ ok: true, value: v });
  const figure = (name: FigureName, [row, column]: readonly [number, number], spec: FormulaSpec, outcome: PilotOutcome): BlockFigure => ({ name, row, column, call: spec, outcome });

  return [
    figure('excelNpv', LAYOUT.excelNpv, call('+', year0, nested(call('NPV', at(LAYOUT.discountRate), later))), value(excelNpv)),
    figure(
      'npvCheck',
      LAYOUT.npvCheck,
      call('IF', within(absDiff(at(LAYOUT.npv), at(LAYOUT.excelNpv)), NPV_TOLERANCE), text(CHECK.agrees), text(CHECK.differs)),
      value(agree(Math.abs(result.npv - excelNpv) <= NPV_TOLERANCE)),
    ),
    figure('excelIrr', LAYOUT.excelIrr, call('IFERROR', nested(call('IRR', netRange)), text('none')), value(excelIrr ?? 'none')),
    figure(
      'irrCheck',
      LAYOUT.irrCheck,
      call(
        'IF',
        isNumber(at(LAYOUT.irr)),
        nested(call('IF', isNumber(at(LAYOUT.excelIrr)), nested(call('IF', within(absDiff(at(LAYOUT.irr), at(LAYOUT.excelIrr)), IRR_TOLERANCE), text(CHECK.agrees), text(CHECK.differs))), text(CHECK.excelNone))),
        nested(call('IF', isNumber(at(LAYOUT.excelIrr)), text(CHECK.differs), text(CHECK.none))),
      ),
      value(irrCheck),
    ),
    figure(
      'irrRoot',
      LAYOUT.irrRoot,
      // Rounded to the cent: what is left at a root is rounding noise (2.9e-11), which would show as ($0.00).
      call('IF', isNumber(at(LAYOUT.irr)), nested(call('ROUND', nested(call('+', year0, nested(call('NPV', at(LAYOUT.irr), later)))), num(2))), text('')),
      value(root === null ? '' : roundCents(root)),
    ),
    figure(
      'rootCheck',
      LAYOUT.rootCheck,
      call('IF', isNumber(at(LAYOUT.irrRoot)), nested(call('IF', within(nested(call('ABS', at(LAYOUT.irrRoot))), NPV_TOLERANCE), text(CHECK.agrees), text(CHECK.differs))), text('')),
      value(root === null ? '' : agree(Math.abs(roundCents(root)) <= NPV_TOLERANCE)),
    ),
  ];
}

/** The label over the How sure section: the simulation PILOT.SIMULATE runs with its defaults. */
export const HOW_SURE_LABEL = `How sure: NPV over ${DEFAULT_TRIALS.toLocaleString('en-US')} trials of the ranges (seed ${DEFAULT_SEED})`;

/**
 * How sure (SPEC §3.10), when the case has ranges: PILOT.SIMULATE at its default trials and seed
 * (the case's own simulation, which the function serves from its cache), its money rows in the
 * case currency and its probabilities as percentages. Nothing when the case has no ranges.
 */
function planHowSure(inputs: BlockInputs, result: CaseResult): { labels: BlockLabel[]; figures: BlockFigure[]; styles: BlockStyle[] } {
  if (result.tornado.length === 0) return { labels: [], figures: [], styles: [] };
  const [row, column] = LAYOUT.howSure;
  const s = result.simulation;
  const outcome: PilotOutcome = s
    ? { ok: true, value: simulationTable(s) }
    : { ok: false, error: new ModelError('#VALUE!', 'the case has more ranged inputs than one call can simulate within a second') };
  const money = moneyFormat(result.assumptions.currency);
  return {
    labels: [{ row: LAYOUT.howSureLabel[0], column: LAYOUT.howSureLabel[1], text: HOW_SURE_LABEL }],
    figures: [{ name: 'simulation', row, column, call: pilotCall('SIMULATE', inputs), outcome }],
    styles: [
      { row: LAYOUT.howSureLabel[0], column: LAYOUT.howSureLabel[1], rows: 1, columns: 1, style: { bold: true } },
      { row, column, rows: 1, columns: 2, style: { bold: true } },
      // Rows 1–4 of the spill are NPV P10, P50, P90 and mean; rows 5–6 the two probabilities.
      { row: row + 1, column: column + 1, rows: 4, columns: 1, style: { numberFormat: money } },
      { row: row + 5, column: column + 1, rows: 2, columns: 1, style: { numberFormat: figureFormat('fraction', result.assumptions.currency) ?? 'General' } },
    ],
  };
}

/** An amount rounded to the cent, half away from zero as Excel's ROUND, never -0. */
function roundCents(x: number): number {
  const r = Math.sign(x) * Math.round(Math.abs(x) * 100) / 100;
  return r === 0 ? 0 : r;
}

/** A range of the block by offsets, as a formula argument: the renderer moves it to where the block goes. */
function offsetRef(row: number, column: number, rows: number, columns: number): FormulaArg {
  return { ref: { sheet: '', row, column, rows, columns } };
}

/**
 * What the cost chart shows, in words: the line furthest over its alarm, or that none is, and the
 * expansion of the whole.
 *
 * @example
 *   expansionDescription(evaluateCase(sampleCase()))
 *   // 'Each cost line's pilot cost and production's first year as columns, with its alarm (3.00× its pilot) as a line; 7 of 8 lines are at or over it, Operations and support the most at 8.00×; production's first year is 3.18× the pilot in all.'
 */
export function expansionDescription(result: CaseResult): string {
  const alarm = result.assumptions.expansionAlarm;
  // At or over, as the expansion alarm goes off (SPEC §3.3).
  const over = result.costs.filter((l) => l.pilot > 0 && l.oneTime + l.annual >= l.pilot * alarm);
  const worst = over.reduce<CostLine | null>((w, l) => (w === null || (l.oneTime + l.annual) / l.pilot > (w.oneTime + w.annual) / w.pilot ? l : w), null);
  const lines = worst === null ? `none of the ${result.costs.length} lines is over it` : `${over.length} of ${result.costs.length} lines ${over.length === 1 ? 'is' : 'are'} at or over it, ${excerpt(worst.category)} the most at ${formatMultiple((worst.oneTime + worst.annual) / worst.pilot)}`;
  const whole = result.expansion === null ? 'the pilot cost nothing, so there is no multiple in all' : `production's first year is ${formatMultiple(result.expansion)} the pilot in all`;
  return `Each cost line's pilot cost and production's first year as columns, with its alarm (${formatMultiple(alarm)} its pilot) as a line; ${lines}; ${whole}.`;
}

/** The charts: yearly Net as columns with the cumulative line, and pilot against production cost by category (with the alarm line). */
function blockCharts(result: CaseResult, sizes: BlockSizes): BlockChart[] {
  const [top, left] = LAYOUT.cashflows;
  const years = sizes.cashflowColumns - 1;
  const row = (r: number) => ({ row: top + r, column: left + 1, rows: 1, columns: years });
  const place = ([r, c, h, w]: readonly [number, number, number, number]) => ({ row: r, column: c, rows: h, columns: w });
  const currency = result.assumptions.currency;
  const alarm = result.assumptions.expansionAlarm;
  // A column of the cost lines, one cell per cost line: the header and the total are left out, so each category stands beside its alarm.
  const costColumn = (c: number) => ({ row: LAYOUT.costLines[0] + 1, column: LAYOUT.costLines[1] + c, rows: Math.max(1, sizes.costLineRows - 2), columns: 1 });
  return [
    {
      name: 'cashflows',
      title: `Cash flows by year (${currency})`,
      place: place(CHART_PLACES.cashflows),
      categories: row(0),
      series: [
        { name: 'Net', values: row(NET_ROW), kind: 'columns' },
        { name: 'Cumulative', values: row(NET_ROW + 1), kind: 'line' },
      ],
      description: `Net cash flow in each year from Year 0 to Year ${years - 1} as columns, with the cumulative cash flow as a line; the cumulative ends at ${result.cashflows[result.cashflows.length - 1]?.cumulative.toFixed(0)} ${currency}.`,
    },
    {
      name: 'expansion',
      title: `Pilot against production's first year by category (alarm at ${formatMultiple(alarm)} pilot)`,
      place: place(CHART_PLACES.expansion),
      categories: costColumn(0),
      series: [
        { name: 'Pilot', values: costColumn(1), kind: 'columns' },
        { name: 'Production first year', values: costColumn(2), kind: 'columns' },
        { name: `Alarm (${formatMultiple(alarm)} pilot)`, values: costColumn(4), kind: 'line' },
      ],
      description: expansionDescription(result),
    },
  ];
}

/** The block's looks: bold headings, the verdict, an italic note, wrapped actions, and each figure's number format. */
function blockStyles(sizes: BlockSizes): BlockStyle[] {
  const at = ([row, column]: readonly [number, number], rows: number, columns: number, style: CellStyle): BlockStyle => ({ row, column, rows, columns, style });
  const money = moneyFormat(sizes.currency);
  const format = (kind: Parameters<typeof figureFormat>[0]): CellStyle => ({ numberFormat: figureFormat(kind, sizes.currency) ?? 'General' });
  return [
    at(LAYOUT.title, 1, 4, { bold: true }),
    at(LAYOUT.note, 1, 1, { italic: true }),
    at(LAYOUT.verdict, 1, 1, { bold: true }),
    at(LAYOUT.npv, 1, 2, { numberFormat: money }),
    at(LAYOUT.roi, 1, 1, format('fraction')),
    at(LAYOUT.payback, 1, 1, format('months')),
    at(LAYOUT.expansion, 1, 1, format('multiple')),
    at(LAYOUT.irr, 1, 2, format('fraction')),
    at(LAYOUT.irrRoot, 1, 1, { numberFormat: moneyFormat(sizes.currency).replace(/#,##0/g, '#,##0.00') }),
    at(LAYOUT.actionsLabel, 1, 1, { bold: true }),
    at(LAYOUT.actions, 1, 3, { bold: true }),
    at([LAYOUT.actions[0] + 1, LAYOUT.actions[1]], Math.max(1, sizes.actionRows - 1), 3, { wrap: true }),
    at(LAYOUT.thresholdsLabel, 1, 1, { bold: true }),
    at(LAYOUT.thresholds.adoption, 1, 1, format('fraction')),
    at(LAYOUT.thresholds.volume, 2, 1, format('multiple')),
    at(LAYOUT.thresholds.realization, 1, 1, format('fraction')),
    at(LAYOUT.discountRate, 1, 1, format('fraction')),
    at([LAYOUT.cashflows[0], LAYOUT.cashflows[1] - 1], 1, 1, { bold: true }),
    at([LAYOUT.cashflows[0] + 1, LAYOUT.cashflows[1] + 1], CASHFLOW_ROWS - 1, Math.max(1, sizes.cashflowColumns - 1), { numberFormat: money }),
    at(LAYOUT.detailsLabel, 1, 1, { bold: true }),
    ...detailFormats(sizes.currency),
    at(LAYOUT.reasonsLabel, 1, 1, { bold: true }),
    at(LAYOUT.costLinesLabel, 1, 1, { bold: true }),
    at(LAYOUT.costLines, 1, COST_LINE_COLUMNS, { bold: true, wrap: true }),
    at([LAYOUT.costLines[0] + 1, LAYOUT.costLines[1] + 1], Math.max(1, sizes.costLineRows - 1), 2, { numberFormat: money }),
    at([LAYOUT.costLines[0] + 1, LAYOUT.costLines[1] + 3], Math.max(1, sizes.costLineRows - 1), 1, format('multiple')),
    at([LAYOUT.costLines[0] + 1, LAYOUT.costLines[1] + 4], Math.max(1, sizes.costLineRows - 1), 1, { numberFormat: money }),
    at([LAYOUT.costLines[0] + sizes.costLineRows - 1, LAYOUT.costLines[1]], 1, COST_LINE_COLUMNS, { bold: true }),
  ];
}

/** The details' values formatted row by row, as the catalogue describes PILOT.SUMMARY's rows (runs of one kind together). */
function detailFormats(currency: string): BlockStyle[] {
  const [top, left] = LAYOUT.details;
  const styles: BlockStyle[] = [];
  let start = 0;
  for (let i = 1; i <= DETAILS_HEIGHT; i++) {
    if (i < DETAILS_HEIGHT && DETAIL_ROWS[i].kind === DETAIL_ROWS[start].kind) continue;
    const numberFormat = figureFormat(DETAIL_ROWS[start].kind, currency);
    if (numberFormat !== null) styles.push({ row: top + start, column: left + 1, rows: i - start, columns: 1, style: { numberFormat } });
    start = i;
  }
  return styles;
}

/**
 * The width of the block's column `c` (0 = its labels), in points.
 *
 * @example
 *   columnWidth(0) // 230
 *   columnWidth(4) // 16: the gap between the answer and the proof
 */
export function columnWidth(c: number): number {
  if (c === 0 || c === RIGHT || c === COST_LINES) return COLUMN_WIDTHS.labels;
  if (c === 1 || c === RIGHT + 1) return COLUMN_WIDTHS.values;
  if (c === 2 || c === 3) return COLUMN_WIDTHS.checks;
  if (c === RIGHT - 1) return COLUMN_WIDTHS.gap;
  return COLUMN_WIDTHS.others;
}

/** Every formula cell of the block, whatever the case: the figures' fixed offsets. */
function formulaOffsets(): (readonly [number, number])[] {
  return [
    LAYOUT.verdict,
    LAYOUT.npv,
    LAYOUT.excelNpv,
    LAYOUT.npvCheck,
    LAYOUT.roi,
    LAYOUT.payback,
    LAYOUT.expansion,
    LAYOUT.timeline,
    LAYOUT.irr,
    LAYOUT.excelIrr,
    LAYOUT.irrCheck,
    LAYOUT.irrRoot,
    LAYOUT.rootCheck,
    LAYOUT.actions,
    ...Object.values(LAYOUT.thresholds),
    LAYOUT.discountRate,
    LAYOUT.cashflows,
    ...DETAIL_ROWS.map((_, i): readonly [number, number] => [LAYOUT.details[0] + i, LAYOUT.details[1] + 1]),
    LAYOUT.reasons,
    LAYOUT.costLines,
    LAYOUT.howSure,
  ];
}

/**
 * Whether a formula is one the block writes: a PILOT call, or the reconciliation beside it
 * (Excel's NPV and IRR on the Net row, and the checks, which say "agrees" or "differs").
 *
 * @example
 *   isBlockFormula('=IFNA(PILOT.THRESHOLD(…),"never")') // true
 *   isBlockFormula('=SUM(A1:A3)')                         // false
 */
export function isBlockFormula(formula: string): boolean {
  return /^=/.test(formula.trim()) && /PILOT\.|NPV\(|IRR\(|"agrees"/i.test(formula);
}

/**
 * Every cell a block writes itself, as offsets from its top-left: each label with its text as
 * the live block writes it, each formula cell with text null.
 *
 * @example
 *   ownOffsets().find((o) => o.text === 'Verdict') // { row: 1, column: 0, text: 'Verdict' }
 */
export function ownOffsets(): (BlockOffset & { text: string | null })[] {
  return [
    ...LABELS.map(([row, column, label]) => ({ row, column, text: label })),
    { row: LAYOUT.howSureLabel[0], column: LAYOUT.howSureLabel[1], text: HOW_SURE_LABEL },
    { row: LAYOUT.note[0], column: LAYOUT.note[1], text: LIVE_NOTE },
    ...formulaOffsets().map(([row, column]) => ({ row, column, text: null })),
  ];
}

/**
 * The block's spilling formula cells when its top-left is at `at`: actions, cash flows, reasons,
 * cost lines and how sure, in that order.
 *
 * @example
 *   spillAnchors({ sheet: 'Pilot Gate', row: 0, column: 0 })[0] // the actions' header, A12
 */
export function spillAnchors(at: CellAddress): CellAddress[] {
  return [LAYOUT.actions, LAYOUT.cashflows, LAYOUT.reasons, LAYOUT.costLines, LAYOUT.howSure].map(([r, c]) => ({ sheet: at.sheet, row: at.row + r, column: at.column + c }));
}
