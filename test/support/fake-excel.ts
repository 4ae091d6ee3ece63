/**
 * A strict fake of the Excel JavaScript API: exactly the surface in src/workbook/excel-api.ts,
 * behaving like Office.js where it matters for the adapter's correctness:
 *  - commands queue and take effect only at context.sync(), which is counted;
 *  - reading a property that was not loaded (and synced) throws PropertyNotLoaded;
 *  - getItem on a missing sheet or table fails the sync with ItemNotFound;
 *  - 2-D writes must match the range's shape; null entries leave a cell as it is;
 *  - APIs of newer requirement sets throw unless the fake was told the host supports them;
 *  - loads queued before writes in one batch see the cells as they were before the writes;
 *  - a batch that ends with unsynced commands is an error (the adapter must sync itself);
 *  - worksheets' onChanged and onCalculated handlers (ExcelApi 1.9) are registered in one
 *    Excel.run and removed in another, and heard only while registered (`fire`).
 * It does not calculate: a formula cell's value is whatever the test says it calculated to.
 */
import { FakeCharts, type FakeChartRecord } from './fake-charts';
import type {
  OfficeHost,
  XlApplication,
  XlCellProperties,
  XlCellPropertiesLoad,
  XlConditionalFormat,
  XlConditionalFormats,
  XlContext,
  XlNamedItem,
  XlNamedItemCollection,
  XlNewTable,
  XlRange,
  XlRangeFormat,
  XlTable,
  XlTableCollection,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
} from '../../src/workbook/excel-api';
import { MAX_COLUMNS, MAX_ROWS, qualifiedA1, sameSheet } from '../../src/workbook/a1';
import type { Cell, Grid } from '../../src/model/types';
import type { RangeAddress } from '../../src/workbook/port';

export interface FakeCell {
  value: Cell;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean;
  italic: boolean;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  columnWidths: Map<number, number>;
}

export interface FakeRule {
  range: RangeAddress;
  fill: string;
  fontColor: string;
  rule: Excel.ConditionalCellValueRule;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OfficeExtension.Error';
  }
}

const key = (row: number, column: number): string => `${row},${column}`;
const blankCell = (): FakeCell => ({ value: null, formula: null, numberFormat: 'General', fill: null, fontColor: null, bold: false, italic: false });

export interface FakeExcelOptions {
  /** ExcelApi versions the host supports beyond 1.8 (e.g. ['1.9', '1.12']). */
  supports?: string[];
  bodyBackgroundColor?: string;
  /** Registering the worksheets' event handlers fails with this error code (as a locked-down host's can). */
  eventsFail?: string;
}

type FakeEventKind = 'edited' | 'calculated';

/** The workbook state, and the counters tests read. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: { name: string; range: RangeAddress; style: string }[] = [];
  readonly names = new Map<string, { name: string; formula: string; visible: boolean }>();
  readonly rules: FakeRule[] = [];
  readonly spills = new Map<string, RangeAddress>();
  /** Charts added through the API, in the order they were added. */
  readonly charts: FakeChartRecord[] = [];
  selection: RangeAddress | null = null;
  activeSheet: string | null = null;
  /** context.sync() calls since the last reset. */
  syncs = 0;
  /** Excel.run calls since the last reset. */
  runs = 0;
  /** Syncs that ran with calculation suspended, and with screen updating suspended. */
  calculationHeld: number[] = [];
  screenHeld: number[] = [];
  /** The worksheets' event handlers registered now, each with the batch it was added in. */
  readonly handlers: { kind: FakeEventKind; run: number; listener: (kind: FakeEventKind) => void }[] = [];
  private readonly supported: Set<string>;

  constructor(private readonly options: FakeExcelOptions = {}) {
    this.supported = new Set(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', ...(options.supports ?? [])]);
  }

  /** The OfficeHost the adapter is given. */
  host(): OfficeHost {
    return {
      run: async <T>(batch: (context: XlContext) => Promise<T>): Promise<T> => {
        this.runs++;
        const context = new FakeContext(this);
        const result = await batch(context);
        if (context.pending() > 0) throw new Error(`the batch ended with ${context.pending()} unsynced command(s)`);
        return result;
      },
      supports: (version) => this.supported.has(version),
      officeTheme: () => (this.options.bodyBackgroundColor ? { bodyBackgroundColor: this.options.bodyBackgroundColor } : null),
      watchWorksheets: async (listener) => {
        // As Office.js: one batch adds both handlers and syncs; another removes them.
        this.runs++;
        this.requireSet('1.9', 'worksheets.onChanged');
        if (this.options.eventsFail) throw new FakeOfficeError(this.options.eventsFail, 'the host refused the event handlers');
        const added = (['edited', 'calculated'] as const).map((kind) => ({ kind, run: this.runs, listener }));
        this.handlers.push(...added);
        this.syncs++;
        return async () => {
          this.runs++;
          for (const handler of added) {
            const at = this.handlers.indexOf(handler);
            if (at < 0) throw new FakeOfficeError('InvalidOperation', 'the handler was removed already');
            this.handlers.splice(at, 1);
          }
          this.syncs++;
        };
      },
    };
  }

  /** Excel raises a worksheets event: every handler registered for it hears it. */
  fire(kind: FakeEventKind): void {
    for (const handler of this.handlers.filter((h) => h.kind === kind)) handler.listener(kind);
  }

  supports(version: string): boolean {
    return this.supported.has(version);
  }

  resetCounters(): void {
    this.syncs = 0;
    this.runs = 0;
    this.calculationHeld = [];
    this.screenHeld = [];
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `sheet ${name} exists`);
    const sheet: FakeSheet = { name, cells: new Map(), columnWidths: new Map() };
    this.sheets.push(sheet);
    this.activeSheet ??= name;
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => sameSheet(s.name, name));
  }

  mustSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new FakeOfficeError('ItemNotFound', `no sheet ${name}`);
    return s;
  }

  /** Puts values (and formulas, for text starting with `=`) as a test's setup, without a sync. */
  put(sheet: string, row: number, column: number, grid: Grid): void {
    const s = this.sheet(sheet) ?? this.addSheet(sheet);
    grid.forEach((line, r) =>
      line.forEach((value, c) => {
        const cell = s.cells.get(key(row + r, column + c)) ?? blankCell();
        if (typeof value === 'string' && value.startsWith('=')) {
          cell.formula = value;
          cell.value = null;
        } else {
          cell.formula = null;
          cell.value = value;
        }
        s.cells.set(key(row + r, column + c), cell);
      }),
    );
  }

  /** Sets what a formula cell calculated to (the fake does not calculate). */
  calculated(sheet: string, row: number, column: number, value: Cell): void {
    const cell = this.mustSheet(sheet).cells.get(key(row, column));
    if (!cell) throw new Error(`no cell at ${sheet}!${row},${column}`);
    cell.value = value;
  }

  addTable(name: string, range: RangeAddress): void {
    this.tables.push({ name, range: { ...range }, style: 'TableStyleMedium2' });
  }

  cell(sheet: string, row: number, column: number): FakeCell | undefined {
    return this.sheet(sheet)?.cells.get(key(row, column));
  }

  /** Values of a range: formula cells read as their calculated value. */
  valuesOf(range: RangeAddress): Grid {
    const s = this.mustSheet(range.sheet);
    return rows(range, (r, c) => s.cells.get(key(r, c))?.value ?? null);
  }

  formulasOf(range: RangeAddress): Cell[][] {
    const s = this.mustSheet(range.sheet);
    return rows(range, (r, c) => {
      const cell = s.cells.get(key(r, c));
      return cell?.formula ?? cell?.value ?? '';
    });
  }

  /** The bounding box of cells holding a value or formula (`valuesOnly` false: or a format), within `within`. */
  usedRange(sheet: FakeSheet, within: RangeAddress | null, valuesOnly = true): RangeAddress | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of sheet.cells) {
      const formatted = cell.numberFormat !== 'General' || cell.fill !== null || cell.fontColor !== null || cell.bold || cell.italic;
      if (cell.formula === null && (cell.value === null || cell.value === '') && (valuesOnly || !formatted)) continue;
      const [r, c] = k.split(',').map(Number);
      if (within && (r < within.row || c < within.column || r >= within.row + within.rows || c >= within.column + within.columns)) continue;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? null : { sheet: sheet.name, row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  ensureCell(sheet: FakeSheet, row: number, column: number): FakeCell {
    let cell = sheet.cells.get(key(row, column));
    if (!cell) {
      cell = blankCell();
      sheet.cells.set(key(row, column), cell);
    }
    return cell;
  }

  requireSet(version: string, api: string): void {
    if (!this.supported.has(version)) throw new FakeOfficeError('ApiNotFound', `${api} needs ExcelApi ${version}`);
  }
}

function rows<T>(range: RangeAddress, f: (row: number, column: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < range.rows; r++) {
    const line: T[] = [];
    for (let c = 0; c < range.columns; c++) line.push(f(range.row + r, range.column + c));
    out.push(line);
  }
  return out;
}

type Action = () => void;

class FakeContext implements XlContext {
  readonly workbook: FakeWorkbook;
  private queue: Action[] = [];
  private holdCalculation = false;
  private holdScreen = false;

  constructor(readonly book: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  pending(): number {
    return this.queue.length;
  }

  holdCalc(): void {
    this.enqueue(() => (this.holdCalculation = true));
  }

  holdScreenUpdating(): void {
    this.enqueue(() => (this.holdScreen = true));
  }

  async sync(): Promise<unknown> {
    this.book.syncs++;
    const actions = this.queue;
    this.queue = [];
    try {
      for (const action of actions) action();
    } finally {
      if (this.holdCalculation) this.book.calculationHeld.push(this.book.syncs);
      if (this.holdScreen) this.book.screenHeld.push(this.book.syncs);
      this.holdCalculation = false;
      this.holdScreen = false;
    }
    return undefined;
  }
}

/** A proxy's loaded properties: reading one not loaded at a sync throws, as Office.js does. */
class Loaded {
  private readonly values = new Map<string, unknown>();

  constructor(private readonly what: string) {}

  set(name: string, value: unknown): void {
    this.values.set(name, value);
  }

  get<T>(name: string): T {
    if (!this.values.has(name)) {
      throw new FakeOfficeError('PropertyNotLoaded', `${this.what}.${name} was not loaded and synced before it was read`);
    }
    return this.values.get(name) as T;
  }
}

function propertyList(names: string, allowed: readonly string[], what: string): string[] {
  const list = names.split(',').map((n) => n.trim()).filter(Boolean);
  for (const n of list) if (!allowed.includes(n)) throw new Error(`the fake does not model ${what}.load('${n}')`);
  return list;
}

class FakeWorkbook implements XlWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly names: FakeNames;
  readonly application: XlApplication;

  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.tables = new FakeTables(ctx);
    this.names = new FakeNames(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () => ctx.holdCalc(),
      suspendScreenUpdatingUntilNextSync: () => {
        ctx.book.requireSet('1.9', 'suspendScreenUpdatingUntilNextSync');
        ctx.holdScreenUpdating();
      },
    };
  }

  getSelectedRange(): XlRange {
    const book = this.ctx.book;
    return new FakeRange(this.ctx, () => {
      if (!book.selection) throw new FakeOfficeError('InvalidSelection', 'the selection is not a range');
      return book.selection;
    }, false);
  }
}

class FakeWorksheets implements XlWorksheetCollection {
  private readonly loaded = new Loaded('WorksheetCollection');

  constructor(private readonly ctx: FakeContext) {}

  get items(): XlWorksheet[] {
    return this.loaded.get('items');
  }

  load(names: string): XlWorksheetCollection {
    propertyList(names, ['items/name'], 'WorksheetCollection');
    this.ctx.enqueue(() =>
      this.loaded.set(
        'items',
        this.ctx.book.sheets.map((s) => {
          const ws = new FakeWorksheet(this.ctx, s.name);
          ws.loadedNow();
          return ws;
        }),
      ),
    );
    return this;
  }

  getItem(name: string): XlWorksheet {
    return new FakeWorksheet(this.ctx, name);
  }

  add(name?: string): XlWorksheet {
    if (!name) throw new Error('the adapter always names the sheets it adds');
    this.ctx.enqueue(() => this.ctx.book.addSheet(name));
    return new FakeWorksheet(this.ctx, name);
  }
}

class FakeWorksheet implements XlWorksheet {
  private readonly loaded = new Loaded('Worksheet');

  get charts(): FakeCharts {
    return new FakeCharts(this.ctx, () => this.ctx.book.mustSheet(this.sheetName).name);
  }

  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: string,
  ) {}

  loadedNow(): void {
    this.loaded.set('name', this.ctx.book.mustSheet(this.sheetName).name);
  }

  get name(): string {
    return this.loaded.get('name');
  }

  load(names: string): XlWorksheet {
    propertyList(names, ['name'], 'Worksheet');
    this.ctx.enqueue(() => this.loadedNow());
    return this;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.ctx.book.mustSheet(this.sheetName);
      if (
        startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 ||
        startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLUMNS
      ) {
        throw new FakeOfficeError('InvalidArgument', `range ${startRow},${startColumn} ${rowCount}×${columnCount} is outside the sheet`);
      }
      return { sheet: sheet.name, row: startRow, column: startColumn, rows: rowCount, columns: columnCount };
    }, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange {
    return new FakeRange(this.ctx, () => this.ctx.book.usedRange(this.ctx.book.mustSheet(this.sheetName), null, valuesOnly === true), true);
  }

  activate(): void {
    this.ctx.enqueue(() => (this.ctx.book.activeSheet = this.ctx.book.mustSheet(this.sheetName).name));
  }

  delete(): void {
    this.ctx.enqueue(() => {
      const book = this.ctx.book;
      const sheet = book.mustSheet(this.sheetName);
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      if (book.activeSheet !== null && sameSheet(book.activeSheet, sheet.name)) book.activeSheet = book.sheets[0]?.name ?? null;
      if (book.selection && sameSheet(book.selection.sheet, sheet.name)) book.selection = null;
    });
  }
}

const RANGE_PROPERTIES = ['address', 'values', 'formulas', 'numberFormat'] as const;

class FakeRange implements XlRange {
  private readonly loaded = new Loaded('Range');
  readonly format: XlRangeFormat;
  readonly conditionalFormats: XlConditionalFormats;

  /**
   * `resolve` finds the cells at sync time (a table's range or a used range depends on the
   * state then); it returns null for a null object and throws for a missing item.
   */
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => RangeAddress | null,
    private readonly orNull: boolean,
  ) {
    if (orNull) ctx.enqueue(() => this.loaded.set('isNullObject', this.resolve() === null));
    const onCells = (f: (cell: FakeCell) => void) => this.ctx.enqueue(() => this.eachCell(f));
    const fill = { set color(v: string) { onCells((c) => (c.fill = v)); }, get color(): string { throw notLoaded('fill.color'); } };
    const font = {
      set color(v: string) { onCells((c) => (c.fontColor = v)); },
      get color(): string { throw notLoaded('font.color'); },
      set bold(v: boolean) { onCells((c) => (c.bold = v)); },
      get bold(): boolean { throw notLoaded('font.bold'); },
      set italic(v: boolean) { onCells((c) => (c.italic = v)); },
      get italic(): boolean { throw notLoaded('font.italic'); },
    };
    const must = (): RangeAddress => this.must();
    this.format = {
      fill,
      font,
      set columnWidth(width: number) {
        ctx.enqueue(() => {
          const r = must();
          const sheet = ctx.book.mustSheet(r.sheet);
          for (let c = r.column; c < r.column + r.columns; c++) sheet.columnWidths.set(c, width);
        });
      },
      get columnWidth(): number {
        throw notLoaded('format.columnWidth');
      },
    };
    this.conditionalFormats = {
      add: (type: 'CellValue'): XlConditionalFormat => {
        ctx.book.requireSet('1.6', 'conditionalFormats');
        if (type !== 'CellValue') throw new Error(`the fake models CellValue rules only, not ${type}`);
        const cf: FakeRule = { range: { sheet: '', row: 0, column: 0, rows: 0, columns: 0 }, fill: '', fontColor: '', rule: { formula1: '', operator: 'EqualTo' } };
        const proxy: XlConditionalFormat = {
          cellValue: {
            format: {
              fill: { set color(v: string) { cf.fill = v; }, get color() { return cf.fill; } },
              font: { set color(v: string) { cf.fontColor = v; }, get color() { return cf.fontColor; } },
            },
            set rule(v: Excel.ConditionalCellValueRule) { cf.rule = v; },
            get rule() { return cf.rule; },
          },
        };
        ctx.enqueue(() => {
          cf.range = this.must();
          ctx.book.rules.push(cf);
        });
        return proxy;
      },
      clearAll: () => {
        ctx.enqueue(() => {
          const r = this.must();
          for (let i = ctx.book.rules.length - 1; i >= 0; i--) {
            if (overlaps(ctx.book.rules[i].range, r)) ctx.book.rules.splice(i, 1);
          }
        });
      },
    };
  }

  get isNullObject(): boolean {
    if (!this.orNull) return false;
    return this.loaded.get('isNullObject');
  }

  get address(): string {
    return this.loaded.get('address');
  }

  get values(): unknown[][] {
    return this.loaded.get('values');
  }

  set values(grid: unknown[][]) {
    this.write(grid, false);
  }

  get formulas(): unknown[][] {
    return this.loaded.get('formulas');
  }

  set formulas(grid: unknown[][]) {
    this.write(grid, true);
  }

  get numberFormat(): unknown[][] {
    return this.loaded.get('numberFormat');
  }

  set numberFormat(grid: unknown[][]) {
    this.ctx.enqueue(() => {
      const r = this.must();
      checkShape(grid, r, 'numberFormat');
      const sheet = this.ctx.book.mustSheet(r.sheet);
      grid.forEach((line, i) =>
        line.forEach((f, j) => {
          if (f === null) return;
          this.ctx.book.ensureCell(sheet, r.row + i, r.column + j).numberFormat = String(f);
        }),
      );
    });
  }

  load(names: string): XlRange {
    const list = propertyList(names, RANGE_PROPERTIES, 'Range');
    this.ctx.enqueue(() => {
      const r = this.resolve();
      if (r === null) {
        if (!this.orNull) throw new FakeOfficeError('ItemNotFound', 'range not found');
        return;
      }
      const book = this.ctx.book;
      const sheet = book.mustSheet(r.sheet);
      for (const name of list) {
        if (name === 'address') this.loaded.set('address', qualifiedA1(r));
        if (name === 'values') this.loaded.set('values', book.valuesOf(r));
        if (name === 'formulas') this.loaded.set('formulas', book.formulasOf(r));
        if (name === 'numberFormat') {
          this.loaded.set('numberFormat', rows(r, (row, c) => sheet.cells.get(key(row, c))?.numberFormat ?? 'General'));
        }
      }
    });
    return this;
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.ctx.enqueue(() => {
      const r = this.must();
      const sheet = this.ctx.book.mustSheet(r.sheet);
      for (const [k, cell] of [...sheet.cells]) {
        const [row, column] = k.split(',').map(Number);
        if (row < r.row || column < r.column || row >= r.row + r.rows || column >= r.column + r.columns) continue;
        if (applyTo === 'All') sheet.cells.delete(k);
        else if (applyTo === 'Contents') Object.assign(cell, { value: null, formula: null });
        else Object.assign(cell, { numberFormat: 'General', fill: null, fontColor: null, bold: false, italic: false });
      }
    });
  }

  select(): void {
    this.ctx.enqueue(() => {
      const r = this.must();
      this.ctx.book.selection = r;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange {
    return new FakeRange(this.ctx, () => {
      const r = this.must();
      return this.ctx.book.usedRange(this.ctx.book.mustSheet(r.sheet), r, valuesOnly === true);
    }, true);
  }

  getCellProperties(load: XlCellPropertiesLoad): { readonly value: XlCellProperties[][] } {
    this.ctx.book.requireSet('1.9', 'getCellProperties');
    const asked = JSON.stringify(load);
    if (asked !== JSON.stringify({ format: { fill: { color: true, pattern: true }, font: { color: true, bold: true, italic: true } } })) {
      throw new Error(`the fake models getCellProperties of fill and font only, not ${asked}`);
    }
    const loaded = new Loaded('ClientResult');
    this.ctx.enqueue(() => {
      const r = this.must();
      const sheet = this.ctx.book.mustSheet(r.sheet);
      loaded.set(
        'value',
        rows(r, (row, c) => {
          const cell = sheet.cells.get(key(row, c)) ?? blankCell();
          // As Excel reports them: no fill is a white None pattern, automatic font colour is black.
          return {
            format: {
              fill: { color: cell.fill ?? '#FFFFFF', pattern: cell.fill === null ? 'None' : 'Solid' },
              font: { color: cell.fontColor ?? '#000000', bold: cell.bold, italic: cell.italic },
            },
          };
        }),
      );
    });
    return { get value(): XlCellProperties[][] { return loaded.get('value'); } };
  }

  getSpillingToRangeOrNullObject(): XlRange {
    this.ctx.book.requireSet('1.12', 'getSpillingToRangeOrNullObject');
    return new FakeRange(this.ctx, () => {
      const r = this.must();
      return this.ctx.book.spills.get(`${r.sheet.toLowerCase()}!${key(r.row, r.column)}`) ?? null;
    }, true);
  }

  /** The resolved range; a null object here is a misuse (Office.js fails on it too). */
  must(): RangeAddress {
    const r = this.resolve();
    if (r === null) throw new FakeOfficeError('InvalidOperation', 'the range is a null object');
    return r;
  }

  private eachCell(f: (cell: FakeCell) => void): void {
    const r = this.must();
    const sheet = this.ctx.book.mustSheet(r.sheet);
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.columns; j++) f(this.ctx.book.ensureCell(sheet, r.row + i, r.column + j));
  }

  private write(grid: unknown[][], asFormulas: boolean): void {
    this.ctx.enqueue(() => {
      const r = this.must();
      checkShape(grid, r, asFormulas ? 'formulas' : 'values');
      const sheet = this.ctx.book.mustSheet(r.sheet);
      grid.forEach((line, i) =>
        line.forEach((v, j) => {
          if (v === null) return;
          const cell = this.ctx.book.ensureCell(sheet, r.row + i, r.column + j);
          typeInto(cell, v);
        }),
      );
    });
  }
}

/** A value written through the API, as Excel stores it. */
function typeInto(cell: FakeCell, v: unknown): void {
  if (typeof v === 'string' && v.startsWith('=') && cell.numberFormat !== '@') {
    cell.formula = v;
    cell.value = null;
    return;
  }
  cell.formula = null;
  if (typeof v === 'string' && cell.numberFormat !== '@') {
    const m = /^\s*(-)?(\$)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%)?\s*$/.exec(v);
    if (m) {
      const n = Number(m[3].replace(/,/g, '') + (m[4] ?? '')) * (m[1] ? -1 : 1);
      cell.value = m[5] ? n / 100 : n;
      if (cell.numberFormat === 'General' && (m[5] || m[2])) cell.numberFormat = m[5] ? '0.0%' : '$#,##0.00';
      return;
    }
  }
  cell.value = v === '' ? null : (v as Cell);
}

function checkShape(grid: unknown[][], r: RangeAddress, what: string): void {
  if (!Array.isArray(grid) || grid.length !== r.rows || grid.some((line) => !Array.isArray(line) || line.length !== r.columns)) {
    throw new FakeOfficeError('InvalidArgument', `${what} must be ${r.rows}×${r.columns} for ${qualifiedA1(r)}`);
  }
}

function overlaps(a: RangeAddress, b: RangeAddress): boolean {
  return (
    sameSheet(a.sheet, b.sheet) &&
    a.row < b.row + b.rows && b.row < a.row + a.rows &&
    a.column < b.column + b.columns && b.column < a.column + a.columns
  );
}

function notLoaded(what: string): FakeOfficeError {
  return new FakeOfficeError('PropertyNotLoaded', `${what} was not loaded`);
}

class FakeTables implements XlTableCollection {
  private readonly loaded = new Loaded('TableCollection');

  constructor(private readonly ctx: FakeContext) {}

  get items(): XlTable[] {
    return this.loaded.get('items');
  }

  load(names: string): XlTableCollection {
    propertyList(names, ['items/name'], 'TableCollection');
    this.ctx.enqueue(() =>
      this.loaded.set(
        'items',
        this.ctx.book.tables.map((t) => {
          const table = new FakeTable(this.ctx, t.name);
          table.loadedNow();
          return table;
        }),
      ),
    );
    return this;
  }

  getItem(name: string): XlTable {
    return new FakeTable(this.ctx, name);
  }

  add(address: XlRange | string, hasHeaders: boolean): XlNewTable {
    if (!hasHeaders) throw new Error('the adapter always writes the header row');
    if (typeof address === 'string') throw new Error('the fake models tables.add with a Range');
    const ctx = this.ctx;
    const book = ctx.book;
    const entry = { name: '', range: { sheet: '', row: 0, column: 0, rows: 0, columns: 0 }, style: 'TableStyleLight1' };
    ctx.enqueue(() => {
      entry.range = (address as FakeRange).must();
      if (book.tables.some((t) => overlaps(t.range, entry.range))) {
        throw new FakeOfficeError('InvalidOperation', 'a table cannot overlap another table');
      }
      entry.name = `Table${book.tables.length + 1}`;
      book.tables.push(entry);
    });
    return {
      set name(v: string) {
        ctx.enqueue(() => {
          if (book.tables.some((t) => t !== entry && t.name.toLowerCase() === v.toLowerCase())) {
            throw new FakeOfficeError('InvalidArgument', `a table named ${v} exists`);
          }
          entry.name = v;
        });
      },
      get name(): string {
        throw notLoaded('Table.name');
      },
      set style(v: string) {
        ctx.enqueue(() => (entry.style = v));
      },
      get style(): string {
        throw notLoaded('Table.style');
      },
    };
  }
}

class FakeTable implements XlTable {
  private readonly loaded = new Loaded('Table');

  constructor(
    private readonly ctx: FakeContext,
    private readonly tableName: string,
  ) {}

  loadedNow(): void {
    this.loaded.set('name', this.find().name);
  }

  get name(): string {
    return this.loaded.get('name');
  }

  load(names: string): XlTable {
    propertyList(names, ['name'], 'Table');
    this.ctx.enqueue(() => this.loadedNow());
    return this;
  }

  getRange(): XlRange {
    return new FakeRange(this.ctx, () => ({ ...this.find().range }), false);
  }

  getHeaderRowRange(): XlRange {
    return new FakeRange(this.ctx, () => ({ ...this.find().range, rows: 1 }), false);
  }

  private find(): { name: string; range: RangeAddress } {
    const t = this.ctx.book.tables.find((x) => x.name.toLowerCase() === this.tableName.toLowerCase());
    if (!t) throw new FakeOfficeError('ItemNotFound', `no table ${this.tableName}`);
    return t;
  }
}

class FakeNames implements XlNamedItemCollection {
  constructor(private readonly ctx: FakeContext) {}

  getItemOrNullObject(name: string): XlNamedItem {
    const book = this.ctx.book;
    const loaded = new Loaded('NamedItem');
    const ctx = this.ctx;
    ctx.enqueue(() => loaded.set('isNullObject', !book.names.has(name.toLowerCase())));
    const item: XlNamedItem = {
      get isNullObject(): boolean {
        return loaded.get('isNullObject');
      },
      get formula(): unknown {
        return loaded.get('formula');
      },
      get visible(): boolean {
        throw notLoaded('NamedItem.visible');
      },
      set visible(_: boolean) {
        throw new Error('the fake models setting visible only on the item names.add returns');
      },
      load(names: string): XlNamedItem {
        propertyList(names, ['formula'], 'NamedItem');
        ctx.enqueue(() => {
          const n = book.names.get(name.toLowerCase());
          if (n) loaded.set('formula', n.formula);
        });
        return item;
      },
      delete(): void {
        ctx.enqueue(() => {
          if (!book.names.delete(name.toLowerCase())) throw new FakeOfficeError('InvalidOperation', `delete() on the null object for ${name}`);
        });
      },
    };
    return item;
  }

  getItem(name: string): XlNamedItem {
    const book = this.ctx.book;
    const ctx = this.ctx;
    const fail = (): never => {
      throw new Error('the fake models getItem(name).delete() only');
    };
    return {
      get isNullObject(): boolean { return false; },
      get formula(): unknown { return fail(); },
      get visible(): boolean { return fail(); },
      set visible(_: boolean) { fail(); },
      load: fail,
      delete(): void {
        ctx.enqueue(() => {
          if (!book.names.delete(name.toLowerCase())) throw new FakeOfficeError('ItemNotFound', `no name ${name}`);
        });
      },
    };
  }

  add(name: string, reference: XlRange | string): XlNamedItem {
    const book = this.ctx.book;
    const ctx = this.ctx;
    if (typeof reference === 'string' && !reference.startsWith('=')) throw new Error('the fake models names.add with a Range or a formula');
    const entry = { name, formula: '', visible: true };
    ctx.enqueue(() => {
      if (book.names.has(name.toLowerCase())) throw new FakeOfficeError('InvalidArgument', `the name ${name} already exists`);
      // Excel's formula limit applies to a name's formula too.
      if (typeof reference === 'string' && reference.length > 8192) throw new FakeOfficeError('InvalidArgument', `the formula of ${name} is longer than 8,192 characters`);
      entry.formula = typeof reference === 'string' ? reference : `=${qualifiedA1((reference as FakeRange).must(), true)}`;
      book.names.set(name.toLowerCase(), entry);
    });
    const fail = (): never => {
      throw new Error('the fake models setting visible only on the item names.add returns');
    };
    return {
      get isNullObject(): boolean { return fail(); },
      get formula(): unknown { return fail(); },
      get visible(): boolean { return fail(); },
      set visible(v: boolean) { ctx.enqueue(() => (entry.visible = v)); },
      load: fail,
      delete: fail,
    };
  }
}

