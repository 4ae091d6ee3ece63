/**
 * The port's hosts as the "nothing lost" tests drive them: the sample case in each, and a
 * person's hands on its cells (typing, formatting) outside the port, the way a person edits a
 * workbook while the pane works on it. Each host reports a cell as it holds it.
 */
import ExcelJS from 'exceljs';
import type { Cell } from '../../src/model/types';
import { cellA1, contains } from '../../src/workbook/a1';
import { insertTemplate } from '../../src/usecases/tables';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { pilotFormulas } from '../../src/workbook/memory-formulas';
import { HyperFormulaWorkbook } from '../../src/workbook/hyperformula/workbook';
import { OfficeWorkbook } from '../../src/workbook/office';
import { fromFileForm, handedOver, toFileForm } from '../../src/workbook/xlsx/cells';
import { XlsxWorkbook } from '../../src/workbook/xlsx/workbook';
import type { CellAddress, CellStyle, InputSources, WorkbookPort } from '../../src/workbook/port';
import type { FakeExcel } from '../support/fake-excel';
import { CASE_SOURCES, caseWorkbook } from '../workbook/fixtures';

export interface Host {
  port: WorkbookPort;
  sources: InputSources;
  /** Whether the host tells how far a formula spills. */
  spillsKnown: boolean;
  /** A person types into a cell (a formula when it starts with =). */
  type(at: CellAddress, text: string): void;
  /** A person gives a cell a look. */
  format(at: CellAddress, look: CellStyle): void;
  /** The cell's formula, else its value; null when empty. */
  content(at: CellAddress): Cell;
  /** The cell's number format, fill, font colour, bold and italic, defaults left out. */
  look(at: CellAddress): CellStyle;
  sheets(): string[];
  /** The names of the charts on a sheet, where the test can see them. */
  charts?(sheet: string): string[];
}

export interface HostMaker {
  name: string;
  make(): Promise<Host>;
}

function fakeExcel(supports: string[]): () => Promise<Host> {
  return async () => {
    const fake: FakeExcel = caseWorkbook(4, { supports });
    return {
      port: new OfficeWorkbook(fake.host()),
      sources: CASE_SOURCES,
      spillsKnown: supports.includes('1.12'),
      type: (at, text) => fake.put(at.sheet, at.row, at.column, [[text]]),
      format: (at, look) => {
        const cell = fake.ensureCell(fake.mustSheet(at.sheet), at.row, at.column);
        if (look.fill !== undefined) cell.fill = look.fill;
        if (look.numberFormat !== undefined) cell.numberFormat = look.numberFormat;
        if (look.bold !== undefined) cell.bold = look.bold;
        if (look.italic !== undefined) cell.italic = look.italic;
        if (look.fontColor !== undefined) cell.fontColor = look.fontColor;
      },
      content: (at) => {
        const cell = fake.cell(at.sheet, at.row, at.column);
        return cell?.formula ?? cell?.value ?? null;
      },
      look: (at) => {
        const cell = fake.cell(at.sheet, at.row, at.column);
        if (!cell) return {};
        const look: CellStyle = {};
        if (cell.numberFormat !== 'General') look.numberFormat = cell.numberFormat;
        if (cell.fill !== null) look.fill = cell.fill;
        if (cell.fontColor !== null) look.fontColor = cell.fontColor;
        if (cell.bold) look.bold = true;
        if (cell.italic) look.italic = true;
        return look;
      },
      sheets: () => fake.sheets.map((s) => s.name),
    };
  };
}

function memory(calculates: boolean): () => Promise<Host> {
  return async () => {
    const book = new MemoryWorkbook({ calculate: calculates ? pilotFormulas() : undefined });
    const { sources } = await insertTemplate(book);
    return {
      port: book,
      sources,
      spillsKnown: calculates,
      type: (at, text) => book.setValues(at, [[text]]),
      format: (at, look) => {
        const { numberFormat, ...style } = look;
        const cell = book.cell(at) ?? (book.setValues(at, [['']]), book.cell(at)!);
        if (numberFormat !== undefined) cell.numberFormat = numberFormat;
        cell.style = { ...cell.style, ...style };
      },
      content: (at) => {
        const cell = book.cell(at);
        return cell?.formula ?? cell?.value ?? null;
      },
      look: (at) => {
        const cell = book.cell(at);
        if (!cell) return {};
        return { ...(cell.numberFormat === 'General' ? {} : { numberFormat: cell.numberFormat }), ...definedOnly(cell.style) };
      },
      sheets: () => book.sheets.map((s) => s.name),
      charts: (sheet) => [...book.charts.keys()].filter((k) => k.startsWith(`${sheet}!`)).map((k) => k.slice(sheet.length + 1)),
    };
  };
}

async function hyperFormula(): Promise<Host> {
  const book = new HyperFormulaWorkbook({ sheets: ['Sheet1'] });
  const { sources } = await insertTemplate(book);
  return {
    port: book,
    sources,
    spillsKnown: true,
    type: (at, text) => book.enter(at, text),
    // The grid has no formatting of its own: a look comes as a write of the port, as a ribbon button would give it.
    format: (at, look) => void book.write([{ op: 'style', range: { ...at, rows: 1, columns: 1 }, style: look }]),
    content: (at) => {
      const shown = book.shown(at);
      return shown.formula ?? shown.value;
    },
    look: (at) => {
      const shown = book.shown(at);
      return { ...(shown.numberFormat === 'General' ? {} : { numberFormat: shown.numberFormat }), ...definedOnly(shown.style) };
    },
    sheets: () => book.sheetNames(),
    charts: (sheet) => book.charts(sheet).map((c) => c.name),
  };
}

async function xlsx(): Promise<Host> {
  const file = new ExcelJS.Workbook();
  file.addWorksheet('Sheet1');
  const book = new XlsxWorkbook(file);
  const { sources } = await insertTemplate(book);
  const cellAt = (at: CellAddress): ExcelJS.Cell => file.getWorksheet(at.sheet)!.getCell(at.row + 1, at.column + 1);
  const hex = (argb: string | undefined): string | undefined => (argb ? `#${argb.slice(2)}` : undefined);
  return {
    port: book,
    sources,
    spillsKnown: true,
    // Excel saves what a person typed: a formula in the file's form, text as text; a formula whose
    // spill the cell was in shows #SPILL! and spills no more, so the file marks no spill there.
    type: (at, text) => {
      cellAt(at).value = text.startsWith('=') ? ({ formula: toFileForm(text.slice(1)) } as ExcelJS.CellFormulaValue) : text;
      for (const [anchor, spill] of [...book.spills]) {
        if (!contains(spill, at) || (spill.row === at.row && spill.column === at.column)) continue;
        const cell = cellAt(spill);
        const { formula } = cell.value as ExcelJS.CellFormulaValue;
        cell.value = { formula, result: { error: '#SPILL!' }, shareType: 'array', ref: cellA1(spill.row, spill.column) } as unknown as ExcelJS.CellFormulaValue;
        for (let r = 0; r < spill.rows; r++) for (let c = 0; c < spill.columns; c++) if (r + c > 0 && !(spill.row + r === at.row && spill.column + c === at.column)) cellAt({ sheet: spill.sheet, row: spill.row + r, column: spill.column + c }).value = null;
        book.spills.set(anchor, { ...spill, rows: 1, columns: 1 });
      }
    },
    format: (at, look) => {
      const cell = cellAt(at);
      if (look.numberFormat !== undefined) cell.numFmt = look.numberFormat;
      if (look.fill !== undefined) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${look.fill.slice(1)}` } };
      if (look.bold !== undefined || look.italic !== undefined || look.fontColor !== undefined) {
        cell.font = { ...cell.font, bold: look.bold, italic: look.italic, ...(look.fontColor ? { color: { argb: `FF${look.fontColor.slice(1)}` } } : {}) };
      }
    },
    content: (at) => {
      const value = file.getWorksheet(at.sheet)?.findCell(at.row + 1, at.column + 1)?.value;
      if (value && typeof value === 'object' && 'formula' in value) return `=${fromFileForm(String(value.formula))}`;
      return handedOver(value ?? null, false);
    },
    look: (at) => {
      const cell = file.getWorksheet(at.sheet)?.findCell(at.row + 1, at.column + 1);
      if (!cell) return {};
      const look: CellStyle = {};
      if (cell.numFmt && cell.numFmt !== 'General') look.numberFormat = cell.numFmt;
      if (cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' && cell.fill.fgColor?.argb) look.fill = hex(cell.fill.fgColor.argb);
      if (cell.font?.color?.argb) look.fontColor = hex(cell.font.color.argb);
      if (cell.font?.bold) look.bold = true;
      if (cell.font?.italic) look.italic = true;
      return look;
    },
    sheets: () => file.worksheets.map((ws) => ws.name),
  };
}

function definedOnly(style: CellStyle): CellStyle {
  const out: CellStyle = {};
  if (style.fill) out.fill = style.fill;
  if (style.fontColor) out.fontColor = style.fontColor;
  if (style.bold) out.bold = true;
  if (style.italic) out.italic = true;
  return out;
}

/** Every host of the port, with and without spills known where a host can be either. */
export const HOSTS: HostMaker[] = [
  { name: 'Office.js (fake Excel, ExcelApi 1.12)', make: fakeExcel(['1.9', '1.12']) },
  { name: 'Office.js (fake Excel, ExcelApi 1.9: spills unknown)', make: fakeExcel(['1.9']) },
  { name: 'in memory, calculating', make: memory(true) },
  { name: 'in memory, not calculating (spills unknown)', make: memory(false) },
  { name: 'HyperFormula', make: hyperFormula },
  { name: '.xlsx file (exceljs)', make: xlsx },
];
