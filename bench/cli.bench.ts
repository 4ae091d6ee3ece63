/**
 * The command line on generated workbooks: how many .xlsx workbooks `pilot-gate evaluate` gets
 * through per second (100 workbooks, in this process), beside the engine alone on the same cases'
 * grids (what reading, finding tables and checking cost on top of the engine); and its peak memory
 * (maximum resident set size of a child process running the command line) on 100 and on 1,000
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

/** Runs the command line in a child process over `files` and returns its peak resident memory in MiB. */
function peakMemory(files: string[], listFile: string): Promise<number> {
  fs.writeFileSync(listFile, JSON.stringify(files));
  // The child reads the list from a file (1,000 paths exceed no limit there) and reports its own peak.
  const script = [
    `require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(path.join(__dirname, '..', 'tsconfig.json'))} });`,
    `const files = JSON.parse(require('fs').readFileSync(${JSON.stringify(listFile)}, 'utf8'));`,
    `const quiet = { stdout: { write: () => true }, stderr: { write: () => true }, now: () => new Date() };`,
    `require(${JSON.stringify(path.join(__dirname, '..', 'src', 'cli', 'main'))}).main(['evaluate', ...files], quiet)`,
    `.then((code) => { if (code !== 0) process.exit(10 + code); console.log(process.resourceUsage().maxRSS); });`,
  ].join('\n');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script], { timeout: 600_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`the command line failed on ${files.length} workbooks: ${error.message}\n${stderr}`));
      else resolve(Number(stdout.trim()) / 1024);
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
    const peak100 = await peakMemory(files, path.join(dir, 'list-100.json'));
    const peak1000 = await peakMemory(many, path.join(dir, 'list-1000.json'));
    const round = (n: number): number => Math.round(n * 10) / 10;
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
      {
        name: `pilot-gate evaluate: peak memory (max RSS) on ${MANY.toLocaleString('en-US')} workbooks`,
        unit: 'MiB',
        median: round(peak1000),
        runs: [round(peak1000)],
        reference: { name: `the same on ${WORKBOOKS} workbooks`, median: round(peak100) },
        ratio: peak1000 / peak100,
        note: 'a child process running the command line (ts-node included); ratio near 1: memory does not grow with the number of workbooks',
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
