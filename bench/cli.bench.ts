/**
 * The command line on generated workbooks: how many .xlsx workbooks `pilot-gate evaluate` gets
 * through per second (100 workbooks, in this process), beside the engine alone on the same cases'
 * grids (what reading, finding tables and checking cost on top of the engine); and its peak memory
 * (maximum resident set size of bin/pilot-gate.js in a child process) on 100 and on 1,000
 * workbooks, the second read against the first: evaluated and dropped one by one, a thousand
 * workbooks should need about the memory of a hundred.
 */
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { main } from '../src/cli/main';
import { evaluateCase, type CaseInput } from '../src/model';
import { seededRandom } from '../test/support/random';
import { generatedCase, writeCaseWorkbook } from '../test/support/workbooks';
import { median } from './timing';
import type { BenchEntry } from './types';

const WORKBOOKS = 100;
const MANY = 1000;
const RUNS = 5;
const SEED = 11;

/** A command line that prints nothing, for timing. */
const QUIET = { stdout: { write: () => true }, stderr: { write: () => true }, now: () => new Date() };

/** What a run of the command line took in memory, in MiB. */
interface Memory {
  /** Maximum resident set size. */
  peak: number;
  /** The JavaScript heap still in use after a full collection at the end: what the run kept. */
  kept: number;
}

/**
 * Runs bin/pilot-gate.js, as a person runs it, over `files` in a child process and returns what it
 * took in memory, which a script preloaded into the child writes to a file as it exits.
 */
function memoryOf(files: string[], dir: string): Promise<Memory> {
  const report = path.join(dir, `memory-${files.length}.json`);
  const preload = path.join(dir, `memory-${files.length}.js`);
  fs.writeFileSync(
    preload,
    `process.on('exit', () => { global.gc(); require('fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({ peak: process.resourceUsage().maxRSS / 1024, kept: process.memoryUsage().heapUsed / 1048576 })); });\n`,
  );
  const bin = path.join(__dirname, '..', 'bin', 'pilot-gate.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--expose-gc', '--require', preload, bin, 'evaluate', ...files], { timeout: 600_000, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`pilot-gate failed on ${files.length} workbooks: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(fs.readFileSync(report, 'utf8')) as Memory);
    });
  });
}

export default async function cliBench(): Promise<BenchEntry[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-gate-cli-bench-'));
  try {
    const random = seededRandom(SEED);
    const cases: CaseInput[] = Array.from({ length: WORKBOOKS }, () => generatedCase(random));
    const files: string[] = [];
    for (const [i, input] of cases.entries()) {
      files.push(path.join(dir, `pilot-${i + 1}.xlsx`));
      await writeCaseWorkbook(files[i], input, i % 2 === 0 ? 'tables' : 'ranges');
    }

    const cli: number[] = [];
    const engine: number[] = [];
    await main(['evaluate', ...files], QUIET);
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      const code = await main(['evaluate', ...files], QUIET);
      if (code !== 0) throw new Error(`pilot-gate evaluate exited ${code} on the generated workbooks`);
      cli.push(WORKBOOKS / ((performance.now() - start) / 1000));
      start = performance.now();
      for (const input of cases) evaluateCase(input);
      engine.push(WORKBOOKS / ((performance.now() - start) / 1000));
    }

    const many = Array.from({ length: MANY }, (_, i) => {
      const copy = path.join(dir, `copy-${i + 1}.xlsx`);
      fs.copyFileSync(files[i % WORKBOOKS], copy);
      return copy;
    });
    const few = await memoryOf(files, dir);
    const lots = await memoryOf(many, dir);
    const round = (n: number): number => Math.round(n * 10) / 10;
    const memory = (name: string, unit: string, at100: number, at1000: number, note: string): BenchEntry => ({
      name,
      unit,
      median: round(at1000),
      runs: [round(at1000)],
      reference: { name: `the same on ${WORKBOOKS} workbooks`, median: round(at100) },
      ratio: at1000 / at100,
      note,
    });
    return [
      {
        name: `pilot-gate evaluate: .xlsx workbooks per second (${WORKBOOKS} generated workbooks, in process)`,
        unit: 'workbooks/s',
        median: round(median(cli)),
        runs: cli.map(round),
        reference: { name: 'the engine alone (evaluateCase) on the same cases, already as grids', median: round(median(engine)) },
        ratio: median(cli) / median(engine),
        note: 'ratio: the share of the engine-only rate left after opening each .xlsx, finding its tables and reading them; half the workbooks hold Excel tables, half plain ranges',
      },
      memory(
        `pilot-gate evaluate: peak memory (max RSS) on ${MANY.toLocaleString('en-US')} workbooks`,
        'MiB',
        few.peak,
        lots.peak,
        'bin/pilot-gate.js in a child process; RSS grows while V8 lets garbage wait for a collection, see the heap kept below',
      ),
      memory(
        `pilot-gate evaluate: heap kept after a full collection, ${MANY.toLocaleString('en-US')} workbooks`,
        'MiB',
        few.kept,
        lots.kept,
        'what the run still holds at its end; ratio near 1: each workbook is dropped once evaluated, so memory does not grow with their number',
      ),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
