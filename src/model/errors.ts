import type { Problem } from './types';

/**
 * The engine's error codes, named after the Excel error each becomes at the edge
 * (src/functions turns them into CustomFunctions.Error in one place).
 */
export type ErrorCode = '#VALUE!' | '#NUM!' | '#N/A' | '#DIV/0!';

/**
 * The one error type the engine throws: a code from the catalogue above and a message a
 * person can act on.
 *
 * @example
 *   throw new ModelError('#VALUE!', '"N/A" is not a value: expected a number such as 12 min or $3.40');
 */
export class ModelError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

/**
 * The first of several messages, and how many more there are, as one line.
 *
 * @example
 *   andMore('Metrics row 3, Baseline: expected a number', 2, 'problem') // 'Metrics row 3, Baseline: expected a number (and 2 more problems)'
 *   andMore('pilot: the cell is blank', 0, 'cell')                      // 'pilot: the cell is blank'
 */
export function andMore(first: string, more: number, noun: string): string {
  return more <= 0 ? first : `${first} (and ${more.toLocaleString('en-US')} more ${noun}${more === 1 ? '' : 's'})`;
}

/**
 * Bad input to a whole case: every problem found, at once. `total` counts them where only the
 * first are kept (a million error cells are one message, not a million problems).
 *
 * @example
 *   throw new CaseInputError([{ table: 'Metrics', row: 3, column: 'Baseline', message: 'expected a number' }]);
 */
export class CaseInputError extends ModelError {
  constructor(
    readonly problems: Problem[],
    readonly total = problems.length,
  ) {
    super('#VALUE!', CaseInputError.summary(problems, total));
    this.name = 'CaseInputError';
  }

  /** "Metrics row 3, Baseline: expected a number (and 2 more problems)". */
  static summary(problems: Problem[], total = problems.length): string {
    if (problems.length === 0) return 'The case has no usable input.';
    const [first] = problems;
    return andMore(`${first.table} row ${first.row}, ${first.column}: ${first.message}`, total - 1, 'problem');
  }
}
