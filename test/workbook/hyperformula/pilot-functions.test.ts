/**
 * The PILOT functions in a real formula engine: the seed sample of SPEC §7 as a HyperFormula
 * workbook whose output sheet uses every PILOT function, with CFO reconciliation cells that put
 * HyperFormula's own NPV and IRR on the spilled cash-flow Net row. Then inputs are edited the
 * way SPEC §3.8 says verdicts move.
 */
import { DetailedCellError, HyperFormula, type CellValue, type RawCellContent, type SimpleCellAddress } from 'hyperformula';
import { PILOT_FUNCTION_NAMES, PilotFunctionsPlugin, registerPilotFunctions } from '../../../src/workbook/hyperformula/pilot-functions';
import { PILOT_FUNCTIONS } from '../../../src/functions/catalogue';
import { qualifiedA1 } from '../../../src/workbook/a1';
import { evaluateCase, sampleCase, simulateCase, tornadoCase, type CaseInput, type Grid } from '../../../src/model';
import { rangedSampleCase } from '../../support/ranges';

const CONFIG = { licenseKey: 'gpl-v3', smartRounding: false } as const;

/** Input cells as a person typed them: text stays text (a leading ' keeps HyperFormula from reading "4.2%" as 0.042). */
function typed(grid: Grid): RawCellContent[][] {
  return grid.map((row) => row.map((cell) => (typeof cell === 'string' ? `'${cell}` : cell)));
}

/** Absolute reference to a whole input sheet's table, header included. */
function tableRef(sheet: string, grid: Grid): string {
  return qualifiedA1({ sheet, row: 0, column: 0, rows: grid.length, columns: grid[0].length }, true);
}

/** Where each output lives on the Model sheet (0-based row, column). */
const AT = {
  verdict: [0, 1],
  npv: [1, 1],
  irr: [2, 1],
  roi: [3, 1],
  adoption: [4, 1],
  volume: [5, 1],
  cost: [6, 1],
  realization: [7, 1],
  readiness: [8, 1],
  value: [9, 1],
  gapClosed: [10, 1],
  metricValue: [11, 1],
  expansion: [12, 1],
  yearlyPayback: [13, 1],
  timeline: [14, 1], // spills 1 × 2
  cashflows: [16, 1], // spills 5 × 5: B17:F21, its Net row is C20:F20 (Year 0 … Year 3)
  cfoNpv: [22, 1],
  cfoIrr: [23, 1],
  monthlyPayback: [24, 1],
  summary: [26, 1], // spills 32 × 2 down B:C
  reasons: [26, 4], // spills down E
  actions: [26, 6], // spills 3 columns down G:I
  simulate: [16, 7], // spills 7 × 2: H17:I23
  tornado: [16, 10], // spills down K:N
  costLines: [0, 10], // spills 10 × 5: K1:O10, above the tornado
} as const;

interface Workbook {
  hf: HyperFormula;
  model: number;
  input: CaseInput;
  at(name: keyof typeof AT, down?: number, across?: number): SimpleCellAddress;
  value(name: keyof typeof AT, down?: number, across?: number): CellValue;
  summary(): Map<string, CellValue>;
}

/** The engine's monthly net row, or one period of nothing when the input does not evaluate. */
function monthlyNetOf(input: CaseInput): number[] {
  try {
    return evaluateCase(input).monthly.map((m) => m.net);
  } catch {
    return [0];
  }
}

function buildWorkbook(input: CaseInput = sampleCase()): Workbook {
  registerPilotFunctions(HyperFormula);
  const M = tableRef('Metrics', input.metrics);
  const C = tableRef('Costs', input.costs);
  const R = tableRef('Readiness', input.readiness!);
  const A = tableRef('Assumptions', input.assumptions!);
  const monthlyNet = monthlyNetOf(input);
  const rows: RawCellContent[][] = Array.from({ length: 60 }, () => []);
  const put = ([r, c]: readonly [number, number], label: string, formula: string) => {
    rows[r][0] = label;
    rows[r][c] = formula;
  };
  put(AT.verdict, 'Verdict', `=PILOT.VERDICT(${M},${C},${R},${A})`);
  put(AT.npv, 'NPV', `=PILOT.NPV(${M},${C},${A})`);
  put(AT.irr, 'IRR', `=PILOT.IRR(${M},${C},${A})`);
  put(AT.roi, 'ROI', `=PILOT.ROI(${M},${C},${A})`);
  for (const which of ['adoption', 'volume', 'cost', 'realization'] as const) {
    put(AT[which], `Threshold ${which}`, `=PILOT.THRESHOLD(${M},${C},"${which}",${A})`);
  }
  put(AT.readiness, 'Readiness', `=PILOT.READINESS(${R})`);
  put(AT.value, 'Value', '=PILOT.VALUE("2 h","min")');
  put(AT.gapClosed, 'Gap closed (Error rate)', '=PILOT.GAPCLOSED(Metrics!B3,Metrics!C3,Metrics!D3)');
  put(AT.metricValue, 'Annual value (Processing time)', '=PILOT.METRICVALUE(Metrics!B2,Metrics!C2,Metrics!H2,Metrics!I2,Metrics!D2)');
  put(AT.expansion, 'Expansion', '=PILOT.EXPANSION(Costs!B2:B9,Costs!C2:D9)');
  put(AT.yearlyPayback, 'Payback on the yearly Net row', '=PILOT.PAYBACK(C20:F20,1)');
  put(AT.timeline, 'Timeline', `=PILOT.TIMELINE(${R},${A})`);
  put(AT.cashflows, 'Cash flows', `=PILOT.CASHFLOWS(${M},${C},${A})`);
  // The CFO's own check, in the engine's native functions on the spilled Net row (SPEC §1, §6).
  put(AT.cfoNpv, 'CFO: =CF0+NPV(rate, CF1:CF3)', '=C20+NPV(Assumptions!B2,D20:F20)');
  put(AT.cfoIrr, 'CFO: =IRR(CF0:CF3)', '=IRR(C20:F20)');
  rows[25][1] = 'Summary';
  rows[25][4] = 'Reasons';
  rows[AT.summary[0]][AT.summary[1]] = `=PILOT.SUMMARY(${M},${C},${R},${A})`;
  rows[AT.reasons[0]][AT.reasons[1]] = `=PILOT.REASONS(${M},${C},${R},${A})`;
  rows[AT.actions[0]][AT.actions[1]] = `=PILOT.ACTIONS(${M},${C},${R},${A})`;
  rows[AT.simulate[0]][AT.simulate[1]] = `=PILOT.SIMULATE(${M},${C},${A},5000,7)`;
  rows[AT.tornado[0]][AT.tornado[1]] = `=PILOT.TORNADO(${M},${C},${A})`;
  rows[AT.costLines[0]][AT.costLines[1]] = `=PILOT.COSTLINES(${C},${A})`;

  // Monthly net flows as a finance team would have them in a sheet; PILOT.PAYBACK reads the whole row.
  const monthly = [monthlyNet];
  put(AT.monthlyPayback, 'Payback on the monthly Net row', `=PILOT.PAYBACK(${qualifiedA1({ sheet: 'Monthly', row: 0, column: 0, rows: 1, columns: monthlyNet.length }, true)})`);

  const hf = HyperFormula.buildFromSheets(
    {
      Metrics: typed(input.metrics),
      Costs: typed(input.costs),
      Readiness: typed(input.readiness!),
      Assumptions: typed(input.assumptions!),
      Monthly: monthly,
      Model: rows,
    },
    CONFIG,
  );
  const model = hf.getSheetId('Model')!;
  const at = (name: keyof typeof AT, down = 0, across = 0): SimpleCellAddress => ({ sheet: model, row: AT[name][0] + down, col: AT[name][1] + across });
  const value = (name: keyof typeof AT, down = 0, across = 0) => hf.getCellValue(at(name, down, across));
  const summary = () => {
    const map = new Map<string, CellValue>();
    for (let i = 1; i <= 31; i++) map.set(String(value('summary', i, 0)), value('summary', i, 1));
    return map;
  };
  return { hf, model, input, at, value, summary };
}

function relativeGap(a: CellValue, b: CellValue): number {
  expect(typeof a).toBe('number');
  expect(typeof b).toBe('number');
  return Math.abs((a as number) - (b as number)) / Math.max(Math.abs(a as number), Math.abs(b as number));
}

/** Sets a cell of an input sheet as a person types it. */
function edit(book: Workbook, sheet: string, a1Row: number, a1Column: string, content: RawCellContent): void {
  const text = typeof content === 'string' ? `'${content}` : content;
  book.hf.setCellContents({ sheet: book.hf.getSheetId(sheet)!, row: a1Row - 1, col: a1Column.charCodeAt(0) - 65 }, [[text]]);
}

describe('registerPilotFunctions', () => {
  it('registers all nineteen PILOT functions under their sheet names, once however often it is called', () => {
    registerPilotFunctions(HyperFormula);
    registerPilotFunctions(HyperFormula);
    const registered = HyperFormula.getRegisteredFunctionNames('enGB');
    expect(PILOT_FUNCTION_NAMES).toHaveLength(19);
    for (const name of PILOT_FUNCTION_NAMES) {
      expect(registered).toContain(name);
      expect(HyperFormula.getFunctionPlugin(name)).toBe(PilotFunctionsPlugin);
    }
  });

  it('declares each function from the shared catalogue: the same arguments, optionals and spills', () => {
    for (const fn of PILOT_FUNCTIONS) {
      const declared = PilotFunctionsPlugin.implementedFunctions[`PILOT.${fn.id}`];
      expect(declared.parameters).toHaveLength(fn.params.length);
      expect(declared.parameters!.map((p) => p.optionalArg ?? false)).toEqual(fn.params.map((p) => p.optional));
      expect(declared.sizeOfResultArrayMethod !== undefined).toBe(fn.result === 'spill');
    }
  });
});

describe('the seed sample as a HyperFormula workbook (SPEC §7)', () => {
  let book: Workbook;

  beforeAll(() => {
    book = buildWorkbook();
  });

  afterAll(() => book.hf.destroy());

  it('uses every PILOT function', () => {
    const formulas = book.hf.getSheetFormulas(book.model).flat().filter((f): f is string => typeof f === 'string');
    const used = new Set(formulas.flatMap((f) => [...f.matchAll(/PILOT\.[A-Z]+/g)].map((m) => m[0])));
    expect([...used].sort()).toEqual([...PILOT_FUNCTION_NAMES].sort());
  });

  it('evaluates every formula on the sheet without an error', () => {
    const errors = book.hf
      .getSheetValues(book.model)
      .flatMap((row, r) => row.map((v, c) => [r, c, v] as const))
      .filter(([, , v]) => v instanceof DetailedCellError)
      .map(([r, c, v]) => `${r},${c}: ${(v as DetailedCellError).value} ${(v as DetailedCellError).message}`);
    expect(errors).toEqual([]);
  });

  it('gives SPEC §7’s figures: NPV 1,475,525.91, IRR 277.51%, payback 13.072 months, NOT READY', () => {
    expect(book.value('verdict')).toBe('NOT READY');
    expect(book.value('npv') as number).toBeCloseTo(1475525.91, 2);
    expect(book.value('irr') as number).toBeCloseTo(2.7751, 4);
    expect(book.value('roi') as number).toBeCloseTo(2.2189, 4);
    const summary = book.summary();
    expect(summary.get('Payback (months)') as number).toBeCloseTo(13.072, 3);
    expect(summary.get('PV benefits') as number).toBeCloseTo(2140514.64, 2);
    expect(summary.get('PV costs') as number).toBeCloseTo(664988.73, 2);
    expect(summary.get('Readiness score')).toBe(0);
    expect(summary.get('Readiness progress') as number).toBeCloseTo(0.65, 12);
    expect(summary.get('Blockers')).toBe('Production data audited; Change management plan; Workflow redesign');
    expect(summary.get('Budget variance (× approved budget)')).toBe('none (no approved budget)');
    expect(book.value('adoption') as number).toBeCloseTo(0.2881, 4);
    expect(book.value('volume') as number).toBeCloseTo(0.3107, 4);
    expect(book.value('cost') as number).toBeCloseTo(3.2189, 4);
    expect(book.value('realization') as number).toBeCloseTo(0.2847, 4);
    expect(book.value('readiness')).toBe(0);
    expect(book.value('value')).toBeCloseTo(120, 12);
    expect(book.value('gapClosed') as number).toBeCloseTo(0.972973, 6);
    expect(book.value('metricValue') as number).toBeCloseTo(375000, 6);
    expect(book.value('expansion') as number).toBeCloseTo(3.175, 12);
  });

  it('spills the cash flows, the timeline, the summary and the reasons at their full size', () => {
    const row = (down: number) => [0, 1, 2, 3, 4].map((across) => book.value('cashflows', down, across));
    expect(row(0)).toEqual(['USD', 'Year 0', 'Year 1', 'Year 2', 'Year 3']);
    expect(row(3)[0]).toBe('Net');
    expect(row(3)[1]).toBe(-190000);
    expect(row(3)[2] as number).toBeCloseTo(450561.14, 2);
    expect(row(4)[4] as number).toBeCloseTo(1852595.43, 2);
    expect([book.value('timeline'), book.value('timeline', 0, 1)]).toEqual([4, 6]);
    expect(book.value('summary')).toBe('Figure');
    expect(book.value('summary', 31, 0)).toBe('Currency');
    const reasons = evaluateCase(book.input).reasons;
    expect(reasons.map((_, i) => book.value('reasons', i))).toEqual(reasons);
    expect(book.hf.isCellPartOfArray(book.at('reasons', reasons.length - 1))).toBe(true);
  });

  it('reconciles: HyperFormula’s own NPV and IRR on the spilled Net row equal PILOT.NPV and PILOT.IRR to 1e-9', () => {
    expect(relativeGap(book.value('cfoNpv'), book.value('npv'))).toBeLessThanOrEqual(1e-9);
    expect(relativeGap(book.value('cfoIrr'), book.value('irr'))).toBeLessThanOrEqual(1e-9);
  });

  it('PILOT.PAYBACK on the monthly Net row is the case payback; on the yearly row, the coarser yearly figure', () => {
    expect(relativeGap(book.value('monthlyPayback'), book.summary().get('Payback (months)')!)).toBeLessThanOrEqual(1e-12);
    expect(book.value('yearlyPayback') as number).toBeCloseTo(12 * (1 + 190000 / 450561.142857143), 9);
  });
});

describe('ranges (SPEC §3.10) in a HyperFormula workbook', () => {
  it('PILOT.SIMULATE and PILOT.TORNADO spill the engine\'s figures to the bit, and follow an edited range', () => {
    const input = rangedSampleCase();
    const book = buildWorkbook(input);
    const s = simulateCase(input, { trials: 5000, seed: 7 });
    const figures = [s.npv.p10, s.npv.p50, s.npv.p90, s.npv.mean, s.probabilityNpvNonNegative, s.probabilityPaybackWithinMax];
    expect(figures.map((_, i) => book.value('simulate', i + 1, 1))).toEqual(figures);
    const bars = tornadoCase(input);
    expect(bars.map((_, i) => [0, 1, 2, 3].map((c) => book.value('tornado', i + 1, c)))).toEqual(bars.map((b) => [b.label, b.npvLow, b.npvHigh, b.swing]));
    // Monitoring's High from 24,000 to 240,000: its bar moves, and the simulation with it.
    edit(book, 'Costs', 9, 'F', 240000);
    const edited = { ...input, costs: input.costs.map((row, r) => (r === 8 ? [...row.slice(0, 5), 240000] : row)) };
    expect(book.value('simulate', 2, 1)).toBe(simulateCase(edited, { trials: 5000, seed: 7 }).npv.p50);
    expect(book.value('simulate', 2, 1)).not.toBe(s.npv.p50);
    book.hf.destroy();
  });
});

describe('editing inputs moves the verdict as SPEC §3.8 says', () => {
  it('every metric proven and every gate passing: SCALE', () => {
    const book = buildWorkbook();
    edit(book, 'Metrics', 3, 'D', '0.5%'); // Error rate reaches its target
    edit(book, 'Metrics', 5, 'D', 200); // hours saved reach theirs
    edit(book, 'Readiness', 3, 'B', 'yes'); // Production data audited
    edit(book, 'Readiness', 8, 'B', 'yes'); // Change management plan
    edit(book, 'Readiness', 9, 'C', 'Lee Chen'); // Workflow redesign gets a named owner
    expect(book.value('verdict')).toBe('SCALE');
    expect(book.value('readiness')).toBe(1);
    expect(book.summary().get('Blockers')).toBe('none');
    expect(book.value('npv') as number).toBeGreaterThan(1475525.91);
    book.hf.destroy();
  });

  it('a production cost between the case and the best case: PIVOT, with the thresholds as reasons', () => {
    const book = buildWorkbook();
    edit(book, 'Costs', 7, 'D', 740000); // Operations and support: 40,000 → 740,000 a year
    expect(book.value('verdict')).toBe('PIVOT');
    expect(book.value('npv') as number).toBeLessThan(0);
    expect(book.summary().get('Best-case NPV') as number).toBeGreaterThan(0);
    book.hf.destroy();
  });

  it('a cost so high that even the best case fails: KILL', () => {
    const book = buildWorkbook();
    edit(book, 'Costs', 7, 'D', 2000000);
    expect(book.value('verdict')).toBe('KILL');
    expect(book.summary().get('Best-case NPV') as number).toBeLessThan(0);
    // The CFO cells follow the spilled Net row: still equal to PILOT.NPV and PILOT.IRR (or both without an IRR).
    expect(relativeGap(book.value('cfoNpv'), book.value('npv'))).toBeLessThanOrEqual(1e-9);
    book.hf.destroy();
  });

  it('a spill that outgrows the size it was entered with says so, and entering the formula again resizes it', () => {
    const book = buildWorkbook();
    const before = evaluateCase(book.input).reasons.length;
    edit(book, 'Costs', 7, 'D', 740000);
    const edited = { ...book.input, costs: book.input.costs.map((row, r) => (r === 6 ? [row[0], row[1], row[2], 740000, row[4]] : row)) };
    const after = evaluateCase(edited).reasons;
    expect(after.length).toBeGreaterThan(before); // PIVOT gives the thresholds as reasons
    const anchor = book.value('reasons');
    expect(anchor).toBeInstanceOf(DetailedCellError);
    expect((anchor as DetailedCellError).value).toBe('#SPILL!');
    expect((anchor as DetailedCellError).message).toMatch(/^PILOT\.REASONS now spills \d+ × 1 cells, .* enter the formula again/);
    const formula = book.hf.getCellFormula(book.at('reasons'))!;
    book.hf.setCellContents(book.at('reasons'), [[formula]]);
    expect(after.map((_, i) => book.value('reasons', i))).toEqual(after);
    book.hf.destroy();
  });
});

describe('errors in the engine', () => {
  it('show as HyperFormula errors with the engine’s message, naming table, row and column', () => {
    const input = sampleCase();
    input.metrics[3][2] = 'tbd';
    const book = buildWorkbook(input);
    const npv = book.value('npv') as DetailedCellError;
    expect(npv).toBeInstanceOf(DetailedCellError);
    expect(npv.value).toBe('#VALUE!');
    expect(npv.message).toMatch(/^Metrics row 4, Target: /);
    // A spill of bad input is one error in its anchor, not a spill of errors.
    expect((book.value('cashflows') as DetailedCellError).value).toBe('#VALUE!');
    book.hf.destroy();
  });

  it('name the cell of an error value inside a table range', () => {
    const book = buildWorkbook();
    book.hf.setCellContents({ sheet: book.hf.getSheetId('Costs')!, row: 5, col: 3 }, [['=1/0']]);
    const verdict = book.value('verdict') as DetailedCellError;
    expect(verdict.value).toBe('#VALUE!');
    expect(verdict.message).toBe('Costs row 6, Annual: the cell holds the Excel error #DIV/0!: expected a value (fix the cell or clear it)');
    book.hf.destroy();
  });

  it('keep #N/A for "never" and #NUM! for no solution, with their messages', () => {
    const input = sampleCase();
    // No benefits at all: NPV never turns positive, payback never comes, IRR has no sign change.
    input.metrics = [input.metrics[0], ['Time', '12 min', '11 min', '12 min', '90 days', null, null, '1 doc/year', '$1/h']];
    const book = buildWorkbook(input);
    const irr = book.value('irr') as DetailedCellError;
    expect(irr.value).toBe('#NUM!');
    expect(irr.message).toBe('IRR has no solution: the yearly net cash flows never change sign.');
    expect((book.value('adoption') as DetailedCellError).value).toBe('#N/A');
    expect((book.value('monthlyPayback') as DetailedCellError).value).toBe('#N/A');
    book.hf.destroy();
  });
});

describe('reasons and actions that name sheet cells', () => {
  /** PILOT.REASONS or PILOT.ACTIONS with the places of Metrics, Costs and Readiness: each header row, as the block writes them. */
  function cited(fn: 'REASONS' | 'ACTIONS', input: CaseInput): string {
    const header = (sheet: string, grid: Grid) => qualifiedA1({ sheet, row: 0, column: 0, rows: 1, columns: grid[0].length }, true);
    const tables = [tableRef('Metrics', input.metrics), tableRef('Costs', input.costs), tableRef('Readiness', input.readiness!), tableRef('Assumptions', input.assumptions!)];
    return `=PILOT.${fn}(${tables.join(',')},,${header('Metrics', input.metrics)},${header('Costs', input.costs)},${header('Readiness', input.readiness!)})`;
  }

  it('names the cell from the address of each header-row argument, and follows the table when rows are put above it', () => {
    const book = buildWorkbook();
    const sheet = book.hf.getSheetId(book.hf.addSheet('Cited'))!;
    book.hf.setCellContents({ sheet, row: 0, col: 0 }, [[cited('REASONS', book.input)]]);
    book.hf.setCellContents({ sheet, row: 0, col: 2 }, [[cited('ACTIONS', book.input)]]);
    const value = (row: number, col: number) => book.hf.getCellValue({ sheet, row, col });
    expect(value(0, 0)).toBe('Readiness row 3 "Production data audited" (Readiness!B3) blocks production: status partial.');
    expect(value(3, 0)).toBe('Metrics row 3 "Error rate" (Metrics!D3): the pilot closed 97.3% of the gap to target (proven at 100.0%).');
    expect(value(7, 4)).toBe('Costs row 7 (Costs!A7)');
    // Two rows above the Readiness table: its header row is now row 3, so its row 3 is sheet row 5.
    book.hf.addRows(book.hf.getSheetId('Readiness')!, [0, 2]);
    // The tables' values are unchanged, so HyperFormula keeps the results until the rewritten formulas run again.
    for (const col of [0, 2]) book.hf.setCellContents({ sheet, row: 0, col }, [[book.hf.getCellFormula({ sheet, row: 0, col })!]]);
    expect(book.hf.getCellFormula({ sheet, row: 0, col: 0 })).toContain('Readiness!$A$3:$D$3)');
    expect(value(0, 0)).toBe('Readiness row 3 "Production data audited" (Readiness!B5) blocks production: status partial.');
    expect(value(1, 4)).toBe('Readiness row 3, Status (Readiness!B5)');
  });

  it('names table rows only when a place is not a reference, as a person’s own call without places does', () => {
    const book = buildWorkbook();
    expect(book.value('reasons')).toBe('Readiness row 3 "Production data audited" blocks production: status partial.');
    const sheet = book.hf.getSheetId(book.hf.addSheet('Cited'))!;
    const formula = cited('REASONS', book.input).replace(/,\$?Readiness!\$A\$1:\$[A-Z]+\$1\)$/, ',"Readiness!A1")');
    book.hf.setCellContents({ sheet, row: 0, col: 0 }, [[formula]]);
    expect(book.hf.getCellValue({ sheet, row: 0, col: 0 })).toBe('Readiness row 3 "Production data audited" blocks production: status partial.');
  });
});
