/**
 * Evaluate on a workbook whose formulas a real formula engine computes (HyperFormula with the
 * PILOT functions, as in the workbench): the block must be a set of calls Excel accepts, whatever
 * tables the person chose.
 */
import { assess, evaluate } from '../../src/usecases/evaluate';
import { findTables, insertTemplate } from '../../src/usecases/tables';
import { evaluateCase } from '../../src/model';
import { SAMPLE_COSTS, SAMPLE_METRICS } from '../../src/model/sample';
import { CHART_PLACES, LAYOUT } from '../../src/usecases/block';
import type { RangeAddress } from '../../src/workbook/port';
import { HyperFormulaWorkbook } from '../../src/workbook/hyperformula/workbook';

/** Every cell of `range` whose value is an error, as `row,column code message`. */
function errorsIn(book: HyperFormulaWorkbook, range: RangeAddress): string[] {
  const found: string[] = [];
  for (let r = 0; r < range.rows; r++) {
    for (let c = 0; c < range.columns; c++) {
      const shown = book.shown({ sheet: range.sheet, row: range.row + r, column: range.column + c });
      if (shown.error) found.push(`${r},${c} ${shown.error.code} ${shown.error.message}`);
    }
  }
  return found;
}

describe('evaluate with only the required tables', () => {
  it('writes calls that take every required argument: with no Readiness table, every gate reads "not assessed"', async () => {
    // Metrics and Costs pasted as plain ranges: Find tables finds those two and nothing else.
    const book = new HyperFormulaWorkbook({ sheets: ['Pasted'] });
    await book.write([
      { op: 'cells', at: { sheet: 'Pasted', row: 0, column: 0 }, cells: SAMPLE_METRICS },
      { op: 'cells', at: { sheet: 'Pasted', row: SAMPLE_METRICS.length + 2, column: 0 }, cells: SAMPLE_COSTS },
    ]);
    const { sources } = await findTables(book);
    expect(Object.keys(sources).sort()).toEqual(['Costs', 'Metrics']);

    const outcome = await evaluate(book, sources);
    if (outcome.kind !== 'written') throw new Error(`expected the block written, got ${outcome.kind}`);
    const expected = evaluateCase({ metrics: SAMPLE_METRICS, costs: SAMPLE_COSTS });
    const verdict = book.shown({ sheet: outcome.block.sheet, row: LAYOUT.verdict[0], column: LAYOUT.verdict[1] });
    // No slot left empty (SPEC §4): the Readiness table not chosen is "".
    expect(verdict.formula).toBe('=PILOT.VERDICT(IF(ISBLANK(Pasted!$A$1:$I$5),"",Pasted!$A$1:$I$5),IF(ISBLANK(Pasted!$A$8:$E$16),"",Pasted!$A$8:$E$16),"")');
    expect(verdict.value).toBe(expected.verdict);
    expect(outcome.result.verdict).toBe(expected.verdict);
    const timeline = book.shown({ sheet: outcome.block.sheet, row: LAYOUT.timeline[0], column: LAYOUT.timeline[1] });
    expect(timeline.formula).toBe('=CONCATENATE(INDEX(PILOT.TIMELINE(""),1,1),"–",INDEX(PILOT.TIMELINE(""),1,2)," months")');
    expect(timeline.value).toBe(`${expected.timeline.low}–${expected.timeline.high} months`);
    const firstReason = book.shown({ sheet: outcome.block.sheet, row: LAYOUT.reasons[0], column: LAYOUT.reasons[1] });
    expect(firstReason.value).toBe(expected.reasons[0]);
    expect(firstReason.value).toMatch(/blocks production: not assessed/);
    // The only errors are the figures SPEC §3.5 says no input reaches ("never"), none "Wrong number of arguments".
    expect(errorsIn(book, outcome.block).filter((e) => !/^\d+,\d+ #N\/A never:/.test(e))).toEqual([]);
  });
});

describe('the area evaluate checks for other people’s cells', () => {
  it('reaches the last row of the reasons’ spill, and the area under the charts', async () => {
    const book = new HyperFormulaWorkbook({ sheets: ['Pilot Gate'] });
    const { sources } = await insertTemplate(book);
    const assessed = await assess(book, sources);
    if (assessed.kind !== 'evaluated') throw new Error('expected the case evaluated');
    const lastReason = LAYOUT.reasons[0] + assessed.result.reasons.length - 1;
    const [chartRow, chartColumn] = CHART_PLACES.expansion;
    await book.write([
      { op: 'cells', at: { sheet: 'Pilot Gate', row: lastReason, column: 0 }, cells: [['my note']] },
      { op: 'cells', at: { sheet: 'Pilot Gate', row: chartRow, column: chartColumn + 4 }, cells: [['under a chart']] },
    ]);
    const outcome = await evaluate(book, sources);
    expect(outcome.kind).toBe('conflict');
    expect(outcome.kind === 'conflict' && outcome.conflicts).toEqual([
      { sheet: 'Pilot Gate', row: chartRow, column: chartColumn + 4 },
      { sheet: 'Pilot Gate', row: lastReason, column: 0 },
    ]);
  });
});
