// SPEC §4: every function returns within a second on any input Excel can hold, a million rows
// included. No parse reaches a million rows that all differ in that time, so a table with more
// than MAX_TABLE_ROWS rows that are not blank is one problem on its header row, found in one pass
// before any cell is read; blank rows (a whole-column reference hands over a million) are skipped.
import { SAMPLE_OWNERSHIP, checkCase, evaluateCase, sampleCase, type CaseInput, type Cell, type Grid, type TableName } from '../../src/model';
import { MAX_TABLE_ROWS } from '../../src/model/tables';
import { withinASecond } from '../support/guard';

const sample = sampleCase();
const count = (n: number): string => n.toLocaleString('en-US');

/** `rows` rows after the header, row i made by `row`: one array shared by many rows costs no memory. */
function table(header: readonly Cell[], rows: number, row: (i: number) => Cell[]): Grid {
  return [[...header], ...Array.from({ length: rows }, (_, i) => row(i))];
}

/** Each table of a case, with `rows` rows that are all different and each a row the engine would read. */
const LONG: Readonly<Record<TableName, { key: keyof CaseInput; column: string; per: string; grid: (rows: number) => Grid }>> = {
  Metrics: { key: 'metrics', column: 'Metric', per: 'metric', grid: (n) => table(sample.metrics[0], n, (i) => [`Metric ${i}`, `${i + 20} min`, '2 min', `${i % 7} min`, '90 days', null, null, `${i + 1} docs/year`, '$45/h']) },
  Costs: { key: 'costs', column: 'Category', per: 'cost category', grid: (n) => table(sample.costs[0], n, (i) => [`Line ${i}`, i, null, i + 1, null]) },
  Readiness: { key: 'readiness', column: 'Gate', per: 'gate', grid: (n) => table(sample.readiness![0], n, (i) => [`Check ${i}`, 'yes', 'Sam Lee', `Note ${i}`]) },
  Ownership: { key: 'ownership', column: 'Function', per: 'production function', grid: (n) => table(SAMPLE_OWNERSHIP[0], n, (i) => [`Function ${i}`, 'Sam Lee', 'Dana Whitfield']) },
  Assumptions: { key: 'assumptions', column: 'Name', per: 'assumption', grid: (n) => table(['Name', 'Value'], n, (i) => [`Thing ${i}`, i]) },
};

describe(`a table of more than ${count(MAX_TABLE_ROWS)} rows`, () => {
  it.each(Object.keys(LONG) as TableName[])('%s: one problem on its header row, saying how many rows it has and how many are read', (name) => {
    const { key, column, per, grid } = LONG[name];
    const problems = withinASecond(() => checkCase({ ...sample, [key]: grid(MAX_TABLE_ROWS + 1) }));
    expect(problems).toEqual([
      {
        table: name,
        row: 1,
        column,
        message: `the table has ${count(MAX_TABLE_ROWS + 1)} rows (blank rows not counted), and Pilot Gate reads at most ${count(MAX_TABLE_ROWS)}: no function could answer within a second on more; keep one row per ${per}`,
      },
    ]);
  });

  it('a million rows are refused within a second, each table named, with no row read', () => {
    const row = ['Errors', 'n/a', '1%', null, null, null, null, null, null];
    const million: Grid = [sample.metrics[0], ...new Array<Cell[]>(1_000_000).fill(row)];
    const costs: Grid = [sample.costs[0], ...new Array<Cell[]>(1_000_000).fill(['Line', 'n/a', null, null, null])];
    const problems = withinASecond(() => checkCase({ ...sample, metrics: million, costs }), 'checkCase on two tables of a million rows');
    expect(problems.map((p) => [p.table, p.row, p.column, p.message.slice(0, 40)])).toEqual([
      ['Metrics', 1, 'Metric', 'the table has 1,000,000 rows (blank rows'],
      ['Costs', 1, 'Category', 'the table has 1,000,000 rows (blank rows'],
    ]);
  });
});

describe(`a table of ${count(MAX_TABLE_ROWS)} rows`, () => {
  it.each(Object.keys(LONG) as TableName[])('%s: read whole, no limit reached', (name) => {
    const { key, grid } = LONG[name];
    const problems = withinASecond(() => checkCase({ ...sample, [key]: grid(MAX_TABLE_ROWS) }));
    expect(problems.filter((p) => p.row === 1)).toEqual([]);
  });
});

describe('blank rows', () => {
  // A whole-column reference (Metrics!A:I) hands over every row of the sheet; those past the table are blank.
  const blanks = (width: number, rows: number): Cell[][] => {
    // Four kinds of blank row, each shared by a quarter of the rows: 0 is blank in a column of words.
    const kinds = [null, '', '   ', 0].map((blank) => Array.from({ length: width }, (_, c): Cell => (blank === 0 && c > 0 ? null : blank)));
    return Array.from({ length: rows }, (_, i) => kinds[i % 4]);
  };

  it('are skipped, however many: the sample with a million blank rows among and after its rows gives its own figures', () => {
    const [header, ...rows] = sample.metrics;
    const metrics: Grid = [header, rows[0], ...blanks(header.length, 500_000), ...rows.slice(1), ...blanks(header.length, 500_000)];
    const costs: Grid = [...sample.costs, ...blanks(sample.costs[0].length, 1_000_000)];
    const result = withinASecond(() => evaluateCase({ ...sample, metrics, costs }), 'evaluateCase with two million blank rows');
    const plain = evaluateCase(sample);
    expect(result.npv).toBe(plain.npv);
    expect(result.metrics.map((m) => m.row)).toEqual([2, 500_003, 500_004, 500_005]);
  });

  it('do not count toward the limit: the limit’s worth of rows, then a million blank ones, is read whole', () => {
    const metrics: Grid = [...LONG.Metrics.grid(MAX_TABLE_ROWS), ...blanks(sample.metrics[0].length, 1_000_000)];
    expect(withinASecond(() => checkCase({ ...sample, metrics }))).toEqual([]);
  });
});
