// The row limit (SPEC §4: every function returns within a second on any input Excel can hold, a
// million rows included). Per-row cost of each table when no two cells are alike, at a quarter of
// MAX_TABLE_ROWS and at it; the whole case at the limit through the runner, against the sample
// through the same call; and the million-row calls (a table of distinct rows, refused; the sample
// in whole-column references, its rows then blank ones) against the call at the limit and the
// plain sample. Processor time of this process, as the machine is shared.
import { CaseCache } from '../src/functions/cache';
import { runPilotFunction } from '../src/functions/runner';
import { checkCase, evaluateCase, sampleCase, type CaseInput, type Cell, type Grid } from '../src/model';
import { MAX_TABLE_ROWS } from '../src/model/tables';
import { distinctCase } from './rows';
import { linearEntry, median, paired } from './timing';
import type { BenchEntry } from './types';

const SIZES = [MAX_TABLE_ROWS / 4, MAX_TABLE_ROWS] as const;
const RUNS = 7;
const MILLION = 1_000_000;
const TABLES = ['metrics', 'costs', 'readiness', 'ownership', 'assumptions'] as const;

/** A table's rows as Excel hands them over: blank cells as "", an absent table as "". */
function asExcel(grid: Grid | undefined): Grid | '' {
  return grid === undefined ? '' : grid.map((row) => row.map((cell) => cell ?? ''));
}

/** PILOT.SUMMARY over a case's five tables, as the output block calls it, with a cache of its own. */
function summary(input: CaseInput): () => void {
  const args = [input.metrics, input.costs, input.readiness, input.assumptions, input.ownership].map(asExcel);
  return () => {
    runPilotFunction('SUMMARY', args, { cases: new CaseCache() });
  };
}

function perTable(): BenchEntry[] {
  const sample = sampleCase();
  const [small, large] = SIZES.map(distinctCase);
  return TABLES.map((table) => {
    const times = paired(RUNS, () => checkCase({ ...sample, [table]: small[table] }), () => checkCase({ ...sample, [table]: large[table] }));
    const perRow: [number[], number[]] = [times[0].map((ms) => (ms * 1e3) / SIZES[0]), times[1].map((ms) => (ms * 1e3) / SIZES[1])];
    return linearEntry(`checkCase, ${table} of ${MAX_TABLE_ROWS.toLocaleString('en-US')} rows, no two cells alike`, 'µs per row', perRow, SIZES, 'rows');
  });
}

/** Processor time of `runs` calls of each, in turn, after one of each to warm up. */
function against(name: string, work: () => void, referenceName: string, reference: () => void, note: string): BenchEntry {
  const [ref, times] = paired(RUNS, reference, work);
  const m = median(times);
  return { name, unit: 'ms', median: m, runs: times, reference: { name: referenceName, median: median(ref) }, ratio: m / median(ref), budget: 1000, note };
}

function wholeCalls(): BenchEntry[] {
  const sample = sampleCase();
  evaluateCase(sample);
  const limit = distinctCase(MAX_TABLE_ROWS);
  const atLimit = summary(limit);
  const metrics = distinctCase(MILLION).metrics;
  // A whole-column reference: the table's rows, then blank ones to a million (one blank row shared, as it costs no more to read).
  const padded = (grid: Grid): Grid => {
    const blank: Cell[] = grid[0].map(() => '');
    return [...grid, ...Array.from({ length: MILLION - grid.length }, () => blank)];
  };
  const wholeColumns: CaseInput = { ...sample, metrics: padded(sample.metrics), costs: padded(sample.costs), readiness: padded(sample.readiness!) };
  const rows = MAX_TABLE_ROWS.toLocaleString('en-US');
  return [
    against(
      `PILOT.SUMMARY over five tables of ${rows} rows each, no two cells alike (the most Pilot Gate reads)`,
      atLimit,
      'PILOT.SUMMARY over the sample',
      summary(sample),
      'the worst input that is read: budget 1,000 ms (SPEC §4), which a laptop several times slower than this machine must still meet',
    ),
    against(
      'PILOT.SUMMARY with a Metrics table of 1,000,000 rows, no two alike (refused on its header row)',
      summary({ ...sample, metrics }),
      `the same call at ${rows} rows in every table`,
      atLimit,
      'a table too long is refused in one pass over its rows, for less than the longest table that is read',
    ),
    against(
      'PILOT.SUMMARY over whole columns: the sample, then blank rows to 1,000,000 in Metrics, Costs and Readiness',
      summary(wholeColumns),
      'PILOT.SUMMARY over the sample',
      summary(sample),
      'blank rows are skipped, never refused: the cost is one look at each blank cell',
    ),
  ];
}

export default async function limitsBench(): Promise<BenchEntry[]> {
  return [...perTable(), ...wholeCalls()];
}
