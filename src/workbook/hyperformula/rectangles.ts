/**
 * A grid with gaps as few filled rectangles, for writing to HyperFormula in as few calls as it
 * allows: its setCellContents takes a whole 2-D array, but a `null` in one clears the cell,
 * where a gap in a port write leaves the cell as it is.
 */

/** Cells of a grid, the gaps left out: a rectangle whose top-left is at `row`, `column` of the grid. */
export interface Rectangle<T> {
  row: number;
  column: number;
  cells: T[][];
}

/**
 * The non-null cells of `grid` as rectangles that, written one after another row by row, write
 * the cells in the grid's own order (row by row, left to right): a formula entered sees the
 * cells before it written and those after it not yet, as it would cell by cell. So each row's
 * runs of adjacent cells are rectangles of one row, and a row that is one run stacks onto the
 * row above when that too was one run over the same columns. Rows may differ in length.
 *
 * @example
 *   rectangles([[1, 2], [3, 4], [5, null, 6]])
 *   // [{ row: 0, column: 0, cells: [[1, 2], [3, 4]] }, { row: 2, column: 0, cells: [[5]] }, { row: 2, column: 2, cells: [[6]] }]
 */
export function rectangles<T>(grid: readonly (readonly (T | null)[])[]): Rectangle<T>[] {
  const out: Rectangle<T>[] = [];
  let lastWhole: Rectangle<T> | null = null;
  grid.forEach((line, row) => {
    const runs: Rectangle<T>[] = [];
    let column = 0;
    while (column < line.length) {
      if (line[column] === null) {
        column++;
        continue;
      }
      const run: Rectangle<T> = { row, column, cells: [[]] };
      for (; column < line.length && line[column] !== null; column++) run.cells[0].push(line[column] as T);
      runs.push(run);
    }
    const [only] = runs;
    if (runs.length === 1 && lastWhole && lastWhole.column === only.column && lastWhole.cells[0].length === only.cells[0].length) {
      lastWhole.cells.push(only.cells[0]);
      return;
    }
    out.push(...runs);
    lastWhole = runs.length === 1 ? only : null;
  });
  return out;
}
