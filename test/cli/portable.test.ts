import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { cashflowTable, summaryTable } from '../../src/functions/spills';
import { evaluateCase, type CaseResult } from '../../src/model';
import { DETAIL_ROWS, LAYOUT } from '../../src/usecases/block';
import { cellA1 } from '../../src/workbook/a1';
import { runCli } from '../support/cli';
import { rangedSampleCase } from '../support/ranges';
import { describeWithLibreOffice, isCellError, readValues, recalculateFile, type OutputCell } from '../support/libreoffice';
import { endToEndCases, writeCaseWorkbook } from '../support/workbooks';

/** SPEC §3.8: figures match to 1e-9 relative (LibreOffice writes 15 significant digits back). */
const TOLERANCE = 1e-9;
/** A cached value no figure has: a cell still holding it after LibreOffice was not recalculated. */
const STALE = 987654.321;

const near = (actual: number, expected: number): boolean => Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));

async function portableOf(input: string, output: string): Promise<void> {
  const { code, stderr } = await runCli('evaluate', input, '--write', output, '--portable');
  if (code !== 0) throw new Error(`pilot-gate exited ${code}: ${stderr}`);
}

/** Every formula of the portable block by address, its cached value replaced by STALE, so that only a recalculation can give the figures. */
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

  // Nine cases, the last with Low and High on every metric and cost (its reasons state P(NPV ≥ 0)).
  const cases = [...endToEndCases(4), { name: 'sample-with-ranges', input: rangedSampleCase() }];

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
    const at = ([r, c]: readonly [number, number]): OutputCell => rows[r]?.[c] ?? null;
    const address = ([r, c]: readonly [number, number]): string => cellA1(r, c);
    /** A figure read back: a number within 1e-9 of the engine's, or the same text where the engine has none. */
    const same = (where: readonly [number, number], expected: number | string, what: string): void => {
      const got = at(where);
      if (typeof expected === 'number') expect([what, typeof got === 'number' && near(got, expected)]).toEqual([what, true]);
      else expect([what, isCellError(got) ? got.error : got]).toEqual([what, expected]);
    };

    // The cash flows as the engine spills them, cell by cell (SPEC §3.4's yearly table); Net and Cumulative are formulas.
    const [top, left] = LAYOUT.cashflows;
    cashflowTable(result).slice(1).forEach((line, r) =>
      line.slice(1).forEach((value, y) => same([top + 1 + r, left + 1 + y], value as number, `${line[0]} year ${y}`)),
    );
    for (let y = 0; y < result.cashflows.length; y++) {
      expect(formulas.has(address([top + 3, left + 1 + y]))).toBe(true);
      expect(formulas.has(address([top + 4, left + 1 + y]))).toBe(true);
    }

    // The headline, the thresholds and Excel's own NPV and IRR beside them.
    const summary = new Map(summaryTable(result).slice(1).map(([label, value]) => [label as string, value as number | string]));
    same(LAYOUT.npv, result.npv, 'NPV');
    same(LAYOUT.excelNpv, result.npv, "Excel's NPV");
    same(LAYOUT.roi, summary.get('ROI (risk-adjusted)')!, 'ROI');
    same(LAYOUT.payback, summary.get('Payback (months)')!, 'payback');
    same(LAYOUT.expansion, summary.get('Cost expansion (× pilot)')!, 'expansion');
    same(LAYOUT.irr, result.irr ?? 'none', 'IRR');
    same(LAYOUT.npvCheck, 'agrees', 'NPV check');
    for (const kind of ['adoption', 'volume', 'cost', 'realization'] as const) same(LAYOUT.thresholds[kind], result.thresholds[kind], `${kind} threshold`);
    same(LAYOUT.discountRate, result.assumptions.discountRate, 'discount rate');
    // Every detail row, by its label.
    DETAIL_ROWS.forEach((row, i) => {
      const where = [LAYOUT.details[0] + i, LAYOUT.details[1] + 1] as const;
      expect(at([where[0], LAYOUT.details[1]])).toBe(row.label);
      same(where, summary.get(row.label)!, row.label);
    });

    // The money figures come from native formulas, not values.
    expect(formulas.get(address(LAYOUT.npv))).toMatch(/^\$[A-Z]+\$\d+\+NPV\(\$[A-Z]+\$\d+,\$[A-Z]+\$\d+:\$[A-Z]+\$\d+\)$/);
    if (result.irr !== null) expect(formulas.get(address(LAYOUT.irr))).toMatch(/^IRR\(/);
    if (result.roi !== null) expect(formulas.get(address(LAYOUT.roi))).toMatch(/^\(.*\)\/\$/);
    if (result.expansion !== null) expect(formulas.has(address(LAYOUT.expansion))).toBe(true);
    for (const label of ['PV benefits', 'PV costs']) {
      const i = DETAIL_ROWS.findIndex((row) => row.label === label);
      expect(formulas.get(address([LAYOUT.details[0] + i, LAYOUT.details[1] + 1]))).toMatch(/NPV\(/);
    }
  }, 180_000);
});
