// Fuzzing every PILOT function through the runner, as Excel calls it: arguments of any shape
// (test/support/hostile.ts). SPEC §4: a value or an Excel error with a message, within a second,
// never a thrown exception, NaN, ±Infinity or −0. 10,000 runs under CI=true.
import fc from 'fast-check';
import { CaseCache } from '../../src/functions/cache';
import { PILOT_FUNCTIONS, type PilotFunction } from '../../src/functions/catalogue';
import type { ParamSignature } from '../../src/functions/signatures';
import { runPilotFunction, type PilotOutcome } from '../../src/functions/runner';
import type { CaseInput } from '../../src/model';
import { withinASecond } from '../support/guard';
import { CELL_LIMIT, assertFuzz, fuzzRuns, hostCell, hostRange, hostTable, hostileCase } from '../support/hostile';
import { badNumbers } from '../support/numbers';

const TABLE_KEYS = { Metrics: 'metrics', Costs: 'costs', Readiness: 'readiness', Ownership: 'ownership', Assumptions: 'assumptions' } as const;

/** One argument for a parameter: the case's own table where one is asked for, often a word it accepts, else any shape. */
function argumentFor(param: ParamSignature, input: CaseInput): fc.Arbitrary<unknown> {
  const table = (): fc.Arbitrary<unknown> => hostTable(fc.constant(input[TABLE_KEYS[param.table ?? 'Metrics']]));
  const words = param.choices ?? [];
  const cell = words.length > 0 ? fc.oneof(fc.constantFrom(...words), hostCell) : hostCell;
  const given = param.kind === 'table' ? table() : param.kind === 'range' ? hostRange : cell;
  // Omitted (Excel passes null), or left out at the end of the call.
  return param.optional ? fc.oneof({ weight: 4, arbitrary: given }, { weight: 1, arbitrary: fc.constant(null) }) : given;
}

/** A call of `fn` on a case: its arguments, sometimes one too many. */
function callOf(fn: PilotFunction, input: CaseInput): fc.Arbitrary<unknown[]> {
  return fc.tuple(fc.tuple(...fn.params.map((p) => argumentFor(p, input))), fc.nat({ max: 20 })).map(([args, extra]) => (extra === 0 ? [...args, 'extra'] : args));
}

/** Every function, each with its own arguments drawn from one case. */
const calls: fc.Arbitrary<[string, unknown[]][]> = hostileCase.chain((input) =>
  fc.tuple(...PILOT_FUNCTIONS.map((fn) => callOf(fn, input).map((args): [string, unknown[]] => [fn.id, args]))),
);

/** A text Excel can show in a cell, and no more: 32,767 characters. */
function expectCellText(text: string): void {
  expect(text.length).toBeLessThanOrEqual(CELL_LIMIT);
}

function expectExcelValue(fn: PilotFunction, outcome: PilotOutcome): void {
  if (!outcome.ok) {
    const { error } = outcome;
    expect(['#VALUE!', '#NUM!', '#N/A', '#DIV/0!']).toContain(error.code);
    expect(error.message.trim()).not.toBe('');
    // The runner wraps a throw that is not the engine's own in this sentence: a defect, not an answer.
    expect(error.message).not.toMatch(/^Unexpected error/);
    return;
  }
  const { value } = outcome;
  expect(badNumbers(value)).toEqual([]);
  if (fn.result === 'spill') {
    expect(Array.isArray(value)).toBe(true);
    for (const row of value as unknown[][]) for (const cell of row) if (typeof cell === 'string') expectCellText(cell);
  } else if (typeof value === 'string') {
    expectCellText(value);
  } else {
    expect(typeof value).toBe('number');
  }
}

describe('fuzz: every PILOT function through the runner', () => {
  it('answers every call within a second with a value Excel can show or an Excel error with a message', () => {
    assertFuzz(
      fc.property(calls, (list) => {
        const context = { cases: new CaseCache() };
        for (const [id, args] of list) {
          const fn = PILOT_FUNCTIONS.find((f) => f.id === id)!;
          const outcome = withinASecond(() => runPilotFunction(id, args, context), `PILOT.${id}`);
          expectExcelValue(fn, outcome);
        }
      }),
      fuzzRuns(150),
    );
  });
});
