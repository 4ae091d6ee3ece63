import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { evaluateCase, sampleCase, type CaseResult } from '../../src/model';
import { LAYOUT } from '../../src/usecases/block';
import { cellA1 } from '../../src/workbook/a1';
import { markDynamicArrays } from '../../src/workbook/xlsx/dynamic-arrays';
import { runCli } from '../support/cli';
import { endToEndCases, workbookOf, writeCaseWorkbook } from '../support/workbooks';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-gate-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = runCli;

const file = (name: string): string => path.join(dir, name);
const hash = (f: string): string => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

interface JsonOut {
  workbooks: ({ file: string; evaluated: true; verdict: string; result: CaseResult } | { file: string; evaluated: false; problems: { table: string | null; row: number | null; column: string | null; cell: string | null; message: string }[] })[];
  portfolio: { ranked: { name: string; verdict: string; npv: number }[]; totals: { currency: string; pilots: number; productionCost: number; byVerdict: Record<string, { pilots: number; npv: number }> }[] };
}

describe('pilot-gate evaluate, end to end through .xlsx files', () => {
  it('gives the figures of SPEC §7 for the sample, laid out as Excel tables or as plain ranges', async () => {
    await writeCaseWorkbook(file('tables.xlsx'), sampleCase(), 'tables');
    await writeCaseWorkbook(file('ranges.xlsx'), sampleCase(), 'ranges');
    const out = await cli('evaluate', file('tables.xlsx'), file('ranges.xlsx'), '--json');
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as JsonOut;
    for (const entry of json.workbooks) {
      if (!entry.evaluated) throw new Error(`not evaluated: ${JSON.stringify(entry)}`);
      // SPEC §7: NOT READY, NPV 1,475,525.91, IRR 277.51%, ROI 221.89%, payback 13.072 months, expansion 3.175×.
      expect(entry.verdict).toBe('NOT READY');
      expect(entry.result.npv).toBeCloseTo(1475525.91, 2);
      expect(entry.result.irr).toBeCloseTo(2.7751, 4);
      expect(entry.result.roi).toBeCloseTo(2.2189, 4);
      expect(entry.result.paybackMonths).toBeCloseTo(13.072, 3);
      expect(entry.result.expansion).toBeCloseTo(3.175, 9);
      expect(entry.result.readiness.blockers).toEqual(['Production data audited', 'Change management plan', 'Workflow redesign']);
    }
  });

  it('reads every generated case from its workbook as the engine reads its grids, and ranks them as a portfolio with totals', async () => {
    const cases = endToEndCases(8);
    const files = await Promise.all(
      cases.map(async (c, i) => {
        const f = file(`${c.name}.xlsx`);
        await writeCaseWorkbook(f, c.input, i % 2 === 0 ? 'tables' : 'ranges');
        return f;
      }),
    );
    const out = await cli('evaluate', ...files, '--json');
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as JsonOut;
    const expected = cases.map((c) => evaluateCase(c.input));
    json.workbooks.forEach((entry, i) => {
      if (!entry.evaluated) throw new Error(`${cases[i].name} not evaluated: ${JSON.stringify(entry.problems)}`);
      expect([entry.file, entry.verdict, entry.result.npv, entry.result.irr, entry.result.paybackMonths]).toEqual([files[i], expected[i].verdict, expected[i].npv, expected[i].irr, expected[i].paybackMonths]);
    });
    expect(new Set(expected.map((r) => r.verdict))).toEqual(new Set(['SCALE', 'NOT READY', 'PIVOT', 'KILL']));

    // Ranked SCALE, NOT READY, PIVOT, KILL, then by NPV from highest.
    const order = ['SCALE', 'NOT READY', 'PIVOT', 'KILL'];
    const ranked = json.portfolio.ranked;
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1], ranked[i]];
      expect(order.indexOf(a.verdict) < order.indexOf(b.verdict) || (a.verdict === b.verdict && a.npv >= b.npv)).toBe(true);
    }
    const [totals] = json.portfolio.totals;
    for (const verdict of order) {
      const mine = expected.filter((r) => r.verdict === verdict);
      expect(totals.byVerdict[verdict].pilots).toBe(mine.length);
      expect(totals.byVerdict[verdict].npv).toBeCloseTo(mine.reduce((s, r) => s + r.npv, 0), 6);
    }
    expect(totals.productionCost).toBeCloseTo(expected.reduce((s, r) => s + r.oneTime + r.annualRun, 0), 6);

    const text = await cli('evaluate', ...files);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(/^Pilot\s+Verdict\s+NPV\s+ROI\s+Payback\s+Expansion\s+Blockers$/);
    expect(lines[1]).toContain(ranked[0].name);
    expect(text.stdout).toMatch(/NPV at stake \(USD\): SCALE \$[\d,]+ \(\d+ pilots?\) · NOT READY/);
    expect(text.stdout).toContain('Production cost asked for (USD, one-time + first-year run)');
  });

  it('lists each input problem as file, table, row, column and message, still evaluates the others, and exits 1', async () => {
    await writeCaseWorkbook(file('good.xlsx'), sampleCase(), 'tables');
    const bad = sampleCase();
    bad.metrics[2][1] = 'N/A';
    await writeCaseWorkbook(file('bad.xlsx'), bad, 'tables');
    fs.writeFileSync(file('pilot.csv'), 'Metric,Baseline,Target\n');
    const out = await cli('evaluate', file('good.xlsx'), file('bad.xlsx'), file('missing.xlsx'), file('pilot.csv'));
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('good.xlsx');
    expect(out.stdout).not.toContain('bad.xlsx');
    expect(out.stderr).toMatch(new RegExp(`bad\\.xlsx: Metrics row 3, column Baseline \\(Metrics!B3\\): .*N/A`));
    expect(out.stderr).toContain(`${file('missing.xlsx')}: ${file('missing.xlsx')} does not exist.`);
    expect(out.stderr).toContain('pilot.csv is a text (CSV) file');
    expect(out.stderr).toContain('3 of 4 workbooks not evaluated');
  });

  it('says when a workbook has no Metrics table, or two places that could equally be it', async () => {
    const noTables = new ExcelJS.Workbook();
    noTables.addWorksheet('Notes').getCell('A1').value = 'Nothing here';
    await noTables.xlsx.writeFile(file('empty.xlsx'));
    const twice = workbookOf(sampleCase(), 'ranges');
    const ws = twice.addWorksheet('Copy');
    sampleCase().metrics.forEach((line, r) => line.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
    await twice.xlsx.writeFile(file('twice.xlsx'));
    const out = await cli('evaluate', file('empty.xlsx'), file('twice.xlsx'), '--json');
    expect(out.code).toBe(1);
    const [empty, two] = (JSON.parse(out.stdout) as JsonOut).workbooks;
    expect(empty.evaluated === false && empty.problems.map((p) => p.message)).toEqual([
      'no Metrics table found: expected a table named Metrics, or a range whose header has Metric, Baseline and Target',
      'no Costs table found: expected a table named Costs, or a range whose header has Category and Pilot, One-time or Annual',
    ]);
    expect(two.evaluated === false && two.problems[0].message).toBe(
      '2 places could be the Metrics table (Pilot!A1:I5; Copy!A1:I5): name the one to use "Metrics" (an Excel table name) or remove the others',
    );
    expect(out.stderr).toContain('twice.xlsx: Metrics: 2 places could be the Metrics table');
  });

  it('writes the block into a copy and leaves the input as it was; --in-place writes into the workbook itself', async () => {
    await writeCaseWorkbook(file('in.xlsx'), sampleCase(), 'tables');
    const before = hash(file('in.xlsx'));
    const out = await cli('evaluate', file('in.xlsx'), '--write', file('out.xlsx'));
    expect(out.code).toBe(0);
    expect(hash(file('in.xlsx'))).toBe(before);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(file('out.xlsx'));
    const verdict = copy.getWorksheet('Pilot Gate')?.getCell('B2').value as { formula: string; result: string };
    expect([verdict.formula.startsWith('_xldudf_PILOT_VERDICT(IF(ISBLANK(Metrics[#All]),"",Metrics[#All])'), verdict.result]).toEqual([true, 'NOT READY']);
    expect(copy.definedNames.model.map((n) => n.name)).toContain('PilotGate_Output');

    expect((await cli('evaluate', file('in.xlsx'), '--in-place')).code).toBe(0);
    expect(hash(file('in.xlsx'))).not.toBe(before);
    const inPlace = new ExcelJS.Workbook();
    await inPlace.xlsx.readFile(file('in.xlsx'));
    expect(inPlace.getWorksheet('Pilot Gate')).toBeDefined();
  });

  it('never overwrites a person\'s cells: the block goes to a new sheet when they are in its way', async () => {
    const wb = workbookOf(sampleCase(), 'tables');
    wb.addWorksheet('Pilot Gate').getCell('B2').value = 'my note';
    await wb.xlsx.writeFile(file('noted.xlsx'));
    const out = await cli('evaluate', file('noted.xlsx'), '--write', file('out.xlsx'));
    expect(out.code).toBe(0);
    expect(out.stderr).toContain("the block went to 'Pilot Gate (2)'!A1");
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(file('out.xlsx'));
    expect(copy.getWorksheet('Pilot Gate')?.getCell('B2').value).toBe('my note');
  });

  it("keeps a person's dynamic-array formula spilling when the workbook is written in place", async () => {
    const wb = workbookOf(sampleCase(), 'tables');
    const data = wb.addWorksheet('Data');
    [3, 1, 2].forEach((v, i) => (data.getCell(i + 2, 1).value = v));
    data.getCell('D2').value = { formula: '_xlfn.SORT(A2:A4)', result: 1, shareType: 'array', ref: 'D2:D4' } as unknown as ExcelJS.CellFormulaValue;
    data.getCell('D3').value = 2;
    data.getCell('D4').value = 3;
    const bytes = await markDynamicArrays(new Uint8Array(await wb.xlsx.writeBuffer()), [{ sheet: 'Data', cell: 'D2' }]);
    fs.writeFileSync(file('sorted.xlsx'), bytes);
    expect((await cli('evaluate', file('sorted.xlsx'), '--in-place')).code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(file('sorted.xlsx')));
    const sheets = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    const dataSheet = sheets.find((xml) => xml.includes('_xlfn.SORT'))!;
    expect(dataSheet).toMatch(/<c r="D2" cm="1"[^>]*><f t="array" ref="D2:D4">_xlfn.SORT\(A2:A4\)<\/f>/);
    expect(sheets.find((xml) => xml.includes('_xldudf_PILOT_CASHFLOWS'))).toMatch(new RegExp(`<c r="${cellA1(...LAYOUT.cashflows)}" cm="1"`));
  });

  it('refuses to write in place over charts, which would be lost, and says to write a copy', async () => {
    await writeCaseWorkbook(file('charted.xlsx'), sampleCase(), 'tables');
    const zip = await JSZip.loadAsync(fs.readFileSync(file('charted.xlsx')));
    zip.file('xl/charts/chart1.xml', '<c:chartSpace/>');
    fs.writeFileSync(file('charted.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const before = hash(file('charted.xlsx'));
    const out = await cli('evaluate', file('charted.xlsx'), '--in-place');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('not written in place: it holds charts');
    expect(hash(file('charted.xlsx'))).toBe(before);
  });

  it('writes the ranked portfolio as a workbook: an Excel table, one row per pilot, verdicts coloured', async () => {
    const cases = endToEndCases(0);
    const files = await Promise.all(cases.map(async (c) => (await writeCaseWorkbook(file(`${c.name}.xlsx`), c.input, 'tables'), file(`${c.name}.xlsx`))));
    expect((await cli('evaluate', ...files, '--portfolio', file('portfolio.xlsx'))).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file('portfolio.xlsx'));
    const ws = book.getWorksheet('Portfolio')!;
    const tables = ws.getTables() as unknown as { table: { name: string; tableRef: string } }[];
    expect(tables.map((t) => [t.table.name, t.table.tableRef])).toEqual([['Portfolio', 'A4:K8']]);
    const column = (c: number): unknown[] => [5, 6, 7, 8].map((r) => ws.getCell(r, c).value);
    expect(column(3)).toEqual(['SCALE', 'NOT READY', 'PIVOT', 'KILL']);
    expect(column(2)).toEqual([file('ready.xlsx'), file('sample.xlsx'), file('pivot.xlsx'), file('kill.xlsx')]);
    const rules = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(rules.map((r) => [r.ref, r.rules.map((x) => x.formulae[0])])).toEqual([['C5:C8', ['"SCALE"', '"NOT READY"', '"PIVOT"', '"KILL"']]]);
  });

  it('refuses what cannot be done as asked with exit code 2 and says what to type', async () => {
    await writeCaseWorkbook(file('a.xlsx'), sampleCase(), 'tables');
    const cases: [string[], string][] = [
      [[], 'no command given'],
      [['judge'], 'unknown command "judge"'],
      [['evaluate'], 'evaluate needs at least one .xlsx file'],
      [['evaluate', file('a.xlsx'), '--fast'], 'unknown option "--fast"'],
      [['evaluate', file('a.xlsx'), '--write'], '--write needs a file: --write <out.xlsx>'],
      [['evaluate', file('a.xlsx'), file('a.xlsx'), '--write', file('o.xlsx')], '--write names one copy, so it takes one workbook'],
      [['evaluate', file('a.xlsx'), '--portable'], '--portable says how to write the block'],
      [['evaluate', file('a.xlsx'), '--write', file('o.csv')], '--write writes an .xlsx workbook'],
      [['evaluate', file('a.xlsx'), '--write', file('a.xlsx')], 'is one of the workbooks read: the input is never overwritten unless --in-place'],
      [['evaluate', file('a.xlsx'), '--write', file('o.xlsx'), '--in-place'], '--write and --in-place exclude each other'],
    ];
    for (const [argv, message] of cases) {
      const out = await cli(...argv);
      expect([argv, out.code]).toEqual([argv, 2]);
      expect(out.stderr).toContain(message);
      expect(out.stderr).toContain('Run "pilot-gate --help"');
    }
    const help = await cli('--help');
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Usage: pilot-gate evaluate <file.xlsx>... [options]')]);
  });
});
