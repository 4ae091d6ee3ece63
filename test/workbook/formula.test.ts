import { absoluteRangeRef, excelTableRef, renderFormula } from '../../src/workbook/formula';
import type { TableArg } from '../../src/workbook/port';

const metrics: TableArg = {
  table: { kind: 'table', name: 'Metrics', sheet: 'Metrics' },
  range: { sheet: 'Metrics', row: 0, column: 0, rows: 5, columns: 9 },
};
const costs: TableArg = {
  table: { kind: 'range', header: { sheet: 'Pasted costs', row: 2, column: 1, rows: 1, columns: 5 } },
  range: { sheet: 'Pasted costs', row: 2, column: 1, rows: 9, columns: 5 },
};

describe('formulas rendered by the host', () => {
  it('Excel refers to a table with its header row and to a range by its absolute address', () => {
    expect(renderFormula({ fn: 'PILOT.NPV', args: [metrics, costs] }, excelTableRef)).toBe(
      "=PILOT.NPV(Metrics[#All],'Pasted costs'!$B$3:$F$11)",
    );
  });

  it('a host without tables refers to every table by its address', () => {
    expect(renderFormula({ fn: 'PILOT.NPV', args: [metrics, costs] }, absoluteRangeRef)).toBe(
      "=PILOT.NPV(Metrics!$A$1:$I$5,'Pasted costs'!$B$3:$F$11)",
    );
  });

  it('quotes text, keeps empty slots for omitted arguments in the middle and drops trailing ones', () => {
    const spec = { fn: 'PILOT.VERDICT', args: [metrics, costs, { omitted: true as const }, { text: 'say "hi"' }, { omitted: true as const }] };
    expect(renderFormula(spec, excelTableRef)).toBe("=PILOT.VERDICT(Metrics[#All],'Pasted costs'!$B$3:$F$11,,\"say \"\"hi\"\"\")");
    expect(renderFormula({ fn: 'PILOT.VALUE', args: [{ number: 2.5 }] }, excelTableRef)).toBe('=PILOT.VALUE(2.5)');
  });
});
