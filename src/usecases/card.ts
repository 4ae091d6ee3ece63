/**
 * The decision card: what the task pane shows first, planned from the engine's result as the
 * block is (block.ts), so the pane draws it and computes nothing. The verdict; the four checks of
 * SPEC §3.8, each with its figures and its rule; the headline figures; what must be true first
 * (SPEC §3.9), each with the cell it comes from; and the reasons, with reasons of one shape told
 * once ("8 standard gates not assessed", not eight lines). Every figure is written by
 * model/format.ts, as the block's formats and the engine's reasons write it.
 */
import { formatMoney, formatMonths, formatMultiple, formatPercent } from '../model/format';
import { economicsFailures } from '../model/verdict';
import type { Action, CaseResult, Verdict, VerdictChecks } from '../model/types';
import type { InputsRead, RangeAddress } from '../workbook/port';
import { planCharts } from './card-charts';
import type { CardCharts } from './card-charts';
import { planHowSure } from './how-sure';
import type { HowSurePlan } from './how-sure';
import { caseInput, locate } from './inputs';

/** One part of a check's rule, with its figure: `payback 13.1 months ≤ 24.0 months`. */
export interface CheckPart {
  text: string;
  passed: boolean;
}

/** One of the four checks of SPEC §3.8. */
export interface CardCheck {
  key: keyof VerdictChecks;
  /** `Economics`, `Proof`, `Readiness`, `Best case`. */
  label: string;
  passed: boolean;
  parts: CheckPart[];
}

/** A headline figure as the block shows it. */
export interface CardFigure {
  label: string;
  value: string;
  /** What a person should know beside it (`alarm at 3.00×`), or ''. */
  note: string;
}

/** One thing that must be true first, with who owns it and the cell it comes from. */
export interface CardAction {
  action: string;
  /** The owner named in the workbook, or null. */
  owner: string | null;
  /** `Readiness row 3, Status`. */
  source: string;
  /** The cell to select (the row when the column is not one); null when the table was not read or the thing is missing from it. */
  where: RangeAddress | null;
  /** `Readiness!B3`, or null. */
  cell: string | null;
  /** How many actions of this one shape it stands for (1 for itself). */
  count: number;
}

/** Reasons of one shape, told in one line; `items` are the reasons it stands for (one for a single reason). */
export interface ReasonGroup {
  text: string;
  items: string[];
}

export interface DecisionCard {
  verdict: Verdict;
  checks: CardCheck[];
  figures: CardFigure[];
  actions: CardAction[];
  reasons: ReasonGroup[];
  charts: CardCharts;
  /** "How sure?": the simulation to run and the tornado (SPEC §3.10). */
  howSure: HowSurePlan;
}

/** Reasons or actions of one shape are told in one line from this many on. */
export const GROUP_FROM = 3;

/**
 * The decision card for a result, with the cells its actions point at found in `read` (the tables
 * as the result was computed from them).
 *
 * @example
 *   const card = planCard(evaluateCase(sampleCase()), read);
 *   card.checks[0].parts[2].text // 'payback 13.1 months ≤ 24.0 months'
 */
export function planCard(result: CaseResult, read: InputsRead | null): DecisionCard {
  return {
    verdict: result.verdict,
    checks: planChecks(result),
    figures: planFigures(result),
    actions: groupActions(result.actions, read),
    reasons: groupReasons(result.reasons),
    charts: planCharts(result),
    // The simulation runs from the tables as read; without them (a result alone) only the tornado shows.
    howSure: planHowSure(result, read ? caseInput(read) : null),
  };
}

function planChecks(r: CaseResult): CardCheck[] {
  const a = r.assumptions;
  const cur = a.currency;
  // The engine's own rule decides which part failed (tolerances included); the card only words it.
  const failed = economicsFailures({ economics: r, assumptions: a });
  const economics: CheckPart[] = [
    { text: `NPV ${formatMoney(r.npv, cur)} ${failed.npv ? '<' : '≥'} 0`, passed: !failed.npv },
    r.roi === null
      ? { text: 'ROI none: no production costs, so NPV alone decides', passed: true }
      : { text: `ROI ${formatPercent(r.roi)} ${failed.roi ? '<' : '≥'} ${formatPercent(a.hurdleRoi)} hurdle`, passed: !failed.roi },
    r.paybackMonths === null
      ? // Never is no figure to compare: the rule is said beside it.
        { text: `payback never (max ${formatMonths(a.maxPaybackMonths)})`, passed: !failed.payback }
      : { text: `payback ${formatMonths(r.paybackMonths)} ${failed.payback ? '>' : '≤'} ${formatMonths(a.maxPaybackMonths)}`, passed: !failed.payback },
  ];
  const monetary = r.metrics.filter((m) => m.annualValueTarget !== null);
  const proven = monetary.filter((m) => m.proven).length;
  const proof: CheckPart[] = [
    {
      text: `${proven} of ${monetary.length} money metric${monetary.length === 1 ? '' : 's'} proven (at ${formatPercent(a.onTrackThreshold)} of the gap closed)`,
      passed: r.checks.proof,
    },
    ...(a.basis === 'target' ? [{ text: 'basis target: the case rests on promises', passed: r.checks.proof }] : []),
  ];
  const blockers = r.readiness.blockers.length;
  const ready: CheckPart[] = [
    {
      text: blockers === 0 ? 'no blocking gate fails' : `${blockers} blocking gate${blockers === 1 ? '' : 's'} not passed`,
      passed: r.checks.ready,
    },
  ];
  const bestCase: CheckPart[] = [
    { text: `best-case NPV ${formatMoney(r.bestCaseNpv, cur)} ${r.checks.bestCase ? '≥' : '<'} 0`, passed: r.checks.bestCase },
  ];
  return [
    { key: 'economics', label: 'Economics', passed: r.checks.economics, parts: economics },
    { key: 'proof', label: 'Proof', passed: r.checks.proof, parts: proof },
    { key: 'ready', label: 'Readiness', passed: r.checks.ready, parts: ready },
    { key: 'bestCase', label: 'Best case', passed: r.checks.bestCase, parts: bestCase },
  ];
}

function planFigures(r: CaseResult): CardFigure[] {
  const a = r.assumptions;
  const years = `${a.horizonYears} year${a.horizonYears === 1 ? '' : 's'} at ${formatPercent(a.discountRate)}`;
  return [
    { label: 'NPV', value: formatMoney(r.npv, a.currency), note: years },
    { label: 'ROI', value: r.roi === null ? 'none' : formatPercent(r.roi), note: r.roi === null ? 'no production costs' : 'risk-adjusted' },
    { label: 'Payback', value: r.paybackMonths === null ? 'never' : formatMonths(r.paybackMonths), note: `max ${formatMonths(a.maxPaybackMonths)}` },
    {
      label: 'Expansion',
      value: r.expansion === null ? 'none' : formatMultiple(r.expansion),
      note: r.expansion === null ? 'no pilot cost' : `production ÷ pilot; alarm at ${formatMultiple(a.expansionAlarm)}`,
    },
  ];
}

function cardAction(a: Action, read: InputsRead | null): CardAction {
  const source = a.row === null ? `${a.table}: no row for it yet` : a.column === null ? `${a.table} row ${a.row}` : `${a.table} row ${a.row}, ${a.column}`;
  const located = read && a.row !== null ? locate({ table: a.table, row: a.row, column: a.column ?? '', message: a.action }, read) : null;
  return { action: a.action, owner: a.owner, source, where: located?.where ?? null, cell: located?.cell ?? null, count: 1 };
}

/** A sheet cell a reason names after its row, `(Costs!A14)` or `('Pilot costs'!A14)`. */
const CITED_CELL = / \((?:'(?:[^']|'')*'|[^\s()'!]+)![A-Z]{1,3}\d+\)/g;

/** The shape of an action or reason: its quoted names, row numbers and cells taken out. */
function shapeOf(text: string): string {
  return text.replace(/"[^"]*"/g, '"…"').replace(CITED_CELL, '').replace(/\brows? \d+/g, 'row …').replace(/[\d.,]+%/g, '…%');
}

function quotedNames(items: readonly string[]): string[] {
  return items.map((t) => /"([^"]*)"/.exec(t)?.[1] ?? t);
}

/** Names as a person reads them: `A, B and C`. */
function joined(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Lines of one shape gathered where the first of them stands, in first-seen order.
 *
 * @example
 *   gather(['a "x"', 'b', 'a "y"'], shapeOf) // [['a "x"', 'a "y"'], ['b']]
 */
function gather<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/**
 * Reasons of one shape told once: from GROUP_FROM lines alike on, one line says how many and
 * names them ("8 standard gates not assessed: …"); the lines themselves stay with it.
 *
 * @example
 *   groupReasons(eightMissingGates)[0].text // '8 standard gates not assessed: Executive sponsor, … and Ownership.'
 */
export function groupReasons(reasons: readonly string[]): ReasonGroup[] {
  return gather(reasons, shapeOf).map((items) => {
    if (items.length < GROUP_FROM) return items.map((text) => ({ text, items: [text] }));
    const names = joined(quotedNames(items));
    const notAssessed = /^Readiness: "[^"]*" blocks production: not assessed\.$/;
    if (items.every((t) => notAssessed.test(t))) return [{ text: `${items.length} standard gates not assessed: ${names}.`, items }];
    const blocking = /^Readiness row \d+ "[^"]*"(?: \([^)]*\))? blocks production: (.*)\.$/;
    if (items.every((t) => blocking.test(t))) return [{ text: `${items.length} gates block production: ${names}.`, items }];
    return [{ text: `${items[0]} (and ${items.length - 1} more like it: ${joined(quotedNames(items.slice(1)))})`, items }];
  }).flat();
}

/**
 * Standard gates missing from the Readiness table told in one action from GROUP_FROM on ("Assess 8
 * standard gates …"), where the first of them stood; every other action as the engine gave it.
 */
function groupActions(actions: readonly Action[], read: InputsRead | null): CardAction[] {
  const assess = actions.filter((a) => a.rule === 'assess');
  if (assess.length < GROUP_FROM) return actions.map((a) => cardAction(a, read));
  const names = joined(quotedNames(assess.map((a) => a.action)));
  const grouped: CardAction = {
    ...cardAction(assess[0], read),
    action: `Assess ${assess.length} standard blocking gates the Readiness table has no row for: ${names}.`,
    count: assess.length,
  };
  return actions.flatMap((a) => (a === assess[0] ? [grouped] : a.rule === 'assess' ? [] : [cardAction(a, read)]));
}
