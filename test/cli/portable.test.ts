import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { cashflowTable, summaryTable } from '../../src/functions/spills';
import { evaluateCase, type CaseResult } from '../../src/model';
import { describeWithLibreOffice, isCellError, readValues, recalculateFile, type OutputCell } from '../support/libreoffice';
import { endToEndCases, writeCaseWorkbook } from '../support/workbooks';

/** SPEC §3.8: figures match to 1e-9 relative (LibreOffice writes 15 significant digits back). */
const TOLERANCE = 1e-9;
/** A cached value no figure has: a cell still holding it after LibreOffice was not recalculated. */
const STALE = 987654.321;

const near = (actual: number, expected: number): boolean => Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));

/** Where a label sits in a sheet read back: the first cell holding exactly that text, at or after `from`. */
function find(rows: OutputCell[][], text: string, from = { row: 0, column: 0 }): { row: number; column: number } {
  for (let r = from.row; r < rows.length; r++) {
    const c = (rows[r] ?? []).findIndex((v, i) => i >= from.column && v === text);
    if (c >= 0) return { row: r, column: c };
  }
  throw new Error(`"${text}" is not in the sheet`);
}

async function portableOf(input: string, output: string): Promise<void> {
  let stderr = '';
  const code = await main(['evaluate', input, '--write', output, '--portable'], {
    stdout: { write: () => true },
    stderr: { write: (t: string) => (stderr += t) },
    now: () => new Date(),
  });
  if (code !== 0) throw new Error(`pilot-gate exited ${code}: ${stderr}`);
}

/** Every formula of the portable block, with its cached value replaced by STALE, so that only a recalculation can give the figures. */
async function formulasMadeStale(file: string): Promise<Map<string, string>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const formulas = new Map<string, string>();
  book.getWorksheet('Pilot Gate')!.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value as { formula?: string } | null;
      if (value && typeof value === 'object' && typeof value.formula === 'string') {
        formulas.set(cell.address, value.formula);
        cell.value = { formula: value.formula, result: STALE } as ExcelJS.CellFormulaValue;
      }
    }),
  );
  await book.xlsx.writeFile(file);
  return formulas;
}

describeWithLibreOffice('a portable block, recalculated by LibreOffice', (soffice) => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-gate-portable-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases = endToEndCases(4);

  it.each(cases.map((c) => [c.name, c] as const))('%s: every figure equals the engine\'s to 1e-9, the money figures from native formulas', async (name, c) => {
    const input = path.join(dir, `${name}.xlsx`);
    const portable = path.join(dir, `${name}-portable.xlsx`);
    const recalculated = path.join(dir, `${name}-recalculated.xlsx`);
    await writeCaseWorkbook(input, c.input, 'tables');
    await portableOf(input, portable);
    const result: CaseResult = evaluateCase(c.input);

    const formulas = await formulasMadeStale(portable);
    for (const text of formulas.values()) expect(text).not.toMatch(/PILOT|_xldudf_|\bLET\(|_xlfn/i);
    await recalculateFile(portable, recalculated, { soffice });
    const rows = (await readValues(recalculated))['Pilot Gate'];
    const at = (r: number, col: number): OutputCell => rows[r]?.[col] ?? null;

    // The cash flows as the engine spills them, cell by cell (SPEC §3.4's yearly table).
    const flows = cashflowTable(result);
    const flowAt = find(rows, 'Benefits');
    flows.slice(1).forEach((line, r) =>
      line.slice(1).forEach((value, y) => {
        const got = at(flowAt.row + r, flowAt.column + 1 + y);
        expect([line[0], y, typeof got === 'number' && near(got, value as number)]).toEqual([line[0], y, true]);
      }),
    );
    // Net and Cumulative are formulas, every year.
    const netRow = flowAt.row + 2;
    const netFormulas = [...formulas.keys()].filter((address) => Number(/\d+$/.exec(address)![0]) === netRow + 1);
    expect(netFormulas).toHaveLength(result.cashflows.length);

    // Every number of the summary, by its label.
    const summaryAt = find(rows, 'Figure');
    for (const [label, value] of summaryTable(result).slice(1)) {
      const row = find(rows, label as string, summaryAt).row;
      const got = at(row, summaryAt.column + 1);
      if (typeof value === 'number') expect([label, typeof got === 'number' && near(got, value)]).toEqual([label, true]);
      else expect([label, isCellError(got) ? got.error : got]).toEqual([label, value]);
    }
    const formulaAt = (label: string): string | undefined => {
      const row = find(rows, label, summaryAt).row;
      return [...formulas.entries()].find(([address]) => address === `${String.fromCharCode(65 + summaryAt.column + 1)}${row + 1}`)?.[1];
    };
    expect(formulaAt('NPV')).toMatch(/^[A-Z]+\d+\+NPV\(0\.\d+,[A-Z]+\d+:[A-Z]+\d+\)$/);
    expect(formulaAt('PV benefits')).toMatch(/NPV\(/);
    expect(formulaAt('PV costs')).toMatch(/NPV\(/);
    if (result.irr !== null) expect(formulaAt('IRR')).toMatch(/^IRR\(/);
    if (result.roi !== null) expect(formulaAt('ROI (risk-adjusted)')).toBeDefined();
    if (result.expansion !== null) expect(formulaAt('Cost expansion (× pilot)')).toBeDefined();
  }, 180_000);
});
