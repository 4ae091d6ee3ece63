// Recalculating a sheet that uses every PILOT function over a 1,000-row Metrics table,
// in HyperFormula with the PILOT plugin: the time from an input edit to every formula updated.
// (The functions bundle's gzipped size is reported by bundle.bench.ts, as "functions.js gzipped".)
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { evaluateCase, sampleCase, type CaseInput, type Grid } from '../src/model';
import { qualifiedA1 } from '../src/workbook/a1';
import { PILOT_FUNCTION_NAMES, registerPilotFunctions } from '../src/workbook/hyperformula/pilot-functions';
import type { BenchEntry } from './types';
import { pastedMetricRow } from './rows';
import { median, timeRuns } from './timing';

const ROWS = 1_000;
const RUNS = 15;
/** The recalculation after one edit must take at most this long. */
const BUDGET_MS = 200;

/** Cells as typed: text stays text. */
function typed(grid: Grid): RawCellContent[][] {
  return grid.map((row) => row.map((cell) => (typeof cell === 'string' ? `'${cell}` : cell)));
}

function ref(sheet: string, grid: Grid): string {
  return qualifiedA1({ sheet, row: 0, column: 0, rows: grid.length, columns: grid[0].length }, true);
}

/** The Model sheet: every PILOT function over the input sheets, the spills given room. */
function modelSheet(input: CaseInput): RawCellContent[][] {
  const [M, C, R, A] = [ref('Metrics', input.metrics), ref('Costs', input.costs), ref('Readiness', input.readiness!), ref('Assumptions', input.assumptions!)];
  const rows: RawCellContent[][] = Array.from({ length: 50 }, () => []);
  const formulas = [
    `=PILOT.VERDICT(${M},${C},${R},${A})`,
    `=PILOT.NPV(${M},${C},${A})`,
    `=PILOT.IRR(${M},${C},${A})`,
    `=PILOT.ROI(${M},${C},${A})`,
    ...['adoption', 'volume', 'cost', 'realization'].map((which) => `=PILOT.THRESHOLD(${M},${C},"${which}",${A})`),
    `=PILOT.READINESS(${R})`,
    '=PILOT.VALUE(Metrics!B2,"s")',
    '=PILOT.GAPCLOSED(Metrics!B2,Metrics!C2,Metrics!D2)',
    '=PILOT.METRICVALUE(Metrics!B2,Metrics!C2,Metrics!H2,Metrics!I2,Metrics!D2)',
    '=PILOT.EXPANSION(Costs!B2:B9,Costs!C2:D9)',
    '=PILOT.PAYBACK(C20:F20,1)',
    `=PILOT.TIMELINE(${R},${A})`,
  ];
  formulas.forEach((formula, r) => (rows[r][1] = formula));
  rows[16][1] = `=PILOT.CASHFLOWS(${M},${C},${A})`; // B17:F21, Net row C20:F20
  rows[22][1] = `=PILOT.SUMMARY(${M},${C},${R},${A})`;
  rows[22][4] = `=PILOT.REASONS(${M},${C},${R},${A})`;
  rows[16][7] = `=PILOT.SIMULATE(${M},${C},${A})`; // H17:I23
  rows[16][10] = `=PILOT.TORNADO(${M},${C},${A})`; // K17:N18
  rows[22][11] = `=PILOT.ACTIONS(${M},${C},${R},${A})`; // L23:N…
  rows[0][7] = `=PILOT.COSTLINES(${C},${A})`; // H1:L10
  return rows;
}

export default async function functionsBench(): Promise<BenchEntry[]> {
  registerPilotFunctions(HyperFormula);
  const base = sampleCase();
  const input: CaseInput = { ...base, metrics: [base.metrics[0], ...Array.from({ length: ROWS }, (_, i) => pastedMetricRow(i))] };
  const model = modelSheet(input);
  const used = new Set(model.flat().flatMap((cell) => (typeof cell === 'string' ? [...cell.matchAll(/PILOT\.[A-Z]+/g)].map((m) => m[0]) : [])));
  if (used.size !== PILOT_FUNCTION_NAMES.length) throw new Error(`the sheet uses ${used.size} PILOT functions, not all ${PILOT_FUNCTION_NAMES.length}`);

  const hf = HyperFormula.buildFromSheets(
    { Metrics: typed(input.metrics), Costs: typed(input.costs), Readiness: typed(input.readiness!), Assumptions: typed(input.assumptions!), Model: model },
    { licenseKey: 'gpl-v3', smartRounding: false },
  );
  const sheet = hf.getSheetId('Model')!;
  const npvCell = { sheet, row: 1, col: 1 };
  const pilotCell = { sheet: hf.getSheetId('Metrics')!, row: 1, col: 3 }; // the first metric's Pilot figure
  // Each edit changes the content, so no result can come from the cache: every case is evaluated afresh.
  let edits = 0;
  const npvs = new Set<number>();
  const runs = await timeRuns(RUNS, () => {
    edits++;
    hf.setCellContents(pilotCell, [[`'${(3 + edits / 1000).toFixed(3)} min`]]);
    npvs.add(hf.getCellValue(npvCell) as number);
  });
  const verdict = hf.getCellValue({ sheet, row: 0, col: 1 });
  hf.destroy();
  if (npvs.size !== RUNS + 1) throw new Error(`expected a new NPV after every edit, got ${npvs.size} distinct values in ${RUNS + 1} edits`);

  // The floor: the two distinct cases on the sheet (with and without the Readiness table), each evaluated once.
  const floor = await timeRuns(RUNS, () => {
    evaluateCase(input);
    evaluateCase({ metrics: input.metrics, costs: input.costs, assumptions: input.assumptions });
  });

  const ours = median(runs);
  const reference = median(floor);
  return [
    {
      name: `recalculate all ${PILOT_FUNCTION_NAMES.length} PILOT functions after an input edit, ${ROWS.toLocaleString('en-US')}-row Metrics table (HyperFormula)`,
      unit: 'ms',
      median: ours,
      runs,
      reference: { name: 'evaluateCase on the sheet’s two distinct cases, once each', median: reference },
      ratio: ours / reference,
      budget: BUDGET_MS,
      note: `verdict ${String(verdict)}; ratio near 1 means the sheet costs little beyond one evaluation per distinct case`,
    },
  ];
}
