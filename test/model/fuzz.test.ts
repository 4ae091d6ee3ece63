// Fuzzing the engine's entry points with what a workbook can hold (test/support/hostile.ts):
// SPEC §4 and §5 promise that no input hangs a call, throws anything but the engine's own error,
// or gives NaN, ±Infinity or −0. 10,000 runs each under CI=true.
import fc from 'fast-check';
import { CaseInputError, ModelError, checkCase, evaluateCase, parseValue, type CaseInput, type Problem } from '../../src/model';
import { irr, npv, paybackPeriods } from '../../src/model/finance';
import { withinASecond } from '../support/guard';
import { anyCell, assertFuzz, excelNumber, fuzzRuns, hostileCase } from '../support/hostile';
import { badNumbers } from '../support/numbers';

const TABLES = ['Metrics', 'Costs', 'Readiness', 'Ownership', 'Assumptions'];
const VERDICTS = ['SCALE', 'PIVOT', 'KILL', 'NOT READY'];
const KEYS: Record<string, Exclude<keyof CaseInput, 'places'>> = { Metrics: 'metrics', Costs: 'costs', Readiness: 'readiness', Ownership: 'ownership', Assumptions: 'assumptions' };

/** The engine's own error, or the test fails with what was thrown instead. */
function engineError(error: unknown): ModelError {
  if (!(error instanceof ModelError)) throw new Error(`an untyped throw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  expect(['#VALUE!', '#NUM!', '#N/A', '#DIV/0!']).toContain(error.code);
  expect(error.message.trim()).not.toBe('');
  return error;
}

/** A problem names its table, a row the table has (1 is the header), a column and what was expected. */
function expectWellFormed(problem: Problem, input: CaseInput): void {
  expect(TABLES).toContain(problem.table);
  const grid = input[KEYS[problem.table]];
  expect(Number.isInteger(problem.row)).toBe(true);
  expect(problem.row).toBeGreaterThanOrEqual(1);
  expect(problem.row).toBeLessThanOrEqual(Math.max(1, grid?.length ?? 1));
  expect(problem.column.trim()).not.toBe('');
  expect(problem.message.trim()).not.toBe('');
}

describe('fuzz: the engine on any input', () => {
  it('parseValue returns a finite number (never −0) or throws #VALUE! with a message', () => {
    const unit = fc.option(fc.oneof(fc.constantFrom('min', 'h', 'USD', 'EUR', '%', 'docs/year', '$/h', 'constructor', '', 'n/a'), fc.string({ maxLength: 12 })), { nil: undefined });
    assertFuzz(
      fc.property(anyCell, unit, (cell, to) => {
        let value: number;
        try {
          value = withinASecond(() => parseValue(cell, to), `parseValue(${JSON.stringify(cell)?.slice(0, 60)})`);
        } catch (error) {
          expect(engineError(error).code).toBe('#VALUE!');
          return;
        }
        expect(badNumbers(value)).toEqual([]);
      }),
      fuzzRuns(2_000),
    );
  });

  it('checkCase never throws and names each problem’s cell; evaluateCase gives figures that are all numbers exactly when checkCase finds nothing', () => {
    assertFuzz(
      fc.property(hostileCase, (input) => {
        const problems = withinASecond(() => checkCase(input), 'checkCase');
        for (const problem of problems) expectWellFormed(problem, input);
        let thrown: unknown = null;
        try {
          const result = withinASecond(() => evaluateCase(input), 'evaluateCase');
          expect(badNumbers(result)).toEqual([]);
          expect(VERDICTS).toContain(result.verdict);
          expect(result.reasons.length).toBeGreaterThan(0);
        } catch (error) {
          thrown = error;
        }
        if (thrown === null) {
          expect(problems).toEqual([]);
        } else if (engineError(thrown) instanceof CaseInputError) {
          expect((thrown as CaseInputError).problems).toEqual(problems);
        } else {
          // A figure with no solution is the engine's #NUM!, never an input problem checkCase missed.
          expect(problems).toEqual([]);
        }
      }),
      fuzzRuns(),
    );
  });

  it('npv, irr and payback on flows from 5e-324 to 1e308: a finite number (never −0), none, or the engine’s error', () => {
    const flows = fc.array(excelNumber, { minLength: 1, maxLength: 12 });
    assertFuzz(
      fc.property(flows, fc.double({ min: -0.99, max: 10, noNaN: true }), (values, rate) => {
        for (const [name, call] of [
          ['npv', () => npv(rate, values)],
          ['irr', () => irr(values)],
          ['paybackPeriods', () => paybackPeriods(values)],
        ] as const) {
          let value: number | null;
          try {
            value = withinASecond(call, `${name}(${JSON.stringify(values)})`);
          } catch (error) {
            engineError(error);
            continue;
          }
          expect(badNumbers(value)).toEqual([]);
        }
      }),
      fuzzRuns(1_000),
    );
  });
});
