/**
 * The port's hosts as the "nothing lost" tests drive them: the sample case in each, and a
 * person's hands on its cells (typing, formatting) outside the port, the way a person edits a
 * workbook while the pane works on it. Each host reports a cell as it holds it.
 */
import type { Cell } from '../../src/model/types';
import { insertTemplate } from '../../src/usecases/tables';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { pilotFormulas } from '../../src/workbook/memory-formulas';
import { HyperFormulaWorkbook } from '../../src/workbook/hyperformula/workbook';
import { OfficeWorkbook } from '../../src/workbook/office';
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
];
