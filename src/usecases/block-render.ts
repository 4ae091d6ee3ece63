/**
 * The output block's renderers: the same plan (block.ts) written as live PILOT formulas, which
 * recalculate as the inputs change (Excel and the workbench), or as the values those formulas
 * give, which read the same anywhere (the snapshot). Each takes the plan and where its top-left
 * goes and returns the write operations; a renderer of native spreadsheet formulas (for files
 * that must recalculate without the add-in) takes the same plan, whose figures say what they are.
 */
import type { CellAddress, CellStyle, FormulaArg, FormulaSpec, RangeAddress, WriteCell, WriteOp } from '../workbook/port';
import type { PilotOutcome } from '../functions/runner';
import type { Cell } from '../model/types';
import { TEXT_FORMAT } from '../workbook/typed-number';
import { BLOCK_NAME, LAYOUT, LIVE_NOTE, blockFootprint, columnWidth, type BlockChart, type BlockPlan } from './block';
import { VERDICT_COLOURS } from './formats';

/** Where a live block goes relative to what the workbook holds. */
export interface LiveBlockOptions {
  /** The sheet is new: it is added first. */
  newSheet: boolean;
  /** The earlier block's footprint at the same place, cleared first (so a block that shrinks leaves no stale formats). */
  previous: RangeAddress | null;
  /** The block's name exists and is replaced. */
  nameDefined: boolean;
}


/** Excel's error values, as a cell shows them. */
const ERROR_TEXT = /^#(?:N\/A|VALUE!|NUM!|DIV\/0!|REF!|NAME\?|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!|EXTERNAL!)$/;

function absolute(at: CellAddress, s: { row: number; column: number; rows: number; columns: number }): RangeAddress {
  return { sheet: at.sheet, row: at.row + s.row, column: at.column + s.column, rows: s.rows, columns: s.columns };
}

/**
 * A formula of the plan with its references to the block's own cells (by offset) placed at `at`.
 *
 * @example
 *   placed({ fn: 'NPV', args: [{ number: 0.1 }, { ref: { sheet: '', row: 12, column: 3, rows: 1, columns: 3 } }] }, { sheet: 'Pilot Gate', row: 0, column: 0 })
 */
export function placed(spec: FormulaSpec, at: CellAddress): FormulaSpec {
  const arg = (a: FormulaArg): FormulaArg => {
    if ('call' in a) return { call: placed(a.call, at) };
    if ('ref' in a) return { ref: absolute(at, a.ref) };
    return a;
  };
  return { fn: spec.fn, args: spec.args.map(arg) };
}

/**
 * The name a chart of the block has in the sheet, so a later Evaluate replaces it.
 *
 * @example
 *   chartName('cashflows') // 'PilotGate_CashFlows'
 */
export function chartName(chart: BlockChart['name']): string {
  return `PilotGate_${chart === 'cashflows' ? 'CashFlows' : 'CostExpansion'}`;
}

/** The block's charts, placed at `at`, each replacing the chart of its name. */
function chartOps(plan: BlockPlan, at: CellAddress): WriteOp[] {
  return plan.charts.map((c) => ({
    op: 'chart',
    sheet: at.sheet,
    name: chartName(c.name),
    chart: {
      title: c.title,
      place: absolute(at, c.place),
      categories: absolute(at, c.categories),
      series: c.series.map((s) => ({ name: s.name, values: absolute(at, s.values), kind: s.kind })),
      description: c.description,
    },
  }));
}

/**
 * The block as live PILOT formulas: its labels, a formula at each figure, the formats, the
 * verdict coloured by a rule that follows its value, the workbook name that marks it, and its
 * native charts over the ranges its formulas spill.
 * Columns the block takes for the first time get widths that show its figures whole; a width a
 * person set on a column the block had already is kept. Ends by selecting the verdict.
 *
 * @example
 *   await port.write(renderLiveBlock(planBlock(inputs, result), { sheet: 'Pilot Gate', row: 0, column: 0 }, { newSheet: true, previous: null, nameDefined: false }));
 */
export function renderLiveBlock(plan: BlockPlan, at: CellAddress, options: LiveBlockOptions): WriteOp[] {
  const height = 1 + Math.max(plan.note.row, ...plan.labels.map((l) => l.row), ...plan.figures.map((f) => f.row));
  const width = 1 + Math.max(plan.note.column, ...plan.labels.map((l) => l.column), ...plan.figures.map((f) => f.column));
  const grid: WriteCell[][] = Array.from({ length: height }, () => Array<WriteCell>(width).fill(null));
  for (const label of plan.labels) grid[label.row][label.column] = label.text;
  grid[plan.note.row][plan.note.column] = LIVE_NOTE;
  for (const figure of plan.figures) grid[figure.row][figure.column] = { formula: placed(figure.call, at), value: outcomeValue(figure.outcome) };

  const verdict = verdictCell(at);
  const body: WriteOp[] = [{ op: 'cells', at, cells: grid }];
  for (const s of plan.styles) body.push({ op: 'style', range: absolute(at, s), style: s.style });
  body.push({
    op: 'colourRules',
    range: verdict,
    rules: Object.entries(VERDICT_COLOURS).map(([equals, c]) => ({ equals, fill: c.fill, fontColor: c.fontColor })),
  });
  return placedBlock(plan, at, options, body);
}

/**
 * A block's cells (`body`) placed in the workbook: its sheet added when new, the earlier block and
 * the footprint cleared first, the workbook name that marks it, its charts, widths for the columns
 * it takes for the first time (a width a person set on a column the block had already is kept),
 * and the verdict selected at the end.
 *
 * @example
 *   placedBlock(plan, at, { newSheet: true, previous: null, nameDefined: false }, [{ op: 'cells', at, cells }])
 */
export function placedBlock(plan: BlockPlan, at: CellAddress, options: LiveBlockOptions, body: WriteOp[]): WriteOp[] {
  const footprint = blockFootprint(at, plan.sizes);
  const ops: WriteOp[] = [];
  if (options.newSheet) ops.push({ op: 'addSheet', sheet: at.sheet });
  if (options.previous) ops.push({ op: 'clear', range: options.previous, what: 'all' });
  ops.push({ op: 'clear', range: footprint, what: 'all' }, ...body);
  ops.push({ op: 'name', name: BLOCK_NAME, range: footprint, defined: options.nameDefined });
  ops.push(...chartOps(plan, at));
  const widthsKept = options.newSheet ? 0 : (options.previous?.columns ?? 0);
  for (let c = widthsKept; c < footprint.columns; c++) ops.push({ op: 'columnWidth', sheet: at.sheet, column: at.column + c, width: columnWidth(c) });
  ops.push({ op: 'show', range: verdictCell(at) });
  return ops;
}

/**
 * What a figure's cell shows: its value (a spill as its rows), or its error's code.
 *
 * @example
 *   outcomeValue({ ok: true, value: 'NOT READY' }) // 'NOT READY'
 */
export function outcomeValue(outcome: PilotOutcome): Cell | Cell[][] {
  return outcome.ok ? outcome.value : outcome.error.code;
}

function verdictCell(at: CellAddress): RangeAddress {
  return { sheet: at.sheet, row: at.row + LAYOUT.verdict[0], column: at.column + LAYOUT.verdict[1], rows: 1, columns: 1 };
}

/** The block written as values, and the error values among them (copied as their text). */
export interface BlockValues {
  ops: WriteOp[];
  /** The error codes shown, once each in the order met (#N/A for a threshold no input reaches). */
  errors: string[];
}

/**
 * The block as the values its formulas give: labels, each figure's value with its spill laid
 * out, the formats, the verdict coloured as it is (fixed, not a rule), every column as wide
 * as the live block's, and the same charts over the copied values. An error value is written as its text in a text-formatted cell, so that
 * it reads the same (#N/A) without being an error; so is text that would read as a formula.
 *
 * @example
 *   const { ops, errors } = renderBlockValues(planBlock(inputs, result), { sheet: 'Snapshot', row: 3, column: 0 }, 'Values only.');
 */
export function renderBlockValues(plan: BlockPlan, at: CellAddress, note: string): BlockValues {
  const grid = valueGrid(plan, note);
  const ops: WriteOp[] = [{ op: 'cells', at, cells: grid.cells, numberFormats: grid.numberFormats }, ...grid.looks(at)];
  for (let c = 0; c < plan.columns; c++) ops.push({ op: 'columnWidth', sheet: at.sheet, column: at.column + c, width: columnWidth(c) });
  ops.push(...chartOps(plan, at));
  return { ops, errors: grid.errors };
}

/** The block as values, before it is placed: cells and number formats by offset, and its looks at a given top-left. */
export interface ValueGrid {
  cells: WriteCell[][];
  numberFormats: string[][];
  /** The error codes shown, once each in the order met. */
  errors: string[];
  /** Bold, italic, wrapping and the verdict's colours (fixed, as it is), placed at `at`. */
  looks(at: CellAddress): WriteOp[];
}

/**
 * The block's labels, note and figures as the values its formulas give, spills laid out, with
 * their number formats; error values and text that would read as a formula are kept as text.
 *
 * @example
 *   valueGrid(planBlock(inputs, result), 'Values only.').cells[1][1] // 'NOT READY'
 */
export function valueGrid(plan: BlockPlan, note: string): ValueGrid {
  const numberFormats: string[][] = Array.from({ length: plan.rows }, () => Array<string>(plan.columns).fill('General'));
  const looks: { row: number; column: number; rows: number; columns: number; style: CellStyle }[] = [];
  for (const s of plan.styles) {
    const { numberFormat, ...look } = s.style;
    if (numberFormat !== undefined) {
      for (let r = s.row; r < Math.min(plan.rows, s.row + s.rows); r++) {
        for (let c = s.column; c < Math.min(plan.columns, s.column + s.columns); c++) numberFormats[r][c] = numberFormat;
      }
    }
    if (Object.keys(look).length > 0) looks.push({ ...s, style: look });
  }

  const cells: WriteCell[][] = Array.from({ length: plan.rows }, () => Array<WriteCell>(plan.columns).fill(''));
  const errors: string[] = [];
  const put = (row: number, column: number, value: string | number): void => {
    if (row >= plan.rows || column >= plan.columns) return;
    cells[row][column] = value;
    // Text that Excel would take for a formula or an error value is kept as text.
    if (typeof value === 'string' && (value.startsWith('=') || ERROR_TEXT.test(value))) numberFormats[row][column] = TEXT_FORMAT;
  };
  for (const label of plan.labels) put(label.row, label.column, label.text);
  put(plan.note.row, plan.note.column, note);
  for (const figure of plan.figures) {
    if (!figure.outcome.ok) {
      const code = figure.outcome.error.code;
      if (!errors.includes(code)) errors.push(code);
      put(figure.row, figure.column, code);
      continue;
    }
    const value = figure.outcome.value;
    if (Array.isArray(value)) value.forEach((line, r) => line.forEach((cell, c) => put(figure.row + r, figure.column + c, cell)));
    else put(figure.row, figure.column, value);
  }

  const colours = VERDICT_COLOURS[plan.verdict];
  const verdict: CellStyle = { bold: true, fill: colours.fill, fontColor: colours.fontColor };
  return {
    cells,
    numberFormats,
    errors,
    looks: (at) => [
      ...looks.map((s): WriteOp => ({ op: 'style', range: absolute(at, s), style: s.style })),
      { op: 'style', range: verdictCell(at), style: verdict },
    ],
  };
}
