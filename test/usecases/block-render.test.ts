/**
 * One plan, two renderers: the block written as live PILOT formulas and computed by a formula
 * engine (HyperFormula with the PILOT functions, as in the workbench) shows, cell for cell, the
 * values the values renderer writes from the same plan.
 */
import { DETAIL_ROWS, LAYOUT, planBlock } from '../../src/usecases/block';
import { renderBlockValues } from '../../src/usecases/block-render';
import { assess, blockInputs, evaluate } from '../../src/usecases/evaluate';
import { insertTemplate } from '../../src/usecases/tables';
import { HyperFormulaWorkbook } from '../../src/workbook/hyperformula/workbook';
import type { InputSources, WriteOp } from '../../src/workbook/port';
import { evaluateCase, sampleCase, type CaseInput, type Grid, type TableName } from '../../src/model';
import { readyCase, withRun } from '../support/cases';

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
    // The headline (verdict, NPV, ROI, payback, expansion, the timeline, IRR), the actions
    // with their header (3 columns), four thresholds, the discount rate, 5 × 5 cash flows, the
    // details, every reason, six reconciliation cells, and the cost lines (5 columns: header, each line, the total).
    const { actions, reasons, costs } = assessed.result;
    expect(compared).toBe(1 + 1 + 3 + 1 + 1 + 3 * (1 + actions.length) + 4 + 1 + 25 + DETAIL_ROWS.length + reasons.length + 6 + 5 * (2 + costs.length));
    expect(values[LAYOUT.verdict[0]][LAYOUT.verdict[1]]).toBe('NOT READY');
  });
});

/** A case's tables as Excel tables on their own sheets of a new HyperFormula workbook. */
async function bookOf(input: CaseInput): Promise<{ book: HyperFormulaWorkbook; sources: InputSources }> {
  const tables: [TableName, Grid | undefined][] = [
    ['Metrics', input.metrics],
    ['Costs', input.costs],
    ['Readiness', input.readiness],
    ['Assumptions', input.assumptions],
  ];
  const book = new HyperFormulaWorkbook({ sheets: tables.filter(([, g]) => g).map(([name]) => name) });
  const sources: InputSources = {};
  for (const [name, grid] of tables) {
    if (!grid) continue;
    const range = { sheet: name, row: 0, column: 0, rows: grid.length, columns: grid[0].length };
    await book.write([
      { op: 'cells', at: range, cells: grid.map((row) => [...row]), numberFormats: grid.map((row) => row.map((c) => (typeof c === 'string' ? '@' : 'General'))) },
      { op: 'table', name, range },
    ]);
    sources[name] = { kind: 'table', name, sheet: name };
  }
  return { book, sources };
}

describe('the reconciliation a CFO can audit, in a formula engine', () => {
  it.each([
    ['the sample of SPEC §7 (NOT READY)', sampleCase()],
    ['the ready case (SCALE)', readyCase()],
    ['Operations at $800,000 a year (PIVOT)', withRun(readyCase(), 800000)],
    ['Operations at $2,000,000 a year (KILL)', withRun(readyCase(), 2000000)],
  ])('puts Excel’s own NPV and IRR on the spilled Net row beside PILOT’s, and they agree: %s', async (_, input) => {
    const { book, sources } = await bookOf(input);
    const outcome = await evaluate(book, sources);
    if (outcome.kind !== 'written') throw new Error(`expected the block written, got ${outcome.kind}`);
    const shown = ([r, c]: readonly [number, number]) => book.shown({ sheet: outcome.block.sheet, row: r, column: c });
    const result = evaluateCase(input);
    // HyperFormula's own NPV over the Net row the block spills, at the Discount rate it shows.
    expect(shown(LAYOUT.excelNpv).formula).toBe('=$H$13+NPV($G$9,$I$13:$K$13)');
    expect(shown(LAYOUT.excelNpv).value as number).toBeCloseTo(result.npv, 2);
    expect(shown(LAYOUT.npv).value as number).toBeCloseTo(result.npv, 6);
    expect(shown(LAYOUT.npvCheck).value).toBe('agrees');
    if (result.irr === null) {
      expect(shown(LAYOUT.irr).value).toBe('none');
    } else {
      expect(shown(LAYOUT.excelIrr).value as number).toBeCloseTo(result.irr, 6);
      expect(shown(LAYOUT.irrCheck).value).toBe('agrees');
      expect(shown(LAYOUT.irrRoot).value).toBe(0);
      expect(shown(LAYOUT.rootCheck).value).toBe('agrees');
    }
    // A changed Discount rate follows: the check still agrees at 25%.
    const rateRow = input.assumptions!.findIndex((row) => row[0] === 'Discount rate');
    book.enter({ sheet: 'Assumptions', row: rateRow, column: 1 }, '0.25');
    expect(shown(LAYOUT.discountRate).value).toBe(0.25);
    expect(shown(LAYOUT.npvCheck).value).toBe('agrees');
    expect(shown(LAYOUT.excelNpv).value as number).not.toBeCloseTo(result.npv, 0);
  });
});
