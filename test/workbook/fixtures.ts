/**
 * Workbooks for the adapter's tests and bench: the seed sample as Excel tables, with the
 * Metrics table grown to any number of rows.
 */
import { SAMPLE_ASSUMPTIONS, SAMPLE_COSTS, SAMPLE_METRICS, SAMPLE_READINESS } from '../../src/model/sample';
import type { Grid, TableName } from '../../src/model/types';
import type { InputSources } from '../../src/workbook/port';
import { FakeExcel } from '../support/fake-excel';
import type { FakeExcelOptions } from '../support/fake-excel';

/**
 * The sample's Metrics table with `rows` data rows: its four metrics repeated, each copy named
 * apart ("Error rate #7").
 */
export function metricsGrid(rows: number): Grid {
  const data = SAMPLE_METRICS.slice(1);
  const out: Grid = [[...SAMPLE_METRICS[0]]];
  for (let i = 0; i < rows; i++) {
    const row = [...data[i % data.length]];
    if (i >= data.length) row[0] = `${row[0]} #${Math.floor(i / data.length) + 1}`;
    out.push(row);
  }
  return out;
}

export const CASE_TABLES: readonly [TableName, (rows: number) => Grid][] = [
  ['Metrics', metricsGrid],
  ['Costs', () => SAMPLE_COSTS],
  ['Readiness', () => SAMPLE_READINESS],
  ['Assumptions', () => SAMPLE_ASSUMPTIONS],
];

/** Sources naming the tables `caseWorkbook` makes. */
export const CASE_SOURCES: InputSources = {
  Metrics: { kind: 'table', name: 'Metrics', sheet: 'Metrics' },
  Costs: { kind: 'table', name: 'Costs', sheet: 'Costs' },
  Readiness: { kind: 'table', name: 'Readiness', sheet: 'Readiness' },
  Assumptions: { kind: 'table', name: 'Assumptions', sheet: 'Assumptions' },
};

/**
 * A fake Excel workbook holding the sample case as Excel tables on their own sheets, the
 * Metrics table with `metricRows` rows.
 */
export function caseWorkbook(metricRows: number, options: FakeExcelOptions = {}): FakeExcel {
  const fake = new FakeExcel(options);
  for (const [name, grid] of CASE_TABLES) {
    const g = grid(metricRows);
    fake.addSheet(name);
    fake.put(name, 0, 0, g);
    fake.addTable(name, { sheet: name, row: 0, column: 0, rows: g.length, columns: g[0].length });
  }
  fake.selection = { sheet: 'Metrics', row: 0, column: 0, rows: 1, columns: 1 };
  return fake;
}
