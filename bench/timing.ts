import { performance } from 'node:perf_hooks';

/**
 * The median of a list of timings.
 *
 * @example
 *   median([3, 1, 2]) // 2
 */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `work` once to warm up, then `runs` times, and returns each run's wall time in ms.
 *
 * @example
 *   const runs = await timeRuns(5, () => evaluateCase(input));
 */
export async function timeRuns(runs: number, work: () => unknown): Promise<number[]> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}
