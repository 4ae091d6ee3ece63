// The task pane's Evaluate through the Office.js adapter, on the strict fake of Excel used by the
// tests: how many context.sync() round trips it takes at 10, 1,000 and 5,000 metric rows (the most
// a table is read; the figure that matters in Excel, where each sync is a trip to the host), and how
// long it takes here, split into the workbook calls and the rest (the engine). Placing a block after the person
// said yes, and undoing an Evaluate, are counted too: each reads its area again in its own batch.
import { performance } from 'node:perf_hooks';
import { evaluate, placeBlock } from '../src/usecases/evaluate';
import { undo } from '../src/usecases/undo';
import { OfficeWorkbook } from '../src/workbook/office';
import type { WorkbookPort } from '../src/workbook/port';
import { CASE_SOURCES, caseWorkbook } from '../test/workbook/fixtures';
import type { BenchEntry } from './types';
import { median, timeRuns } from './timing';

const SIZES: readonly { rows: number; runs: number }[] = [
  { rows: 10, runs: 9 },
  { rows: 1_000, runs: 5 },
  { rows: 5_000, runs: 3 },
];
/** ISSUE 5: at most three round trips per Evaluate, whatever the size. */
const SYNC_BUDGET = 3;

/** The port with the time spent in its calls added up. */
function timed(port: WorkbookPort): { port: WorkbookPort; spent: () => number; reset: () => void } {
  let total = 0;
  const wrap =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const start = performance.now();
      try {
        return await f(...args);
      } finally {
        total += performance.now() - start;
      }
    };
  return {
    port: {
      survey: wrap(port.survey.bind(port)),
      read: wrap(port.read.bind(port)),
      inspect: wrap(port.inspect.bind(port)),
      write: wrap(port.write.bind(port)),
      formulaText: (spec, sheet) => port.formulaText(spec, sheet),
      select: wrap(port.select.bind(port)),
      theme: () => port.theme(),
      watch: (listener) => port.watch(listener),
    },
    spent: () => total,
    reset: () => (total = 0),
  };
}

export default async function (): Promise<BenchEntry[]> {
  const entries: BenchEntry[] = [];
  for (const { rows, runs } of SIZES) {
    const fake = caseWorkbook(rows, { supports: ['1.9', '1.12'] });
    const t = timed(new OfficeWorkbook(fake.host()));
    const first = await evaluate(t.port, CASE_SOURCES);
    if (first.kind !== 'written') throw new Error(`Evaluate at ${rows} rows did not write the block (${first.kind})`);
    const firstSyncs = fake.syncs;

    const syncs: number[] = [];
    const io: number[] = [];
    const times = await timeRuns(runs, async () => {
      fake.resetCounters();
      t.reset();
      const outcome = await evaluate(t.port, CASE_SOURCES);
      if (outcome.kind !== 'written') throw new Error(`re-Evaluate at ${rows} rows did not write the block (${outcome.kind})`);
      syncs.push(fake.syncs);
      io.push(t.spent());
    });
    const timedSyncs = syncs.slice(1); // the warm-up run is not among `times`
    const timedIo = io.slice(1);
    entries.push({
      name: `taskpane Evaluate context.sync() calls, ${rows} metric rows`,
      unit: 'syncs',
      median: median(timedSyncs),
      runs: timedSyncs,
      budget: SYNC_BUDGET,
      note: `re-Evaluate (read; then, in one batch, the block's area read again and the block written); the first Evaluate on a workbook without the block took ${firstSyncs}`,
    });
    // A note in the block's way: Evaluate asks, the person says replace, then undoes it.
    fake.put('Pilot Gate', 2, 2, [['my note']]);
    fake.resetCounters();
    const asked = await evaluate(t.port, CASE_SOURCES);
    if (asked.kind !== 'conflict') throw new Error(`Evaluate at ${rows} rows did not ask about the note (${asked.kind})`);
    const askSyncs = fake.syncs;
    fake.resetCounters();
    const placed = await placeBlock(t.port, asked.pending, 'replace');
    const placeSyncs = fake.syncs;
    fake.resetCounters();
    await undo(t.port, placed.last);
    const undoSyncs = fake.syncs;
    if (fake.cell('Pilot Gate', 2, 2)?.value !== 'my note') throw new Error(`undo at ${rows} rows did not put the note back`);
    entries.push({
      name: `taskpane replace after asking, then undo: context.sync() calls, ${rows} metric rows`,
      unit: 'syncs',
      median: askSyncs + placeSyncs + undoSyncs,
      runs: [askSyncs + placeSyncs + undoSyncs],
      note: `Evaluate that asks ${askSyncs} (read, area read); replace ${placeSyncs} and undo ${undoSyncs} (each: area read again, then written, in one batch)`,
    });
    entries.push({
      name: `taskpane Evaluate on the fake Excel, ${rows} metric rows`,
      unit: 'ms',
      median: median(times),
      runs: times,
      note: `engine included; workbook calls through the adapter took a median of ${median(timedIo).toFixed(1)} ms of it`,
    });
  }
  return entries;
}
