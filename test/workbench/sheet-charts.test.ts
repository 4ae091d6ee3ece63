/**
 * What the workbench draws for the block's native charts: read from the cells the chart write
 * named, as they are now. Figures from SPEC §7 (the seed sample's yearly cash flows).
 */
import { createUseCases } from '../../src/usecases';
import { openWorkbook } from '../../src/workbench/open';
import { sheetChartData, valueFormat } from '../../src/workbench/sheet-charts';
import { displayText } from '../../src/workbook/hyperformula/number-format';
import type { HyperFormulaWorkbook, WorkbookChart } from '../../src/workbook/hyperformula/workbook';

const NOW = () => new Date(2025, 4, 1, 14, 30);

async function evaluatedSample(): Promise<{ book: HyperFormulaWorkbook; chart: (name: string) => WorkbookChart }> {
  const { book } = await openWorkbook('sample');
  const useCases = createUseCases({ port: book, now: NOW });
  const evaluation = await useCases.evaluate((await useCases.findTables()).sources);
  if (evaluation.kind !== 'written') throw new Error(`the sample was not written: ${evaluation.kind}`);
  return { book, chart: (name) => book.charts('Pilot Gate').find((c) => c.name === name)! };
}

describe('a native chart of the block, as the workbench draws it', () => {
  it('reads the cash flows chart from the spilled Net and Cumulative rows (SPEC §7)', async () => {
    const { book, chart } = await evaluatedSample();
    const data = sheetChartData(book, chart('PilotGate_CashFlows'));
    expect(data.categories).toEqual(['Year 0', 'Year 1', 'Year 2', 'Year 3']);
    expect(data.series.map((s) => [s.name, s.kind])).toEqual([
      ['Net', 'columns'],
      ['Cumulative', 'line'],
    ]);
    // SPEC §7: Net −190,000.00, 450,561.14, 796,017.14, 796,017.14; Cumulative −190,000.00 … 1,852,595.43.
    const [net, cumulative] = data.series.map((s) => s.values.map((v) => Math.round(v! * 100) / 100));
    expect(net).toEqual([-190000, 450561.14, 796017.14, 796017.14]);
    expect(cumulative).toEqual([-190000, 260561.14, 1056578.29, 1852595.43]);
    // The text alternative says the figures as the cells show them.
    expect(data.description).toMatch(/Net as columns, Cumulative as a line\. Year 0: Net \(\$190,000\), Cumulative \(\$190,000\);/);
    expect(data.description).toMatch(/Year 3: Net \$796,017, Cumulative \$1,852,595\.$/);
    // The axis reads as the cells do.
    expect(displayText(-190000, valueFormat(book, chart('PilotGate_CashFlows'))).trim()).toBe('($190,000)');
  });

  it('follows the cells: an edit that recalculates the block changes what the chart draws', async () => {
    const { book, chart } = await evaluatedSample();
    const before = sheetChartData(book, chart('PilotGate_CashFlows')).series[0].values;
    // Production's model bill from $60,000 to $5,000,000 a year (Costs!D2): every operating year loses $4,940,000.
    book.enter({ sheet: 'Costs', row: 1, column: 3 }, '5000000');
    const after = sheetChartData(book, chart('PilotGate_CashFlows')).series[0].values;
    expect(after[0]).toBeCloseTo(before[0]!, 6);
    for (const year of [1, 2, 3]) expect(after[year]! - before[year]!).toBeCloseTo(-4_940_000, 4);
  });

  it('draws a cell that holds no number as a gap, and says so', async () => {
    const { book, chart } = await evaluatedSample();
    const c = chart('PilotGate_CashFlows');
    const net = c.series[0].values;
    book.enter({ sheet: 'Pilot Gate', row: 30, column: 0 }, 'x');
    // A chart over a range a person emptied and typed text into: the series has a gap there.
    const plain: WorkbookChart = { ...c, series: [{ ...c.series[0], values: { ...net, sheet: 'Pilot Gate', row: 30, column: 0, rows: 1, columns: 2 } }] };
    const data = sheetChartData(book, plain);
    expect(data.series[0].values).toEqual([null, null]);
    expect(data.description).toMatch(/Year 0: Net x; Year 1: Net empty/);
  });
});
