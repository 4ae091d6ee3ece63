import { ASSUMPTIONS, COSTS, isBlank, METRICS, normalizeName, READINESS, readTable, wordCell } from '../../src/model/tables';

describe('tables read by header (SPEC §2)', () => {
  it('finds columns by name or synonym, case- and space-insensitively, in any order', () => {
    const t = readTable(
      [
        ['value PER unit', ' KPI ', 'Goal', 'As-is', 'UoM'],
        ['$45/h', 'Processing time', '2 min', '12 min', 'min'],
      ],
      METRICS,
    );
    expect(t.problems).toEqual([]);
    expect(t.columns).toEqual({ 'Value per unit': 0, Metric: 1, Target: 2, Baseline: 3, Unit: 4 });
    expect(t.headers.Baseline).toBe('As-is');
    expect(t.rows).toEqual([
      {
        row: 2,
        cells: {
          Metric: 'Processing time',
          Baseline: '12 min',
          Target: '2 min',
          Pilot: null,
          Timeline: null,
          Unit: 'min',
          Direction: null,
          Volume: null,
          'Value per unit': '$45/h',
          Low: null,
          High: null,
        },
      },
    ]);
  });

  it('reports unknown columns once, in one warning, and a repeated column', () => {
    const t = readTable([['Category', 'Owner', 'Pilot', 'Notes', 'Pilot cost', 'Owner']], COSTS);
    expect(t.warnings).toEqual([
      'Costs: column "Pilot cost" repeats Pilot; the first one, "Pilot", is used.',
      'Costs: columns "Owner", "Notes", "Owner" ignored.',
    ]);
  });

  it('reports each missing required column on row 1 with its accepted names', () => {
    const t = readTable([['Metric', 'Pilot']], METRICS);
    expect(t.problems).toEqual([
      { table: 'Metrics', row: 1, column: 'Baseline', message: 'missing column "Baseline" (also accepted: Current, Before, As-is)' },
      { table: 'Metrics', row: 1, column: 'Target', message: 'missing column "Target" (also accepted: Goal, To-be, Production target)' },
    ]);
  });

  it('says an empty table is empty', () => {
    const t = readTable([], COSTS);
    expect(t.problems).toEqual([
      { table: 'Costs', row: 1, column: 'Category', message: 'the Costs table is empty: expected a header row with a "Category" column (also accepted: Item, Cost)' },
    ]);
    expect(readTable(undefined, COSTS).problems).toHaveLength(1);
  });

  it('skips blank rows but keeps the row numbers a person sees', () => {
    const t = readTable([['Category', 'Pilot'], [null, ''], ['Infrastructure', 5], ['  ', null], ['Monitoring']], COSTS);
    expect(t.rows.map((r) => [r.row, r.cells.Category, r.cells.Pilot])).toEqual([
      [3, 'Infrastructure', 5],
      [5, 'Monitoring', null],
    ]);
  });

  it('normalises names and blanks as a person would', () => {
    expect(normalizeName(' Value  per\tUnit ')).toBe('valueperunit');
    expect([null, '', '  ', 0, false, 'x'].map((c) => isBlank(c))).toEqual([true, true, true, false, false, false]);
  });

  it('reads the number 0 in a column of words as blank, as Excel on Windows hands over empty cells (SPEC §2)', () => {
    const metrics = readTable(
      [['Metric', 'Baseline', 'Target', 'Unit', 'Direction', 'Volume'], [0, 0, 5, 0, 0, 0]],
      METRICS,
    );
    // Metric, Unit and Direction are words: blank. Baseline and Volume are figures: 0 stays 0.
    expect(metrics.rows[0].cells).toMatchObject({ Metric: null, Baseline: 0, Target: 5, Unit: null, Direction: null, Volume: 0 });
    expect(readTable([['Category', 'Pilot'], [0, 0]], COSTS).rows[0].cells).toMatchObject({ Category: null, Pilot: 0 });
    const gates = readTable([['Gate', 'Status', 'Owner', 'Evidence'], [0, 0, 0, 0]], READINESS);
    expect(gates.rows[0].cells).toEqual({ Gate: null, Status: 0, Owner: null, Evidence: null });
    expect(readTable([['Name', 'Value'], [0, 0.1]], ASSUMPTIONS).rows[0].cells).toEqual({ Name: null, Value: 0.1 });
    expect([wordCell(0), wordCell('0'), wordCell(undefined), wordCell('x')]).toEqual([null, '0', null, 'x']);
  });

  it('reads a header cell of 0 as an empty header, not as a column named "0"', () => {
    const t = readTable([['Category', 0, 'Pilot'], ['Infrastructure', 0, 5]], COSTS);
    expect(t.warnings).toEqual([]);
    expect(t.columns).toEqual({ Category: 0, Pilot: 2 });
  });

  it('skips a row whose only cells are 0 in columns of words, and keeps one with a figure', () => {
    const t = readTable([['Name', 'Value'], [0, null], [0, ''], ['Horizon', 0]], ASSUMPTIONS);
    expect(t.rows.map((r) => r.row)).toEqual([4]);
    expect(readTable([['Category', 'Pilot'], [0, 0]], COSTS).rows).toHaveLength(1);
  });
});
