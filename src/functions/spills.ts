/**
 * The tables the spilling PILOT functions return, read from a case's result: PILOT.CASHFLOWS'
 * Year 0 … n rows, PILOT.SUMMARY's Figure | Value list (with what kind of figure each summary
 * row is, so a sheet such as the output block can format it), PILOT.SIMULATE's figures and
 * PILOT.TORNADO's bars.
 */
import { MAX_LISTED, capped, excerpt, formatMultiple } from '../model/format';
import type { Action, CaseResult, CostLine, Money, Simulation, TornadoBar } from '../model/types';
import type { SpillCell } from './signatures';

/**
 * Where an action comes from, as a person finds it: the table and row, the column when it names
 * one, and the sheet cell when the workbook is known.
 *
 * @example
 *   actionSource({ table: 'Readiness', row: 3, column: 'Status', cell: 'Readiness!B3', … }) // 'Readiness row 3, Status (Readiness!B3)'
 *   actionSource({ table: 'Ownership', row: null, column: null, cell: null, … })           // 'Ownership'
 */
export function actionSource(action: Action): string {
  const row = action.row === null ? '' : ` row ${action.row}`;
  const column = action.column === null ? '' : `${action.row === null ? ':' : ','} ${action.column}`;
  const cell = action.cell ? ` (${action.cell})` : '';
  return `${action.table}${row}${column}${cell}`;
}

/** PILOT.ACTIONS' header row. */
export const ACTIONS_HEADER: readonly SpillCell[] = ['Action', 'Owner', 'Source'];

/**
 * PILOT.ACTIONS' spill (SPEC §3.9): a header, then one row per action, most decisive first, with
 * its owner ("no owner named" when nobody is) and its source; a single "none" row for SCALE.
 *
 * @example
 *   actionsTable(evaluateCase(sampleCase()))[1] // ['Get "Production data audited" to done — …', 'Priya Raman', 'Readiness row 3, Status']
 */
export function actionsTable(result: CaseResult): SpillCell[][] {
  if (result.actions.length === 0) return [[...ACTIONS_HEADER], ['none', '', '']];
  return [[...ACTIONS_HEADER], ...result.actions.map((a): SpillCell[] => [a.action, a.owner ?? 'no owner named', actionSource(a)])];
}

/** The totals of a Costs table: P, O and R of SPEC §3.3. */
export interface CostTotals {
  pilotTotal: Money;
  oneTime: Money;
  annualRun: Money;
}

/** What PILOT.COSTLINES says where a multiple does not exist. */
export const NO_MULTIPLE = 'none (no pilot cost)';

/**
 * PILOT.COSTLINES' header: the alarm column names the alarm it draws.
 *
 * @example
 *   costLinesHeader(3) // ['Category', 'Pilot', 'Production first year', 'Multiple', 'Alarm (3.00× pilot)']
 */
export function costLinesHeader(alarm: number): SpillCell[] {
  return ['Category', 'Pilot', 'Production first year', 'Multiple', `Alarm (${formatMultiple(alarm)} pilot)`];
}

/**
 * PILOT.COSTLINES' spill: each cost line's pilot cost against production's first year (One-time +
 * Annual, the estimate included), its multiple ("none" where the pilot cost is 0 or less) and the
 * alarm line, the pilot cost × the Expansion alarm, which production crossing it sets off; then
 * the totals, whose multiple is the cost expansion (SPEC §3.3). A chart of the first four columns
 * and the alarm as a line shows where production outgrows its pilot.
 *
 * @example
 *   costLinesTable(result.costs, result, 3)[1] // ['Model and licences', 30000, 60000, 2, 90000]
 *   costLinesTable(result.costs, result, 3)[9] // ['Total', 120000, 381000, 3.175, 360000]
 */
export function costLinesTable(lines: readonly CostLine[], totals: CostTotals, alarm: number): SpillCell[][] {
  const row = (label: string, pilot: Money, production: Money): SpillCell[] => [label, pilot, production, pilot > 0 ? production / pilot : NO_MULTIPLE, pilot * alarm];
  return [
    costLinesHeader(alarm),
    // A category as long as a cell can hold is shown by its start and length, as every message quotes a cell.
    ...lines.map((l) => row(excerpt(l.category), l.pilot, l.oneTime + l.annual)),
    row('Total', totals.pilotTotal, totals.oneTime + totals.annualRun),
  ];
}

/**
 * PILOT.CASHFLOWS' spill: a header row (the currency, then Year 0 … Year n) and the rows
 * Benefits, Costs, Net and Cumulative, costs as positive amounts and Net = Benefits − Costs.
 *
 * @example
 *   cashflowTable(evaluateCase(sampleCase()))[3] // ['Net', -190000, 450561.14…, 796017.14…, 796017.14…]
 */
export function cashflowTable(result: CaseResult): SpillCell[][] {
  const flows = result.cashflows;
  return [
    [result.assumptions.currency, ...flows.map((f) => `Year ${f.year}`)],
    ['Benefits', ...flows.map((f) => f.benefits)],
    ['Costs', ...flows.map((f) => f.costs)],
    ['Net', ...flows.map((f) => f.net)],
    ['Cumulative', ...flows.map((f) => f.cumulative)],
  ];
}

function orText(value: number | null, none: string): SpillCell {
  return value === null ? none : value;
}

/** A list in one cell: the first few items (a gate's own long name by its start), then how many more. */
function listOrNone(items: readonly string[]): string {
  return items.length === 0 ? 'none' : capped(items, MAX_LISTED, excerpt, (more) => `and ${more} more`).join('; ');
}

function yesNo(test: boolean): string {
  return test ? 'yes' : 'no';
}

/**
 * What a summary figure is, so a sheet can format it: an amount in the case currency, a rate or
 * share as a fraction, a number of months, a multiple (×), or text.
 */
export type FigureKind = 'money' | 'fraction' | 'months' | 'multiple' | 'text';

/** PILOT.SUMMARY's rows after its header: each figure's label, its kind, and how to read it from a result. */
const SUMMARY_FIGURES: readonly (readonly [string, FigureKind, (result: CaseResult) => SpillCell])[] = [
  ['Verdict', 'text', (r) => r.verdict],
  ['NPV', 'money', (r) => r.npv],
  ['Discount rate', 'fraction', (r) => r.assumptions.discountRate],
  ['IRR', 'fraction', (r) => orText(r.irr, 'none (no rate makes NPV zero)')],
  ['ROI (risk-adjusted)', 'fraction', (r) => orText(r.roi, 'none (PV costs is 0)')],
  ['Payback (months)', 'months', (r) => orText(r.paybackMonths, 'never')],
  ['PV benefits', 'money', (r) => r.pvBenefits],
  ['PV costs', 'money', (r) => r.pvCosts],
  ['Best-case NPV', 'money', (r) => r.bestCaseNpv],
  ['Pilot cost', 'money', (r) => r.pilotTotal],
  ['Production one-time', 'money', (r) => r.oneTime],
  ['Production annual', 'money', (r) => r.annualRun],
  ['Cost expansion (× pilot)', 'multiple', (r) => orText(r.expansion, 'none (pilot cost is 0)')],
  ['Budget variance (× approved budget)', 'multiple', (r) => orText(r.budgetVariance, 'none (no approved budget)')],
  ['Adoption threshold', 'fraction', (r) => r.thresholds.adoption],
  ['Volume threshold (× planned)', 'multiple', (r) => r.thresholds.volume],
  ['Cost threshold (× planned)', 'multiple', (r) => r.thresholds.cost],
  ['Realization threshold', 'fraction', (r) => r.thresholds.realization],
  ['Readiness score', 'fraction', (r) => r.readiness.score],
  ['Readiness progress', 'fraction', (r) => r.readiness.progress],
  ['Blockers', 'text', (r) => listOrNone(r.readiness.blockers)],
  ['Stuck-pilot patterns', 'text', (r) => listOrNone(r.readiness.patterns)],
  ['Timeline case', 'text', (r) => r.timeline.case],
  ['Timeline low (months)', 'months', (r) => r.timeline.low],
  ['Timeline high (months)', 'months', (r) => r.timeline.high],
  ['Transition months', 'months', (r) => r.transitionMonths],
  ['Economics pass (E)', 'text', (r) => yesNo(r.checks.economics)],
  ['Every monetary metric proven (P)', 'text', (r) => yesNo(r.checks.proof)],
  ['No blockers (R)', 'text', (r) => yesNo(r.checks.ready)],
  ['Best case pays (B)', 'text', (r) => yesNo(r.checks.bestCase)],
  ['Currency', 'text', (r) => r.assumptions.currency],
];

/**
 * PILOT.SUMMARY's spill: a Figure | Value table of every figure of the case, in a fixed order
 * (so a sheet can refer to a row). A figure that does not exist reads as text ("never",
 * "none (…)"), never as an error inside the spill. Rates are fractions, amounts in the case currency.
 *
 * @example
 *   summaryTable(evaluateCase(sampleCase()))[1] // ['Verdict', 'NOT READY']
 */
export function summaryTable(result: CaseResult): SpillCell[][] {
  return [['Figure', 'Value'], ...SUMMARY_FIGURES.map(([label, , read]): SpillCell[] => [label, read(result)])];
}

/**
 * PILOT.SUMMARY's rows after its header, in its order: each figure's label and kind, for a sheet
 * that formats the spill (the task pane's output block).
 *
 * @example
 *   SUMMARY_ROWS[1] // { label: 'NPV', kind: 'money' }
 */
export const SUMMARY_ROWS: readonly { readonly label: string; readonly kind: FigureKind }[] = SUMMARY_FIGURES.map(([label, kind]) => ({ label, kind }));

/**
 * PILOT.SIMULATE's spill: a Figure | Value table of a simulation's NPV percentiles and mean and
 * its two probabilities (as fractions).
 *
 * @example
 *   simulationTable(simulateCase(sampleCase()))[1] // ['NPV P10', 1475525.91…]
 */
export function simulationTable(s: Simulation): SpillCell[][] {
  return [
    ['Figure', 'Value'],
    ['NPV P10', s.npv.p10],
    ['NPV P50', s.npv.p50],
    ['NPV P90', s.npv.p90],
    ['NPV mean', s.npv.mean],
    ['P(NPV ≥ 0)', s.probabilityNpvNonNegative],
    ['P(payback ≤ max)', s.probabilityPaybackWithinMax],
  ];
}

/**
 * PILOT.TORNADO's spill: an Input | NPV at low | NPV at high | Swing table, largest swing first;
 * one row "none" when no input has a range.
 *
 * @example
 *   tornadoTable([])[1] // ['none', '', '', '']
 */
export function tornadoTable(bars: readonly TornadoBar[]): SpillCell[][] {
  const header: SpillCell[] = ['Input', 'NPV at low', 'NPV at high', 'Swing'];
  if (bars.length === 0) return [header, ['none', '', '', '']];
  return [header, ...bars.map((bar): SpillCell[] => [bar.label, bar.npvLow, bar.npvHigh, bar.swing])];
}
