/**
 * Real .xlsx files of cases for end-to-end tests and the bench, written with exceljs directly (not
 * through the .xlsx host under test): each table as an Excel table on its own sheet, as Insert
 * template lays them out, or all as plain ranges on one sheet, one below the other, as a PMO
 * pastes them. And generated cases: seeded, so every run writes the same workbooks.
 */
import ExcelJS from 'exceljs';
import type { CaseInput, Cell, Grid } from '../../src/model';
import { sampleCase } from '../../src/model';
import { readyCase, withRun } from './cases';
import { seededRandom } from './random';

/** The tables of a case in the order they are laid out. */
const TABLES = [
  ['Metrics', 'metrics'],
  ['Costs', 'costs'],
  ['Readiness', 'readiness'],
  ['Ownership', 'ownership'],
  ['Assumptions', 'assumptions'],
] as const;

function put(ws: ExcelJS.Worksheet, row: number, column: number, value: Cell): void {
  if (value !== null) ws.getCell(row, column).value = value;
}

/**
 * The case as an .xlsx workbook: `tables` puts each table on its own sheet as an Excel table named
 * for it; `ranges` puts them on one sheet as plain ranges, two blank rows apart.
 *
 * @example
 *   await workbookOf(sampleCase(), 'tables').xlsx.writeFile('sample.xlsx');
 */
export function workbookOf(input: CaseInput, layout: 'tables' | 'ranges'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  if (layout === 'tables') {
    for (const [name, key] of TABLES) {
      const grid = input[key];
      if (!grid) continue;
      const ws = wb.addWorksheet(name);
      ws.addTable({
        name,
        ref: 'A1',
        headerRow: true,
        columns: grid[0].map((h) => ({ name: String(h) })),
        rows: grid.slice(1).map((row) => row.map((cell) => cell ?? undefined)),
      });
    }
    return wb;
  }
  const ws = wb.addWorksheet('Pilot');
  let row = 1;
  for (const [, key] of TABLES) {
    const grid = input[key];
    if (!grid) continue;
    grid.forEach((line, r) => line.forEach((cell, c) => put(ws, row + r, c + 1, cell)));
    row += grid.length + 2;
  }
  return wb;
}

/**
 * Writes the case as an .xlsx file.
 *
 * @example
 *   await writeCaseWorkbook('out/sample.xlsx', sampleCase(), 'ranges');
 */
export async function writeCaseWorkbook(file: string, input: CaseInput, layout: 'tables' | 'ranges'): Promise<void> {
  await workbookOf(input, layout).xlsx.writeFile(file);
}

const GATES = ['Executive sponsor', 'Production data audited', 'Infrastructure', 'Integration path', 'Ownership', 'Success metrics in business terms', 'Change management plan', 'Workflow redesign'];
const CATEGORIES = ['Model and licences', 'Infrastructure', 'Security and compliance', 'Data remediation', 'Integration', 'Operations and support', 'Change management and training', 'Monitoring'];

/**
 * A generated case: hours-saved rate metrics and a money metric per transaction, the standard cost
 * lines at varied sizes, the eight blocking gates mostly done, and varied discount rate, horizon
 * and transition. Cells are written as a PMO types them (`$45/h`, `90 days`, `10%`).
 *
 * @example
 *   const input = generatedCase(seededRandom(7));
 */
export function generatedCase(random: () => number): CaseInput {
  const between = (low: number, high: number): number => low + (high - low) * random();
  const whole = (low: number, high: number): number => Math.floor(between(low, high + 1));
  const metrics: Grid = [['Metric', 'Baseline', 'Target', 'Pilot', 'Timeline', 'Unit', 'Volume', 'Value per unit']];
  for (let i = 0; i < whole(1, 4); i++) {
    const target = whole(20, 400);
    metrics.push([`Hours saved ${i + 1}`, 0, target, Math.round(target * between(0.6, 1.15)), '90 days', 'h/week', null, `$${whole(25, 120)}/h`]);
  }
  const before = between(2, 6);
  const after = before * between(0.2, 0.8);
  const pilotAfter = random() < 0.5 ? after : after * 1.1;
  metrics.push(['Cost per transaction', `$${before.toFixed(2)}`, `$${after.toFixed(2)}`, `$${pilotAfter.toFixed(2)}`, '6 months', null, `${whole(5, 200)},000 transactions/year`, null]);
  const scale = Math.pow(10, between(3.5, 5.5));
  const costs: Grid = [['Category', 'Pilot', 'One-time', 'Annual']];
  for (const category of CATEGORIES) costs.push([category, Math.round(scale * between(0.05, 0.3)), random() < 0.3 ? null : Math.round(scale * between(0.1, 0.6)), Math.round(scale * between(0.1, 0.8))]);
  const readiness: Grid = [['Gate', 'Status', 'Owner', 'Evidence'], ...GATES.map((gate) => [gate, random() < 0.85 ? 'yes' : random() < 0.5 ? 'partial' : 'no', random() < 0.95 ? 'Sam Okafor' : 'TBD', 'reviewed'])];
  const assumptions: Grid = [
    ['Name', 'Value'],
    ['Discount rate', `${whole(4, 15)}%`],
    ['Horizon', `${whole(2, 5)} years`],
    ['Transition months', whole(0, 9)],
  ];
  return { metrics, costs, readiness, assumptions };
}

/**
 * The cases of the end-to-end tests: the sample of SPEC §7 (NOT READY), the ready sample (SCALE),
 * its PIVOT and KILL variants, then `generated` seeded cases.
 *
 * @example
 *   endToEndCases(4).map((c) => c.name) // ['sample', 'ready', 'pivot', 'kill', 'generated-1', …]
 */
export function endToEndCases(generated: number, seed = 20_251_202): { name: string; input: CaseInput }[] {
  const random = seededRandom(seed);
  return [
    { name: 'sample', input: sampleCase() },
    { name: 'ready', input: readyCase() },
    { name: 'pivot', input: withRun(readyCase(), 800000) },
    { name: 'kill', input: withRun(readyCase(), 2000000) },
    ...Array.from({ length: generated }, (_, i) => ({ name: `generated-${i + 1}`, input: generatedCase(random) })),
  ];
}
