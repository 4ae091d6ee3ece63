import { SAMPLE_COSTS, SAMPLE_METRICS } from '../../src/model/sample';
import { caseInput, formatWarnings, locate } from '../../src/usecases/inputs';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { InputsRead } from '../../src/workbook/port';
import type { Grid } from '../../src/model/types';
import { withinASecond } from '../support/guard';

/** The table as pasted text: cells formatted as text keep `$3.40` as written. */
async function readOf(metrics: Grid, at = { row: 3, column: 2 }): Promise<InputsRead> {
  const book = new MemoryWorkbook({ sheets: ['Data'] });
  const numberFormats = metrics.map((line) => line.map((cell) => (typeof cell === 'string' ? '@' : 'General')));
  await book.write([{ op: 'cells', at: { sheet: 'Data', ...at }, cells: metrics, numberFormats }]);
  return book.read(
    { Metrics: { kind: 'range', header: { sheet: 'Data', ...at, rows: 1, columns: metrics[0].length } } },
    'none',
  );
}

describe('inputs and where their problems are', () => {
  it('points a problem at its cell through the header mapping, wherever the table sits', async () => {
    const metrics = SAMPLE_METRICS.map((r) => [...r]);
    metrics[0] = ['Current', 'KPI', 'Goal', 'Actual', 'Within', 'Unit', 'Direction', 'Volume', 'Value per unit'];
    const read = await readOf(metrics);
    const f = locate({ table: 'Metrics', row: 3, column: 'Baseline', message: 'expected a number' }, read);
    expect(f).toMatchObject({ severity: 'error', where: { sheet: 'Data', row: 5, column: 2, rows: 1, columns: 1 }, cell: 'Data!C6' });
    expect(locate({ table: 'Metrics', row: 2, column: 'Metric', message: '' }, read).cell).toBe('Data!D5');
  });

  it('points a missing column at the header row, and a table not read at nothing', async () => {
    const read = await readOf([['Metric', 'Target'], ['x', 1]]);
    const f = locate({ table: 'Metrics', row: 1, column: 'Baseline', message: 'missing column' }, read);
    expect(f.where).toEqual({ sheet: 'Data', row: 3, column: 2, rows: 1, columns: 2 });
    expect(locate({ table: 'Costs', row: 4, column: 'Pilot', message: '' }, read)).toMatchObject({ where: null, cell: null });
  });

  it('builds the engine’s input from the tables read', async () => {
    const read = await readOf(SAMPLE_METRICS);
    // With where the table was read from, so reasons and actions name its cells.
    expect(caseInput(read)).toEqual({ metrics: SAMPLE_METRICS, costs: [], places: { Metrics: { sheet: 'Data', row: 3, column: 2 } } });
  });

  it('warns when a percent- or money-formatted cell meets a blank Unit (Excel passes the bare number)', async () => {
    const book = new MemoryWorkbook({ sheets: ['Data'] });
    // Typed into General cells, Excel turns these into 0.042 (0.0%) and 3.4 ($).
    book.setValues({ sheet: 'Data', row: 0, column: 0 }, [
      ['Metric', 'Baseline', 'Target', 'Unit'],
      ['Error rate', '4.2%', '0.5%', null],
      ['Cost', '$3.40', '$0.80', null],
      ['Labelled', '4.2%', '0.5%', '%'],
    ]);
    const read = await book.read({ Metrics: { kind: 'range', header: { sheet: 'Data', row: 0, column: 0, rows: 1, columns: 4 } } }, 'none');
    const warnings = formatWarnings(read);
    // Beside Unit %, the typed 4.2% (passed as 0.042) clashes too: Unit % reads bare numbers in percent points.
    expect(warnings.map((w) => `${w.cell} ${w.column}`)).toEqual(['Data!B2 Baseline', 'Data!B3 Baseline', 'Data!B4 Baseline']);
    expect(warnings[0].message).toMatch(/percentage .*0\.042.*"%" in the Unit column.*4\.2%/);
    expect(warnings[1].message).toMatch(/money .*3\.4.*currency/);
    expect(warnings[2].message).toMatch(/shows 4\.2% .* reads as 0\.042%/);
    expect(warnings.every((w) => w.severity === 'warning')).toBe(true);
  });

  it('asks whether a bare Value per unit on a time metric was meant per hour', async () => {
    const read = await readOf([
      ['Metric', 'Baseline', 'Target', 'Value per unit', 'Unit'],
      ['Handling time', '12 min', '2 min', 45, null],
      ['Hours saved', 0, 200, 45, 'h/week'],
      ['Rework', '12 min', '2 min', '$45/h', null],
    ]);
    const warnings = formatWarnings(read);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ row: 2, column: 'Value per unit', cell: 'Data!F5' });
    expect(warnings[0].message).toBe('45 is read as money per min — meant per hour? Write it with its unit, such as "$45/h"');
  });

  it('reads the unit after a Baseline of 32,767 characters within a second (SPEC §4)', async () => {
    const read = await readOf([
      ['Metric', 'Baseline', 'Target', 'Value per unit'],
      ['Spaced', `1${' '.repeat(32_765)}!`, '2 min', 45],
      ['Padded', `12 ${' '.repeat(32_760)}min`, '2 min', 45],
    ]);
    const warnings = withinASecond(() => formatWarnings(read));
    expect(warnings.map((w) => `${w.row} ${w.column}`)).toEqual(['3 Value per unit']);
  });

  it('has nothing to say about the sample as written', async () => {
    expect(formatWarnings(await readOf(SAMPLE_METRICS))).toEqual([]);
    expect(SAMPLE_COSTS.length).toBeGreaterThan(1);
  });
});
