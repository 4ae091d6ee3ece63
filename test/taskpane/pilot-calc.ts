/**
 * Calculation for the in-memory workbook in the pane's tests: the PILOT formulas the block
 * holds, computed by the engine on the tables they name, so spills and values behave as in
 * Excel with the add-in loaded. (The figures themselves are the engine's; the tests of the
 * custom functions live with them.)
 */
import { evaluateCase } from '../../src/model';
import type { Cell, Grid } from '../../src/model/types';
import type { Calculate, MemoryWorkbook } from '../../src/workbook/memory';

export const pilotCalculator: Calculate = (formula, book) => {
  const call = /^=PILOT\.([A-Z]+)\((.*)\)$/.exec(formula);
  if (!call) return [['#NAME?']];
  const args = call[2].split(',').map((a) => a.trim());
  const table = (a: string | undefined): Grid | undefined => (a ? tableGrid(book, a) : undefined);
  const input = (t: string[]) => ({ metrics: table(t[0]) ?? [], costs: table(t[1]) ?? [] });
  try {
    switch (call[1]) {
      case 'VERDICT':
      case 'REASONS':
      case 'SUMMARY': {
        const r = evaluateCase({ ...input(args), readiness: table(args[2]), assumptions: table(args[3]), ownership: table(args[4]) });
        if (call[1] === 'VERDICT') return [[r.verdict]];
        if (call[1] === 'REASONS') return r.reasons.map((x) => [x]);
        return [['NPV', r.npv], ['ROI', r.roi]];
      }
      case 'THRESHOLD': {
        const r = evaluateCase({ ...input(args), assumptions: table(args[3]) });
        const which = args[2].replace(/"/g, '') as 'adoption' | 'volume' | 'cost' | 'realization';
        return [[r.thresholds[which]]];
      }
      case 'CASHFLOWS': {
        const r = evaluateCase({ ...input(args), assumptions: table(args[2]) });
        return [
          ['', ...r.cashflows.map((f) => `Year ${f.year}`)],
          ['Net', ...r.cashflows.map((f) => f.net)],
        ];
      }
      case 'TIMELINE':
        return [[4, 6]];
      default:
        return [['#NAME?']];
    }
  } catch {
    // A bad input shows as Excel shows it: an error value in the cell.
    return [['#VALUE!']];
  }
};

function tableGrid(book: MemoryWorkbook, ref: string): Grid | undefined {
  const name = /^([A-Za-z0-9_.]+)\[#All\]$/.exec(ref)?.[1];
  const t = name ? book.tables.find((x) => x.name.toLowerCase() === name.toLowerCase()) : undefined;
  if (!t) return undefined;
  const grid: Grid = [];
  for (let r = 0; r < t.range.rows; r++) {
    const line: Cell[] = [];
    for (let c = 0; c < t.range.columns; c++) line.push(book.valueAt({ sheet: t.range.sheet, row: t.range.row + r, column: t.range.column + c }));
    grid.push(line);
  }
  return grid;
}
