/**
 * Pilot Gate's use cases: what a person (or a program) asks of one workbook — find its tables,
 * insert the template, check the inputs, evaluate the case and write the output block, copy the
 * block as values — over the workbook port, whatever host holds the workbook (Excel through
 * Office.js, HyperFormula in the workbench, a workbook in memory). The task pane and the
 * workbench call only this; so does a command line. No React and no DOM here: it runs in Node.
 *
 * Each use case is also a plain function of a port (tables.ts, check.ts, evaluate.ts,
 * snapshot.ts), so work over many workbooks — a portfolio ranked by verdict — calls the same
 * functions once per workbook.
 */
import type { HostTheme, InputSources, RangeAddress, StopWatching, WorkbookChange, WorkbookPort } from '../workbook/port';
import { checkInputs, type InputsCheck } from './check';
import { assess, type Assessment } from './assess';
import type { Evaluation, EvaluateOptions, PendingBlock, Placed } from './evaluate';
import type { LastEvaluate } from './undo';
import type { SnapshotCopy } from './snapshot';
import { findTables, insertTemplate, renameHeader, selectionSource, sourcesToEvaluate, type TablesFound } from './tables';
import type { UnattendedOptions, WorkbookAssessment } from './unattended';

export type { Assessment } from './assess';
export type { Evaluation, EvaluateOptions, PendingBlock, Placed } from './evaluate';
export type { LastEvaluate } from './undo';
export { CellsChangedError, NoBlockError } from './refusals';
export type { InputsCheck } from './check';
export { MissingTableError } from './check';
export type { SnapshotCopy } from './snapshot';
export type { TablesFound } from './tables';
export { keptSources, stillThere } from './tables';
export type { CardAction, CardCheck, CardFigure, CheckPart, DecisionCard, ReasonGroup } from './card';
export { planCard } from './card';
export type { CardCharts } from './card-charts';
export type { HistogramBin, HistogramChart, HowSureFigures, HowSurePlan, TornadoChart } from './how-sure';
export { howSureFigures } from './how-sure';
export type { Finding } from './inputs';
export type { Candidate, ColumnMapping } from './discover';
export { ROLES, SPECS, columnChoices, describeSource, mapColumns, sourceExtent, sourceKey } from './discover';
export { VERDICT_COLOURS } from './formats';
export type { UnattendedOptions, WorkbookAssessment } from './unattended';
export type { PilotRow, Portfolio, PortfolioTotals } from './portfolio';
export { VERDICT_ORDER, pilotRow, planPortfolioSheet, portfolio } from './portfolio';
export type { CellAddress, HostTheme, InputSources, RangeAddress, StopWatching, TableSource, WorkbookChange } from '../workbook/port';
export { qualifiedA1 } from '../workbook/a1';
export { cellList } from './cell-list';

/** The use cases on one workbook. Every call reads and writes through the workbook's port. */
export interface UseCases {
  /** Surveys the workbook and proposes a source for each table (by table name, else by header synonyms). */
  findTables(): Promise<TablesFound>;
  /** The source the selection stands for (the table it is in, else a plain range), with a fresh survey. */
  selectionSource(): ReturnType<typeof selectionSource>;
  /** Adds the template's five tables, pre-filled with the sample, on new sheets; returns them as sources. */
  insertTemplate(): Promise<{ sources: InputSources; sheets: string[] }>;
  /** Renames header `index` of the table whose header row starts `range`, so its column reads as `column`. */
  renameHeader(range: RangeAddress, index: number, column: string): Promise<void>;
  /** The engine's problems and the format warnings, each with its cell. */
  check(sources: InputSources): Promise<InputsCheck>;
  /** The case read and evaluated (or its problems); nothing written. */
  assess(sources: InputSources): Promise<Assessment>;
  /**
   * Finds the tables and evaluates the case with nobody to choose between two candidates (which is
   * then a problem), simulating it when asked; nothing written.
   */
  assessUnattended(options?: UnattendedOptions): Promise<WorkbookAssessment>;
  /** Evaluates and writes (or rewrites in place) the output block, or stops at cells in its way. */
  evaluate(sources: InputSources, options?: EvaluateOptions): Promise<Evaluation>;
  /**
   * Writes a block that waited for the person: over the cells in its way, or on a new sheet.
   * Refuses (CellsChangedError) when a cell in the way changed since the person was asked.
   */
  placeBlock(pending: PendingBlock, choice: 'replace' | 'newSheet'): Promise<Placed>;
  /**
   * Puts back exactly what the last Evaluate replaced; refuses (CellsChangedError) when the
   * block was changed since. Resolves to where the cells were put back.
   */
  undo(last: LastEvaluate): Promise<RangeAddress | null>;
  /** Copies the block as values to a new sheet, stamped with the time. */
  snapshot(sources: InputSources): Promise<SnapshotCopy>;
  /** Shows the sheet and selects the range (a problem's cell). */
  select(range: RangeAddress): Promise<void>;
  /** Office's light or dark theme, when the host says. */
  theme(): HostTheme | null;
  /** The sources to evaluate: those given, or, when Metrics or Costs is missing, what Find tables proposes. */
  sourcesToEvaluate(sources: InputSources): ReturnType<typeof sourcesToEvaluate>;
  /** Calls `listener` after each change to the workbook (an edit, a recalculation); `watching` false where the host cannot tell. */
  watch(listener: (change: WorkbookChange) => void): { watching: boolean; stop: StopWatching };
}

/** What the use cases depend on: the workbook, and the clock (for snapshot stamps). */
export interface UseCaseDependencies {
  port: WorkbookPort;
  now: () => Date;
}

/**
 * The use cases on the workbook behind `port`.
 *
 * @example
 *   const useCases = createUseCases({ port: new OfficeWorkbook(officeHost()), now: () => new Date() });
 *   const { sources } = await useCases.findTables();
 *   const evaluation = await useCases.evaluate(sources);
 */
export function createUseCases({ port, now }: UseCaseDependencies): UseCases {
  return {
    findTables: () => findTables(port),
    selectionSource: () => selectionSource(port),
    insertTemplate: () => insertTemplate(port),
    renameHeader: (range, index, column) => renameHeader(port, range, index, column),
    check: (sources) => checkInputs(port, sources),
    assess: (sources) => assess(port, sources),
    // Only the command line asks for it: fetched when asked, so the pane's page does not carry it.
    assessUnattended: async (options) => (await import('./unattended')).assessUnattended(port, options),
    // Writing the block (its planning, renderers, record and undo) is one chunk the page fetches
    // once it is idle: the pane shows the decision without waiting for it (bench/bundle.bench.ts).
    evaluate: async (sources, options) => (await import(/* webpackChunkName: "block", webpackPrefetch: true */ './evaluate')).evaluate(port, sources, options),
    placeBlock: async (pending, choice) => (await import(/* webpackChunkName: "block", webpackPrefetch: true */ './evaluate')).placeBlock(port, pending, choice),
    undo: async (last) => (await import(/* webpackChunkName: "block", webpackPrefetch: true */ './undo')).undo(port, last),
    snapshot: async (sources) => (await import(/* webpackChunkName: "block", webpackPrefetch: true */ './snapshot')).snapshot(port, sources, now()),
    select: (range) => port.select(range),
    theme: () => port.theme(),
    sourcesToEvaluate: (sources) => sourcesToEvaluate(port, sources),
    watch: (listener) => port.watch(listener),
  };
}
