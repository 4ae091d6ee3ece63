/**
 * The use cases through their one interface, in Node (no DOM), on a workbook held in memory: a
 * person's day from the template to the snapshot, as the task pane and a command line run it.
 */
import { cellList, createUseCases, stillThere } from '../../src/usecases';
import { MemoryWorkbook } from '../../src/workbook/memory';

const NOW = () => new Date(2025, 4, 1, 14, 30);

describe('the use cases on one workbook', () => {
  it('run in Node, with no DOM', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
  });

  it('take a workbook from the template to a snapshot: SPEC §7’s sample reads NOT READY', async () => {
    const book = new MemoryWorkbook({ sheets: ['Budget'] });
    const useCases = createUseCases({ port: book, now: NOW });
    const inserted = await useCases.insertTemplate();
    expect(inserted.sheets).toEqual(['Metrics', 'Costs', 'Readiness', 'Ownership', 'Assumptions']);
    const found = await useCases.findTables();
    expect(found.sources).toEqual(inserted.sources);
    expect((await useCases.check(found.sources)).findings).toEqual([]);

    const assessed = await useCases.assess(found.sources);
    expect(assessed.kind === 'evaluated' && assessed.result.verdict).toBe('NOT READY');
    // Assessing writes nothing.
    expect(book.findSheet('Pilot Gate')).toBeUndefined();

    const evaluation = await useCases.evaluate(found.sources);
    expect(evaluation.kind === 'written' && evaluation.block.sheet).toBe('Pilot Gate');
    const copy = await useCases.snapshot(found.sources);
    expect(copy.kind === 'written' && copy.sheet).toBe('Snapshot 2025-05-01 1430');
  });

  it('select a problem’s cell and say the host’s theme', async () => {
    const book = new MemoryWorkbook({ sheets: ['Data'], theme: { dark: true } });
    const useCases = createUseCases({ port: book, now: NOW });
    await useCases.select({ sheet: 'Data', row: 2, column: 1, rows: 1, columns: 1 });
    expect(book.selection).toEqual({ sheet: 'Data', row: 2, column: 1, rows: 1, columns: 1 });
    expect(useCases.theme()).toEqual({ dark: true });
  });

  it('keep the sources a new survey still finds', async () => {
    const book = new MemoryWorkbook({ sheets: ['Data'] });
    book.addTable('Metrics', { sheet: 'Data', row: 0, column: 0, rows: 2, columns: 3 });
    const { survey } = await createUseCases({ port: book, now: NOW }).findTables();
    const range = { kind: 'range' as const, header: { sheet: 'Data', row: 5, column: 0, rows: 1, columns: 2 } };
    expect(
      stillThere(
        {
          Metrics: { kind: 'table', name: 'metrics', sheet: 'Data' },
          Costs: { kind: 'table', name: 'Gone', sheet: 'Data' },
          Assumptions: range,
          Readiness: { kind: 'range', header: { ...range.header, sheet: 'Deleted' } },
        },
        survey,
      ),
    ).toEqual({ Metrics: { kind: 'table', name: 'metrics', sheet: 'Data' }, Assumptions: range });
  });
});

describe('cellList', () => {
  it('names a few cells, then says how many more', () => {
    const cells = Array.from({ length: 7 }, (_, i) => ({ sheet: 'Pilot Gate', row: i, column: 1 }));
    expect(cellList(cells.slice(0, 1))).toBe('Pilot Gate!B1');
    expect(cellList(cells)).toBe('Pilot Gate!B1, Pilot Gate!B2, Pilot Gate!B3, Pilot Gate!B4, Pilot Gate!B5 (and 2 more cells)');
    expect(cellList(cells, 6)).toBe('Pilot Gate!B1, Pilot Gate!B2, Pilot Gate!B3, Pilot Gate!B4, Pilot Gate!B5, Pilot Gate!B6 (and 1 more cell)');
  });
});
