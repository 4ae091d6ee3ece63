/**
 * LibreOffice as an independent spreadsheet engine for tests: write an .xlsx with exceljs,
 * let headless LibreOffice recalculate every formula, read the computed values back.
 *
 * LibreOffice keeps the cached values of an .xlsx unless its profile says otherwise, so every
 * run uses a fresh profile (-env:UserInstallation) whose registrymodifications.xcu sets
 * `OOXMLRecalcMode` (and `ODFRecalcMode`) to 0, "always recalculate". `recalculateSheets` also
 * plants a formula with a deliberately wrong cached value and fails if it comes back unchanged.
 *
 * Facts about LibreOffice's .xlsx output worth knowing when comparing: numbers are written with
 * 15 significant digits (so compare no tighter than ~1e-14 relative); an IRR that does not
 * converge comes back as #N/A (LibreOffice's Err:523); NPV at rate −1 comes back as #NUM!
 * (Excel: #DIV/0!).
 *
 * @example
 *   describeWithLibreOffice('my sheet', (soffice) => {
 *     test('adds', async () => {
 *       const { sheets } = await recalculateSheets([{ name: 'S', rows: [[1, 2, { formula: 'A1+B1' }]] }], { soffice });
 *       expect(sheets.S[0][2]).toBe(3);
 *     });
 *   });
 */
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';

/** The command a person runs to get LibreOffice Calc without a GUI (Debian/Ubuntu). */
export const LIBREOFFICE_INSTALL = 'sudo apt-get install -y libreoffice-calc-nogui';

/** A recalculation of a modest workbook takes a few seconds; a cold first start can take ~20 s. */
const DEFAULT_TIMEOUT_MS = 120_000;

/** The canary: a formula whose cached value is wrong on purpose. */
const CANARY_SHEET = 'RecalcCheck';
const CANARY_FORMULA = '6*7';
const CANARY_VALUE = 42;
const CANARY_STALE = -1;

/** A formula to write (without the leading `=`), optionally with a cached result set on purpose. */
export interface FormulaInput {
  formula: string;
  /** Written as the cell's cached value; set it wrong to prove that recalculation happened. */
  staleResult?: number | string | boolean;
}

/** A cell to write: a plain value, a formula, or null for an empty cell. */
export type InputCell = number | string | boolean | null | FormulaInput;

/** A worksheet to write, row-major from A1. */
export interface InputSheet {
  name: string;
  rows: InputCell[][];
}

/** A spreadsheet error value as read back (`#NUM!`, `#N/A`, `#DIV/0!`, …). */
export interface CellError {
  error: string;
}

/** A computed cell as read back: formulas are replaced by their result. */
export type OutputCell = number | string | boolean | null | CellError;

export interface RecalcOptions {
  /** Path of soffice; defaults to findSoffice(). */
  soffice?: string;
  timeoutMs?: number;
}

export interface RecalculatedSheets {
  /** Sheet name → rows from A1 (0-based: sheets.S[0][0] is A1), formulas replaced by their results. */
  sheets: Record<string, OutputCell[][]>;
  /** Wall-clock seconds LibreOffice took. */
  seconds: number;
}

/**
 * True when a read-back cell is an error value.
 *
 * @example
 *   isCellError({ error: '#NUM!' }); // true
 */
export function isCellError(cell: OutputCell | undefined): cell is CellError {
  return typeof cell === 'object' && cell !== null && 'error' in cell;
}

/**
 * Column letters for a 0-based column index.
 *
 * @example
 *   columnLetters(0); // "A"
 *   columnLetters(27); // "AB"
 */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * A1 address of a 0-based row and column.
 *
 * @example
 *   cellAddress(1, 2); // "C2"
 */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/**
 * The path of LibreOffice's soffice, or null when it is not installed. $SOFFICE, when set, is the
 * only place looked at (so `SOFFICE=/nonexistent` runs the tests as on a machine without it);
 * otherwise `soffice` and `libreoffice` on PATH, then the usual install locations.
 *
 * @example
 *   const soffice = findSoffice(); // "/usr/bin/soffice" or null
 */
export function findSoffice(): string | null {
  if (process.env.SOFFICE) return isExecutable(process.env.SOFFICE) ? process.env.SOFFICE : null;
  const candidates: string[] = [];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    candidates.push(path.join(dir, 'soffice'), path.join(dir, 'libreoffice'));
  }
  candidates.push(
    '/usr/bin/soffice',
    '/usr/lib/libreoffice/program/soffice',
    '/opt/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  );
  return candidates.find(isExecutable) ?? null;
}

/**
 * `describe` for tests that need LibreOffice. With soffice present the body runs with its path.
 * Without it: under CI=true a failing test says what to install; elsewhere the block is skipped
 * with one loud console line naming the install command.
 *
 * @example
 *   describeWithLibreOffice('NPV parity', (soffice) => {
 *     test('recalculates', async () => { await recalculateSheets(sheets, { soffice }); });
 *   });
 */
export function describeWithLibreOffice(title: string, body: (soffice: string) => void): void {
  const soffice = findSoffice();
  if (soffice !== null) {
    describe(title, () => body(soffice));
    return;
  }
  const missing = `LibreOffice (soffice) is not installed; install it with: ${LIBREOFFICE_INSTALL}`;
  if (process.env.CI === 'true') {
    describe(title, () => {
      test('LibreOffice is available (required when CI=true)', () => {
        throw new Error(missing);
      });
    });
    return;
  }
  console.warn(`⚠⚠⚠ SKIPPED "${title}": ${missing}`);
  describe.skip(title, () => body('soffice'));
}

/**
 * Writes sheets to a new .xlsx with exceljs (formulas keep any stale cached value you gave).
 *
 * @example
 *   await writeWorkbook([{ name: 'S', rows: [[1, { formula: 'A1*2', staleResult: 0 }]] }], '/tmp/in.xlsx');
 */
export async function writeWorkbook(sheets: readonly InputSheet[], file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === null) return;
        const target = worksheet.getCell(cellAddress(r, c));
        if (typeof cell === 'object') {
          target.value =
            cell.staleResult === undefined
              ? { formula: cell.formula, date1904: false }
              : { formula: cell.formula, result: cell.staleResult, date1904: false };
        } else {
          target.value = cell;
        }
      });
    });
  }
  await workbook.xlsx.writeFile(file);
}

/**
 * Recalculates an .xlsx with headless LibreOffice into `outputFile`, using a fresh profile that
 * forces recalculation on load, and deletes the profile afterwards. One soffice process per call.
 *
 * @throws Error when soffice is missing, fails, times out or writes no file.
 * @example
 *   await recalculateFile('/tmp/in.xlsx', '/tmp/out.xlsx');
 */
export async function recalculateFile(
  inputFile: string,
  outputFile: string,
  options: RecalcOptions = {},
): Promise<void> {
  const soffice = options.soffice ?? findSoffice();
  if (soffice === null) throw new Error(`LibreOffice (soffice) is not installed; install it with: ${LIBREOFFICE_INSTALL}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-gate-lo-'));
  try {
    const profile = path.join(work, 'profile');
    fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS_XCU);
    const outDir = path.join(work, 'out');
    fs.mkdirSync(outDir);
    const input = path.join(work, 'input.xlsx');
    fs.copyFileSync(inputFile, input);
    const args = [
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--nodefault',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      outDir,
      input,
    ];
    const { stdout, stderr } = await run(soffice, args, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const produced = path.join(outDir, 'input.xlsx');
    if (!fs.existsSync(produced)) {
      throw new Error(`LibreOffice wrote no output for ${inputFile}.\nstdout: ${stdout}\nstderr: ${stderr}`);
    }
    fs.copyFileSync(produced, outputFile);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Reads every sheet of an .xlsx with exceljs, formulas replaced by their cached results.
 *
 * @example
 *   const sheets = await readValues('/tmp/out.xlsx'); // sheets.S[0][1] is B1's value
 */
export async function readValues(file: string): Promise<Record<string, OutputCell[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets: Record<string, OutputCell[][]> = {};
  workbook.eachSheet((worksheet) => {
    const rows: OutputCell[][] = [];
    for (let r = 1; r <= worksheet.rowCount; r += 1) {
      const row = worksheet.getRow(r);
      const cells: OutputCell[] = [];
      for (let c = 1; c <= worksheet.columnCount; c += 1) cells.push(toOutput(row.getCell(c).value));
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      rows.push(cells);
    }
    sheets[worksheet.name] = rows;
  });
  return sheets;
}

/**
 * Writes the sheets, recalculates them in one LibreOffice run and reads the values back.
 * A canary sheet with a deliberately stale formula proves the recalculation happened.
 *
 * @throws Error when LibreOffice fails or returned cached values instead of recalculating.
 * @example
 *   const { sheets } = await recalculateSheets([{ name: 'S', rows: [[{ formula: 'NPV(0.1,110)' }]] }]);
 *   sheets.S[0][0]; // 100
 */
export async function recalculateSheets(
  sheets: readonly InputSheet[],
  options: RecalcOptions = {},
): Promise<RecalculatedSheets> {
  if (sheets.some((s) => s.name === CANARY_SHEET)) throw new Error(`Sheet name ${CANARY_SHEET} is reserved.`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-gate-xlsx-'));
  try {
    const input = path.join(work, 'input.xlsx');
    const output = path.join(work, 'recalculated.xlsx');
    const canary: InputSheet = {
      name: CANARY_SHEET,
      rows: [[{ formula: CANARY_FORMULA, staleResult: CANARY_STALE }]],
    };
    await writeWorkbook([...sheets, canary], input);
    const started = Date.now();
    await recalculateFile(input, output, options);
    const seconds = (Date.now() - started) / 1000;
    const values = await readValues(output);
    const check = values[CANARY_SHEET]?.[0]?.[0];
    if (check !== CANARY_VALUE) {
      throw new Error(
        `LibreOffice did not recalculate: =${CANARY_FORMULA} came back as ${JSON.stringify(check)} (cached ${CANARY_STALE}).`,
      );
    }
    delete values[CANARY_SHEET];
    return { sheets: values, seconds };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${command} failed: ${error.message}\nstdout: ${stdout}\nstderr: ${stderr}`));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

function toOutput(value: ExcelJS.CellValue): OutputCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if ('error' in value) return { error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? null : toOutput(result);
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  return null;
}
