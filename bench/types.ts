/**
 * The shape every bench file returns: `export default async function (): Promise<BenchEntry[]>`
 * in bench/<name>.bench.ts. `npm run bench` (bench/run.ts) runs them one after another and writes
 * every entry to bench/results.json.
 */
export interface BenchEntry {
  /** What was measured, such as "functions.js gzipped". */
  name: string;
  /** The unit of median, runs and budget, such as "ms" or "bytes". */
  unit: string;
  /** The median of runs. */
  median: number;
  /** Every measurement, in unit. */
  runs: number[];
  /** The same work done by something to compare against, in the same unit. */
  reference?: { name: string; median: number };
  /** median / reference.median. */
  ratio?: number;
  note?: string;
  /** The most median may be, in unit. */
  budget?: number;
}
