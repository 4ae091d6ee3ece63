/**
 * A workbook in the browser that implements the workbook port on HyperFormula, with the PILOT
 * functions registered (the same catalogue and runner as the Excel add-in): the port's
 * HyperFormula host. The workbench shows it as a grid beside the real task pane; tests run the
 * use cases on it and read what a formula engine makes of the block.
 *
 * HyperFormula computes values and spills. What it lacks, this class keeps beside it: number
 * formats and styles per cell, colour rules, column widths, Excel tables, workbook names and the
 * selection. A table is also a HyperFormula named expression over its range, so a formula the
 * use cases write refers to it by name (`=PILOT.VERDICT(Metrics,Costs,…)`) and follows it when it
 * grows; a plain range is referred to by its absolute address.
 *
 * Typing into the grid (`enter`) follows the rules of cell-entry.ts: what a person types stays
 * text unless it is a formula or a plain number. Writes through the port follow Excel's rules.
 *
 * Spills: HyperFormula fixes a spill's size when the formula is entered (see
 * pilot-functions.ts). A PILOT result that grows later shows #SPILL!; Evaluate re-enters the
 * block's formulas and so resizes them.
 */
import { CellType, DetailedCellError, HyperFormula } from 'hyperformula';
import type { CellValue, RawCellContent, SimpleCellAddress } from 'hyperformula';
import type { Cell, Grid } from '../../model/types';
import { MAX_ROWS, contains, qualifiedA1, sameRange, sameSheet } from '../a1';
import { absoluteRangeRef, renderFormula } from '../formula';
import type {
  AreaContents,
  CellAddress,
  CellStyle,
  ChartSpec,
  ColourRule,
  FormulaSpec,
  HostTheme,
  InputSources,
  InputsRead,
  RangeAddress,
  StopWatching,
  TableArg,
  TablePart,
  WorkbookChange,
  WorkbookPort,
  WorkbookSurvey,
  WriteGuard,
  WriteOp,
} from '../port';
import { applyNaming, readLocal } from '../local-read';
import { isPlainLook, plainLook } from '../look';
import { WorkbookError, copyChart } from '../port';
import { hostEntry, personEntry } from './cell-entry';
import type { Entry } from './cell-entry';
import { displayText } from './number-format';
import { pilotContext, registerPilotFunctions, type BlankCells } from './pilot-functions';
import { rectangles } from './rectangles';

/**
 * HyperFormula's settings: the GPL licence, full precision (no display rounding), no undo
 * history, and arrays computed element by element as Excel 365 does (the block hands each table
 * over as IF(ISBLANK(t),"",t), which is an array).
 */
export const HYPERFORMULA_CONFIG = { licenseKey: 'gpl-v3', smartRounding: false, undoLimit: 0, useArrayArithmetic: true } as const;

export interface WorkbookTable {
  name: string;
  range: RangeAddress;
  /** The HyperFormula named expression over the table, null when its name cannot be one. */
  namedExpression: string | null;
}

/** A cell as the grid shows it. */
export interface ShownCell {
  /** The value; an error as its code (`#VALUE!`). */
  value: Cell;
  /** The error's code and message, null when the value is not an error. */
  error: { code: string; message: string } | null;
  /** The value in the cell's number format. */
  text: string;
  /** The formula, null when the cell holds a value. */
  formula: string | null;
  numberFormat: string;
  /** Bold, italic and colours, with a colour rule's colours when one applies. */
  style: CellStyle;
}

export interface HyperFormulaWorkbookOptions {
  /** Sheets of the new workbook, in tab order (none when omitted). */
  sheets?: string[];
  theme?: HostTheme | null;
  /** How the PILOT functions receive an empty cell inside a range: null, as Excel on the web passes it (the default), or 0, as Excel on Windows has been seen to. */
  blankCells?: BlankCells;
}

/** A chart written to the workbook, with the sheet it is on and its name. */
export interface WorkbookChart extends ChartSpec {
  sheet: string;
  name: string;
}

interface CellFormat {
  numberFormat: string;
  style: CellStyle;
}

const GENERAL = 'General';
const key = (row: number, column: number): string => `${row},${column}`;

/**
 * @example
 *   const book = new HyperFormulaWorkbook({ sheets: ['Sheet1'] });
 *   book.enter({ sheet: 'Sheet1', row: 0, column: 0 }, '=PILOT.VALUE("2 h","min")');
 *   book.shown({ sheet: 'Sheet1', row: 0, column: 0 }).value; // 120
 */
export class HyperFormulaWorkbook implements WorkbookPort {
  readonly hf: HyperFormula;
  readonly tables: WorkbookTable[] = [];
  private readonly names = new Map<string, RangeAddress>();
  /** Texts kept under a name (`record` writes), by lower-case name. */
  private readonly records = new Map<string, string>();
  private readonly rules: { range: RangeAddress; rules: ColourRule[] }[] = [];
  private readonly chartList: WorkbookChart[] = [];
  /** Formats by sheet id, then by cell. */
  private readonly formats = new Map<number, Map<string, CellFormat>>();
  private readonly widths = new Map<number, Map<number, number>>();
  private selected: RangeAddress | null = null;
  private activeCell: CellAddress | null = null;
  /** The last selection on each sheet (by lower-case name), restored when the sheet is shown again. */
  private readonly sheetSelections = new Map<string, { range: RangeAddress; active: CellAddress }>();
  private active: string | null = null;
  private readonly listeners = new Set<() => void>();
  /** The port's watchers: told of edits and writes (not of the selection). */
  private readonly watchers = new Set<(change: WorkbookChange) => void>();
  private changes = 0;
  private readonly hostTheme: HostTheme | null;

  constructor(options: HyperFormulaWorkbookOptions = {}) {
    registerPilotFunctions(HyperFormula);
    this.hf = HyperFormula.buildEmpty({ ...HYPERFORMULA_CONFIG, context: pilotContext(options.blankCells ?? 'null') });
    this.hostTheme = options.theme ?? null;
    for (const name of options.sheets ?? []) this.createSheet(name);
  }

  // ---- the workbook port ----

  async survey(options: { values?: boolean } = {}): Promise<WorkbookSurvey> {
    const withValues = options.values ?? true;
    return {
      sheets: this.sheetNames().map((name) => {
        const used = this.usedRange(name);
        return { name, used, values: used && withValues ? this.valuesOf(used) : [] };
      }),
      tables: this.tables.map((t) => ({ name: t.name, range: { ...t.range }, header: this.valuesOf({ ...t.range, rows: 1 })[0] })),
      selection: this.selected ? { ...this.selected } : null,
    };
  }

  async read(sources: InputSources, blockName: string): Promise<InputsRead> {
    return readLocal(
      {
        tableRange: (name) => {
          const t = this.table(name);
          return t ? { ...t.range } : null;
        },
        hasSheet: (sheet) => this.sheetId(sheet) !== undefined,
        belowHeader: (header) => {
          const used = this.usedRange(header.sheet);
          const bottom = used ? Math.max(used.row + used.rows, header.row + 1) : header.row + 1;
          return this.valuesOf({ ...header, rows: bottom - header.row });
        },
        contents: (range) => ({ values: this.valuesOf(range), numberFormats: this.formatsOf(range) }),
        namedRange: (name) => this.names.get(name.toLowerCase()),
        recordText: (name) => this.records.get(name.toLowerCase()) ?? null,
        sheetNames: () => this.sheetNames(),
      },
      sources,
      blockName,
    );
  }

  async inspect(area: RangeAddress, anchors: CellAddress[]): Promise<AreaContents> {
    this.requireSheet(area.sheet);
    const spills = anchors.map((a) => this.spillOf(a));
    const used = this.usedRange(area.sheet, area);
    const looks = Array.from({ length: Math.min(area.rows, MAX_ROWS - area.row) }, (_, r) =>
      Array.from({ length: area.columns }, (_, c) => this.lookAt({ sheet: area.sheet, row: area.row + r, column: area.column + c })),
    );
    const sheetUsed = this.usedRange(area.sheet, undefined, true);
    if (!used) return { used: null, values: [], formulas: [], numberFormats: [], spills, looks, sheetUsed };
    const values = this.valuesOf(used);
    const formulas = values.map((line, r) =>
      line.map((value, c) => this.hf.getCellFormula(this.address({ sheet: used.sheet, row: used.row + r, column: used.column + c })) ?? value),
    );
    return { used, values, formulas, numberFormats: this.formatsOf(used), spills, looks, sheetUsed };
  }

  /** As Excel's formulas read back: HyperFormula writes sheet names unquoted where it can. */
  formulaText(spec: FormulaSpec, sheet: string): string {
    return this.hf.normalizeFormula(renderFormula(spec, (arg, part) => this.refer(arg, part), sheet));
  }

  async write(ops: WriteOp[], guard?: WriteGuard): Promise<boolean> {
    if (guard && !guard.allows(await Promise.all(guard.areas.map((q) => this.inspect(q.area, q.anchors))))) return false;
    const formulaCells: SimpleCellAddress[] = [];
    this.hf.suspendEvaluation();
    try {
      for (const op of ops) this.apply(op, formulaCells);
    } finally {
      this.hf.resumeEvaluation();
    }
    // A spill is sized when its formula is entered; one entered while its inputs were still being
    // written took the catalogue's default size. Entering it again sizes it from the inputs.
    for (const at of formulaCells) {
      const value = this.hf.getCellValue(at);
      if (value instanceof DetailedCellError && value.value === '#SPILL!') {
        this.hf.setCellContents(at, [[this.hf.getCellFormula(at) ?? null]]);
      }
    }
    this.changed();
    this.edited();
    return true;
  }

  async select(range: RangeAddress): Promise<void> {
    this.show(range);
    this.changed();
  }

  theme(): HostTheme | null {
    return this.hostTheme;
  }

  watch(listener: (change: WorkbookChange) => void): { watching: boolean; stop: StopWatching } {
    this.watchers.add(listener);
    return { watching: true, stop: () => void this.watchers.delete(listener) };
  }

  // ---- what the grid asks ----

  /** Calls `listener` after every change (contents, formats, selection, sheets); returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A number that changes with every change, for React's useSyncExternalStore. */
  version = (): number => this.changes;

  sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  /** The sheet shown, null when the workbook has none. */
  get activeSheet(): string | null {
    return this.active ?? this.sheetNames()[0] ?? null;
  }

  /** The selected range, null when nothing is selected. */
  get selection(): RangeAddress | null {
    return this.selected ? { ...this.selected } : null;
  }

  /** The cell the selection started from (where typing goes), null when nothing is selected. */
  get activeCellAddress(): CellAddress | null {
    return this.activeCell ? { ...this.activeCell } : null;
  }

  /** Shows a sheet with the selection it had when last shown (A1 the first time). */
  activateSheet(name: string): void {
    const sheet = this.requireSheet(name);
    const last = this.sheetSelections.get(sheet.toLowerCase());
    this.setSelection(last?.range ?? { sheet, row: 0, column: 0, rows: 1, columns: 1 }, last?.active);
  }

  /** Shows the range's sheet and selects the range, with `active` (one of its cells) as the cell typing goes to. */
  setSelection(range: RangeAddress, active: CellAddress = range): void {
    const sheet = this.requireSheet(range.sheet);
    this.active = sheet;
    this.selected = { ...range, sheet };
    this.activeCell = { sheet, row: active.row, column: active.column };
    this.sheetSelections.set(sheet.toLowerCase(), { range: this.selected, active: this.activeCell });
    this.changed();
  }

  /** A cell as the grid shows it. */
  shown(at: CellAddress): ShownCell {
    const address = this.address(at);
    const raw = this.hf.getCellValue(address);
    const format = this.formatAt(at);
    const value = cellOut(raw);
    const error = raw instanceof DetailedCellError ? { code: raw.value, message: raw.message } : null;
    const rule = typeof value === 'string' ? this.ruleFor(at, value) : undefined;
    return {
      value,
      error,
      text: error ? error.code : displayText(value, format.numberFormat),
      formula: this.hf.getCellFormula(address) ?? null,
      numberFormat: format.numberFormat,
      style: rule ? { ...format.style, fill: rule.fill, fontColor: rule.fontColor } : { ...format.style },
    };
  }

  /** What a person types into a cell (text stays text unless it is a formula or a plain number); a table just above grows to take the row. */
  enter(at: CellAddress, typed: string): void {
    this.enterMany(at, [[typed]]);
  }

  /** Pasted rows of text, top-left at `at`, each cell entered as if typed. */
  enterMany(at: CellAddress, rows: string[][]): void {
    const sheet = this.requireSheet(at.sheet);
    this.hf.suspendEvaluation();
    try {
      rows.forEach((line, r) =>
        line.forEach((typed, c) => {
          const cell = { sheet, row: at.row + r, column: at.column + c };
          if (typed !== '') this.growTableBelow(cell);
          this.put(cell, personEntry(typed, this.formatAt(cell).numberFormat));
        }),
      );
    } finally {
      this.hf.resumeEvaluation();
    }
    this.changed();
    this.edited();
  }

  /** Empties the values and formulas of a range, keeping formats (the Delete key). */
  clearContents(range: RangeAddress): void {
    this.hf.suspendEvaluation();
    try {
      this.clear({ ...range, sheet: this.requireSheet(range.sheet) }, 'contents');
    } finally {
      this.hf.resumeEvaluation();
    }
    this.changed();
    this.edited();
  }

  /** The rows and columns a sheet uses from A1, spills included (0 × 0 when empty). */
  extent(sheet: string): { rows: number; columns: number } {
    const used = this.usedRange(sheet);
    return used ? { rows: used.row + used.rows, columns: used.column + used.columns } : { rows: 0, columns: 0 };
  }

  /** A column's width in points when one was set. */
  columnWidth(sheet: string, column: number): number | undefined {
    const id = this.sheetId(sheet);
    return id === undefined ? undefined : this.widths.get(id)?.get(column);
  }

  /** Adds an empty sheet at the end. */
  addSheet(name: string): string {
    const added = this.createSheet(name);
    this.changed();
    return added;
  }

  /** Where a cell sits in an Excel table: its header row, a body row (banded by `band`), or none. */
  tablePart(at: CellAddress): { part: 'header' | 'body'; band: 0 | 1 } | null {
    const t = this.tables.find((x) => contains(x.range, at));
    if (!t) return null;
    const offset = at.row - t.range.row;
    return offset === 0 ? { part: 'header', band: 0 } : { part: 'body', band: offset % 2 === 1 ? 0 : 1 };
  }

  /** The charts on a sheet, in the order they were written. */
  charts(sheet: string): WorkbookChart[] {
    return this.chartList.filter((c) => sameSheet(c.sheet, sheet)).map((c) => ({ ...copyChart(c), sheet: c.sheet, name: c.name }));
  }

  /** The table of that name (case-insensitive), if any. */
  table(name: string): WorkbookTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  // ---- operations ----

  private apply(op: WriteOp, formulaCells: SimpleCellAddress[]): void {
    switch (op.op) {
      case 'addSheet':
        this.createSheet(op.sheet);
        return;
      case 'clear':
        this.clear({ ...op.range, sheet: this.requireSheet(op.range.sheet) }, op.what);
        return;
      case 'cells': {
        const sheet = this.requireSheet(op.at.sheet);
        op.numberFormats?.forEach((line, r) =>
          line.forEach((numberFormat, c) => this.setFormat({ sheet, row: op.at.row + r, column: op.at.column + c }, { numberFormat })),
        );
        const id = this.sheetIdOrThrow(sheet);
        const entries = op.cells.map((line, r) =>
          line.map((cell, c): Entry | null => {
            if (cell === null) return null;
            const at = { sheet, row: op.at.row + r, column: op.at.column + c };
            const entry: Entry =
              typeof cell === 'object'
                ? { kind: 'formula', formula: renderFormula(cell.formula, (arg, part) => this.refer(arg, part), sheet) }
                : hostEntry(cell, this.formatAt(at).numberFormat);
            if (entry.kind === 'formula') formulaCells.push({ sheet: id, row: at.row, col: at.column });
            this.keepFormat(at, entry);
            return entry;
          }),
        );
        for (const block of rectangles(entries)) {
          this.hf.setCellContents({ sheet: id, row: op.at.row + block.row, col: op.at.column + block.column }, block.cells.map((line) => line.map(rawContent)));
        }
        return;
      }
      case 'style': {
        const { numberFormat, ...style } = op.style;
        this.eachCell(op.range, (at) => {
          const current = this.formatAt(at);
          this.setFormat(at, { numberFormat: numberFormat ?? current.numberFormat, style: { ...current.style, ...style } });
        });
        return;
      }
      case 'colourRules': {
        const i = this.rules.findIndex((r) => sameRange(r.range, op.range));
        if (i >= 0) this.rules.splice(i, 1);
        this.rules.push({ range: { ...op.range }, rules: op.rules.map((r) => ({ ...r })) });
        return;
      }
      case 'columnWidth': {
        const id = this.sheetIdOrThrow(op.sheet);
        if (!this.widths.has(id)) this.widths.set(id, new Map());
        this.widths.get(id)!.set(op.column, op.width);
        return;
      }
      case 'table':
        this.addTable(op.name, op.range);
        return;
      case 'show':
        this.show(op.range);
        return;
      case 'chart': {
        const sheet = this.requireSheet(op.sheet);
        const i = this.chartList.findIndex((c) => sameSheet(c.sheet, sheet) && c.name === op.name);
        if (i >= 0) this.chartList.splice(i, 1);
        if (op.chart) this.chartList.push({ ...copyChart(op.chart), sheet, name: op.name });
        return;
      }
      case 'removeSheet':
        this.removeSheet(op.sheet);
        return;
      case 'name':
      case 'removeName':
      case 'record':
        applyNaming(op, this.names, this.records);
        return;
    }
  }

  /** Takes a sheet away with its formats, widths and selection; the next sheet is shown. */
  private removeSheet(name: string): void {
    const sheet = this.requireSheet(name);
    const id = this.sheetIdOrThrow(sheet);
    this.hf.removeSheet(id);
    for (let i = this.chartList.length - 1; i >= 0; i--) if (sameSheet(this.chartList[i].sheet, sheet)) this.chartList.splice(i, 1);
    this.formats.delete(id);
    this.widths.delete(id);
    this.sheetSelections.delete(sheet.toLowerCase());
    if (this.active !== null && sameSheet(this.active, sheet)) this.active = null;
    if (this.selected && sameSheet(this.selected.sheet, sheet)) {
      this.selected = null;
      this.activeCell = null;
    }
  }

  private createSheet(name: string): string {
    if (this.sheetId(name) !== undefined) throw new WorkbookError(`A sheet named "${name}" already exists.`);
    const added = this.hf.addSheet(name);
    this.active ??= added;
    return added;
  }

  private addTable(name: string, range: RangeAddress): void {
    if (this.table(name)) throw new WorkbookError(`A table named "${name}" already exists.`);
    const sheet = this.requireSheet(range.sheet);
    const t: WorkbookTable = { name, range: { ...range, sheet }, namedExpression: null };
    const expression = `=${qualifiedA1(t.range, true)}`;
    if (this.hf.isItPossibleToAddNamedExpression(name, expression)) {
      this.hf.addNamedExpression(name, expression);
      t.namedExpression = name;
    }
    this.tables.push(t);
  }

  /** Excel grows a table when a person types in the row just below it; so does the workbench. */
  private growTableBelow(at: CellAddress): void {
    for (const t of this.tables) {
      const r = t.range;
      if (!sameSheet(r.sheet, at.sheet) || at.row !== r.row + r.rows || at.column < r.column || at.column >= r.column + r.columns) continue;
      // The new row takes the formats of the row above, as in Excel.
      for (let c = 0; c < r.columns; c++) {
        const above = this.formatAt({ sheet: r.sheet, row: at.row - 1, column: r.column + c });
        this.setFormat({ sheet: r.sheet, row: at.row, column: r.column + c }, { numberFormat: above.numberFormat, style: { ...above.style } });
      }
      t.range = { ...r, rows: r.rows + 1 };
      if (t.namedExpression) this.hf.changeNamedExpression(t.namedExpression, `=${qualifiedA1(t.range, true)}`);
    }
  }

  /**
   * How a formula refers to a table argument: a table by its named expression, a range by its
   * absolute address; a table's header row (where it is) by the absolute address of the table's
   * first row as it is now.
   */
  private refer(arg: TableArg, part: TablePart = 'all'): string {
    const t = arg.table.kind === 'table' ? this.table(arg.table.name) : undefined;
    if (part === 'headers') return absoluteRangeRef(t ? { ...arg, range: t.range } : arg, 'headers');
    if (t?.namedExpression) return t.namedExpression;
    return absoluteRangeRef(arg);
  }

  private clear(range: RangeAddress, what: 'all' | 'formats' | 'contents'): void {
    const id = this.sheetIdOrThrow(range.sheet);
    if (what !== 'formats') {
      const size = this.hf.getSheetDimensions(id);
      const bottom = Math.min(range.row + range.rows, size.height);
      const right = Math.min(range.column + range.columns, size.width);
      for (let row = range.row; row < bottom; row++) {
        for (let col = range.column; col < right; col++) {
          // A spilled cell goes with its formula; only what was entered is cleared.
          const type = this.hf.getCellType({ sheet: id, row, col });
          if (type === CellType.VALUE || type === CellType.FORMULA || type === CellType.ARRAYFORMULA) {
            this.hf.setCellContents({ sheet: id, row, col }, [[null]]);
          }
        }
      }
    }
    if (what !== 'contents') {
      const formats = this.formats.get(id);
      for (const k of [...(formats?.keys() ?? [])]) {
        const [row, column] = k.split(',').map(Number);
        if (contains(range, { sheet: range.sheet, row, column })) formats!.delete(k);
      }
      for (let i = this.rules.length - 1; i >= 0; i--) {
        const r = this.rules[i].range;
        const last = { sheet: r.sheet, row: r.row + r.rows - 1, column: r.column + r.columns - 1 };
        if (contains(range, r) && contains(range, last)) this.rules.splice(i, 1);
      }
    }
  }

  private show(range: RangeAddress): void {
    const sheet = this.requireSheet(range.sheet);
    this.active = sheet;
    this.selected = { ...range, sheet };
    this.activeCell = { sheet, row: range.row, column: range.column };
    this.sheetSelections.set(sheet.toLowerCase(), { range: this.selected, active: this.activeCell });
  }

  private put(at: CellAddress, entry: Entry): void {
    this.keepFormat(at, entry);
    this.hf.setCellContents(this.address(at), [[rawContent(entry)]]);
  }

  /** A value entered with a format of its own (`$3.40`, `12%`) gives its cell that format, as Excel does. */
  private keepFormat(at: CellAddress, entry: Entry): void {
    if (entry.kind === 'value' && entry.format) this.setFormat(at, { numberFormat: entry.format });
  }

  // ---- reading ----

  /** The bounding box of cells with a value or formula (spills included; `withLooks`: or a look), within `within` when given. */
  private usedRange(sheet: string, within?: RangeAddress, withLooks = false): RangeAddress | null {
    const id = this.sheetIdOrThrow(sheet);
    const name = this.hf.getSheetName(id)!;
    const size = this.hf.getSheetDimensions(id);
    const top0 = within ? within.row : 0;
    const left0 = within ? within.column : 0;
    const bottom0 = Math.min(size.height, within ? within.row + within.rows : size.height);
    const right0 = Math.min(size.width, within ? within.column + within.columns : size.width);
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const include = (row: number, col: number): void => {
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    };
    for (let row = top0; row < bottom0; row++) {
      for (let col = left0; col < right0; col++) {
        if (this.hf.getCellType({ sheet: id, row, col }) !== CellType.EMPTY) include(row, col);
      }
    }
    if (withLooks) {
      for (const [k, format] of this.formats.get(id) ?? []) {
        const [row, col] = k.split(',').map(Number);
        if (within && !contains(within, { sheet: name, row, column: col })) continue;
        if (!isPlainLook({ ...format.style, numberFormat: format.numberFormat })) include(row, col);
      }
    }
    if (bottom < 0) return null;
    return { sheet: name, row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  private valuesOf(range: RangeAddress): Grid {
    const id = this.sheetIdOrThrow(range.sheet);
    const values: Grid = [];
    for (let r = 0; r < range.rows; r++) {
      const line: Cell[] = [];
      for (let c = 0; c < range.columns; c++) line.push(cellOut(this.hf.getCellValue({ sheet: id, row: range.row + r, col: range.column + c })));
      values.push(line);
    }
    return values;
  }

  private formatsOf(range: RangeAddress): string[][] {
    return Array.from({ length: range.rows }, (_, r) =>
      Array.from({ length: range.columns }, (_, c) => this.formatAt({ sheet: range.sheet, row: range.row + r, column: range.column + c }).numberFormat),
    );
  }

  /** The range a formula at `at` spills to; null when it does not spill (or is blocked: #SPILL!). */
  private spillOf(at: CellAddress): RangeAddress | null {
    const id = this.sheetId(at.sheet);
    if (id === undefined) return null;
    const anchor = { sheet: id, row: at.row, col: at.column };
    if (this.hf.getCellType(anchor) !== CellType.ARRAYFORMULA || this.hf.getCellValue(anchor) instanceof DetailedCellError) return null;
    // The spilled cells lie to the right and below; the next cell that is not part of an array ends them.
    let columns = 1;
    while (this.hf.getCellType({ ...anchor, col: at.column + columns }) === CellType.ARRAY) columns++;
    let rows = 1;
    while (this.hf.getCellType({ ...anchor, row: at.row + rows }) === CellType.ARRAY) rows++;
    if (rows * columns === 1) return null;
    return { sheet: this.hf.getSheetName(id)!, row: at.row, column: at.column, rows, columns };
  }

  private ruleFor(at: CellAddress, value: string): ColourRule | undefined {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const r = this.rules[i];
      if (!contains(r.range, at)) continue;
      const rule = r.rules.find((x) => x.equals === value);
      if (rule) return rule;
    }
    return undefined;
  }

  /** A cell's look as the port reports it: its defaults left out. */
  private lookAt(at: CellAddress): CellStyle {
    const format = this.formatAt(at);
    return plainLook({ ...format.style, numberFormat: format.numberFormat });
  }

  private formatAt(at: CellAddress): CellFormat {
    const id = this.sheetIdOrThrow(at.sheet);
    return this.formats.get(id)?.get(key(at.row, at.column)) ?? { numberFormat: GENERAL, style: {} };
  }

  private setFormat(at: CellAddress, format: Partial<CellFormat>): void {
    const id = this.sheetIdOrThrow(at.sheet);
    if (!this.formats.has(id)) this.formats.set(id, new Map());
    const current = this.formatAt(at);
    this.formats.get(id)!.set(key(at.row, at.column), { numberFormat: format.numberFormat ?? current.numberFormat, style: format.style ?? current.style });
  }

  private eachCell(range: RangeAddress, f: (at: CellAddress) => void): void {
    const sheet = this.requireSheet(range.sheet);
    for (let r = 0; r < range.rows; r++) for (let c = 0; c < range.columns; c++) f({ sheet, row: range.row + r, column: range.column + c });
  }

  /** HyperFormula compares sheet names as Excel does (case aside), in a map rather than a scan of the names. */
  private sheetId(name: string): number | undefined {
    return this.hf.getSheetId(name);
  }

  private sheetIdOrThrow(name: string): number {
    const id = this.sheetId(name);
    if (id === undefined) throw new WorkbookError(`The sheet "${name}" is not in the workbook.`);
    return id;
  }

  /** The sheet's name as the workbook spells it; throws WorkbookError when there is none. */
  private requireSheet(name: string): string {
    return this.hf.getSheetName(this.sheetIdOrThrow(name))!;
  }

  private address(at: CellAddress): SimpleCellAddress {
    return { sheet: this.sheetIdOrThrow(at.sheet), row: at.row, col: at.column };
  }

  private changed(): void {
    this.changes++;
    for (const listener of [...this.listeners]) listener();
  }

  /** Cells were edited or written; HyperFormula has recalculated what depends on them by now, so one call says both. */
  private edited(): void {
    for (const watcher of [...this.watchers]) watcher({ kind: 'edited' });
  }
}

/** A HyperFormula value as a cell of the port: errors as their code, as Excel's `values` give them. */
function cellOut(value: CellValue): Cell {
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value === 'number' && Object.is(value, -0)) return 0;
  return value;
}

/** What HyperFormula is given for an entry: text behind `'` so that it is never read as a number. */
function rawContent(entry: Entry): RawCellContent {
  if (entry.kind === 'empty') return null;
  if (entry.kind === 'formula') return entry.formula;
  return typeof entry.value === 'string' ? `'${entry.value}` : entry.value;
}
