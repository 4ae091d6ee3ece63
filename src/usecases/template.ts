/**
 * Insert template: the five input tables of SPEC §2 as real Excel tables on new sheets,
 * pre-filled with the seed sample, formatted, and never on a sheet that already exists.
 */
import {
  SAMPLE_ASSUMPTIONS,
  SAMPLE_COSTS,
  SAMPLE_METRICS,
  SAMPLE_OWNERSHIP,
  SAMPLE_READINESS,
} from '../model/sample';
import type { Cell, Grid, TableName } from '../model/types';
import { moneyFormat } from './formats';
import { uniqueSheetName, uniqueTableName } from '../workbook/names';
import { TEXT_FORMAT } from '../workbook/typed-number';
import type { InputSources, RangeAddress, WriteCell, WriteOp } from '../workbook/port';


interface TemplateTable {
  table: TableName;
  grid: Grid;
  /** Number format by header, for the cells that hold numbers. */
  formats: Record<string, string>;
  /** Column widths in points, by header. */
  widths: Record<string, number>;
}

const MONEY = moneyFormat('USD');
const PERCENT_ASSUMPTIONS = new Set(['discount rate', 'hurdle roi', 'benefit risk adjustment', 'cost risk adjustment', 'on-track threshold']);

/** The template's tables in the order their sheets are added. */
export const TEMPLATE: readonly TemplateTable[] = [
  {
    table: 'Metrics',
    grid: SAMPLE_METRICS,
    formats: {},
    widths: { Metric: 190, Volume: 150, 'Value per unit': 100 },
  },
  {
    table: 'Costs',
    grid: SAMPLE_COSTS,
    formats: { Pilot: MONEY, 'One-time': MONEY, Annual: MONEY, Multiplier: '0.0"×"' },
    widths: { Category: 190 },
  },
  { table: 'Readiness', grid: SAMPLE_READINESS, formats: {}, widths: { Gate: 250, Owner: 110, Evidence: 230 } },
  { table: 'Ownership', grid: SAMPLE_OWNERSHIP, formats: {}, widths: { Function: 190, Responsible: 110, Accountable: 110 } },
  { table: 'Assumptions', grid: SAMPLE_ASSUMPTIONS, formats: {}, widths: { Name: 170, Value: 110 } },
];

export interface TemplatePlan {
  ops: WriteOp[];
  /** The inserted tables, ready to use as the case's sources. */
  sources: InputSources;
  sheets: string[];
}

/**
 * The operations that add one sheet per table, write the sample, make each an Excel table and
 * format it. Sheet and table names avoid every name in use (`Metrics (2)`, `Metrics2`).
 *
 * @example
 *   const survey = await port.survey({ values: false });
 *   const plan = planTemplate(survey.sheets.map((s) => s.name), survey.tables.map((t) => t.name));
 *   await port.write(plan.ops);
 */
export function planTemplate(sheetNames: readonly string[], tableNames: readonly string[]): TemplatePlan {
  const takenSheets = [...sheetNames];
  const takenTables = [...tableNames];
  const ops: WriteOp[] = [];
  const sources: InputSources = {};
  const sheets: string[] = [];
  for (const t of TEMPLATE) {
    const sheet = uniqueSheetName(t.table, takenSheets);
    const name = uniqueTableName(t.table, takenTables);
    takenSheets.push(sheet);
    takenTables.push(name);
    sheets.push(sheet);
    const header = t.grid[0].map((h) => String(h));
    const range: RangeAddress = { sheet, row: 0, column: 0, rows: t.grid.length, columns: header.length };
    const cells: WriteCell[][] = t.grid.map((row) => row.map((cell) => (cell === null ? '' : cell)));
    const numberFormats = t.grid.map((row, r) => row.map((cell, c) => formatFor(t, header[c], row, r, cell)));
    ops.push({ op: 'addSheet', sheet });
    ops.push({ op: 'cells', at: { sheet, row: 0, column: 0 }, cells, numberFormats });
    ops.push({ op: 'table', name, range });
    header.forEach((h, c) => {
      const width = t.widths[h];
      if (width !== undefined) ops.push({ op: 'columnWidth', sheet, column: c, width });
    });
    sources[t.table] = { kind: 'table', name, sheet };
  }
  ops.push({ op: 'show', range: { sheet: sheets[0], row: 0, column: 0, rows: 1, columns: 1 } });
  return { ops, sources, sheets };
}

function formatFor(t: TemplateTable, header: string, row: Cell[], r: number, cell: Cell): string {
  // Text is stored as text, exactly as a person pastes it: Excel would otherwise turn `$3.40`
  // into 3.4 and lose the unit the engine reads from it.
  if (r === 0 || typeof cell === 'string') return TEXT_FORMAT;
  if (cell === null) return t.formats[header] ?? (t.table === 'Metrics' ? TEXT_FORMAT : 'General');
  if (t.table === 'Assumptions' && header === 'Value') {
    return PERCENT_ASSUMPTIONS.has(String(row[0]).toLowerCase()) ? '0%' : '0';
  }
  return t.formats[header] ?? 'General';
}
