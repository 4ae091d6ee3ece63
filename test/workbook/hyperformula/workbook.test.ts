/**
 * The workbook port on HyperFormula, driven by the task pane's own actions (the code the pane's
 * buttons run): insert the template, check, evaluate, edit, evaluate again, clobber, snapshot.
 * Figures are checked against the engine's evaluateCase on the same grids.
 */
import { evaluate, placeBlock } from '../../../src/usecases/evaluate';
import { checkInputs } from '../../../src/usecases/check';
import { snapshot } from '../../../src/usecases/snapshot';
import { findTables, insertTemplate } from '../../../src/usecases/tables';
import { evaluateCase } from '../../../src/model';
import { SAMPLE_COSTS, SAMPLE_METRICS, SAMPLE_READINESS } from '../../../src/model/sample';
import type { CaseInput, Grid } from '../../../src/model/types';
import { BLOCK_NAME, LAYOUT } from '../../../src/usecases/block';
import { VERDICT_COLOURS } from '../../../src/usecases/formats';
import { caseInput } from '../../../src/usecases/inputs';
import type { CellAddress, InputSources } from '../../../src/workbook/port';
import { WorkbookError } from '../../../src/workbook/port';
import { HyperFormulaWorkbook } from '../../../src/workbook/hyperformula/workbook';

const BLOCK_SHEET = 'Pilot Gate';
const verdictCell: CellAddress = { sheet: BLOCK_SHEET, row: LAYOUT.verdict[0], column: LAYOUT.verdict[1] };
const at = (sheet: string, a1: string): CellAddress => ({
  sheet,
  row: Number(a1.slice(1)) - 1,
  column: a1.charCodeAt(0) - 65,
});

/** A fresh workbook with the template inserted and found, as a person's first two clicks leave it. */
async function templateBook(): Promise<{ book: HyperFormulaWorkbook; sources: InputSources }> {
  const book = new HyperFormulaWorkbook({ sheets: ['Sheet1'] });
  const { sources } = await insertTemplate(book);
  return { book, sources };
}

async function caseNow(book: HyperFormulaWorkbook, sources: InputSources): Promise<CaseInput> {
  return caseInput(await book.read(sources, BLOCK_NAME));
}

/** Every cell on every sheet whose formula calls `fn`. */
function formulaCells(book: HyperFormulaWorkbook, fn: string): string[] {
  const found: string[] = [];
  for (const sheet of book.sheetNames()) {
    const { rows, columns } = book.extent(sheet);
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        if (book.shown({ sheet, row, column }).formula?.startsWith(`=${fn}(`)) found.push(`${sheet}!${String.fromCharCode(65 + column)}${row + 1}`);
      }
    }
  }
  return found;
}

describe('typing into the workbench grid', () => {
  it('keeps pasted values as text, and enters formulas and plain numbers as such', () => {
    const book = new HyperFormulaWorkbook({ sheets: ['Sheet1'] });
    book.enterMany(at('Sheet1', 'A1'), [['12 min', '$3.40', '4.2%', '1,200', 'N/A', '42', '-3.5', '=PILOT.VALUE("2 h","min")', "'7"]]);
    const values = 'ABCDEFGHI'.split('').map((c) => book.shown(at('Sheet1', `${c}1`)).value);
    expect(values).toEqual(['12 min', '$3.40', '4.2%', '1,200', 'N/A', 42, -3.5, 120, '7']);
    expect(book.shown(at('Sheet1', 'H1')).formula).toBe('=PILOT.VALUE("2 h","min")');
  });

  it('keeps everything typed into a text-formatted cell as text, formulas too, as Excel does', async () => {
    const book = new HyperFormulaWorkbook({ sheets: ['Sheet1'] });
    await book.write([{ op: 'cells', at: at('Sheet1', 'A1'), cells: [['', '']], numberFormats: [['@', '@']] }]);
    book.enterMany(at('Sheet1', 'A1'), [['42', '=1+1']]);
    expect([book.shown(at('Sheet1', 'A1')).value, book.shown(at('Sheet1', 'B1')).value]).toEqual(['42', '=1+1']);
    expect(book.shown(at('Sheet1', 'B1')).formula).toBeNull();
  });

  it('empties a cell for empty typing and for Delete, keeping its format', async () => {
    const book = new HyperFormulaWorkbook({ sheets: ['Sheet1'] });
    await book.write([{ op: 'cells', at: at('Sheet1', 'A1'), cells: [[0.5, 'x']], numberFormats: [['0%', 'General']] }]);
    book.enter(at('Sheet1', 'B1'), '');
    book.clearContents({ ...at('Sheet1', 'A1'), rows: 1, columns: 1 });
    expect(book.extent('Sheet1')).toEqual({ rows: 0, columns: 0 });
    book.enter(at('Sheet1', 'A1'), '0.25');
    expect(book.shown(at('Sheet1', 'A1')).text).toBe('25%');
  });
});

describe('writes through the port', () => {
  it('enter values as Excel enters values written by Office.js', async () => {
    const book = new HyperFormulaWorkbook({ sheets: ['Sheet1'] });
    await book.write([
      { op: 'cells', at: at('Sheet1', 'A1'), cells: [['$3.40', '4.2%', '1,200', '12 min', '=1+2']] },
      { op: 'cells', at: at('Sheet1', 'A2'), cells: [['$3.40']], numberFormats: [['@']] },
    ]);
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'A2'].map((a) => book.shown(at('Sheet1', a)).value)).toEqual([3.4, 0.042, 1200, '12 min', 3, '$3.40']);
    expect(book.shown(at('Sheet1', 'A1')).text).toBe('$3.40');
    expect(book.shown(at('Sheet1', 'B1')).text).toBe('4.2%');
  });

  it('leaves a cell alone for null and refuses a second sheet or table of the same name', async () => {
    const book = new HyperFormulaWorkbook({ sheets: ['Sheet1'] });
    await book.write([{ op: 'cells', at: at('Sheet1', 'A1'), cells: [['a', 'b']] }]);
    await book.write([{ op: 'cells', at: at('Sheet1', 'A1'), cells: [[null, '']] }]);
    expect(book.shown(at('Sheet1', 'A1')).value).toBe('a');
    expect(book.shown(at('Sheet1', 'B1')).value).toBeNull();
    await expect(book.write([{ op: 'addSheet', sheet: 'SHEET1' }])).rejects.toThrow(WorkbookError);
    const range = { ...at('Sheet1', 'A1'), rows: 1, columns: 2 };
    await book.write([{ op: 'table', name: 'Things', range }]);
    await expect(book.write([{ op: 'table', name: 'THINGS', range }])).rejects.toThrow(/already exists/);
    await expect(book.read({ Costs: { kind: 'table', name: 'Costs', sheet: 'Sheet1' } }, BLOCK_NAME)).rejects.toThrow(/Find tables again/);
  });

  it('sizes a spill from its inputs even when its tables are made in the same write as the formula', async () => {
    const book = new HyperFormulaWorkbook({ sheets: ['Data'] });
    const metrics = { sheet: 'Data', row: 0, column: 0, rows: SAMPLE_METRICS.length, columns: SAMPLE_METRICS[0].length };
    const costs = { sheet: 'Data', row: 9, column: 0, rows: SAMPLE_COSTS.length, columns: SAMPLE_COSTS[0].length };
    const readiness = { sheet: 'Data', row: 20, column: 0, rows: SAMPLE_READINESS.length, columns: SAMPLE_READINESS[0].length };
    const table = (name: string, range: typeof metrics) => ({ table: { kind: 'table' as const, name, sheet: 'Data' }, range });
    await book.write([
      { op: 'cells', at: at('Data', 'A1'), cells: SAMPLE_METRICS.map((r) => r.map((c) => c ?? '')), numberFormats: SAMPLE_METRICS.map((r) => r.map(() => '@')) },
      { op: 'cells', at: at('Data', 'A10'), cells: SAMPLE_COSTS.map((r) => r.map((c) => c ?? '')) },
      { op: 'cells', at: { sheet: 'Data', row: 20, column: 0 }, cells: SAMPLE_READINESS.map((r) => r.map((c) => c ?? '')) },
      { op: 'table', name: 'M', range: metrics },
      { op: 'table', name: 'C', range: costs },
      { op: 'table', name: 'R', range: readiness },
      { op: 'addSheet', sheet: 'Out' },
      { op: 'cells', at: at('Out', 'A1'), cells: [[{ formula: { fn: 'PILOT.REASONS', args: [table('M', metrics), table('C', costs), table('R', readiness)] } }]] },
    ]);
    const input = { metrics: SAMPLE_METRICS, costs: SAMPLE_COSTS, readiness: SAMPLE_READINESS };
    const reasons = evaluateCase(input).reasons;
    expect(reasons.length).toBeGreaterThan(3);
    expect(book.shown(at('Out', 'A1')).formula).toBe('=PILOT.REASONS(M,C,R)');
    expect(reasons.map((_, i) => book.shown({ sheet: 'Out', row: i, column: 0 }).value)).toEqual(reasons);
  });
});

describe('PILOT functions over tables handed over as IF(ISBLANK(t),"",t)', () => {
  it.each(['null', 'zero'] as const)('see each blank as "", in a spill sized to fit (blank cells reaching them as %s)', async (blankCells) => {
    const book = new HyperFormulaWorkbook({ sheets: ['Sheet1'], blankCells });
    const { sources } = await insertTemplate(book);
    // Error rate's Pilot and the hours metric's Volume left blank: as 0 they would give other reasons.
    for (const a1 of ['D3', 'H5']) book.clearContents({ ...at('Metrics', a1), rows: 1, columns: 1 });
    const safe = (t: string): string => `IF(ISBLANK(${t}),"",${t})`;
    const anchor = at('Sheet1', 'A1');
    book.enter(anchor, `=PILOT.REASONS(${['Metrics', 'Costs', 'Readiness', 'Assumptions', 'Ownership'].map(safe).join(',')})`);

    // The engine on the tables as read, each blank made "" and no places given (reasons name rows only).
    const read = await caseNow(book, sources);
    const blanksAsText = (grid: Grid | undefined): Grid | undefined => grid?.map((row) => row.map((cell) => cell ?? ''));
    const input: CaseInput = { metrics: blanksAsText(read.metrics)!, costs: blanksAsText(read.costs)!, readiness: blanksAsText(read.readiness), assumptions: blanksAsText(read.assumptions), ownership: blanksAsText(read.ownership) };
    const reasons = evaluateCase(input).reasons;
    expect(reasons.length).toBeGreaterThan(3);
    const spill = (await book.inspect({ ...anchor, rows: 200, columns: 1 }, [anchor])).spills?.[0] ?? null;
    // Sized too small, the anchor shows #SPILL!; too large, the spill runs past the reasons.
    expect(spill?.rows).toBe(reasons.length);
    expect(reasons.map((_, r) => book.shown({ sheet: 'Sheet1', row: r, column: 0 }).value)).toEqual(reasons);
  });
});

describe('the task pane on the HyperFormula workbook', () => {
  it('inserts the template as tables holding the sample as pasted text', async () => {
    const { book, sources } = await templateBook();
    expect(book.sheetNames()).toEqual(['Sheet1', 'Metrics', 'Costs', 'Readiness', 'Ownership', 'Assumptions']);
    expect(book.tables.map((t) => [t.name, t.namedExpression])).toEqual([
      ['Metrics', 'Metrics'],
      ['Costs', 'Costs'],
      ['Readiness', 'Readiness'],
      ['Ownership', 'Ownership'],
      ['Assumptions', 'Assumptions'],
    ]);
    const input = await caseNow(book, sources);
    expect(input.metrics).toEqual(SAMPLE_METRICS);
    expect(input.costs).toEqual(SAMPLE_COSTS);
    const found = await findTables(book);
    expect(Object.keys(found.sources).sort()).toEqual(['Assumptions', 'Costs', 'Metrics', 'Ownership', 'Readiness']);
  });

  it('lists a cell that is not a value, and selecting it shows its sheet and selects it', async () => {
    const { book, sources } = await templateBook();
    book.enter(at('Metrics', 'D3'), 'N/A');
    const { findings } = await checkInputs(book, sources);
    const problem = findings.find((f) => f.severity === 'error');
    expect(problem?.cell).toBe('Metrics!D3');
    expect(problem?.message).toMatch(/N\/A/);
    book.activateSheet('Costs');
    await book.select(problem!.where!);
    expect(book.activeSheet).toBe('Metrics');
    expect(book.selection).toEqual({ sheet: 'Metrics', row: 2, column: 3, rows: 1, columns: 1 });
    expect(book.activeCellAddress).toEqual({ sheet: 'Metrics', row: 2, column: 3 });
  });

  it('writes a block of live PILOT formulas whose values are the engine’s, referring to the tables by name', async () => {
    const { book, sources } = await templateBook();
    const outcome = await evaluate(book, sources);
    expect(outcome.kind).toBe('written');
    const expected = evaluateCase(await caseNow(book, sources));
    expect(expected.verdict).toBe('NOT READY');

    const verdict = book.shown(verdictCell);
    const safe = (t: string) => `IF(ISBLANK(${t}),"",${t})`;
    expect(verdict.formula).toBe(`=PILOT.VERDICT(${['Metrics', 'Costs', 'Readiness', 'Assumptions', 'Ownership'].map(safe).join(',')})`);
    expect(verdict.value).toBe('NOT READY');
    expect(verdict.style).toMatchObject({ bold: true, ...VERDICT_COLOURS['NOT READY'] });

    // The reasons spill down the proof's label column, every reason of the engine's, none cut off.
    const reasonsAt = { sheet: BLOCK_SHEET, row: LAYOUT.reasons[0], column: LAYOUT.reasons[1] };
    const reasons = expected.reasons.map((_, i) => book.shown({ ...reasonsAt, row: reasonsAt.row + i }).value);
    expect(reasons).toEqual(expected.reasons);
    expect(book.shown({ ...reasonsAt, row: reasonsAt.row + expected.reasons.length }).value).toBeNull();

    // Cash flows: the Net row (fourth row of the spill, after the Year header) is the engine's, formatted as money.
    const cash = { sheet: BLOCK_SHEET, row: LAYOUT.cashflows[0], column: LAYOUT.cashflows[1] };
    const net = expected.cashflows.map((_, y) => book.shown({ sheet: BLOCK_SHEET, row: cash.row + 3, column: cash.column + 1 + y }));
    net.forEach((cell, y) => expect(cell.value as number).toBeCloseTo(expected.cashflows[y].net, 6));
    expect(net[0].text).toBe('($190,000)');

    const adoption = book.shown({ sheet: BLOCK_SHEET, row: LAYOUT.thresholds.adoption[0], column: LAYOUT.thresholds.adoption[1] });
    expect(adoption.value as number).toBeCloseTo(expected.thresholds.adoption as number, 9);
    expect(adoption.text).toBe('28.8%');

    const contents = await book.inspect({ sheet: BLOCK_SHEET, row: 0, column: 0, rows: 60, columns: 20 }, [cash, reasonsAt]);
    expect(contents.spills).toEqual([
      { ...cash, rows: 5, columns: expected.cashflows.length + 1 },
      { ...reasonsAt, rows: expected.reasons.length, columns: 1 },
    ]);
  });

  it('recalculates the verdict live when an input changes, and Evaluate again keeps one block', async () => {
    const { book, sources } = await templateBook();
    const first = await evaluate(book, sources);
    if (first.kind !== 'written') throw new Error(`expected a written block, got ${first.kind}`);

    book.enter(at('Costs', 'D2'), '5000000');
    const expected = evaluateCase(await caseNow(book, sources));
    expect(expected.verdict).toBe('KILL');
    expect(book.shown(verdictCell).value).toBe('KILL');
    expect(book.shown(verdictCell).style).toMatchObject(VERDICT_COLOURS.KILL);

    const again = await evaluate(book, sources);
    expect(again.kind).toBe('written');
    if (again.kind === 'written') expect(again.block).toEqual({ ...first.block, rows: again.block.rows });
    expect(formulaCells(book, 'PILOT.VERDICT')).toEqual(['Pilot Gate!B2']);
    expect(book.sheetNames().filter((s) => s.startsWith(BLOCK_SHEET))).toEqual([BLOCK_SHEET]);
    const reasonsAt = { sheet: BLOCK_SHEET, row: LAYOUT.reasons[0], column: LAYOUT.reasons[1] };
    expect(expected.reasons.map((_, i) => book.shown({ ...reasonsAt, row: reasonsAt.row + i }).value)).toEqual(expected.reasons);
  });

  it('asks before writing over a person’s cell in the block, and can put the block on a new sheet instead', async () => {
    const { book, sources } = await templateBook();
    await evaluate(book, sources);
    book.enter(at(BLOCK_SHEET, 'C3'), 'my note');
    const outcome = await evaluate(book, sources);
    expect(outcome.kind).toBe('conflict');
    if (outcome.kind !== 'conflict') return;
    expect(outcome.conflicts).toEqual([at(BLOCK_SHEET, 'C3')]);
    expect(book.shown(at(BLOCK_SHEET, 'C3')).value).toBe('my note');

    const { block } = await placeBlock(book, outcome.pending, 'newSheet');
    expect(block.sheet).toBe('Pilot Gate (2)');
    expect(formulaCells(book, 'PILOT.VERDICT')).toEqual(['Pilot Gate (2)!B2']);
    expect(book.shown(at(BLOCK_SHEET, 'C3')).value).toBe('my note');
    expect(book.shown(at('Pilot Gate (2)', 'B2')).value).toBe('NOT READY');
  });

  it('snapshots the block as values, with the verdict coloured as it looked', async () => {
    const { book, sources } = await templateBook();
    await evaluate(book, sources);
    const outcome = await snapshot(book, sources, new Date(2025, 4, 1, 14, 30));
    if (outcome.kind !== 'written') throw new Error('expected a copy');
    const sheet = outcome.sheet;
    expect(sheet).toBe('Snapshot 2025-05-01 1430');
    const verdict = book.shown({ sheet, row: 3 + LAYOUT.verdict[0], column: LAYOUT.verdict[1] });
    expect(verdict).toMatchObject({ value: 'NOT READY', formula: null });
    expect(verdict.style).toMatchObject(VERDICT_COLOURS['NOT READY']);
    expect(formulaCells(book, 'PILOT.VERDICT')).toEqual(['Pilot Gate!B2']);
    const { rows, columns } = book.extent(sheet);
    for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) expect(book.shown({ sheet, row, column }).formula).toBeNull();
  });

  it('grows a table when a person types just below it, and the block’s formulas follow it', async () => {
    const { book, sources } = await templateBook();
    await evaluate(book, sources);
    book.enterMany(at('Metrics', 'A6'), [['Tickets closed', 'N/A', '5', '', '90 days']]);
    expect(book.table('Metrics')!.range.rows).toBe(6);
    // The new row takes the formats of the row above: General there, so a typed number is a number.
    expect(book.shown(at('Metrics', 'C6')).value).toBe(5);
    const verdict = book.shown(verdictCell);
    expect(verdict.error?.code).toBe('#VALUE!');
    expect(verdict.error?.message).toMatch(/Metrics row 6, Baseline/);
  });

  it('refers to a plain range by its absolute address', async () => {
    const book = new HyperFormulaWorkbook({ sheets: ['Data'] });
    await book.write([
      { op: 'cells', at: at('Data', 'A1'), cells: SAMPLE_METRICS.map((r) => r.map((c) => c ?? '')), numberFormats: SAMPLE_METRICS.map((r) => r.map(() => '@')) },
      { op: 'cells', at: at('Data', 'A10'), cells: SAMPLE_COSTS.map((r) => r.map((c) => c ?? '')) },
      { op: 'cells', at: { sheet: 'Data', row: 20, column: 0 }, cells: SAMPLE_READINESS.map((r) => r.map((c) => c ?? '')) },
    ]);
    const sources: InputSources = {
      Metrics: { kind: 'range', header: { sheet: 'Data', row: 0, column: 0, rows: 1, columns: 9 } },
      Costs: { kind: 'range', header: { sheet: 'Data', row: 9, column: 0, rows: 1, columns: 5 } },
      Readiness: { kind: 'range', header: { sheet: 'Data', row: 20, column: 0, rows: 1, columns: 4 } },
    };
    const outcome = await evaluate(book, sources);
    expect(outcome.kind).toBe('written');
    const safe = (t: string) => `IF(ISBLANK(${t}),"",${t})`;
    expect(book.shown(verdictCell).formula).toBe(`=PILOT.VERDICT(${['Data!$A$1:$I$5', 'Data!$A$10:$E$18', 'Data!$A$21:$D$31'].map(safe).join(',')})`);
    expect(book.shown(verdictCell).value).toBe(evaluateCase(await caseNow(book, sources)).verdict);
  });
});
