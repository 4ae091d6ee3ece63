import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { progressBar } from '../../src/cli/progress';
import { sampleCase, simulateCase } from '../../src/model';
import { rangedSampleCase } from '../support/ranges';
import { endToEndCases, writeCaseWorkbook } from '../support/workbooks';

const BIN = path.resolve(__dirname, '../../bin/pilot-gate.js');

/** Runs bin/pilot-gate.js as a child process, as `npx pilot-gate` does. */
function pilotGate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 120_000, maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-gate-bin-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('bin/pilot-gate.js as a child process', () => {
  it('evaluates a portfolio of twelve workbooks: ranked rows, totals, exit 0, and no progress bar when stderr is not a terminal', async () => {
    const cases = endToEndCases(8);
    const files: string[] = [];
    for (const c of cases) {
      files.push(path.join(dir, `${c.name}.xlsx`));
      await writeCaseWorkbook(files[files.length - 1], c.input, 'tables');
    }
    const out = await pilotGate(['evaluate', ...files]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const rows = out.stdout.split('\n').slice(1, 1 + files.length);
    const verdicts = rows.map((line) => /(SCALE|NOT READY|PIVOT|KILL)/.exec(line)?.[1]);
    const order = ['SCALE', 'NOT READY', 'PIVOT', 'KILL'];
    expect(verdicts.map((v) => order.indexOf(v!))).toEqual([...verdicts.map((v) => order.indexOf(v!))].sort((a, b) => a - b));
    expect(out.stdout).toContain('NPV at stake (USD)');
  }, 180_000);

  it('exits 1 on input problems and 2 on a usage error', async () => {
    const good = path.join(dir, 'good.xlsx');
    await writeCaseWorkbook(good, sampleCase(), 'ranges');
    const problems = await pilotGate(['evaluate', good, path.join(dir, 'gone.xlsx')]);
    expect(problems.code).toBe(1);
    expect(problems.stdout).toContain('NOT READY');
    expect(problems.stderr).toContain('gone.xlsx does not exist.');
    const usage = await pilotGate(['evaluate', '--json']);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringContaining('evaluate needs at least one .xlsx file')]);
    const trials = await pilotGate(['evaluate', good, '--simulate', '--trials', '100001']);
    expect([trials.code, trials.stderr]).toEqual([2, expect.stringContaining('--trials 100001: trials must be a whole number from 1 to 100,000')]);
  }, 180_000);

  it("simulates a workbook's Low and High columns to simulateCase's figures for the same seed", async () => {
    const ranged = path.join(dir, 'ranged.xlsx');
    await writeCaseWorkbook(ranged, rangedSampleCase(), 'ranges');
    const out = await pilotGate(['evaluate', ranged, '--simulate', '--trials', '3000', '--seed', '42', '--json']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    const [entry] = (JSON.parse(out.stdout) as { workbooks: { simulation: unknown }[] }).workbooks;
    expect(entry.simulation).toEqual(simulateCase(rangedSampleCase(), { trials: 3000, seed: 42 }));
  }, 180_000);
});

describe('the progress bar', () => {
  it('draws in place on a terminal for ten workbooks or more, and not at all elsewhere', () => {
    let written = '';
    const terminal = { isTTY: true, columns: 60, write: (t: string) => (written += t) };
    const bar = progressBar(terminal, 20);
    bar.tick(10, 'claims.xlsx');
    expect(written).toBe(`\r${'[###############...............] 10/20 claims.xlsx'.padEnd(59)}`);
    bar.end();
    expect(written.endsWith(`\r${' '.repeat(59)}\r`)).toBe(true);

    let piped = '';
    progressBar({ isTTY: false, write: (t: string) => (piped += t) }, 1000).tick(1, 'a.xlsx');
    progressBar({ isTTY: true, write: (t: string) => (piped += t) }, 9).tick(1, 'a.xlsx');
    expect(piped).toBe('');
  });
});
