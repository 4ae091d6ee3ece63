/**
 * One plan, two renderers: the block written as live PILOT formulas and computed by a formula
 * engine (HyperFormula with the PILOT functions, as in the workbench) shows, cell for cell, the
 * values the values renderer writes from the same plan.
 */
import { LAYOUT, planBlock } from '../../src/usecases/block';
import { renderBlockValues } from '../../src/usecases/block-render';
import { assess, blockInputs, evaluate } from '../../src/usecases/evaluate';
import { insertTemplate } from '../../src/usecases/tables';
import { HyperFormulaWorkbook } from '../../src/workbook/hyperformula/workbook';
import type { WriteOp } from '../../src/workbook/port';

describe('the block as live formulas and as values', () => {
  it('shows the same figures either way, spills included (the sample of SPEC §7)', async () => {
    const book = new HyperFormulaWorkbook({ sheets: ['Start'] });
    const { sources } = await insertTemplate(book);
    const evaluation = await evaluate(book, sources);
    if (evaluation.kind !== 'written') throw new Error(`expected the block written, got ${evaluation.kind}`);
    const assessed = await assess(book, sources);
    if (assessed.kind !== 'evaluated') throw new Error('expected the case evaluated');
    const plan = planBlock(blockInputs(assessed.read), assessed.result);
    const at = { sheet: 'Copy', row: 0, column: 0 };
    const { ops } = renderBlockValues(plan, at, 'values');
    const values = ops.find((o): o is Extract<WriteOp, { op: 'cells' }> => o.op === 'cells')!.cells;

    let compared = 0;
    for (const figure of plan.figures) {
      const height = figure.outcome.ok && Array.isArray(figure.outcome.value) ? figure.outcome.value.length : 1;
      const width = figure.outcome.ok && Array.isArray(figure.outcome.value) ? figure.outcome.value[0].length : 1;
      for (let r = 0; r < height; r++) {
        for (let c = 0; c < width; c++) {
          const shown = book.shown({ sheet: evaluation.block.sheet, row: figure.row + r, column: figure.column + c });
          const written = values[figure.row + r][figure.column + c];
          const live = shown.error ? shown.error.code : shown.value;
          if (typeof live === 'number') expect(written as number).toBeCloseTo(live, 9);
          else expect([figure.name, r, c, written]).toEqual([figure.name, r, c, live]);
          compared++;
        }
      }
    }
    // Verdict, four thresholds, the timeline pair, 5 × 5 cash flows, 31 × 2 summary and every reason.
    expect(compared).toBe(1 + 4 + 2 + 25 + 62 + assessed.result.reasons.length);
    expect(values[LAYOUT.verdict[0]][LAYOUT.verdict[1]]).toBe('NOT READY');
  });
});
