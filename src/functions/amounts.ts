/**
 * Ranges of amounts given to PILOT.EXPANSION (costs to sum) and PILOT.PAYBACK (a row of cash
 * flows), read cell by cell, each problem naming its place in the range.
 */
import { ModelError } from '../model/errors';
import { expansionMultiple } from '../model/costs';
import { paybackPeriods } from '../model/finance';
import { isBlank } from '../model/tables';
import type { Cell, Grid, Money } from '../model/types';
import { parseValue } from '../model/values';

/** Reads one amount of a range, naming its place when it is not a value. */
function amountAt(cell: Cell, where: string): number {
  try {
    return parseValue(cell);
  } catch (error) {
    if (error instanceof ModelError) throw new ModelError('#VALUE!', `${where}: ${error.message}`);
    throw error;
  }
}

/** The sum of a range of costs (blank cells add nothing); a negative cost is an error. */
function costSum(grid: Grid | undefined, name: string): Money {
  if (grid === undefined) throw new ModelError('#VALUE!', `${name}: expected a range of costs, got nothing`);
  let total = 0;
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      const where = `${name} row ${r + 1}, column ${c + 1}`;
      const amount = amountAt(cell, where);
      if (amount < 0) throw new ModelError('#VALUE!', `${where}: expected a cost of 0 or more, got ${amount}`);
      total += amount;
    }),
  );
  return total;
}

/**
 * One row or one column of cash flows, in order. Blank cells after the last figure are ignored
 * (a selection wider than the flows); a blank inside the row is an error, not a guessed 0.
 */
function flowRow(grid: Grid | undefined, name: string): Money[] {
  if (grid === undefined || grid.length === 0) throw new ModelError('#VALUE!', `${name}: expected a row or column of cash flows, got nothing`);
  const columns = grid.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (grid.length > 1 && columns > 1) {
    throw new ModelError('#VALUE!', `${name}: expected one row or one column of cash flows, got ${grid.length} rows × ${columns} columns`);
  }
  const cells = grid.length === 1 ? grid[0] : grid.map((row) => row[0] ?? null);
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1])) end--;
  if (end === 0) throw new ModelError('#VALUE!', `${name}: every cell is blank: expected cash flows`);
  return cells.slice(0, end).map((cell, i) => {
    const where = `${name} cell ${i + 1}`;
    if (isBlank(cell)) throw new ModelError('#VALUE!', `${where} is blank: expected a number (0 for a period with no cash flow)`);
    return amountAt(cell, where);
  });
}

/**
 * PILOT.EXPANSION: production's costs over the pilot's, each range summed.
 *
 * @example
 *   expansionOf([[120000]], [[190000, 191000]]) // 3.175
 */
export function expansionOf(pilotCosts: Grid | undefined, productionCosts: Grid | undefined): number {
  const pilot = costSum(pilotCosts, 'pilotCosts');
  const production = costSum(productionCosts, 'productionCosts');
  const multiple = expansionMultiple(pilot, production, 0);
  if (multiple === null) throw new ModelError('#DIV/0!', 'pilotCosts add up to 0: there is no pilot cost to compare production with');
  if (!Number.isFinite(multiple)) {
    throw new ModelError('#VALUE!', `pilotCosts add up to ${pilot}, so little that productionCosts of ${production} are too many times it for the multiple to be a number`);
  }
  return multiple;
}

/**
 * PILOT.PAYBACK: months to payback of a row or column of net cash flows with `periodsPerYear`
 * periods a year; #N/A ("never") when the cumulative is still negative at the last period.
 *
 * @example
 *   paybackMonthsOf([[-100, 30, 30, 60]], 12) // 3.667: period 3 recovers the last 40 of 60
 *   paybackMonthsOf([[-100, 30, 30, 60]], 4)  // 11: the same periods as quarters
 */
export function paybackMonthsOf(cashflows: Grid | undefined, periodsPerYear: number): number {
  const periods = paybackPeriods(flowRow(cashflows, 'cashflows'));
  if (periods === null) throw new ModelError('#N/A', 'Payback never comes: the cumulative cash flow is still negative at the last period.');
  const months = (periods * 12) / periodsPerYear;
  if (!Number.isFinite(months)) {
    throw new ModelError('#VALUE!', `periodsPerYear: ${periodsPerYear} periods a year make a payback of ${periods} periods too many months to be a number (12 for months, 4 for quarters, 1 for years)`);
  }
  return months;
}
