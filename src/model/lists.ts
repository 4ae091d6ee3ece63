/**
 * Appends `items` to `into`, one at a time. `into.push(...items)` passes every item as an
 * argument of a single call, and a call holds only so many: the ~130,000 problems of a long
 * pasted table overflowed the stack.
 *
 * @example
 *   const problems = [a];
 *   append(problems, [b, c]); // problems is [a, b, c]
 */
export function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

/**
 * The smallest of `values`, or `empty` when there are none; a loop, not `Math.min(...values)`,
 * for the same reason as {@link append}.
 *
 * @example
 *   smallest([1, 0.5, 1], 1) // 0.5
 *   smallest([], 1)          // 1
 */
export function smallest(values: readonly number[], empty: number): number {
  let least = values.length === 0 ? empty : values[0];
  for (const value of values) if (value < least) least = value;
  return least;
}
