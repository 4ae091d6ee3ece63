import { defaultAssumptions } from '../../src/model/assumptions';
import { matchCategory } from '../../src/model/categories';
import { expansionMultiple, readCosts } from '../../src/model/costs';

describe('Costs table (SPEC §2.2, §3.3)', () => {
  const a = defaultAssumptions();

  it('sums pilot, one-time and annual, finding columns by synonym in any order', () => {
    const c = readCosts(
      [
        ['Run rate', 'Item', 'Capex', 'Pilot cost'],
        [60000, 'Model and licences', null, 30000],
        ['$30,000', 'Infrastructure', '20k USD', '$15,000'],
      ],
      a,
    );
    expect(c.problems).toEqual([]);
    expect(c.pilotTotal).toBe(45000);
    expect(c.oneTime).toBe(20000);
    expect(c.annualRun).toBe(90000);
    expect(c.lines.map((l) => l.estimated)).toEqual([false, false]);
  });

  it('estimates a standard line from its default multiplier, or the row multiplier, or the assumption', () => {
    const grid = [
      ['Category', 'Pilot', 'One-time', 'Annual', 'Multiplier'],
      ['Security & compliance', 10000, null, null, null],
      ['Monitoring', 5000, null, null, '5×'],
      ['Legal review (external)', 2000, null, null, 2],
    ];
    const c = readCosts(grid, a);
    expect(c.problems).toEqual([]);
    expect(c.lines.map((l) => [l.annual, l.estimated, l.multiplier])).toEqual([
      [40000, true, 4],
      [25000, true, 5],
      [4000, true, 2],
    ]);
    const changed = readCosts(grid, { ...a, multipliers: { ...a.multipliers, security: 6 } });
    expect(changed.lines[0].annual).toBe(60000);
  });

  it('a custom category with no production figure and no multiplier is an error on its Category cell, not a guess', () => {
    // The table has no Annual column at all: the problem is on the cell that names the category.
    const c = readCosts([['Category', 'Pilot'], ['Legal review', 5000]], a);
    expect(c.problems).toEqual([
      expect.objectContaining({ table: 'Costs', row: 2, column: 'Category', message: expect.stringMatching(/not a standard category/) }),
    ]);
  });

  it('reports every bad cell of a row, naming the canonical column', () => {
    const c = readCosts([['Item', 'Pilot cost', 'Build', 'Opex'], ['Infrastructure', 'N/A', '€5,000', '12 min']], a);
    expect(c.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Pilot'],
      [2, 'One-time'],
      [2, 'Annual'],
    ]);
    expect(c.problems[1].message).toMatch(/EUR|€/);
    expect(c.problems[2].message).toMatch(/not an amount of money/);
  });

  it('reads money per time in Annual as money a year: $2,000/month is 24,000, $25k/month 300,000', () => {
    const c = readCosts(
      [
        ['Category', 'Pilot', 'Annual'],
        ['Model and licences', 30000, '$2,000/month'],
        ['Infrastructure', 15000, '$25k/month'],
        ['Monitoring', 5000, '$500 per week'],
      ],
      a,
    );
    expect(c.problems).toEqual([]);
    expect(c.lines.map((l) => l.annual).slice(0, 2)).toEqual([24000, 300000]);
    expect(c.lines[2].annual).toBeCloseTo((500 * 365.25) / 7, 9);
    expect(c.annualRun).toBeCloseTo(24000 + 300000 + 26089.29, 2);
  });

  it('money per time in Pilot or One-time is a problem on that cell: they are amounts', () => {
    const c = readCosts([['Category', 'Pilot', 'One-time', 'Annual'], ['Infrastructure', '$2,000/month', '$500/week', 1000]], a);
    expect(c.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Pilot'],
      [2, 'One-time'],
    ]);
    expect(c.problems[0].message).toMatch(/"\$2,000\/month" is money per time.*only Annual takes money per time/);
  });

  it('takes a negative cost cell as a credit, named in the warnings', () => {
    const c = readCosts(
      [
        ['Category', 'Pilot', 'One-time', 'Annual'],
        ['Infrastructure', 15000, 20000, 30000],
        ['Vendor credit', '(500)', -2000, null],
      ],
      a,
    );
    expect(c.problems).toEqual([]);
    expect([c.pilotTotal, c.oneTime, c.annualRun]).toEqual([14500, 18000, 30000]);
    expect(c.warnings).toEqual(['Costs row 3: "Vendor credit" is a credit (Pilot ($500), One-time ($2,000)), taken off the totals.']);
  });

  it('a negative total P, O or R is a problem on that column\'s header row', () => {
    const c = readCosts(
      [
        ['Category', 'Pilot', 'One-time', 'Annual'],
        ['Infrastructure', 1000, 2000, 3000],
        ['Rebate', -1500, -2500, '$-500/month'],
      ],
      a,
    );
    expect(c.problems.map((p) => [p.table, p.row, p.column])).toEqual([
      ['Costs', 1, 'Pilot'],
      ['Costs', 1, 'One-time'],
      ['Costs', 1, 'Annual'],
    ]);
    expect(c.problems[0].message).toBe('the pilot total P adds up to ($500): credits may lower a total, not make it negative');
    expect(c.problems[2].message).toMatch(/production annual R adds up to \(\$3,000\)/);
    // A credit pilot line on a standard category with no production figure estimates a negative Annual.
    const estimated = readCosts([['Category', 'Pilot'], ['Infrastructure', -1000]], a);
    expect(estimated.problems.map((p) => [p.row, p.column])).toEqual([
      [1, 'Pilot'],
      [1, 'Annual'],
    ]);
  });

  it('a missing Category column is reported on row 1', () => {
    const c = readCosts([['Pilot', 'Annual'], [1, 2]], a);
    expect(c.problems).toEqual([expect.objectContaining({ table: 'Costs', row: 1, column: 'Category' })]);
  });

  it('computes the expansion multiple, none without a pilot cost', () => {
    expect(expansionMultiple(120000, 190000, 191000)).toBeCloseTo(3.175, 12);
    expect(expansionMultiple(0, 1, 1)).toBeNull();
  });

  it('matches standard categories like headers, ignoring a trailing parenthesis', () => {
    expect(matchCategory('  operations and SUPPORT ')).toBe('operations');
    expect(matchCategory('Infrastructure (GPU hosting)')).toBe('infrastructure');
    expect(matchCategory('Change management')).toBe('change');
    expect(matchCategory('Catering')).toBeNull();
  });
});
