/**
 * What a step that may fail for a reason a person should see gave: a value, or the error to
 * show instead. One shape for every such step (a PILOT call, a cached case, a cell read from a
 * host), so errors travel as values and are turned into a host's error in one place each.
 */
import { ModelError } from '../model/errors';

/** A value, or the error shown in its place (the engine's ModelError unless said otherwise). */
export type Outcome<T, E = ModelError> = { ok: true; value: T } | { ok: false; error: E };

/**
 * The outcome of running `compute`: its value, or the ModelError it threw. Anything else thrown
 * is a defect and is thrown on.
 *
 * @example
 *   outcomeOf(() => parseValue('2 h', 'min'))  // { ok: true, value: 120 }
 *   outcomeOf(() => parseValue('N/A')).ok       // false: the #VALUE! and its message
 */
export function outcomeOf<T>(compute: () => T): Outcome<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    if (error instanceof ModelError) return { ok: false, error };
    throw error;
  }
}
