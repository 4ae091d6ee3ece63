/**
 * Evaluate: read the inputs (one read phase), evaluate the case, look at the cells the output
 * block would take (one read phase), and write the block of live PILOT formulas (one write
 * phase) — or, when something that is not the block is in the way, stop and ask.
 */
import { CaseInputError, evaluateCase } from '../model';
import type { CaseResult } from '../model';
import {
  BLOCK_NAME,
  DEFAULT_BLOCK_SHEET,
  SUMMARY_SPILL_ROWS,
  findConflicts,
  planBlock,
  retireBlock,
} from './block';
import type { BlockInputs, BlockPlan, BlockSizes } from './block';
import { sameSheet } from '../workbook/a1';
import { caseInput, formatWarnings, locate } from './inputs';
import type { Finding } from './inputs';
import { uniqueSheetName } from '../workbook/names';
import type { CellAddress, InputSources, InputsRead, RangeAddress, TableArg, WorkbookPort } from '../workbook/port';
import { requireCaseTables } from './check';

/** A block planned but not written, because cells in its way need the person's decision. */
export interface PendingBlock {
  plan: BlockPlan;
  inputs: BlockInputs;
  sizes: BlockSizes;
  /** The earlier block, when there is one. */
  previous: RangeAddress | null;
  nameDefined: boolean;
  sheets: string[];
  /** The cells in the way (empty until the area was inspected). */
  conflicts: CellAddress[];
}

export type EvaluateOutcome =
  | { kind: 'problems'; findings: Finding[] }
  | { kind: 'conflict'; conflicts: CellAddress[]; pending: PendingBlock; result: CaseResult; warnings: Finding[] }
  | { kind: 'written'; block: RangeAddress; result: CaseResult; warnings: Finding[] };

/**
 * Evaluates the case and writes (or rewrites, in place) the output block.
 *
 * @example
 *   const outcome = await evaluate(port, sources);
 *   if (outcome.kind === 'conflict') await placeBlock(port, outcome.pending, 'newSheet');
 */
export async function evaluate(port: WorkbookPort, sources: InputSources): Promise<EvaluateOutcome> {
  requireCaseTables(sources);
  const read = await port.read(sources, BLOCK_NAME);
  let result: CaseResult;
  try {
    result = evaluateCase(caseInput(read));
  } catch (error) {
    if (error instanceof CaseInputError) return { kind: 'problems', findings: error.problems.map((p) => locate(p, read)) };
    throw error;
  }
  const warnings = formatWarnings(read);
  const inputs = blockInputs(read);
  const sizes = blockSizes(result);

  const previous = read.block;
  const at: CellAddress = previous
    ? { sheet: previous.sheet, row: previous.row, column: previous.column }
    : { sheet: existingName(read.sheets, DEFAULT_BLOCK_SHEET) ?? DEFAULT_BLOCK_SHEET, row: 0, column: 0 };
  const newSheet = !read.sheets.some((s) => sameSheet(s, at.sheet));
  const plan = planBlock(at, inputs, sizes, { newSheet, previous, nameDefined: read.blockNameDefined });
  const pending: PendingBlock = { plan, inputs, sizes, previous, nameDefined: read.blockNameDefined, sheets: read.sheets, conflicts: [] };

  if (!newSheet) {
    const contents = await port.inspect(union(plan.footprint, previous), plan.spillAnchors);
    const conflicts = findConflicts(plan, contents, previous);
    if (conflicts.length > 0) return { kind: 'conflict', conflicts, pending: { ...pending, conflicts }, result, warnings };
  }
  await port.write(plan.ops);
  return { kind: 'written', block: plan.footprint, result, warnings };
}

/**
 * Writes a pending block after the person chose: `replace` the cells in the way, or put the
 * block on a `newSheet` (the earlier block, if any, is taken away: one block, never two).
 *
 * @example
 *   await placeBlock(port, outcome.pending, 'replace');
 */
export async function placeBlock(port: WorkbookPort, pending: PendingBlock, choice: 'replace' | 'newSheet'): Promise<RangeAddress> {
  if (choice === 'replace') {
    await port.write(pending.plan.ops);
    return pending.plan.footprint;
  }
  const sheet = uniqueSheetName(DEFAULT_BLOCK_SHEET, pending.sheets);
  const plan = planBlock({ sheet, row: 0, column: 0 }, pending.inputs, pending.sizes, {
    newSheet: true,
    previous: null,
    nameDefined: pending.nameDefined,
  });
  await port.write([...(pending.previous ? retireBlock(pending.previous, pending.conflicts) : []), ...plan.ops]);
  return plan.footprint;
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

function blockInputs(read: InputsRead): BlockInputs {
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

function existingName(sheets: readonly string[], name: string): string | undefined {
  return sheets.find((s) => sameSheet(s, name));
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
