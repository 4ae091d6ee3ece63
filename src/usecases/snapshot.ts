/**
 * Snapshot: a values-only copy of the output block on a new sheet, stamped with the time, for
 * people whose Excel lacks the add-in (there the PILOT formulas would read #NAME?). The case is
 * read and evaluated (one read phase), the block planned from the result exactly as Evaluate
 * plans it and rendered as values (block-render.ts), and the copy written (one write phase). So
 * the copy holds the block's own cells only — its labels and its figures as its formulas give
 * them now — and never a note a person typed inside the block's area.
 */
import { localStamp, uniqueSheetName } from '../workbook/names';
import { qualifiedA1 } from '../workbook/a1';
import type { InputSources, RangeAddress, WorkbookPort, WriteOp } from '../workbook/port';
import { BLOCK_NAME, planBlock, type BlockPlan } from './block';
import { renderBlockValues } from './block-render';
import { requireCaseTables } from './check';
import { assess, blockInputs } from './assess';
import type { Finding } from './inputs';
import { findTables } from './tables';
import { NoBlockError } from './refusals';

/** Rows above the copied block on the snapshot sheet: the stamp, where it came from, a gap. */
const HEADER_ROWS = 3;

/** What the copy says in place of the block's note, which speaks of live formulas. */
export const SNAPSHOT_NOTE = 'Values only: this copy does not recalculate.';


export interface SnapshotPlan {
  sheet: string;
  ops: WriteOp[];
  /** The copied block on the snapshot sheet. */
  copy: RangeAddress;
}

export type SnapshotCopy = { kind: 'problems'; findings: Finding[] } | { kind: 'written'; sheet: string; copy: RangeAddress };

/**
 * The new sheet: a timestamp line, a line saying where the values came from, then the block
 * rendered as values. Error values are copied as their text (#N/A reads the same), and the
 * second line says so.
 *
 * @example
 *   const plan = planSnapshot(planBlock(inputs, result), read.block, read.sheets, new Date());
 *   await port.write(plan.ops);
 */
export function planSnapshot(block: BlockPlan, live: RangeAddress, sheets: readonly string[], now: Date): SnapshotPlan {
  const stamp = localStamp(now);
  const sheet = uniqueSheetName(`Snapshot ${stamp.replace(':', '')}`, sheets);
  const copy: RangeAddress = { sheet, row: HEADER_ROWS, column: 0, rows: block.rows, columns: block.columns };
  const values = renderBlockValues(block, { sheet, row: HEADER_ROWS, column: 0 }, SNAPSHOT_NOTE);
  const from = qualifiedA1({ ...live, rows: block.rows, columns: block.columns });
  const errorNote =
    values.errors.length === 0 ? '' : ` Error values (${values.errors.join(', ')}) are copied as text; in the live block each one's message says why.`;
  const ops: WriteOp[] = [
    { op: 'addSheet', sheet },
    {
      op: 'cells',
      at: { sheet, row: 0, column: 0 },
      cells: [
        [`Pilot Gate snapshot: values as of ${stamp}. No formulas: it reads the same in any Excel.`],
        [`Copied from ${from}; the live block there recalculates, this copy does not.${errorNote}`],
      ],
    },
    { op: 'style', range: { sheet, row: 0, column: 0, rows: 1, columns: 1 }, style: { bold: true } },
    { op: 'style', range: { sheet, row: 1, column: 0, rows: 1, columns: 1 }, style: { italic: true } },
    ...values.ops,
    { op: 'show', range: { sheet, row: 0, column: 0, rows: 1, columns: 1 } },
  ];
  return { sheet, ops, copy };
}

/**
 * Copies the block, as values, to a new sheet named for the time `now`. The case is read from
 * `sources`; when Metrics and Costs are not both chosen, from the tables Find tables suggests.
 * Input problems stop it, as they stop Evaluate.
 *
 * @example
 *   const outcome = await snapshot(port, sources, new Date());
 *   if (outcome.kind === 'written') outcome.sheet // 'Snapshot 2025-05-01 1430'
 */
export async function snapshot(port: WorkbookPort, sources: InputSources, now: Date): Promise<SnapshotCopy> {
  const chosen = sources.Metrics && sources.Costs ? sources : { ...(await findTables(port)).sources, ...sources };
  if (!chosen.Metrics || !chosen.Costs) {
    // Nothing to copy from either way: say first that there is no block, when there is none.
    if ((await port.read({}, BLOCK_NAME)).block === null) throw new NoBlockError();
    requireCaseTables(chosen);
  }
  const assessed = await assess(port, chosen);
  if (!assessed.read.block) throw new NoBlockError();
  if (assessed.kind === 'problems') return { kind: 'problems', findings: assessed.findings };
  const plan = planSnapshot(planBlock(blockInputs(assessed.read), assessed.result), assessed.read.block, assessed.read.sheets, now);
  await port.write(plan.ops);
  return { kind: 'written', sheet: plan.sheet, copy: plan.copy };
}

export { NoBlockError };
