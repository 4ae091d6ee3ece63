/**
 * The part of the Excel JavaScript API the Office adapter uses, written out. Excel's own types
 * satisfy these interfaces (office.ts hands `Excel.run`'s context to code typed against them,
 * so the compiler checks it), and the test fake implements exactly these, nothing more.
 *
 * Requirement sets: the manifest asks for ExcelApi REQUIRED_EXCEL_API (1.9), and everything
 * here is 1.9 or older except what is marked otherwise, which the adapter uses only after
 * checking `isSetSupported`.
 */

/**
 * The ExcelApi version the manifest requires (`npm run validate` holds it to this): Excel
 * 2021, Microsoft 365 and Excel on the web all have it, as every host of the shared runtime does.
 */
export const REQUIRED_EXCEL_API = '1.9';

export interface XlRangeFill {
  color: string;
}

export interface XlRangeFont {
  color: string;
  bold: boolean;
  italic: boolean;
}

export interface XlRangeFormat {
  fill: XlRangeFill;
  font: XlRangeFont;
  /** Points. */
  columnWidth: number;
}

export interface XlConditionalFormat {
  cellValue: {
    format: { fill: { color: string }; font: { color: string } };
    rule: Excel.ConditionalCellValueRule;
  };
}

export interface XlConditionalFormats {
  add(type: 'CellValue'): XlConditionalFormat;
  clearAll(): void;
}

/** What `getCellProperties` is asked to load: the parts of a cell's look the port reports. */
export interface XlCellPropertiesLoad {
  format: { fill: { color: true; pattern: true }; font: { color: true; bold: true; italic: true } };
}

/** One cell's properties as `getCellProperties` gives them (a pattern of None: no fill, whatever the colour). */
export interface XlCellProperties {
  format?: { fill?: { color?: string; pattern?: string }; font?: { color?: string; bold?: boolean; italic?: boolean } };
}

export interface XlRange {
  readonly isNullObject: boolean;
  readonly address: string;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly format: XlRangeFormat;
  readonly conditionalFormats: XlConditionalFormats;
  load(propertyNames: string): XlRange;
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
  select(): void;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  /** ExcelApi 1.12. */
  getSpillingToRangeOrNullObject(): XlRange;
  /** ExcelApi 1.9: every cell's look, in one load. */
  getCellProperties(load: XlCellPropertiesLoad): { readonly value: XlCellProperties[][] };
}

/** ExcelApi 1.7: a series' values, categories and type are set after the chart is added. */
export interface XlChartSeries {
  name: string;
  chartType: string;
  setValues(sourceData: XlRange): void;
  setXAxisValues(sourceData: XlRange): void;
}

export interface XlChartSeriesCollection {
  getItemAt(index: number): XlChartSeries;
  add(name?: string): XlChartSeries;
}

export interface XlChart {
  name: string;
  readonly title: { text: string };
  readonly series: XlChartSeriesCollection;
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void;
  delete(): void;
}

export interface XlChartCollection {
  readonly items: XlChart[];
  load(propertyNames: string): XlChartCollection;
  add(type: 'ColumnClustered', sourceData: XlRange, seriesBy?: 'Auto' | 'Columns' | 'Rows'): XlChart;
}

export interface XlWorksheet {
  readonly name: string;
  readonly charts: XlChartCollection;
  load(propertyNames: string): XlWorksheet;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(propertyNames: string): XlWorksheetCollection;
  getItem(key: string): XlWorksheet;
  add(name?: string): XlWorksheet;
}

export interface XlTable {
  readonly name: string;
  load(propertyNames: string): XlTable;
  getRange(): XlRange;
  getHeaderRowRange(): XlRange;
}

/** A table as `tables.add` returns it: its name and style are then set. */
export interface XlNewTable {
  name: string;
  style: string;
}

export interface XlTableCollection {
  readonly items: XlTable[];
  load(propertyNames: string): XlTableCollection;
  getItem(key: string): XlTable;
  add(address: XlRange | string, hasHeaders: boolean): XlNewTable;
}

export interface XlNamedItem {
  readonly isNullObject: boolean;
  readonly formula: unknown;
  /** Shown in Name Manager. */
  visible: boolean;
  load(propertyNames: string): XlNamedItem;
  delete(): void;
}

export interface XlNamedItemCollection {
  getItemOrNullObject(name: string): XlNamedItem;
  getItem(name: string): XlNamedItem;
  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem;
}

export interface XlApplication {
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly tables: XlTableCollection;
  readonly names: XlNamedItemCollection;
  readonly application: XlApplication;
  getSelectedRange(): XlRange;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

/** How the adapter reaches Excel: `Excel.run`, the requirement-set check and Office's theme. */
export interface OfficeHost {
  run<T>(batch: (context: XlContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported('ExcelApi', version)`. */
  supports(version: string): boolean;
  /** Office's theme colours, when the host has them. */
  officeTheme(): { bodyBackgroundColor?: string } | null;
  /**
   * Calls `listener` when any worksheet changes or recalculates (ExcelApi 1.9's
   * worksheets.onChanged and onCalculated) and returns how to stop; absent where the host has no
   * such events.
   */
  watchWorksheets?(listener: (kind: 'edited' | 'calculated') => void): Promise<() => Promise<void>>;
}
