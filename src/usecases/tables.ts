/**
 * Insert template and Find tables: where the case's tables are, and how their columns read.
 */
import type { TableName } from '../model/types';
import { findCandidates, sourceFromSelection, sourceKey, suggestSources } from './discover';
import type { Candidate } from './discover';
import { sameSheet } from '../workbook/a1';
import type { InputSources, RangeAddress, TableSource, WorkbookPort, WorkbookSurvey } from '../workbook/port';
import { planTemplate } from './template';

export interface TablesFound {
  survey: WorkbookSurvey;
  candidates: Record<TableName, Candidate[]>;
  sources: InputSources;
}

/**
 * Surveys the workbook and proposes a source for each table.
 *
 * @example
 *   const found = await findTables(port);
 *   found.sources.Metrics // { kind: 'table', name: 'Metrics', sheet: 'Metrics' }
 */
export async function findTables(port: WorkbookPort): Promise<TablesFound> {
  const survey = await port.survey({ values: true });
  const candidates = findCandidates(survey);
  return { survey, candidates, sources: suggestSources(candidates) };
}

/**
 * Adds the template's sheets and tables and returns them as the case's sources.
 *
 * @example
 *   const { sources } = await insertTemplate(port);
 */
export async function insertTemplate(port: WorkbookPort): Promise<{ sources: InputSources; sheets: string[] }> {
  const survey = await port.survey({ values: false });
  const plan = planTemplate(
    survey.sheets.map((s) => s.name),
    survey.tables.map((t) => t.name),
  );
  await port.write(plan.ops);
  return { sources: plan.sources, sheets: plan.sheets };
}

/**
 * The source the current selection stands for, with a fresh survey of the workbook.
 *
 * @example
 *   const { source } = await selectionSource(port); // the table the selection is in
 */
export async function selectionSource(port: WorkbookPort): Promise<{ source: TableSource | null; found: TablesFound }> {
  const survey = await port.survey({ values: true });
  const candidates = findCandidates(survey);
  return { source: sourceFromSelection(survey.selection, survey), found: { survey, candidates, sources: suggestSources(candidates) } };
}

/**
 * Renames one header cell so the engine reads the column as `column` (the person's fix of a
 * mapping). The header row is the first row of `range`.
 *
 * @example
 *   await renameHeader(port, candidate.range, 3, 'Value per unit');
 */
export async function renameHeader(port: WorkbookPort, range: RangeAddress, index: number, column: string): Promise<void> {
  await port.write([{ op: 'cells', at: { sheet: range.sheet, row: range.row, column: range.column + index }, cells: [[column]] }]);
}

/**
 * The sources to read after a new survey: the ones chosen before that are still there, with a
 * plain range taken at its new width when its header row grew (a column added at its right);
 * for the rest, what the survey proposes. A range grows only if it was the whole of a table in
 * `before` (the survey it was chosen or last kept with): a range a person chose narrower than
 * the table it starts in stays as they chose it, and so does one whose survey is not known.
 *
 * @example
 *   keptSources(state.sources, await findTables(port), state.found) // { Metrics: { kind: 'range', header: { …, columns: 10 } }, … }
 */
export function keptSources(previous: InputSources, found: TablesFound, before: TablesFound | null): InputSources {
  const kept = stillThere(previous, found.survey);
  for (const [table, source] of Object.entries(kept) as [TableName, TableSource][]) {
    if (source.kind !== 'range' || !wholeTableIn(source.header, before)) continue;
    const grown = found.candidates[table].find((c) => c.source.kind === 'range' && sameCorner(c.source.header, source.header));
    if (grown) kept[table] = grown.source;
  }
  return { ...found.sources, ...kept };
}

/** Whether a survey found a plain-range table whose header row is exactly `header`. */
function wholeTableIn(header: RangeAddress, survey: TablesFound | null): boolean {
  if (survey === null) return false;
  return Object.values(survey.candidates).some((candidates) =>
    candidates.some((c) => c.source.kind === 'range' && sameCorner(c.source.header, header) && c.source.header.columns === header.columns),
  );
}

function sameCorner(a: RangeAddress, b: RangeAddress): boolean {
  return sameSheet(a.sheet, b.sheet) && a.row === b.row && a.column === b.column;
}

/**
 * The sources to evaluate: those chosen, or, when Metrics or Costs is not chosen yet, what Find
 * tables proposes for every table not chosen (with the survey, so the pane can say which it used).
 *
 * @example
 *   const { sources, found } = await sourcesToEvaluate(port, {});
 *   found?.sources.Metrics // { kind: 'table', name: 'Metrics', sheet: 'Metrics' }
 */
export async function sourcesToEvaluate(port: WorkbookPort, sources: InputSources): Promise<{ sources: InputSources; found: TablesFound | null }> {
  if (sources.Metrics && sources.Costs) return { sources, found: null };
  const found = await findTables(port);
  return { sources: { ...found.sources, ...stillThere(sources, found.survey) }, found };
}

/**
 * The sources chosen before that a new survey still finds: a table still there by name, a
 * plain range whose sheet is still there. The rest were renamed or deleted meanwhile.
 *
 * @example
 *   stillThere({ Metrics: { kind: 'table', name: 'Gone', sheet: 'S' } }, survey) // {}
 */
export function stillThere(sources: InputSources, survey: WorkbookSurvey): InputSources {
  const tables = new Set(survey.tables.map((t) => `table:${t.name.toLowerCase()}`));
  const sheets = new Set(survey.sheets.map((s) => s.name.toLowerCase()));
  const kept: InputSources = {};
  for (const [table, source] of Object.entries(sources) as [TableName, TableSource][]) {
    const alive = source.kind === 'table' ? tables.has(sourceKey(source)) : sheets.has(source.header.sheet.toLowerCase());
    if (alive) kept[table] = source;
  }
  return kept;
}
