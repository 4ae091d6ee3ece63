import type { Cell, Grid } from '../../src/model';

/**
 * A copy of `grid` with one cell changed, found by the first column's text and the header's text.
 *
 * @example
 *   withCell(SAMPLE_COSTS, 'Infrastructure', 'Annual', 90000)
 */
export function withCell(grid: Grid, rowLabel: string, column: string, value: Cell): Grid {
  const copy = grid.map((row) => [...row]);
  const c = copy[0].indexOf(column);
  const r = copy.findIndex((row) => row[0] === rowLabel);
  if (c < 0 || r < 1) throw new Error(`no cell ${rowLabel} / ${column}`);
  copy[r][c] = value;
  return copy;
}

/** A copy of `grid` with the given rows appended. */
export function withRows(grid: Grid, ...rows: Cell[][]): Grid {
  return [...grid.map((row) => [...row]), ...rows];
}

/** A Name | Value assumptions grid. */
export function assumptionsGrid(entries: Record<string, Cell>): Grid {
  return [['Name', 'Value'], ...Object.entries(entries).map(([name, value]) => [name, value])];
}
