/**
 * The Monte Carlo simulation of SPEC §3.10, fast: what does not depend on the drawn inputs is
 * worked out once (parsing, units, the ramp, discount factors, the runs of the monthly row), so a
 * trial costs a few operations per ranged input plus one step per run of months for payback.
 *
 * For fixed assumptions NPV is linear in ΣA, O and R (SPEC §3.4: every yearly flow is), so
 * NPV = NPV₀ + c_B·ΔΣA − c_O·ΔO − c_R·ΔR with the coefficients taken from the cash-flow engine
 * itself; each metric's A is piecewise linear in its ranged figure (./ranges), and a cost draw
 * scales its row's One-time and Annual. Inputs held at their most likely value add exactly
 * nothing, so with no ranges every trial is the point estimate to the bit.
 */
import { monthlyFlows, planNpv, type CashflowPlan } from './cashflow';
import { paybackPeriods } from './finance';
import { MonthlyRuns } from './payback-runs';
import { ModelError } from './errors';
import { pert, PertSampler, type Pert } from './pert';
import { SeededRandom, checkedSeed } from './random';
import { annualValueAt, type CostRange, type RangedInput } from './ranges';
import type { Fraction, Money, Months, Simulation } from './types';
import { TIE_TOLERANCE } from './verdict';

export const DEFAULT_TRIALS = 10_000;
export const MAX_TRIALS = 100_000;
export const DEFAULT_SEED = 1;

/**
 * How much work one call may do: trials × (drawn inputs + 1), in PERT draws (a trial's payback and
 * bookkeeping cost about one more). A draw with its share of the trial's arithmetic takes about
 * 0.4 µs in Node, so a call at the budget takes about half a second and a slower host or a busy
 * machine still recalculates within one; `npm run bench` times a call at the budget.
 */
export const WORK_BUDGET = 1_500_000;

/**
 * Checks a number of trials: a whole number from 1 to 100,000 (SPEC §3.10).
 *
 * @throws ModelError '#VALUE!' otherwise.
 * @example
 *   checkedTrials(10000) // 10000
 */
export function checkedTrials(trials: number): number {
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS) {
    throw new ModelError('#VALUE!', `trials must be a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-US')}, got ${String(trials)}`);
  }
  return trials;
}

/**
 * What a simulation needs of a prepared case, as plain data: a host can post it to a Web Worker,
 * which then simulates without the parsers and units that prepared it (a PreparedCase is one).
 */
export interface SimulationSetup {
  ranges: readonly RangedInput[];
  assumptions: { discountRate: Fraction; maxPaybackMonths: Months };
}

/** A setup with the cash-flow plan the simulation moves from. */
export interface PlannedSimulation extends SimulationSetup {
  plan: CashflowPlan;
}

/** A cost draw x scales its row by x / likely (1 at the likely value, even a likely value of 0). */
function costFactor(r: CostRange, x: number): number {
  return x === r.likely ? 1 : x / r.likely;
}

/** The figures of one trial. */
export interface TrialOutcome {
  npv: Money;
  /** null: never within the horizon. */
  paybackMonths: Months | null;
}

/**
 * Everything a trial needs, worked out once from a prepared case without problems. `outcome`
 * gives a trial's NPV and payback at one value per ranged input, in the order of `inputs`
 * (Metrics then Costs, each in row order).
 *
 * @example
 *   const model = new SimulationModel(prepared, preparedPlan(prepared));
 *   model.outcome(model.inputs.map((r) => r.likely)).npv === evaluateCase(input).npv // true
 */
export class SimulationModel {
  readonly inputs: readonly RangedInput[];
  /** The PERT distribution of each input. */
  readonly perts: readonly Pert[];
  /** The indexes of the inputs that are drawn (Low < High); the others are constants. */
  readonly drawn: readonly number[];
  readonly pointNpv: Money;
  readonly pointPayback: Months | null;
  /** NPV at the tie tolerance of the verdict (SPEC §3.8): a trial at or above it counts as NPV ≥ 0. */
  readonly npvFloor: Money;
  readonly maxPaybackMonths: Months;

  private readonly plan: CashflowPlan;
  private readonly benefitCoefficient: number;
  private readonly oneTimeCoefficient: number;
  private readonly runCoefficient: number;
  private readonly runs: MonthlyRuns;

  constructor(c: SimulationSetup, plan: CashflowPlan) {
    this.inputs = c.ranges;
    this.perts = c.ranges.map((r) => pert(r.low, r.likely, r.high));
    this.drawn = c.ranges.map((r, i) => (r.high > r.low ? i : -1)).filter((i) => i >= 0);
    this.plan = plan;
    const rate = c.assumptions.discountRate;
    const alone = (figures: Partial<CashflowPlan>): CashflowPlan => ({ ...plan, annualBenefit: 0, oneTime: 0, annualRun: 0, ...figures });
    // NPV is linear in ΣA, O and R: its coefficients are the NPV of one unit of each.
    this.benefitCoefficient = planNpv(alone({ annualBenefit: 1 }), rate);
    this.oneTimeCoefficient = -planNpv(alone({ oneTime: 1 }), rate);
    this.runCoefficient = -planNpv(alone({ annualRun: 1 }), rate);
    this.pointNpv = planNpv(plan, rate);
    const scale = Math.max(Math.abs(this.benefitCoefficient * plan.annualBenefit), Math.abs(this.oneTimeCoefficient * plan.oneTime + this.runCoefficient * plan.annualRun), 1);
    this.npvFloor = -TIE_TOLERANCE * scale;
    this.maxPaybackMonths = c.assumptions.maxPaybackMonths;
    this.runs = new MonthlyRuns(plan);
    // The point estimate's payback as evaluateCase has it, month by month, to the bit.
    this.pointPayback = paybackPeriods(monthlyFlows(plan).map((m) => m.net));
  }

  /**
   * NPV and payback with each ranged input at the value given (one per input, in order).
   *
   * @example
   *   model.outcome(model.inputs.map((r) => r.low)).npv // NPV with every ranged input at its Low
   */
  outcome(values: ArrayLike<number>): TrialOutcome {
    let benefit = 0;
    let oneTime = 0;
    let run = 0;
    for (let i = 0; i < this.inputs.length; i++) {
      const r = this.inputs[i];
      const x = values[i];
      if (x === r.likely) continue;
      if (r.table === 'Metrics') {
        benefit += annualValueAt(r, x) - r.annualValue;
      } else {
        const shift = costFactor(r, x) - 1;
        oneTime += r.oneTime * shift;
        run += r.annual * shift;
      }
    }
    const p = this.plan;
    return {
      npv: this.npvAt(benefit, oneTime, run),
      paybackMonths: this.runs.payback(p.annualBenefit + benefit, p.oneTime + oneTime, p.annualRun + run),
    };
  }

  /**
   * NPV with one ranged input at `x` and every other input at its most likely (a tornado's end).
   *
   * @example
   *   model.npvWithOne(0, model.inputs[0].low) // NPV with the first ranged input at its Low
   */
  npvWithOne(index: number, x: number): Money {
    const r = this.inputs[index];
    if (x === r.likely) return this.pointNpv;
    if (r.table === 'Metrics') return this.npvAt(annualValueAt(r, x) - r.annualValue, 0, 0);
    const shift = costFactor(r, x) - 1;
    return this.npvAt(0, r.oneTime * shift, r.annual * shift);
  }

  /** NPV moved from the point estimate by changes in ΣA, O and R; exactly the point NPV when they are 0. */
  private npvAt(benefit: Money, oneTime: Money, run: Money): Money {
    if (benefit === 0 && oneTime === 0 && run === 0) return this.pointNpv;
    return this.pointNpv + this.benefitCoefficient * benefit - this.oneTimeCoefficient * oneTime - this.runCoefficient * run + 0;
  }

  /** True when a payback is within Max payback, at the verdict's tolerance (SPEC §3.8). */
  withinMax(paybackMonths: Months | null): boolean {
    return paybackMonths !== null && paybackMonths <= this.maxPaybackMonths * (1 + TIE_TOLERANCE);
  }

  /** The work of one trial, in the units of WORK_BUDGET. */
  get workPerTrial(): number {
    return this.drawn.length + 1;
  }
}

/**
 * PERCENTILE.INC of Excel on values sorted ascending: rank (n − 1)·p, interpolated linearly
 * between the two values around it.
 *
 * @example
 *   percentileInc(Float64Array.of(1, 2, 3, 4), 0.1) // 1.3 (Excel: =PERCENTILE.INC({1,2,3,4},0.1))
 */
export function percentileInc(sorted: ArrayLike<number>, p: Fraction): number {
  const rank = (sorted.length - 1) * p;
  const below = Math.floor(rank);
  const lower = sorted[below];
  if (below + 1 >= sorted.length) return lower;
  return lower + (rank - below) * (sorted[below + 1] - lower) + 0;
}

/**
 * A simulation under way: `advance` runs trials in batches (a worker can report progress and
 * stop between them), `result` summarises once every trial has run. Each trial draws the ranged
 * inputs that are not constant, in the model's order, from one seeded generator.
 *
 * @example
 *   const run = new SimulationRun(model, 10000, 1);
 *   while (run.completed < run.trials) run.advance(1000);
 *   run.result().npv.p50
 */
export class SimulationRun {
  readonly trials: number;
  readonly seed: number;
  private readonly npvs: Float64Array;
  private readonly values: Float64Array;
  private readonly sampler: PertSampler;
  private done = 0;
  private nonNegative = 0;
  private withinMax = 0;
  private sorted = false;

  constructor(
    private readonly model: SimulationModel,
    trials: number,
    seed: number,
  ) {
    this.trials = checkedTrials(trials);
    this.seed = checkedSeed(seed);
    const work = model.workPerTrial * this.trials;
    if (work > WORK_BUDGET) {
      // #VALUE!, as for any trials out of range: Excel shows a message only with #VALUE! and #N/A.
      throw new ModelError(
        '#VALUE!',
        `${this.trials.toLocaleString('en-US')} trials of ${model.drawn.length.toLocaleString('en-US')} ranged inputs are more than one call can run within a second: use at most ${affordableTrials(model).toLocaleString('en-US')} trials, or fewer ranges`,
      );
    }
    this.npvs = new Float64Array(this.trials);
    this.values = Float64Array.from(model.inputs, (r) => r.likely);
    this.sampler = new PertSampler(new SeededRandom(this.seed));
  }

  /** Trials run so far. */
  get completed(): number {
    return this.done;
  }

  /**
   * Runs up to `count` more trials; returns how many have run in all.
   *
   * @example
   *   run.advance(1000) // 1000
   */
  advance(count: number): number {
    const { model, values, sampler } = this;
    // A count that is no number runs nothing.
    const end = Math.min(this.trials, this.done + (count > 0 ? Math.floor(count) : 0));
    if (model.drawn.length === 0) {
      // Nothing is drawn: every trial is the point estimate.
      this.npvs.fill(model.pointNpv, this.done, end);
      if (model.pointNpv >= model.npvFloor) this.nonNegative += end - this.done;
      if (model.withinMax(model.pointPayback)) this.withinMax += end - this.done;
      this.done = end;
      return end;
    }
    for (let t = this.done; t < end; t++) {
      for (const i of model.drawn) values[i] = sampler.draw(model.perts[i]);
      const outcome = model.outcome(values);
      this.npvs[t] = outcome.npv;
      if (outcome.npv >= model.npvFloor) this.nonNegative++;
      if (model.withinMax(outcome.paybackMonths)) this.withinMax++;
    }
    this.done = end;
    return end;
  }

  /**
   * A copy of every trial's NPV, sorted ascending (for a histogram); only once every trial has run.
   *
   * @example
   *   run.sortedNpv()[0] // the lowest NPV drawn
   */
  sortedNpv(): Float64Array {
    return this.sortedInPlace().slice();
  }

  private sortedInPlace(): Float64Array {
    this.mustBeDone();
    if (!this.sorted) {
      this.npvs.sort();
      this.sorted = true;
    }
    return this.npvs;
  }

  /**
   * The summary of SPEC §3.10; only once every trial has run.
   *
   * @example
   *   run.result().probabilityNpvNonNegative // 0.97…
   */
  result(): Simulation {
    const sorted = this.sortedInPlace();
    // Summed as distances from the point NPV, so a simulation without ranges has the point NPV as its mean, to the bit.
    const point = this.model.pointNpv;
    let spread = 0;
    for (let t = 0; t < sorted.length; t++) spread += sorted[t] - point;
    return {
      trials: this.trials,
      seed: this.seed,
      npv: {
        p10: percentileInc(sorted, 0.1),
        p50: percentileInc(sorted, 0.5),
        p90: percentileInc(sorted, 0.9),
        mean: point + spread / this.trials + 0,
      },
      probabilityNpvNonNegative: this.nonNegative / this.trials,
      probabilityPaybackWithinMax: this.withinMax / this.trials,
    };
  }

  private mustBeDone(): void {
    if (this.done < this.trials) throw new ModelError('#N/A', `the simulation has run ${this.done} of ${this.trials} trials`);
  }
}

/**
 * The most trials a call can run for this model within WORK_BUDGET (at most MAX_TRIALS).
 *
 * @example
 *   affordableTrials(model) // 100000 for the sample with twelve ranges
 */
export function affordableTrials(model: SimulationModel): number {
  return Math.min(MAX_TRIALS, Math.floor(WORK_BUDGET / model.workPerTrial));
}

/**
 * A simulation under way from a planned setup (simulationSetup in ./case): what a Web Worker
 * runs, with the figures of simulateCase for the same case, trials and seed.
 *
 * @example
 *   const run = startPlannedSimulation(simulationSetup(rangedCase), 10000, 1);
 *   run.advance(run.trials);
 *   run.result().npv.p50 === simulateCase(rangedCase).npv.p50 // true
 */
export function startPlannedSimulation(setup: PlannedSimulation, trials: number, seed: number): SimulationRun {
  return new SimulationRun(new SimulationModel(setup, setup.plan), trials, seed);
}

/**
 * Runs a whole simulation.
 *
 * @example
 *   simulate(model, 10000, 1).npv.p50
 */
export function simulate(model: SimulationModel, trials: number, seed: number): Simulation {
  const run = new SimulationRun(model, trials, seed);
  run.advance(run.trials);
  return run.result();
}
