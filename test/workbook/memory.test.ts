import { MemoryWorkbook } from '../../src/workbook/memory';
import { WorkbookError } from '../../src/workbook/port';

describe('the in-memory workbook', () => {
  it('reads number-like text typed into a General cell as a number, and keeps it in a text cell', async () => {
    const book = new MemoryWorkbook();
    book.setValues({ sheet: 'Sheet1', row: 0, column: 0 }, [['$3.40', '4.2%', '1,200', '12 min']]);
    expect([0, 1, 2, 3].map((column) => book.valueAt({ sheet: 'Sheet1', row: 0, column }))).toEqual([3.4, 0.042, 1200, '12 min']);
    await book.write([{ op: 'cells', at: { sheet: 'Sheet1', row: 1, column: 0 }, cells: [['$3.40']], numberFormats: [['@']] }]);
    expect(book.valueAt({ sheet: 'Sheet1', row: 1, column: 0 })).toBe('$3.40');
  });

  it('leaves a cell alone for null and empties it for an empty string', async () => {
    const book = new MemoryWorkbook();
    book.setValues({ sheet: 'Sheet1', row: 0, column: 0 }, [['a', 'b']]);
    await book.write([{ op: 'cells', at: { sheet: 'Sheet1', row: 0, column: 0 }, cells: [[null, '']] }]);
    expect(book.valueAt({ sheet: 'Sheet1', row: 0, column: 0 })).toBe('a');
    expect(book.valueAt({ sheet: 'Sheet1', row: 0, column: 1 })).toBeNull();
  });

  it('spills calculated arrays, and shows #SPILL! where cells are taken', async () => {
    const book = new MemoryWorkbook({ calculate: () => [[1], [2], [3]] });
    book.setValues({ sheet: 'Sheet1', row: 0, column: 0 }, [['=LIST()']]);
    const free = await book.inspect({ sheet: 'Sheet1', row: 0, column: 0, rows: 5, columns: 1 }, [{ sheet: 'Sheet1', row: 0, column: 0 }]);
    expect(free.values).toEqual([[1], [2], [3]]);
    expect(free.formulas).toEqual([['=LIST()'], [2], [3]]);
    expect(free.spills).toEqual([{ sheet: 'Sheet1', row: 0, column: 0, rows: 3, columns: 1 }]);
    book.setValues({ sheet: 'Sheet1', row: 2, column: 0 }, [['mine']]);
    const blocked = await book.inspect({ sheet: 'Sheet1', row: 0, column: 0, rows: 5, columns: 1 }, [{ sheet: 'Sheet1', row: 0, column: 0 }]);
    expect(blocked.values).toEqual([['#SPILL!'], [null], ['mine']]);
    expect(blocked.spills).toEqual([null]);
  });

  it('grows a table when rows are added below it, and reads it at its current extent', async () => {
    const book = new MemoryWorkbook();
    book.setValues({ sheet: 'Sheet1', row: 0, column: 0 }, [['Name', 'Value'], ['Horizon', 3]]);
    book.addTable('Assumptions', { sheet: 'Sheet1', row: 0, column: 0, rows: 2, columns: 2 });
    book.appendRows('Assumptions', [['Integrations', 2]]);
    const read = await book.read({ Assumptions: { kind: 'table', name: 'Assumptions', sheet: 'Sheet1' } }, 'none');
    expect(read.grids.Assumptions?.values).toEqual([['Name', 'Value'], ['Horizon', 3], ['Integrations', 2]]);
  });

  it('refuses a second sheet or table of the same name, and says when a table is gone', async () => {
    const book = new MemoryWorkbook();
    expect(() => book.addSheet('SHEET1')).toThrow(WorkbookError);
    await expect(book.read({ Costs: { kind: 'table', name: 'Costs', sheet: 'Sheet1' } }, 'none')).rejects.toThrow(/Find tables again/);
  });

  it('keeps a name per spelling, replacing it when written again', async () => {
    const book = new MemoryWorkbook();
    const range = { sheet: 'Sheet1', row: 0, column: 0, rows: 2, columns: 2 };
    await book.write([{ op: 'name', name: 'PilotGate_Output', range, defined: false }]);
    await book.write([{ op: 'name', name: 'PILOTGATE_OUTPUT', range: { ...range, rows: 9 }, defined: true }]);
    const read = await book.read({}, 'PilotGate_Output');
    expect(read.block).toEqual({ ...range, rows: 9 });
    expect(read.blockNameDefined).toBe(true);
  });
});
