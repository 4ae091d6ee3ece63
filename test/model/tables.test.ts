import { COSTS, isBlank, METRICS, normalizeName, readTable } from '../../src/model/tables';

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
});
