/**
 * A workbook held in memory that implements the port: sheets of cells with values, formulas,
 * number formats and styles, Excel tables, workbook names, colour rules and a selection. It is
 * the port's reference implementation: the use cases and the pane are tested on it, and hosts
 * can be compared with it. Formulas are kept as text; when a `calculate` function is given, formula cells get
 * values from it and spill the way Excel spills (`#SPILL!` when the cells below are taken).
 */
import type { Cell, Grid } from '../model/types';
import { MAX_ROWS, contains, sameRange, sameSheet } from './a1';
import { applyNaming, readLocal } from './local-read';
import { isPlainLook, plainLook } from './look';
import { TEXT_FORMAT, typedNumber } from './typed-number';
import { excelTableRef, renderFormula } from './formula';
import type {
  AreaContents,
  CellAddress,
  ChartSpec,
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
  WriteGuard,
  WriteOp,
} from './port';
import { WorkbookError, copyChart } from './port';

export interface MemoryCell {
  value: Cell;
  formula: string | null;
  numberFormat: string;
  style: CellStyle;
}

export interface MemorySheet {
  name: string;
  cells: Map<string, MemoryCell>;
  columnWidths: Map<number, number>;
}

export interface MemoryTable {
  name: string;
  range: RangeAddress;
}

/** Values of a formula, as a 1×1 grid for a single value or larger for a spill. */
export type Calculate = (formula: string, book: MemoryWorkbook) => Grid;

export interface MemoryWorkbookOptions {
  sheets?: string[];
  theme?: HostTheme | null;
  calculate?: Calculate;
}

const key = (row: number, column: number): string => `${row},${column}`;

/**
 * @example
 *   const book = new MemoryWorkbook({ sheets: ['Sheet1'] });
 *   book.setValues({ sheet: 'Sheet1', row: 0, column: 0 }, [['Name', 'Value'], ['Horizon', 3]]);
 *   const survey = await book.survey();
 */
export class MemoryWorkbook implements WorkbookPort {
  readonly sheets: MemorySheet[] = [];
  readonly tables: MemoryTable[] = [];
  readonly names = new Map<string, RangeAddress>();
  /** Texts kept under a name (`record` writes), by lower-case name. */
  readonly records = new Map<string, string>();
  readonly rules: { range: RangeAddress; rules: ColourRule[] }[] = [];
  /** The charts written, by sheet and name (`Pilot Gate!PilotGate_CashFlows`), as the write operation gave them. */
  readonly charts = new Map<string, ChartSpec>();
  selection: RangeAddress | null = null;
  activeSheet: string | null = null;
  /** How many write phases ran (one per `write`), for tests of "one block, one write". */
  writes = 0;
  private readonly hostTheme: HostTheme | null;
  private readonly calculate?: Calculate;
  private readonly watchers = new Set<(change: WorkbookChange) => void>();

  constructor(options: MemoryWorkbookOptions = {}) {
    for (const name of options.sheets ?? ['Sheet1']) this.addSheet(name);
    this.hostTheme = options.theme ?? null;
    this.calculate = options.calculate;
  }

  /** Adds an empty sheet. */
  addSheet(name: string): MemorySheet {
    if (this.findSheet(name)) throw new WorkbookError(`A sheet named "${name}" already exists.`);
    const sheet: MemorySheet = { name, cells: new Map(), columnWidths: new Map() };
    this.sheets.push(sheet);
    this.activeSheet ??= name;
    return sheet;
  }

  findSheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => sameSheet(s.name, name));
  }

  /** Writes values as a person types them (text that looks like a number becomes one, unless the cell is formatted as text). */
  setValues(at: CellAddress, grid: Grid): void {
    const sheet = this.sheet(at.sheet);
    grid.forEach((line, r) => line.forEach((value, c) => this.type(sheet, at.row + r, at.column + c, value)));
    this.edited();
  }

  /** Adds an Excel table over `range` (header in its first row). */
  addTable(name: string, range: RangeAddress): void {
    if (this.tables.some((t) => t.name.toLowerCase() === name.toLowerCase())) {
      throw new WorkbookError(`A table named "${name}" already exists.`);
    }
    this.sheet(range.sheet);
    this.tables.push({ name, range: { ...range } });
  }

  /** Types rows just below a table, which grows to take them in (as Excel tables do). */
  appendRows(tableName: string, rows: Grid): void {
    const t = this.tables.find((x) => x.name.toLowerCase() === tableName.toLowerCase());
    if (!t) throw new WorkbookError(`No table named "${tableName}".`);
    this.setValues({ sheet: t.range.sheet, row: t.range.row + t.range.rows, column: t.range.column }, rows);
    t.range = { ...t.range, rows: t.range.rows + rows.length };
  }

  /** The cell's stored content (null for a cell never written). */
  cell(at: CellAddress): MemoryCell | null {
    return this.sheet(at.sheet).cells.get(key(at.row, at.column)) ?? null;
  }

  /** The cell's value as shown, formulas calculated when the book can calculate. */
  valueAt(at: CellAddress): Cell {
    return this.view(this.sheet(at.sheet)).values.get(key(at.row, at.column)) ?? null;
  }

  async survey(options: { values?: boolean } = {}): Promise<WorkbookSurvey> {
    const withValues = options.values ?? true;
    return {
      sheets: this.sheets.map((s) => {
        const used = this.usedRange(s, null);
        return { name: s.name, used, values: used && withValues ? this.grid(used).values : [] };
      }),
      tables: this.tables.map((t) => ({ name: t.name, range: { ...t.range }, header: this.grid({ ...t.range, rows: 1 }).values[0] })),
      selection: this.selection ? { ...this.selection } : null,
    };
  }

  async read(sources: InputSources, blockName: string): Promise<InputsRead> {
    return readLocal(
      {
        tableRange: (name) => {
          const t = this.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
          return t ? { ...t.range } : null;
        },
        hasSheet: (sheet) => this.findSheet(sheet) !== undefined,
        belowHeader: (header) => {
          const used = this.usedRange(this.sheet(header.sheet), { ...header, rows: Number.MAX_SAFE_INTEGER });
          const bottom = used ? used.row + used.rows : header.row + 1;
          return this.grid({ ...header, rows: Math.max(1, bottom - header.row) }).values;
        },
        contents: (range) => this.grid(range),
        namedRange: (name) => this.names.get(name.toLowerCase()),
        recordText: (name) => this.records.get(name.toLowerCase()) ?? null,
        sheetNames: () => this.sheets.map((s) => s.name),
      },
      sources,
      blockName,
    );
  }

  async inspect(area: RangeAddress, anchors: CellAddress[]): Promise<AreaContents> {
    const sheet = this.sheet(area.sheet);
    const used = this.usedRange(sheet, area);
    const view = this.view(sheet);
    const spills = this.calculate ? anchors.map((a) => view.spills.get(key(a.row, a.column)) ?? null) : null;
    const looks: CellStyle[][] = [];
    for (let r = 0; r < Math.min(area.rows, MAX_ROWS - area.row); r++) {
      const line: CellStyle[] = [];
      for (let c = 0; c < area.columns; c++) {
        const cell = sheet.cells.get(key(area.row + r, area.column + c));
        line.push(cell ? plainLook({ ...cell.style, numberFormat: cell.numberFormat }) : {});
      }
      looks.push(line);
    }
    const sheetUsed = this.usedRange(sheet, null, true);
    if (!used) return { used: null, values: [], formulas: [], numberFormats: [], spills, looks, sheetUsed };
    const g = this.grid(used);
    return { used, values: g.values, formulas: g.formulas, numberFormats: g.numberFormats, spills, looks, sheetUsed };
  }

  async write(ops: WriteOp[], guard?: WriteGuard): Promise<boolean> {
    if (guard && !guard.allows(await Promise.all(guard.areas.map((q) => this.inspect(q.area, q.anchors))))) return false;
    this.writes++;
    for (const op of ops) this.apply(op);
    this.edited();
    return true;
  }

  formulaText(spec: FormulaSpec, sheet: string): string {
    return renderFormula(spec, excelTableRef, sheet);
  }

  async select(range: RangeAddress): Promise<void> {
    this.sheet(range.sheet);
    this.selection = { ...range };
    this.activeSheet = range.sheet;
  }

  theme(): HostTheme | null {
    return this.hostTheme;
  }

  watch(listener: (change: WorkbookChange) => void): { watching: boolean; stop: StopWatching } {
    this.watchers.add(listener);
    return { watching: true, stop: () => void this.watchers.delete(listener) };
  }

  /** Tells the watchers that cells changed (what this workbook calculates, it calculates when read). */
  private edited(): void {
    for (const watcher of [...this.watchers]) watcher({ kind: 'edited' });
  }

  private apply(op: WriteOp): void {
    switch (op.op) {
      case 'addSheet':
        this.addSheet(op.sheet);
        return;
      case 'clear':
        return this.clear(op.range, op.what);
      case 'cells': {
        const sheet = this.sheet(op.at.sheet);
        op.numberFormats?.forEach((line, r) =>
          line.forEach((format, c) => (this.ensure(sheet, op.at.row + r, op.at.column + c).numberFormat = format)),
        );
        op.cells.forEach((line, r) =>
          line.forEach((cell, c) => {
            const row = op.at.row + r;
            const column = op.at.column + c;
            if (cell === null) return;
            if (typeof cell === 'object') {
              const target = this.ensure(sheet, row, column);
              target.formula = renderFormula(cell.formula, excelTableRef, sheet.name);
              target.value = null;
            } else {
              this.type(sheet, row, column, cell);
            }
          }),
        );
        return;
      }
      case 'style':
        return this.each(op.range, (cell) => {
          if (op.style.numberFormat !== undefined) cell.numberFormat = op.style.numberFormat;
          const { numberFormat: _ignored, ...rest } = op.style;
          cell.style = { ...cell.style, ...rest };
        });
      case 'colourRules': {
        const i = this.rules.findIndex((r) => sameRange(r.range, op.range));
        if (i >= 0) this.rules.splice(i, 1);
        this.rules.push({ range: { ...op.range }, rules: op.rules.map((r) => ({ ...r })) });
        return;
      }
      case 'columnWidth':
        this.sheet(op.sheet).columnWidths.set(op.column, op.width);
        return;
      case 'table':
        return this.addTable(op.name, op.range);
      case 'show':
        this.selection = { ...op.range };
        this.activeSheet = this.sheet(op.range.sheet).name;
        return;
      case 'chart': {
        const key = `${this.sheet(op.sheet).name}!${op.name}`;
        if (op.chart) this.charts.set(key, copyChart(op.chart));
        else this.charts.delete(key);
        return;
      }
      case 'removeSheet': {
        const sheet = this.sheet(op.sheet);
        this.sheets.splice(this.sheets.indexOf(sheet), 1);
        for (const key of [...this.charts.keys()]) if (key.startsWith(`${sheet.name}!`)) this.charts.delete(key);
        if (this.activeSheet !== null && sameSheet(this.activeSheet, sheet.name)) this.activeSheet = this.sheets[0]?.name ?? null;
        if (this.selection && sameSheet(this.selection.sheet, sheet.name)) this.selection = null;
        return;
      }
      case 'name':
      case 'removeName':
      case 'record':
        applyNaming(op, this.names, this.records);
        return;
    }
  }

  private clear(range: RangeAddress, what: 'all' | 'formats' | 'contents'): void {
    const sheet = this.sheet(range.sheet);
    for (const [k, cell] of [...sheet.cells]) {
      const [row, column] = k.split(',').map(Number);
      if (!contains(range, { sheet: range.sheet, row, column })) continue;
      if (what === 'all') sheet.cells.delete(k);
      if (what === 'contents') Object.assign(cell, { value: null, formula: null });
      if (what === 'formats') Object.assign(cell, { numberFormat: 'General', style: {} });
    }
    if (what !== 'contents') {
      for (let i = this.rules.length - 1; i >= 0; i--) {
        const r = this.rules[i].range;
        if (contains(range, r) && contains(range, { ...r, row: r.row + r.rows - 1, column: r.column + r.columns - 1 })) {
          this.rules.splice(i, 1);
        }
      }
    }
  }

  /** A value as typed into a cell: Excel reads number-like text as a number unless the cell is text. */
  private type(sheet: MemorySheet, row: number, column: number, value: Cell): void {
    const cell = this.ensure(sheet, row, column);
    cell.formula = null;
    if (typeof value === 'string' && cell.numberFormat !== TEXT_FORMAT) {
      if (value.startsWith('=')) {
        cell.formula = value;
        cell.value = null;
        return;
      }
      const typed = typedNumber(value);
      if (typed) {
        cell.value = typed.value;
        if (cell.numberFormat === 'General') cell.numberFormat = typed.format;
        return;
      }
    }
    cell.value = value === '' ? null : value;
  }

  private ensure(sheet: MemorySheet, row: number, column: number): MemoryCell {
    let cell = sheet.cells.get(key(row, column));
    if (!cell) {
      cell = { value: null, formula: null, numberFormat: 'General', style: {} };
      sheet.cells.set(key(row, column), cell);
    }
    return cell;
  }

  private each(range: RangeAddress, f: (cell: MemoryCell) => void): void {
    const sheet = this.sheet(range.sheet);
    for (let r = 0; r < range.rows; r++) {
      for (let c = 0; c < range.columns; c++) f(this.ensure(sheet, range.row + r, range.column + c));
    }
  }

  private sheet(name: string): MemorySheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new WorkbookError(`The sheet "${name}" is not in the workbook.`);
    return sheet;
  }

  /** The bounding box of cells with a value or formula (spills included; `withLooks`: or a look), within `within` when given. */
  private usedRange(sheet: MemorySheet, within: RangeAddress | null, withLooks = false): RangeAddress | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const include = (k: string): void => {
      const [row, column] = k.split(',').map(Number);
      if (within && !contains(within, { sheet: sheet.name, row, column })) return;
      top = Math.min(top, row);
      left = Math.min(left, column);
      bottom = Math.max(bottom, row);
      right = Math.max(right, column);
    };
    for (const [k, value] of this.view(sheet).values) if (value !== null && value !== '') include(k);
    for (const [k, cell] of sheet.cells) if (cell.formula !== null) include(k);
    if (withLooks) for (const [k, cell] of sheet.cells) if (!isPlainLook({ ...cell.style, numberFormat: cell.numberFormat })) include(k);
    if (bottom < 0) return null;
    return { sheet: sheet.name, row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  private grid(range: RangeAddress): { values: Grid; formulas: Cell[][]; numberFormats: string[][] } {
    const sheet = this.sheet(range.sheet);
    const view = this.view(sheet);
    const values: Grid = [];
    const formulas: Cell[][] = [];
    const numberFormats: string[][] = [];
    for (let r = 0; r < range.rows; r++) {
      const v: Cell[] = [];
      const f: Cell[] = [];
      const n: string[] = [];
      for (let c = 0; c < range.columns; c++) {
        const k = key(range.row + r, range.column + c);
        const cell = sheet.cells.get(k);
        const value = view.values.get(k) ?? null;
        v.push(value);
        f.push(cell?.formula ?? value);
        n.push(cell?.numberFormat ?? 'General');
      }
      values.push(v);
      formulas.push(f);
      numberFormats.push(n);
    }
    return { values, formulas, numberFormats };
  }

  /** Every cell's value as shown: stored values, and formulas calculated and spilled. */
  private view(sheet: MemorySheet): { values: Map<string, Cell>; spills: Map<string, RangeAddress> } {
    const values = new Map<string, Cell>();
    const spills = new Map<string, RangeAddress>();
    for (const [k, cell] of sheet.cells) if (cell.formula === null && cell.value !== null) values.set(k, cell.value);
    if (!this.calculate) return { values, spills };
    for (const [k, cell] of sheet.cells) {
      if (cell.formula === null) continue;
      const [row, column] = k.split(',').map(Number);
      const result = this.calculate(cell.formula, this);
      const rows = result.length;
      const columns = Math.max(0, ...result.map((line) => line.length));
      let blocked = false;
      for (let r = 0; r < rows && !blocked; r++) {
        for (let c = 0; c < columns; c++) {
          if (r === 0 && c === 0) continue;
          const target = key(row + r, column + c);
          if (values.has(target) || sheet.cells.get(target)?.formula) blocked = true;
        }
      }
      if (blocked) {
        values.set(k, '#SPILL!');
        continue;
      }
      result.forEach((line, r) => line.forEach((value, c) => values.set(key(row + r, column + c), value)));
      if (rows * columns > 1) spills.set(k, { sheet: sheet.name, row, column, rows, columns });
    }
    return { values, spills };
  }
}
