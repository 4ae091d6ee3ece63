/**
 * What is in the way of the output block, and how an earlier block is taken away: a person's
 * cells are never overwritten without asking, and there is one block, never two.
 */
import { contains, sameSheet } from '../workbook/a1';
import type { CellAddress, RangeAddress, WriteOp } from '../workbook/port';
import { LIVE_NOTE, blockFootprint, isBlockFormula, ownOffsets, type BlockPlan } from './block';
import { chartName } from './block-render';

/**
 * The cells in the way of a block: anything in its footprint (or the earlier block's) that the
 * block did not put there. A cell is the block's own when it is one of its labels as written,
 * a PILOT formula at one of its formula cells, or part of a spill from one of its formulas.
 * Where the host cannot report spills, cells inside the earlier block's footprint count as its own.
 *
 * @example
 *   const contents = await port.inspect(area, spillAnchors(at));
 *   findConflicts(plan, at, contents, previous) // [] when the block may be written
 */
export function findConflicts(
  plan: BlockPlan,
  at: CellAddress,
  contents: { used: RangeAddress | null; formulas: unknown[][]; spills: (RangeAddress | null)[] | null },
  previous: RangeAddress | null,
): CellAddress[] {
  const used = contents.used;
  if (!used) return [];
  const footprint = blockFootprint(at, plan.sizes);
  const samePlace = previous !== null && sameSheet(previous.sheet, at.sheet) && previous.row === at.row && previous.column === at.column;
  const own = new Map<string, string | null>([
    ...plan.labels.map((l) => [`${l.row},${l.column}`, l.text] as const),
    [`${plan.note.row},${plan.note.column}`, LIVE_NOTE] as const,
    ...plan.figures.map((f) => [`${f.row},${f.column}`, null] as const),
  ]);
  const spills = samePlace && contents.spills ? contents.spills.filter((s): s is RangeAddress => s !== null) : [];
  const conflicts: CellAddress[] = [];
  for (let r = 0; r < used.rows; r++) {
    for (let c = 0; c < used.columns; c++) {
      const content = contents.formulas[r]?.[c];
      if (content === null || content === undefined || content === '') continue;
      const cell: CellAddress = { sheet: used.sheet, row: used.row + r, column: used.column + c };
      const inPlan = contains(footprint, cell);
      const inPrevious = previous !== null && contains(previous, cell);
      if (!inPlan && !inPrevious) continue;
      if (samePlace && isOwn(cell, content)) continue;
      conflicts.push(cell);
    }
  }
  return conflicts;

  function isOwn(cell: CellAddress, content: unknown): boolean {
    const key = `${cell.row - at.row},${cell.column - at.column}`;
    if (own.has(key)) {
      const text = own.get(key);
      return text === null ? isBlockFormula(String(content)) : String(content) === text;
    }
    if (spills.some((s) => contains(s, cell))) return true;
    return contents.spills === null && previous !== null && contains(previous, cell);
  }
}

/**
 * The operations that take an earlier block away after it moved elsewhere: its own labels and
 * formulas (their spills go with them), its formats and its charts. `foreign` cells — what a person typed
 * into it, as findConflicts reported — keep their contents.
 *
 * @example
 *   port.write([...retireBlock(previous, conflicts), ...plan.ops]);
 */
export function retireBlock(previous: RangeAddress, foreign: readonly CellAddress[]): WriteOp[] {
  const ops: WriteOp[] = [
    { op: 'clear', range: previous, what: 'formats' },
    ...(['cashflows', 'expansion'] as const).map((c): WriteOp => ({ op: 'chart', sheet: previous.sheet, name: chartName(c), chart: null })),
  ];
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
