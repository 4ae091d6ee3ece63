/**
 * Find tables: which Excel table or plain range holds each of the case's tables, by table name
 * or by header synonyms anywhere in the workbook, and which column was understood as what.
 */
import { ASSUMPTIONS, COSTS, METRICS, READINESS, cellText, isBlank, normalizeName } from '../model/tables';
import type { TableSpec } from '../model/tables';
import type { Cell, Grid, TableName } from '../model/types';
import { contains, qualifiedA1, sameSheet } from '../workbook/a1';
import { cutAtBlankRow } from '../workbook/plain-range';
import type { InputSources, RangeAddress, TableSource, WorkbookSurvey } from '../workbook/port';
import { TEMPLATE } from './template';

/** The case's tables in the order a person fills them. */
export const ROLES: readonly TableName[] = ['Metrics', 'Costs', 'Readiness', 'Ownership', 'Assumptions'];

/** The column specs of SPEC §2 by table; Ownership (§2.4) has functions then role columns. */
export const SPECS: Partial<Record<TableName, TableSpec>> = {
  Metrics: METRICS,
  Costs: COSTS,
  Readiness: READINESS,
  Assumptions: ASSUMPTIONS,
};

/** Ownership column headers that say "this is a RACI table". */
const RACI_HEADERS = new Set(['r', 'a', 'c', 'i', 'responsible', 'accountable', 'consulted', 'informed', 'owner']);
const OWNERSHIP_FIRST = new Set(['function', 'functions', 'productionfunction', 'raci', 'ownership']);
const TABLE_NAME_ALIASES: Partial<Record<TableName, string[]>> = { Ownership: ['raci'] };

export interface Candidate {
  role: TableName;
  source: TableSource;
  /** The extent as surveyed, header included. */
  range: RangeAddress;
  header: Cell[];
  /** Higher is a better match: a table named for the role beats a header match. */
  score: number;
  /** For people: `Table "Metrics" (Metrics!A1:I5)` or `Sheet1!B3:J20`. */
  label: string;
}

/** One header cell and the column it was understood as (null: ignored). */
export interface ColumnMapping {
  index: number;
  header: string;
  column: string | null;
  /** True when an earlier header already took this column (this one is ignored by the engine). */
  repeated: boolean;
}

/**
 * Every place that could hold each table, best first.
 *
 * @example
 *   const found = findCandidates(await port.survey());
 *   found.Metrics[0].label // 'Table "Metrics" (Metrics!A1:I5)'
 */
export function findCandidates(survey: WorkbookSurvey): Record<TableName, Candidate[]> {
  const found: Record<TableName, Candidate[]> = { Metrics: [], Costs: [], Readiness: [], Ownership: [], Assumptions: [] };
  for (const t of survey.tables) {
    for (const role of ROLES) {
      const headerScore = headerMatch(role, t.header);
      const nameScore = tableNameMatch(role, t.name);
      if (headerScore === 0 && nameScore === 0) continue;
      found[role].push({
        role,
        source: { kind: 'table', name: t.name, sheet: t.range.sheet },
        range: t.range,
        header: t.header,
        score: nameScore + headerScore + 5,
        label: `Table "${t.name}" (${qualifiedA1(t.range)})`,
      });
    }
  }
  for (const sheet of survey.sheets) {
    if (!sheet.used || sheet.values.length === 0) continue;
    const tablesHere = survey.tables.filter((t) => sameSheet(t.range.sheet, sheet.name)).map((t) => t.range);
    for (const c of rangeCandidates(sheet.name, sheet.used, sheet.values, tablesHere)) found[c.role].push(c);
  }
  for (const role of ROLES) {
    // A fresh copy of the template (the sample, untouched) is a place to start, not the person's
    // case: any table of theirs that reads as the same role comes first.
    for (const c of found[role]) if (isTemplateCopy(c, survey)) c.score -= TEMPLATE_COPY_PENALTY;
    found[role].sort((a, b) => b.score - a.score);
  }
  return found;
}

/** Takes a fresh template copy below every candidate of the person's (the best table name scores 1,000). */
const TEMPLATE_COPY_PENALTY = 10_000;

/**
 * True when the candidate's cells are the template's sample for its role, cell for cell (as text,
 * so `$3.40` and a number formatted as money compare alike only when written alike).
 *
 * @example
 *   isTemplateCopy(found.Metrics[0], survey) // true right after Insert template
 */
export function isTemplateCopy(c: Candidate, survey: WorkbookSurvey): boolean {
  const sample = TEMPLATE.find((t) => t.table === c.role)?.grid;
  const sheet = survey.sheets.find((s) => sameSheet(s.name, c.range.sheet));
  if (!sample || !sheet?.used || sample.length !== c.range.rows || sample[0].length !== c.range.columns) return false;
  const top = c.range.row - sheet.used.row;
  const left = c.range.column - sheet.used.column;
  return sample.every((line, r) => line.every((cell, col) => cellText(sheet.values[top + r]?.[left + col] ?? null) === cellText(cell)));
}

/**
 * The best candidate for each table, never the same source for two tables.
 *
 * @example
 *   suggestSources(findCandidates(survey)).Metrics // { kind: 'table', name: 'Metrics', sheet: 'Metrics' }
 */
export function suggestSources(found: Record<TableName, Candidate[]>): InputSources {
  // The strongest claims first: a table named Costs is Costs even if its headers also read as Metrics.
  const all = ROLES.flatMap((role) => found[role]).sort((a, b) => b.score - a.score);
  const sources: InputSources = {};
  const used = new Set<string>();
  for (const c of all) {
    if (sources[c.role] || used.has(sourceKey(c.source))) continue;
    sources[c.role] = c.source;
    used.add(sourceKey(c.source));
  }
  return sources;
}

/**
 * A stable key for a source, to compare and to use in a list.
 *
 * @example
 *   sourceKey({ kind: 'table', name: 'Metrics', sheet: 'Metrics' }) // 'table:metrics'
 */
export function sourceKey(source: TableSource): string {
  return source.kind === 'table' ? `table:${source.name.toLowerCase()}` : `range:${qualifiedA1(source.header).toLowerCase()}`;
}

/**
 * A source as a person reads it.
 *
 * @example
 *   describeSource({ kind: 'range', header: { sheet: 'Sheet1', row: 2, column: 1, rows: 1, columns: 9 } }) // 'Sheet1!B3:J3 and the rows below'
 */
export function describeSource(source: TableSource): string {
  return source.kind === 'table'
    ? `Table "${source.name}" on ${source.sheet}`
    : `${qualifiedA1(source.header)} and the rows below`;
}

/**
 * Which column each header cell was understood as, the way the engine reads it.
 *
 * @example
 *   mapColumns('Metrics', ['KPI', 'Current', 'Goal', 'Notes'])
 *   // [{ index: 0, header: 'KPI', column: 'Metric', … }, …, { index: 3, header: 'Notes', column: null, … }]
 */
export function mapColumns(role: TableName, header: readonly Cell[]): ColumnMapping[] {
  if (role === 'Ownership') {
    return header.map((h, index) => ({
      index,
      header: cellText(h),
      column: isBlank(h) ? null : index === 0 ? 'Function' : 'Person named for this role',
      repeated: false,
    }));
  }
  const lookup = synonymLookup(SPECS[role] as TableSpec);
  const taken = new Set<string>();
  return header.map((h, index) => {
    const column = isBlank(h) ? null : (lookup.get(normalizeName(h)) ?? null);
    const repeated = column !== null && taken.has(column);
    if (column) taken.add(column);
    return { index, header: cellText(h), column, repeated };
  });
}

/**
 * The columns a person may map a header to, for a table.
 *
 * @example
 *   columnChoices('Costs') // ['Category', 'Pilot', 'One-time', 'Annual', 'Multiplier']
 */
export function columnChoices(role: TableName): string[] {
  const spec = SPECS[role];
  return spec ? spec.columns.map((c) => c.name) : [];
}

/**
 * The source a selection stands for: the Excel table it lies in, else a plain range whose
 * header is the selection's first row (for a single cell: the run of filled cells around it).
 *
 * @example
 *   sourceFromSelection(survey.selection, survey) // { kind: 'table', name: 'Costs', sheet: 'Costs' }
 */
export function sourceFromSelection(selection: RangeAddress | null, survey: WorkbookSurvey): TableSource | null {
  if (!selection) return null;
  const table = survey.tables.find((t) => contains(t.range, selection));
  if (table) return { kind: 'table', name: table.name, sheet: table.range.sheet };
  if (selection.rows > 1 || selection.columns > 1) {
    return { kind: 'range', header: { ...selection, rows: 1 } };
  }
  const sheet = survey.sheets.find((s) => sameSheet(s.name, selection.sheet));
  if (!sheet?.used) return null;
  const r = selection.row - sheet.used.row;
  const c = selection.column - sheet.used.column;
  const line = sheet.values[r];
  if (!line || isBlank(line[c])) return null;
  let first = c;
  let last = c;
  while (first > 0 && !isBlank(line[first - 1])) first--;
  while (last + 1 < line.length && !isBlank(line[last + 1])) last++;
  return {
    kind: 'range',
    header: { sheet: sheet.name, row: selection.row, column: sheet.used.column + first, rows: 1, columns: last - first + 1 },
  };
}

function rangeCandidates(sheet: string, used: RangeAddress, values: Grid, tables: RangeAddress[]): Candidate[] {
  const found: Candidate[] = [];
  const covered = [...tables];
  for (let r = 0; r < values.length; r++) {
    const line = values[r];
    let start = 0;
    while (start < line.length) {
      if (isBlank(line[start])) {
        start++;
        continue;
      }
      let end = start;
      while (end + 1 < line.length && !isBlank(line[end + 1])) end++;
      const at = { sheet, row: used.row + r, column: used.column + start };
      if (!covered.some((c) => contains(c, at))) {
        const header = line.slice(start, end + 1);
        const role = bestRole(header);
        if (role) {
          const rows = cutAtBlankRow(values.slice(r).map((row) => row.slice(start, end + 1)));
          const range: RangeAddress = { ...at, rows, columns: end - start + 1 };
          covered.push(range);
          found.push({
            role: role.role,
            source: { kind: 'range', header: { ...at, rows: 1, columns: range.columns } },
            range,
            header,
            score: role.score,
            label: qualifiedA1(range),
          });
        }
      }
      start = end + 1;
    }
  }
  return found;
}

function bestRole(header: Cell[]): { role: TableName; score: number } | null {
  let best: { role: TableName; score: number } | null = null;
  for (const role of ROLES) {
    const score = headerMatch(role, header);
    if (score > 0 && (!best || score > best.score)) best = { role, score };
  }
  return best;
}

/** 0 when the header lacks a required column; otherwise 10 per recognised column. */
function headerMatch(role: TableName, header: readonly Cell[]): number {
  if (role === 'Ownership') {
    if (header.length < 2 || isBlank(header[0])) return 0;
    const roles = header.slice(1).filter((h) => RACI_HEADERS.has(normalizeName(h))).length;
    const first = OWNERSHIP_FIRST.has(normalizeName(header[0]));
    return first && roles > 0 ? 10 * (roles + 1) : 0;
  }
  const spec = SPECS[role] as TableSpec;
  const lookup = synonymLookup(spec);
  const seen = new Set<string>();
  for (const h of header) {
    const column = lookup.get(normalizeName(h));
    if (column) seen.add(column);
  }
  const complete = spec.columns.every((c) => !c.required || seen.has(c.name));
  return complete ? 10 * seen.size : 0;
}

/** What a table's name adds to its score: named for the role, or a name that starts with it; header matches score below either. */
export const NAME_SCORES = { named: 1000, prefixed: 500 } as const;

function tableNameMatch(role: TableName, name: string): number {
  const n = normalizeName(name).replace(/^tbl_?/, '');
  const wanted = [role.toLowerCase(), ...(TABLE_NAME_ALIASES[role] ?? [])];
  if (wanted.includes(n)) return NAME_SCORES.named;
  if (wanted.some((w) => n.startsWith(w))) return NAME_SCORES.prefixed;
  return 0;
}

/** Normalised header → canonical column, per table spec, built once. */
const LOOKUPS = new Map<TableSpec, ReadonlyMap<string, string>>(
  Object.values(SPECS).map((spec) => [
    spec,
    new Map(spec.columns.flatMap((col) => [col.name, ...col.synonyms].map((name) => [normalizeName(name), col.name] as const))),
  ]),
);

function synonymLookup(spec: TableSpec): ReadonlyMap<string, string> {
  return LOOKUPS.get(spec) ?? new Map();
}

/**
 * The header row and extent of a source as the survey saw it (a table's header, or the run of
 * cells a plain range's header covers, down to its first blank row); null when it is gone.
 *
 * @example
 *   sourceExtent({ kind: 'table', name: 'Costs', sheet: 'Costs' }, survey)?.header // ['Category', 'Pilot', …]
 */
export function sourceExtent(source: TableSource, survey: WorkbookSurvey): { header: Cell[]; range: RangeAddress } | null {
  if (source.kind === 'table') {
    const t = survey.tables.find((x) => x.name.toLowerCase() === source.name.toLowerCase());
    return t ? { header: t.header, range: t.range } : null;
  }
  const h = source.header;
  const sheet = survey.sheets.find((s) => sameSheet(s.name, h.sheet));
  if (!sheet?.used) return null;
  const grid = sheet.values
    .slice(Math.max(0, h.row - sheet.used.row))
    .map((line) => Array.from({ length: h.columns }, (_, c) => line[h.column - sheet.used!.column + c] ?? null));
  if (h.row < sheet.used.row || grid.length === 0) return null;
  return { header: grid[0], range: { ...h, rows: cutAtBlankRow(grid) } };
}
