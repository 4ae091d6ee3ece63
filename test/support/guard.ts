import { performance } from 'node:perf_hooks';

/**
 * SPEC §4: every function returns within a second on any input Excel can hold. Tests call
 * hostile inputs through this guard: a call that comes back later than that fails the test.
 * It guards against hangs and quadratic blow-ups, where the time is seconds or never; speed
 * itself is measured in `npm run bench`, not here. The time is the lesser of the wall clock and
 * the CPU time this process spent (process.cpuUsage): on a machine busy with other work a fast
 * call can wait seconds for a core (wall clock high), and V8's parallel garbage collection on a
 * million rows adds its threads' time to the CPU time (CPU time above the wall clock), while a
 * hang or a quadratic scan drives both up.
 */
export const CALL_LIMIT_MS = 1000;

/**
 * The value of `call`, or an error when it took longer than CALL_LIMIT_MS. What `call` throws
 * is thrown on unchanged, so a test still sees the engine's own error.
 *
 * @example
 *   withinASecond(() => irr([-1, 1e-300, -5e-324])) // null, quickly
 */
export function withinASecond<T>(call: () => T, what = 'the call'): T {
  const started = process.cpuUsage();
  const wallStarted = performance.now();
  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: call() };
  } catch (error) {
    outcome = { error };
  }
  const spent = process.cpuUsage(started);
  const took = Math.min(performance.now() - wallStarted, (spent.user + spent.system) / 1000);
  if (took > CALL_LIMIT_MS) {
    throw new Error(`${what} took ${Math.round(took)} ms (the lesser of wall clock and CPU time): SPEC §4 allows at most ${CALL_LIMIT_MS} ms on any input`);
  }
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}
