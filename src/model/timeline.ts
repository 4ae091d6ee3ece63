/**
 * Timeline to production (SPEC §3.7): how many months from the decision to go-live, judged
 * from the readiness gates and the number of systems production must connect to.
 */
import type { Fraction, Months, ReadinessResult, TimelineCase, TimelineResult } from './types';
import { ModelError } from './errors';
import { GATE_NAMES, type GateKey } from './readiness';

/** The month ranges of SPEC §3.7. */
export const TIMELINE_RANGES: Readonly<Record<TimelineCase, { low: Months; high: Months }>> = {
  best: { low: 2, high: 3 },
  typical: { low: 4, high: 6 },
  complex: { low: 6, high: 12 },
};

/** The gates that must all pass for the best case. */
const BEST_CASE_GATES: readonly GateKey[] = ['sponsor', 'integration', 'workflow', 'metrics'];
/** Best case needs at most this many integrations. */
const BEST_CASE_MAX_INTEGRATIONS = 1;
/** This many integrations or more make the case complex. */
const COMPLEX_MIN_INTEGRATIONS = 3;
/** Readiness progress below this makes the case complex. */
const COMPLEX_PROGRESS_BELOW: Fraction = 0.5;

/**
 * Estimates the time to production (SPEC §3.7). Complex (6–12 months) when a Regulatory review
 * row does not pass, Integrations ≥ 3 or progress is below 50%; else best case (2–3) when the
 * sponsor, integration path, workflow redesign and success metrics gates pass and Integrations
 * ≤ 1; else typical (4–6). With no Readiness table (`null`) the case is typical.
 *
 * @example
 *   estimateTimeline(null, 1)                          // { low: 4, high: 6, case: 'typical' }
 *   estimateTimeline(evaluateReadiness(grid, undefined).result, 1)
 *   // SPEC §7's table: { low: 4, high: 6, case: 'typical' } (the workflow gate fails)
 */
export function estimateTimeline(readiness: ReadinessResult | null, integrations: number): TimelineResult {
  if (!Number.isFinite(integrations) || integrations < 0) {
    throw new ModelError(
      '#VALUE!',
      `Integrations must be a number of systems, 0 or more; got ${String(integrations)}`,
    );
  }
  if (readiness === null) return range('typical');

  const passes = (key: GateKey): boolean =>
    readiness.gates.some((g) => g.standard && g.gate === GATE_NAMES[key] && g.passes);
  const regulatoryFails = readiness.gates.some(
    (g) => g.standard && g.gate === GATE_NAMES.regulatory && g.row !== null && !g.passes,
  );
  const complex =
    regulatoryFails || integrations >= COMPLEX_MIN_INTEGRATIONS || readiness.progress < COMPLEX_PROGRESS_BELOW;
  if (complex) return range('complex');
  const best = BEST_CASE_GATES.every(passes) && integrations <= BEST_CASE_MAX_INTEGRATIONS;
  return range(best ? 'best' : 'typical');
}

/**
 * The default Transition months (SPEC §2.5, §3.7): the timeline range's midpoint rounded up
 * to a whole month, so 3, 5 or 9.
 *
 * @example
 *   defaultTransitionMonths({ low: 4, high: 6, case: 'typical' }) // 5
 *   defaultTransitionMonths({ low: 2, high: 3, case: 'best' })    // 3
 */
export function defaultTransitionMonths(timeline: TimelineResult): Months {
  return Math.ceil((timeline.low + timeline.high) / 2);
}

function range(which: TimelineCase): TimelineResult {
  return { ...TIMELINE_RANGES[which], case: which };
}
