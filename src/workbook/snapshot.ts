/**
 * Snapshot: a values-only copy of the output block on a new sheet, stamped with the time, for
 * people whose Excel lacks the add-in (there the PILOT formulas would read #NAME?).
 */
import { qualifiedA1 } from './a1';
import { LAYOUT, VERDICT_COLOURS } from './block';
import { localStamp, uniqueSheetName } from './names';
import type { AreaContents, CellAddress, RangeAddress, WriteCell, WriteOp } from './port';

/** Rows above the copied block on the snapshot sheet: the stamp, where it came from, a gap. */
const HEADER_ROWS = 3;

/**
 * The area to inspect for a snapshot of the block at `block`: its columns (and room for the
 * cash flows to have grown) from its top row to the sheet's end. Only the used part is read.
 *
 * @example
 *   port.inspect(snapshotArea(block, 1_048_576), spillAnchorsOf(block))
 */
export function snapshotArea(block: RangeAddress, sheetRows: number, extraColumns = 110): RangeAddress {
  return { ...block, rows: sheetRows - block.row, columns: block.columns + extraColumns };
}

/**
 * The block's spilling formula cells, found from its top-left (they sit at fixed offsets).
 *
 * @example
 *   spillAnchorsOf({ sheet: 'Pilot Gate', row: 0, column: 0, rows: 30, columns: 5 })[0] // the timeline cell, B7
 */
export function spillAnchorsOf(block: CellAddress): CellAddress[] {
  return [LAYOUT.timeline, LAYOUT.cashflows, LAYOUT.summary, LAYOUT.reasons].map(([r, c]) => ({
    sheet: block.sheet,
    row: block.row + r,
    column: block.column + c,
  }));
}

/**
 * How far the block reaches now: its named footprint joined with its formulas' spills.
 *
 * @example
 *   blockExtent(block, contents.spills)
 */
export function blockExtent(block: RangeAddress, spills: (RangeAddress | null)[] | null): RangeAddress {
  let bottom = block.row + block.rows;
  let right = block.column + block.columns;
  for (const s of spills ?? []) {
    if (!s) continue;
    bottom = Math.max(bottom, s.row + s.rows);
    right = Math.max(right, s.column + s.columns);
  }
  return { ...block, rows: bottom - block.row, columns: right - block.column };
}

export interface SnapshotPlan {
  sheet: string;
  ops: WriteOp[];
  /** The copied block on the snapshot sheet. */
  copy: RangeAddress;
}

/**
 * The new sheet's cells: a timestamp line, the source address, then the block's values with
 * their number formats, and the verdict cell coloured as it looked (fixed, not a rule).
 *
 * @example
 *   const plan = planSnapshot(block, contents, read.sheets, new Date());
 *   await port.write(plan.ops);
 */
export function planSnapshot(block: RangeAddress, contents: AreaContents, sheets: readonly string[], now: Date): SnapshotPlan {
  const extent = blockExtent(block, contents.spills);
  const stamp = localStamp(now);
  const sheet = uniqueSheetName(`Snapshot ${stamp.replace(':', '')}`, sheets);
  const values: WriteCell[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < extent.rows; r++) {
    const rowValues: WriteCell[] = [];
    const rowFormats: string[] = [];
    for (let c = 0; c < extent.columns; c++) {
      const { value, format } = cellAt(contents, extent.row + r, extent.column + c);
      // Text that Excel would take for a formula is kept as text.
      const asText = typeof value === 'string' && value.startsWith('=');
      rowValues.push(value === null ? '' : value);
      rowFormats.push(asText ? '@' : format);
    }
    values.push(rowValues);
    formats.push(rowFormats);
  }
  const copy: RangeAddress = { sheet, row: HEADER_ROWS, column: 0, rows: extent.rows, columns: extent.columns };
  const ops: WriteOp[] = [
    { op: 'addSheet', sheet },
    {
      op: 'cells',
      at: { sheet, row: 0, column: 0 },
      cells: [
        [`Pilot Gate snapshot: values as of ${stamp}. No formulas: it reads the same in any Excel.`],
        [`Copied from ${qualifiedA1(extent)}; the live block there recalculates, this copy does not.`],
      ],
    },
    { op: 'style', range: { sheet, row: 0, column: 0, rows: 1, columns: 1 }, style: { bold: true } },
    { op: 'style', range: { sheet, row: 1, column: 0, rows: 1, columns: 1 }, style: { italic: true } },
    { op: 'cells', at: { sheet, row: HEADER_ROWS, column: 0 }, cells: values, numberFormats: formats },
    { op: 'style', range: { sheet, row: HEADER_ROWS, column: 0, rows: 1, columns: 1 }, style: { bold: true } },
    { op: 'columnWidth', sheet, column: 0, width: 230 },
    { op: 'columnWidth', sheet, column: 1, width: 110 },
  ];
  const [vr, vc] = LAYOUT.verdict;
  const verdict = vr < extent.rows && vc < extent.columns ? values[vr][vc] : null;
  const colours = typeof verdict === 'string' ? VERDICT_COLOURS[verdict] : undefined;
  if (colours) {
    ops.push({
      op: 'style',
      range: { sheet, row: HEADER_ROWS + vr, column: vc, rows: 1, columns: 1 },
      style: { bold: true, fill: colours.fill, fontColor: colours.fontColor },
    });
  }
  ops.push({ op: 'show', range: { sheet, row: 0, column: 0, rows: 1, columns: 1 } });
  return { sheet, ops, copy };
}

function cellAt(contents: AreaContents, row: number, column: number): { value: string | number | boolean | null; format: string } {
  const used = contents.used;
  if (!used || row < used.row || column < used.column || row >= used.row + used.rows || column >= used.column + used.columns) {
    return { value: null, format: 'General' };
  }
  const r = row - used.row;
  const c = column - used.column;
  return { value: contents.values[r]?.[c] ?? null, format: contents.numberFormats[r]?.[c] ?? 'General' };
}
