import { planNpv, type CashflowPlan } from './cashflow';
import { ROOT_MAX_ITERATIONS, brentRoot } from './solve';
import type { Fraction, Threshold, ThresholdKind, Thresholds } from './types';

/** The range each threshold is sought in (SPEC §3.5). */
export const THRESHOLD_RANGES: Readonly<Record<ThresholdKind, readonly [number, number]>> = {
  adoption: [0, 1],
  volume: [0, 100],
  cost: [0, 100],
  realization: [0, 2],
};

/** What a threshold needs beyond the plan: the promised (target-basis) annual value, for realization. */
export interface ThresholdCase {
  plan: CashflowPlan;
  rate: Fraction;
  /** ΣA under basis `target`. */
  annualBenefitTarget: number;
}

/**
 * The adoption ramp with its plateau at x (SPEC §3.5): up to the ramp's highest value every value
 * is capped at x; above it the whole ramp is scaled so that its highest value is x, so a plan that
 * tops out at 25% can be asked to reach 30%. A ramp of zeros has no shape to scale: it becomes x.
 *
 * @example
 *   rampAtPlateau([0.1, 0.5, 1], 0.3)  // [0.1, 0.3, 0.3]
 *   rampAtPlateau([0.1, 0.25], 0.5)    // [0.2, 0.5]
 */
export function rampAtPlateau(ramp: readonly Fraction[], x: Fraction): Fraction[] {
  const highest = ramp.reduce((top, v) => Math.max(top, v), 0);
  if (x <= highest) return ramp.map((v) => Math.min(v, x));
  return highest > 0 ? ramp.map((v) => (v / highest) * x) : [x];
}

/** NPV as a function of the one input a threshold varies, every other input held. */
function npvAlong(kind: ThresholdKind, c: ThresholdCase): (x: number) => number {
  const { plan, rate } = c;
  switch (kind) {
    case 'adoption':
      return (x) => planNpv({ ...plan, ramp: rampAtPlateau(plan.ramp, x) }, rate);
    case 'volume':
      return (x) => planNpv({ ...plan, annualBenefit: plan.annualBenefit * x }, rate);
    case 'cost':
      return (x) => planNpv({ ...plan, oneTime: plan.oneTime * x, annualRun: plan.annualRun * x }, rate);
    case 'realization':
      return (x) => planNpv({ ...plan, annualBenefit: c.annualBenefitTarget * x }, rate);
  }
}

/**
 * One scale threshold of SPEC §3.5: the value of the varied input at which NPV = 0, or
 * `always positive` / `never` when NPV keeps one sign over the whole range, or `did not converge`
 * when the solver reaches its iteration limit first. That last is a value, not an error: the case's
 * other figures stand, and the threshold's cell and the reasons say so.
 *
 * @example
 *   threshold('volume', sevenCase) // 0.3107… (PV costs / PV benefits in SPEC §7)
 */
export function threshold(kind: ThresholdKind, c: ThresholdCase, maxIterations = ROOT_MAX_ITERATIONS): Threshold {
  const f = npvAlong(kind, c);
  const [lo, hi] = THRESHOLD_RANGES[kind];
  const atLo = f(lo);
  const atHi = f(hi);
  if (atLo >= 0 && atHi >= 0) return 'always positive';
  if (atLo < 0 && atHi < 0) return 'never';
  return brentRoot(f, lo, hi, maxIterations) ?? 'did not converge';
}

/**
 * All four thresholds.
 *
 * @example
 *   thresholds(sevenCase).cost // 3.2189…
 */
export function thresholds(c: ThresholdCase): Thresholds {
  return {
    adoption: threshold('adoption', c),
    volume: threshold('volume', c),
    cost: threshold('cost', c),
    realization: threshold('realization', c),
  };
}
