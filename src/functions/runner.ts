/**
 * The one argument runner every PILOT function goes through, whatever the host: it reads the
 * arguments as the declarations say (kinds, defaults, accepted values), runs the adapter, turns anything thrown into an
 * engine error (never an uncaught exception), and checks the result on the way out: its kind,
 * and every number in it finite, with -0 made 0. Hosts then turn the outcome into their own
 * shapes in one place each (errors.ts for Excel, the HyperFormula plugin for the workbench).
 */
import { ModelError } from '../model/errors';
import type { CaseResult } from '../model/types';
import { readArguments } from './arguments';
import { CASE_FIGURES, pilotFunction, type CaseFigureId, type FigureOptions, type FunctionContext, type PilotValue } from './catalogue';
import type { ResultKind, SpillCell } from './signatures';
import type { Outcome } from './outcome';

/** What a call gave: a checked value, or the engine error the cell should show. */
export type PilotOutcome = Outcome<PilotValue>;

/** #VALUE!, not #NUM!: Excel shows the message of a #VALUE! only. */
function finite(x: number, what: string): number {
  if (!Number.isFinite(x)) throw new ModelError('#VALUE!', `${what} is not a finite number (${x}).`);
  return x === 0 ? 0 : x;
}

/** What a spill shows where a figure is no number: one cell says so, and the spill's other figures stay. */
export const NOT_FINITE_TEXT = 'not a finite number';

/** The most characters an Excel cell holds. */
export const CELL_CHARACTERS = 32_767;

/** Text as a cell can hold it: a reason that quotes a 32,767-character metric name is cut to the limit, ending in "…". */
function fitted(text: string): string {
  if (text.length <= CELL_CHARACTERS) return text;
  const end = CELL_CHARACTERS - 1;
  // Never cut between the two halves of a character outside the Basic Multilingual Plane.
  const high = text.charCodeAt(end - 1) >= 0xd800 && text.charCodeAt(end - 1) <= 0xdbff;
  return `${text.slice(0, high ? end - 1 : end)}…`;
}

/** The value as the catalogue promises it, every number finite and -0 as 0, every text within a cell's length; a broken promise is #VALUE!. */
function checked(value: PilotValue, kind: ResultKind, id: string): PilotValue {
  const broken = (what: string): never => {
    throw new ModelError('#VALUE!', `Unexpected error in PILOT.${id}: ${what}.`);
  };
  switch (kind) {
    case 'number':
      return typeof value === 'number' ? finite(value, `PILOT.${id}'s result`) : broken(`expected a number, got ${typeof value}`);
    case 'text':
      return typeof value === 'string' ? fitted(value) : broken(`expected text, got ${typeof value}`);
    case 'number or text':
      if (typeof value === 'number') return finite(value, `PILOT.${id}'s result`);
      return typeof value === 'string' ? fitted(value) : broken(`expected a number or text, got ${typeof value}`);
    case 'spill': {
      if (!Array.isArray(value) || value.length === 0 || !value.every((row) => Array.isArray(row))) return broken('expected a non-empty 2-D array');
      const width = value[0].length;
      return value.map((row, r) => {
        if (row.length !== width || width === 0) broken(`row ${r + 1} of the spill has ${row.length} cells, not ${width}`);
        return row.map((cell, c): SpillCell => {
          if (typeof cell === 'number') return !Number.isFinite(cell) ? NOT_FINITE_TEXT : cell === 0 ? 0 : cell;
          return typeof cell === 'string' ? fitted(cell) : broken(`row ${r + 1}, column ${c + 1} of the spill is ${String(cell)}`);
        });
      });
    }
  }
}

/** Anything thrown, as the engine error a cell shows; a non-engine error is a defect shown as #VALUE!. */
function asModelError(error: unknown, id: string): ModelError {
  if (error instanceof ModelError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ModelError('#VALUE!', `Unexpected error in PILOT.${id}: ${message}`);
}

/**
 * Runs a PILOT function on the arguments a host passed, positionally as in the sheet (omitted
 * optionals as undefined or null). Never throws.
 *
 * @example
 *   const context = { cases: new CaseCache() };
 *   runPilotFunction('VALUE', ['2 h', 'min'], context)              // { ok: true, value: 120 }
 *   runPilotFunction('NPV', [metrics, costs], context)              // { ok: true, value: 1475525.91… }
 *   runPilotFunction('VALUE', ['N/A'], context).ok                  // false: #VALUE! with a message
 */
export function runPilotFunction(name: string, args: readonly unknown[], context: FunctionContext): PilotOutcome {
  const fn = pilotFunction(name);
  if (fn === undefined) return { ok: false, error: new ModelError('#VALUE!', `There is no function PILOT.${name}.`) };
  try {
    if (args.length > fn.params.length) {
      throw new ModelError('#VALUE!', `PILOT.${fn.id} takes at most ${fn.params.length} arguments; got ${args.length}.`);
    }
    const value = fn.run(readArguments(fn.params, args), context);
    return { ok: true, value: checked(value, fn.result, fn.id) };
  } catch (error) {
    return { ok: false, error: asModelError(error, fn.id) };
  }
}

/**
 * What a case function's cell shows for an evaluated case, checked as a call would be: the
 * output block's figures as values, without a formula engine, equal to what its live formulas give.
 *
 * @example
 *   caseFigure('THRESHOLD', evaluateCase(sampleCase()), { which: 'adoption' }) // { ok: true, value: 0.2881… }
 *   caseFigure('IRR', resultWithNoIrr, {}).ok                                  // false: the #NUM! and its message
 */
export function caseFigure<Id extends CaseFigureId>(id: Id, result: CaseResult, options: FigureOptions<Id>): PilotOutcome {
  try {
    return { ok: true, value: checked(CASE_FIGURES[id](result, options), pilotFunction(id)!.result, id) };
  } catch (error) {
    return { ok: false, error: asModelError(error, id) };
  }
}
