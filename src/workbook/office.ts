/**
 * The workbook port on Office.js: the only code in the add-in that calls Excel.run. Every call
 * queues all its loads, syncs once (the survey twice: it must learn the sheets before it can
 * ask for their contents; a guarded write twice: it reads its area again before it writes), and
 * never syncs inside a loop; writes hold calculation and screen updating until their one sync.
 */
import type { Cell, Grid, TableName } from '../model/types';
import { MAX_ROWS, parseA1, sameSheet } from './a1';
import { cutAtBlankRow } from './plain-range';
import { REQUIRED_EXCEL_API } from './excel-api';
import type { OfficeHost, XlCellProperties, XlChart, XlContext, XlRange, XlWorkbook } from './excel-api';
import { plainLook } from './look';
import { nameText, textFormula } from './name-text';
import { excelTableRef, renderFormula } from './formula';
import type {
  AreaContents,
  CellAddress,
  CellStyle,
  FormulaSpec,
  GridRead,
  HostTheme,
  InputSources,
  InputsRead,
  RangeAddress,
  StopWatching,
  TableSource,
  WorkbookChange,
  WorkbookPort,
  WorkbookSurvey,
  WriteCell,
  WriteGuard,
  WriteOp,
} from './port';
import { WorkbookError, recordName } from './port';

/**
 * ExcelApi 1.9: suspendScreenUpdatingUntilNextSync, and getCellProperties (every cell's look in
 * one load). The manifest asks for it, and the adapter still checks: where it is missing (a
 * manifest copied without its requirements) a block is written, but only number formats show
 * a person's formats.
 */
const LOOKS_SET = REQUIRED_EXCEL_API;
/** ExcelApi 1.12: getSpillingToRangeOrNullObject. */
const SPILL_SET = '1.12';
/** ExcelApi 1.7: a chart series' values, categories and type. */
const CHART_SET = '1.7';
/** ExcelApi 1.9: worksheets.onChanged and worksheets.onCalculated (the collection's events). */
const EVENTS_SET = '1.9';
const TABLE_STYLE = 'TableStyleMedium2';

/**
 * The real host: Excel.run, the requirement-set check and Office's theme. Call after
 * Office.onReady.
 *
 * @example
 *   await Office.onReady();
 *   const port = new OfficeWorkbook(officeHost());
 */
export function officeHost(): OfficeHost {
  return {
    run: <T>(batch: (context: XlContext) => Promise<T>) => Excel.run((context) => batch(context)),
    supports: (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
    officeTheme: () => Office.context.officeTheme ?? null,
    watchWorksheets: async (listener) => {
      const handlers = await Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const added = [
          sheets.onChanged.add(async () => listener('edited')),
          sheets.onCalculated.add(async () => listener('calculated')),
        ];
        await context.sync();
        return added;
      });
      // A handler is removed in the context it was added in.
      return () =>
        Excel.run(handlers[0].context, async (context) => {
          for (const handler of handlers) handler.remove();
          await context.sync();
        });
    },
  };
}

/**
 * @example
 *   const port: WorkbookPort = new OfficeWorkbook(officeHost());
 *   const read = await port.read({ Metrics: { kind: 'table', name: 'Metrics', sheet: 'Metrics' } }, 'PilotGate_Output');
 */
export class OfficeWorkbook implements WorkbookPort {
  constructor(private readonly host: OfficeHost) {}

  async survey(options: { values?: boolean } = {}): Promise<WorkbookSurvey> {
    try {
      return await this.surveyOnce(options.values ?? true, true);
    } catch (error) {
      // A chart or shape is selected: survey again without the selection.
      if (errorCode(error) !== 'InvalidSelection') throw error;
      return this.surveyOnce(options.values ?? true, false);
    }
  }

  private surveyOnce(withValues: boolean, withSelection: boolean): Promise<WorkbookSurvey> {
    return this.host.run(async (context) => {
      const wb = context.workbook;
      const sheets = wb.worksheets.load('items/name');
      const tables = wb.tables.load('items/name');
      const selection = withSelection ? wb.getSelectedRange().load('address') : null;
      await context.sync();

      const tableRanges = tables.items.map((t) => ({
        name: t.name,
        range: t.getRange().load('address'),
        header: t.getHeaderRowRange().load('values'),
      }));
      const used = sheets.items.map((s) => ({
        name: s.name,
        range: s.getUsedRangeOrNullObject(true).load(withValues ? 'address,values' : 'address'),
      }));
      await context.sync();

      return {
        sheets: used.map((u) => ({
          name: u.name,
          used: u.range.isNullObject ? null : parseA1(u.range.address),
          values: u.range.isNullObject || !withValues ? [] : cells(u.range.values),
        })),
        tables: tableRanges.map((t) => ({ name: t.name, range: parseA1(t.range.address), header: cells(t.header.values)[0] ?? [] })),
        selection: selection ? parseA1(selection.address) : null,
      };
    });
  }

  async read(sources: InputSources, blockName: string): Promise<InputsRead> {
    try {
      return await this.host.run(async (context) => {
        const wb = context.workbook;
        const sheets = wb.worksheets.load('items/name');
        const name = wb.names.getItemOrNullObject(blockName).load('formula');
        const record = wb.names.getItemOrNullObject(recordName(blockName)).load('formula');
        const pending = (Object.entries(sources) as [TableName, TableSource | undefined][])
          .filter((entry): entry is [TableName, TableSource] => entry[1] !== undefined)
          .map(([role, source]) => ({ role, source, range: sourceRange(wb, source).load('address,values,numberFormat') }));
        await context.sync();

        const grids: InputsRead['grids'] = {};
        for (const p of pending) grids[p.role] = gridRead(p.source, p.range);
        const sheetNames = sheets.items.map((s) => s.name);
        return {
          grids,
          block: name.isNullObject ? null : blockAddress(name.formula, sheetNames),
          blockNameDefined: !name.isNullObject,
          record: record.isNullObject ? null : nameText(record.formula),
          sheets: sheetNames,
        };
      });
    } catch (error) {
      if (errorCode(error) === 'ItemNotFound') {
        const names = Object.values(sources).map((s) => (s.kind === 'table' ? `table "${s.name}"` : `sheet "${s.header.sheet}"`));
        throw new WorkbookError(
          `One of the input tables is not in the workbook any more (${names.join(', ')}): run Find tables again.`,
        );
      }
      throw error;
    }
  }

  inspect(area: RangeAddress, anchors: CellAddress[]): Promise<AreaContents> {
    return this.host.run(async (context) => {
      const contents = this.queueInspect(context.workbook, area, anchors);
      await context.sync();
      return contents();
    });
  }

  /** Queues every load `inspect` needs; the function returned reads them after the sync. */
  private queueInspect(wb: XlWorkbook, area: RangeAddress, anchors: CellAddress[]): () => AreaContents {
    const spillsKnown = this.host.supports(SPILL_SET);
    const looksKnown = this.host.supports(LOOKS_SET);
    const sheet = wb.worksheets.getItem(area.sheet);
    const rows = Math.min(area.rows, MAX_ROWS - area.row);
    const whole = sheet.getRangeByIndexes(area.row, area.column, rows, area.columns);
    const used = whole.getUsedRangeOrNullObject(true).load('address,values,formulas,numberFormat');
    const spills = spillsKnown
      ? anchors.map((a) => sheet.getRangeByIndexes(a.row, a.column, 1, 1).getSpillingToRangeOrNullObject().load('address'))
      : null;
    const numberFormats = whole.load('numberFormat');
    const properties = looksKnown ? whole.getCellProperties(LOOK_PROPERTIES) : null;
    const sheetUsed = sheet.getUsedRangeOrNullObject(false).load('address');
    return () => {
      const looks = formats(numberFormats.numberFormat).map((line, r) =>
        line.map((numberFormat, c) => lookOf(numberFormat, properties?.value[r]?.[c])),
      );
      return {
        used: used.isNullObject ? null : parseA1(used.address),
        values: used.isNullObject ? [] : cells(used.values),
        formulas: used.isNullObject ? [] : cells(used.formulas),
        numberFormats: used.isNullObject ? [] : formats(used.numberFormat),
        spills: spills ? spills.map((s) => (s.isNullObject ? null : parseA1(s.address))) : null,
        looks,
        sheetUsed: sheetUsed.isNullObject ? null : parseA1(sheetUsed.address),
      };
    };
  }

  write(ops: WriteOp[], guard?: WriteGuard): Promise<boolean> {
    const screen = this.host.supports(LOOKS_SET);
    const charts = this.host.supports(CHART_SET);
    return this.host.run(async (context) => {
      const wb = context.workbook;
      // A chart is replaced by name; the sheets' charts are listed first (sheets added by this write have none).
      const added = new Set(ops.flatMap((op) => (op.op === 'addSheet' ? [op.sheet.toLowerCase()] : [])));
      const chartSheets = [...new Set(ops.flatMap((op) => (op.op === 'chart' && !added.has(op.sheet.toLowerCase()) ? [op.sheet] : [])))];
      const listed = charts ? chartSheets.map((sheet) => ({ sheet, charts: wb.worksheets.getItem(sheet).charts.load('items/name') })) : [];
      // The guard's areas are read again in the same sync: what the guard is shown is what the write replaces.
      const contents = guard ? guard.areas.map((q) => this.queueInspect(wb, q.area, q.anchors)) : [];
      if (listed.length > 0 || guard) await context.sync();
      if (guard && !guard.allows(contents.map((read) => read()))) return false;
      const existing = (sheet: string, name: string): XlChart | undefined =>
        listed.find((l) => sameSheet(l.sheet, sheet))?.charts.items.find((c) => c.name === name);

      wb.application.suspendApiCalculationUntilNextSync();
      if (screen) wb.application.suspendScreenUpdatingUntilNextSync();
      for (const op of ops) {
        // Without ExcelApi 1.7 the block is written without its charts.
        if (op.op === 'chart') {
          if (charts) queueChart(wb, op, existing(op.sheet, op.name));
        } else queue(wb, op);
      }
      await context.sync();
      return true;
    });
  }

  formulaText(spec: FormulaSpec, sheet: string): string {
    return renderFormula(spec, excelTableRef, sheet);
  }

  select(range: RangeAddress): Promise<void> {
    return this.host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(range.sheet);
      sheet.activate();
      sheet.getRangeByIndexes(range.row, range.column, range.rows, range.columns).select();
      await context.sync();
    });
  }

  /**
   * Listens to every worksheet's edits and recalculations where Excel has the events (ExcelApi
   * 1.9); the registration is a round trip, so it completes after this returns, and a stop that
   * comes first removes the handlers as soon as they exist.
   */
  watch(listener: (change: WorkbookChange) => void): { watching: boolean; stop: StopWatching } {
    const watchWorksheets = this.host.watchWorksheets;
    if (!watchWorksheets || !this.host.supports(EVENTS_SET)) return { watching: false, stop: () => undefined };
    let stopped = false;
    const removal = watchWorksheets((kind) => {
      if (!stopped) listener({ kind });
    });
    // The listener hears of a failed registration: the pane then says its card is as of the last Evaluate.
    removal.catch((error: unknown) => {
      if (!stopped) listener({ kind: 'stopped', why: error instanceof Error ? error.message : String(error) });
      stopped = true;
    });
    return {
      watching: true,
      stop: () => {
        if (stopped) return;
        stopped = true;
        void removal.then((remove) => remove(), () => undefined);
      },
    };
  }

  theme(): HostTheme | null {
    const background = this.host.officeTheme()?.bodyBackgroundColor;
    const lightness = background ? luminance(background) : null;
    return lightness === null ? null : { dark: lightness < 0.5 };
  }
}

/**
 * Replaces the chart of that name (or adds it): a clustered column chart whose series are set one
 * by one, a line series drawn as a line.
 *
 * The chart's text alternative (`spec.description`) is not set here: no released requirement set
 * gives Excel.Chart an alt text (ExcelApi 1.1–1.17 have none; altTextTitle and altTextDescription
 * exist on Excel.Shape from ExcelApi 1.9 and on PivotLayout from 1.13, and a chart is not among a
 * sheet's shapes). Its title says what it draws, and the task pane shows the same description
 * beside its own charts.
 */
function queueChart(wb: XlWorkbook, op: Extract<WriteOp, { op: 'chart' }>, existing: XlChart | undefined): void {
  existing?.delete();
  if (op.chart === null || op.chart.series.length === 0) return;
  const spec = op.chart;
  const sheet = wb.worksheets.getItem(op.sheet);
  const at = (r: RangeAddress): XlRange => sheet.getRangeByIndexes(r.row, r.column, r.rows, r.columns);
  const chart = sheet.charts.add('ColumnClustered', at(spec.series[0].values), 'Auto');
  chart.name = op.name;
  chart.title.text = spec.title;
  const p = spec.place;
  chart.setPosition(at({ ...p, rows: 1, columns: 1 }), at({ ...p, row: p.row + p.rows - 1, column: p.column + p.columns - 1, rows: 1, columns: 1 }));
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setValues(at(s.values));
    series.setXAxisValues(at(spec.categories));
    if (s.kind === 'line') series.chartType = 'Line';
  });
}

/** Queues one write operation; nothing here syncs. */
function queue(wb: XlWorkbook, op: WriteOp): void {
  const at = (r: RangeAddress): XlRange =>
    wb.worksheets.getItem(r.sheet).getRangeByIndexes(r.row, r.column, r.rows, r.columns);
  switch (op.op) {
    case 'addSheet':
      wb.worksheets.add(op.sheet);
      return;
    case 'clear': {
      const range = at(op.range);
      range.clear(op.what === 'all' ? 'All' : op.what === 'formats' ? 'Formats' : 'Contents');
      if (op.what !== 'contents') range.conditionalFormats.clearAll();
      return;
    }
    case 'cells': {
      const columns = Math.max(0, ...op.cells.map((line) => line.length));
      if (op.cells.length === 0 || columns === 0) return;
      const range = at({ ...op.at, rows: op.cells.length, columns });
      if (op.numberFormats) range.numberFormat = pad(op.numberFormats, columns, 'General');
      // null leaves a cell as it is (Office.js skips nulls in a 2-D write).
      range.formulas = pad(op.cells, columns, null).map((line) => line.map((cell) => excelCell(cell, op.at.sheet)));
      return;
    }
    case 'style': {
      const range = at(op.range);
      const s = op.style;
      if (s.numberFormat !== undefined) {
        range.numberFormat = Array.from({ length: op.range.rows }, () => Array<string>(op.range.columns).fill(s.numberFormat!));
      }
      if (s.bold !== undefined) range.format.font.bold = s.bold;
      if (s.italic !== undefined) range.format.font.italic = s.italic;
      if (s.fill !== undefined) range.format.fill.color = s.fill;
      if (s.fontColor !== undefined) range.format.font.color = s.fontColor;
      return;
    }
    case 'colourRules': {
      const range = at(op.range);
      range.conditionalFormats.clearAll();
      for (const rule of op.rules) {
        const cf = range.conditionalFormats.add('CellValue');
        cf.cellValue.format.fill.color = rule.fill;
        cf.cellValue.format.font.color = rule.fontColor;
        cf.cellValue.rule = { formula1: `="${rule.equals.replace(/"/g, '""')}"`, operator: 'EqualTo' };
      }
      return;
    }
    case 'columnWidth':
      wb.worksheets.getItem(op.sheet).getRangeByIndexes(0, op.column, 1, 1).format.columnWidth = op.width;
      return;
    case 'table': {
      const table = wb.tables.add(at(op.range), true);
      table.name = op.name;
      table.style = TABLE_STYLE;
      return;
    }
    case 'name':
      if (op.defined) wb.names.getItemOrNullObject(op.name).delete();
      wb.names.add(op.name, at(op.range));
      return;
    case 'show': {
      wb.worksheets.getItem(op.range.sheet).activate();
      at(op.range).select();
      return;
    }
    case 'chart':
      // Charts need the sheet's charts listed first: write() queues them with queueChart.
      return;
    case 'removeSheet':
      wb.worksheets.getItem(op.sheet).delete();
      return;
    case 'record': {
      // The use case knows whether the name exists (read reported it): delete() on a missing name fails the batch.
      if (op.defined) wb.names.getItem(op.name).delete();
      if (op.text === null) return;
      const name = wb.names.add(op.name, textFormula(op.text), 'Pilot Gate: the cells its output block wrote.');
      name.visible = false;
      return;
    }
    case 'removeName':
      wb.names.getItem(op.name).delete();
      return;
  }
}

/** The cell properties inspect loads: the parts of a look the port reports. */
const LOOK_PROPERTIES = { format: { fill: { color: true, pattern: true }, font: { color: true, bold: true, italic: true } } } as const;

/** A cell's look from its number format and, where ExcelApi 1.9 gave them, its properties. */
function lookOf(numberFormat: string, properties: XlCellProperties | undefined): CellStyle {
  const fill = properties?.format?.fill;
  const font = properties?.format?.font;
  return plainLook({
    numberFormat,
    fill: fill && fill.pattern !== 'None' ? fill.color : undefined,
    fontColor: font?.color,
    bold: font?.bold,
    italic: font?.italic,
  });
}

function excelCell(cell: WriteCell, sheet: string): unknown {
  if (cell !== null && typeof cell === 'object') return renderFormula(cell.formula, excelTableRef, sheet);
  return cell;
}

function pad<T>(grid: T[][], columns: number, filler: T): T[][] {
  return grid.map((line) => (line.length === columns ? line : [...line, ...Array<T>(columns - line.length).fill(filler)]));
}

/** The range to read for a source: the whole Excel table, or the used part of a plain range's columns below its header. */
function sourceRange(wb: XlWorkbook, source: TableSource): XlRange {
  if (source.kind === 'table') return wb.tables.getItem(source.name).getRange();
  const h = source.header;
  return wb.worksheets
    .getItem(h.sheet)
    .getRangeByIndexes(h.row, h.column, MAX_ROWS - h.row, h.columns)
    .getUsedRangeOrNullObject(true);
}

function gridRead(source: TableSource, range: XlRange): GridRead {
  if (source.kind === 'table') {
    return { source, range: parseA1(range.address), values: cells(range.values), numberFormats: formats(range.numberFormat) };
  }
  const h = source.header;
  if (range.isNullObject) return { source, range: { ...h }, values: [Array<Cell>(h.columns).fill(null)], numberFormats: [Array<string>(h.columns).fill('General')] };
  // The used part may start right of or below the header; lay it out from the header's corner.
  const used = parseA1(range.address);
  const values = cells(range.values);
  const numberFormats = formats(range.numberFormat);
  const rows = used.row + used.rows - h.row;
  const grid: Grid = [];
  const fmt: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: Cell[] = [];
    const fline: string[] = [];
    for (let c = 0; c < h.columns; c++) {
      const ur = h.row + r - used.row;
      const uc = h.column + c - used.column;
      const inside = ur >= 0 && uc >= 0 && ur < used.rows && uc < used.columns;
      line.push(inside ? values[ur][uc] : null);
      fline.push(inside ? numberFormats[ur][uc] : 'General');
    }
    grid.push(line);
    fmt.push(fline);
  }
  const keep = cutAtBlankRow(grid);
  return { source, range: { ...h, rows: keep }, values: grid.slice(0, keep), numberFormats: fmt.slice(0, keep) };
}

function blockAddress(formula: unknown, sheets: string[]): RangeAddress | null {
  if (typeof formula !== 'string' || formula.includes('#REF!')) return null;
  try {
    const range = parseA1(formula);
    return sheets.some((s) => sameSheet(s, range.sheet)) ? range : null;
  } catch {
    // A name someone pointed at something other than a range is not our block.
    return null;
  }
}

/** Excel hands values as any[][]; the engine's cells are strings, numbers, booleans or null. */
function cells(values: unknown[][]): Grid {
  return values.map((line) =>
    line.map((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null)),
  );
}

function formats(values: unknown[][]): string[][] {
  return values.map((line) => line.map((v) => (typeof v === 'string' ? v : 'General')));
}

function errorCode(error: unknown): string | null {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;
}

/** Relative luminance (0 black – 1 white) of `#RRGGBB`; null for anything else. */
function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
