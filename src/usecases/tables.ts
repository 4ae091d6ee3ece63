/**
 * Insert template and Find tables: where the case's tables are, and how their columns read.
 */
import type { TableName } from '../model/types';
import { findCandidates, sourceFromSelection, sourceKey, suggestSources } from './discover';
import type { Candidate } from './discover';
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
