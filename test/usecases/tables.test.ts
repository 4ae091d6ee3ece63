/**
 * Find tables over a workbook the person has worked in: a plain range they chose is read at its
 * new width and length after a paste, and their own tables come before fresh template copies.
 */
import { SAMPLE_COSTS, SAMPLE_METRICS } from '../../src/model/sample';
import { sourceExtent } from '../../src/usecases/discover';
import { findTables, insertTemplate, keptSources } from '../../src/usecases/tables';
import type { InputSources } from '../../src/workbook/port';
import { MemoryWorkbook } from '../../src/workbook/memory';

describe('keptSources: the sources chosen, after a new survey', () => {
  it('takes a chosen range at its new width and length once a wider, longer block is pasted over it', async () => {
    const book = new MemoryWorkbook({ sheets: ['Case'] });
    // The person's first Metrics: three columns and one row, chosen as a plain range at Case!B2.
    book.setValues({ sheet: 'Case', row: 1, column: 1 }, [
      ['Metric', 'Baseline', 'Target'],
      ['Handle time', 12, 8],
    ]);
    const chosen: InputSources = { Metrics: { kind: 'range', header: { sheet: 'Case', row: 1, column: 1, rows: 1, columns: 3 } } };
    const before = await findTables(book);

    // Then the sample's nine columns and four metrics are pasted at the same corner.
    book.setValues({ sheet: 'Case', row: 1, column: 1 }, SAMPLE_METRICS);
    const found = await findTables(book);
    const kept = keptSources(chosen, found, before);
    expect(kept.Metrics).toEqual({ kind: 'range', header: { sheet: 'Case', row: 1, column: 1, rows: 1, columns: SAMPLE_METRICS[0].length } });
    // Its extent is read from the survey down to the first blank row: the header and 4 metrics.
    expect(SAMPLE_METRICS).toHaveLength(5);
    expect(sourceExtent(kept.Metrics!, found.survey)?.range).toEqual({ sheet: 'Case', row: 1, column: 1, rows: 5, columns: 9 });
  });

  it('keeps a range the person chose narrower than its table as they chose it, however the table grows', async () => {
    const book = new MemoryWorkbook({ sheets: ['Case'] });
    book.setValues({ sheet: 'Case', row: 0, column: 0 }, SAMPLE_METRICS);
    // Use selection on the first five of the table's nine columns: the person leaves out the rest.
    const narrow = { sheet: 'Case', row: 0, column: 0, rows: 1, columns: 5 };
    const before = await findTables(book);
    expect(before.candidates.Metrics.map((c) => c.range.columns)).toContain(9);
    const chosen: InputSources = { Metrics: { kind: 'range', header: narrow } };
    expect(keptSources(chosen, await findTables(book), before).Metrics).toEqual({ kind: 'range', header: narrow });
    // A tenth column added at the table's right does not widen the choice either.
    book.setValues({ sheet: 'Case', row: 0, column: 9 }, [['Notes'], ['checked']]);
    const after = await findTables(book);
    expect(after.candidates.Metrics.map((c) => c.range.columns)).toContain(10);
    expect(keptSources(chosen, after, before).Metrics).toEqual({ kind: 'range', header: narrow });
    // Nor does a range whose survey is not known: without it, a narrow choice and a grown table look alike.
    expect(keptSources(chosen, after, null).Metrics).toEqual({ kind: 'range', header: narrow });
  });

  it('keeps a chosen range that did not move as it was, and proposes the tables not chosen', async () => {
    const book = new MemoryWorkbook({ sheets: ['Case'] });
    book.setValues({ sheet: 'Case', row: 0, column: 0 }, SAMPLE_METRICS);
    book.setValues({ sheet: 'Case', row: 10, column: 0 }, SAMPLE_COSTS);
    const metrics = { sheet: 'Case', row: 0, column: 0, rows: 1, columns: 9 };
    const found = await findTables(book);
    const kept = keptSources({ Metrics: { kind: 'range', header: metrics } }, found, found);
    expect(kept.Metrics).toEqual({ kind: 'range', header: metrics });
    expect(kept.Costs).toEqual({ kind: 'range', header: { sheet: 'Case', row: 10, column: 0, rows: 1, columns: 5 } });
  });

  it('drops a range whose sheet was deleted, for what the survey finds instead', async () => {
    const book = new MemoryWorkbook({ sheets: ['Now'] });
    book.setValues({ sheet: 'Now', row: 3, column: 2 }, SAMPLE_METRICS);
    const gone: InputSources = { Metrics: { kind: 'range', header: { sheet: 'Deleted', row: 0, column: 0, rows: 1, columns: 9 } } };
    expect(keptSources(gone, await findTables(book), null).Metrics).toEqual({ kind: 'range', header: { sheet: 'Now', row: 3, column: 2, rows: 1, columns: 9 } });
  });
});

describe('Find tables ranks the person’s tables above fresh template copies', () => {
  it('proposes the person’s plain range over the untouched template’s table named Metrics', async () => {
    const book = new MemoryWorkbook({ sheets: ['Mine'] });
    await insertTemplate(book);
    // Their own figures, as a plain range: a table named Metrics would otherwise win by its name alone.
    book.setValues({ sheet: 'Mine', row: 0, column: 0 }, [
      ['Metric', 'Baseline', 'Target', 'Pilot', 'Unit'],
      ['Tickets closed a day', 40, 60, 55, 'count'],
    ]);
    const found = await findTables(book);
    expect(found.sources.Metrics).toEqual({ kind: 'range', header: { sheet: 'Mine', row: 0, column: 0, rows: 1, columns: 5 } });
    expect(found.candidates.Metrics.map((c) => c.label)).toEqual(['Mine!A1:E2', 'Table "Metrics" (Metrics!A1:I5)']);
    // Where the person has no Costs of their own, the template's copy is still the proposal.
    expect(found.sources.Costs).toEqual({ kind: 'table', name: 'Costs', sheet: 'Costs' });
  });

  it('takes the template’s table as the person’s once one of its cells is edited', async () => {
    const book = new MemoryWorkbook({ sheets: ['Mine'] });
    await insertTemplate(book);
    book.setValues({ sheet: 'Mine', row: 0, column: 0 }, [
      ['Metric', 'Baseline', 'Target', 'Pilot', 'Unit'],
      ['Tickets closed a day', 40, 60, 55, 'count'],
    ]);
    // A Baseline typed over in the template's Metrics: it is the person's table now, and its name counts again.
    book.setValues({ sheet: 'Metrics', row: 1, column: 1 }, [[999]]);
    const found = await findTables(book);
    expect(found.sources.Metrics).toEqual({ kind: 'table', name: 'Metrics', sheet: 'Metrics' });
  });
});
