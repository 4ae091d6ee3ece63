import { matchCategory } from './categories';
import { ModelError } from './errors';
import { COSTS, cellText, isBlank, readTable } from './tables';
import type { Assumptions, Cell, CostLine, Grid, Money, Problem } from './types';
import { excerpt, formatMoney, quoted } from './format';
import { parseMoney, parseMoneyPerYear, parseMultiple } from './values';
import { checkCostRange, type CostRange, type RangeCells } from './ranges';

export interface CostSummary {
  lines: CostLine[];
  /** P: the pilot total, sunk. */
  pilotTotal: Money;
  /** O: production one-time cost, before risk adjustment. */
  oneTime: Money;
  /** R: production annual run cost at full adoption, before risk adjustment. */
  annualRun: Money;
  /** The rows with a Low / High range (SPEC §3.10), in row order. */
  ranges: CostRange[];
  problems: Problem[];
  warnings: string[];
}

/** The columns that hold money, how each reads a cell, and what it holds for messages. */
const MONEY_COLUMNS = [
  { column: 'Pilot', read: parseMoney, holds: 'what the pilot cost in all' },
  { column: 'One-time', read: parseMoney, holds: 'what production costs once, before go-live' },
  { column: 'Annual', read: parseMoneyPerYear, holds: 'what production costs a year' },
] as const;

type MoneyColumn = (typeof MONEY_COLUMNS)[number]['column'];

/**
 * Reads the Costs table (SPEC §2.2) and resolves each production line (SPEC §3.3): a row with
 * neither One-time nor Annual runs at Pilot × Multiplier a year (the row's multiplier, else its
 * standard category's), flagged as an estimate. Annual takes money per time (`$2,000/month`);
 * Pilot and One-time are amounts. A negative cell is a credit, named in the warnings; a
 * negative total is a problem on its column's header row.
 *
 * @example
 *   readCosts([['Category', 'Pilot'], ['Infrastructure', 15000]], defaultAssumptions()).annualRun // 45000
 */
export function readCosts(grid: Grid, assumptions: Assumptions): CostSummary {
  const table = readTable(grid, COSTS);
  const out: CostSummary = {
    lines: [],
    pilotTotal: 0,
    oneTime: 0,
    annualRun: 0,
    ranges: [],
    problems: [...table.problems],
    warnings: [...table.warnings],
  };
  if (table.problems.length > 0) return out;
  const currency = assumptions.currency;

  for (const { row, cells } of table.rows) {
    const problem = (column: string, message: string): void => {
      out.problems.push({ table: 'Costs', row, column, message });
    };
    const category = cellText(cells.Category);
    if (category === '') {
      problem('Category', 'a cost without a category: expected a name such as "Infrastructure"');
      continue;
    }
    const before = out.problems.length;
    const amounts: Partial<Record<MoneyColumn, Money>> = {};
    for (const { column, read, holds } of MONEY_COLUMNS) {
      const cell: Cell = cells[column];
      if (isBlank(cell)) continue;
      try {
        amounts[column] = read(cell, currency);
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
        problem(column, column === 'Annual' ? error.message : `${error.message} (${column} is ${holds}; only Annual takes money per time)`);
      }
    }
    let rowMultiplier: number | null = null;
    if (!isBlank(cells.Multiplier)) {
      try {
        const multiple = parseMultiple(cells.Multiplier);
        if (!(multiple >= 0)) throw new ModelError('#VALUE!', `expected a multiple of 0 or more such as 3×, got ${excerpt(cellText(cells.Multiplier))}`);
        rowMultiplier = multiple;
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
        problem('Multiplier', error.message);
      }
    }
    if (out.problems.length > before) continue;

    const standard = matchCategory(category);
    const line: CostLine = {
      category,
      row,
      standard,
      pilot: amounts.Pilot ?? 0,
      oneTime: amounts['One-time'] ?? 0,
      annual: amounts.Annual ?? 0,
      estimated: false,
      multiplier: null,
    };
    const hasProductionFigure = !isBlank(cells['One-time']) || !isBlank(cells.Annual);
    if (!hasProductionFigure) {
      const multiplier = rowMultiplier ?? (standard ? assumptions.multipliers[standard] : null);
      if (multiplier === null) {
        problem(
          'Category',
          `${quoted(category)} has no production figure: give One-time or Annual, or a Multiplier (it is not a standard category, so there is no default multiple)`,
        );
        continue;
      }
      line.annual = line.pilot * multiplier;
      line.estimated = true;
      line.multiplier = multiplier;
    } else if (rowMultiplier !== null) {
      out.warnings.push(`Costs row ${row}: ${quoted(category)} has production figures, so its Multiplier is not used.`);
    }
    const credits = MONEY_COLUMNS.filter(({ column }) => (amounts[column] ?? 0) < 0).map(
      ({ column }) => `${column} ${formatMoney(amounts[column]!, currency)}`,
    );
    if (credits.length > 0) out.warnings.push(`Costs row ${row}: ${quoted(category)} is a credit (${credits.join(', ')}), taken off the totals.`);
    const range = checkCostRange({ row, label: category, oneTime: line.oneTime, annual: line.annual }, rangeCells(cells, currency, problem), currency, problem);
    if (range) out.ranges.push(range);
    out.lines.push(line);
    out.pilotTotal += line.pilot;
    out.oneTime += line.oneTime;
    out.annualRun += line.annual;
  }
  // Credits lower a total; a total below zero would be production paying for itself before it runs.
  if (out.problems.length === 0) {
    const totals: [MoneyColumn, string, Money][] = [
      ['Pilot', 'the pilot total P', out.pilotTotal],
      ['One-time', 'production one-time O', out.oneTime],
      ['Annual', 'production annual R', out.annualRun],
    ];
    for (const [column, name, total] of totals) {
      if (total < 0) {
        out.problems.push({
          table: 'Costs',
          row: 1,
          column,
          message: `${name} adds up to ${formatMoney(total, currency)}: credits may lower a total, not make it negative`,
        });
      }
    }
  }
  return out;
}

/** A cost row's Low and High: amounts of money, each a problem on its cell when it is not one. */
function rangeCells(cells: Record<string, Cell>, currency: string, problem: (column: string, message: string) => void): RangeCells {
  const end = (column: 'Low' | 'High'): number | null => {
    if (isBlank(cells[column])) return null;
    try {
      return parseMoney(cells[column], currency);
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      problem(column, `${error.message} (${column} is an end of the row's first-year production cost, One-time + Annual)`);
      return null;
    }
  };
  return { low: end('Low'), high: end('High'), lowGiven: !isBlank(cells.Low), highGiven: !isBlank(cells.High), lowText: cellText(cells.Low), highText: cellText(cells.High) };
}

/**
 * Cost expansion multiple (SPEC §3.3): production's first-year bill (O + R) against the pilot
 * total P; null when P is 0.
 *
 * @example
 *   expansionMultiple(120000, 190000, 191000) // 3.175
 */
export function expansionMultiple(pilotTotal: Money, oneTime: Money, annualRun: Money): number | null {
  return pilotTotal > 0 ? (oneTime + annualRun) / pilotTotal : null;
}
