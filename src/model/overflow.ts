/**
 * Ratios of a case whose denominator is a total of tiny amounts can exceed the largest double:
 * a pilot total of 5e-324 makes the expansion multiple infinite. No ±Infinity leaves the engine
 * (SPEC §4), so each such figure is a problem on the cells that made it; a total's problem sits
 * on its column's header row, as SPEC §2.2 places every problem with a total.
 */
import type { PreparedCase } from './case';
import { formatMoney } from './format';
import type { Money, Problem } from './types';

/** The ratios of a case, as evaluated. */
export interface CaseRatios {
  expansion: number | null;
  budgetVariance: number | null;
  roi: number | null;
  pvBenefits: Money;
}

/**
 * A problem for each ratio that is not a finite number, naming the cells behind its denominator.
 *
 * @example
 *   ratioProblems(prepared, { expansion: Infinity, budgetVariance: null, roi: 2.2, pvBenefits: 2.1e6 })
 *   // [{ table: 'Costs', row: 1, column: 'Pilot', message: 'the pilot costs add up to 5e-324 USD, …' }]
 */
export function ratioProblems(c: PreparedCase, ratios: CaseRatios): Problem[] {
  const { currency } = c.assumptions;
  const { pilotTotal, oneTime, annualRun } = c.costs;
  const firstYear = formatMoney(oneTime + annualRun, currency);
  const problems: Problem[] = [];
  const overflows = (ratio: number | null): boolean => ratio !== null && !Number.isFinite(ratio);
  if (overflows(ratios.expansion)) {
    problems.push({
      table: 'Costs',
      row: 1,
      column: 'Pilot',
      message: `the pilot costs add up to ${pilotTotal} ${currency}, so little that production's first-year cost of ${firstYear} is too many times it for the expansion multiple to be a number: enter 0 if the pilot cost nothing`,
    });
  }
  if (overflows(ratios.roi)) {
    problems.push({
      table: 'Costs',
      row: 1,
      column: oneTime >= annualRun ? 'One-time' : 'Annual',
      message: `production costs add up to ${oneTime + annualRun} ${currency}, so little against PV benefits of ${formatMoney(ratios.pvBenefits, currency)} that the ROI is too large to be a number: enter 0 where production costs nothing`,
    });
  }
  const budget = c.assumptions.approvedBudget;
  const budgetRow = c.assumptionRows['Approved production budget'];
  if (overflows(ratios.budgetVariance) && budget !== null && budgetRow !== undefined) {
    problems.push({
      table: 'Assumptions',
      row: budgetRow,
      column: 'Value',
      message: `an Approved production budget of ${budget} ${currency} is so little that production's first-year cost of ${firstYear} is too many times it for the budget variance to be a number: expected the budget leadership agreed to`,
    });
  }
  return problems;
}
