/**
 * Snapshot: a values-only copy of the output block on a new sheet, stamped with the time, for
 * people whose Excel lacks the add-in (there the PILOT formulas would read #NAME?). It copies the
 * block's own cells only: its labels, its formulas' values and what they spilled; anything else
 * inside the block's area (a person's note) stays out of the copy.
 */
import { contains, qualifiedA1 } from '../workbook/a1';
import { COLUMN_WIDTHS, LAYOUT, VERDICT_COLOURS, ownOffsets, plannedSpills } from './block';
import { localStamp, uniqueSheetName } from '../workbook/names';
import type { Cell } from '../model/types';
import type { AreaContents, CellAddress, RangeAddress, WriteCell, WriteOp } from '../workbook/port';

/** Rows above the copied block on the snapshot sheet: the stamp, where it came from, a gap. */
const HEADER_ROWS = 3;

/** Excel's error values, as a cell shows them. */
const ERROR_TEXT = /^#(?:N\/A|VALUE!|NUM!|DIV\/0!|REF!|NAME\?|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!|EXTERNAL!)$/;

/** What the copy says in place of the block's note, which speaks of live formulas. */
export const SNAPSHOT_NOTE = 'Values only: this copy does not recalculate.';

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
 * The new sheet's cells: a timestamp line, a note saying where the values came from, then the
 * block's own cells (labels, its formulas' values and their spills) with their number formats,
 * and the verdict cell coloured as it looked (fixed, not a rule). Other cells in the block's area
 * are left out. Error values are copied as their text (#N/A reads the same), and the note says so.
 *
 * @example
 *   const plan = planSnapshot(block, contents, read.sheets, new Date());
 *   await port.write(plan.ops);
 */
export function planSnapshot(block: RangeAddress, contents: AreaContents, sheets: readonly string[], now: Date): SnapshotPlan {
  const extent = blockExtent(block, contents.spills);
  const stamp = localStamp(now);
  const sheet = uniqueSheetName(`Snapshot ${stamp.replace(':', '')}`, sheets);
  const owns = ownership(block, contents);
  const values: WriteCell[][] = [];
  const formats: string[][] = [];
  const errors = new Set<string>();
  for (let r = 0; r < extent.rows; r++) {
    const rowValues: WriteCell[] = [];
    const rowFormats: string[] = [];
    for (let c = 0; c < extent.columns; c++) {
      const at: CellAddress = { sheet: extent.sheet, row: extent.row + r, column: extent.column + c };
      if (!owns(at)) {
        rowValues.push('');
        rowFormats.push('General');
        continue;
      }
      const { value, format } = cellAt(contents, at.row, at.column);
      const isError = typeof value === 'string' && ERROR_TEXT.test(value);
      if (isError) errors.add(value);
      // Text that Excel would take for a formula or an error value is kept as text.
      const asText = typeof value === 'string' && (value.startsWith('=') || isError);
      rowValues.push(value === null ? '' : value);
      rowFormats.push(asText ? '@' : format);
    }
    values.push(rowValues);
    formats.push(rowFormats);
  }
  const [nr, nc] = LAYOUT.note;
  if (nr < values.length && nc < values[nr].length && values[nr][nc] !== '') values[nr][nc] = SNAPSHOT_NOTE;

  const copy: RangeAddress = { sheet, row: HEADER_ROWS, column: 0, rows: extent.rows, columns: extent.columns };
  const errorNote =
    errors.size === 0 ? '' : ` Error values (${[...errors].join(', ')}) are copied as text; in the live block each one's message says why.`;
  const ops: WriteOp[] = [
    { op: 'addSheet', sheet },
    {
      op: 'cells',
      at: { sheet, row: 0, column: 0 },
      cells: [
        [`Pilot Gate snapshot: values as of ${stamp}. No formulas: it reads the same in any Excel.`],
        [`Copied from ${qualifiedA1(extent)}; the live block there recalculates, this copy does not.${errorNote}`],
      ],
    },
    { op: 'style', range: { sheet, row: 0, column: 0, rows: 1, columns: 1 }, style: { bold: true } },
    { op: 'style', range: { sheet, row: 1, column: 0, rows: 1, columns: 1 }, style: { italic: true } },
    { op: 'cells', at: { sheet, row: HEADER_ROWS, column: 0 }, cells: values, numberFormats: formats },
    { op: 'style', range: { sheet, row: HEADER_ROWS, column: 0, rows: 1, columns: 1 }, style: { bold: true } },
  ];
  for (let c = 0; c < extent.columns; c++) {
    const width = c === 0 ? COLUMN_WIDTHS.labels : c === 1 ? COLUMN_WIDTHS.values : COLUMN_WIDTHS.others;
    ops.push({ op: 'columnWidth', sheet, column: c, width });
  }
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

/**
 * Which cells are the block's own as they stand: a label still reading as the block wrote it, a
 * PILOT formula at one of its formula cells, or a cell its formulas spilled into. Where the host
 * cannot report spills, the areas the spills are planned to take inside the block count.
 */
function ownership(block: RangeAddress, contents: AreaContents): (at: CellAddress) => boolean {
  const own = new Map(ownOffsets().map((o) => [`${o.row},${o.column}`, o.text]));
  const spills = contents.spills === null ? plannedSpills(block) : contents.spills.filter((s): s is RangeAddress => s !== null);
  return (at) => {
    const key = `${at.row - block.row},${at.column - block.column}`;
    const text = own.get(key);
    if (text !== undefined) {
      const written = formulaAt(contents, at.row, at.column);
      return text === null ? /^=\s*PILOT\./i.test(String(written ?? '')) : written === text;
    }
    return spills.some((s) => contains(s, at));
  };
}

function formulaAt(contents: AreaContents, row: number, column: number): Cell {
  const used = contents.used;
  if (!used || row < used.row || column < used.column || row >= used.row + used.rows || column >= used.column + used.columns) return null;
  return contents.formulas[row - used.row]?.[column - used.column] ?? null;
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
