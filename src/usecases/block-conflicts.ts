/**
 * What is in the way of the output block, and how an earlier block is taken away: a person's
 * cells are never overwritten without asking, and there is one block, never two.
 *
 * A cell is the block's own only when the block's record (block-record.ts) says the block put
 * exactly what the cell holds there, and gave it exactly the look it has; or when it lies in a
 * spill of one of the block's formulas. Where the host cannot say how far a formula spills, a
 * cell counts as spilled only when it holds exactly what the block's formula gives there now:
 * anything else is taken for a person's. Everything else with a content or a look — a value, a
 * formula (a `=PILOT.…` of the person's own too), a fill or number format on an empty cell —
 * is in the way.
 */
import type { Cell } from '../model/types';
import { contains } from '../workbook/a1';
import { isPlainLook } from '../workbook/look';
import type { AreaContents, CellAddress, CellStyle, RangeAddress, WriteOp } from '../workbook/port';
import type { BlockPlan } from './block';
import { chartName } from './block-render';
import { contentKey, lookKey, recordedLook, type BlockRecord } from './block-record';

/** The block already in the workbook: where its name says it is, and its record of what it wrote. */
export interface EarlierBlock {
  range: RangeAddress;
  record: BlockRecord;
}

/** Whose a cell with something in it is: the block's (`own`, or `spill` of its formulas) or a person's (`foreign`). */
export type CellKind = 'own' | 'spill' | 'foreign';

/** A cell of an inspected area that holds a content or has a look. */
export interface AreaCell {
  cell: CellAddress;
  kind: CellKind;
  /** What `inspect` read: formula text, else the value; null when empty. */
  content: Cell;
  look: CellStyle;
}

/**
 * Every cell of `area` that holds something or has a look and lies in the block's way (`footprint`)
 * or in the earlier block, with whose it is; the `foreign` ones are the cells in the way. `plan`
 * and `at` are the block about to be written: its formulas' values tell spilled cells where the
 * host cannot report spills.
 *
 * @example
 *   const contents = await port.inspect(area, spillAnchors(at));
 *   classifyArea(area, contents, footprint, plan, at, earlier).filter((c) => c.kind === 'foreign') // [] when the block may be written
 */
export function classifyArea(
  area: RangeAddress,
  contents: AreaContents,
  footprint: RangeAddress,
  plan: BlockPlan,
  at: CellAddress,
  earlier: EarlierBlock | null,
): AreaCell[] {
  const spills = (contents.spills ?? []).filter((s): s is RangeAddress => s !== null);
  const values = contents.spills === null ? spillValues(plan) : null;
  const found: AreaCell[] = [];
  for (let r = 0; r < contents.looks.length; r++) {
    for (let c = 0; c < area.columns; c++) {
      const cell: CellAddress = { sheet: area.sheet, row: area.row + r, column: area.column + c };
      const content = contentAt(contents, cell);
      const look = contents.looks[r][c];
      if (content === null && isPlainLook(look)) continue;
      const inEarlier = earlier !== null && contains(earlier.range, cell);
      if (!inEarlier && !contains(footprint, cell)) continue;
      found.push({ cell, kind: inEarlier ? kindInEarlier(earlier!, cell, content, look) : 'foreign', content, look });
    }
  }
  return found;

  function kindInEarlier(block: EarlierBlock, cell: CellAddress, content: Cell, look: CellStyle): CellKind {
    const offset = `${cell.row - block.range.row},${cell.column - block.range.column}`;
    if (lookKey(look) !== recordedLook(block.record, cell.row - block.range.row, cell.column - block.range.column)) return 'foreign';
    if (content === null) return 'own';
    if (block.record.contents.get(offset) === contentKey(content)) return 'own';
    if (spills.some((s) => contains(s, cell) && !(s.row === cell.row && s.column === cell.column))) return 'spill';
    if (values !== null && values.has(`${cell.row - at.row},${cell.column - at.column}`) && values.get(`${cell.row - at.row},${cell.column - at.column}`) === content) return 'spill';
    return 'foreign';
  }
}

/**
 * The operations that take an earlier block away after it moved elsewhere: the contents it
 * wrote (their spills go with them), the looks it gave, as its record lists them, and its charts. `foreign`
 * cells — what a person typed into it or formatted there, as classifyArea found — keep
 * their contents and their looks.
 *
 * @example
 *   port.write([...retireBlock(earlier, conflicts), ...plan.ops]);
 */
export function retireBlock(earlier: EarlierBlock, foreign: readonly CellAddress[]): WriteOp[] {
  const { range, record } = earlier;
  const keep = new Set(foreign.map((c) => `${c.row - range.row},${c.column - range.column}`));
  const one = (row: number, column: number): RangeAddress => ({ sheet: range.sheet, row: range.row + row, column: range.column + column, rows: 1, columns: 1 });
  const inside = (row: number, column: number): boolean => row < range.rows && column < range.columns;
  const ops: WriteOp[] = (['cashflows', 'expansion'] as const).map((c): WriteOp => ({ op: 'chart', sheet: range.sheet, name: chartName(c), chart: null }));
  for (const look of record.looks) {
    const cells: [number, number][] = [];
    for (let r = look.row; r < look.row + look.rows; r++) for (let c = look.column; c < look.column + look.columns; c++) if (inside(r, c)) cells.push([r, c]);
    if (cells.some(([r, c]) => keep.has(`${r},${c}`))) {
      for (const [r, c] of cells) if (!keep.has(`${r},${c}`)) ops.push({ op: 'clear', range: one(r, c), what: 'formats' });
    } else if (cells.length > 0) {
      ops.push({ op: 'clear', range: { ...one(look.row, look.column), rows: Math.min(look.rows, range.rows - look.row), columns: Math.min(look.columns, range.columns - look.column) }, what: 'formats' });
    }
  }
  for (const offset of record.contents.keys()) {
    const [r, c] = offset.split(',').map(Number);
    if (inside(r, c) && !keep.has(offset)) ops.push({ op: 'clear', range: one(r, c), what: 'contents' });
  }
  return ops;
}

/** The value the block's formulas give at each offset from its top-left, spills laid out. */
function spillValues(plan: BlockPlan): Map<string, Cell> {
  const values = new Map<string, Cell>();
  for (const figure of plan.figures) {
    if (!figure.outcome.ok || !Array.isArray(figure.outcome.value)) continue;
    figure.outcome.value.forEach((line, r) => line.forEach((value, c) => values.set(`${figure.row + r},${figure.column + c}`, value)));
  }
  return values;
}

/** What the area's used part holds at a cell; null when the cell is empty. */
function contentAt(contents: AreaContents, cell: CellAddress): Cell {
  const used = contents.used;
  if (!used || !contains(used, cell)) return null;
  const content = contents.formulas[cell.row - used.row]?.[cell.column - used.column];
  return content === undefined || content === '' ? null : content;
}
