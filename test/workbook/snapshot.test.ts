import { LAYOUT } from '../../src/workbook/block';
import type { AreaContents, RangeAddress } from '../../src/workbook/port';
import { blockExtent, planSnapshot, snapshotArea, spillAnchorsOf } from '../../src/workbook/snapshot';

const BLOCK: RangeAddress = { sheet: 'Pilot Gate', row: 2, column: 1, rows: 20, columns: 5 };

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
    const used: RangeAddress = { sheet: 'Pilot Gate', row: 2, column: 1, rows: 3, columns: 2 };
    const contents: AreaContents = {
      used,
      values: [['Pilot Gate', 'note'], ['Verdict', 'KILL'], ['Adoption', 0.25]],
      formulas: [['Pilot Gate', 'note'], ['Verdict', '=PILOT.VERDICT()'], ['Adoption', '=PILOT.THRESHOLD()']],
      numberFormats: [['General', 'General'], ['General', 'General'], ['General', '0.0%']],
      spills: null,
    };
    const plan = planSnapshot(BLOCK, contents, ['Snapshot 2025-05-01 1430'], new Date(2025, 4, 1, 14, 30));
    expect(plan.sheet).toBe('Snapshot 2025-05-01 1430 (2)');
    expect(plan.copy).toEqual({ sheet: plan.sheet, row: 3, column: 0, rows: 20, columns: 5 });
    const cells = plan.ops.filter((o) => o.op === 'cells');
    const stamp = cells[0].op === 'cells' ? cells[0].cells[0][0] : null;
    expect(stamp).toBe('Pilot Gate snapshot: values as of 2025-05-01 14:30. No formulas: it reads the same in any Excel.');
    const copy = cells[1].op === 'cells' ? cells[1] : null;
    expect(copy?.cells[1].slice(0, 2)).toEqual(['Verdict', 'KILL']);
    expect(copy?.cells[2][1]).toBe(0.25);
    expect(copy?.numberFormats?.[2][1]).toBe('0.0%');
    expect(copy?.cells.flat().some((c) => typeof c === 'string' && c.startsWith('=PILOT'))).toBe(false);
    expect(plan.ops).toContainEqual({
      op: 'style',
      range: { sheet: plan.sheet, row: 4, column: 1, rows: 1, columns: 1 },
      style: { bold: true, fill: '#FFC7CE', fontColor: '#9C0006' },
    });
  });
});
