/* eslint-disable @typescript-eslint/no-explicit-any -- functions.json declares a matrix of any only from `any[][]` */
/**
 * Excel custom functions (namespace PILOT, set in manifest.xml). Each is a one-line adapter: its
 * arguments go, positionally, to the catalogue entry of the same id (catalogue.ts) through the
 * shared runner, and errors become Excel errors in errors.ts. The JSDoc tags are the functions'
 * metadata: custom-functions-metadata-plugin reads them at build time to write functions.json
 * and to register each function, so nothing here calls CustomFunctions.associate. A test holds
 * this metadata and the catalogue's declarations together.
 *
 * Table arguments take the whole table with its header row (`Metrics[#All]`) or a plain range
 * whose first row is the header, so column order never matters. Calls over the same tables share
 * one evaluation of the case (cache.ts), so a sheet full of PILOT formulas recalculates once.
 */
import { CaseCache } from './cache';
import type { FunctionContext, PilotValue } from './catalogue';
import { excelValue } from './errors';
import { runPilotFunction } from './runner';

/** The custom-functions runtime's one case cache, shared by every function below. */
const context: FunctionContext = { cases: new CaseCache() };

/** Runs a catalogue entry; the runner has checked the value against the entry's declared result kind. */
function call<T extends PilotValue>(id: string, ...args: unknown[]): T {
  return excelValue(runPilotFunction(id, args, context)) as T;
}

/**
 * Reads a pasted value such as "12 min", "$3.40" or "4.2%" as a number, in the given unit.
 * @customfunction VALUE
 * @param text The cell or text to read, such as "2 h" or "$3.40".
 * @param [unit] The unit to convert to, such as "min" or "h".
 * @returns The number, in `unit` when given; text that is not a value is #VALUE!, never 0.
 * @example
 *   value('2 h', 'min'); // 120 (in Excel: =PILOT.VALUE("2 h","min"))
 */
export function value(text: string | number | boolean | null, unit?: string): number {
  return call('VALUE', text, unit);
}

/**
 * The share of the target gap the pilot closed: (baseline − pilot) / (baseline − target), which may be below 0 or above 1.
 * @customfunction GAPCLOSED
 * @param baseline The value before the pilot, such as "12 min" or 4.2%.
 * @param target The production target, such as "2 min".
 * @param pilot What the pilot measured, such as "3 min".
 * @returns The gap closed as a fraction (1 = target reached); #VALUE! when the target does not improve on the baseline or the units differ.
 * @example
 *   gapClosed('12 min', '2 min', '3 min'); // 0.9 (in Excel: =PILOT.GAPCLOSED("12 min","2 min","3 min"))
 */
export function gapClosed(baseline: string | number | boolean | null, target: string | number | boolean | null, pilot: string | number | boolean | null): number {
  return call('GAPCLOSED', baseline, target, pilot);
}

/**
 * The annual money value of one metric's improvement (SPEC §3.2): improvement × volume × value per unit, per year.
 * @customfunction METRICVALUE
 * @param baseline The value before the pilot, such as "12 min".
 * @param target The production target, such as "2 min".
 * @param volume How many a year, such as "50,000 docs/year"; leave blank for a rate per time such as "h/week".
 * @param valuePerUnit Money per unit of improvement, such as "$45/h"; leave blank for a metric measured in money.
 * @param [pilot] What the pilot measured; under basis "evidence" without it the value is 0 (nothing proven).
 * @param [basis] "evidence" (default: the improvement the pilot proved, capped at target) or "target" (the promised improvement).
 * @param [unit] The unit of bare numbers in baseline, target and pilot, as the Metrics table's Unit column (such as "h/week").
 * @returns Money per year in the currency written in the cells (USD when none is written); #VALUE! when the units do not combine into money per year.
 * @example
 *   metricValue('12 min', '2 min', '50,000 docs/year', '$45/h', '2 min'); // 375000
 */
export function metricValue(
  baseline: string | number | boolean | null,
  target: string | number | boolean | null,
  volume: string | number | boolean | null,
  valuePerUnit: string | number | boolean | null,
  pilot?: string | number | boolean | null,
  basis?: string,
  unit?: string,
): number {
  return call('METRICVALUE', baseline, target, volume, valuePerUnit, pilot, basis, unit);
}

/**
 * The cost expansion multiple: production's first-year bill against the pilot's, each range summed.
 * @customfunction EXPANSION
 * @param pilotCosts The pilot's costs: a range, summed (blank cells add nothing).
 * @param productionCosts Production's one-time and first-year annual costs: a range, summed.
 * @returns Production ÷ pilot, such as 3.175; #DIV/0! when the pilot costs add up to 0.
 * @example
 *   expansion([[120000]], [[190000, 191000]]); // 3.175 (in Excel: =PILOT.EXPANSION(Costs[Pilot],Costs[[One-time]:[Annual]]))
 */
export function expansion(pilotCosts: any[][], productionCosts: any[][]): number {
  return call('EXPANSION', pilotCosts, productionCosts);
}

/**
 * Payback in months of a row or column of net cash flows, period k covering [k, k+1) (SPEC §3.4): the period after which the cumulative stays at or above 0, plus the fraction of it needed, × 12 ÷ periodsPerYear.
 * @customfunction PAYBACK
 * @param cashflows One row or one column of net cash flows, the first period first.
 * @param [periodsPerYear] Periods in a year: 12 (default) for monthly flows, 4 for quarters, 1 for years. Over the case's monthly net row it equals the case's payback.
 * @returns Months to payback; 0 when the cumulative is never negative; #N/A ("never") when it is still negative at the last period.
 * @example
 *   payback([[-100, 30, 30, 60]]); // 3.667 months (period 3 recovers the last 40 of 60)
 *   payback([[-190000, 450561, 796017]], 1); // 12 × (1 + 190000 / 450561) = 17.06 months
 */
export function payback(cashflows: any[][], periodsPerYear?: number): number {
  return call('PAYBACK', cashflows, periodsPerYear);
}

/**
 * The yearly cash flows a CFO audits (SPEC §3.4), spilled: header Year 0 … Year n, rows Benefits, Costs, Net, Cumulative. Without a readiness table, go-live is the Assumptions' Transition months, else the typical 5 months.
 * @customfunction CASHFLOWS
 * @param metrics The Metrics table with its header row (Metrics[#All]).
 * @param costs The Costs table with its header row.
 * @param [assumptions] The Assumptions table (Name | Value); SPEC's defaults when omitted.
 * @returns {any[][]} A table: the currency and Year 0 … Year n across, a label column down; =CF0+NPV(rate, CF1:CFn) on its Net row is PILOT.NPV.
 * @example
 *   cashflows(metrics, costs); // [['USD', 'Year 0', …], ['Benefits', 0, 641561.14, …], …, ['Net', -190000, 450561.14, …], …]
 */
export function cashflows(metrics: any[][], costs: any[][], assumptions?: any[][]): any[][] {
  return call('CASHFLOWS', metrics, costs, assumptions);
}

/**
 * Net present value of the case (SPEC §3.4): Year 0 plus the discounted Years 1 … n, exactly =CF0+NPV(rate, CF1:CFn). Without a readiness table, go-live is the Assumptions' Transition months, else the typical 5 months.
 * @customfunction NPV
 * @param metrics The Metrics table with its header row (Metrics[#All]).
 * @param costs The Costs table with its header row.
 * @param [assumptions] The Assumptions table (Name | Value); SPEC's defaults when omitted.
 * @returns The NPV in the case currency.
 * @example
 *   npv(metrics, costs, assumptions); // 1475525.91 for the seed sample
 */
export function npv(metrics: any[][], costs: any[][], assumptions?: any[][]): number {
  return call('NPV', metrics, costs, assumptions);
}

/**
 * Internal rate of return of the yearly net cash flows, as Excel's IRR with guess 10% (SPEC §3.4). Without a readiness table, go-live is the Assumptions' Transition months, else the typical 5 months.
 * @customfunction IRR
 * @param metrics The Metrics table with its header row (Metrics[#All]).
 * @param costs The Costs table with its header row.
 * @param [assumptions] The Assumptions table (Name | Value); SPEC's defaults when omitted.
 * @returns The IRR as a fraction; #NUM! when no rate makes the NPV zero.
 * @example
 *   irr(metrics, costs, assumptions); // 2.7751 (277.51%) for the seed sample
 */
export function irr(metrics: any[][], costs: any[][], assumptions?: any[][]): number {
  return call('IRR', metrics, costs, assumptions);
}

/**
 * Risk-adjusted ROI (SPEC §3.4): (PV benefits − PV costs) ÷ PV costs. Without a readiness table, go-live is the Assumptions' Transition months, else the typical 5 months.
 * @customfunction ROI
 * @param metrics The Metrics table with its header row (Metrics[#All]).
 * @param costs The Costs table with its header row.
 * @param [assumptions] The Assumptions table (Name | Value); SPEC's defaults when omitted.
 * @returns The ROI as a fraction; #DIV/0! when PV costs is 0.
 * @example
 *   roi(metrics, costs, assumptions); // 2.2189 (221.89%) for the seed sample
 */
export function roi(metrics: any[][], costs: any[][], assumptions?: any[][]): number {
  return call('ROI', metrics, costs, assumptions);
}

/**
 * A scale threshold (SPEC §3.5): the value of one input at which NPV = 0, every other input held. Without a readiness table, go-live is the Assumptions' Transition months, else the typical 5 months.
 * @customfunction THRESHOLD
 * @param metrics The Metrics table with its header row (Metrics[#All]).
 * @param costs The Costs table with its header row.
 * @param which "adoption" (0–100%), "volume" (0–100× plan), "cost" (0–100× plan) or "realization" (0–200% of the promise).
 * @param [assumptions] The Assumptions table (Name | Value); SPEC's defaults when omitted.
 * @returns The threshold as a number; the text "always positive" when NPV is positive across the range; #N/A ("never") when no value in the range makes NPV positive.
 * @example
 *   threshold(metrics, costs, 'adoption'); // 0.2881 for the seed sample
 */
export function threshold(metrics: any[][], costs: any[][], which: string, assumptions?: any[][]): number | string {
  return call('THRESHOLD', metrics, costs, which, assumptions);
}

/**
 * The readiness score (SPEC §3.6): the lowest score among blocking gates, 1 when every blocking gate passes; a gate without a named owner scores 0.
 * @customfunction READINESS
 * @param readiness The Readiness table (Gate | Status | Owner | Evidence) with its header row.
 * @param [ownership] The Ownership (RACI) table: production functions down, roles across.
 * @returns The score from 0 to 1.
 * @example
 *   readiness(readinessTable); // 0 for the seed sample (Workflow redesign has no named owner)
 */
export function readiness(readiness: any[][], ownership?: any[][]): number {
  return call('READINESS', readiness, ownership);
}

/**
 * The verdict (SPEC §3.8): SCALE, PIVOT, KILL or NOT READY.
 * @customfunction VERDICT
 * @param metrics The Metrics table with its header row (Metrics[#All]).
 * @param costs The Costs table with its header row.
 * @param readiness The Readiness table; left empty, every standard gate counts as not assessed.
 * @param [assumptions] The Assumptions table (Name | Value); SPEC's defaults when omitted.
 * @param [ownership] The Ownership (RACI) table.
 * @returns SCALE, PIVOT, KILL or NOT READY.
 * @example
 *   verdict(metrics, costs, readinessTable, assumptions); // 'NOT READY' for the seed sample
 */
export function verdict(metrics: any[][], costs: any[][], readiness: any[][], assumptions?: any[][], ownership?: any[][]): string {
  return call('VERDICT', metrics, costs, readiness, assumptions, ownership);
}

/**
 * The reasons behind the verdict, most decisive first, spilled down a column: short sentences with the figures and the table row or assumption behind them.
 * @customfunction REASONS
 * @param metrics The Metrics table with its header row (Metrics[#All]).
 * @param costs The Costs table with its header row.
 * @param readiness The Readiness table; left empty, every standard gate counts as not assessed.
 * @param [assumptions] The Assumptions table (Name | Value); SPEC's defaults when omitted.
 * @param [ownership] The Ownership (RACI) table.
 * @returns {any[][]} One reason per row.
 * @example
 *   reasons(metrics, costs, readinessTable)[0]; // ['Readiness row 3 "Production data audited" blocks production: status partial.']
 */
export function reasons(metrics: any[][], costs: any[][], readiness: any[][], assumptions?: any[][], ownership?: any[][]): any[][] {
  return call('REASONS', metrics, costs, readiness, assumptions, ownership);
}

/**
 * The timeline to production (SPEC §3.7), spilled as a pair: months low, months high (best case 2–3, typical 4–6, complex 6–12).
 * @customfunction TIMELINE
 * @param readiness The Readiness table; left empty, the case is typical.
 * @param [assumptions] The Assumptions table, for Integrations.
 * @returns {any[][]} One row: months low, months high.
 * @example
 *   timeline(readinessTable); // [[4, 6]] for the seed sample
 */
export function timeline(readiness: any[][], assumptions?: any[][]): any[][] {
  return call('TIMELINE', readiness, assumptions);
}

/**
 * Every figure of the case in a spilled Figure | Value table: verdict, NPV, IRR, ROI, payback, PV benefits and costs, expansion, budget variance, the four thresholds, readiness score and progress, blockers, patterns, timeline and the four verdict tests. A figure that does not exist reads as text ("never", "none …"), never as an error.
 * @customfunction SUMMARY
 * @param metrics The Metrics table with its header row (Metrics[#All]).
 * @param costs The Costs table with its header row.
 * @param readiness The Readiness table; left empty, every standard gate counts as not assessed.
 * @param [assumptions] The Assumptions table (Name | Value); SPEC's defaults when omitted.
 * @param [ownership] The Ownership (RACI) table.
 * @returns {any[][]} Two columns, Figure and Value, a header row first.
 * @example
 *   summary(metrics, costs, readinessTable)[1]; // ['Verdict', 'NOT READY']
 */
export function summary(metrics: any[][], costs: any[][], readiness: any[][], assumptions?: any[][], ownership?: any[][]): any[][] {
  return call('SUMMARY', metrics, costs, readiness, assumptions, ownership);
}
