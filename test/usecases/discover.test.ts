import { SAMPLE_ASSUMPTIONS, SAMPLE_COSTS, SAMPLE_METRICS, SAMPLE_OWNERSHIP, SAMPLE_READINESS } from '../../src/model/sample';
import {
  columnChoices,
  describeSource,
  findCandidates,
  mapColumns,
  sourceExtent,
  sourceFromSelection,
  suggestSources,
} from '../../src/usecases/discover';
import { MemoryWorkbook } from '../../src/workbook/memory';

async function surveyOf(setup: (book: MemoryWorkbook) => void) {
  const book = new MemoryWorkbook({ sheets: ['Sheet1'] });
  setup(book);
  return book.survey();
}

describe('finding the tables', () => {
  it('finds Excel tables by name first, whatever their headers', async () => {
    const survey = await surveyOf((book) => {
      book.setValues({ sheet: 'Sheet1', row: 0, column: 0 }, [['a', 'b'], [1, 2]]);
      book.addTable('tblMetrics', { sheet: 'Sheet1', row: 0, column: 0, rows: 2, columns: 2 });
      book.setValues({ sheet: 'Sheet1', row: 5, column: 0 }, SAMPLE_METRICS);
      book.addTable('Table7', { sheet: 'Sheet1', row: 5, column: 0, rows: 5, columns: 9 });
    });
    const found = findCandidates(survey);
    expect(found.Metrics.map((c) => c.label)).toEqual(['Table "tblMetrics" (Sheet1!A1:B2)', 'Table "Table7" (Sheet1!A6:I10)']);
  });

  it('finds plain ranges anywhere by header synonyms, each down to its first blank row', async () => {
    const survey = await surveyOf((book) => {
      book.setValues({ sheet: 'Sheet1', row: 2, column: 3 }, [['KPI', 'Current', 'Goal'], ['Errors', '4.2%', '0.5%']]);
      book.addSheet('Other');
      book.setValues({ sheet: 'Other', row: 0, column: 0 }, SAMPLE_COSTS);
      book.setValues({ sheet: 'Other', row: 0, column: 7 }, SAMPLE_READINESS);
      book.setValues({ sheet: 'Other', row: 20, column: 0 }, SAMPLE_ASSUMPTIONS);
      book.setValues({ sheet: 'Other', row: 40, column: 0 }, SAMPLE_OWNERSHIP);
    });
    const sources = suggestSources(findCandidates(survey));
    expect(sources.Metrics).toEqual({ kind: 'range', header: { sheet: 'Sheet1', row: 2, column: 3, rows: 1, columns: 3 } });
    expect(sources.Costs).toEqual({ kind: 'range', header: { sheet: 'Other', row: 0, column: 0, rows: 1, columns: 5 } });
    expect(sources.Readiness).toEqual({ kind: 'range', header: { sheet: 'Other', row: 0, column: 7, rows: 1, columns: 4 } });
    expect(sources.Assumptions).toEqual({ kind: 'range', header: { sheet: 'Other', row: 20, column: 0, rows: 1, columns: 2 } });
    expect(sources.Ownership).toEqual({ kind: 'range', header: { sheet: 'Other', row: 40, column: 0, rows: 1, columns: 3 } });
    const costs = findCandidates(survey).Costs[0];
    expect(costs.range.rows).toBe(SAMPLE_COSTS.length);
    expect(costs.label).toBe('Other!A1:E9');
  });

  it('does not take a header without its required columns', async () => {
    const survey = await surveyOf((book) => book.setValues({ sheet: 'Sheet1', row: 0, column: 0 }, [['Baseline', 'Target'], [1, 2]]));
    expect(findCandidates(survey).Metrics).toEqual([]);
  });

  it('never proposes one source for two tables', async () => {
    const survey = await surveyOf((book) => {
      book.setValues({ sheet: 'Sheet1', row: 0, column: 0 }, SAMPLE_METRICS);
      book.addTable('Costs', { sheet: 'Sheet1', row: 0, column: 0, rows: 5, columns: 9 });
    });
    const sources = suggestSources(findCandidates(survey));
    expect(sources.Costs).toEqual({ kind: 'table', name: 'Costs', sheet: 'Sheet1' });
    expect(sources.Metrics).toBeUndefined();
  });

  it('understands each header as the engine does, and shows what it ignores or repeats', () => {
    expect(mapColumns('Metrics', ['KPI', 'Current', 'Goal', 'Notes', 'Baseline', null])).toEqual([
      { index: 0, header: 'KPI', column: 'Metric', repeated: false },
      { index: 1, header: 'Current', column: 'Baseline', repeated: false },
      { index: 2, header: 'Goal', column: 'Target', repeated: false },
      { index: 3, header: 'Notes', column: null, repeated: false },
      { index: 4, header: 'Baseline', column: 'Baseline', repeated: true },
      { index: 5, header: '', column: null, repeated: false },
    ]);
    expect(mapColumns('Ownership', ['Function', 'R'])[1].column).toBe('Person named for this role');
    expect(columnChoices('Costs')).toEqual(['Category', 'Pilot', 'One-time', 'Annual', 'Multiplier', 'Low', 'High']);
  });

  it('takes the selection as the table it lies in, or a range from its first row', async () => {
    const survey = await surveyOf((book) => {
      book.setValues({ sheet: 'Sheet1', row: 0, column: 0 }, SAMPLE_COSTS);
      book.addTable('Costs', { sheet: 'Sheet1', row: 0, column: 0, rows: 9, columns: 5 });
      book.setValues({ sheet: 'Sheet1', row: 20, column: 2 }, [['Name', 'Value', null, 'x'], ['Horizon', 3]]);
    });
    expect(sourceFromSelection({ sheet: 'Sheet1', row: 3, column: 2, rows: 1, columns: 1 }, survey)).toEqual({
      kind: 'table',
      name: 'Costs',
      sheet: 'Sheet1',
    });
    expect(sourceFromSelection({ sheet: 'Sheet1', row: 20, column: 3, rows: 1, columns: 1 }, survey)).toEqual({
      kind: 'range',
      header: { sheet: 'Sheet1', row: 20, column: 2, rows: 1, columns: 2 },
    });
    expect(sourceFromSelection({ sheet: 'Sheet1', row: 20, column: 2, rows: 2, columns: 2 }, survey)).toEqual({
      kind: 'range',
      header: { sheet: 'Sheet1', row: 20, column: 2, rows: 1, columns: 2 },
    });
    expect(sourceFromSelection({ sheet: 'Sheet1', row: 30, column: 0, rows: 1, columns: 1 }, survey)).toBeNull();
    expect(sourceFromSelection(null, survey)).toBeNull();
  });

  it('gives a source’s header and extent, and describes it', async () => {
    const survey = await surveyOf((book) => book.setValues({ sheet: 'Sheet1', row: 1, column: 1 }, [['Name', 'Value'], ['Horizon', 3], [], ['x', 1]]));
    const source = { kind: 'range' as const, header: { sheet: 'Sheet1', row: 1, column: 1, rows: 1, columns: 2 } };
    expect(sourceExtent(source, survey)).toEqual({ header: ['Name', 'Value'], range: { ...source.header, rows: 2 } });
    expect(describeSource(source)).toBe('Sheet1!B2:C2 and the rows below');
    expect(sourceExtent({ kind: 'table', name: 'Gone', sheet: 'Sheet1' }, survey)).toBeNull();
  });
});
