/**
 * The workbook port: everything the use cases (src/usecases) ask of a workbook, as a few coarse
 * calls that each take one read phase or one write phase. Hosts implement it: Office.js
 * (office.ts), a workbook held in memory (memory.ts), and HyperFormula in the browser
 * workbench. The use cases decide *what* to write; the port decides *how*: above all how a
 * formula refers to a table (`Metrics[#All]` in Excel, an absolute range where a host has no
 * tables).
 *
 * Positions are 0-based (row 0 is Excel's row 1). Sizes are counts of rows and columns.
 */
import type { Cell, Grid, TableName } from '../model/types';

export interface CellAddress {
  sheet: string;
  /** 0-based row. */
  row: number;
  /** 0-based column. */
  column: number;
}

export interface RangeAddress extends CellAddress {
  rows: number;
  columns: number;
}

/**
 * Where one input table comes from: an Excel table (ListObject), read at its current extent,
 * or a plain range given by its header row, whose rows run down to the first blank row.
 */
export type TableSource =
  | { kind: 'table'; name: string; sheet: string }
  | { kind: 'range'; header: RangeAddress };

/** The sources chosen for the case's tables; Metrics and Costs are required to evaluate. */
export type InputSources = Partial<Record<TableName, TableSource>>;

export interface SheetSurvey {
  name: string;
  /** The used range, null when the sheet is empty. */
  used: RangeAddress | null;
  /** The used range's values (empty when `used` is null or values were not asked for). */
  values: Grid;
}

export interface TableSurvey {
  name: string;
  /** The whole table, header row included. */
  range: RangeAddress;
  header: Cell[];
}

export interface WorkbookSurvey {
  sheets: SheetSurvey[];
  tables: TableSurvey[];
  /** The selected range, null when the selection is not a range of cells. */
  selection: RangeAddress | null;
}

/** One input table as read: its current extent, values and number formats (same shape). */
export interface GridRead {
  source: TableSource;
  range: RangeAddress;
  values: Grid;
  numberFormats: string[][];
}

export interface InputsRead {
  grids: Partial<Record<TableName, GridRead>>;
  /** Where the named output block is, null when there is none. */
  block: RangeAddress | null;
  /** True when the block's name is defined, even if what it refers to was deleted. */
  blockNameDefined: boolean;
  /** The text kept under `recordName(blockName)` (see the `record` write), null when there is none. */
  record: string | null;
  /** Every sheet's name, in tab order. */
  sheets: string[];
}

/** The used part of an area, and how far given formula cells spill. */
export interface AreaContents {
  /** The used part of the area asked for; null when it is empty. */
  used: RangeAddress | null;
  /** Values as shown (an error reads as its text, `#SPILL!`). Same shape as `used`. */
  values: Grid;
  /** Formula text where a cell holds a formula, else its value. */
  formulas: Cell[][];
  numberFormats: string[][];
  /**
   * For each anchor asked about, the range its formula spills to (null when it does not
   * spill); null as a whole when the host cannot tell.
   */
  spills: (RangeAddress | null)[] | null;
  /**
   * How every cell of the area looks, row by row from the area's top-left (the area's shape,
   * cut at the sheet's last row): its number format, and the fill, font colour, bold and italic
   * a person or the block gave it; `{}` for a cell as a new sheet's cells look (General, no
   * fill, automatic font colour). A look on an empty cell shows here, where `used` misses it.
   */
  looks: CellStyle[][];
  /** The sheet's used range, formats included (null when the sheet is empty), to tell whether anything lies outside the area. */
  sheetUsed: RangeAddress | null;
}

/** An area to read, and the formula cells whose spills to ask about, as `inspect` takes them. */
export interface AreaQuery {
  area: RangeAddress;
  anchors: CellAddress[];
}

/**
 * A check a write makes in its own batch (one Excel.run): each area is read again exactly as
 * `inspect` reads it, and the write goes ahead only when `allows` says so, so nothing typed
 * between an earlier read and the write is written over. `allows` is called once, with the
 * areas' contents in the order asked, before anything is written; it may keep what it was given
 * (the cells the write replaces).
 */
export interface WriteGuard {
  areas: AreaQuery[];
  allows(now: AreaContents[]): boolean;
}

/** A table handed to a formula: the host renders it (`Metrics[#All]`, `'Metrics'!$A$1:$I$5`). */
export interface TableArg {
  table: TableSource;
  /** The table's extent when the formula was planned, header included. */
  range: RangeAddress;
}

/** Which part of a table a formula refers to: the whole table with its header row, or the header row alone. */
export type TablePart = 'all' | 'headers';

/**
 * One argument of a formula: a table (the host decides how it is referred to), where a table is
 * (its header row, `Costs[#Headers]`, which a function reads for its address), text, a number, a
 * truth value, an empty slot, a call of another function, or a range of cells on a sheet (one
 * cell when it is 1 × 1), written with `$` signs so it stays where the block put it.
 */
export type FormulaArg =
  | TableArg
  | { place: TableArg }
  | { text: string }
  | { number: number }
  | { boolean: boolean }
  | { omitted: true }
  | { call: FormulaSpec }
  | { ref: RangeAddress };

/** A call of one function, such as PILOT.VERDICT, that the host writes as a formula. */
export interface FormulaSpec {
  fn: string;
  args: FormulaArg[];
}

/**
 * What a cell is written with: a value, or a formula. A formula may come with the value it gives
 * now (a spilled result as its rows, an error as its code such as `#N/A`), which a host that
 * stores values beside formulas (an .xlsx file) keeps as its cached value, so the figure shows
 * before anything recalculates; hosts that calculate ignore it.
 */
export type WriteCell = Cell | { formula: FormulaSpec; value?: Cell | Cell[][] };

export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  /** Text wraps within the column (the row grows to show it). */
  wrap?: boolean;
  /** `#RRGGBB`. */
  fill?: string;
  /** `#RRGGBB`. */
  fontColor?: string;
}

/** Fill and font colour applied while a cell's value equals `equals` (live, as the value changes). */
export interface ColourRule {
  equals: string;
  fill: string;
  fontColor: string;
}

export type WriteOp =
  /** A new, empty sheet (the name must be free). */
  | { op: 'addSheet'; sheet: string }
  /** Contents, formats and colour rules of a range cleared (`formats`: formats and rules only; `contents`: values and formulas only). */
  | { op: 'clear'; range: RangeAddress; what: 'all' | 'formats' | 'contents' }
  /** Values and formulas, top-left at `at`; `numberFormats` (same shape) set first when given. */
  | { op: 'cells'; at: CellAddress; cells: WriteCell[][]; numberFormats?: string[][] }
  | { op: 'style'; range: RangeAddress; style: CellStyle }
  | { op: 'colourRules'; range: RangeAddress; rules: ColourRule[] }
  /** Width in points (Excel's unit for column width). */
  | { op: 'columnWidth'; sheet: string; column: number; width: number }
  /** An Excel table over `range`, its first row the header. */
  | { op: 'table'; name: string; range: RangeAddress }
  /** A workbook-level name referring to `range`; `defined`: the name exists already and is replaced. */
  | { op: 'name'; name: string; range: RangeAddress; defined: boolean }
  /** Show the sheet and select a range on it. */
  | { op: 'show'; range: RangeAddress }
  /** The chart of that name on the sheet, replaced (or added); `chart` null takes it away. */
  | { op: 'chart'; sheet: string; name: string; chart: ChartSpec | null }
  /** The sheet taken away, with everything on it (undoing a block written on a sheet of its own). */
  | { op: 'removeSheet'; sheet: string }
  /** A workbook-level name taken away (it must exist). */
  | { op: 'removeName'; name: string }
  /**
   * Text the workbook keeps under a name, saved with it and read back by `read` (`record`):
   * the block's record of the cells it wrote. `text` null takes it away. Office keeps it as a
   * workbook name whose formula is the text; other hosts as they can, so long as it survives
   * saving and opening the file. `defined`: a text is kept under the name already (read said so).
   */
  | { op: 'record'; name: string; text: string | null; defined: boolean };


/** One series of a chart: its values (one row or one column of cells) drawn as columns or as a line. */
export interface ChartSeries {
  name: string;
  values: RangeAddress;
  kind: 'columns' | 'line';
}

/**
 * A native chart over ranges of a sheet, so it follows the cells as they recalculate: the
 * categories along its axis, its series, where it sits (over a range of cells), a title and a
 * text alternative for people who cannot see it.
 */
export interface ChartSpec {
  title: string;
  place: RangeAddress;
  categories: RangeAddress;
  series: ChartSeries[];
  description: string;
}

/**
 * A copy of a chart that shares nothing with it, for hosts that keep what they were given.
 *
 * @example
 *   const kept = copyChart(op.chart);
 */
export function copyChart(chart: ChartSpec): ChartSpec {
  return {
    title: chart.title,
    place: { ...chart.place },
    categories: { ...chart.categories },
    series: chart.series.map((s) => ({ ...s, values: { ...s.values } })),
    description: chart.description,
  };
}

/** Office's theme, as the host reports it; null when the host says nothing. */
export interface HostTheme {
  dark: boolean;
}

/**
 * Something changed in the workbook: cells edited (by a person, or written by a program) or
 * formulas recalculated. Which cells is not said: the use cases read again what they need.
 */
export type WorkbookChange =
  | { kind: 'edited' | 'calculated' }
  /** The host stopped telling (its events could not be registered): why, for people. */
  | { kind: 'stopped'; why: string };

/** Stops listening; calling it again does nothing. */
export type StopWatching = () => void;

/**
 * A workbook as the use cases see it. Each call is one read phase or one write phase: the
 * number of round trips to the host does not grow with the size of the tables.
 */
export interface WorkbookPort {
  /** Sheets (with their used values when `values` is true), Excel tables and the selection. */
  survey(options?: { values?: boolean }): Promise<WorkbookSurvey>;
  /** The input tables at their current extent, the output block's location and the sheet names. */
  read(sources: InputSources, blockName: string): Promise<InputsRead>;
  /** The used part of `area` and how far each formula at `anchors` spills. The sheet must exist. */
  inspect(area: RangeAddress, anchors: CellAddress[]): Promise<AreaContents>;
  /**
   * Every operation, in order, in one write phase (calculation and screen updating held
   * meanwhile). With a guard, the guard's area is read first in the same batch and nothing is
   * written unless the guard allows it; resolves to whether the operations were written.
   */
  write(ops: WriteOp[], guard?: WriteGuard): Promise<boolean>;
  /** The formula text this host writes for a call on `sheet`, as `inspect` reads it back. */
  formulaText(spec: FormulaSpec, sheet: string): string;
  /** Shows the sheet and selects the range. */
  select(range: RangeAddress): Promise<void>;
  /** Office's light or dark theme; null when the host does not say. */
  theme(): HostTheme | null;
  /**
   * Calls `listener` after each change to the workbook, until stopped; false when this host
   * cannot tell (an Excel without the events of ExcelApi 1.9), and then it never calls.
   */
  watch(listener: (change: WorkbookChange) => void): { watching: boolean; stop: StopWatching };
}

/**
 * The name under which the block's record is kept (a `record` write), beside the name that marks the block.
 *
 * @example
 *   recordName('PilotGate_Output') // 'PilotGate_Output_Cells'
 */
export function recordName(blockName: string): string {
  return `${blockName}_Cells`;
}

/**
 * A workbook operation that failed for a reason a person can act on (a table renamed, a sheet deleted).
 *
 * @example
 *   throw new WorkbookError('The table "Metrics" is not in the workbook any more: run Find tables again.');
 */
export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookError';
  }
}
