import { performance } from 'node:perf_hooks';
import type { BenchEntry } from './types';

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

/**
 * Milliseconds of processor time (user and system, this process) that `work` takes.
 *
 * @example
 *   cpuMs(() => checkCase(input)) // 41.3
 */
export function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The processor time of each run of the two sizes' work, taken in turn (small, large, small …)
 * after one run of each to warm up: the machine is shared, and alternating lets both sizes meet
 * the same load, while processor time leaves out the time other processes hold the cores.
 *
 * @example
 *   const [small, large] = paired(5, () => checkCase(quarter), () => checkCase(whole));
 */
export function paired(runs: number, small: (run: number) => void, large: (run: number) => void): [number[], number[]] {
  small(runs);
  large(runs);
  const times: [number[], number[]] = [[], []];
  for (let run = 0; run < runs; run++) {
    times[0].push(cpuMs(() => small(run)));
    times[1].push(cpuMs(() => large(run)));
  }
  return times;
}

/**
 * A per-unit entry at the larger size, against the same work at the smaller size.
 *
 * @example
 *   linearEntry('checkCase on 5,000 rows', 'µs per row', perRow, [1_250, 5_000], 'rows').ratio // 1.02
 */
export function linearEntry(name: string, unit: string, perUnit: [number[], number[]], sizes: readonly [number, number], what: string): BenchEntry {
  const [small, large] = perUnit.map(median);
  return {
    name,
    unit,
    median: large,
    runs: perUnit[1],
    reference: { name: `the same at ${sizes[0].toLocaleString('en-US')} ${what}`, median: small },
    ratio: large / small,
    note: `processor time of this process, the two sizes measured in turn; linear cost gives a ratio near 1, cost that grows with the square ${(sizes[1] / sizes[0]).toFixed(1)}`,
  };
}

