import { evaluateCase, sampleCase } from '../../src/model';
import type { CaseResult } from '../../src/model';
import { LAYOUT, planBlock } from '../../src/usecases/block';
import type { BlockInputs } from '../../src/usecases/block';
import { evaluate } from '../../src/usecases/evaluate';
import { SNAPSHOT_NOTE, NoBlockError, planSnapshot, snapshot } from '../../src/usecases/snapshot';
import { insertTemplate } from '../../src/usecases/tables';
import { MemoryWorkbook } from '../../src/workbook/memory';
import type { InputSources, RangeAddress, WorkbookPort, WriteOp } from '../../src/workbook/port';

/** Where the live block is: not at A1, so the copy's "copied from" line is checked. */
const BLOCK: RangeAddress = { sheet: 'Pilot Gate', row: 2, column: 1, rows: 20, columns: 5 };
const table = (name: string) => ({
  table: { kind: 'table' as const, name, sheet: name },
  range: { sheet: name, row: 0, column: 0, rows: 5, columns: 4 },
});
const INPUTS: BlockInputs = { metrics: table('Metrics'), costs: table('Costs'), readiness: table('Readiness') };
/** The seed sample of SPEC §7. */
const RESULT = evaluateCase(sampleCase());
const NOW = new Date(2025, 4, 1, 14, 30);

function cellsOf(ops: WriteOp[]): Extract<WriteOp, { op: 'cells' }>[] {
  return ops.filter((o): o is Extract<WriteOp, { op: 'cells' }> => o.op === 'cells');
}

/** The copied block: the second cells operation (the first is the stamp and the note line). */
function copyOf(ops: WriteOp[]): Extract<WriteOp, { op: 'cells' }> {
  return cellsOf(ops)[1];
}

function noteLine(ops: WriteOp[]): string {
  return String(cellsOf(ops)[0].cells[1][0]);
}

const at = ([r, c]: readonly [number, number]) => ({ r, c });

/** A workbook with the template's tables and a live block written by Evaluate, on the sample. */
async function evaluated(book: MemoryWorkbook): Promise<InputSources> {
  const { sources } = await insertTemplate(book);
  const evaluation = await evaluate(book, sources);
  if (evaluation.kind !== 'written') throw new Error(`expected the block written, got ${evaluation.kind}`);
  return sources;
}

/** The port, counting its calls. */
function counted(book: MemoryWorkbook): { port: WorkbookPort; calls: string[] } {
  const calls: string[] = [];
  const port: WorkbookPort = {
    survey: (options) => (calls.push('survey'), book.survey(options)),
    read: (sources, name) => (calls.push('read'), book.read(sources, name)),
    inspect: (area, anchors) => (calls.push('inspect'), book.inspect(area, anchors)),
    write: (ops, guard) => (calls.push('write'), book.write(ops, guard)),
    formulaText: (spec, sheet) => book.formulaText(spec, sheet),
    select: (range) => (calls.push('select'), book.select(range)),
    theme: () => book.theme(),
    watch: (listener) => book.watch(listener),
  };
  return { port, calls };
}

describe('snapshot', () => {
  it('reads the case and where the block is in one read phase, and writes the copy in one', async () => {
    const book = new MemoryWorkbook();
    const sources = await evaluated(book);
    const { port, calls } = counted(book);
    const outcome = await snapshot(port, sources, NOW);
    expect(outcome).toMatchObject({ kind: 'written', sheet: 'Snapshot 2025-05-01 1430' });
    expect(calls).toEqual(['read', 'write']);
  });

  it('reaches as far as the case’s spills do now: a longer horizon takes more columns', () => {
    const input = sampleCase();
    const longer = evaluateCase({ ...input, assumptions: [...input.assumptions!.filter((row) => row[0] !== 'Horizon'), ['Horizon', 18]] });
    const three = planSnapshot(planBlock(INPUTS, RESULT), BLOCK, [], NOW);
    const eighteen = planSnapshot(planBlock(INPUTS, longer), BLOCK, [], NOW);
    // Three years fit beside the charts and the cost lines (22 columns); eighteen run on: the
    // proof's label column is the sixth, then the cash flows' label column and Year 0 … 18.
    expect([three.copy.columns, eighteen.copy.columns]).toEqual([22, 6 + 1 + 18 + 1]);
    expect(noteLine(eighteen.ops)).toBe(`Copied from 'Pilot Gate'!B3:AA${3 + eighteen.copy.rows - 1}; the live block there recalculates, this copy does not.`);
  });

  it('writes values and formats, the verdict coloured as it is, under a timestamp', () => {
    const plan = planSnapshot(planBlock(INPUTS, RESULT), BLOCK, ['Snapshot 2025-05-01 1430'], NOW);
    expect(plan.sheet).toBe('Snapshot 2025-05-01 1430 (2)');
    expect(plan.copy).toMatchObject({ sheet: plan.sheet, row: 3, column: 0, columns: 22 });
    expect(cellsOf(plan.ops)[0].cells[0][0]).toBe('Pilot Gate snapshot: values as of 2025-05-01 14:30. No formulas: it reads the same in any Excel.');
    const copy = copyOf(plan.ops);
    expect(copy.at).toEqual({ sheet: plan.sheet, row: 3, column: 0 });
    expect(copy.cells[1].slice(0, 2)).toEqual(['Verdict', 'NOT READY']);
    // SPEC §7: adoption must reach 28.81%.
    const { r, c } = at(LAYOUT.thresholds.adoption);
    expect(copy.cells[r][c] as number).toBeCloseTo(0.2881, 4);
    expect(copy.numberFormats?.[r][c]).toBe('0.0%');
    expect(copy.cells.flat().some((cell) => typeof cell === 'string' && cell.startsWith('=PILOT'))).toBe(false);
    expect(plan.ops).toContainEqual({
      op: 'style',
      range: { sheet: plan.sheet, row: 4, column: 1, rows: 1, columns: 1 },
      style: { bold: true, fill: '#FFEB9C', fontColor: '#9C5700' },
    });
  });

  it('copies only the block’s own cells: not a person’s note in its area, and its labels as it writes them', async () => {
    const book = new MemoryWorkbook();
    const sources = await evaluated(book);
    // A person's note beside the adoption threshold, and their own words over a label.
    book.setValues({ sheet: 'Pilot Gate', row: LAYOUT.thresholds.adoption[0], column: 2 }, [['my note']]);
    book.setValues({ sheet: 'Pilot Gate', row: 3, column: 0 }, [['ROI (my words)']]);
    const outcome = await snapshot(book, sources, NOW);
    if (outcome.kind !== 'written') throw new Error('expected a copy');
    const copied = [...book.findSheet(outcome.sheet)!.cells.values()].map((cell) => cell.value);
    expect(copied).not.toContain('my note');
    expect(copied).not.toContain('ROI (my words)');
    expect(book.valueAt({ sheet: outcome.sheet, row: 3 + 3, column: 0 })).toBe('ROI (risk-adjusted)');
  });

  it('lays the spills out from the case, on a host that cannot report spills', async () => {
    // This in-memory workbook does not calculate: its PILOT cells have no values and no spills.
    const book = new MemoryWorkbook();
    const sources = await evaluated(book);
    const outcome = await snapshot(book, sources, NOW);
    if (outcome.kind !== 'written') throw new Error('expected a copy');
    const [dr, dc] = LAYOUT.details;
    const [rr, rc] = LAYOUT.reasons;
    // SPEC §7: PV benefits 2,140,514.64, the first of the details.
    expect(book.valueAt({ sheet: outcome.sheet, row: 3 + dr, column: dc })).toBe('PV benefits');
    expect(book.valueAt({ sheet: outcome.sheet, row: 3 + dr, column: dc + 1 }) as number).toBeCloseTo(2140514.64, 2);
    const [ar, ac] = LAYOUT.actions;
    expect(book.valueAt({ sheet: outcome.sheet, row: 3 + ar + RESULT.actions.length, column: ac })).toBe(RESULT.actions[RESULT.actions.length - 1].action);
    expect(book.valueAt({ sheet: outcome.sheet, row: 3 + rr + RESULT.reasons.length - 1, column: rc })).toBe(RESULT.reasons[RESULT.reasons.length - 1]);
  });

  it('copies a threshold no input reaches as "never", as the live block shows it, with no error value; the block’s note speaks of the copy', () => {
    const never: CaseResult = { ...RESULT, thresholds: { ...RESULT.thresholds, adoption: 'never', realization: 'never' } };
    const plan = planSnapshot(planBlock(INPUTS, never), BLOCK, [], NOW);
    const copy = copyOf(plan.ops);
    const { r, c } = at(LAYOUT.thresholds.adoption);
    expect(copy.cells[r][c]).toBe('never');
    expect(noteLine(plan.ops)).toMatch(/^Copied from 'Pilot Gate'!B3:W\d+; the live block there recalculates, this copy does not\.$/);
    expect(copy.cells[LAYOUT.note[0]][LAYOUT.note[1]]).toBe(SNAPSHOT_NOTE);
  });

  it('sets every copied column wide enough for its figures', () => {
    const plan = planSnapshot(planBlock(INPUTS, RESULT), BLOCK, [], NOW);
    const widths = plan.ops.filter((o) => o.op === 'columnWidth').map((o) => (o.op === 'columnWidth' ? `${o.column}=${o.width}` : ''));
    // The answer (labels, figures, two check columns), a narrow gap, the proof, then years and charts, then the cost lines.
    expect(widths).toEqual(['0=230', '1=110', '2=100', '3=100', '4=16', '5=230', '6=110', ...Array.from({ length: 10 }, (_, i) => `${7 + i}=100`), '17=230', '18=100', '19=100', '20=100', '21=100']);
  });

  it('says there is no block to copy before one was written, and stops at input problems as Evaluate does', async () => {
    const book = new MemoryWorkbook();
    const { sources } = await insertTemplate(book);
    await expect(snapshot(book, sources, NOW)).rejects.toThrow(NoBlockError);
    await expect(snapshot(new MemoryWorkbook(), {}, NOW)).rejects.toThrow('There is no output block to copy yet: Evaluate first.');
    await evaluate(book, sources);
    book.setValues({ sheet: 'Metrics', row: 2, column: 1 }, [['N/A']]);
    const outcome = await snapshot(book, sources, NOW);
    expect(outcome.kind === 'problems' && outcome.findings.map((f) => f.cell)).toEqual(['Metrics!B3']);
  });
});
