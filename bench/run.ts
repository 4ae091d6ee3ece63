/**
 * `npm run bench [-- name ...]`: runs every bench/*.bench.ts (or those whose file name contains
 * one of the names given) one after another and writes bench/results.json with the machine, the
 * date and every entry. A bench file that throws, or returns something that is not a list of
 * BenchEntry, is recorded under "failures" with its error, and the run exits non-zero. With names
 * given, the results of the other files already in bench/results.json are kept.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import type { BenchEntry } from './types';


/** An entry as recorded: which bench file produced it, then the entry itself. */
export type RecordedEntry = { file: string } & BenchEntry;

export interface BenchFailure {
  file: string;
  error: string;
}

export interface BenchResults {
  /** ISO 8601, when the run finished. */
  date: string;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; os: string };
  entries: RecordedEntry[];
  failures: BenchFailure[];
  /** Seconds each bench file took, by file. */
  seconds: Record<string, number>;
}

/**
 * The machine the figures were measured on.
 *
 * @example
 *   machineInfo(); // { cpu: 'Intel(R) Xeon(R) ...', cores: 2, memoryGiB: 7.8, node: 'v20.19.0', os: 'linux 6.1.0 (x64)' }
 */
export function machineInfo(): BenchResults['machine'] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.platform()} ${os.release()} (${os.arch()})`,
  };
}

/**
 * Why a value is not a list of well-formed BenchEntry, or null when it is.
 *
 * @example
 *   entryProblem([{ name: 'x', unit: 'ms', median: 1, runs: [1] }]); // null
 *   entryProblem([{ name: 'x', unit: 'ms', median: NaN, runs: [] }]); // 'entry 1 ("x"): median is not a finite number'
 */
export function entryProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return 'the default export did not resolve to an array of BenchEntry';
  for (const [i, entry] of value.entries()) {
    const e = entry as Partial<BenchEntry>;
    const where = `entry ${i + 1}${typeof e?.name === 'string' ? ` ("${e.name}")` : ''}`;
    if (typeof e !== 'object' || e === null) return `${where} is not an object`;
    if (typeof e.name !== 'string' || e.name === '') return `${where}: name must be a non-empty string`;
    if (typeof e.unit !== 'string' || e.unit === '') return `${where}: unit must be a non-empty string`;
    if (typeof e.median !== 'number' || !Number.isFinite(e.median)) return `${where}: median is not a finite number`;
    if (!Array.isArray(e.runs) || e.runs.length === 0 || !e.runs.every((r) => typeof r === 'number' && Number.isFinite(r))) {
      return `${where}: runs must be a non-empty list of finite numbers`;
    }
  }
  return null;
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : String(Number(value.toPrecision(4)));
}

async function runFile(dir: string, file: string): Promise<{ entries: RecordedEntry[] } | { error: string }> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(path.join(dir, file)) as { default?: unknown };
    if (typeof loaded.default !== 'function') return { error: 'has no default export: expected `export default async function (): Promise<BenchEntry[]>`' };
    const entries: unknown = await (loaded.default as () => Promise<unknown>)();
    const problem = entryProblem(entries);
    if (problem) return { error: problem };
    return { entries: (entries as BenchEntry[]).map((entry) => ({ file, ...entry })) };
  } catch (error) {
    return { error: describeError(error) };
  }
}

/** Adds to `results` what `previous` holds for bench files that still exist and were not run now. */
function mergeOthers(dir: string, results: BenchResults, previous: BenchResults, ran: string[]): void {
  const other = (file: string): boolean => !ran.includes(file) && fs.existsSync(path.join(dir, file));
  results.entries.unshift(...(previous.entries ?? []).filter((e) => other(e.file)));
  results.failures.unshift(...(previous.failures ?? []).filter((f) => other(f.file)));
  results.seconds = { ...Object.fromEntries(Object.entries(previous.seconds ?? {}).filter(([file]) => other(file))), ...results.seconds };
}

export interface BenchRun {
  /** The directory of the *.bench.ts files. */
  dir: string;
  /** Where to write the results. */
  resultsFile: string;
  /** Run only files whose name contains one of these; all files when empty. */
  filters: string[];
}

/**
 * Runs the bench files one after another and writes the results file; returns the results.
 * Throws when no file matches.
 *
 * @example
 *   const results = await runBenches({ dir: 'bench', resultsFile: 'bench/results.json', filters: ['bundle'] });
 *   results.failures.length; // 0 when every bench file ran
 */
export async function runBenches({ dir, resultsFile, filters }: BenchRun): Promise<BenchResults> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
    .sort();
  if (files.length === 0) throw new Error(`No bench file in ${dir} matches ${filters.join(', ')}.`);

  const results: BenchResults = { date: '', machine: machineInfo(), entries: [], failures: [], seconds: {} };
  for (const file of files) {
    console.log(`▶ ${file}`);
    const started = performance.now();
    const outcome = await runFile(dir, file);
    results.seconds[file] = Math.round((performance.now() - started) / 100) / 10;
    if ('error' in outcome) {
      results.failures.push({ file, error: outcome.error });
      console.error(`  FAILED: ${outcome.error.split('\n')[0]}`);
      continue;
    }
    results.entries.push(...outcome.entries);
    for (const e of outcome.entries) {
      const versus = e.reference ? `  (${e.reference.name}: ${formatNumber(e.reference.median)}${e.ratio !== undefined ? `, ratio ${formatNumber(e.ratio)}` : ''})` : '';
      const budget = e.budget === undefined ? '' : e.median > e.budget ? `  OVER BUDGET ${formatNumber(e.budget)}` : `  budget ${formatNumber(e.budget)}`;
      console.log(`  ${e.name}: ${formatNumber(e.median)} ${e.unit}${versus}${budget}`);
    }
  }

  results.date = new Date().toISOString();
  // Read what is there only now, so that the figures of a run of other files meanwhile are kept.
  if (filters.length > 0 && fs.existsSync(resultsFile)) mergeOthers(dir, results, JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as BenchResults, files);
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), resultsFile)}: ${results.entries.length} entries, ${results.failures.length} failures`);
  return results;
}

if (require.main === module) {
  runBenches({ dir: __dirname, resultsFile: path.join(__dirname, 'results.json'), filters: process.argv.slice(2) }).then(
    (results) => (process.exitCode = results.failures.length > 0 ? 1 : 0),
    (error: unknown) => {
      console.error(describeError(error));
      process.exitCode = 1;
    },
  );
}
