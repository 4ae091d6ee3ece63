import { matchCategory } from './categories';
import { ModelError } from './errors';
import { COSTS, cellText, isBlank, readTable } from './tables';
import type { Assumptions, Cell, CostLine, Grid, Money, Problem } from './types';
import { parseMoney, parseMultiple } from './values';

export interface CostSummary {
  lines: CostLine[];
  /** P: the pilot total, sunk. */
  pilotTotal: Money;
  /** O: production one-time cost, before risk adjustment. */
  oneTime: Money;
  /** R: production annual run cost at full adoption, before risk adjustment. */
  annualRun: Money;
  problems: Problem[];
  warnings: string[];
}

/**
 * Reads the Costs table (SPEC §2.2) and resolves each production line (SPEC §3.3): a row with
 * neither One-time nor Annual runs at Pilot × Multiplier a year (the row's multiplier, else its
 * standard category's), flagged as an estimate.
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
    problems: [...table.problems],
    warnings: [...table.warnings],
  };
  if (table.problems.length > 0) return out;

  for (const { row, cells } of table.rows) {
    const problem = (column: string, message: string): void => {
      out.problems.push({ table: 'Costs', row, column, message });
    };
    const category = cellText(cells.Category);
    if (category === '') {
      problem('Category', 'a cost without a category: expected a name such as "Infrastructure"');
      continue;
    }
    const money = (column: string): Money | null => {
      const cell: Cell = cells[column];
      if (isBlank(cell)) return null;
      try {
        const amount = parseMoney(cell, assumptions.currency);
        if (amount < 0) {
          problem(column, `expected a cost of 0 or more, got ${cellText(cell)}: savings belong in the Metrics table`);
          return null;
        }
        return amount;
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
        problem(column, error.message);
        return null;
      }
    };
    const before = out.problems.length;
    const pilot = money('Pilot');
    const oneTime = money('One-time');
    const annual = money('Annual');
    let rowMultiplier: number | null = null;
    if (!isBlank(cells.Multiplier)) {
      try {
        const multiple = parseMultiple(cells.Multiplier);
        if (!(multiple >= 0)) throw new ModelError('#VALUE!', `expected a multiple of 0 or more such as 3×, got ${cellText(cells.Multiplier)}`);
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
      pilot: pilot ?? 0,
      oneTime: oneTime ?? 0,
      annual: annual ?? 0,
      estimated: false,
      multiplier: null,
    };
    const hasProductionFigure = !isBlank(cells['One-time']) || !isBlank(cells.Annual);
    if (!hasProductionFigure) {
      const multiplier = rowMultiplier ?? (standard ? assumptions.multipliers[standard] : null);
      if (multiplier === null) {
        problem(
          'Annual',
          `"${category}" has no production figure: give One-time or Annual, or a Multiplier (it is not a standard category, so there is no default multiple)`,
        );
        continue;
      }
      line.annual = line.pilot * multiplier;
      line.estimated = true;
      line.multiplier = multiplier;
    } else if (rowMultiplier !== null) {
      out.warnings.push(`Costs row ${row}: "${category}" has production figures, so its Multiplier is not used.`);
    }
    out.lines.push(line);
    out.pilotTotal += line.pilot;
    out.oneTime += line.oneTime;
    out.annualRun += line.annual;
  }
  return out;
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
