/**
 * Undo the last Evaluate: what it replaced — a person's cells the person agreed to replace, the
 * earlier block, the name and the record — is kept when it writes, and put back exactly
 * (values, formulas, number formats, fills, font colours, bold and italic). The undo reads the
 * block's area again in its own write batch and goes ahead only when the block is as the
 * Evaluate left it; anything typed or formatted there since is kept and the undo refused.
 * A block the Evaluate put on a sheet of its own is undone by taking that sheet away, when
 * nothing else is on it.
 */
import { contains } from '../workbook/a1';
import { plainLook } from '../workbook/look';
import { recordName } from '../workbook/port';
import type { AreaContents, AreaQuery, CellAddress, CellStyle, RangeAddress, WorkbookPort, WriteCell, WriteOp } from '../workbook/port';
import { BLOCK_NAME, LAYOUT, spillAnchors, type BlockPlan } from './block';
import { classifyArea, type AreaCell, type EarlierBlock } from './block-conflicts';
import { chartName, renderLiveBlock } from './block-render';
import { parseRecord, type BlockRecord } from './block-record';
import { CellsChangedError } from './refusals';
import { VERDICT_COLOURS } from './formats';

/** An area the undo reads again, and the cells in it that are not as the Evaluate left them. */
export interface UndoCheck {
  query: AreaQuery;
  changed(now: AreaContents): CellAddress[];
}

/** What undoing the last Evaluate takes: the operations that put back what it replaced, and the checks first. */
export interface LastEvaluate {
  /** The block the Evaluate wrote. */
  block: RangeAddress;
  ops: WriteOp[];
  checks: UndoCheck[];
  /** Where the cells put back are (shown after the undo), null when the Evaluate replaced nothing. */
  restored: RangeAddress | null;
}


/**
 * Undoes the last Evaluate: one guarded write. Resolves to where the cells were put back.
 *
 * @example
 *   const evaluation = await evaluate(port, sources);
 *   if (evaluation.kind === 'written') await undo(port, evaluation.last);
 */
export async function undo(port: WorkbookPort, last: LastEvaluate): Promise<RangeAddress | null> {
  let changed: CellAddress[] = [];
  const wrote = await port.write(last.ops, {
    areas: last.checks.map((c) => c.query),
    allows: (now) => {
      changed = last.checks.flatMap((check, i) => check.changed(now[i]));
      return changed.length === 0;
    },
  });
  if (!wrote) throw new CellsChangedError(changed, 'Nothing was undone: what was typed or formatted in the block since the last Evaluate is kept.');
  return last.restored;
}

/** The parts of a pending block an undo needs. */
interface Written {
  plan: BlockPlan;
  at: CellAddress;
  ops: WriteOp[];
  previous: RangeAddress | null;
  earlier: EarlierBlock | null;
  record: string | null;
  area: RangeAddress;
}

/**
 * The undo of a block written where it was (or over the cells in its way): the block's
 * footprint and the earlier block's are cleared and every cell the area held is put back, but
 * for what the earlier block's formulas spilled (they spill again).
 *
 * @example
 *   const last = undoInPlace(pending, classifyArea(area, contents, footprint, plan, at, earlier), footprint);
 */
export function undoInPlace(written: Written, before: readonly AreaCell[], footprint: RangeAddress): LastEvaluate {
  const { area, previous } = written;
  const ops: WriteOp[] = [{ op: 'clear', range: footprint, what: 'all' }];
  if (previous) ops.push({ op: 'clear', range: previous, what: 'all' });
  ops.push(...putBack(area, before, () => true));
  // The earlier block's charts sat where the new ones do, over the same spills; with no earlier block they go.
  if (!previous) ops.push(...written.plan.charts.map((c): WriteOp => ({ op: 'chart', sheet: area.sheet, name: chartName(c.name), chart: null })));
  ops.push(...markEarlier(written));
  ops.push({ op: 'show', range: { ...area, rows: 1, columns: 1 } });
  const record = recordWritten(written.ops);
  return {
    block: footprint,
    ops,
    checks: [
      {
        query: { area, anchors: spillAnchors(written.at) },
        // The earlier block's own cells outside the new one were cleared, so anything there is new.
        changed: (now) => foreignCells(classifyArea(area, now, previous ?? footprint, written.plan, written.at, { range: footprint, record })),
      },
    ],
    restored: area,
  };
}

/**
 * The undo of a block written on a sheet of its own (the first block, or one moved there): the
 * sheet is taken away, and the earlier block's own cells, which the move cleared, are put back.
 *
 * @example
 *   const last = undoNewSheet(pending, ops, blockFootprint(at, plan.sizes), before);
 */
export function undoNewSheet(written: Written, blockOps: readonly WriteOp[], footprint: RangeAddress, before: readonly AreaCell[] = []): LastEvaluate {
  const { plan } = written;
  const sheet = footprint.sheet;
  const at: CellAddress = { sheet, row: footprint.row, column: footprint.column };
  const ops: WriteOp[] = [{ op: 'removeSheet', sheet }];
  const earlier = written.earlier;
  if (earlier) {
    ops.push(...putBack(earlier.range, before, (c) => c.kind !== 'foreign'));
    // The move took the earlier block's charts away: they come back over its spills.
    const back = renderLiveBlock(plan, earlier.range, { newSheet: false, previous: null, nameDefined: true });
    ops.push(...back.filter((op) => op.op === 'chart'));
  }
  ops.push(...markEarlier(written));
  if (earlier) ops.push({ op: 'show', range: { ...earlier.range, rows: 1, columns: 1 } });
  const record = recordWritten(blockOps);
  const checks: UndoCheck[] = [
    {
      query: { area: footprint, anchors: spillAnchors(at) },
      changed: (now) => {
        const found = foreignCells(classifyArea(footprint, now, footprint, plan, at, { range: footprint, record }));
        // The sheet goes with the undo: anything on it outside the block would go too.
        const used = now.sheetUsed;
        if (used && !(contains(footprint, used) && contains(footprint, { sheet, row: used.row + used.rows - 1, column: used.column + used.columns - 1 }))) {
          found.push({ sheet, row: used.row + used.rows - 1, column: used.column + used.columns - 1 });
        }
        return found;
      },
    },
  ];
  if (earlier) {
    const kept = new Map(before.filter((c) => c.kind === 'foreign').map((c) => [`${c.cell.row},${c.cell.column}`, stateOf(c)]));
    checks.push({
      query: { area: earlier.range, anchors: [] },
      // The move cleared the block's own cells and kept the person's: both must still be so.
      changed: (now) =>
        classifyArea(earlier.range, now, earlier.range, plan, earlier.range, null)
          .filter((c) => kept.get(`${c.cell.row},${c.cell.column}`) !== stateOf(c))
          .map((c) => c.cell),
    });
  }
  return { block: footprint, ops, checks, restored: earlier?.range ?? null };
}

/** The record op among a block's write operations, read back; an empty record when there is none. */
function recordWritten(ops: readonly WriteOp[]): BlockRecord {
  for (const op of ops) if (op.op === 'record' && op.text !== null) return parseRecord(op.text) ?? { contents: new Map(), looks: [] };
  return { contents: new Map(), looks: [] };
}

/** The earlier block's name, record and verdict colours as they were; none of them when there was no block. */
function markEarlier(written: Written): WriteOp[] {
  const ops: WriteOp[] = [];
  const previous = written.previous;
  if (previous) {
    ops.push({ op: 'name', name: BLOCK_NAME, range: previous, defined: true });
    const verdict = { sheet: previous.sheet, row: previous.row + LAYOUT.verdict[0], column: previous.column + LAYOUT.verdict[1], rows: 1, columns: 1 };
    ops.push({ op: 'colourRules', range: verdict, rules: Object.entries(VERDICT_COLOURS).map(([equals, c]) => ({ equals, fill: c.fill, fontColor: c.fontColor })) });
  } else {
    ops.push({ op: 'removeName', name: BLOCK_NAME });
  }
  ops.push({ op: 'record', name: recordName(BLOCK_NAME), text: written.record, defined: true });
  return ops;
}

/**
 * Operations that put back the cells of `area` that `before` lists and `which` picks: looks
 * first (a text format before its text), then contents; a spilled value is not written, its
 * formula spills it again.
 */
function putBack(area: RangeAddress, before: readonly AreaCell[], which: (c: AreaCell) => boolean): WriteOp[] {
  const picked = before.filter(which);
  const ops: WriteOp[] = [];
  for (const c of picked) {
    const look = plainLook(c.look);
    if (Object.keys(look).length > 0) ops.push({ op: 'style', range: { ...c.cell, rows: 1, columns: 1 }, style: look });
  }
  const cells: WriteCell[][] = Array.from({ length: area.rows }, () => Array<WriteCell>(area.columns).fill(null));
  let any = false;
  for (const c of picked) {
    if (c.kind === 'spill' || c.content === null) continue;
    cells[c.cell.row - area.row][c.cell.column - area.column] = c.content;
    any = true;
  }
  if (any) ops.push({ op: 'cells', at: { sheet: area.sheet, row: area.row, column: area.column }, cells });
  return ops;
}

function foreignCells(cells: readonly AreaCell[]): CellAddress[] {
  return cells.filter((c) => c.kind === 'foreign').map((c) => c.cell);
}

function stateOf(c: AreaCell): string {
  return `${String(c.content)}|${JSON.stringify(plainLook(c.look) satisfies CellStyle)}`;
}

export { CellsChangedError };
