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

  it('a custom category with no production figure and no multiplier is an error, not a guess', () => {
    const c = readCosts([['Category', 'Pilot'], ['Legal review', 5000]], a);
    expect(c.problems).toEqual([
      expect.objectContaining({ table: 'Costs', row: 2, column: 'Annual', message: expect.stringMatching(/not a standard category/) }),
    ]);
  });

  it('reports every bad cell of a row, naming the canonical column', () => {
    const c = readCosts([['Item', 'Pilot cost', 'Build', 'Opex'], ['Infrastructure', 'N/A', '€5,000', '(200)']], a);
    expect(c.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Pilot'],
      [2, 'One-time'],
      [2, 'Annual'],
    ]);
    expect(c.problems[1].message).toMatch(/EUR|€/);
    expect(c.problems[2].message).toMatch(/0 or more/);
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
