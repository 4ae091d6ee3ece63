import { HyperFormula } from 'hyperformula';
import { PILOT_FUNCTIONS } from '../../src/functions/catalogue';
import { absoluteRangeRef, excelTableRef, renderFormula } from '../../src/workbook/formula';
import type { TableArg } from '../../src/workbook/port';
import { HYPERFORMULA_CONFIG } from '../../src/workbook/hyperformula/workbook';
import { registerPilotFunctions } from '../../src/workbook/hyperformula/pilot-functions';

const omitted = { omitted: true as const };

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

  it('brackets an operation inside another, so (a-b)/c stays (a-b)/c, and nothing else', () => {
    const ref = (column: number) => ({ ref: { sheet: 'S', row: 0, column, rows: 1, columns: 1 } });
    const minus = { call: { fn: '-', args: [ref(0), ref(1)] } };
    expect(renderFormula({ fn: '/', args: [minus, ref(1)] }, excelTableRef, 'S')).toBe('=($A$1-$B$1)/$B$1');
    expect(renderFormula({ fn: 'ABS', args: [minus] }, excelTableRef, 'S')).toBe('=ABS($A$1-$B$1)');
    expect(renderFormula({ fn: '+', args: [ref(0), { call: { fn: 'NPV', args: [{ number: 0.1 }, ref(1)] } }] }, excelTableRef, 'S')).toBe('=$A$1+NPV(0.1,$B$1)');
  });

  it('quotes text, keeps empty slots for omitted arguments in the middle and drops trailing ones', () => {
    const spec = { fn: 'PILOT.VERDICT', args: [metrics, costs, { omitted: true as const }, { text: 'say "hi"' }, { omitted: true as const }] };
    expect(renderFormula(spec, excelTableRef)).toBe("=PILOT.VERDICT(Metrics[#All],'Pasted costs'!$B$3:$F$11,,\"say \"\"hi\"\"\")");
    expect(renderFormula({ fn: 'PILOT.VALUE', args: [{ number: 2.5 }] }, excelTableRef)).toBe('=PILOT.VALUE(2.5)');
  });

  it('writes every required argument of a PILOT function, an absent table as an empty slot, and drops optional ones at the end', () => {
    const assumptions: TableArg = { table: { kind: 'table', name: 'Assumptions', sheet: 'Assumptions' }, range: metrics.range };
    // SPEC §4: PILOT.VERDICT(metrics, costs, readiness, [assumptions], [ownership]).
    expect(renderFormula({ fn: 'PILOT.VERDICT', args: [metrics, metrics, omitted, omitted, omitted] }, excelTableRef)).toBe(
      '=PILOT.VERDICT(Metrics[#All],Metrics[#All],)',
    );
    expect(renderFormula({ fn: 'PILOT.SUMMARY', args: [metrics, metrics, omitted, assumptions, omitted] }, excelTableRef)).toBe(
      '=PILOT.SUMMARY(Metrics[#All],Metrics[#All],,Assumptions[#All])',
    );
    expect(renderFormula({ fn: 'PILOT.NPV', args: [metrics, metrics, omitted] }, excelTableRef)).toBe('=PILOT.NPV(Metrics[#All],Metrics[#All])');
    // A lone empty slot is written as two: `F()` would be a call with no argument at all.
    expect(renderFormula({ fn: 'PILOT.TIMELINE', args: [omitted, omitted] }, excelTableRef)).toBe('=PILOT.TIMELINE(,)');
    // A function outside the catalogue has nothing declared required.
    expect(renderFormula({ fn: 'SUM', args: [metrics, omitted] }, excelTableRef)).toBe('=SUM(Metrics[#All])');
  });

  it('a formula engine takes every PILOT call rendered with all its arguments empty: none is short of arguments', () => {
    registerPilotFunctions(HyperFormula);
    const calls = PILOT_FUNCTIONS.map((fn) => renderFormula({ fn: `PILOT.${fn.id}`, args: fn.params.map(() => omitted) }, absoluteRangeRef));
    // One call per row, with a column of room on the right for the two-cell spill of PILOT.TIMELINE.
    const hf = HyperFormula.buildFromArray(calls.map((formula) => [formula, null]), { ...HYPERFORMULA_CONFIG });
    const messages = calls.map((formula, row) => {
      const value = hf.getCellValue({ sheet: 0, row, col: 0 });
      return `${formula} ${typeof value === 'object' && value !== null && 'message' in value ? value.message : String(value)}`;
    });
    expect(messages.filter((m) => /wrong number of arguments/i.test(m))).toEqual([]);
    expect(messages).toContainEqual(expect.stringMatching(/^=PILOT\.VERDICT\(,,\) /));
    hf.destroy();
  });
});
