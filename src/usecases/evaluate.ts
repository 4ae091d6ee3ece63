/**
 * Evaluate: read the inputs (one read phase), evaluate the case, plan the output block from the
 * result, and write it (live PILOT formulas, or portable ones) in one guarded write: the cells the block would
 * take are read in the write's own batch, and the block is written only when nothing but the
 * block is in its way — else nothing is written and the person is asked. What the write replaced
 * is kept, so the Evaluate can be undone (undo.ts). `assess` is the first half alone: the case
 * read and evaluated, nothing written.
 */
import type { CaseResult } from '../model';
import { sameSheet } from '../workbook/a1';
import { uniqueSheetName } from '../workbook/names';
import { recordName } from '../workbook/port';
import type { AreaContents, CellAddress, InputSources, RangeAddress, WorkbookPort, WriteOp } from '../workbook/port';
import { BLOCK_NAME, DEFAULT_BLOCK_SHEET, blockFootprint, planBlock, spillAnchors } from './block';
import type { BlockPlan } from './block';
import { classifyArea, retireBlock, type AreaCell, type EarlierBlock } from './block-conflicts';
import { parseRecord, recordOf, recordText } from './block-record';
import { renderLiveBlock, type LiveBlockOptions } from './block-render';
import { renderPortableBlock } from './block-portable';
import type { DecisionCard } from './card';
import { assess, blockInputs } from './assess';
import type { Finding } from './inputs';
import { CellsChangedError, undoInPlace, undoNewSheet, type LastEvaluate } from './undo';


/** How the block is written: live PILOT formulas (the pane's way), or `portable` native formulas and values that recalculate without the add-in. */
export interface EvaluateOptions {
  portable?: boolean;
}

/** A renderer of the plan at a place. */
type BlockRenderer = (plan: BlockPlan, at: CellAddress, options: LiveBlockOptions) => WriteOp[];

/** A block planned and rendered but not written, because cells in its way need the person's decision. */
export interface PendingBlock {
  plan: BlockPlan;
  /** How it is written, wherever it goes. */
  render: BlockRenderer;
  at: CellAddress;
  /** The block as it would be written at `at`, its record included. */
  ops: WriteOp[];
  /** The earlier block, when there is one. */
  previous: RangeAddress | null;
  /** The earlier block with its record (or, for a block written before records were kept, this block's). */
  earlier: EarlierBlock | null;
  nameDefined: boolean;
  /** The earlier block's record as kept in the workbook, null when there was none. */
  record: string | null;
  sheets: string[];
  /** The cells in the way (empty until the area was inspected). */
  conflicts: CellAddress[];
  /** The area read, and what it held when the person was asked. */
  area: RangeAddress;
  inspected: AreaContents | null;
}

export type Evaluation =
  | { kind: 'problems'; findings: Finding[] }
  | { kind: 'conflict'; conflicts: CellAddress[]; pending: PendingBlock; result: CaseResult; card: DecisionCard; warnings: Finding[] }
  | { kind: 'written'; block: RangeAddress; result: CaseResult; card: DecisionCard; warnings: Finding[]; last: LastEvaluate };

/** A block written: where, and how to undo it. */
export interface Placed {
  block: RangeAddress;
  last: LastEvaluate;
}


/**
 * Evaluates the case and writes (or rewrites, in place) the output block: live PILOT formulas, or
 * with `portable` native formulas and values (block-portable.ts). One read phase, then one
 * guarded write that reads the block's area again and writes only when nothing but the block is
 * in its way.
 *
 * @example
 *   const evaluation = await evaluate(port, sources);
 *   if (evaluation.kind === 'conflict') await placeBlock(port, evaluation.pending, 'newSheet');
 */
export async function evaluate(port: WorkbookPort, sources: InputSources, options: EvaluateOptions = {}): Promise<Evaluation> {
  const assessed = await assess(port, sources);
  if (assessed.kind === 'problems') return { kind: 'problems', findings: assessed.findings };
  const { read, result, card, warnings } = assessed;
  const plan = planBlock(blockInputs(read), result);

  const previous = read.block;
  const at: CellAddress = previous
    ? { sheet: previous.sheet, row: previous.row, column: previous.column }
    : { sheet: read.sheets.find((s) => sameSheet(s, DEFAULT_BLOCK_SHEET)) ?? DEFAULT_BLOCK_SHEET, row: 0, column: 0 };
  const newSheet = !read.sheets.some((s) => sameSheet(s, at.sheet));
  const render: BlockRenderer = options.portable
    ? renderPortableBlock
    : renderLiveBlock;
  const footprint = blockFootprint(at, plan.sizes);
  const ops = recordedBlock(port, render, plan, at, { newSheet, previous, nameDefined: read.blockNameDefined, recordDefined: read.record !== null });
  const earlier = previous ? { range: previous, record: parseRecord(read.record) ?? recordOf(ops, previous, (spec) => port.formulaText(spec, previous.sheet)) } : null;
  const area = union(footprint, previous);
  const pending: PendingBlock = {
    plan,
    render,
    at,
    ops,
    previous,
    earlier,
    nameDefined: read.blockNameDefined,
    record: read.record,
    sheets: read.sheets,
    conflicts: [],
    area,
    inspected: null,
  };

  if (newSheet) {
    await port.write(ops);
    return { kind: 'written', block: footprint, result, card, warnings, last: undoNewSheet(pending, ops, footprint) };
  }
  let seen: { contents: AreaContents; cells: AreaCell[] } | null = null;
  const wrote = await port.write(ops, {
    areas: [{ area, anchors: spillAnchors(at) }],
    allows: ([contents]) => {
      seen = { contents, cells: classifyArea(area, contents, footprint, plan, at, earlier) };
      return seen.cells.every((c) => c.kind !== 'foreign');
    },
  });
  const inspected = seen as { contents: AreaContents; cells: AreaCell[] } | null;
  if (!inspected) throw new Error('the workbook wrote without reading the area first');
  if (!wrote) {
    const conflicts = inspected.cells.filter((c) => c.kind === 'foreign').map((c) => c.cell);
    return { kind: 'conflict', conflicts, pending: { ...pending, conflicts, inspected: inspected.contents }, result, card, warnings };
  }
  return { kind: 'written', block: footprint, result, card, warnings, last: undoInPlace(pending, inspected.cells, footprint) };
}

/**
 * Writes a pending block after the person chose: `replace` the cells in the way, or put the
 * block on a `newSheet` (the earlier block, if any, is taken away: one block, never two). The
 * block is the one already planned; only where it goes changes. The cells are read again in
 * the write's own batch: when anything in the block's way differs from what the person was
 * shown, nothing is written and CellsChangedError says which cells changed.
 *
 * @example
 *   const { block, last } = await placeBlock(port, evaluation.pending, 'replace');
 */
export async function placeBlock(port: WorkbookPort, pending: PendingBlock, choice: 'replace' | 'newSheet'): Promise<Placed> {
  const { plan, area, earlier } = pending;
  const shown = pending.inspected;
  if (!shown) throw new Error('placeBlock needs a block whose area was inspected');
  const footprint = blockFootprint(pending.at, plan.sizes);
  const before = classifyArea(area, shown, footprint, plan, pending.at, earlier);
  let changed: CellAddress[] = [];
  const guard = {
    areas: [{ area, anchors: spillAnchors(pending.at) }],
    allows: ([now]: AreaContents[]) => {
      changed = changedCells(before, classifyArea(area, now, footprint, plan, pending.at, earlier));
      return changed.length === 0;
    },
  };

  if (choice === 'replace') {
    if (!(await port.write(pending.ops, guard))) throw new CellsChangedError(changed, 'Nothing was written: Evaluate again to see what is in the way now.');
    return { block: footprint, last: undoInPlace(pending, before, footprint) };
  }
  const at: CellAddress = { sheet: uniqueSheetName(DEFAULT_BLOCK_SHEET, pending.sheets), row: 0, column: 0 };
  const recordDefined = pending.record !== null;
  const ops = recordedBlock(port, pending.render, plan, at, { newSheet: true, previous: null, nameDefined: pending.nameDefined, recordDefined });
  const retire = earlier ? retireBlock(earlier, pending.conflicts) : [];
  if (!(await port.write([...retire, ...ops], guard))) throw new CellsChangedError(changed, 'Nothing was written: Evaluate again to see what is in the way now.');
  const moved = blockFootprint(at, plan.sizes);
  return { block: moved, last: undoNewSheet(pending, ops, moved, before) };
}


/** The block at `at` with its record kept beside its name: what it wrote, as this host writes it. */
function recordedBlock(
  port: WorkbookPort,
  render: BlockRenderer,
  plan: BlockPlan,
  at: CellAddress,
  options: { newSheet: boolean; previous: RangeAddress | null; nameDefined: boolean; recordDefined: boolean },
): WriteOp[] {
  const ops = render(plan, at, options);
  const record = recordText(recordOf(ops, at, (spec) => port.formulaText(spec, at.sheet)));
  return [...ops, { op: 'record', name: recordName(BLOCK_NAME), text: record, defined: options.recordDefined }];
}

/** Cells whose content, look or kind differ between two readings of an area (a cell in one and not the other included). */
function changedCells(before: readonly AreaCell[], after: readonly AreaCell[]): CellAddress[] {
  const state = (c: AreaCell): string => `${c.kind === 'foreign' ? 'foreign' : 'block'}|${c.kind === 'spill' ? '' : String(c.content)}|${JSON.stringify(c.look)}`;
  const key = (c: AreaCell): string => `${c.cell.row},${c.cell.column}`;
  const was = new Map(before.filter((c) => c.kind === 'foreign').map((c) => [key(c), state(c)]));
  const changed: CellAddress[] = [];
  for (const c of after) {
    if (c.kind !== 'foreign') continue;
    if (was.get(key(c)) !== state(c)) changed.push(c.cell);
    was.delete(key(c));
  }
  for (const c of before) if (was.has(key(c))) changed.push(c.cell);
  return changed.sort((a, b) => a.row - b.row || a.column - b.column);
}

function union(a: RangeAddress, b: RangeAddress | null): RangeAddress {
  if (!b || !sameSheet(a.sheet, b.sheet)) return a;
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  return {
    sheet: a.sheet,
    row,
    column,
    rows: Math.max(a.row + a.rows, b.row + b.rows) - row,
    columns: Math.max(a.column + a.columns, b.column + b.columns) - column,
  };
}

export { assess, blockInputs, type Assessment } from './assess';
