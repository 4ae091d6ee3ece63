/**
 * What must be true first (SPEC §3.9): the few steps that would change a verdict other than
 * SCALE, each with who owns it and the table and row it comes from, most decisive first. They
 * come from the same facts as the reasons, phrased as the next step.
 */
import { MAX_LISTED, capped, excerpt, formatMoney, formatMonths, formatMultiple, formatPercent, quoted } from './format';
import { GATE_NAMES, PATTERNS, type GateKey } from './readiness';
import type { Action, GateResult, MetricResult, Thresholds, Verdict } from './types';
import { economicsFailures, notConverged, expansionAlarmed, worstLine, type VerdictInput } from './verdict';

/** What the actions are planned from: the verdict's input, its verdict, and where each assumption is written. */
export interface ActionInput extends VerdictInput {
  verdict: Verdict;
  /** The Assumptions row of each assumption by its label ('Adoption ramp'); absent at its default. */
  assumptionRows: Readonly<Record<string, number>>;
}

/** The interventions for the stuck-pilot patterns that a failing gate names (SPEC §3.9, seeds/004). */
const GATE_PATTERN_STEPS: Partial<Record<GateKey, string>> = {
  sponsor: 'Secure an executive sponsor who can reallocate budget, before any other step',
  integration: 'Engage IT leadership for the path to integration: get the security review and the technical resources',
  workflow: 'Redesign who does what in the workflow before scaling',
  metrics: 'Put the success metrics in business terms: each with a baseline, a target and a date',
};
const ADOPTION_STEP =
  'Change management for the users who did not volunteer: role-specific training, and champions in the teams that resist';

/**
 * The actions of SPEC §3.9 for a decided case, most decisive first; none for SCALE.
 * NOT READY: a missing sponsor first, then each blocking gate, each unproven monetary metric,
 * the other stuck-pilot patterns and the expansion alarm. PIVOT: the thresholds that would make
 * it pay (or the payback or ROI that fails when NPV is not negative) come before those. KILL: what
 * would have to be true for it to pay, that it is the wrong use case, and the expansion alarm.
 *
 * @example
 *   planActions({ ...sevenInput, verdict: 'NOT READY', assumptionRows: {} })[0]
 *   // { rule: 'gate', action: 'Get "Production data audited" to done — …', owner: 'Priya Raman', table: 'Readiness', row: 3, column: 'Status' }
 */
export function planActions(v: ActionInput): Action[] {
  const owners = new Owners(v.readiness.gates);
  switch (v.verdict) {
    case 'SCALE':
      return [];
    case 'KILL':
      return [killAction(v, owners), useCaseAction(v, owners), ...discloseActions(v, owners)];
    case 'PIVOT':
      return [
        ...sponsorActions(v, owners),
        ...economicsActions(v, owners),
        ...discloseActions(v, owners),
        ...readinessActions(v, owners),
      ];
    case 'NOT READY':
      return [...sponsorActions(v, owners), ...readinessActions(v, owners), ...discloseActions(v, owners)];
  }
}

/** The named owners of the standard gates: who owns the steps that are not a gate's own. */
class Owners {
  constructor(private readonly gates: readonly GateResult[]) {}

  gate(key: GateKey): GateResult | undefined {
    return this.gates.find((g) => g.standard && g.gate === GATE_NAMES[key]);
  }

  of(key: GateKey): string | null {
    return this.gate(key)?.owner ?? null;
  }
}

/** A missing executive sponsor comes before any other step (SPEC §3.9). */
function sponsorActions(v: ActionInput, owners: Owners): Action[] {
  const sponsor = owners.gate('sponsor');
  return v.readiness.patterns.includes(PATTERNS.sponsor) && sponsor && !sponsor.passes ? [gateAction(sponsor, 'sponsor')] : [];
}

/**
 * Blocking gates, unproven metrics and the other patterns: what stands between the case and SCALE
 * once it pays. The sponsor gate is left out: when it fails, its action comes first of all.
 */
function readinessActions(v: ActionInput, owners: Owners): Action[] {
  const blocking = v.readiness.gates.filter((g) => g.blocking && !g.passes && g !== owners.gate('sponsor'));
  const gates = capped(
    blocking,
    MAX_LISTED,
    (g) => gateAction(g, keyOf(g)),
    (more): Action => ({ rule: 'gate', action: `…and ${more} more blocking gates to get to done.`, owner: null, table: 'Readiness', row: null, column: null }),
  );
  return [...gates, ...proveActions(v, owners), ...patternActions(v, owners)];
}

function keyOf(g: GateResult): GateKey | null {
  if (!g.standard) return null;
  const entry = (Object.entries(GATE_NAMES) as [GateKey, string][]).find(([, name]) => name === g.gate);
  return entry ? entry[0] : null;
}

/**
 * A blocking gate that does not pass: get it to done, naming its owner (or "name an owner") and its
 * evidence so far; a missing standard gate: assess it. A gate a stuck-pilot pattern names gets that
 * pattern's intervention as its step.
 */
function gateAction(g: GateResult, key: GateKey | null): Action {
  const step = key ? GATE_PATTERN_STEPS[key] : undefined;
  if (g.row === null && g.note === 'not assessed') {
    const missing = 'a blocking gate the Readiness table has no row for';
    const action = step ? `${step} — assess ${quoted(g.gate)}, ${missing}.` : `Assess ${quoted(g.gate)}, ${missing}.`;
    return { rule: step ? 'pattern' : 'assess', action, owner: null, table: 'Readiness', row: null, column: 'Gate' };
  }
  if (g.row === null) {
    // Ownership with no Readiness row stands on the RACI table alone (SPEC §3.6).
    return { rule: 'gate', action: `Name a person for every production function in the Ownership table: ${g.note}.`, owner: null, table: 'Ownership', row: null, column: null };
  }
  const facts = `${g.note}${g.owner === null ? ', name an owner' : ''}; evidence so far: ${g.evidence === '' ? 'none' : excerpt(g.evidence)}`;
  const action = step
    ? `${step} — ${quoted(g.gate)}: ${facts}.`
    : g.owner === null
      ? `Name an owner for ${quoted(g.gate)} and get it to done — ${facts}.`
      : `Get ${quoted(g.gate)} to done — ${facts}.`;
  return { rule: step ? 'pattern' : 'gate', action, owner: g.owner, table: 'Readiness', row: g.row, column: g.owner === null ? 'Owner' : 'Status' };
}

/** An unproven monetary metric: prove it in the pilot (how much of the gap is open), or accept the risk. */
function proveActions(v: ActionInput, owners: Owners): Action[] {
  const a = v.assumptions;
  const owner = owners.of('metrics');
  const accept = a.basis === 'evidence' ? ' — or accept the risk by evaluating on basis target (Assumptions: Benefit basis)' : '';
  const unproven = v.metrics.filter((m) => m.annualValueTarget !== null && !m.proven);
  return capped(
    unproven,
    MAX_LISTED,
    (m): Action => {
      const where = quoted(m.name);
      if (m.gapClosed === null) {
        const adds = a.basis === 'evidence' ? ', so under basis evidence it adds nothing' : '';
        return { rule: 'prove', action: `Measure ${where} in the pilot: it has no pilot figure${adds}${accept}.`, owner, table: 'Metrics', row: m.row, column: 'Pilot' };
      }
      const open = Math.max(0, 1 - m.gapClosed);
      const action = `Prove ${where} in the pilot: it closed ${formatPercent(m.gapClosed)} of the gap to target, ${formatPercent(open)}${openAmount(m, open)} is still open, and it counts as proven at ${formatPercent(a.onTrackThreshold)}${accept}.`;
      return { rule: 'prove', action, owner, table: 'Metrics', row: m.row, column: 'Pilot' };
    },
    (more) => ({ rule: 'prove', action: `…and ${more} more unproven metrics to prove in the pilot.`, owner, table: 'Metrics', row: null, column: 'Pilot' }),
  );
}

/** The share of the gap still open in the metric's own unit, when it has one: ` (40 h/week)`. */
function openAmount(m: MetricResult, open: number): string {
  return m.unit === '' ? '' : ` (${+(m.improvement * open).toPrecision(4)} ${m.unit})`;
}

/** The stuck-pilot patterns no blocking gate carries already: adoption limited to enthusiasts, success metrics unclear from the metrics. */
function patternActions(v: ActionInput, owners: Owners): Action[] {
  const actions: Action[] = [];
  const patterns = v.readiness.patterns;
  if (patterns.includes(PATTERNS.adoption)) {
    const gate = owners.gate('adoption');
    const status = gate && gate.row !== null ? `${quoted(gate.gate)}: ${gate.note}` : `the Readiness table has no row for ${quoted(GATE_NAMES.adoption)}`;
    actions.push({ rule: 'pattern', action: `${ADOPTION_STEP} (adoption limited to enthusiasts; ${status}).`, owner: owners.of('adoption'), table: 'Readiness', row: gate?.row ?? null, column: gate?.row ? 'Status' : 'Gate' });
  }
  const metricsGate = owners.gate('metrics');
  // A monetary metric with no pilot figure has its own action already: measure it in the pilot.
  const unclear = v.metrics.find((m) => m.timelineDays === null || m.annualValue === null);
  if (patterns.includes(PATTERNS.metrics) && metricsGate?.passes && unclear) {
    const [lacks, column] = unclear.timelineDays === null ? ['no Timeline', 'Timeline'] : ['no money value', 'Value per unit'];
    actions.push({
      rule: 'pattern',
      action: `${GATE_PATTERN_STEPS.metrics} (success metrics unclear: Metrics row ${unclear.row} ${quoted(unclear.name)} has ${lacks}).`,
      owner: owners.of('metrics'),
      table: 'Metrics',
      row: unclear.row,
      column,
    });
  }
  return actions;
}

/** Expansion at or above the alarm: disclose the production cost to the approvers now. */
function discloseActions(v: ActionInput, owners: Owners): Action[] {
  const a = v.assumptions;
  if (!expansionAlarmed(v.expansion, a.expansionAlarm)) return [];
  const worst = worstLine(v.costs.lines);
  const firstYear = formatMoney(v.costs.oneTime + v.costs.annualRun, a.currency);
  const line = worst ? `; Costs row ${worst.row} ${quoted(worst.category)} is ${formatMultiple(worst.multiple)} its pilot line` : '';
  return [
    {
      rule: 'disclose',
      action: `Disclose the production cost to the approvers now: ${firstYear} in the first year, ${formatMultiple(v.expansion!)} the pilot (alarm at ${formatMultiple(a.expansionAlarm)})${line}.`,
      owner: owners.of('sponsor'),
      table: 'Costs',
      row: worst?.row ?? 1,
      column: null,
    },
  ];
}

/**
 * PIVOT: with NPV below 0, the scale thresholds that would make it pay, as targets; with NPV at or
 * above 0, the payback or ROI that fails (a threshold on NPV would not change the verdict).
 */
function economicsActions(v: ActionInput, owners: Owners): Action[] {
  const failed = economicsFailures(v);
  if (failed.npv) return thresholdActions(v.thresholds, v, owners);
  const a = v.assumptions;
  const e = v.economics;
  const actions: Action[] = [];
  if (failed.payback) {
    const now = e.paybackMonths === null ? `it never comes in ${a.horizonYears} year${a.horizonYears === 1 ? '' : 's'} live` : `it comes at ${formatMonths(e.paybackMonths)}`;
    actions.push(assumptionAction(v, 'Max payback', `Bring payback within ${formatMonths(a.maxPaybackMonths)}: ${now} (Assumptions: Max payback).`, owners.of('sponsor')));
  }
  if (failed.roi) {
    actions.push(assumptionAction(v, 'Hurdle ROI', `Raise risk-adjusted ROI to the ${formatPercent(a.hurdleRoi)} hurdle: it is ${formatPercent(e.roi!)} (Assumptions: Hurdle ROI).`, owners.of('sponsor')));
  }
  return actions;
}

function assumptionAction(v: ActionInput, label: string, action: string, owner: string | null): Action {
  return { rule: 'economics', action, owner, table: 'Assumptions', row: v.assumptionRows[label] ?? null, column: 'Value' };
}

/** The thresholds of SPEC §3.5 as targets ("adoption must reach 29%", "costs can rise 3.2×"); only those that were solved. */
function thresholdActions(t: Thresholds, v: ActionInput, owners: Owners): Action[] {
  const actions: Action[] = [];
  const target = (action: string, owner: string | null, source: Pick<Action, 'table' | 'row' | 'column'>): void => {
    actions.push({ rule: 'threshold', action, owner, ...source });
  };
  if (typeof t.adoption === 'number') {
    target(`Get adoption to at least ${formatPercent(t.adoption)}: below that production does not pay.`, owners.of('adoption'), {
      table: 'Assumptions',
      row: v.assumptionRows['Adoption ramp'] ?? null,
      column: 'Value',
    });
  }
  if (typeof t.volume === 'number') {
    target(
      `Grow volume to at least ${formatMultiple(t.volume)} the plan (more transactions, users or sites): below that production does not pay.`,
      owners.of('sponsor'),
      { table: 'Metrics', row: 1, column: 'Volume' },
    );
  }
  if (typeof t.cost === 'number') {
    const step =
      t.cost < 1
        ? `Cut production costs to at most ${formatMultiple(t.cost)} the plan: above that production does not pay.`
        : `Production costs can rise to ${formatMultiple(t.cost)} the plan and it still pays.`;
    target(step, owners.of('sponsor'), { table: 'Costs', row: 1, column: null });
  }
  if (typeof t.realization === 'number') {
    target(
      `Deliver at least ${formatPercent(t.realization)} of the promised improvement in production: below that it does not pay.`,
      owners.of('metrics'),
      { table: 'Metrics', row: 1, column: 'Target' },
    );
  }
  return actions;
}

/** KILL: what would have to be true for it to pay (the volume threshold), and that the resources should go elsewhere. */
function killAction(v: ActionInput, owners: Owners): Action {
  const volume = v.thresholds.volume;
  const action =
    typeof volume === 'number'
      ? `Production would pay only at ${formatMultiple(volume)} the planned volume; short of that, put the resources elsewhere.`
      : volume === 'never'
        ? 'No volume up to 100× the plan makes production pay: put the resources elsewhere.'
        : volume === 'did not converge'
          ? `${notConverged('volume')} Put the resources elsewhere.`
          : 'Volume alone does not decide it (NPV is positive at any volume; payback or ROI fails): put the resources elsewhere.';
  return { rule: 'kill', action, owner: owners.of('sponsor'), table: 'Metrics', row: 1, column: 'Volume' };
}

/** Wrong use case for scale: stop, keep the learnings, redirect. */
function useCaseAction(v: ActionInput, owners: Owners): Action {
  return {
    rule: 'pattern',
    action: `Stop, keep the learnings and redirect the team to a use case that pays (wrong use case for scale: best-case NPV ${formatMoney(v.bestCaseNpv, v.assumptions.currency)}).`,
    owner: owners.of('sponsor'),
    table: 'Metrics',
    row: 1,
    column: null,
  };
}
