import { planActions } from './actions';
import { readAssumptions } from './assumptions';
import { casePlan, economics, planNpv, type CashflowPlan } from './cashflow';
import { expansionMultiple, readCosts, type CostSummary } from './costs';
import { CaseInputError, ModelError } from './errors';
import { evaluateMetric } from './metrics';
import { ratioProblems } from './overflow';
import { evaluateReadiness, metricsUnclear, withMetricPatterns } from './readiness';
import { NO_CELLS, citer } from './places';
import { METRICS, readTable } from './tables';
import { thresholds, type ThresholdCase } from './thresholds';
import { defaultTransitionMonths, estimateTimeline } from './timeline';
import type { RangedInput } from './ranges';
import { affordableTrials, DEFAULT_SEED, DEFAULT_TRIALS, simulate, SimulationModel, SimulationRun, type PlannedSimulation } from './simulate';
import { tornado } from './tornado';
import type {
  Assumptions,
  CaseInput,
  CaseResult,
  MetricResult,
  Problem,
  ReadinessResult,
  Simulation,
  SimulationOptions,
  TimelineResult,
  TornadoBar,
} from './types';
import { decide, nonNegative, type VerdictInput } from './verdict';
import { append } from './lists';

/** A case read and checked, before any cash flow is computed. */
export interface PreparedCase {
  assumptions: Assumptions;
  /** The Assumptions row of each assumption by its label; absent when the table has no row for it. */
  assumptionRows: Record<string, number>;
  metrics: MetricResult[];
  costs: CostSummary;
  readiness: ReadinessResult;
  timeline: TimelineResult;
  transitionMonths: number;
  /** The inputs with a Low / High range (SPEC §3.10): Metrics, then Costs, each in row order. */
  ranges: RangedInput[];
  problems: Problem[];
  warnings: string[];
}

/**
 * Reads every table of the case and collects every problem at once; throws nothing for bad input.
 *
 * @example
 *   prepareCase(sampleCase()).problems // []
 */
export function prepareCase(input: CaseInput): PreparedCase {
  const problems: Problem[] = [];
  const warnings: string[] = [];

  const read = readAssumptions(input.assumptions);
  append(problems, read.problems);
  append(warnings, read.warnings);
  const assumptions = read.assumptions;

  const table = readTable(input.metrics, METRICS);
  append(problems, table.problems);
  append(warnings, table.warnings);
  const metrics: MetricResult[] = [];
  const ranges: RangedInput[] = [];
  if (table.problems.length === 0) {
    const ctx = { currency: assumptions.currency, basis: assumptions.basis, onTrackThreshold: assumptions.onTrackThreshold };
    for (const row of table.rows) {
      const evaluated = evaluateMetric(row, ctx);
      append(problems, evaluated.problems);
      if (evaluated.result) metrics.push(evaluated.result);
      if (evaluated.range) ranges.push(evaluated.range);
    }
    if (table.rows.length === 0) warnings.push('Metrics: the table has no rows, so the case has no benefits.');
  }

  const costs = readCosts(input.costs, assumptions);
  append(problems, costs.problems);
  append(warnings, costs.warnings);
  for (const range of costs.ranges) ranges.push(range);

  const gates = evaluateReadiness(input.readiness, input.ownership);
  append(problems, gates.problems);
  append(warnings, gates.warnings);

  const timeline = estimateTimeline(input.readiness ? gates.result : null, assumptions.integrations);
  const transitionMonths = assumptions.transitionMonths ?? defaultTransitionMonths(timeline);
  if (assumptions.transitionMonths === null && !input.readiness) {
    warnings.push(`No Readiness table and no Transition months: go-live is assumed after ${transitionMonths} months (the typical case).`);
  }
  return { assumptions, assumptionRows: read.rows, metrics, costs, readiness: gates.result, timeline, transitionMonths, ranges, problems, warnings };
}

function sum(values: (number | null)[]): number {
  let total = 0;
  for (const v of values) total += v ?? 0;
  return total;
}

/**
 * The cash-flow plan of a prepared case: ΣA of its metrics, its production costs, its assumptions.
 *
 * @example
 *   preparedPlan(prepareCase(sampleCase())).annualBenefit // 1096685.71…
 */
export function preparedPlan(c: PreparedCase): CashflowPlan {
  return casePlan({ annualBenefit: sum(c.metrics.map((m) => m.annualValue)), oneTime: c.costs.oneTime, annualRun: c.costs.annualRun }, c.transitionMonths, c.assumptions);
}

/**
 * Evaluates a prepared case whose problems are empty: the figures of SPEC §3.3–§3.8. Given the
 * input it was prepared from, its reasons and actions name the sheet cells where the input says
 * where its tables are (CaseInput.places).
 *
 * @example
 *   evaluatePrepared(prepareCase(sampleCase())).verdict // 'NOT READY'
 */
export function evaluatePrepared(c: PreparedCase, input?: CaseInput): CaseResult {
  if (c.problems.length > 0) throw new CaseInputError(c.problems);
  const a = c.assumptions;
  const plan = preparedPlan(c);
  const annualBenefitTarget = sum(c.metrics.map((m) => m.annualValueTarget));
  const econ = economics(plan, a.discountRate);
  const bestCaseNpv = planNpv({ ...plan, annualBenefit: annualBenefitTarget, ramp: [1] }, a.discountRate);
  const thresholdCase: ThresholdCase = { plan, rate: a.discountRate, annualBenefitTarget };
  const solved = thresholds(thresholdCase);
  const expansion = expansionMultiple(c.costs.pilotTotal, c.costs.oneTime, c.costs.annualRun);
  const budgetVariance = a.approvedBudget === null ? null : (c.costs.oneTime + c.costs.annualRun) / a.approvedBudget;
  const overflowing = ratioProblems(c, { expansion, budgetVariance, roi: econ.roi, pvBenefits: econ.pvBenefits });
  if (overflowing.length > 0) throw new CaseInputError(overflowing);
  const model = new SimulationModel(c, plan);
  const simulation = defaultSimulation(model);
  const readiness: ReadinessResult = {
    ...c.readiness,
    patterns: withMetricPatterns(c.readiness.patterns, {
      metricsUnclear: metricsUnclear(c.metrics),
      wrongUseCase: !nonNegative(bestCaseNpv, Math.max(econ.pvBenefits, econ.pvCosts)),
    }),
  };
  const verdictInput: VerdictInput = {
    assumptions: a,
    metrics: c.metrics,
    costs: c.costs,
    economics: econ,
    bestCaseNpv,
    thresholds: solved,
    readiness,
    expansion,
    budgetVariance,
    timeline: c.timeline,
    transitionMonths: c.transitionMonths,
    // The reasons speak of how sure only when something is ranged.
    simulation: c.ranges.length === 0 ? null : simulation.result,
    cite: input?.places === undefined ? NO_CELLS : citer(input),
  };
  const decision = decide(verdictInput);
  const warnings = simulation.skipped === null ? c.warnings : c.warnings.concat(simulation.skipped);
  const planned = planActions({ ...verdictInput, verdict: decision.verdict, assumptionRows: c.assumptionRows });
  const cite = verdictInput.cite ?? NO_CELLS;
  // Each action names its sheet cell where the case knows where its tables are.
  const actions = input?.places === undefined ? planned : planned.map((a) => ({ ...a, cell: a.row === null ? null : cite(a.table, a.row, a.column) }));
  return {
    verdict: decision.verdict,
    reasons: decision.reasons,
    npv: econ.npv,
    irr: econ.irr,
    roi: econ.roi,
    paybackMonths: econ.paybackMonths,
    pvBenefits: econ.pvBenefits,
    pvCosts: econ.pvCosts,
    expansion,
    budgetVariance,
    pilotTotal: c.costs.pilotTotal,
    oneTime: c.costs.oneTime,
    annualRun: c.costs.annualRun,
    bestCaseNpv,
    cashflows: econ.cashflows,
    monthly: econ.monthly,
    thresholds: solved,
    readiness,
    timeline: c.timeline,
    transitionMonths: c.transitionMonths,
    metrics: c.metrics,
    costs: c.costs.lines,
    assumptions: a,
    checks: decision.checks,
    actions,
    simulation: simulation.result,
    tornado: tornado(model),
    warnings,
  };
}

/** Ranged cases run fewer trials than this only to say they could not be simulated. */
const MIN_TRIALS = 1_000;

/**
 * The simulation evaluateCase reports (SPEC §3.10): default trials and seed (with no ranges, the
 * point estimate), or as many trials as one call can run within a second; none, with a warning
 * saying why, when that is too few to mean anything.
 */
function defaultSimulation(model: SimulationModel): { result: Simulation | null; skipped: string | null } {
  const trials = Math.min(DEFAULT_TRIALS, affordableTrials(model));
  if (trials < MIN_TRIALS) {
    return {
      result: null,
      skipped: `${model.drawn.length.toLocaleString('en-US')} ranged inputs are too many to simulate within a second (${trials} trials at most), so the reasons give no P(NPV ≥ 0): keep ranges on the inputs that matter.`,
    };
  }
  return { result: simulate(model, trials, DEFAULT_SEED), skipped: null };
}

/** A prepared case without problems, else CaseInputError with every problem. */
function usable(input: CaseInput): PreparedCase {
  const c = prepareCase(input);
  if (c.problems.length > 0) throw new CaseInputError(c.problems);
  return c;
}

/**
 * A Monte Carlo simulation of the case's ranged inputs (SPEC §3.10): each drawn from PERT over
 * low / likely / high with a seeded generator, so the same seed gives the same figures on every
 * platform; with no ranges every percentile is the NPV. Throws CaseInputError on bad input, and
 * ModelError('#VALUE!') for trials outside 1–100,000 or more than one call can run within a
 * second, or a seed that is not a whole number from 0 to 2^53 − 1.
 *
 * @example
 *   simulateCase(sampleCase()).npv.p50                              // 1475525.91… (no ranges: the NPV)
 *   simulateCase(rangedCase, { trials: 5000, seed: 7 }).probabilityNpvNonNegative // the same everywhere
 */
export function simulateCase(input: CaseInput, options: SimulationOptions = {}): Simulation {
  const c = usable(input);
  return simulate(new SimulationModel(c, preparedPlan(c)), options.trials ?? DEFAULT_TRIALS, options.seed ?? DEFAULT_SEED);
}

/**
 * simulateCase in steps, for a host that shows progress or lets a person cancel (a Web Worker):
 * advance the run in batches, then read its result and, for a histogram, its sorted NPVs. The
 * figures are simulateCase's for the same trials and seed. Throws as simulateCase.
 *
 * @example
 *   const run = startSimulation(rangedCase, { trials: 10000 });
 *   while (run.completed < run.trials) run.advance(1000); // post progress between batches
 *   run.result().npv.p90
 */
export function startSimulation(input: CaseInput, options: SimulationOptions = {}): SimulationRun {
  const c = usable(input);
  return new SimulationRun(new SimulationModel(c, preparedPlan(c)), options.trials ?? DEFAULT_TRIALS, options.seed ?? DEFAULT_SEED);
}

/**
 * What a simulation of the case needs, as plain data a Web Worker can be handed
 * (startPlannedSimulation runs it there without parsing the tables again). Throws as simulateCase.
 *
 * @example
 *   const run = startPlannedSimulation(simulationSetup(rangedCase), 10000, 1);
 */
export function simulationSetup(input: CaseInput): PlannedSimulation {
  const c = usable(input);
  return { ranges: c.ranges, assumptions: { discountRate: c.assumptions.discountRate, maxPaybackMonths: c.assumptions.maxPaybackMonths }, plan: preparedPlan(c) };
}

/**
 * The tornado (SPEC §3.10): each ranged input at its Low and at its High, every other input at
 * its most likely, largest NPV swing first (ties in table, then row order); [] with no ranges.
 * Throws CaseInputError on bad input.
 *
 * @example
 *   tornadoCase(sampleCase()) // [] (the sample has no ranges)
 */
export function tornadoCase(input: CaseInput): TornadoBar[] {
  const c = usable(input);
  return tornado(new SimulationModel(c, preparedPlan(c)));
}

/**
 * Every problem with the input, each naming table, row and column; [] when the case is usable.
 * Never throws for bad input.
 *
 * @example
 *   checkCase({ metrics: [['Metric', 'Baseline', 'Target'], ['Errors', 'N/A', '1%']], costs: [['Category']] })
 *   // [{ table: 'Metrics', row: 2, column: 'Baseline', message: '"N/A" is not a value: …' }]
 */
export function checkCase(input: CaseInput): Problem[] {
  const prepared = prepareCase(input);
  if (prepared.problems.length > 0) return prepared.problems;
  // A few problems show only in the figures (a ratio too large for a double), so the case is evaluated.
  try {
    evaluatePrepared(prepared);
    return [];
  } catch (error) {
    if (error instanceof CaseInputError) return error.problems;
    // Any other engine error is a figure with no solution, not a cell to fix: the input is usable.
    if (error instanceof ModelError) return [];
    throw error;
  }
}

/**
 * Evaluates a whole case (SPEC §3). Throws CaseInputError, carrying every problem, on bad input.
 *
 * @example
 *   evaluateCase(sampleCase()).npv // 1475525.91…
 */
export function evaluateCase(input: CaseInput): CaseResult {
  return evaluatePrepared(prepareCase(input), input);
}


