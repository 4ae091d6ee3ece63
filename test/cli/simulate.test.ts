import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { evaluateCase, sampleCase, simulateCase, type CaseInput, type Simulation } from '../../src/model';
import { runCli } from '../support/cli';
import { rangedSampleCase } from '../support/ranges';
import { writeCaseWorkbook } from '../support/workbooks';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-gate-simulate-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string): string => path.join(dir, name);

interface SimulatedJson {
  workbooks: ({ file: string; evaluated: true; simulation?: Simulation } | { file: string; evaluated: false; problems: { table: string | null; message: string }[] })[];
  portfolio: { ranked: { name: string; simulation: Simulation | null }[] };
}

const simulationOf = (json: SimulatedJson, i: number): Simulation | undefined => {
  const entry = json.workbooks[i];
  if (!entry.evaluated) throw new Error(`${entry.file} not evaluated: ${JSON.stringify(entry.problems)}`);
  return entry.simulation;
};

/** The ranged sample with eight more ranged cost lines: twenty ranged inputs in all. */
function twentyRanges(): CaseInput {
  const c = rangedSampleCase();
  const extra = Array.from({ length: 8 }, (_, i) => [`Support line ${i + 1}`, 0, 1000, 1000, 1500, 2500]);
  return { ...c, costs: [...c.costs, ...extra] };
}

describe('pilot-gate evaluate --simulate, through .xlsx files with Low and High columns', () => {
  it("gives simulateCase's figures for the same trials and seed, and the user guide's at the defaults", async () => {
    await writeCaseWorkbook(file('ranged.xlsx'), rangedSampleCase(), 'tables');
    await writeCaseWorkbook(file('ranged-plain.xlsx'), rangedSampleCase(), 'ranges');

    const seeded = await runCli('evaluate', file('ranged.xlsx'), file('ranged-plain.xlsx'), '--simulate', '--trials', '5000', '--seed', '7', '--json');
    expect([seeded.code, seeded.stderr]).toEqual([0, '']);
    const json = JSON.parse(seeded.stdout) as SimulatedJson;
    const expected = simulateCase(rangedSampleCase(), { trials: 5000, seed: 7 });
    expect(simulationOf(json, 0)).toEqual(expected);
    expect(simulationOf(json, 1)).toEqual(expected);
    expect(expected.npv.p10).toBeLessThan(expected.npv.p90);
    expect(json.portfolio.ranked.map((r) => r.simulation)).toEqual([expected, expected]);

    // docs/guide.md, "How sure": the sample with ranges at 10,000 trials, seed 1 has NPV P10 1,224,297 and P90 1,520,532.
    const defaults = JSON.parse((await runCli('evaluate', file('ranged.xlsx'), '--simulate', '--json')).stdout) as SimulatedJson;
    const byDefault = simulationOf(defaults, 0)!;
    expect([byDefault.trials, byDefault.seed, Math.round(byDefault.npv.p10), Math.round(byDefault.npv.p90), byDefault.probabilityNpvNonNegative]).toEqual([10000, 1, 1224297, 1520532, 1]);

    const other = JSON.parse((await runCli('evaluate', file('ranged.xlsx'), '--simulate', '--trials', '5000', '--seed', '8', '--json')).stdout) as SimulatedJson;
    expect(simulationOf(other, 0)!.npv.p10).not.toBe(expected.npv.p10);

    const plain = JSON.parse((await runCli('evaluate', file('ranged.xlsx'), '--json')).stdout) as SimulatedJson;
    expect(simulationOf(plain, 0)).toBeUndefined();
  });

  it('adds P(NPV ≥ 0), NPV P10 and P90 to each row of the table; a case without ranges has every percentile at its NPV', async () => {
    await writeCaseWorkbook(file('ranged.xlsx'), rangedSampleCase(), 'tables');
    await writeCaseWorkbook(file('point.xlsx'), sampleCase(), 'tables');
    const out = await runCli('evaluate', file('ranged.xlsx'), file('point.xlsx'), '--simulate', '--seed', '3');
    expect(out.code).toBe(0);
    const [header, ...rows] = out.stdout.split('\n');
    expect(header).toMatch(/^Pilot\s+Verdict\s+NPV\s+P\(NPV ≥ 0\)\s+NPV P10\s+NPV P90\s+ROI\s+Payback\s+Expansion\s+Blockers$/);
    // SPEC §3.10: with no ranges the simulation is the point estimate; §7's NPV is $1,475,526.
    const point = rows.find((r) => r.includes('point.xlsx'))!;
    expect(point).toMatch(/NOT READY\s+\$1,475,526\s+100\.0%\s+\$1,475,526\s+\$1,475,526\s+221\.9%/);
    const ranged = simulateCase(rangedSampleCase(), { seed: 3 });
    const money = (x: number): string => `$${Math.round(x).toLocaleString('en-US')}`;
    expect(rows.find((r) => r.includes('ranged.xlsx'))).toContain(`100.0%  ${money(ranged.npv.p10)}  ${money(ranged.npv.p90)}`);
  });

  it('writes the simulation into the portfolio workbook, after NPV, saying how it was run', async () => {
    await writeCaseWorkbook(file('ranged.xlsx'), rangedSampleCase(), 'tables');
    await writeCaseWorkbook(file('point.xlsx'), sampleCase(), 'ranges');
    const out = await runCli('evaluate', file('ranged.xlsx'), file('point.xlsx'), '--simulate', '--trials', '2000', '--seed', '11', '--portfolio', file('portfolio.xlsx'));
    expect(out.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file('portfolio.xlsx'));
    const ws = book.getWorksheet('Portfolio')!;
    expect(String(ws.getCell('A2').value)).toContain('P(NPV ≥ 0), NPV P10 and P90 from 2,000 trials, seed 11.');
    const tables = ws.getTables() as unknown as { table: { tableRef: string } }[];
    expect(tables.map((t) => t.table.tableRef)).toEqual(['A4:N6']);
    expect([4, 5, 6, 7].map((c) => ws.getCell(4, c).value)).toEqual(['NPV', 'P(NPV ≥ 0)', 'NPV P10', 'NPV P90']);
    // Both NOT READY at §7's NPV (the ranged sample at its most likely figures is §7's case), so ranked by name.
    const npv = evaluateCase(sampleCase()).npv;
    const ranged = simulateCase(rangedSampleCase(), { trials: 2000, seed: 11 });
    expect([5, 6].map((r) => [4, 5, 6, 7].map((c) => ws.getCell(r, c).value))).toEqual([
      [npv, 1, npv, npv],
      [evaluateCase(rangedSampleCase()).npv, ranged.probabilityNpvNonNegative, ranged.npv.p10, ranged.npv.p90],
    ]);
  });

  it('says a workbook has too many ranges for the trials asked, naming how many fit, and still evaluates the others', async () => {
    await writeCaseWorkbook(file('wide.xlsx'), twentyRanges(), 'tables');
    await writeCaseWorkbook(file('ranged.xlsx'), rangedSampleCase(), 'tables');
    const out = await runCli('evaluate', file('wide.xlsx'), file('ranged.xlsx'), '--simulate', '--trials', '100000');
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('ranged.xlsx');
    // One call may draw 1,500,000 values: 100,000 trials × (20 inputs + 1) is too many; 1,500,000 / 21 = 71,428 fit.
    expect(out.stderr).toContain(
      'wide.xlsx: Metrics: not simulated: 100,000 trials of 20 ranged inputs are more than one call can run within a second: use at most 71,428 trials, or fewer ranges',
    );
  });

  it('refuses trials and seeds that are not whole numbers in range with exit code 2', async () => {
    await writeCaseWorkbook(file('a.xlsx'), sampleCase(), 'tables');
    const cases: [string[], string][] = [
      [['--simulate', '--trials', 'many'], '--trials many: trials must be a whole number from 1 to 100,000'],
      [['--simulate', '--trials', '1e4'], '--trials 1e4: trials must be a whole number from 1 to 100,000'],
      [['--simulate', '--trials', '2.5'], '--trials 2.5: trials must be a whole number from 1 to 100,000'],
      [['--simulate', '--trials', '0'], '--trials 0: trials must be a whole number from 1 to 100,000'],
      [['--simulate', '--trials=100001'], '--trials 100001: trials must be a whole number from 1 to 100,000'],
      [['--simulate', '--seed', '-1'], '--seed -1: the seed must be a whole number from 0 to 9,007,199,254,740,991'],
      [['--simulate', '--seed', '9007199254740992'], '--seed 9007199254740992: the seed must be a whole number from 0 to 9,007,199,254,740,991'],
      [['--simulate', '--trials'], '--trials needs a whole number: --trials <N>'],
      [['--trials', '500'], '--trials sets the simulation: add --simulate'],
      [['--seed', '5'], '--seed sets the simulation: add --simulate'],
    ];
    for (const [argv, message] of cases) {
      const out = await runCli('evaluate', file('a.xlsx'), ...argv);
      expect([argv, out.code, out.stdout]).toEqual([argv, 2, '']);
      expect(out.stderr).toContain(message);
    }
    const help = await runCli('evaluate', '--help');
    expect(help.stdout).toMatch(/--simulate\s+simulate the Low \/ High ranges/);
  });
});
