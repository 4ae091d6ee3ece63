/**
 * The workbook port over an .xlsx file held by exceljs: the host the command line evaluates
 * workbooks on. It reads tables (ListObjects) and plain ranges as Excel hands their values to the
 * functions (cells.ts), and writes the way Excel would after the same write: text typed into a
 * General cell that Excel reads as a number becomes one, a PILOT call is stored in the form Excel
 * stores it (`_xldudf_PILOT_…`), and a formula written with the value it gives keeps that value
 * cached — a spilled result laid out in the cells it spills to, marked as a dynamic array — so
 * Excel and file viewers show the figures before anything recalculates. Charts are not written:
 * exceljs cannot write them, and the host says which it left out (`chartsLeftOut`).
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Cell, Grid } from '../../model/types';
import { MAX_ROWS, cellA1, contains, parseA1, qualifiedA1, rangeA1, sameRange, sameSheet } from '../a1';
import { excelTableRef, renderFormula } from '../formula';
import { readLocal } from '../local-read';
import { isPlainLook, plainLook } from '../look';
import { colourOf, themePalette } from './colours';
import { keepNamedTextsIn } from './records';
import type { NamedText } from './records';
import { WorkbookError } from '../port';
import type {
  AreaContents,
  CellAddress,
  CellStyle,
  ColourRule,
  FormulaSpec,
  HostTheme,
  InputSources,
  InputsRead,
  RangeAddress,
  StopWatching,
  WorkbookChange,
  WorkbookPort,
  WorkbookSurvey,
  WriteCell,
  WriteGuard,
  WriteOp,
} from '../port';
import { TEXT_FORMAT, typedNumber } from '../typed-number';
import { formulaText, handedOver, toFileForm } from './cells';
import { markDynamicArraysIn } from './dynamic-arrays';
import { writeFileWhole } from './file';

/** exceljs's table as it keeps it after reading or adding one (its typings leave this out). */
interface TableModel {
  name: string;
  tableRef?: string;
  ref?: string;
}

/** Excel's column width unit is the width of a digit in the default font: 7 pixels of Calibri 11, plus 5 pixels of padding; a point is 4/3 pixel. */
const PIXELS_PER_POINT = 4 / 3;
const DIGIT_PIXELS = 7;
const PADDING_PIXELS = 5;
const TABLE_STYLE = 'TableStyleMedium2';

/**
 * @example
 *   const { workbook, dynamicArrays, namedTexts } = await openXlsx('claims.xlsx');
 *   const port = new XlsxWorkbook(workbook, dynamicArrays, namedTexts);
 *   const { sources } = await findTables(port);
 */
export class XlsxWorkbook implements WorkbookPort {
  /** Cells whose formula is stored as a dynamic array, by sheet (lower case) and address: the range it covers (its spill, or itself). */
  readonly spills = new Map<string, RangeAddress>();
  private readonly watchers = new Set<(change: WorkbookChange) => void>();
  /** The titles of the charts a write asked for, which this host cannot write. */
  readonly chartsLeftOut: string[] = [];
  /**
   * Texts kept under a name (`record` writes), by lower-case name. exceljs reads and writes only
   * the names that are ranges, so these are read from the file when it is opened (openXlsx) and
   * written into it as hidden names when it is saved (records.ts), as Excel's host keeps them.
   */
  private readonly records = new Map<string, NamedText>();
  /** The workbook theme's twelve colours, read at the first look asked for. */
  private themeColours: string[] | null = null;

  /**
   * `dynamicArrays`: the spilling formulas the file held (openXlsx finds them), kept spilling when
   * it is written again. `namedTexts`: the texts it kept under names (the block's record), kept too.
   */
  constructor(
    readonly workbook: ExcelJS.Workbook,
    dynamicArrays: readonly { sheet: string; cell: string; ref: string }[] = [],
    namedTexts: readonly NamedText[] = [],
  ) {
    for (const d of dynamicArrays) this.spills.set(spillKey(parseA1(d.cell, d.sheet)), parseA1(d.ref, d.sheet));
    for (const t of namedTexts) this.records.set(t.name.toLowerCase(), t);
  }

  async survey(options: { values?: boolean } = {}): Promise<WorkbookSurvey> {
    const withValues = options.values ?? true;
    return {
      sheets: this.workbook.worksheets.map((ws) => {
        const used = this.usedRange(ws, null);
        return { name: ws.name, used, values: used && withValues ? this.contents(used).values : [] };
      }),
      tables: this.tables().map((t) => ({ name: t.name, range: t.range, header: this.contents({ ...t.range, rows: 1 }).values[0] })),
      selection: null,
    };
  }

  async read(sources: InputSources, blockName: string): Promise<InputsRead> {
    return readLocal(
      {
        tableRange: (name) => this.tables().find((t) => t.name.toLowerCase() === name.toLowerCase())?.range ?? null,
        hasSheet: (sheet) => this.sheetOrNull(sheet) !== null,
        belowHeader: (header) => {
          const used = this.usedRange(this.sheet(header.sheet), null);
          const bottom = used ? used.row + used.rows : header.row + 1;
          return this.contents({ ...header, rows: Math.max(1, bottom - header.row) }).values;
        },
        contents: (range) => this.contents(range),
        namedRange: (name) => this.namedRange(name),
        recordText: (name) => this.records.get(name.toLowerCase())?.text ?? null,
        sheetNames: () => this.workbook.worksheets.map((ws) => ws.name),
      },
      sources,
      blockName,
    );
  }

  async inspect(area: RangeAddress, anchors: CellAddress[]): Promise<AreaContents> {
    const ws = this.sheet(area.sheet);
    const spills = anchors.map((a) => {
      const range = this.spills.get(spillKey(a)) ?? arrayRange(ws, a);
      return range && range.rows * range.columns > 1 ? range : null;
    });
    const used = this.usedRange(ws, area);
    const looks = Array.from({ length: Math.min(area.rows, MAX_ROWS - area.row) }, (_, r) =>
      Array.from({ length: area.columns }, (_, c) => lookOf(ws.findCell(area.row + r + 1, area.column + c + 1), this.palette())),
    );
    const sheetUsed = this.usedRange(ws, null, true);
    if (!used) return { used: null, values: [], formulas: [], numberFormats: [], spills, looks, sheetUsed };
    const { values, numberFormats } = this.contents(used);
    const formulas = values.map((line, r) =>
      line.map((value, c) => formulaText(ws.findCell(used.row + r + 1, used.column + c + 1)?.value) ?? value),
    );
    return { used, values, formulas, numberFormats, spills, looks, sheetUsed };
  }

  async write(ops: WriteOp[], guard?: WriteGuard): Promise<boolean> {
    if (guard && !guard.allows(await Promise.all(guard.areas.map((q) => this.inspect(q.area, q.anchors))))) return false;
    for (const op of ops) this.apply(op);
    // The file changes only through these writes, so each one is every change there is.
    for (const watcher of [...this.watchers]) watcher({ kind: 'edited' });
    return true;
  }

  formulaText(spec: FormulaSpec, sheet: string): string {
    return renderFormula(spec, excelTableRef, sheet);
  }

  watch(listener: (change: WorkbookChange) => void): { watching: boolean; stop: StopWatching } {
    this.watchers.add(listener);
    return { watching: true, stop: () => void this.watchers.delete(listener) };
  }

  /**
   * The workbook as .xlsx bytes, its spilled PILOT formulas marked as dynamic arrays and its records kept under their names.
   * `recalculateOnOpen` asks every spreadsheet that opens it to recalculate first.
   */
  async toBytes(options: { recalculateOnOpen?: boolean } = {}): Promise<Uint8Array> {
    if (options.recalculateOnOpen) this.workbook.calcProperties = { ...this.workbook.calcProperties, fullCalcOnLoad: true };
    const bytes = new Uint8Array(await this.workbook.xlsx.writeBuffer());
    const anchors = [...this.spills.values()].map((s) => ({ sheet: s.sheet, cell: cellA1(s.row, s.column) }));
    const records = [...this.records.values()];
    if (anchors.length === 0 && records.length === 0) return bytes;
    // Both edits in one pass over the package: each unzips and zips again the whole workbook.
    const zip = await JSZip.loadAsync(bytes);
    await markDynamicArraysIn(zip, anchors);
    await keepNamedTextsIn(zip, records);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  /** Writes the workbook to `file`, whole or not at all (see toBytes). */
  async save(file: string, options: { recalculateOnOpen?: boolean } = {}): Promise<void> {
    await writeFileWhole(file, await this.toBytes(options));
  }

  async select(range: RangeAddress): Promise<void> {
    this.show(range);
  }

  theme(): HostTheme | null {
    return null;
  }

  /** Values as Excel hands them over, and number formats, of a range. */
  contents(range: RangeAddress): { values: Grid; numberFormats: string[][] } {
    const ws = this.sheet(range.sheet);
    const date1904 = this.workbook.properties.date1904 ?? false;
    const values: Grid = [];
    const numberFormats: string[][] = [];
    for (let r = 0; r < range.rows; r++) {
      const v: Cell[] = [];
      const n: string[] = [];
      for (let c = 0; c < range.columns; c++) {
        const cell = ws.findCell(range.row + r + 1, range.column + c + 1);
        // The other cells of a merged area are empty in Excel; exceljs answers with the first cell's value.
        const merged = cell !== undefined && cell.isMerged && cell.master !== cell;
        v.push(cell === undefined || merged ? null : handedOver(cell.value, date1904));
        n.push(cell?.numFmt || 'General');
      }
      values.push(v);
      numberFormats.push(n);
    }
    return { values, numberFormats };
  }

  private tables(): { name: string; range: RangeAddress }[] {
    return this.workbook.worksheets.flatMap((ws) =>
      (ws.getTables() as unknown as { table: TableModel }[]).map(({ table }) => {
        const ref = table.tableRef ?? table.ref ?? '';
        try {
          return { name: table.name, range: parseA1(ref, ws.name) };
        } catch {
          throw new WorkbookError(`The table "${table.name}" on ${ws.name} covers "${ref}", which is not a range of cells: the workbook is damaged.`);
        }
      }),
    );
  }

  private namedRange(name: string): RangeAddress | undefined {
    const found = this.workbook.definedNames.model.find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (!found || found.ranges.length === 0) return undefined;
    try {
      return parseA1(found.ranges[0]);
    } catch {
      // A name that refers to something other than one range (a constant, #REF!) marks no block.
      return undefined;
    }
  }

  private apply(op: WriteOp): void {
    switch (op.op) {
      case 'addSheet':
        if (this.sheetOrNull(op.sheet)) throw new WorkbookError(`A sheet named "${op.sheet}" already exists.`);
        this.workbook.addWorksheet(op.sheet);
        return;
      case 'clear':
        return this.clear(op.range, op.what);
      case 'cells': {
        const ws = this.sheet(op.at.sheet);
        op.numberFormats?.forEach((line, r) => line.forEach((format, c) => (ws.getCell(op.at.row + r + 1, op.at.column + c + 1).numFmt = format)));
        op.cells.forEach((line, r) => line.forEach((cell, c) => this.put(ws, { sheet: ws.name, row: op.at.row + r, column: op.at.column + c }, cell)));
        return;
      }
      case 'style':
        return this.style(op.range, op.style);
      case 'colourRules':
        return this.colourRules(op.range, op.rules);
      case 'columnWidth':
        this.sheet(op.sheet).getColumn(op.column + 1).width = Math.max(0, (op.width * PIXELS_PER_POINT - PADDING_PIXELS) / DIGIT_PIXELS);
        return;
      case 'table':
        return this.addTable(op.name, op.range);
      case 'name': {
        const others = this.workbook.definedNames.model.filter((n) => n.name.toLowerCase() !== op.name.toLowerCase());
        this.workbook.definedNames.model = [...others, { name: op.name, ranges: [qualifiedA1(op.range, true)] }];
        return;
      }
      case 'show':
        return this.show(op.range);
      case 'chart':
        if (op.chart !== null && !this.chartsLeftOut.includes(op.chart.title)) this.chartsLeftOut.push(op.chart.title);
        return;
      case 'removeSheet': {
        const ws = this.sheet(op.sheet);
        for (const [k, spill] of [...this.spills]) if (sameSheet(spill.sheet, ws.name)) this.spills.delete(k);
        this.workbook.removeWorksheet(ws.id);
        return;
      }
      case 'removeName':
        this.workbook.definedNames.model = this.workbook.definedNames.model.filter((n) => n.name.toLowerCase() !== op.name.toLowerCase());
        return;
      case 'record':
        if (op.text === null) this.records.delete(op.name.toLowerCase());
        else this.records.set(op.name.toLowerCase(), { name: op.name, text: op.text });
        return;
    }
  }

  /** One cell written as Excel would take it; a formula with the value it gives cached (a spill laid out in the cells it spills to). */
  private put(ws: ExcelJS.Worksheet, at: CellAddress, cell: WriteCell): void {
    if (cell === null) return;
    // Whatever spilled from this cell before is gone; a formula that spills registers anew.
    this.spills.delete(spillKey(at));
    const target = ws.getCell(at.row + 1, at.column + 1);
    if (typeof cell === 'object') {
      const formula = toFileForm(renderFormula(cell.formula, excelTableRef, ws.name).slice(1));
      const value = cell.value;
      // A PILOT call takes whole tables (through IF(ISBLANK(t),"",t)): stored as a plain formula,
      // Excel would read it as a pre-dynamic-array formula and intersect each table with its row.
      // So it is stored as Excel 365 stores it, a dynamic array over its own cell at least.
      if (!Array.isArray(value) && !formula.includes('_xldudf_')) {
        target.value = { formula, result: cachedResult(value ?? null) } as ExcelJS.CellFormulaValue;
        return;
      }
      const rows = Array.isArray(value) ? value : [[value ?? null]];
      const spill: RangeAddress = { ...at, rows: rows.length, columns: Math.max(1, ...rows.map((line) => line.length)) };
      target.value = { formula, result: cachedResult(rows[0]?.[0] ?? null), shareType: 'array', ref: rangeA1(spill) } as unknown as ExcelJS.CellFormulaValue;
      rows.forEach((line, r) =>
        line.forEach((v, c) => {
          if (r > 0 || c > 0) ws.getCell(at.row + r + 1, at.column + c + 1).value = v;
        }),
      );
      this.spills.set(spillKey(at), spill);
      return;
    }
    if (typeof cell === 'string' && target.numFmt !== TEXT_FORMAT) {
      if (cell.startsWith('=')) {
        target.value = { formula: toFileForm(cell.slice(1)) } as ExcelJS.CellFormulaValue;
        return;
      }
      const typed = typedNumber(cell);
      if (typed) {
        target.value = typed.value;
        if (!target.numFmt || target.numFmt === 'General') target.numFmt = typed.format;
        return;
      }
    }
    target.value = cell === '' ? null : cell;
  }

  private clear(range: RangeAddress, what: 'all' | 'formats' | 'contents'): void {
    const ws = this.sheet(range.sheet);
    if (what !== 'formats') {
      // A formula cleared takes its spill with it, as in Excel: the values laid out for it go too.
      for (const [k, spill] of [...this.spills]) {
        if (!sameSheet(spill.sheet, ws.name) || !contains(range, spill)) continue;
        for (let r = 0; r < spill.rows; r++) for (let c = 0; c < spill.columns; c++) {
          const cell = ws.findCell(spill.row + r + 1, spill.column + c + 1);
          if (cell) cell.value = null;
        }
        this.spills.delete(k);
      }
    }
    for (let r = 0; r < range.rows; r++) {
      const row = ws.findRow(range.row + r + 1);
      if (!row) continue;
      for (let c = 0; c < range.columns; c++) {
        const cell = row.findCell(range.column + c + 1);
        if (!cell) continue;
        if (what !== 'formats') cell.value = null;
        if (what !== 'contents') cell.style = {};
      }
    }
    if (what === 'formats') return;
    for (const [k, spill] of [...this.spills]) if (contains(range, spill)) this.spills.delete(k);
    if (what === 'all') {
      const inside = (ref: string): boolean => ref.split(/\s+/).every((part) => {
        const r = parseA1(part, ws.name);
        return contains(range, r) && contains(range, { ...r, row: r.row + r.rows - 1, column: r.column + r.columns - 1 });
      });
      const formats = conditionalFormats(ws);
      formats.splice(0, formats.length, ...formats.filter((cf) => !inside(cf.ref)));
    }
  }

  private style(range: RangeAddress, style: CellStyle): void {
    const ws = this.sheet(range.sheet);
    for (let r = 0; r < range.rows; r++) {
      for (let c = 0; c < range.columns; c++) {
        const cell = ws.getCell(range.row + r + 1, range.column + c + 1);
        if (style.numberFormat !== undefined) cell.numFmt = style.numberFormat;
        if (style.bold !== undefined || style.italic !== undefined || style.fontColor !== undefined) {
          cell.font = {
            ...cell.font,
            ...(style.bold !== undefined ? { bold: style.bold } : {}),
            ...(style.italic !== undefined ? { italic: style.italic } : {}),
            ...(style.fontColor !== undefined ? { color: { argb: argb(style.fontColor) } } : {}),
          };
        }
        if (style.fill !== undefined) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
      }
    }
  }

  private colourRules(range: RangeAddress, rules: ColourRule[]): void {
    const ws = this.sheet(range.sheet);
    const ref = rangeA1(range);
    const formats = conditionalFormats(ws);
    formats.splice(0, formats.length, ...formats.filter((cf) => !sameRange(parseA1(cf.ref.split(/\s+/)[0], ws.name), range)));
    ws.addConditionalFormatting({
      ref,
      rules: rules.map((rule, i) => ({
        type: 'cellIs',
        operator: 'equal',
        priority: i + 1,
        formulae: [`"${rule.equals.replace(/"/g, '""')}"`],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) } }, font: { color: { argb: argb(rule.fontColor) } } },
      })),
    });
  }

  /** An Excel table over cells already written: its header row names its columns. */
  private addTable(name: string, range: RangeAddress): void {
    const ws = this.sheet(range.sheet);
    if (this.tables().some((t) => t.name.toLowerCase() === name.toLowerCase())) throw new WorkbookError(`A table named "${name}" already exists.`);
    const cellValue = (r: number, c: number): ExcelJS.CellValue => ws.findCell(range.row + r + 1, range.column + c + 1)?.value ?? null;
    const columns = Array.from({ length: range.columns }, (_, c) => ({ name: String(handedOver(cellValue(0, c), false) ?? `Column${c + 1}`), filterButton: true }));
    const rows = Array.from({ length: range.rows - 1 }, (_, r) => Array.from({ length: range.columns }, (_, c) => cellValue(r + 1, c)));
    ws.addTable({ name, displayName: name, ref: cellA1(range.row, range.column), headerRow: true, columns, rows, style: { theme: TABLE_STYLE, showRowStripes: true } });
  }

  private show(range: RangeAddress): void {
    const index = this.workbook.worksheets.findIndex((ws) => sameSheet(ws.name, range.sheet));
    if (index < 0) throw new WorkbookError(`The sheet "${range.sheet}" is not in the workbook.`);
    this.workbook.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: index, visibility: 'visible' }];
    this.workbook.worksheets[index].views = [{ state: 'normal', activeCell: cellA1(range.row, range.column) }];
  }

  private sheetOrNull(name: string): ExcelJS.Worksheet | null {
    return this.workbook.worksheets.find((ws) => sameSheet(ws.name, name)) ?? null;
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.sheetOrNull(name);
    if (!ws) throw new WorkbookError(`The sheet "${name}" is not in the workbook.`);
    return ws;
  }

  /** The theme's colours, which theme-coloured fills and fonts are read by (exceljs keeps theme1.xml as text, unparsed). */
  private palette(): string[] {
    this.themeColours ??= themePalette((this.workbook as unknown as { _themes?: Record<string, string> })._themes?.theme1);
    return this.themeColours;
  }

  /** The bounding box of cells with a value or formula (`withLooks`: or a look), within `within` when given. */
  private usedRange(ws: ExcelJS.Worksheet, within: RangeAddress | null, withLooks = false): RangeAddress | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    eachHeldCell(ws, withLooks, (cell, rowNumber, columnNumber) => {
      const at = { sheet: ws.name, row: rowNumber - 1, column: columnNumber - 1 };
      if (within && !contains(within, at)) return;
      const empty = cell.value === null || cell.value === '' || (cell.isMerged && cell.master !== cell);
      if (empty && !(withLooks && !isPlainLook(lookOf(cell, this.palette())))) return;
      top = Math.min(top, at.row);
      left = Math.min(left, at.column);
      bottom = Math.max(bottom, at.row);
      right = Math.max(right, at.column);
    });
    if (bottom < 0) return null;
    return { sheet: ws.name, row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }
}

/**
 * Calls `visit` with each cell the sheet holds that has a value, or (`styled`) that has only a
 * style: exceljs's own eachCell passes over a cell without a value, and asked to include empty
 * cells it creates one at every gap. Row and column numbers count from 1.
 */
function eachHeldCell(ws: ExcelJS.Worksheet, styled: boolean, visit: (cell: ExcelJS.Cell, row: number, column: number) => void): void {
  if (!styled) {
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => row.eachCell({ includeEmpty: false }, (cell, columnNumber) => visit(cell, rowNumber, columnNumber)));
    return;
  }
  const rows = (ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows;
  rows.forEach((row) => {
    if (!row) return;
    (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells.forEach((cell, index) => {
      if (cell) visit(cell, row.number, index + 1);
    });
  });
}

/** The sheet's conditional formats, as exceljs keeps them (its typings leave the list out). */
function conditionalFormats(ws: ExcelJS.Worksheet): { ref: string }[] {
  return (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
}

function spillKey(at: CellAddress): string {
  return `${at.sheet.toLowerCase()}!${at.row},${at.column}`;
}

/** The range an array formula read from the file covers, when the cell at `at` anchors one. */
function arrayRange(ws: ExcelJS.Worksheet, at: CellAddress): RangeAddress | null {
  const value = ws.findCell(at.row + 1, at.column + 1)?.value as { shareType?: string; ref?: string } | null | undefined;
  if (!value || typeof value !== 'object' || value.shareType !== 'array' || typeof value.ref !== 'string') return null;
  return parseA1(value.ref, ws.name);
}

/** A value as a formula's cached result: an error value as exceljs writes one. */
function cachedResult(value: Cell): ExcelJS.CellFormulaValue['result'] {
  if (value === null) return undefined;
  if (typeof value === 'string' && /^#(?:N\/A|VALUE!|NUM!|DIV\/0!|REF!|NAME\?|NULL!)$/.test(value)) {
    return { error: value as ExcelJS.CellErrorValue['error'] };
  }
  return value;
}

/**
 * A cell's look as the port reports it, from exceljs's style of it: a solid fill and a font
 * colour as `#RRGGBB`, whether the file gives them as ARGB, as theme colours (from `palette`, the
 * workbook's theme) or as indexed colours.
 */
function lookOf(cell: ExcelJS.Cell | undefined, palette: readonly string[]): CellStyle {
  if (!cell) return {};
  const fill = cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? colourOf(cell.fill.fgColor, palette) : undefined;
  return plainLook({ numberFormat: cell.numFmt || undefined, fill, fontColor: colourOf(cell.font?.color, palette), bold: cell.font?.bold, italic: cell.font?.italic });
}

/** `#RRGGBB` as exceljs's ARGB. */
function argb(colour: string): string {
  return `FF${colour.replace(/^#/, '').toUpperCase()}`;
}
