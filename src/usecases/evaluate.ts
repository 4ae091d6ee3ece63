/**
 * Evaluate: read the inputs (one read phase), evaluate the case, plan the output block from the
 * result, look at the cells the block would take (one read phase), and write it as live PILOT
 * formulas (one write phase) — or, when something that is not the block is in the way, stop and
 * ask. `assess` is the first half alone: the case read and evaluated, nothing written.
 */
import { CaseInputError, evaluateCase } from '../model';
import type { CaseResult } from '../model';
import { sameSheet } from '../workbook/a1';
import { uniqueSheetName } from '../workbook/names';
import type { CellAddress, InputSources, InputsRead, RangeAddress, TableArg, WorkbookPort, WriteOp } from '../workbook/port';
import { BLOCK_NAME, DEFAULT_BLOCK_SHEET, blockFootprint, planBlock, spillAnchors } from './block';
import type { BlockInputs, BlockPlan } from './block';
import { findConflicts, retireBlock } from './block-conflicts';
import { renderLiveBlock, type LiveBlockOptions } from './block-render';
import { renderPortableBlock } from './block-portable';
import { planCard } from './card';
import type { DecisionCard } from './card';
import { requireCaseTables } from './check';
import { caseInput, formatWarnings, locate } from './inputs';
import type { Finding } from './inputs';

/** A case read from the workbook: evaluated, or stopped by the problems its cells have. */
export type Assessment =
  | { kind: 'problems'; read: InputsRead; findings: Finding[] }
  | { kind: 'evaluated'; read: InputsRead; result: CaseResult; card: DecisionCard; warnings: Finding[] };

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
  /** The block as it would be written at `at`. */
  ops: WriteOp[];
  /** The earlier block, when there is one. */
  previous: RangeAddress | null;
  nameDefined: boolean;
  sheets: string[];
  /** The cells in the way (empty until the area was inspected). */
  conflicts: CellAddress[];
}

export type Evaluation =
  | { kind: 'problems'; findings: Finding[] }
  | { kind: 'conflict'; conflicts: CellAddress[]; pending: PendingBlock; result: CaseResult; card: DecisionCard; warnings: Finding[] }
  | { kind: 'written'; block: RangeAddress; result: CaseResult; card: DecisionCard; warnings: Finding[] };

/**
 * Reads the chosen tables in one read phase and evaluates the case; writes nothing. Problems
 * come with the cells they are about; warnings are what only the cells' formats reveal.
 *
 * @example
 *   const assessed = await assess(port, sources);
 *   if (assessed.kind === 'evaluated') assessed.result.verdict // 'NOT READY'
 */
export async function assess(port: WorkbookPort, sources: InputSources): Promise<Assessment> {
  requireCaseTables(sources);
  const read = await port.read(sources, BLOCK_NAME);
  try {
    const result = evaluateCase(caseInput(read));
    return { kind: 'evaluated', read, result, card: planCard(result, read), warnings: formatWarnings(read) };
  } catch (error) {
    if (error instanceof CaseInputError) return { kind: 'problems', read, findings: error.problems.map((p) => locate(p, read)) };
    throw error;
  }
}

/**
 * Evaluates the case and writes (or rewrites, in place) the output block: live PILOT formulas, or
 * with `portable` native formulas and values (block-portable.ts).
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
  const ops = render(plan, at, { newSheet, previous, nameDefined: read.blockNameDefined });
  const pending: PendingBlock = { plan, render, at, ops, previous, nameDefined: read.blockNameDefined, sheets: read.sheets, conflicts: [] };
  const footprint = blockFootprint(at, plan.sizes);

  if (!newSheet) {
    const contents = await port.inspect(union(footprint, previous), spillAnchors(at));
    const conflicts = findConflicts(plan, at, contents, previous);
    if (conflicts.length > 0) return { kind: 'conflict', conflicts, pending: { ...pending, conflicts }, result, card, warnings };
  }
  await port.write(ops);
  return { kind: 'written', block: footprint, result, card, warnings };
}

/**
 * Writes a pending block after the person chose: `replace` the cells in the way, or put the
 * block on a `newSheet` (the earlier block, if any, is taken away: one block, never two). The
 * block is the one already planned; only where it goes changes.
 *
 * @example
 *   await placeBlock(port, evaluation.pending, 'replace');
 */
export async function placeBlock(port: WorkbookPort, pending: PendingBlock, choice: 'replace' | 'newSheet'): Promise<RangeAddress> {
  if (choice === 'replace') {
    await port.write(pending.ops);
    return blockFootprint(pending.at, pending.plan.sizes);
  }
  const at: CellAddress = { sheet: uniqueSheetName(DEFAULT_BLOCK_SHEET, pending.sheets), row: 0, column: 0 };
  const ops = pending.render(pending.plan, at, { newSheet: true, previous: null, nameDefined: pending.nameDefined });
  await port.write([...(pending.previous ? retireBlock(pending.previous, pending.conflicts) : []), ...ops]);
  return blockFootprint(at, pending.plan.sizes);
}

/**
 * The tables the block's formulas read, as they were read: Metrics and Costs always (assess
 * requires them), the others when chosen.
 *
 * @example
 *   blockInputs(read).metrics // { table: { kind: 'table', name: 'Metrics', sheet: 'Metrics' }, range: { … } }
 */
export function blockInputs(read: InputsRead): BlockInputs {
  const arg = (t: keyof InputsRead['grids']): TableArg | undefined => {
    const g = read.grids[t];
    return g ? { table: g.source, range: g.range } : undefined;
  };
  return {
    metrics: arg('Metrics')!,
    costs: arg('Costs')!,
    readiness: arg('Readiness'),
    assumptions: arg('Assumptions'),
    ownership: arg('Ownership'),
  };
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
