import { planNpv, type CashflowPlan } from './cashflow';
import { ModelError } from './errors';
import { brentRoot } from './solve';
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

/** NPV as a function of the one input a threshold varies, every other input held. */
function npvAlong(kind: ThresholdKind, c: ThresholdCase): (x: number) => number {
  const { plan, rate } = c;
  switch (kind) {
    case 'adoption':
      return (x) => planNpv({ ...plan, ramp: plan.ramp.map((v) => Math.min(v, x)) }, rate);
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
 * `always positive` / `never` when NPV keeps one sign over the whole range.
 *
 * @example
 *   threshold('volume', sevenCase) // 0.3107… (PV costs / PV benefits in SPEC §7)
 */
export function threshold(kind: ThresholdKind, c: ThresholdCase): Threshold {
  const f = npvAlong(kind, c);
  const [lo, hi] = THRESHOLD_RANGES[kind];
  const atLo = f(lo);
  const atHi = f(hi);
  if (atLo >= 0 && atHi >= 0) return 'always positive';
  if (atLo < 0 && atHi < 0) return 'never';
  const root = brentRoot(f, lo, hi);
  if (root === null) {
    throw new ModelError('#NUM!', `the ${kind} threshold did not converge between ${lo} and ${hi}`);
  }
  return root;
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
