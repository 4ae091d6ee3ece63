import { planActions } from './actions';
import { readAssumptions } from './assumptions';
import { economics, planNpv, type CashflowPlan } from './cashflow';
import { expansionMultiple, readCosts, type CostSummary } from './costs';
import { CaseInputError, ModelError } from './errors';
import { evaluateMetric } from './metrics';
import { ratioProblems } from './overflow';
import { evaluateReadiness, metricsUnclear, withMetricPatterns } from './readiness';
import { METRICS, readTable } from './tables';
import { thresholds, type ThresholdCase } from './thresholds';
import { defaultTransitionMonths, estimateTimeline } from './timeline';
import type { RangedInput } from './ranges';
import type { Assumptions, CaseInput, CaseResult, MetricResult, Problem, ReadinessResult, TimelineResult } from './types';
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
 * Evaluates a prepared case whose problems are empty: the figures of SPEC §3.3–§3.8.
 *
 * @example
 *   evaluatePrepared(prepareCase(sampleCase())).verdict // 'NOT READY'
 */
export function evaluatePrepared(c: PreparedCase): CaseResult {
  if (c.problems.length > 0) throw new CaseInputError(c.problems);
  const a = c.assumptions;
  const plan: CashflowPlan = {
    annualBenefit: sum(c.metrics.map((m) => m.annualValue)),
    oneTime: c.costs.oneTime,
    annualRun: c.costs.annualRun,
    transitionMonths: c.transitionMonths,
    horizonYears: a.horizonYears,
    ramp: a.ramp,
    benefitRisk: a.benefitRisk,
    costRisk: a.costRisk,
  };
  const annualBenefitTarget = sum(c.metrics.map((m) => m.annualValueTarget));
  const econ = economics(plan, a.discountRate);
  const bestCaseNpv = planNpv({ ...plan, annualBenefit: annualBenefitTarget, ramp: [1] }, a.discountRate);
  const thresholdCase: ThresholdCase = { plan, rate: a.discountRate, annualBenefitTarget };
  const solved = thresholds(thresholdCase);
  const expansion = expansionMultiple(c.costs.pilotTotal, c.costs.oneTime, c.costs.annualRun);
  const budgetVariance = a.approvedBudget === null ? null : (c.costs.oneTime + c.costs.annualRun) / a.approvedBudget;
  const overflowing = ratioProblems(c, { expansion, budgetVariance, roi: econ.roi, pvBenefits: econ.pvBenefits });
  if (overflowing.length > 0) throw new CaseInputError(overflowing);
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
  };
  const decision = decide(verdictInput);
  const actions = planActions({ ...verdictInput, verdict: decision.verdict, assumptionRows: c.assumptionRows });
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
    warnings: c.warnings,
  };
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
  return evaluatePrepared(prepareCase(input));
}


