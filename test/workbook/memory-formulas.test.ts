/**
 * The in-memory workbook's PILOT formulas, run by the add-in's own runner: what the output
 * block's calls give there is what Excel with the add-in shows (SPEC §4, §7).
 */
import { evaluateCase, sampleCase } from '../../src/model';
import { SAMPLE_COSTS, SAMPLE_METRICS } from '../../src/model/sample';
import type { Grid } from '../../src/model/types';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { pilotFormulas } from '../../src/workbook/memory-formulas';

function bookWithSample(): MemoryWorkbook {
  const book = new MemoryWorkbook({ sheets: ['Metrics', 'Costs data', 'Out'], calculate: pilotFormulas() });
  // Template-style: input cells hold text as typed ('$3.40' stays text).
  const asText = (sheet: string, grid: Grid) => {
    book.write([
      {
        op: 'cells',
        at: { sheet, row: 0, column: 0 },
        cells: grid.map((row) => row.map((cell) => (cell === null ? '' : cell))),
        numberFormats: grid.map((row) => row.map(() => '@')),
      },
    ]);
  };
  asText('Metrics', SAMPLE_METRICS);
  asText('Costs data', SAMPLE_COSTS);
  book.addTable('Metrics', { sheet: 'Metrics', row: 0, column: 0, rows: SAMPLE_METRICS.length, columns: SAMPLE_METRICS[0].length });
  return book;
}

const OUT = (row: number, column = 0) => ({ sheet: 'Out', row, column });

describe('PILOT formulas in the in-memory workbook', () => {
  it('computes SPEC §4’s =PILOT.VALUE("2 h","min") as 120 and quoted text with its quotes', () => {
    const book = bookWithSample();
    book.setValues(OUT(0), [['=PILOT.VALUE("2 h","min")'], ['=PILOT.VALUE("(500)")']]);
    expect(book.valueAt(OUT(0))).toBeCloseTo(120, 12);
    expect(book.valueAt(OUT(1))).toBe(-500);
  });

  it('reads a table by its structured reference and a plain range by its address, quoted sheet names included', () => {
    const book = bookWithSample();
    const costs = `'Costs data'!$A$1:$E$${SAMPLE_COSTS.length}`;
    book.setValues(OUT(0), [[`=PILOT.NPV(Metrics[#All],${costs})`]]);
    // SPEC §7: NPV 1,475,525.91 with the default assumptions and no readiness table.
    expect(book.valueAt(OUT(0)) as number).toBeCloseTo(evaluateCase({ metrics: sampleCase().metrics, costs: sampleCase().costs }).npv, 6);
    expect(book.valueAt(OUT(0)) as number).toBeCloseTo(1475525.91, 2);
  });

  it('spills a table result, and writes an empty slot as an omitted argument', () => {
    const book = bookWithSample();
    book.setValues(OUT(0), [['=PILOT.TIMELINE(,)']]);
    expect([book.valueAt(OUT(0)), book.valueAt(OUT(0, 1))]).toEqual([4, 6]);
  });

  it('hands PILOT.REASONS the address of a header-row argument, so its sentences name sheet cells; none given, table rows', () => {
    const book = bookWithSample();
    const costs = `'Costs data'!$A$1:$E$${SAMPLE_COSTS.length}`;
    book.setValues(OUT(0), [[`=PILOT.REASONS(Metrics[#All],${costs},,,,Metrics[#Headers],'Costs data'!$A$1:$E$1)`]]);
    book.setValues(OUT(0, 2), [[`=PILOT.REASONS(Metrics[#All],${costs})`]]);
    const column = (c: number) => Array.from({ length: 12 }, (_, r) => book.valueAt(OUT(r, c))).filter((v) => typeof v === 'string').join(' ');
    expect(column(0)).toContain('Metrics row 3 "Error rate" (Metrics!D3): the pilot closed 97.3% of the gap');
    expect(column(0)).toContain('Costs row 7 "Operations and support" (\'Costs data\'!A7) is 8.00× its pilot line.');
    expect(column(2)).toContain('Metrics row 3 "Error rate": the pilot closed 97.3% of the gap');
    expect(column(2)).not.toContain('(Metrics!');
  });

  it('shows an error code where the call fails, and #NAME? for what is not a PILOT call', () => {
    const book = bookWithSample();
    book.setValues(OUT(0), [['=PILOT.VALUE("N/A")'], ['=SUM(1,2)'], ['=PILOT.NPV(Nowhere[#All],Metrics[#All])']]);
    expect([book.valueAt(OUT(0)), book.valueAt(OUT(1)), book.valueAt(OUT(2))]).toEqual(['#VALUE!', '#NAME?', '#VALUE!']);
  });
});
