/**
 * The output block, planned once from a case's result: its labels, its PILOT figures (each with
 * the live formula that computes it and the value it gives for this case), its number formats
 * and looks, and its size, spills included. A renderer then writes it: as live PILOT formulas
 * (Excel, the workbench) or as values (the snapshot); see block-render.ts. Every cell sits at a
 * fixed offset from the block's top-left, so an earlier block's cells can be recognised wherever
 * it was written, and the plan itself does not depend on where it goes.
 *
 *   A            B                C  D
 *   Pilot Gate   (note)
 *   Verdict      =PILOT.VERDICT   (coloured by value)
 *   …thresholds  =PILOT.THRESHOLD ×4
 *   Timeline     =PILOT.TIMELINE  (spills; a row and the row below are kept free)
 *   Cash flows   =PILOT.CASHFLOWS (spills 5 rows × years + 1)
 *   Summary                          Reasons
 *   =PILOT.SUMMARY (spills A:B)      =PILOT.REASONS (spills down D)
 */
import { pilotFunction, type CaseFigureId, type FigureOptions } from '../functions/catalogue';
import type { DeclarationOf, PilotFunctionId } from '../functions/declarations';
import { caseFigure, type PilotOutcome } from '../functions/runner';
import { SUMMARY_ROWS } from '../functions/spills';
import type { CaseResult, ThresholdKind, Verdict } from '../model/types';
import type { CellAddress, CellStyle, FormulaArg, FormulaSpec, RangeAddress, TableArg } from '../workbook/port';
import { figureFormat, moneyFormat } from './formats';

/** The workbook name that marks the block. */
export const BLOCK_NAME = 'PilotGate_Output';
/** Where the first block goes when the workbook has none. */
export const DEFAULT_BLOCK_SHEET = 'Pilot Gate';

/** Offsets from the block's top-left, as [row, column]. */
export const LAYOUT = {
  title: [0, 0],
  note: [0, 1],
  verdict: [1, 1],
  thresholds: { adoption: [2, 1], volume: [3, 1], cost: [4, 1], realization: [5, 1] },
  timeline: [6, 1],
  cashflows: [8, 1],
  summaryLabel: [14, 0],
  summary: [15, 0],
  reasonsLabel: [14, 3],
  reasons: [15, 3],
} as const;

/** Columns the fixed part takes (labels, values, a gap, reasons). */
const FIXED_COLUMNS = 4;
/** Rows of the cash-flow spill: the Year header, then Benefits, Costs, Net, Cumulative. */
export const CASHFLOW_ROWS = 5;
/** Rows of the summary spill: its Figure | Value header, then one row per figure of the catalogue. */
export const SUMMARY_SPILL_ROWS = SUMMARY_ROWS.length + 1;

/**
 * Column widths in points, set when the block first takes a column: the labels, the values
 * (amounts such as -$12,967,404.57 whole), and each column to the right (the cash flows' years
 * in the case currency; the reasons, whose text runs on into the empty cells beside them).
 */
export const COLUMN_WIDTHS = { labels: 230, values: 110, others: 100 } as const;

/** The note beside the title in the live block (a values-only copy says so instead). */
export const LIVE_NOTE = 'Live PILOT formulas: they recalculate as the inputs change. Snapshot makes a values-only copy.';

/** The labels, as [row, column, text]; the note's text depends on how the block is written. */
const LABELS: ReadonlyArray<readonly [number, number, string]> = [
  [0, 0, 'Pilot Gate'],
  [1, 0, 'Verdict'],
  [2, 0, 'Adoption needed to break even'],
  [3, 0, 'Volume needed (× planned)'],
  [4, 0, 'Cost headroom (× planned)'],
  [5, 0, 'Improvement to realise (share of promised)'],
  [6, 0, 'Timeline to production (months, low and high)'],
  [8, 0, 'Cash flows'],
  [14, 0, 'Summary'],
  [14, 3, 'Reasons'],
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
  summaryRows: number;
  /** Columns of the cash-flow spill: a label column and Year 0 … Horizon. */
  cashflowColumns: number;
  /** The case's currency, for the money formats. */
  currency: string;
}

/** Which figure of the block a cell holds: the verdict, a threshold, or one of the spills. */
export type FigureName = 'verdict' | ThresholdKind | 'timeline' | 'cashflows' | 'summary' | 'reasons';

/** A cell the block writes at an offset from its top-left. */
export interface BlockOffset {
  row: number;
  column: number;
}

/** One PILOT figure of the block: where it sits, the live formula, and what that formula gives for this case. */
export interface BlockFigure extends BlockOffset {
  name: FigureName;
  call: FormulaSpec;
  /** The value (a spill as rows of cells) or the error its cell shows, as the runner checks a call's. */
  outcome: PilotOutcome;
}

/** A label the block writes, as it must read back to be recognised as the block's own. */
export interface BlockLabel extends BlockOffset {
  text: string;
}

/** A look (number format, bold, italic) over a part of the block, by offsets. */
export interface BlockStyle extends BlockOffset {
  rows: number;
  columns: number;
  style: CellStyle;
}

/** Everything the block shows for one case, wherever it is written. */
export interface BlockPlan {
  sizes: BlockSizes;
  /** Rows and columns the block covers, spills included. */
  rows: number;
  columns: number;
  labels: BlockLabel[];
  /** Where the note beside the title goes; each renderer says what it is. */
  note: BlockOffset;
  figures: BlockFigure[];
  styles: BlockStyle[];
  verdict: Verdict;
}

/**
 * How big the spilled parts of the block are for this result.
 *
 * @example
 *   blockSizes(result) // { reasons: 6, summaryRows: 31, cashflowColumns: 5, currency: 'USD' }
 */
export function blockSizes(result: CaseResult): BlockSizes {
  return {
    reasons: result.reasons.length,
    summaryRows: SUMMARY_SPILL_ROWS,
    cashflowColumns: result.cashflows.length + 1,
    currency: result.assumptions.currency,
  };
}

/**
 * The cells a block of these sizes covers at `at`, spills included.
 *
 * @example
 *   blockFootprint({ sheet: 'S', row: 0, column: 0 }, { reasons: 6, summaryRows: 20, cashflowColumns: 5, currency: 'USD' })
 *   // { sheet: 'S', row: 0, column: 0, rows: 35, columns: 5 }
 */
export function blockFootprint(at: CellAddress, sizes: BlockSizes): RangeAddress {
  const listRows = Math.max(1, sizes.reasons, sizes.summaryRows);
  return {
    sheet: at.sheet,
    row: at.row,
    column: at.column,
    rows: LAYOUT.summary[0] + listRows,
    columns: Math.max(FIXED_COLUMNS, LAYOUT.cashflows[1] + sizes.cashflowColumns),
  };
}

/**
 * The block planned for a case: every label and figure, each figure's formula over the chosen
 * tables and its value for `result`, the formats of the figures (money in the case currency,
 * fractions as percentages, months, multiples) and the block's size.
 *
 * @example
 *   const plan = planBlock(inputs, evaluateCase(sampleCase()));
 *   plan.figures[0] // { name: 'verdict', row: 1, column: 1, call: { fn: 'PILOT.VERDICT', … }, outcome: { ok: true, value: 'NOT READY' } }
 */
export function planBlock(inputs: BlockInputs, result: CaseResult): BlockPlan {
  const sizes = blockSizes(result);
  const { rows, columns } = blockFootprint({ sheet: '', row: 0, column: 0 }, sizes);
  // Each formula takes the tables its function declares, in the declared order; a table not
  // chosen is an empty slot (a required one is still written: SPEC §4 makes readiness required).
  const figure = <Id extends CaseFigureId>(
    name: FigureName,
    [row, column]: readonly [number, number],
    id: Id,
    options: FigureOptions<Id>,
    given: Given<Id>,
  ): BlockFigure => ({ name, row, column, call: call(id, given), outcome: caseFigure(id, result, options) });
  const figures: BlockFigure[] = [
    figure('verdict', LAYOUT.verdict, 'VERDICT', {}, inputs),
    ...THRESHOLDS.map((which) => figure(which, LAYOUT.thresholds[which], 'THRESHOLD', { which }, { ...inputs, which: { text: which } })),
    figure('timeline', LAYOUT.timeline, 'TIMELINE', {}, inputs),
    figure('cashflows', LAYOUT.cashflows, 'CASHFLOWS', {}, inputs),
    figure('summary', LAYOUT.summary, 'SUMMARY', {}, inputs),
    figure('reasons', LAYOUT.reasons, 'REASONS', {}, inputs),
  ];
  return {
    sizes,
    rows,
    columns,
    labels: LABELS.map(([row, column, text]) => ({ row, column, text })),
    note: { row: LAYOUT.note[0], column: LAYOUT.note[1] },
    figures,
    styles: blockStyles(sizes),
    verdict: result.verdict,
  };
}

/** The block's looks: bold title, verdict and list headers, an italic note, and each figure's number format. */
function blockStyles(sizes: BlockSizes): BlockStyle[] {
  const at = ([row, column]: readonly [number, number], rows: number, columns: number, style: CellStyle): BlockStyle => ({ row, column, rows, columns, style });
  return [
    at(LAYOUT.title, 1, 1, { bold: true }),
    at(LAYOUT.note, 1, 1, { italic: true }),
    at(LAYOUT.verdict, 1, 1, { bold: true }),
    at(LAYOUT.thresholds.adoption, 1, 1, { numberFormat: '0.0%' }),
    at(LAYOUT.thresholds.volume, 2, 1, { numberFormat: '0.00"×"' }),
    at(LAYOUT.thresholds.realization, 1, 1, { numberFormat: '0.0%' }),
    at(LAYOUT.timeline, 2, 2, { numberFormat: '0 "months"' }),
    at(LAYOUT.cashflows, CASHFLOW_ROWS, Math.max(1, sizes.cashflowColumns), { numberFormat: moneyFormat(sizes.currency) }),
    at(LAYOUT.summaryLabel, 1, FIXED_COLUMNS, { bold: true }),
    ...summaryFormats(sizes.currency),
  ];
}

/** The summary spill's Value column formatted row by row, as the catalogue describes its rows (runs of one kind together). */
function summaryFormats(currency: string): BlockStyle[] {
  const [top, left] = LAYOUT.summary;
  const styles: BlockStyle[] = [];
  let start = 0;
  for (let i = 1; i <= SUMMARY_ROWS.length; i++) {
    if (i < SUMMARY_ROWS.length && SUMMARY_ROWS[i].kind === SUMMARY_ROWS[start].kind) continue;
    const numberFormat = figureFormat(SUMMARY_ROWS[start].kind, currency);
    // Row 0 of the spill is its header; figure i sits on row i + 1.
    if (numberFormat !== null) styles.push({ row: top + 1 + start, column: left + 1, rows: i - start, columns: 1, style: { numberFormat } });
    start = i;
  }
  return styles;
}

/**
 * The width of the block's column `c` (0 = its labels), in points.
 *
 * @example
 *   columnWidth(0) // 230
 */
export function columnWidth(c: number): number {
  return c === 0 ? COLUMN_WIDTHS.labels : c === 1 ? COLUMN_WIDTHS.values : COLUMN_WIDTHS.others;
}

/**
 * Every cell a block writes itself, as offsets from its top-left: each label with its text as
 * the live block writes it, each formula cell with text null.
 *
 * @example
 *   ownOffsets().find((o) => o.text === 'Verdict') // { row: 1, column: 0, text: 'Verdict' }
 */
export function ownOffsets(): (BlockOffset & { text: string | null })[] {
  const formulas = [LAYOUT.verdict, ...Object.values(LAYOUT.thresholds), LAYOUT.timeline, LAYOUT.cashflows, LAYOUT.summary, LAYOUT.reasons];
  return [
    ...LABELS.map(([row, column, text]) => ({ row, column, text })),
    { row: LAYOUT.note[0], column: LAYOUT.note[1], text: LIVE_NOTE },
    ...formulas.map(([row, column]) => ({ row, column, text: null })),
  ];
}

/**
 * The block's spilling formula cells when its top-left is at `at`: timeline, cash flows,
 * summary, reasons, in that order.
 *
 * @example
 *   spillAnchors({ sheet: 'Pilot Gate', row: 0, column: 0 })[0] // the timeline cell, B7
 */
export function spillAnchors(at: CellAddress): CellAddress[] {
  return [LAYOUT.timeline, LAYOUT.cashflows, LAYOUT.summary, LAYOUT.reasons].map(([r, c]) => ({ sheet: at.sheet, row: at.row + r, column: at.column + c }));
}

/** What a block formula is given, under the parameter names its function declares. */
type Given<Id extends PilotFunctionId> = Partial<Record<DeclarationOf<Id>['params'][number]['name'], FormulaArg>>;

/**
 * A PILOT call with every parameter the declaration has, in its order: each takes what is given
 * under its name, else an empty slot (renderFormula keeps a required one and drops optional
 * ones at the end).
 */
function call<Id extends PilotFunctionId>(id: Id, given: Given<Id>): FormulaSpec {
  const fn = pilotFunction(id);
  if (fn === undefined) throw new Error(`PILOT.${id} is not in the function catalogue`);
  // The entry's parameters are the declaration's, so each name is one Given<Id> knows.
  return { fn: `PILOT.${fn.id}`, args: fn.params.map((p) => given[p.name as keyof Given<Id>] ?? { omitted: true }) };
}
