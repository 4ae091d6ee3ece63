import type { Economics } from './cashflow';
import type { CostSummary } from './costs';
import { ROOT_MAX_ITERATIONS } from './solve';
import { MAX_LISTED, capped, formatMoney, formatMonths, formatMultiple, formatPercent, quoted } from './format';
import { NO_CELLS, citedRow, type Cite } from './places';
import type {
  Assumptions,
  CostLine,
  Money,
  MetricResult,
  ReadinessResult,
  Simulation,
  Threshold,
  Thresholds,
  TimelineResult,
  Verdict,
  VerdictChecks,
} from './types';

/** Ties are decided in the case's favour within this relative margin, so rounding noise cannot flip a verdict. */
export const TIE_TOLERANCE = 1e-9;

export interface VerdictInput {
  assumptions: Assumptions;
  metrics: MetricResult[];
  costs: CostSummary;
  economics: Economics;
  bestCaseNpv: Money;
  thresholds: Thresholds;
  readiness: ReadinessResult;
  expansion: number | null;
  budgetVariance: number | null;
  timeline: TimelineResult;
  transitionMonths: number;
  /** The simulation of the ranged inputs; null when the case has none (SPEC §3.10). */
  simulation: Simulation | null;
  /** Names the sheet cell of a table row where the case knows its tables' places; rows only without it. */
  cite?: Cite;
}

export interface Decision {
  verdict: Verdict;
  checks: VerdictChecks;
  reasons: string[];
}

/**
 * NPV ≥ 0, allowing for rounding noise relative to the size of the flows.
 *
 * @example
 *   nonNegative(-1e-7, 1e6) // true
 */
export function nonNegative(npv: Money, scale: Money): boolean {
  return npv >= -TIE_TOLERANCE * Math.max(Math.abs(scale), 1);
}

/** Which parts of the E test of SPEC §3.8 fail: NPV below 0, ROI below the hurdle, payback missing or too late. */
export interface EconomicsFailures {
  npv: boolean;
  roi: boolean;
  payback: boolean;
}

/**
 * The parts of the E test (SPEC §3.8) that fail; with no production costs (ROI none) NPV alone decides.
 *
 * @example
 *   economicsFailures(sevenInput) // { npv: false, roi: false, payback: false }
 */
export function economicsFailures(v: Pick<VerdictInput, 'economics' | 'assumptions'>): EconomicsFailures {
  const { economics: e, assumptions: a } = v;
  const withCosts = e.roi !== null;
  return {
    npv: !nonNegative(e.npv, Math.max(e.pvBenefits, e.pvCosts)),
    roi: withCosts && e.roi! < a.hurdleRoi - TIE_TOLERANCE,
    payback: withCosts && (e.paybackMonths === null || e.paybackMonths > a.maxPaybackMonths * (1 + TIE_TOLERANCE)),
  };
}

/** The E test of SPEC §3.8, with the sentences that explain a failure. */
function economicsTest(v: VerdictInput): { pass: boolean; failures: string[]; summary: string } {
  const { economics: e, assumptions: a } = v;
  const cur = a.currency;
  const failed = economicsFailures(v);
  const failures: string[] = [];
  const years = `${a.horizonYears} year${a.horizonYears === 1 ? '' : 's'}`;
  if (failed.npv) {
    failures.push(`NPV is ${formatMoney(e.npv, cur)} over ${years} at ${formatPercent(a.discountRate)}: production does not pay back its costs.`);
  }
  if (failed.roi) {
    failures.push(`Risk-adjusted ROI ${formatPercent(e.roi!)} is below the ${formatPercent(a.hurdleRoi)} hurdle (Assumptions: Hurdle ROI).`);
  }
  if (failed.payback && e.paybackMonths === null) {
    failures.push(`Payback never comes: cumulative cash is still negative after ${years} live.`);
  } else if (failed.payback) {
    failures.push(
      `Payback ${formatMonths(e.paybackMonths!)} is later than the ${formatMonths(a.maxPaybackMonths)} allowed (Assumptions: Max payback).`,
    );
  }
  const roi = e.roi === null ? 'no production costs, so NPV alone decides' : `ROI ${formatPercent(e.roi)}`;
  const payback = e.paybackMonths === null ? 'payback never' : `payback ${formatMonths(e.paybackMonths)}`;
  const summary = `NPV ${formatMoney(e.npv, cur)} over ${years} at ${formatPercent(a.discountRate)}; ${roi}; ${payback} (max ${a.maxPaybackMonths}).`;
  return { pass: failures.length === 0, failures, summary };
}

/** A sentence for each of the first MAX_LISTED items, then how many more there are: only the sentences shown are written. */
function listed<T>(items: readonly T[], sentence: (item: T) => string, what: string): string[] {
  return capped(items, MAX_LISTED, sentence, (more) => `…and ${more} more ${what}.`);
}

/** One sentence per monetary metric the pilot did not prove (SPEC §3.2). */
function unprovenReasons(v: VerdictInput): string[] {
  const threshold = formatPercent(v.assumptions.onTrackThreshold);
  const unproven = v.metrics.filter((m) => m.annualValueTarget !== null && !m.proven);
  return listed(
    unproven,
    (m) => {
      const where = citedRow(v.cite ?? NO_CELLS, 'Metrics', m.row, 'Pilot', m.name);
      if (m.gapClosed === null) {
        const effect = v.assumptions.basis === 'evidence' ? ', so it adds no value under basis evidence' : '';
        return `${where}: no pilot figure${effect}.`;
      }
      return `${where}: the pilot closed ${formatPercent(m.gapClosed)} of the gap to target (proven at ${threshold}).`;
    },
    'unproven metrics',
  );
}

/** One sentence per blocking gate that does not pass, in SPEC §2.3's order. */
function blockerReasons(r: ReadinessResult, cite: Cite): string[] {
  const blocking = r.gates.filter((g) => g.blocking && !g.passes);
  return listed(
    blocking,
    (g) => {
      const where = g.row === null ? `Readiness: ${quoted(g.gate)}` : citedRow(cite, 'Readiness', g.row, g.owner === null ? 'Owner' : 'Status', g.gate);
      const note = g.note !== '' ? g.note : `scores ${formatPercent(g.score, 0)}`;
      return `${where} blocks production: ${note}.`;
    },
    'blockers',
  );
}

/**
 * The sentence for a threshold whose solver stopped at its iteration limit.
 *
 * @example
 *   notConverged('adoption') // 'The adoption threshold did not converge within 200 steps of the solver: …'
 */
export function notConverged(kind: keyof Thresholds): string {
  return `The ${kind} threshold did not converge within ${ROOT_MAX_ITERATIONS} steps of the solver: NPV changes sign across its range, but no value was pinned down.`;
}

function thresholdSentence(kind: keyof Thresholds, t: Threshold): string {
  const range: Record<keyof Thresholds, string> = {
    adoption: 'adoption up to 100%',
    volume: 'volume up to 100× the plan',
    cost: 'production cost up to 100× the plan',
    realization: 'delivery up to 200% of the promised improvement',
  };
  if (t === 'never') return `No ${range[kind]} makes NPV positive.`;
  if (t === 'always positive') return `NPV stays positive across ${range[kind]}.`;
  if (t === 'did not converge') return notConverged(kind);
  switch (kind) {
    case 'adoption':
      return `Adoption must reach at least ${formatPercent(t)} for production to pay.`;
    case 'volume':
      return `Volume must reach at least ${formatMultiple(t)} the planned volume for production to pay.`;
    case 'cost':
      return `Production costs must stay below ${formatMultiple(t)} the planned costs for production to pay.`;
    case 'realization':
      return `Production must deliver at least ${formatPercent(t)} of the promised improvement for production to pay.`;
  }
}

/** The cost line whose production cost grew most against its own pilot line; null when no line has a pilot cost. */
export interface WorstLine {
  row: number;
  category: string;
  multiple: number;
}

/**
 * The line that expanded most, production's first year (One-time + Annual) over its pilot line.
 *
 * @example
 *   worstLine(readCosts(SAMPLE_COSTS, defaultAssumptions()).lines) // { row: 7, category: 'Operations and support', multiple: 8 }
 */
export function worstLine(lines: readonly CostLine[]): WorstLine | null {
  let worst: WorstLine | null = null;
  for (const line of lines) {
    if (line.pilot <= 0) continue;
    const multiple = (line.oneTime + line.annual) / line.pilot;
    if (!worst || multiple > worst.multiple) worst = { row: line.row, category: line.category, multiple };
  }
  return worst;
}

/**
 * True when the expansion multiple is at or above the alarm (SPEC §2.5).
 *
 * @example
 *   expansionAlarmed(3.175, 3) // true
 */
export function expansionAlarmed(expansion: number | null, alarm: number): boolean {
  return expansion !== null && expansion >= alarm;
}

/** The expansion alarm, naming the line that expanded most (SPEC §3.8's example reason). */
function costReasons(v: VerdictInput): string[] {
  const { costs, assumptions: a, expansion } = v;
  const lines: string[] = [];
  if (expansionAlarmed(expansion, a.expansionAlarm)) {
    const worst = worstLine(costs.lines);
    const detail = worst ? `: ${citedRow(v.cite ?? NO_CELLS, 'Costs', worst.row, null, worst.category)} is ${formatMultiple(worst.multiple)} its pilot line` : '';
    lines.push(`Production costs ${formatMultiple(expansion!)} the pilot (alarm at ${formatMultiple(a.expansionAlarm)})${detail}.`);
  }
  if (v.budgetVariance !== null && a.approvedBudget !== null && v.budgetVariance > 1) {
    lines.push(
      `Production's first-year cost ${formatMoney(costs.oneTime + costs.annualRun, a.currency)} is ${formatMultiple(v.budgetVariance)} the approved budget of ${formatMoney(a.approvedBudget, a.currency)} (Assumptions: Approved production budget).`,
    );
  }
  const estimates = costs.lines.filter((l) => l.estimated);
  const sentence = (l: CostLine): string => `${citedRow(v.cite ?? NO_CELLS, 'Costs', l.row, 'Multiplier', l.category)}: production annual is an estimate, pilot × ${formatMultiple(l.multiplier ?? 0)}.`;
  return [...lines, ...listed(estimates, sentence, 'estimated cost lines')];
}

/**
 * With ranges, how sure the NPV is (SPEC §3.10): P(NPV ≥ 0) with P10, P50 and P90, and, when the
 * economics pass at the most likely figures but NPV ≥ 0 in fewer than half the trials, that first.
 */
function sureReasons(s: Simulation | null, economicsPass: boolean, currency: string): string[] {
  if (s === null) return [];
  const trials = `${s.trials.toLocaleString('en-US')} trial${s.trials === 1 ? '' : 's'} of the ranged inputs`;
  const lines: string[] = [];
  if (economicsPass && s.probabilityNpvNonNegative < 0.5) {
    lines.push(`The economics pass only at the most likely figures: NPV is below 0 in ${formatPercent(1 - s.probabilityNpvNonNegative)} of ${trials}.`);
  }
  const npv = s.npv;
  lines.push(
    `How sure: NPV ≥ 0 in ${formatPercent(s.probabilityNpvNonNegative)} of ${trials} (P10 ${formatMoney(npv.p10, currency)}, P50 ${formatMoney(npv.p50, currency)}, P90 ${formatMoney(npv.p90, currency)}; seed ${s.seed}).`,
  );
  return lines;
}

function patternReasons(r: ReadinessResult): string[] {
  return r.patterns.length === 0 ? [] : [`Stuck-pilot pattern${r.patterns.length === 1 ? '' : 's'}: ${r.patterns.join('; ')}.`];
}

/**
 * The verdict table of SPEC §3.8 with its reasons, most decisive first.
 *
 * @example
 *   decide(sevenInput).verdict // 'NOT READY'
 */
export function decide(v: VerdictInput): Decision {
  const e = economicsTest(v);
  const monetary = v.metrics.filter((m) => m.annualValueTarget !== null);
  const allProven = monetary.every((m) => m.proven);
  const checks: VerdictChecks = {
    economics: e.pass,
    proof: allProven,
    ready: v.readiness.blockers.length === 0,
    bestCase: nonNegative(v.bestCaseNpv, Math.max(v.economics.pvBenefits, v.economics.pvCosts)),
  };
  const cur = v.assumptions.currency;
  const promises =
    v.assumptions.basis === 'target'
      ? [`The case rests on promises (Assumptions: Benefit basis is target): ${allProven ? 'every monetary metric was proven anyway' : 'not every monetary metric was proven'}.`]
      : [];
  const timing = `Go-live after ${formatMonths(v.transitionMonths)} (${v.timeline.case} case, ${v.timeline.low}–${v.timeline.high} months${v.assumptions.transitionMonths === null ? '; set Transition months to override' : ''}).`;
  const costs = costReasons(v);
  const patterns = patternReasons(v.readiness);
  const sure = sureReasons(v.simulation, checks.economics, cur);

  let verdict: Verdict;
  let reasons: string[];
  if (checks.economics && checks.proof && checks.ready) {
    verdict = 'SCALE';
    reasons = [e.summary, ...sure, 'Every monetary metric was proven by the pilot and every blocking gate passes.', ...promises, timing, ...costs, ...patterns];
  } else if (checks.economics) {
    verdict = 'NOT READY';
    reasons = [...blockerReasons(v.readiness, v.cite ?? NO_CELLS), ...promises, ...unprovenReasons(v), `The economics pass: ${e.summary}`, ...sure, ...costs, ...patterns, timing];
  } else if (checks.bestCase) {
    verdict = 'PIVOT';
    const t = v.thresholds;
    reasons = [
      ...e.failures,
      ...sure,
      ...(['adoption', 'volume', 'cost', 'realization'] as const).filter((k) => typeof t[k] === 'number' || t[k] === 'did not converge').map((k) => thresholdSentence(k, t[k])),
      `At best (every promised improvement at full adoption from go-live) NPV is ${formatMoney(v.bestCaseNpv, cur)}.`,
      ...costs,
      ...blockerReasons(v.readiness, v.cite ?? NO_CELLS),
      ...unprovenReasons(v),
      ...patterns,
      timing,
    ];
  } else {
    verdict = 'KILL';
    const volume = v.thresholds.volume;
    const volumeReason =
      typeof volume === 'number'
        ? `It would take ${formatMultiple(volume)} the planned volume for production to pay.`
        : volume === 'never'
          ? 'No volume up to 100× the plan makes production pay.'
          : volume === 'did not converge'
            ? notConverged('volume')
            : 'Volume alone does not decide it: NPV is positive at any volume, so it is payback or ROI that fails.';
    reasons = [
      `Even every promised improvement at full adoption from go-live does not pay back at the planned volume: best-case NPV ${formatMoney(v.bestCaseNpv, cur)}.`,
      volumeReason,
      ...e.failures,
      ...sure,
      ...costs,
      ...patterns,
    ];
  }
  return { verdict, checks, reasons };
}

