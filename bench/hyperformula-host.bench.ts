/**
 * The port's HyperFormula host on SPEC §6's sample, in Node, as the workbench drives it: opening
 * (a new HyperFormulaWorkbook and Insert template, as src/workbench/open.ts does), then Find
 * tables and Evaluate, which writes the block; and Evaluate again over that block. Each beside
 * evaluateCase on the same sample measured in the same runs, in turn with them, so that the
 * machine's load weighs on both alike: the ratios say what the host costs on top of the engine.
 * Times are processor time of this process, which leaves out the time other processes hold the
 * cores of a shared machine (wall-clock times here doubled with the load average).
 */
import { evaluateCase } from '../src/model';
import { sampleCase } from '../src/model/sample';
import { createUseCases } from '../src/usecases';
import { HyperFormulaWorkbook } from '../src/workbook/hyperformula/workbook';
import { median } from './timing';
import type { BenchEntry } from './types';

const WARM_UP = 5;
const RUNS = 21;
const ENGINE_CALLS = 10;
const NOW = (): Date => new Date(2025, 4, 1, 14, 30);

interface RunTimes {
  open: number;
  evaluate: number;
  again: number;
  engine: number;
}

/** Milliseconds of processor time since `start` (a process.cpuUsage() reading). */
function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function oneRun(): Promise<RunTimes> {
  let start = process.cpuUsage();
  const book = new HyperFormulaWorkbook();
  const useCases = createUseCases({ port: book, now: NOW });
  await useCases.insertTemplate();
  const open = cpuSince(start);
  const { sources } = await useCases.findTables();
  start = process.cpuUsage();
  const first = await useCases.evaluate(sources);
  const evaluate = cpuSince(start);
  start = process.cpuUsage();
  const again = await useCases.evaluate(sources);
  const evaluateAgain = cpuSince(start);
  if (first.kind !== 'written' || again.kind !== 'written') throw new Error(`Evaluate on the sample did not write its block (${first.kind}, then ${again.kind}).`);
  const verdict = book.shown({ sheet: first.block.sheet, row: first.block.row + 1, column: first.block.column + 1 }).value;
  // SPEC §7: the sample reads NOT READY; a block that says otherwise was not worth timing.
  if (verdict !== 'NOT READY') throw new Error(`The sample's block reads ${String(verdict)} rather than NOT READY.`);
  // Ten calls, for a reference long enough that the machine's load weighs on it as on the host's work.
  start = process.cpuUsage();
  for (let i = 0; i < ENGINE_CALLS; i++) evaluateCase(sampleCase());
  const engine = cpuSince(start) / ENGINE_CALLS;
  return { open, evaluate, again: evaluateAgain, engine };
}

/**
 * Opening the sample on the HyperFormula host and evaluating it, in ms of processor time, each against the engine alone.
 *
 * @example
 *   (await hyperformulaHostTimes())[1].ratio; // 20: the first Evaluate costs about twenty evaluateCase
 */
export default async function hyperformulaHostTimes(): Promise<BenchEntry[]> {
  for (let i = 0; i < WARM_UP; i++) await oneRun();
  const runs: RunTimes[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun());
  const tenths = (ms: number): number => Math.round(ms * 100) / 100;
  const engine = median(runs.map((r) => r.engine));
  const reference = { name: 'evaluateCase on the sample, in the same runs (a call, of ten)', median: tenths(engine) };
  const entry = (name: string, times: number[], note: string): BenchEntry => {
    const m = median(times);
    return { name, unit: 'ms', median: tenths(m), runs: times.map(tenths), reference, ratio: Math.round((m / engine) * 100) / 100, note };
  };
  return [
    entry('HyperFormula host: the sample opened (new workbook and Insert template)', runs.map((r) => r.open), 'HyperFormula.buildEmpty (its parser and function registry) and the five tables written through the port'),
    entry('HyperFormula host: Evaluate on the sample (the block written)', runs.map((r) => r.evaluate), 'reading and checking the case, the block planned, its record, its cells written and computed (each PILOT spill sized as it is entered)'),
    entry('HyperFormula host: Evaluate again over its own block', runs.map((r) => r.again), 'as above, with the block read again and found to be its own'),
  ];
}
