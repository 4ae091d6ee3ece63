import { SAMPLE_COSTS, SAMPLE_METRICS } from '../../src/model/sample';
import { MAX_TABLE_ROWS } from '../../src/model/tables';
import { evaluate, placeBlock } from '../../src/usecases/evaluate';
import { snapshot } from '../../src/usecases/snapshot';
import { insertTemplate } from '../../src/usecases/tables';
import { parseA1, qualifiedA1 } from '../../src/workbook/a1';
import { BLOCK_NAME, LAYOUT } from '../../src/usecases/block';
import { VERDICT_COLOURS } from '../../src/usecases/formats';
import { OfficeWorkbook } from '../../src/workbook/office';
import { nameText, textFormula } from '../../src/workbook/name-text';
import { WorkbookError, recordName } from '../../src/workbook/port';
import { undo } from '../../src/usecases/undo';
import { FakeExcel } from '../support/fake-excel';
import { CASE_SOURCES, caseWorkbook } from './fixtures';

const MODERN = { supports: ['1.9', '1.12'] };

function blockFormulas(fake: FakeExcel): string[] {
  const out: string[] = [];
  for (const sheet of fake.sheets) {
    for (const cell of sheet.cells.values()) if (cell.formula?.startsWith('=PILOT.VERDICT')) out.push(`${sheet.name}:${cell.formula}`);
  }
  return out;
}

describe('OfficeWorkbook on a strict fake of Excel', () => {
  describe('round trips: Evaluate syncs the same number of times at any table size', () => {
    const sizes = [10, 1_000, MAX_TABLE_ROWS];

    it.each(sizes)('first Evaluate at %i metric rows: read, write (2 syncs, 2 runs)', async (rows) => {
      const fake = caseWorkbook(rows, MODERN);
      const port = new OfficeWorkbook(fake.host());
      const outcome = await evaluate(port, CASE_SOURCES);
      expect(outcome.kind).toBe('written');
      expect(fake.syncs).toBe(2);
      expect(fake.runs).toBe(2);
    });

    it.each(sizes)('re-Evaluate at %i metric rows: read, then in one batch the area read again with the charts to replace, and the block written (3 syncs)', async (rows) => {
      const fake = caseWorkbook(rows, MODERN);
      const port = new OfficeWorkbook(fake.host());
      await evaluate(port, CASE_SOURCES);
      fake.resetCounters();
      const outcome = await evaluate(port, CASE_SOURCES);
      expect(outcome.kind).toBe('written');
      expect(fake.syncs).toBe(3);
      // The write phase ends with the last sync, with calculation and screen updating held.
      expect(fake.calculationHeld).toEqual([3]);
      expect(fake.screenHeld).toEqual([3]);
    });

    it('does not hold screen updating where ExcelApi 1.9 is missing (the fake throws if it is called)', async () => {
      const fake = caseWorkbook(10);
      const port = new OfficeWorkbook(fake.host());
      await evaluate(port, CASE_SOURCES);
      expect(fake.screenHeld).toEqual([]);
      expect(fake.calculationHeld).toEqual([2]);
    });
  });

  describe('the output block', () => {
    it('writes live PILOT formulas that refer to the Excel tables with their headers', async () => {
      const fake = caseWorkbook(4, MODERN);
      const port = new OfficeWorkbook(fake.host());
      await evaluate(port, CASE_SOURCES);
      const [vr, vc] = LAYOUT.verdict;
      expect(fake.cell('Pilot Gate', vr, vc)?.formula).toBe(
        '=PILOT.VERDICT(IF(ISBLANK(Metrics[#All]),"",Metrics[#All]),IF(ISBLANK(Costs[#All]),"",Costs[#All]),IF(ISBLANK(Readiness[#All]),"",Readiness[#All]),IF(ISBLANK(Assumptions[#All]),"",Assumptions[#All]))',
      );
      const [tr, tc] = LAYOUT.thresholds.cost;
      const safe = (t: string) => `IF(ISBLANK(${t}[#All]),"",${t}[#All])`;
      expect(fake.cell('Pilot Gate', tr, tc)?.formula).toBe(`=IFNA(PILOT.THRESHOLD(${safe('Metrics')},${safe('Costs')},"cost",${safe('Assumptions')}),"never")`);
      const [cr, cc] = LAYOUT.cashflows;
      expect(fake.cell('Pilot Gate', cr, cc)?.formula).toBe(`=PILOT.CASHFLOWS(${safe('Metrics')},${safe('Costs')},${safe('Assumptions')})`);
      expect(fake.cell('Pilot Gate', cr + 3, cc + 2)?.numberFormat).toBe('$#,##0_);($#,##0)');
      // Excel's own NPV on the spilled Net row (row 13: Year 0 in H, Years 1–3 in I:K), at the discount rate in G9.
      expect(fake.cell('Pilot Gate', LAYOUT.excelNpv[0], LAYOUT.excelNpv[1])?.formula).toBe('=$H$13+NPV($G$9,$I$13:$K$13)');
      expect(fake.cell('Pilot Gate', LAYOUT.thresholds.adoption[0], LAYOUT.thresholds.adoption[1])?.numberFormat).toBe('0.0%');
      // The native charts, over the spilled ranges: yearly Net as columns, the cumulative as a line.
      const cash = fake.charts.find((c) => c.name === 'PilotGate_CashFlows');
      expect(cash).toMatchObject({ sheet: 'Pilot Gate', title: 'Cash flows by year (USD)' });
      expect(cash?.series.map((s) => `${s.name}:${s.chartType}:${qualifiedA1(s.values!)}:${qualifiedA1(s.categories!)}`)).toEqual([
        "Net:ColumnClustered:'Pilot Gate'!H13:K13:'Pilot Gate'!H10:K10",
        "Cumulative:Line:'Pilot Gate'!H14:K14:'Pilot Gate'!H10:K10",
      ]);
      expect(fake.charts.map((c) => c.name).sort()).toEqual(['PilotGate_CashFlows', 'PilotGate_CostExpansion']);
      const rules = fake.rules.filter((r) => r.range.row === vr && r.range.column === vc);
      expect(rules.map((r) => r.rule.formula1).sort()).toEqual(['="KILL"', '="NOT READY"', '="PIVOT"', '="SCALE"']);
      expect(rules.find((r) => r.rule.formula1 === '="SCALE"')).toMatchObject({ fill: '#C6EFCE', rule: { operator: 'EqualTo' } });
      expect(fake.names.get(BLOCK_NAME.toLowerCase())?.formula).toMatch(/^='Pilot Gate'!\$A\$1:\$[A-Z]+\$\d+$/);
      expect(fake.selection).toMatchObject({ sheet: 'Pilot Gate', row: vr, column: vc });
    });

    it('refers to a plain range by its absolute address', async () => {
      const fake = caseWorkbook(4, MODERN);
      fake.addSheet('Pasted');
      fake.put('Pasted', 2, 1, SAMPLE_COSTS);
      const port = new OfficeWorkbook(fake.host());
      const sources = { ...CASE_SOURCES, Costs: { kind: 'range' as const, header: { sheet: 'Pasted', row: 2, column: 1, rows: 1, columns: 5 } } };
      const costs = `Pasted!$B$3:$F$${3 + SAMPLE_COSTS.length - 1}`;
      await evaluate(port, sources);
      const [vr, vc] = LAYOUT.verdict;
      expect(fake.cell('Pilot Gate', vr, vc)?.formula).toBe(
        `=PILOT.VERDICT(IF(ISBLANK(Metrics[#All]),"",Metrics[#All]),IF(ISBLANK(${costs}),"",${costs}),IF(ISBLANK(Readiness[#All]),"",Readiness[#All]),IF(ISBLANK(Assumptions[#All]),"",Assumptions[#All]))`,
      );
    });

    it('re-Evaluate rewrites the same block in place: one block, one name, however often it runs', async () => {
      const fake = caseWorkbook(4, MODERN);
      const port = new OfficeWorkbook(fake.host());
      await evaluate(port, CASE_SOURCES);
      const first = fake.names.get(BLOCK_NAME.toLowerCase())?.formula;
      for (let i = 0; i < 3; i++) expect((await evaluate(port, CASE_SOURCES)).kind).toBe('written');
      expect(fake.names.get(BLOCK_NAME.toLowerCase())?.formula).toBe(first);
      expect(blockFormulas(fake)).toHaveLength(1);
      // Each chart is replaced, not added again.
      expect(fake.charts).toHaveLength(2);
      expect(fake.sheets.map((s) => s.name)).toEqual(['Metrics', 'Costs', 'Readiness', 'Assumptions', 'Pilot Gate']);
    });

    it('counts what its formulas spilled as its own (ExcelApi 1.12)', async () => {
      const fake = caseWorkbook(4, MODERN);
      const port = new OfficeWorkbook(fake.host());
      await evaluate(port, CASE_SOURCES);
      // Excel spilled the reasons below their formula: those cells read as plain values.
      const [rr, rc] = LAYOUT.reasons;
      fake.put('Pilot Gate', rr + 1, rc, [['second reason'], ['third reason']]);
      fake.spills.set(`pilot gate!${rr},${rc}`, { sheet: 'Pilot Gate', row: rr, column: rc, rows: 3, columns: 1 });
      expect((await evaluate(port, CASE_SOURCES)).kind).toBe('written');
    });

    it('stops before writing when a person typed into the block, and keeps their cell', async () => {
      const fake = caseWorkbook(4, MODERN);
      const port = new OfficeWorkbook(fake.host());
      await evaluate(port, CASE_SOURCES);
      const [rr, rc] = LAYOUT.reasons;
      fake.put('Pilot Gate', rr + 2, rc, [['my note']]);
      fake.resetCounters();
      const outcome = await evaluate(port, CASE_SOURCES);
      expect(outcome.kind).toBe('conflict');
      if (outcome.kind !== 'conflict') return;
      expect(outcome.conflicts).toEqual([{ sheet: 'Pilot Gate', row: rr + 2, column: rc }]);
      expect(fake.syncs).toBe(2);

      await placeBlock(port, outcome.pending, 'newSheet');
      expect(fake.cell('Pilot Gate', rr + 2, rc)?.value).toBe('my note');
      expect(fake.cell('Pilot Gate', LAYOUT.verdict[0], LAYOUT.verdict[1])?.formula ?? null).toBeNull();
      expect(blockFormulas(fake)).toEqual([expect.stringMatching(/^Pilot Gate \(2\):=PILOT\.VERDICT/)]);
      expect(parseA1(fake.names.get(BLOCK_NAME.toLowerCase())!.formula).sheet).toBe('Pilot Gate (2)');
    });

    it('asks before writing over a sheet named like the block that holds a person\'s data', async () => {
      const fake = caseWorkbook(4, MODERN);
      fake.addSheet('Pilot Gate');
      fake.put('Pilot Gate', 3, 1, [['budget notes']]);
      const port = new OfficeWorkbook(fake.host());
      const outcome = await evaluate(port, CASE_SOURCES);
      expect(outcome.kind).toBe('conflict');
      if (outcome.kind !== 'conflict') return;
      await placeBlock(port, outcome.pending, 'replace');
      expect(fake.cell('Pilot Gate', 3, 1)?.formula).toMatch(/^=INDEX\(PILOT\.SUMMARY\(/);
    });

    it('reports problems with their cells and writes nothing when the inputs are bad', async () => {
      const fake = caseWorkbook(4, MODERN);
      fake.put('Metrics', 2, 1, [['N/A']]);
      const port = new OfficeWorkbook(fake.host());
      const outcome = await evaluate(port, CASE_SOURCES);
      expect(outcome.kind).toBe('problems');
      if (outcome.kind !== 'problems') return;
      expect(outcome.findings.find((f) => f.cell === 'Metrics!B3')).toMatchObject({ table: 'Metrics', row: 3, column: 'Baseline' });
      expect(fake.sheet('Pilot Gate')).toBeUndefined();
      expect(fake.syncs).toBe(1);
    });
  });

  describe('reading', () => {
    it('reads a table at its current extent in one sync', async () => {
      const fake = caseWorkbook(4);
      const port = new OfficeWorkbook(fake.host());
      const read = await port.read({ Metrics: CASE_SOURCES.Metrics }, BLOCK_NAME);
      expect(fake.syncs).toBe(1);
      expect(read.grids.Metrics?.values).toEqual(SAMPLE_METRICS);
      expect(read.grids.Metrics?.range).toEqual({ sheet: 'Metrics', row: 0, column: 0, rows: 5, columns: 9 });
      expect(read.block).toBeNull();
      expect(read.blockNameDefined).toBe(false);
      expect(read.sheets).toEqual(['Metrics', 'Costs', 'Readiness', 'Assumptions']);
    });

    it('reads a plain range from its header down to the first blank row', async () => {
      const fake = new FakeExcel();
      fake.put('Sheet1', 1, 2, [['Name', 'Value'], ['Horizon', 3], ['Discount rate', 0.1], [null, null], ['Unrelated', 'x']]);
      const port = new OfficeWorkbook(fake.host());
      const header = { sheet: 'Sheet1', row: 1, column: 2, rows: 1, columns: 2 };
      const read = await port.read({ Assumptions: { kind: 'range', header } }, BLOCK_NAME);
      expect(read.grids.Assumptions?.values).toEqual([['Name', 'Value'], ['Horizon', 3], ['Discount rate', 0.1]]);
      expect(read.grids.Assumptions?.range).toEqual({ ...header, rows: 3 });
    });

    it('says which tables to find again when one was renamed away', async () => {
      const fake = caseWorkbook(4);
      const port = new OfficeWorkbook(fake.host());
      const read = port.read({ Metrics: { kind: 'table', name: 'Gone', sheet: 'Metrics' } }, BLOCK_NAME);
      await expect(read).rejects.toThrow(WorkbookError);
      await expect(port.read({ Metrics: { kind: 'table', name: 'Gone', sheet: 'Metrics' } }, BLOCK_NAME)).rejects.toThrow(
        /table "Gone".*Find tables again/,
      );
    });

    it('surveys sheets, tables and the selection in two syncs', async () => {
      const fake = caseWorkbook(4);
      fake.selection = { sheet: 'Costs', row: 2, column: 1, rows: 1, columns: 1 };
      const port = new OfficeWorkbook(fake.host());
      const survey = await port.survey();
      expect(fake.syncs).toBe(2);
      expect(survey.tables.map((t) => t.name)).toEqual(['Metrics', 'Costs', 'Readiness', 'Assumptions']);
      expect(survey.tables[1].header).toEqual(SAMPLE_COSTS[0]);
      expect(survey.sheets[0].values[1][0]).toBe('Processing time per document');
      expect(survey.selection).toEqual({ sheet: 'Costs', row: 2, column: 1, rows: 1, columns: 1 });
    });

    it('surveys without the selection when a chart is selected', async () => {
      const fake = caseWorkbook(4);
      fake.selection = null;
      const survey = await new OfficeWorkbook(fake.host()).survey({ values: false });
      expect(survey.selection).toBeNull();
      expect(survey.sheets[0].values).toEqual([]);
      expect(survey.sheets[0].used).toEqual({ sheet: 'Metrics', row: 0, column: 0, rows: 5, columns: 9 });
    });
  });

  describe('template and snapshot', () => {
    it('inserts the template beside existing sheets and tables without touching them, texts kept as text', async () => {
      const fake = caseWorkbook(4);
      const before = fake.valuesOf({ sheet: 'Metrics', row: 0, column: 0, rows: 5, columns: 9 });
      const port = new OfficeWorkbook(fake.host());
      const { sources } = await insertTemplate(port);
      expect(fake.syncs).toBe(3);
      expect(sources.Metrics).toEqual({ kind: 'table', name: 'Metrics2', sheet: 'Metrics (2)' });
      expect(sources.Ownership).toEqual({ kind: 'table', name: 'Ownership', sheet: 'Ownership' });
      expect(fake.valuesOf({ sheet: 'Metrics', row: 0, column: 0, rows: 5, columns: 9 })).toEqual(before);
      expect(fake.valuesOf({ sheet: 'Metrics (2)', row: 0, column: 0, rows: 5, columns: 9 })).toEqual(
        SAMPLE_METRICS.map((row) => row.map((c) => (c === null ? null : c))),
      );
      expect(fake.tables.find((t) => t.name === 'Costs2')).toMatchObject({ style: 'TableStyleMedium2' });
      expect(fake.cell('Costs (2)', 1, 1)?.numberFormat).toBe('$#,##0_);($#,##0)');
      // The inserted tables evaluate as they stand.
      expect((await evaluate(port, sources)).kind).toBe('written');
    });

    it('copies the block as values with a timestamp, in two syncs: the case read, the copy written', async () => {
      const fake = caseWorkbook(4, MODERN);
      const port = new OfficeWorkbook(fake.host());
      const evaluation = await evaluate(port, CASE_SOURCES);
      if (evaluation.kind !== 'written') throw new Error(`expected the block written, got ${evaluation.kind}`);
      const [vr, vc] = LAYOUT.verdict;
      fake.resetCounters();
      const outcome = await snapshot(port, CASE_SOURCES, new Date(2025, 4, 1, 14, 30));
      expect(fake.syncs).toBe(2);
      if (outcome.kind !== 'written') throw new Error('expected a copy');
      const sheet = outcome.sheet;
      expect(sheet).toBe('Snapshot 2025-05-01 1430');
      expect(fake.cell(sheet, 0, 0)?.value).toMatch(/values as of 2025-05-01 14:30/);
      const verdict = fake.cell(sheet, 3 + vr, vc);
      expect(verdict).toMatchObject({ value: evaluation.result.verdict, formula: null, fill: VERDICT_COLOURS[evaluation.result.verdict].fill });
      const formulas = [...fake.sheet(sheet)!.cells.values()].filter((c) => c.formula !== null);
      expect(formulas).toEqual([]);
    });
  });

  describe('a person’s cells', () => {
    it('keeps the block’s record in a hidden workbook name that a workbook opened again reads back', async () => {
      const fake = caseWorkbook(4, MODERN);
      await evaluate(new OfficeWorkbook(fake.host()), CASE_SOURCES);
      const kept = fake.names.get(recordName(BLOCK_NAME).toLowerCase());
      expect(kept?.visible).toBe(false);
      expect(kept?.formula).toMatch(/^="PG1\|/);
      // Another session over the same workbook: the record is read with the inputs, in the same sync.
      const reopened = new OfficeWorkbook(fake.host());
      fake.resetCounters();
      const read = await reopened.read(CASE_SOURCES, BLOCK_NAME);
      expect(fake.syncs).toBe(1);
      expect(read.record).toBe(nameText(kept!.formula));
      expect(read.record).toMatch(/^PG1\|/);
    });

    it.each([
      ['empty', ''],
      ['quotes', 'a "quoted" word'],
      ['longer than one text constant', 'x'.repeat(255) + '"' + 'y'.repeat(300)],
    ])('writes a kept text as text constants Excel accepts, and reads it back: %s', (_, text) => {
      const formula = textFormula(text);
      for (const constant of formula.slice(1).split('&')) expect(constant.slice(1, -1).replace(/""/g, '"').length).toBeLessThanOrEqual(255);
      expect(nameText(formula)).toBe(text);
    });

    it.each([['=A1'], ['="a"&B2'], ['="unclosed'], ['="a" "b"'], [42]])('reads no text from a name that is not one: %p', (formula) => {
      expect(nameText(formula)).toBeNull();
    });

    it('reads each cell’s look in the inspect sync, and not at all without ExcelApi 1.9', async () => {
      const fake = caseWorkbook(4, MODERN);
      fake.put('Metrics', 20, 1, [['x']]);
      fake.ensureCell(fake.mustSheet('Metrics'), 21, 2).fill = '#FFFF00';
      const area = { sheet: 'Metrics', row: 20, column: 0, rows: 3, columns: 3 };
      fake.resetCounters();
      const contents = await new OfficeWorkbook(fake.host()).inspect(area, []);
      expect(fake.syncs).toBe(1);
      expect(contents.looks[1][2]).toEqual({ fill: '#FFFF00' });
      expect(contents.looks[0][1]).toEqual({});
      expect(contents.sheetUsed).toEqual({ sheet: 'Metrics', row: 0, column: 0, rows: 22, columns: 9 });
      // The fake throws on getCellProperties where 1.9 is missing: the adapter does not call it.
      const old = caseWorkbook(4);
      old.ensureCell(old.mustSheet('Metrics'), 21, 2).fill = '#FFFF00';
      old.ensureCell(old.mustSheet('Metrics'), 21, 1).numberFormat = '0.0%';
      const seen = await new OfficeWorkbook(old.host()).inspect(area, []);
      expect([seen.looks[1][1], seen.looks[1][2]]).toEqual([{ numberFormat: '0.0%' }, {}]);
    });

    it('asks, places and undoes in two syncs each: the area read again, then written, in one batch', async () => {
      const fake = caseWorkbook(4, MODERN);
      const port = new OfficeWorkbook(fake.host());
      await evaluate(port, CASE_SOURCES);
      fake.put('Pilot Gate', 2, 2, [['my note']]);
      const asked = await evaluate(port, CASE_SOURCES);
      if (asked.kind !== 'conflict') throw new Error('expected the note in the way');
      fake.resetCounters();
      const { last } = await placeBlock(port, asked.pending, 'replace');
      expect([fake.runs, fake.syncs, fake.calculationHeld]).toEqual([1, 2, [2]]);
      fake.resetCounters();
      await undo(port, last);
      expect([fake.runs, fake.syncs, fake.calculationHeld]).toEqual([1, 2, [2]]);
      expect(fake.cell('Pilot Gate', 2, 2)?.value).toBe('my note');
    });
  });

  it('selects a cell on its sheet in one sync', async () => {
    const fake = caseWorkbook(4);
    await new OfficeWorkbook(fake.host()).select({ sheet: 'Costs', row: 3, column: 2, rows: 1, columns: 1 });
    expect(fake.syncs).toBe(1);
    expect(fake.activeSheet).toBe('Costs');
    expect(fake.selection).toEqual({ sheet: 'Costs', row: 3, column: 2, rows: 1, columns: 1 });
  });

  it("reads Office's theme as light or dark", () => {
    expect(new OfficeWorkbook(new FakeExcel({ bodyBackgroundColor: '#262626' }).host()).theme()).toEqual({ dark: true });
    expect(new OfficeWorkbook(new FakeExcel({ bodyBackgroundColor: '#FFFFFF' }).host()).theme()).toEqual({ dark: false });
    expect(new OfficeWorkbook(new FakeExcel().host()).theme()).toBeNull();
  });
});
