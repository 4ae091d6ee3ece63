/**
 * Snapshot: find the block (one read phase), read its values as Excel shows them (one read
 * phase), and write a values-only copy on a new sheet (one write phase).
 */
import { MAX_ROWS } from '../workbook/a1';
import { BLOCK_NAME } from './block';
import type { WorkbookPort } from '../workbook/port';
import { planSnapshot, snapshotArea, spillAnchorsOf } from './snapshot-plan';

/**
 * Snapshot was asked for before any block was written.
 *
 * @example
 *   if (!read.block) throw new NoBlockError();
 */
export class NoBlockError extends Error {
  constructor() {
    super('There is no output block to copy yet: Evaluate first.');
    this.name = 'NoBlockError';
  }
}

/**
 * Copies the block's current values to a new sheet named for the time `now`.
 *
 * @example
 *   const sheet = await snapshot(port, new Date()); // 'Snapshot 2025-05-01 1430'
 */
export async function snapshot(port: WorkbookPort, now: Date): Promise<string> {
  const read = await port.read({}, BLOCK_NAME);
  if (!read.block) throw new NoBlockError();
  const contents = await port.inspect(snapshotArea(read.block, MAX_ROWS), spillAnchorsOf(read.block));
  const plan = planSnapshot(read.block, contents, read.sheets, now);
  await port.write(plan.ops);
  return plan.sheet;
}
