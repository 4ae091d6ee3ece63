import { evaluateCase } from '../../src/model';
import { SAMPLE_COSTS, SAMPLE_METRICS, SAMPLE_OWNERSHIP, sampleCase } from '../../src/model/sample';
import { BLOCK_NAME } from '../../src/usecases/block';
import { caseInput } from '../../src/usecases/inputs';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { planTemplate } from '../../src/usecases/template';
import { TEXT_FORMAT } from '../../src/workbook/typed-number';

describe('the template', () => {
  it('adds one sheet and one Excel table per input table, with names nobody uses yet', () => {
    const plan = planTemplate(['Metrics', 'costs'], ['Metrics', 'Readiness']);
    expect(plan.sheets).toEqual(['Metrics (2)', 'Costs (2)', 'Readiness', 'Ownership', 'Assumptions']);
    expect(plan.sources).toEqual({
      Metrics: { kind: 'table', name: 'Metrics2', sheet: 'Metrics (2)' },
      Costs: { kind: 'table', name: 'Costs', sheet: 'Costs (2)' },
      Readiness: { kind: 'table', name: 'Readiness2', sheet: 'Readiness' },
      Ownership: { kind: 'table', name: 'Ownership', sheet: 'Ownership' },
      Assumptions: { kind: 'table', name: 'Assumptions', sheet: 'Assumptions' },
    });
    expect(plan.ops.filter((o) => o.op === 'addSheet')).toHaveLength(5);
    expect(plan.ops.at(-1)).toEqual({ op: 'show', range: { sheet: 'Metrics (2)', row: 0, column: 0, rows: 1, columns: 1 } });
  });

  it('stores pasted text as text and formats the numbers', () => {
    const plan = planTemplate([], []);
    const cells = plan.ops.filter((o) => o.op === 'cells');
    const metrics = cells[0].op === 'cells' ? cells[0] : null;
    expect(metrics?.numberFormats?.[3][1]).toBe(TEXT_FORMAT); // $3.40
    expect(metrics?.numberFormats?.[4][1]).toBe('General'); // 0 h/week
    const costs = cells[1].op === 'cells' ? cells[1] : null;
    expect(costs?.numberFormats?.[1][1]).toBe('$#,##0_);($#,##0)');
    const assumptions = cells[4].op === 'cells' ? cells[4] : null;
    expect(assumptions?.cells[1]).toEqual(['Discount rate', 0.1]);
    expect(assumptions?.numberFormats?.[1][1]).toBe('0%');
  });

  it('reads back as the sample, and evaluates to the sample’s verdict', async () => {
    const book = new MemoryWorkbook({ sheets: ['Notes'] });
    book.setValues({ sheet: 'Notes', row: 0, column: 0 }, [['keep me']]);
    const plan = planTemplate(['Notes'], []);
    await book.write(plan.ops);
    const read = await book.read(plan.sources, BLOCK_NAME);
    expect(read.grids.Metrics?.values).toEqual(SAMPLE_METRICS.map((r) => r.map((c) => c)));
    expect(read.grids.Costs?.values).toEqual(SAMPLE_COSTS);
    expect(read.grids.Ownership?.values).toEqual(SAMPLE_OWNERSHIP);
    expect(book.valueAt({ sheet: 'Notes', row: 0, column: 0 })).toBe('keep me');
    const input = caseInput(read);
    expect(evaluateCase(input).verdict).toBe(evaluateCase(sampleCase()).verdict);
  });
});
