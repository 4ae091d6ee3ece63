import type { Grid, TableName } from '../../src/model/types';
import { MAX_TABLE_ROWS } from '../../src/model/tables';
import { formatClashes, formatCurrency } from '../../src/usecases/format-clashes';
import { formatWarnings } from '../../src/usecases/inputs';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { InputSources, InputsRead } from '../../src/workbook/port';

/** Tables on sheets of their own, each cell with the number format given beside it ('General' when none). */
async function readTables(tables: Partial<Record<TableName, { grid: Grid; formats?: Record<string, string> }>>): Promise<InputsRead> {
  const names = Object.keys(tables) as TableName[];
  const book = new MemoryWorkbook({ sheets: names });
  const sources: InputSources = {};
  for (const name of names) {
    const { grid, formats = {} } = tables[name]!;
    // A format is keyed by the cell's "row,column" in the grid (0-based, the header is row 0).
    const numberFormats = grid.map((line, r) => line.map((_, c) => formats[`${r},${c}`] ?? 'General'));
    await book.write([{ op: 'cells', at: { sheet: name, row: 0, column: 0 }, cells: grid, numberFormats }]);
    sources[name] = { kind: 'range', header: { sheet: name, row: 0, column: 0, rows: 1, columns: grid[0].length } };
  }
  return book.read(sources, 'none');
}

describe('formatCurrency', () => {
  it.each([
    ['$#,##0.00', 'USD'],
    ['"$"#,##0', 'USD'],
    ['[$€-407] #,##0.00', 'EUR'],
    ['#,##0.00 [$€-x-euro2]', 'EUR'],
    ['[$CHF-100C] #,##0', 'CHF'],
    ['£#,##0', 'GBP'],
    ['#,##0 "€"', 'EUR'],
    ['[$¥-411]#,##0', 'JPY'],
  ])('%s shows %s', (format, code) => {
    expect(formatCurrency(format)).toBe(code);
  });

  it.each(['General', '0.0%', '@', '[$-409]d mmm yyyy', '[Red]#,##0', '[$kr-41D] #,##0'])('%s shows no currency it knows', (format) => {
    expect(formatCurrency(format)).toBeNull();
  });
});

describe('format clashes (SPEC §3.1)', () => {
  it('warns when a percent-formatted cell meets Unit %: Excel passes 0.042, read in percent points as 0.042%', async () => {
    const read = await readTables({
      Metrics: {
        grid: [
          ['Metric', 'Baseline', 'Target', 'Unit'],
          ['Error rate', 0.042, 0.005, '%'],
          ['Typed as points', 4.2, 0.5, '%'],
          ['Formatted, no Unit', 0.042, 0.005, null],
        ],
        formats: { '1,1': '0.0%', '1,2': '0.0%', '2,1': 'General', '3,1': '0.0%' },
      },
    });
    const clashes = formatClashes(read);
    expect(clashes).toEqual([
      {
        table: 'Metrics',
        row: 2,
        column: 'Baseline',
        message:
          'the cell shows 4.2% but Excel passes the fraction 0.042, and beside Unit "%" a bare number is in percent points, so it reads as 0.042%; clear the Unit cell, or type 4.2 in a cell not formatted as a percentage',
      },
    ]);
    // The row with a blank Unit gets the older warning (write "%" in the Unit column), not this one.
    const warnings = formatWarnings(read);
    expect(warnings.map((w) => w.cell)).toEqual(['Metrics!B4', 'Metrics!B2']);
    expect(warnings[0].message).toMatch(/^the cell shows a percentage .*write "%" in the Unit column/);
    expect(warnings[1].message).toMatch(/^the cell shows 4\.2% but Excel passes the fraction 0\.042/);
  });

  it('warns when a number cell is formatted in a currency other than the case’s, in every money column', async () => {
    const read = await readTables({
      Metrics: {
        grid: [
          ['Metric', 'Baseline', 'Target', 'Volume', 'Value per unit'],
          ['Error rate', '4.2%', '0.5%', 5000, 45],
        ],
        formats: { '1,1': '@', '1,2': '@', '1,4': '[$€-407] #,##0.00' },
      },
      Costs: {
        grid: [
          ['Category', 'Pilot', 'Annual'],
          ['Infrastructure', 15000, 30000],
          ['Monitoring', 5000, 11000],
        ],
        formats: { '1,1': '$#,##0', '1,2': '£#,##0', '2,2': '"$"#,##0' },
      },
      Assumptions: {
        grid: [
          ['Name', 'Value'],
          ['Approved production budget', 300000],
        ],
        formats: { '1,1': '#,##0 [$EUR]' },
      },
    });
    const warnings = formatWarnings(read);
    expect(warnings.map((w) => [w.cell, w.severity])).toEqual([
      ['Metrics!E2', 'warning'],
      ['Costs!C2', 'warning'],
      ['Assumptions!B2', 'warning'],
    ]);
    expect(warnings[1].message).toBe(
      'the cell is formatted in GBP, but the case currency is USD: Excel passes the bare number 30000, which is read in USD (there are no exchange rates); set the Currency assumption or format the cell in USD',
    );
  });

  it('says nothing when the format’s currency is the case’s', async () => {
    const read = await readTables({
      Costs: { grid: [['Category', 'Annual'], ['Infrastructure', 30000]], formats: { '1,1': '[$€-407] #,##0' } },
      Assumptions: { grid: [['Name', 'Value'], ['Currency', 'EUR']] },
    });
    expect(formatClashes(read)).toEqual([]);
  });
});

describe('format clashes on a long table', () => {
  const costs = (rows: number): InputsRead => {
    const values: Grid = [['Category', 'Pilot'], ...Array.from({ length: rows }, (_, i) => [`Line ${i}`, 100])];
    const numberFormats = values.map((_, r) => ['General', r === 0 ? 'General' : '[$€-407] #,##0.00']);
    const range = { sheet: 'Costs', row: 0, column: 0, rows: values.length, columns: 2 };
    return {
      grids: { Costs: { source: { kind: 'range', header: { ...range, rows: 1 } }, range, values, numberFormats } },
      block: null,
      blockNameDefined: false,
      record: null,
      sheets: ['Costs'],
    };
  };

  it(`${MAX_TABLE_ROWS.toLocaleString('en-US')} euro-formatted costs in a USD case, as many as Pilot Gate reads, are each a clash`, () => {
    const clashes = formatClashes(costs(MAX_TABLE_ROWS));
    expect(clashes).toHaveLength(MAX_TABLE_ROWS);
    expect(clashes[MAX_TABLE_ROWS - 1]).toMatchObject({ table: 'Costs', row: MAX_TABLE_ROWS + 1, column: 'Pilot', message: expect.stringContaining('formatted in EUR') });
  });

  it('a table longer than Pilot Gate reads has no clashes: the problem on its header row says it is too long', () => {
    expect(formatClashes(costs(130_000))).toEqual([]);
  });
});
