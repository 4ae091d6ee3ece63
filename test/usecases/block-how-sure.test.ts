/**
 * The block's How sure section (SPEC §3.10): PILOT.SIMULATE beside the thresholds when the case
 * has ranges, absent when it has none; its figures, formats and values as the live block, the
 * values-only copy and the workbench's HyperFormula give them. Figures are pinned to the guide's
 * for the sample with ranges (docs/guide.md, "How sure: ranges") and to simulateCase to the bit.
 */
import { simulationTable } from '../../src/functions/spills';
import { evaluateCase, sampleCase, simulateCase } from '../../src/model';
import type { CaseInput } from '../../src/model';
import { HOW_SURE_LABEL, LAYOUT, ownOffsets, planBlock, spillAnchors } from '../../src/usecases/block';
import type { BlockInputs } from '../../src/usecases/block';
import { renderBlockValues, renderLiveBlock } from '../../src/usecases/block-render';
import { evaluate } from '../../src/usecases/evaluate';
import { excelTableRef, renderFormula } from '../../src/workbook/formula';
import { HyperFormulaWorkbook } from '../../src/workbook/hyperformula/workbook';
import type { InputSources, WriteOp } from '../../src/workbook/port';
import { tablesOf } from '../support/cases';
import { rangedSampleCase } from '../support/ranges';

const table = (name: string) => ({
  table: { kind: 'table' as const, name, sheet: name },
  range: { sheet: name, row: 0, column: 0, rows: 5, columns: 4 },
});
const INPUTS: BlockInputs = { metrics: table('Metrics'), costs: table('Costs'), readiness: table('Readiness'), assumptions: table('Assumptions') };
const AT = { sheet: 'Pilot Gate', row: 0, column: 0 };
const RANGED = evaluateCase(rangedSampleCase());

function opsOf<K extends WriteOp['op']>(ops: WriteOp[], kind: K): Extract<WriteOp, { op: K }>[] {
  return ops.filter((o): o is Extract<WriteOp, { op: K }> => o.op === kind);
}

describe('the block’s How sure section', () => {
  it('spills PILOT.SIMULATE over the tables it reads, blank-safe, with a label, when the case has ranges', () => {
    const plan = planBlock(INPUTS, RANGED);
    const figure = plan.figures.find((f) => f.name === 'simulation');
    expect(figure).toMatchObject({ row: LAYOUT.howSure[0], column: LAYOUT.howSure[1] });
    expect(renderFormula(figure!.call, excelTableRef)).toBe(
      '=PILOT.SIMULATE(IF(ISBLANK(Metrics[#All]),"",Metrics[#All]),IF(ISBLANK(Costs[#All]),"",Costs[#All]),IF(ISBLANK(Assumptions[#All]),"",Assumptions[#All]))',
    );
    expect(plan.labels).toContainEqual({ row: LAYOUT.howSureLabel[0], column: LAYOUT.howSureLabel[1], text: 'How sure: NPV over 10,000 trials of the ranges (seed 1)' });
    expect(HOW_SURE_LABEL).toBe('How sure: NPV over 10,000 trials of the ranges (seed 1)');
    // No assumptions chosen: the trailing optional table is left out, as for every PILOT call of the block.
    const without = planBlock({ metrics: INPUTS.metrics, costs: INPUTS.costs }, RANGED).figures.find((f) => f.name === 'simulation');
    expect(renderFormula(without!.call, excelTableRef)).toBe('=PILOT.SIMULATE(IF(ISBLANK(Metrics[#All]),"",Metrics[#All]),IF(ISBLANK(Costs[#All]),"",Costs[#All]))');
  });

  it('holds the guide’s figures for the sample with ranges, money in the case currency and the shares as percentages', () => {
    const plan = planBlock(INPUTS, RANGED);
    const figure = plan.figures.find((f) => f.name === 'simulation')!;
    expect(figure.outcome.ok).toBe(true);
    const rows = (figure.outcome.ok ? figure.outcome.value : []) as (string | number)[][];
    expect(rows.map(([label, value]) => [label, typeof value === 'number' && label.toString().startsWith('NPV') ? Math.round(value) : value])).toEqual([
      ['Figure', 'Value'],
      ['NPV P10', 1_224_297],
      ['NPV P50', 1_372_659],
      ['NPV P90', 1_520_532],
      ['NPV mean', 1_372_148],
      ['P(NPV ≥ 0)', 1],
      ['P(payback ≤ max)', 1],
    ]);
    const [row, column] = LAYOUT.howSure;
    const styleAt = (r: number, c: number) => plan.styles.filter((s) => r >= s.row && r < s.row + s.rows && c >= s.column && c < s.column + s.columns).map((s) => s.style);
    expect(styleAt(row + 1, column + 1)).toContainEqual({ numberFormat: '$#,##0_);($#,##0)' });
    expect(styleAt(row + 4, column + 1)).toContainEqual({ numberFormat: '$#,##0_);($#,##0)' });
    expect(styleAt(row + 5, column + 1)).toContainEqual({ numberFormat: '0.0%' });
    expect(styleAt(row + 6, column + 1)).toContainEqual({ numberFormat: '0.0%' });
    expect(styleAt(row, column)).toContainEqual({ bold: true });
  });

  it('is absent when the case has no ranges: no label, no formula, no formats there', () => {
    const plan = planBlock(INPUTS, evaluateCase(sampleCase()));
    expect(plan.figures.some((f) => f.name === 'simulation')).toBe(false);
    expect(plan.labels.some((l) => l.text === HOW_SURE_LABEL)).toBe(false);
    const [cells] = opsOf(renderLiveBlock(plan, AT, { newSheet: true, previous: null, nameDefined: false }), 'cells');
    expect(cells.cells[LAYOUT.howSure[0]]?.[LAYOUT.howSure[1]] ?? null).toBeNull();
    expect(cells.cells[LAYOUT.howSureLabel[0]]?.[LAYOUT.howSureLabel[1]] ?? null).toBeNull();
  });

  it('is the block’s own wherever a case had it, so a later block without ranges takes it away', () => {
    expect(ownOffsets()).toContainEqual({ row: LAYOUT.howSureLabel[0], column: LAYOUT.howSureLabel[1], text: HOW_SURE_LABEL });
    expect(ownOffsets()).toContainEqual({ row: LAYOUT.howSure[0], column: LAYOUT.howSure[1], text: null });
    expect(spillAnchors({ sheet: 'S', row: 4, column: 2 })[4]).toEqual({ sheet: 'S', row: 4 + LAYOUT.howSure[0], column: 2 + LAYOUT.howSure[1] });
  });

  it('is written as its figures in the values-only copy', () => {
    const { ops } = renderBlockValues(planBlock(INPUTS, RANGED), AT, 'Values only.');
    const [cells] = opsOf(ops, 'cells');
    const [row, column] = LAYOUT.howSure;
    const spill = cells.cells.slice(row, row + 7).map((line) => line.slice(column, column + 2));
    // PILOT.SIMULATE's spill as the function gives it (its rows are pinned in test/functions/simulate.test.ts).
    expect(spill).toEqual(simulationTable(RANGED.simulation!));
  });
});

describe('the How sure section in the workbench’s HyperFormula workbook', () => {
  /** A workbook holding the case's tables, each a table on a sheet of its name. */
  async function bookOf(input: CaseInput): Promise<{ book: HyperFormulaWorkbook; sources: InputSources }> {
    const book = new HyperFormulaWorkbook({ sheets: ['Sheet1'] });
    const sources: InputSources = {};
    for (const [name, grid] of tablesOf(input)) {
      const cells = grid.map((line) => line.map((cell) => (cell === null ? '' : cell)));
      await book.write([
        { op: 'addSheet', sheet: name },
        { op: 'cells', at: { sheet: name, row: 0, column: 0 }, cells },
        { op: 'table', name, range: { sheet: name, row: 0, column: 0, rows: grid.length, columns: grid[0].length } },
      ]);
      sources[name] = { kind: 'table', name, sheet: name };
    }
    return { book, sources };
  }

  it('recalculates PILOT.SIMULATE to simulateCase’s figures, to the bit', async () => {
    const input = rangedSampleCase();
    const { book, sources } = await bookOf(input);
    const evaluation = await evaluate(book, sources);
    expect(evaluation.kind).toBe('written');
    const [row, column] = LAYOUT.howSure;
    const shown = (r: number, c: number) => book.shown({ sheet: 'Pilot Gate', row: row + r, column: column + c }).value;
    expect(book.shown({ sheet: 'Pilot Gate', row: row, column }).formula).toBe(
      '=PILOT.SIMULATE(IF(ISBLANK(Metrics),"",Metrics),IF(ISBLANK(Costs),"",Costs),IF(ISBLANK(Assumptions),"",Assumptions))',
    );
    expect(book.shown({ sheet: 'Pilot Gate', row: LAYOUT.howSureLabel[0], column: LAYOUT.howSureLabel[1] }).value).toBe(HOW_SURE_LABEL);
    const s = simulateCase(input);
    const figures = [s.npv.p10, s.npv.p50, s.npv.p90, s.npv.mean, s.probabilityNpvNonNegative, s.probabilityPaybackWithinMax];
    expect(figures.map((_, i) => shown(i + 1, 1))).toEqual(figures);
    expect(figures.map((_, i) => shown(i + 1, 0))).toEqual(['NPV P10', 'NPV P50', 'NPV P90', 'NPV mean', 'P(NPV ≥ 0)', 'P(payback ≤ max)']);
  }, 60_000);
});
