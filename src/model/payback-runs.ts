/**
 * Payback (SPEC §3.4) for the simulation's trials, in a handful of operations whatever the
 * horizon. The monthly net row of a plan is constant over runs of months: the transition months
 * (O spread over them), then each quarter of the adoption ramp, then its last value held to the
 * end. Within a run the cumulative is a straight line, so the last month it is below zero comes
 * from one division, checked against the line itself; a trial costs one step per run (the ramp's
 * length plus one or two), not one per month.
 */
import { adoptionAt, type CashflowPlan } from './cashflow';
import type { Money, Months } from './types';

/** Taken once: a global looked up on every call is slow where the code runs in a Node vm context (as Jest runs it). */
const ceil = Math.ceil;
const min = Math.min;

/** What a run of months bears besides the benefit at its adoption. */
const BEFORE_GO_LIVE = 0;
const LIVE = 1;
/** Month 0 of a plan that goes live at once bears all of O besides its run cost. */
const LIVE_WITH_ONE_TIME = 2;

/**
 * The runs of a plan's monthly row, worked out once; `payback` then prices a trial's ΣA, O and R.
 *
 * @example
 *   const runs = new MonthlyRuns(plan);
 *   runs.payback(1096685.71, 190000, 191000) // 13.072… (SPEC §7)
 */
export class MonthlyRuns {
  readonly months: number;
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly kinds: number[] = [];
  private readonly adoption: number[] = [];
  /** The net of each run in the trial under way. */
  private readonly nets: Float64Array;

  constructor(private readonly plan: CashflowPlan) {
    const T = plan.transitionMonths;
    const live = 12 * plan.horizonYears;
    this.months = T + live;
    if (T > 0) this.add(0, T, BEFORE_GO_LIVE, 0);
    for (let j = 0; j < live; j++) {
      const a = adoptionAt(plan.ramp, j);
      const last = this.kinds.length - 1;
      const first = T === 0 && j === 0;
      if (first || last < 0 || this.kinds[last] !== LIVE || this.adoption[last] !== a) this.add(T + j, 1, first ? LIVE_WITH_ONE_TIME : LIVE, a);
      else this.lengths[last]++;
    }
    this.nets = new Float64Array(this.kinds.length);
  }

  private add(start: number, length: number, kind: number, adoption: number): void {
    this.starts.push(start);
    this.lengths.push(length);
    this.kinds.push(kind);
    this.adoption.push(adoption);
  }

  /** Runs of months in the row: the transition, each step of the ramp, the plateau. */
  get count(): number {
    return this.kinds.length;
  }

  /**
   * Payback in months for ΣA, O and R (SPEC §3.4): 0 when the cumulative is never negative, null
   * when it is still negative at the last month. Equal to finance.paybackPeriods on
   * cashflow.monthlyFlows' net row but for rounding (a cumulative taken as start + k × net rather
   * than summed month by month).
   */
  payback(annualBenefit: Money, oneTime: Money, annualRun: Money): Months | null {
    const p = this.plan;
    const monthlyBenefit = (annualBenefit / 12) * (1 - p.benefitRisk);
    const monthlyRun = (annualRun / 12) * (1 + p.costRisk);
    const initial = oneTime * (1 + p.costRisk);
    const nets = this.nets;
    for (let r = 0; r < nets.length; r++) {
      const kind = this.kinds[r];
      const benefit = monthlyBenefit * this.adoption[r];
      nets[r] = kind === BEFORE_GO_LIVE ? -(initial / p.transitionMonths) : kind === LIVE ? benefit - monthlyRun : benefit - (initial + monthlyRun);
    }
    let before = 0; // the cumulative before the run
    let last = -1; // the last month whose cumulative is below zero
    let atLast = 0;
    let netAfter = 0; // the net of the month after it
    for (let r = 0; r < nets.length; r++) {
      const n = nets[r];
      const length = this.lengths[r];
      const end = before + length * n;
      // k: how many of the run's months, from its first, end with the cumulative last below zero.
      let k = 0;
      if (n <= 0) {
        if (end < 0) k = length; // falling or flat: below zero at its end, or nowhere in it
      } else if (before + n < 0) {
        // Rising from below zero: the last month still below is ⌈−before / n⌉ − 1 months in,
        // made exact against the line itself where the division rounded.
        k = min(length, ceil(-before / n) - 1);
        while (k > 0 && before + k * n >= 0) k--;
        while (k < length && before + (k + 1) * n < 0) k++;
      }
      if (k > 0) {
        last = this.starts[r] + k - 1;
        atLast = before + k * n;
        netAfter = k < length ? n : r + 1 < nets.length ? nets[r + 1] : 0;
      }
      before = end;
    }
    if (last === -1) return 0;
    if (last === this.months - 1) return null;
    return last + 1 + -atLast / netAfter;
  }
}
