import { LAYOUT, ownOffsets } from '../../src/usecases/block';
import type { AreaContents, RangeAddress, WriteOp } from '../../src/workbook/port';
import { SNAPSHOT_NOTE, blockExtent, planSnapshot, snapshotArea, spillAnchorsOf } from '../../src/usecases/snapshot-plan';

const BLOCK: RangeAddress = { sheet: 'Pilot Gate', row: 2, column: 1, rows: 20, columns: 5 };

/** The label the block writes at an offset. */
function label(row: number, column: number): string {
  const own = ownOffsets().find((o) => o.row === row && o.column === column && o.text !== null);
  if (!own?.text) throw new Error(`no label at ${row},${column}`);
  return own.text;
}

type Put = { value: string | number; formula?: string; format?: string };

/** What inspect reports for the block's area: `cells` by offset from the block's top-left. */
function contentsOf(cells: Record<string, Put>, spills: AreaContents['spills']): AreaContents {
  const used: RangeAddress = { ...BLOCK };
  const grid = <T>(pick: (put: Put | undefined) => T): T[][] =>
    Array.from({ length: used.rows }, (_, r) => Array.from({ length: used.columns }, (_, c) => pick(cells[`${r},${c}`])));
  return {
    used,
    values: grid((p) => p?.value ?? null),
    formulas: grid((p) => p?.formula ?? p?.value ?? null),
    numberFormats: grid((p) => p?.format ?? 'General'),
    spills,
  };
}

function copyOf(ops: WriteOp[]): Extract<WriteOp, { op: 'cells' }> {
  const cells = ops.filter((o): o is Extract<WriteOp, { op: 'cells' }> => o.op === 'cells');
  return cells[1];
}

function noteLine(ops: WriteOp[]): string {
  const first = ops.find((o): o is Extract<WriteOp, { op: 'cells' }> => o.op === 'cells');
  return String(first?.cells[1][0]);
}

const at = ([r, c]: readonly [number, number]): string => `${r},${c}`;
const NOW = new Date(2025, 4, 1, 14, 30);

describe('snapshot', () => {
  it('reads from the block down to the sheet’s end, in its columns and room for grown cash flows', () => {
    expect(snapshotArea(BLOCK, 1_048_576)).toEqual({ ...BLOCK, rows: 1_048_574, columns: 115 });
    expect(spillAnchorsOf(BLOCK)[3]).toEqual({ sheet: 'Pilot Gate', row: 2 + LAYOUT.reasons[0], column: 1 + LAYOUT.reasons[1] });
  });

  it('reaches as far as the block’s spills do now', () => {
    const longer = { sheet: 'Pilot Gate', row: 17, column: 4, rows: 12, columns: 1 };
    expect(blockExtent(BLOCK, [null, null, null, longer])).toEqual({ ...BLOCK, rows: 27 });
    expect(blockExtent(BLOCK, null)).toEqual(BLOCK);
  });

  it('writes values and formats, the verdict coloured as it was, under a timestamp', () => {
    const contents = contentsOf(
      {
        '0,0': { value: label(0, 0) },
        '1,0': { value: label(1, 0) },
        [at(LAYOUT.verdict)]: { value: 'KILL', formula: '=PILOT.VERDICT(Metrics[#All],Costs[#All],)' },
        '2,0': { value: label(2, 0) },
        [at(LAYOUT.thresholds.adoption)]: { value: 0.25, formula: '=PILOT.THRESHOLD(Metrics[#All],Costs[#All],"adoption")', format: '0.0%' },
      },
      null,
    );
    const plan = planSnapshot(BLOCK, contents, ['Snapshot 2025-05-01 1430'], NOW);
    expect(plan.sheet).toBe('Snapshot 2025-05-01 1430 (2)');
    expect(plan.copy).toEqual({ sheet: plan.sheet, row: 3, column: 0, rows: 20, columns: 5 });
    const stamp = plan.ops.find((o) => o.op === 'cells');
    expect(stamp?.op === 'cells' && stamp.cells[0][0]).toBe('Pilot Gate snapshot: values as of 2025-05-01 14:30. No formulas: it reads the same in any Excel.');
    expect(noteLine(plan.ops)).toBe("Copied from 'Pilot Gate'!B3:F22; the live block there recalculates, this copy does not.");
    const copy = copyOf(plan.ops);
    expect(copy.cells[1].slice(0, 2)).toEqual(['Verdict', 'KILL']);
    expect(copy.cells[2][1]).toBe(0.25);
    expect(copy.numberFormats?.[2][1]).toBe('0.0%');
    expect(copy.cells.flat().some((c) => typeof c === 'string' && c.startsWith('=PILOT'))).toBe(false);
    expect(plan.ops).toContainEqual({
      op: 'style',
      range: { sheet: plan.sheet, row: 4, column: 1, rows: 1, columns: 1 },
      style: { bold: true, fill: '#FFC7CE', fontColor: '#9C0006' },
    });
  });

  it('copies only the block’s own cells: not a person’s note in its area, nor a label a person rewrote', () => {
    const [rr, rc] = LAYOUT.reasons;
    const contents = contentsOf(
      {
        [at(LAYOUT.verdict)]: { value: 'NOT READY', formula: '=PILOT.VERDICT(Metrics[#All],Costs[#All],Readiness[#All])' },
        // A person's note beside the adoption threshold, and their own words over a label.
        [`${LAYOUT.thresholds.adoption[0]},2`]: { value: 'my note' },
        '3,0': { value: 'Volume (my words)' },
        // A person's figure where a formula of the block would be.
        [at(LAYOUT.thresholds.cost)]: { value: 42 },
        [at(LAYOUT.reasons)]: { value: 'first reason', formula: '=PILOT.REASONS(Metrics[#All],Costs[#All],Readiness[#All])' },
        [`${rr + 1},${rc}`]: { value: 'second reason' },
        // Below the reasons' spill, still inside the block's area.
        [`${rr + 3},${rc}`]: { value: 'my list' },
      },
      [null, null, null, { sheet: BLOCK.sheet, row: BLOCK.row + rr, column: BLOCK.column + rc, rows: 2, columns: 1 }],
    );
    const copy = copyOf(planSnapshot(BLOCK, contents, [], NOW).ops);
    const copied = copy.cells.flatMap((row, r) => row.map((cell, c) => (cell === '' ? '' : `${r},${c}=${cell}`))).filter(Boolean);
    expect(copied).toEqual([`${at(LAYOUT.verdict)}=NOT READY`, `${rr},${rc}=first reason`, `${rr + 1},${rc}=second reason`]);
  });

  it('where the host cannot report spills, takes the areas the spills are planned to cover inside the block', () => {
    const [sr, sc] = LAYOUT.summary;
    const contents = contentsOf(
      {
        [at(LAYOUT.summary)]: { value: 'Figure', formula: '=PILOT.SUMMARY(Metrics[#All],Costs[#All],)' },
        [`${sr + 1},${sc + 1}`]: { value: 'NOT READY' },
        [`${sr + 2},${sc + 1}`]: { value: 1475525.91, format: '$#,##0.00;-$#,##0.00' },
        [`${sr + 2},${sc + 2}`]: { value: 'my note' },
      },
      null,
    );
    const copy = copyOf(planSnapshot(BLOCK, contents, [], NOW).ops);
    expect(copy.cells[sr + 2].slice(sc, sc + 3)).toEqual(['', 1475525.91, '']);
    expect(copy.numberFormats?.[sr + 2][sc + 1]).toBe('$#,##0.00;-$#,##0.00');
    expect(copy.cells[sr + 1][sc + 1]).toBe('NOT READY');
  });

  it('copies error values as their text and says so in the note line; the block’s note speaks of the copy', () => {
    const contents = contentsOf(
      {
        '0,0': { value: label(0, 0) },
        [at(LAYOUT.note)]: { value: label(...LAYOUT.note) },
        [at(LAYOUT.thresholds.adoption)]: { value: '#N/A', formula: '=PILOT.THRESHOLD(Metrics[#All],Costs[#All],"adoption")', format: '0.0%' },
        [at(LAYOUT.thresholds.realization)]: { value: '#N/A', formula: '=PILOT.THRESHOLD(Metrics[#All],Costs[#All],"realization")' },
        [at(LAYOUT.thresholds.volume)]: { value: '#NUM!', formula: '=PILOT.THRESHOLD(Metrics[#All],Costs[#All],"volume")' },
      },
      [null, null, null, null],
    );
    const plan = planSnapshot(BLOCK, contents, [], NOW);
    const copy = copyOf(plan.ops);
    const [ar, ac] = LAYOUT.thresholds.adoption;
    expect(copy.cells[ar][ac]).toBe('#N/A');
    // Formatted as text, so Excel keeps the characters rather than making an error value of them.
    expect(copy.numberFormats?.[ar][ac]).toBe('@');
    expect(noteLine(plan.ops)).toBe(
      "Copied from 'Pilot Gate'!B3:F22; the live block there recalculates, this copy does not. Error values (#N/A, #NUM!) are copied as text; in the live block each one's message says why.",
    );
    expect(copy.cells[LAYOUT.note[0]][LAYOUT.note[1]]).toBe(SNAPSHOT_NOTE);
  });

  it('sets every copied column wide enough for its figures', () => {
    const plan = planSnapshot(BLOCK, contentsOf({}, null), [], NOW);
    const widths = plan.ops.filter((o) => o.op === 'columnWidth').map((o) => (o.op === 'columnWidth' ? `${o.column}=${o.width}` : ''));
    expect(widths).toEqual(['0=230', '1=110', '2=100', '3=100', '4=100']);
  });
});
