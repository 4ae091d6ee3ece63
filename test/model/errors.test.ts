import { CaseInputError, andMore } from '../../src/model/errors';

describe('andMore', () => {
  it('gives the first message alone, or with how many more there are', () => {
    expect(andMore('pilot: the cell is blank', 0, 'cell')).toBe('pilot: the cell is blank');
    expect(andMore('a', 1, 'cell')).toBe('a (and 1 more cell)');
    expect(andMore('a', 3, 'problem')).toBe('a (and 3 more problems)');
  });

  it('is how a case with several problems sums them up', () => {
    const problem = { table: 'Metrics' as const, row: 3, column: 'Baseline', message: 'expected a number' };
    expect(new CaseInputError([problem, problem, problem]).message).toBe('Metrics row 3, Baseline: expected a number (and 2 more problems)');
  });
});
