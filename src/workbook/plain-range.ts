/**
 * Where a plain range ends. An input table given as a plain range (no Excel table) is its header
 * row and the rows below it down to the first row with nothing in it, as a person leaves a blank
 * line under a table; every host reads such a range the same way.
 */
import { isBlank } from '../model/tables';
import type { Grid } from '../model/types';

/**
 * The rows of a plain range as read: from its header down to the first row with nothing in
 * it (a plain range ends where a person leaves a blank line).
 *
 * @example
 *   cutAtBlankRow([['Name', 'Value'], ['Horizon', 3], [null, null], ['other', 1]]) // first two rows
 */
export function cutAtBlankRow(grid: Grid): number {
  for (let r = 1; r < grid.length; r++) {
    if (grid[r].every((cell) => isBlank(cell))) return r;
  }
  return grid.length;
}
