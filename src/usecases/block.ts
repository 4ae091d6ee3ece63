/**
 * The output block: one place in the workbook holding live PILOT.* formulas (verdict, thresholds,
 * timeline, cash flows, summary, reasons) with their formats, tracked by a workbook name so
 * Evaluate rewrites it in place. Every formula sits at a fixed offset from the block's top-left,
 * so an earlier block's cells can be recognised wherever it was written.
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
import { pilotFunction, type PilotFunctionId } from '../functions/catalogue';
import { SUMMARY_ROWS, type FigureKind } from '../functions/spills';
import { contains } from '../workbook/a1';
import type { CellAddress, ColourRule, FormulaArg, FormulaSpec, RangeAddress, TableArg, WriteCell, WriteOp } from '../workbook/port';

/** The workbook name that marks the block. */
export const BLOCK_NAME = 'PilotGate_Output';
/** Where the first block goes when the workbook has none. */
export const DEFAULT_BLOCK_SHEET = 'Pilot Gate';

/** Excel's Good / Neutral / Bad cell styles, so the colours read as Excel's own. */
export const VERDICT_COLOURS: Record<string, { fill: string; fontColor: string }> = {
  SCALE: { fill: '#C6EFCE', fontColor: '#006100' },
  'NOT READY': { fill: '#FFEB9C', fontColor: '#9C5700' },
  PIVOT: { fill: '#FFEB9C', fontColor: '#9C5700' },
  KILL: { fill: '#FFC7CE', fontColor: '#9C0006' },
};

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

/** Rows the fixed part of the block takes (title to the list headers). */
const FIXED_ROWS = 15;
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

const LABELS: ReadonlyArray<readonly [number, number, string]> = [
  [0, 0, 'Pilot Gate'],
  [0, 1, 'Live PILOT formulas: they recalculate as the inputs change. Snapshot makes a values-only copy.'],
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

/** The input tables the formulas read; Metrics and Costs are required. */
export interface BlockInputs {
  metrics: TableArg;
  costs: TableArg;
  readiness?: TableArg;
  assumptions?: TableArg;
  ownership?: TableArg;
}

/** How large the spilled parts are for the case as evaluated now. */
export interface BlockSizes {
  reasons: number;
  summaryRows: number;
  /** Columns of the cash-flow spill: a label column and Year 0 … Horizon. */
  cashflowColumns: number;
  /** The case's currency, for the money formats. */
  currency: string;
}

/** A cell the block writes itself: a label it must read back as `text`, or a PILOT formula. */
export interface OwnCell {
  row: number;
  column: number;
  text: string | null;
}

export interface BlockPlan {
  at: CellAddress;
  footprint: RangeAddress;
  /** Cells whose formulas spill: timeline, cash flows, summary, reasons, in that order. */
  spillAnchors: CellAddress[];
  own: OwnCell[];
  ops: WriteOp[];
}

/**
 * The cells, formats, colour rules and name of a block with its top-left at `at`. `previous`
 * is the earlier block's footprint at the same place (cleared first, so a block that shrinks
 * leaves no stale formats); `newSheet` adds the sheet; `nameDefined` says the block's name
 * exists and is to be replaced. Columns the block takes for the first time get widths that show
 * its figures whole; a width a person set on a column the block had already is kept.
 *
 * @example
 *   const plan = planBlock({ sheet: 'Pilot Gate', row: 0, column: 0 }, inputs, sizes, { newSheet: true, previous: null, nameDefined: false });
 *   await port.write(plan.ops);
 */
export function planBlock(
  at: CellAddress,
  inputs: BlockInputs,
  sizes: BlockSizes,
  options: { newSheet: boolean; previous: RangeAddress | null; nameDefined: boolean },
): BlockPlan {
  const footprint = blockFootprint(at, sizes);
  const cell = ([r, c]: readonly [number, number]): CellAddress => ({ sheet: at.sheet, row: at.row + r, column: at.column + c });
  const range = ([r, c]: readonly [number, number], rows: number, columns: number): RangeAddress => ({
    ...cell([r, c]),
    rows,
    columns,
  });

  const grid: WriteCell[][] = Array.from({ length: FIXED_ROWS + 1 }, () => Array<WriteCell>(FIXED_COLUMNS).fill(null));
  const own: OwnCell[] = [];
  for (const [r, c, text] of LABELS) {
    grid[r][c] = text;
    own.push({ row: r, column: c, text });
  }
  const put = ([r, c]: readonly [number, number], spec: FormulaSpec): void => {
    grid[r][c] = { formula: spec };
    own.push({ row: r, column: c, text: null });
  };
  // Each formula takes the tables its function declares, in the catalogue's order; a table not
  // chosen is an empty slot (a required one is still written: SPEC §4 makes readiness required).
  const tables: Given = { ...inputs };
  put(LAYOUT.verdict, call('VERDICT', tables));
  for (const which of ['adoption', 'volume', 'cost', 'realization'] as const) {
    put(LAYOUT.thresholds[which], call('THRESHOLD', { ...tables, which: { text: which } }));
  }
  put(LAYOUT.timeline, call('TIMELINE', tables));
  put(LAYOUT.cashflows, call('CASHFLOWS', tables));
  put(LAYOUT.summary, call('SUMMARY', tables));
  put(LAYOUT.reasons, call('REASONS', tables));

  const money = moneyFormat(sizes.currency);
  const ops: WriteOp[] = [];
  if (options.newSheet) ops.push({ op: 'addSheet', sheet: at.sheet });
  if (options.previous) ops.push({ op: 'clear', range: options.previous, what: 'all' });
  ops.push({ op: 'clear', range: footprint, what: 'all' });
  ops.push({ op: 'cells', at, cells: grid });
  ops.push(
    { op: 'style', range: range(LAYOUT.title, 1, 1), style: { bold: true } },
    { op: 'style', range: range(LAYOUT.note, 1, 1), style: { italic: true } },
    { op: 'style', range: range(LAYOUT.verdict, 1, 1), style: { bold: true } },
    { op: 'style', range: range(LAYOUT.thresholds.adoption, 1, 1), style: { numberFormat: '0.0%' } },
    { op: 'style', range: range(LAYOUT.thresholds.volume, 2, 1), style: { numberFormat: '0.00"×"' } },
    { op: 'style', range: range(LAYOUT.thresholds.realization, 1, 1), style: { numberFormat: '0.0%' } },
    { op: 'style', range: range(LAYOUT.timeline, 2, 2), style: { numberFormat: '0 "months"' } },
    {
      op: 'style',
      range: range(LAYOUT.cashflows, CASHFLOW_ROWS, Math.max(1, sizes.cashflowColumns)),
      style: { numberFormat: money },
    },
    { op: 'style', range: range(LAYOUT.summaryLabel, 1, FIXED_COLUMNS), style: { bold: true } },
    ...summaryFormats(range, sizes.currency),
    { op: 'colourRules', range: range(LAYOUT.verdict, 1, 1), rules: verdictRules() },
    { op: 'name', name: BLOCK_NAME, range: footprint, defined: options.nameDefined },
  );
  const widthsKept = options.newSheet ? 0 : (options.previous?.columns ?? 0);
  for (let c = widthsKept; c < footprint.columns; c++) {
    const width = c === 0 ? COLUMN_WIDTHS.labels : c === 1 ? COLUMN_WIDTHS.values : COLUMN_WIDTHS.others;
    ops.push({ op: 'columnWidth', sheet: at.sheet, column: at.column + c, width });
  }
  ops.push({ op: 'show', range: range(LAYOUT.verdict, 1, 1) });

  const spillAnchors = [LAYOUT.timeline, LAYOUT.cashflows, LAYOUT.summary, LAYOUT.reasons].map(cell);
  return { at, footprint, spillAnchors, own, ops };
}

/**
 * The cells a block of these sizes covers, spills included.
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
 * The operations that take an earlier block away after it moved elsewhere: its own labels and
 * formulas (their spills go with them) and its formats. `foreign` cells — what a person typed
 * into it, as findConflicts reported — keep their contents.
 *
 * @example
 *   port.write([...retireBlock(previous, conflicts), ...plan.ops]);
 */
export function retireBlock(previous: RangeAddress, foreign: readonly CellAddress[]): WriteOp[] {
  const ops: WriteOp[] = [{ op: 'clear', range: previous, what: 'formats' }];
  const keep = new Set(foreign.map((c) => `${c.row - previous.row},${c.column - previous.column}`));
  for (const own of ownOffsets()) {
    if (own.row >= previous.rows || own.column >= previous.columns) continue;
    if (keep.has(`${own.row},${own.column}`)) continue;
    ops.push({
      op: 'clear',
      range: { sheet: previous.sheet, row: previous.row + own.row, column: previous.column + own.column, rows: 1, columns: 1 },
      what: 'contents',
    });
  }
  return ops;
}

/**
 * Every cell a block writes itself, as offsets from its top-left: each label with its text as
 * written, each formula cell with text null.
 *
 * @example
 *   ownOffsets().find((o) => o.text === 'Verdict') // { row: 1, column: 0, text: 'Verdict' }
 */
export function ownOffsets(): OwnCell[] {
  const formulas = [
    LAYOUT.verdict,
    ...Object.values(LAYOUT.thresholds),
    LAYOUT.timeline,
    LAYOUT.cashflows,
    LAYOUT.summary,
    LAYOUT.reasons,
  ];
  return [
    ...LABELS.map(([row, column, text]) => ({ row, column, text })),
    ...formulas.map(([row, column]) => ({ row, column, text: null })),
  ];
}

/**
 * Where the block's formulas spill inside its footprint, in the order of its spill anchors
 * (timeline, cash flows, summary, reasons): for hosts that cannot report spills.
 *
 * @example
 *   plannedSpills({ sheet: 'S', row: 0, column: 0, rows: 46, columns: 6 })[2] // the summary: A16:B46
 */
export function plannedSpills(block: RangeAddress): RangeAddress[] {
  const listRows = Math.max(1, block.rows - LAYOUT.summary[0]);
  const area = ([r, c]: readonly [number, number], rows: number, columns: number): RangeAddress => ({
    sheet: block.sheet,
    row: block.row + r,
    column: block.column + c,
    rows,
    columns,
  });
  return [
    area(LAYOUT.timeline, 1, 2),
    area(LAYOUT.cashflows, CASHFLOW_ROWS, Math.max(1, block.columns - LAYOUT.cashflows[1])),
    area(LAYOUT.summary, listRows, 2),
    area(LAYOUT.reasons, listRows, 1),
  ];
}

/**
 * The cells in the way of a block: anything in its footprint (or the earlier block's) that the
 * block did not put there. A cell is the block's own when it is one of its labels as written,
 * a PILOT formula at one of its formula cells, or part of a spill from one of its formulas.
 * Where the host cannot report spills, cells inside the earlier block's footprint count as its own.
 *
 * @example
 *   const contents = await port.inspect(area, plan.spillAnchors);
 *   findConflicts(plan, contents, previous) // [] when the block may be written
 */
export function findConflicts(
  plan: BlockPlan,
  contents: { used: RangeAddress | null; formulas: unknown[][]; spills: (RangeAddress | null)[] | null },
  previous: RangeAddress | null,
): CellAddress[] {
  const used = contents.used;
  if (!used) return [];
  const samePlace =
    previous !== null &&
    previous.sheet.toLowerCase() === plan.at.sheet.toLowerCase() &&
    previous.row === plan.at.row &&
    previous.column === plan.at.column;
  const own = new Map(plan.own.map((o) => [`${o.row},${o.column}`, o.text]));
  const spills = samePlace && contents.spills ? contents.spills.filter((s): s is RangeAddress => s !== null) : [];
  const conflicts: CellAddress[] = [];
  for (let r = 0; r < used.rows; r++) {
    for (let c = 0; c < used.columns; c++) {
      const content = contents.formulas[r]?.[c];
      if (content === null || content === undefined || content === '') continue;
      const at: CellAddress = { sheet: used.sheet, row: used.row + r, column: used.column + c };
      const inPlan = contains(plan.footprint, at);
      const inPrevious = previous !== null && contains(previous, at);
      if (!inPlan && !inPrevious) continue;
      if (samePlace && isOwn(at, content)) continue;
      conflicts.push(at);
    }
  }
  return conflicts;

  function isOwn(at: CellAddress, content: unknown): boolean {
    const key = `${at.row - plan.at.row},${at.column - plan.at.column}`;
    if (own.has(key)) {
      const text = own.get(key);
      return text === null ? /^=\s*PILOT\./i.test(String(content)) : String(content) === text;
    }
    if (spills.some((s) => contains(s, at))) return true;
    return contents.spills === null && previous !== null && contains(previous, at);
  }
}

/**
 * Excel's number format for money in `currency`: the symbol for the four with one, else the code.
 *
 * @example
 *   moneyFormat('USD') // '$#,##0.00;-$#,##0.00'
 *   moneyFormat('CHF') // '#,##0.00 "CHF";-#,##0.00 "CHF"'
 */
export function moneyFormat(currency: string): string {
  const symbols: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };
  const symbol = symbols[currency.toUpperCase()];
  if (symbol) return `"${symbol}"#,##0.00;-"${symbol}"#,##0.00`.replace(/"\$"/g, '$');
  const code = currency.replace(/"/g, '');
  return `#,##0.00 "${code}";-#,##0.00 "${code}"`;
}

/**
 * Excel's number format for a figure of this kind: money in the case currency, fractions as
 * percentages, months, multiples with ×; null for text (left General).
 *
 * @example
 *   figureFormat('fraction', 'USD') // '0.0%'
 *   figureFormat('months', 'USD')   // '0.0 "months"'
 *   figureFormat('money', 'EUR')    // '"€"#,##0.00;-"€"#,##0.00'
 */
export function figureFormat(kind: FigureKind, currency: string): string | null {
  switch (kind) {
    case 'money':
      return moneyFormat(currency);
    case 'fraction':
      return '0.0%';
    case 'months':
      return '0.0 "months"';
    case 'multiple':
      return '0.00"×"';
    case 'text':
      return null;
  }
}

/** The summary spill's Value column formatted row by row, as the catalogue describes its rows (runs of one kind in one operation). */
function summaryFormats(range: (at: readonly [number, number], rows: number, columns: number) => RangeAddress, currency: string): WriteOp[] {
  const [top, left] = LAYOUT.summary;
  const ops: WriteOp[] = [];
  let start = 0;
  for (let i = 1; i <= SUMMARY_ROWS.length; i++) {
    if (i < SUMMARY_ROWS.length && SUMMARY_ROWS[i].kind === SUMMARY_ROWS[start].kind) continue;
    const format = figureFormat(SUMMARY_ROWS[start].kind, currency);
    // Row 0 of the spill is its header; figure i sits on row i + 1.
    if (format !== null) ops.push({ op: 'style', range: range([top + 1 + start, left + 1], i - start, 1), style: { numberFormat: format } });
    start = i;
  }
  return ops;
}

function verdictRules(): ColourRule[] {
  return Object.entries(VERDICT_COLOURS).map(([equals, c]) => ({ equals, fill: c.fill, fontColor: c.fontColor }));
}

/** What a block formula is given, under the catalogue's parameter names. */
type Given = Partial<Record<string, FormulaArg>>;

/**
 * A PILOT call with every parameter the catalogue declares, in its order: each takes what is
 * given under its name, else an empty slot (renderFormula keeps a required one and drops
 * optional ones at the end).
 */
function call(id: PilotFunctionId, given: Given): FormulaSpec {
  const fn = pilotFunction(id);
  if (fn === undefined) throw new Error(`PILOT.${id} is not in the function catalogue`);
  return { fn: `PILOT.${fn.id}`, args: fn.params.map((p) => given[p.name] ?? { omitted: true }) };
}
