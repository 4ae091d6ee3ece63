/**
 * A person's cells are never lost (SPEC §6: "the user's cells are never overwritten without
 * asking"), in every host of the port: the fake Excel through the Office adapter (with and
 * without ExcelApi 1.12, which reports spills), the in-memory workbook (calculating, and not:
 * then it cannot report spills), HyperFormula and the command line's .xlsx host. Each case is one a person meets: a note in
 * the block, a PILOT formula of their own in its place, a fill on an empty cell, a cell typed
 * while the pane asks, and undoing an Evaluate.
 */
import { CellsChangedError } from '../../src/usecases';
import { BLOCK_NAME, LAYOUT } from '../../src/usecases/block';
import { evaluate, placeBlock } from '../../src/usecases/evaluate';
import { undo } from '../../src/usecases/undo';
import type { Evaluation } from '../../src/usecases/evaluate';
import type { CellAddress, WorkbookPort } from '../../src/workbook/port';
import { HOSTS, type Host } from './hosts';

const SHEET = 'Pilot Gate';
const at = (row: number, column: number, sheet = SHEET): CellAddress => ({ sheet, row, column });
const [vr, vc] = LAYOUT.verdict;
const [rr, rc] = LAYOUT.reasons;
/** A cell of the block that it leaves empty (right of the ROI, left of the thresholds). */
const EMPTY_IN_BLOCK = at(3, 3);
/** Another, right of the verdict. */
const BESIDE_VERDICT = at(1, 3);

async function written(host: Host, port: WorkbookPort = host.port): Promise<Extract<Evaluation, { kind: 'written' }>> {
  const outcome = await evaluate(port, host.sources);
  if (outcome.kind !== 'written') throw new Error(`expected the block written, got ${outcome.kind}`);
  return outcome;
}

async function conflict(host: Host, port: WorkbookPort = host.port): Promise<Extract<Evaluation, { kind: 'conflict' }>> {
  const outcome = await evaluate(port, host.sources);
  if (outcome.kind !== 'conflict') throw new Error(`expected cells in the way, got ${outcome.kind}`);
  return outcome;
}

describe.each(HOSTS)('nothing lost: $name', ({ make }) => {
  let host: Host;
  beforeEach(async () => {
    host = await make();
  });

  it('asks about a note typed inside the block where its formulas spill, and keeps it', async () => {
    await written(host);
    host.type(at(rr + 1, rc), 'my note');
    const outcome = await conflict(host);
    expect(outcome.conflicts).toEqual([at(rr + 1, rc)]);
    expect(host.content(at(rr + 1, rc))).toBe('my note');
  });

  it('takes a PILOT formula of a person’s own in the block’s place for theirs', async () => {
    await written(host);
    host.type(at(vr, vc), '=PILOT.VALUE("2 h","min")');
    const outcome = await conflict(host);
    expect(outcome.conflicts).toEqual([at(vr, vc)]);
    expect(host.content(at(vr, vc))).toBe('=PILOT.VALUE("2 h","min")');
  });

  it('asks about a fill or a number format on an empty cell in the block’s way, and keeps them', async () => {
    await host.port.write([{ op: 'addSheet', sheet: SHEET }]);
    host.format(at(4, 2), { fill: '#FFFF00' });
    host.format(at(35, 3), { numberFormat: '0.000' });
    const first = await conflict(host);
    expect(first.conflicts).toEqual([at(4, 2), at(35, 3)]);
    // Put on a sheet of its own instead: the formatted cells are as they were.
    await placeBlock(host.port, first.pending, 'newSheet');
    expect(host.look(at(4, 2))).toEqual({ fill: '#FFFF00' });
    expect(host.look(at(35, 3))).toEqual({ numberFormat: '0.000' });
    // Inside the block's own area too: a fill on a cell it leaves empty is a person's.
    host.format({ ...EMPTY_IN_BLOCK, sheet: 'Pilot Gate (2)' }, { fill: '#FFC7CE' });
    expect((await conflict(host)).conflicts).toEqual([{ ...EMPTY_IN_BLOCK, sheet: 'Pilot Gate (2)' }]);
  });

  it('writes nothing over a cell typed while the person was asked, and says which', async () => {
    await written(host);
    host.type(at(rr + 2, rc), 'note A');
    const asked = await conflict(host);
    const verdictBefore = host.content(at(vr, vc));
    host.type(BESIDE_VERDICT, 'note B');
    for (const choice of ['replace', 'newSheet'] as const) {
      const refused = placeBlock(host.port, asked.pending, choice);
      await expect(refused).rejects.toThrow(CellsChangedError);
      await expect(placeBlock(host.port, asked.pending, choice)).rejects.toThrow(/^Pilot Gate!D2 changed since it was read\. Nothing was written/);
    }
    expect([host.content(at(rr + 2, rc)), host.content(BESIDE_VERDICT)]).toEqual(['note A', 'note B']);
    expect(host.content(at(vr, vc))).toBe(verdictBefore);
    expect(host.sheets()).not.toContain('Pilot Gate (2)');
  });

  it('writes nothing over a cell typed between reading the block’s area and writing it', async () => {
    await written(host);
    // The person types just as the write begins: the write reads the area again in its own batch.
    const typing: WorkbookPort = Object.create(host.port) as WorkbookPort;
    typing.write = (ops, guard) => {
      host.type(BESIDE_VERDICT, 'typed meanwhile');
      return host.port.write(ops, guard);
    };
    const outcome = await conflict(host, typing);
    expect(outcome.conflicts).toEqual([BESIDE_VERDICT]);
    expect(host.content(BESIDE_VERDICT)).toBe('typed meanwhile');
  });

  it('undoes an Evaluate that replaced a person’s cell: value, number format, fill and bold back as they were', async () => {
    await written(host);
    const verdictBefore = host.content(at(vr, vc));
    const nameBefore = (await host.port.read({}, BLOCK_NAME)).block;
    host.format(at(rr + 2, rc), { numberFormat: '0.0%', fill: '#FFEB9C', bold: true });
    host.type(at(rr + 2, rc), '=1/8');
    host.format(EMPTY_IN_BLOCK, { fill: '#C6EFCE' });
    const asked = await conflict(host);
    expect(asked.conflicts).toEqual([EMPTY_IN_BLOCK, at(rr + 2, rc)]);
    const { last } = await placeBlock(host.port, asked.pending, 'replace');
    expect(host.content(at(rr + 2, rc))).not.toBe('=1/8');

    await undo(host.port, last);
    expect(host.content(at(rr + 2, rc))).toBe('=1/8');
    expect(host.look(at(rr + 2, rc))).toEqual({ numberFormat: '0.0%', fill: '#FFEB9C', bold: true });
    expect(host.look(EMPTY_IN_BLOCK)).toEqual({ fill: '#C6EFCE' });
    expect(host.content(at(vr, vc))).toBe(verdictBefore);
    expect((await host.port.read({}, BLOCK_NAME)).block).toEqual(nameBefore);
    // The earlier block's record is back too: its cells are its own, the person's are theirs.
    expect((await conflict(host)).conflicts).toEqual([EMPTY_IN_BLOCK, at(rr + 2, rc)]);
  });

  it('refuses to undo when the block was changed since, and keeps the change', async () => {
    await written(host);
    const again = await written(host);
    host.type(EMPTY_IN_BLOCK, 'typed later');
    await expect(undo(host.port, again.last)).rejects.toThrow(/^Pilot Gate!D4 changed since it was read\. Nothing was undone/);
    expect(host.content(EMPTY_IN_BLOCK)).toBe('typed later');
    expect(host.content(at(vr, vc))).toMatch(/^=PILOT\.VERDICT\(/);
  });

  it('undoes a block moved to a sheet of its own: the sheet goes, the earlier block comes back beside the person’s note', async () => {
    await written(host);
    const verdictBefore = host.content(at(vr, vc));
    const titleLook = host.look(at(0, 0));
    host.type(at(rr + 2, rc), 'my note');
    const asked = await conflict(host);
    const { block, last } = await placeBlock(host.port, asked.pending, 'newSheet');
    expect(block.sheet).toBe('Pilot Gate (2)');
    expect(host.content(at(vr, vc))).toBeNull();
    expect(host.look(at(0, 0))).toEqual({});

    await undo(host.port, last);
    expect(host.sheets()).not.toContain('Pilot Gate (2)');
    expect(host.content(at(vr, vc))).toBe(verdictBefore);
    expect(host.look(at(0, 0))).toEqual(titleLook);
    expect(host.content(at(rr + 2, rc))).toBe('my note');
    expect((await host.port.read({}, BLOCK_NAME)).block?.sheet).toBe(SHEET);
    // Its charts, which the move took away, are back beside it.
    if (host.charts) expect(host.charts(SHEET).sort()).toEqual(['PilotGate_CashFlows', 'PilotGate_CostExpansion']);
  });

  it('undoes the first Evaluate by taking its sheet away, unless a person wrote on that sheet', async () => {
    const first = await written(host);
    await undo(host.port, first.last);
    expect(host.sheets()).not.toContain(SHEET);
    const read = await host.port.read({}, BLOCK_NAME);
    expect([read.block, read.blockNameDefined, read.record]).toEqual([null, false, null]);

    const again = await written(host);
    host.type(at(60, 25), 'my own table');
    await expect(undo(host.port, again.last)).rejects.toThrow(/^Pilot Gate!Z61 changed since it was read/);
    expect(host.content(at(60, 25))).toBe('my own table');
  });
});
