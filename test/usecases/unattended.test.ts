/**
 * A workbook assessed with nobody to ask, on a workbook held in memory: the tables Find tables
 * would suggest, except where two places are equally good candidates.
 */
import { SAMPLE_COSTS, SAMPLE_METRICS } from '../../src/model';
import { createUseCases } from '../../src/usecases';
import { MemoryWorkbook } from '../../src/workbook/memory';

const NOW = () => new Date(2025, 4, 1, 14, 30);
const rangeOf = (sheet: string, grid: unknown[][]) => ({ sheet, row: 0, column: 0, rows: grid.length, columns: grid[0].length });

describe('assessing a workbook unattended', () => {
  it('takes the table named Metrics over a range whose headers also read as Metrics, and evaluates', async () => {
    const book = new MemoryWorkbook({ sheets: ['Metrics', 'Costs', 'Old copy'] });
    book.setValues({ sheet: 'Metrics', row: 0, column: 0 }, SAMPLE_METRICS);
    book.addTable('Metrics', rangeOf('Metrics', SAMPLE_METRICS));
    book.setValues({ sheet: 'Costs', row: 0, column: 0 }, SAMPLE_COSTS);
    book.setValues({ sheet: 'Old copy', row: 0, column: 0 }, SAMPLE_METRICS);
    const assessed = await createUseCases({ port: book, now: NOW }).assessUnattended();
    expect(assessed.kind === 'evaluated' && [assessed.sources.Metrics, assessed.result.verdict]).toEqual([{ kind: 'table', name: 'Metrics', sheet: 'Metrics' }, expect.any(String)]);
  });

  it('stops at two tables equally named for Metrics, naming both, and writes nothing', async () => {
    const book = new MemoryWorkbook({ sheets: ['A', 'B', 'Costs'] });
    for (const [sheet, name] of [['A', 'tblMetrics'], ['B', 'Metrics_2025']] as const) {
      book.setValues({ sheet, row: 0, column: 0 }, SAMPLE_METRICS);
      book.addTable(name, rangeOf(sheet, SAMPLE_METRICS));
    }
    book.setValues({ sheet: 'Costs', row: 0, column: 0 }, SAMPLE_COSTS);
    const assessed = await createUseCases({ port: book, now: NOW }).assessUnattended();
    // tblMetrics is named for Metrics (the tbl prefix is dropped); Metrics_2025 only starts with it, so it is no rival.
    expect(assessed.kind).toBe('evaluated');

    book.addSheet('C');
    book.setValues({ sheet: 'C', row: 0, column: 0 }, SAMPLE_METRICS);
    book.addTable('Metrics', rangeOf('C', SAMPLE_METRICS));
    const again = await createUseCases({ port: book, now: NOW }).assessUnattended();
    expect(again.kind === 'problems' && again.findings.map((f) => [f.table, f.row, f.message])).toEqual([
      ['Metrics', 0, '2 places could be the Metrics table (Table "tblMetrics" (A!A1:I5); Table "Metrics" (C!A1:I5)): name the one to use "Metrics" (an Excel table name) or remove the others'],
    ]);
    expect(book.findSheet('Pilot Gate')).toBeUndefined();
  });
});
