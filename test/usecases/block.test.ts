import { SUMMARY_ROWS, summaryTable } from '../../src/functions/spills';
import { evaluateCase, sampleCase } from '../../src/model';
import type { CaseResult } from '../../src/model';
import {
  BLOCK_NAME,
  CASHFLOW_ROWS,
  DETAIL_ROWS,
  LAYOUT,
  blockFootprint,
  planBlock,
  spillAnchors,
} from '../../src/usecases/block';
import type { BlockInputs, BlockSizes } from '../../src/usecases/block';
import { classifyArea, retireBlock, type EarlierBlock } from '../../src/usecases/block-conflicts';
import { parseRecord, recordOf, recordText } from '../../src/usecases/block-record';
import { textFormula } from '../../src/workbook/name-text';
import type { Cell } from '../../src/model/types';
import { renderLiveBlock, type LiveBlockOptions } from '../../src/usecases/block-render';
import { figureFormat, moneyFormat } from '../../src/usecases/formats';
import { absoluteRangeRef, excelTableRef, renderFormula } from '../../src/workbook/formula';
import type { AreaContents, CellAddress, CellStyle, FormulaSpec, RangeAddress, TableArg, WriteOp } from '../../src/workbook/port';

const table = (name: string) => ({
  table: { kind: 'table' as const, name, sheet: name },
  range: { sheet: name, row: 0, column: 0, rows: 5, columns: 4 },
});
const INPUTS: BlockInputs = { metrics: table('Metrics'), costs: table('Costs'), readiness: table('Readiness') };
const SIZES: BlockSizes = { reasons: 9, actionRows: 8, cashflowColumns: 5, costLineRows: 10, currency: 'USD' };
const AT: CellAddress = { sheet: 'Pilot Gate', row: 0, column: 0 };
/** The seed sample of SPEC §7: a 3-year horizon (Year 0 … 3, so 5 cash-flow columns) in USD. */
const RESULT = evaluateCase(sampleCase());

/** The sample with another Horizon (years of benefits): Year 0 … Horizon. */
function withHorizon(years: number): CaseResult {
  const input = sampleCase();
  const assumptions = input.assumptions!.filter((row) => row[0] !== 'Horizon');
  return evaluateCase({ ...input, assumptions: [...assumptions, ['Horizon', years]] });
}

/** The block for the sample's result over INPUTS, written live at `at`. */
function live(at: CellAddress, options: LiveBlockOptions, inputs: BlockInputs = INPUTS, result: CaseResult = RESULT): WriteOp[] {
  return renderLiveBlock(planBlock(inputs, result), at, options);
}

function opsOf<K extends WriteOp['op']>(ops: WriteOp[], kind: K): Extract<WriteOp, { op: K }>[] {
  return ops.filter((o): o is Extract<WriteOp, { op: K }> => o.op === kind);
}

describe('the output block', () => {
  it('covers the actions down the left, the reasons down the right, the cash flows across, the charts and the cost lines', () => {
    // The reasons start on row 38 (37 from the top), the actions' header on row 12 (11); the cost lines take R:V (17–21) from row 17 (16).
    expect(blockFootprint(AT, SIZES)).toEqual({ sheet: 'Pilot Gate', row: 0, column: 0, rows: 37 + 9, columns: 22 });
    expect(blockFootprint(AT, { ...SIZES, reasons: 40, cashflowColumns: 20 })).toMatchObject({ rows: 77, columns: 6 + 20 });
    // Forty cost lines: their header, the lines and the total from row 17 reach past the reasons.
    expect(blockFootprint(AT, { ...SIZES, costLineRows: 42 })).toMatchObject({ rows: 16 + 42 });
    expect(blockFootprint(AT, { ...SIZES, reasons: 1, actionRows: 40 })).toMatchObject({ rows: 11 + 40 });
  });

  it('puts every formula at its fixed offset, omitting tables not given', () => {
    const at = { sheet: 'S', row: 4, column: 2 };
    const ops = live(at, { newSheet: false, previous: null, nameDefined: false });
    const [cells] = opsOf(ops, 'cells');
    expect(cells.at).toEqual({ sheet: 'S', row: 4, column: 2 });
    const cellAt = ([r, c]: readonly [number, number]) => cells.cells[r][c];
    const safe = (t: TableArg) => ({ call: { fn: 'IF', args: [{ call: { fn: 'ISBLANK', args: [t] } }, { text: '' }, t] } });
    expect(cellAt(LAYOUT.verdict)).toEqual({
      formula: { fn: 'PILOT.VERDICT', args: [safe(INPUTS.metrics), safe(INPUTS.costs), safe(INPUTS.readiness!)] },
      value: RESULT.verdict,
    });
    expect(cellAt(LAYOUT.thresholds.realization)).toEqual({
      formula: { fn: 'IFNA', args: [{ call: { fn: 'PILOT.THRESHOLD', args: [safe(INPUTS.metrics), safe(INPUTS.costs), { text: 'realization' }] } }, { text: 'never' }] },
      value: RESULT.thresholds.realization,
    });
    expect(cellAt(LAYOUT.title)).toBe('Pilot Gate');
    expect(spillAnchors({ sheet: 'S', row: 4, column: 2 })[1]).toEqual({ sheet: 'S', row: 4 + LAYOUT.cashflows[0], column: 2 + LAYOUT.cashflows[1] });
    const footprint = blockFootprint({ sheet: 'S', row: 4, column: 2 }, planBlock(INPUTS, RESULT).sizes);
    expect(opsOf(ops, 'name')).toEqual([{ op: 'name', name: BLOCK_NAME, range: footprint, defined: false }]);
    expect(opsOf(ops, 'addSheet')).toEqual([]);
  });

  it('widens the columns it takes for the first time, and keeps the widths of columns it had already', () => {
    const widths = (ops: WriteOp[]) => opsOf(ops, 'columnWidth').map((o) => `${o.sheet}:${o.column}=${o.width}`);
    const at = { sheet: 'S', row: 4, column: 2 };
    const first = live(at, { newSheet: false, previous: null, nameDefined: false });
    // The answer (labels, figures, two check columns), a narrow gap, the proof, then the years and the charts, then the cost lines (their categories as wide as labels).
    expect(widths(first)).toEqual([
      ...['S:2=230', 'S:3=110', 'S:4=100', 'S:5=100', 'S:6=16', 'S:7=230', 'S:8=110', ...Array.from({ length: 10 }, (_, i) => `S:${9 + i}=100`)],
      ...['S:19=230', 'S:20=100', 'S:21=100', 'S:22=100', 'S:23=100'],
    ]);
    const footprint = blockFootprint(at, planBlock(INPUTS, RESULT).sizes);
    expect(footprint.columns).toBe(22);
    const again = live(at, { newSheet: false, previous: footprint, nameDefined: true });
    expect(widths(again)).toEqual([]);
    // A longer horizon (18 years: Year 0 … 18, past the cost lines): only the new year columns.
    const longer = live(at, { newSheet: false, previous: footprint, nameDefined: true }, INPUTS, withHorizon(18));
    expect(widths(longer)).toEqual(['S:24=100', 'S:25=100', 'S:26=100', 'S:27=100']);
    expect(widths(live(AT, { newSheet: true, previous: null, nameDefined: false }))).toHaveLength(22);
  });

  it('formats each figure by its kind: the headline, the thresholds, the proof and the details', () => {
    const ops = live(AT, { newSheet: true, previous: null, nameDefined: false });
    const formats = new Map<string, string>();
    for (const s of opsOf(ops, 'style')) {
      if (s.style.numberFormat === undefined) continue;
      for (let r = 0; r < s.range.rows; r++) for (let c = 0; c < s.range.columns; c++) formats.set(`${s.range.row + r},${s.range.column + c}`, s.style.numberFormat);
    }
    const formatAt = ([r, c]: readonly [number, number]) => formats.get(`${r},${c}`) ?? 'General';
    expect(
      Object.fromEntries((['npv', 'roi', 'payback', 'expansion', 'irr', 'discountRate'] as const).map((name) => [name, formatAt(LAYOUT[name])])),
    ).toEqual({ npv: '$#,##0_);($#,##0)', roi: '0.0%', payback: '0.0 "months"', expansion: '0.00"×"', irr: '0.0%', discountRate: '0.0%' });
    expect(Object.values(LAYOUT.thresholds).map(formatAt)).toEqual(['0.0%', '0.00"×"', '0.00"×"', '0.0%']);
    // The details, row by row, as the catalogue describes PILOT.SUMMARY's rows; nothing below them.
    const [top, left] = LAYOUT.details;
    const shown = DETAIL_ROWS.map((row, i) => `${row.label}: ${formatAt([top + i, left + 1])}`);
    expect(shown).toEqual(DETAIL_ROWS.map((row) => `${row.label}: ${figureFormat(row.kind, 'USD') ?? 'General'}`));
    expect(shown).toEqual(expect.arrayContaining(['PV benefits: $#,##0_);($#,##0)', 'Readiness score: 0.0%', 'Blockers: General', 'Transition months: 0.0 "months"']));
    expect(formats.has(`${top + DETAIL_ROWS.length},${left + 1}`)).toBe(false);
  });

  it('shows each figure once: no summary row is repeated between the headline, the thresholds, the proof and the details', () => {
    const plan = planBlock(INPUTS, RESULT);
    const labels = plan.labels.map((l) => l.text);
    expect(new Set(labels).size).toBe(labels.length);
    const details = DETAIL_ROWS.map((row) => row.label);
    for (const above of ['Verdict', 'NPV', 'IRR', 'ROI (risk-adjusted)', 'Payback (months)', 'Cost expansion (× pilot)', 'Adoption threshold', 'Discount rate']) {
      expect(details).not.toContain(above);
    }
    // Every other figure of PILOT.SUMMARY is among the details, so nothing is lost either.
    expect(SUMMARY_ROWS.length - details.length).toBe(13);
    expect(summaryTable(RESULT)).toHaveLength(SUMMARY_ROWS.length + 1);
  });

  it.each([
    ['money', 'CHF', '"CHF "#,##0_);("CHF "#,##0)'],
    ['fraction', 'USD', '0.0%'],
    ['months', 'USD', '0.0 "months"'],
    ['multiple', 'USD', '0.00"×"'],
    ['text', 'USD', null],
  ] as const)('a %s figure (currency %s) takes the format %p', (kind, currency, format) => {
    expect(figureFormat(kind, currency)).toBe(format);
  });

  it('writes "" for a Readiness table not chosen, never an empty slot, and hands every table over blank-safe (SPEC §4)', () => {
    const ops = live(AT, { newSheet: true, previous: null, nameDefined: false }, { metrics: table('Metrics'), costs: table('Costs') });
    const [cells] = opsOf(ops, 'cells');
    const formulaAt = ([r, c]: readonly [number, number]): string => {
      const cell = cells.cells[r][c];
      if (cell === null || typeof cell !== 'object') throw new Error(`no formula at ${r},${c}`);
      return renderFormula(cell.formula, excelTableRef);
    };
    const m = 'IF(ISBLANK(Metrics[#All]),"",Metrics[#All])';
    const c = 'IF(ISBLANK(Costs[#All]),"",Costs[#All])';
    // A table not chosen is "" ("no table"), never an empty slot; trailing optional ones are left out.
    expect(formulaAt(LAYOUT.verdict)).toBe(`=PILOT.VERDICT(${m},${c},"")`);
    // The reasons and actions also get each table's header row, read for where it is, so their sentences name sheet cells.
    const places = '"","","",Metrics[#Headers],Costs[#Headers]';
    expect(formulaAt(LAYOUT.actions)).toBe(`=PILOT.ACTIONS(${m},${c},${places})`);
    expect(formulaAt(LAYOUT.reasons)).toBe(`=PILOT.REASONS(${m},${c},${places})`);
    // A host without tables names each header row by its address: the first row of the table's range.
    const reasons = cells.cells[LAYOUT.reasons[0]][LAYOUT.reasons[1]] as { formula: FormulaSpec };
    expect(renderFormula(reasons.formula, absoluteRangeRef).endsWith('"","","",Metrics!$A$1:$D$1,Costs!$A$1:$D$1)')).toBe(true);
    expect(formulaAt(LAYOUT.timeline)).toBe('=CONCATENATE(INDEX(PILOT.TIMELINE(""),1,1),"–",INDEX(PILOT.TIMELINE(""),1,2)," months")');
    expect(formulaAt(LAYOUT.roi)).toBe(`=INDEX(PILOT.SUMMARY(${m},${c},""),6,2)`); // the header, Verdict, NPV, Discount rate, IRR, then ROI
    // Functions without a readiness argument do not get one.
    expect(formulaAt(LAYOUT.cashflows)).toBe(`=PILOT.CASHFLOWS(${m},${c})`);
    expect(formulaAt(LAYOUT.thresholds.cost)).toBe(`=IFNA(PILOT.THRESHOLD(${m},${c},"cost"),"never")`);
    const withAssumptions = live(AT, { newSheet: true, previous: null, nameDefined: false }, {
      metrics: table('Metrics'),
      costs: table('Costs'),
      assumptions: table('Assumptions'),
    });
    const [more] = opsOf(withAssumptions, 'cells');
    const verdict = more.cells[LAYOUT.verdict[0]][LAYOUT.verdict[1]];
    expect(verdict !== null && typeof verdict === 'object' && renderFormula(verdict.formula, excelTableRef)).toBe(
      `=PILOT.VERDICT(${m},${c},"",IF(ISBLANK(Assumptions[#All]),"",Assumptions[#All]))`,
    );
    expect(JSON.stringify(more.cells)).not.toMatch(/"omitted"/);
  });

  it('formats money in the case currency over the whole cash-flow spill, and colours the verdict by value', () => {
    // A case in euros: every amount of the result is in the case currency.
    const euros: CaseResult = { ...RESULT, assumptions: { ...RESULT.assumptions, currency: 'EUR' } };
    const ops = live(AT, { newSheet: true, previous: null, nameDefined: true }, INPUTS, euros);
    const money = opsOf(ops, 'style').filter((s) => s.style.numberFormat?.includes('€')).map((s) => s.range);
    expect(money).toContainEqual({ sheet: 'Pilot Gate', row: LAYOUT.cashflows[0] + 1, column: LAYOUT.cashflows[1] + 1, rows: CASHFLOW_ROWS - 1, columns: 4 });
    expect(money).toContainEqual({ sheet: 'Pilot Gate', row: LAYOUT.npv[0], column: LAYOUT.npv[1], rows: 1, columns: 2 });
    const [rules] = opsOf(ops, 'colourRules');
    expect(rules.rules.map((r) => `${r.equals}:${r.fill}`)).toEqual(['SCALE:#C6EFCE', 'NOT READY:#FFEB9C', 'PIVOT:#FFEB9C', 'KILL:#FFC7CE']);
    expect(ops[0]).toEqual({ op: 'addSheet', sheet: 'Pilot Gate' });
    expect(opsOf(ops, 'name')[0].defined).toBe(true);
  });

  it('clears the earlier block and its own area before writing', () => {
    const previous: RangeAddress = { sheet: 'Pilot Gate', row: 0, column: 0, rows: 60, columns: 9 };
    const ops = live(AT, { newSheet: false, previous, nameDefined: true });
    expect(opsOf(ops, 'clear')).toEqual([
      { op: 'clear', range: previous, what: 'all' },
      { op: 'clear', range: blockFootprint(AT, planBlock(INPUTS, RESULT).sizes), what: 'all' },
    ]);
    expect(ops.findIndex((o) => o.op === 'clear')).toBeLessThan(ops.findIndex((o) => o.op === 'cells'));
  });

  it.each([
    ['USD', '$#,##0_);($#,##0)'],
    ['gbp', '"£"#,##0_);("£"#,##0)'],
    ['CHF', '"CHF "#,##0_);("CHF "#,##0)'],
  ])('money format for %s', (currency, format) => {
    expect(moneyFormat(currency)).toBe(format);
  });
});

describe('the block planned from a case’s result', () => {
  const plan = planBlock(INPUTS, RESULT);
  const outcome = (name: string) => plan.figures.find((f) => f.name === name)!.outcome;
  const value = (name: string) => {
    const o = outcome(name);
    if (!o.ok) throw new Error(`${name}: ${o.error.message}`);
    return o.value;
  };

  it('holds each figure’s value for the case: SPEC §7’s verdict, thresholds, timeline and cash flows', () => {
    expect(value('verdict')).toBe('NOT READY');
    expect(value('adoption') as number).toBeCloseTo(0.2881, 4);
    expect(value('volume') as number).toBeCloseTo(0.3107, 4);
    expect(value('cost') as number).toBeCloseTo(3.2189, 4);
    expect(value('realization') as number).toBeCloseTo(0.2847, 4);
    // One figure, SPEC §7's typical 4–6 months, in one cell.
    expect(value('timeline')).toBe('4–6 months');
    const net = (value('cashflows') as (string | number)[][])[3];
    expect(net[0]).toBe('Net');
    [-190000, 450561.14, 796017.14, 796017.14].forEach((v, i) => expect(net[i + 1] as number).toBeCloseTo(v, 2));
    // The headline: SPEC §7's NPV 1,475,525.91, ROI 221.89%, payback 13.072 months, expansion 3.175×.
    expect(value('npv') as number).toBeCloseTo(1475525.91, 2);
    expect(value('roi') as number).toBeCloseTo(2.2189, 4);
    expect(value('payback') as number).toBeCloseTo(13.072, 3);
    expect(value('expansion') as number).toBeCloseTo(3.175, 9);
    expect(value('irr') as number).toBeCloseTo(2.7751, 4);
    expect(value('discountRate')).toBe(0.1);
    expect((value('actions') as string[][])[0]).toEqual(['Action', 'Owner', 'Source']);
    expect((value('actions') as string[][])[1]).toEqual([expect.stringMatching(/^Get "Production data audited" to done/), 'Priya Raman', 'Readiness row 3, Status']);
    expect((value('reasons') as string[][])[0][0]).toMatch(/Production data audited/);
    // The reconciliation: Excel's own NPV on the Net row, by hand: −190,000 + 450,561.14/1.1 + 796,017.14/1.1² + 796,017.14/1.1³.
    const byHand = -190000 + 450561.142857 / 1.1 + 796017.142857 / 1.21 + 796017.142857 / 1.331;
    expect(value('excelNpv') as number).toBeCloseTo(byHand, 2);
    expect([value('npvCheck'), value('irrCheck'), value('irrRoot'), value('rootCheck')]).toEqual(['agrees', 'agrees', 0, 'agrees']);
  });

  it('shows "never", "none" and "always positive" rather than errors where a figure does not exist', () => {
    const none: CaseResult = { ...RESULT, irr: null, paybackMonths: null, thresholds: { ...RESULT.thresholds, volume: 'never', cost: 'always positive' } };
    const p = planBlock(INPUTS, none);
    const shown = (name: string) => p.figures.find((f) => f.name === name)!.outcome;
    expect([shown('volume'), shown('cost'), shown('payback'), shown('irr')]).toEqual([
      { ok: true, value: 'never' },
      { ok: true, value: 'always positive' },
      { ok: true, value: 'never' },
      { ok: true, value: 'none' },
    ]);
    // Excel's IRR on the same Net row finds the root PILOT.IRR would: the check says they differ.
    expect(shown('irrCheck')).toEqual({ ok: true, value: 'differs' });
    expect(shown('irrRoot')).toEqual({ ok: true, value: '' });
  });

  it('is as large as the case’s spills: the reasons down, a column per year across', () => {
    expect(plan.sizes).toEqual({ reasons: RESULT.reasons.length, actionRows: 1 + RESULT.actions.length, cashflowColumns: 5, costLineRows: 8 + 2, currency: 'USD' });
    expect([plan.rows, plan.columns]).toEqual([LAYOUT.reasons[0] + RESULT.reasons.length, 22]);
    expect(planBlock(INPUTS, withHorizon(18)).columns).toBe(LAYOUT.cashflows[1] + 20);
  });

  it('spills the cost lines by category beside the charts, and the cost chart draws them against the alarm line', () => {
    const lines = value('costLines') as (string | number)[][];
    // The sample's Costs (SPEC §7) by hand: Pilot, One-time + Annual, their ratio, and the pilot × the 3.00× alarm.
    expect(lines[0]).toEqual(['Category', 'Pilot', 'Production first year', 'Multiple', 'Alarm (3.00× pilot)']);
    expect(lines[1]).toEqual(['Model and licences', 30000, 0 + 60000, 2, 90000]);
    expect(lines[6]).toEqual(['Operations and support', 5000, 40000, 8, 15000]);
    expect(lines[9]).toEqual(['Total', 120000, 110000 + 271000, 381000 / 120000, 360000]);
    const figure = plan.figures.find((f) => f.name === 'costLines')!;
    expect([figure.row, figure.column]).toEqual([16, 17]);
    expect(renderFormula(figure.call, excelTableRef)).toBe('=PILOT.COSTLINES(IF(ISBLANK(Costs[#All]),"",Costs[#All]))');
    const chart = plan.charts.find((c) => c.name === 'expansion')!;
    // One cell per cost line: rows 17–24 (offsets 17 to 24) of R (categories), S (pilot), T (production) and V (alarm).
    const column = (c: number) => ({ row: 17, column: 17 + c, rows: 8, columns: 1 });
    expect(chart.categories).toEqual(column(0));
    expect(chart.series).toEqual([
      { name: 'Pilot', values: column(1), kind: 'columns' },
      { name: 'Production first year', values: column(2), kind: 'columns' },
      { name: 'Alarm (3.00× pilot)', values: column(4), kind: 'line' },
    ]);
    // By hand: production over pilot is 2, 3.33, 4, 3, 3, 8, 4 and 3.2, so all but Model and licences reach 3.00×.
    expect(chart.description).toBe(
      "Each cost line's pilot cost and production's first year as columns, with its alarm (3.00× its pilot) as a line; 7 of 8 lines are at or over it, Operations and support the most at 8.00×; production's first year is 3.18× the pilot in all.",
    );
  });
});

describe('what is in the way of the block', () => {
  const plan = planBlock(INPUTS, RESULT);
  const footprint = blockFootprint(AT, plan.sizes);
  const ops = renderLiveBlock(plan, AT, { newSheet: false, previous: null, nameDefined: false });
  /** The record of the block as the Office host writes it (formulas as excelTableRef renders them). */
  const record = recordOf(ops, AT, (spec) => renderFormula(spec, excelTableRef));
  const earlier: EarlierBlock = { range: footprint, record };
  const [rr, rc] = LAYOUT.reasons;
  const [vr, vc] = LAYOUT.verdict;
  const verdictFormula = renderFormula(plan.figures.find((f) => f.name === 'verdict')!.call, excelTableRef);

  /** The area as inspect reports it: the block's own cells as written, then `put` (contents) and `looks` on top. */
  function contents(
    put: Record<string, string | number>,
    options: { block?: boolean; looks?: Record<string, CellStyle>; spills?: (RangeAddress | null)[] | null } = {},
  ): AreaContents {
    const formulas: Cell[][] = Array.from({ length: footprint.rows }, () => Array<Cell>(footprint.columns).fill(''));
    const looks: CellStyle[][] = Array.from({ length: footprint.rows }, () => Array.from({ length: footprint.columns }, () => ({})));
    if (options.block !== false) {
      const [written] = opsOf(ops, 'cells');
      written.cells.forEach((line, r) =>
        line.forEach((cell, c) => {
          if (cell !== null) formulas[r][c] = typeof cell === 'object' ? renderFormula(cell.formula, excelTableRef) : cell;
        }),
      );
      for (const s of opsOf(ops, 'style')) {
        for (let r = s.range.row; r < s.range.row + s.range.rows && r < footprint.rows; r++) {
          for (let c = s.range.column; c < s.range.column + s.range.columns && c < footprint.columns; c++) looks[r][c] = { ...looks[r][c], ...s.style };
        }
      }
    }
    for (const [k, v] of Object.entries(put)) {
      const [r, c] = k.split(',').map(Number);
      formulas[r][c] = v;
    }
    for (const [k, v] of Object.entries(options.looks ?? {})) {
      const [r, c] = k.split(',').map(Number);
      looks[r][c] = v;
    }
    const spills = options.spills === undefined ? [null, null, null, { sheet: 'Pilot Gate', row: rr, column: rc, rows: RESULT.reasons.length, columns: 1 }] : options.spills;
    return { used: footprint, values: formulas, formulas, numberFormats: [], spills, looks, sheetUsed: footprint };
  }
  const conflicts = (c: AreaContents, before: EarlierBlock | null = earlier) =>
    classifyArea(footprint, c, footprint, plan, AT, before)
      .filter((x) => x.kind === 'foreign')
      .map((x) => x.cell);
  const cell = (row: number, column: number) => ({ sheet: 'Pilot Gate', row, column });

  it('nothing, on an empty sheet', () => {
    expect(conflicts(contents({}, { block: false }), null)).toEqual([]);
  });

  it('anything at all where there was no block', () => {
    expect(conflicts(contents({ '3,1': 'notes' }, { block: false }), null)).toEqual([cell(3, 1)]);
  });

  it('not its own labels, formulas, looks and spills', () => {
    expect(conflicts(contents({ [`${rr + 1},${rc}`]: 'a spilled reason' }))).toEqual([]);
  });

  it('a label or formula a person changed, and text that blocks a spill', () => {
    // The reasons formula shows #SPILL!, so Excel reports no spill range for it.
    const c = contents({ '2,0': 'Adoption (my words)', [`${vr},${vc}`]: 'SCALE', [`${rr + 2},${rc}`]: 'my note' }, { spills: [null, null, null, null] });
    expect(conflicts(c)).toEqual([cell(1, 1), cell(2, 0), cell(rr + 2, rc)]);
  });

  it('a PILOT formula of a person’s own where the block has a formula: only what the block wrote is its own', () => {
    const mine = '=PILOT.NPV(Metrics[#All],Costs[#All])';
    expect(verdictFormula).not.toBe(mine);
    expect(conflicts(contents({ [`${vr},${vc}`]: mine }))).toEqual([cell(vr, vc)]);
    // The block's own formula, read back with other spaces and case, is still its own.
    expect(conflicts(contents({ [`${vr},${vc}`]: verdictFormula.replace('PILOT.VERDICT(', 'pilot.verdict( ') }))).toEqual([]);
  });

  it('a fill or number format a person gave an empty cell, or a look they changed on the block’s own', () => {
    const c = contents({}, { looks: { '3,3': { fill: '#FFFF00' }, '12,5': { numberFormat: '0.000' }, [`${vr},${vc}`]: { bold: true, italic: true } } });
    expect(conflicts(c)).toEqual([cell(vr, vc), cell(3, 3), cell(12, 5)]);
    expect(conflicts(contents({}, { block: false, looks: { '3,3': { fill: '#FFFF00' } } }), null)).toEqual([cell(3, 3)]);
  });

  it('where spills cannot be told, a cell in the earlier block is its own only when it reads what the formula gives there now', () => {
    const secondReason = RESULT.reasons[1];
    expect(conflicts(contents({ [`${rr + 1},${rc}`]: secondReason }, { spills: null }))).toEqual([]);
    expect(conflicts(contents({ [`${rr + 1},${rc}`]: 'my note' }, { spills: null }))).toEqual([cell(rr + 1, rc)]);
    // A cell no spill reaches: a person's, whatever it holds.
    expect(conflicts(contents({ '12,5': RESULT.reasons[1] }, { spills: null }))).toEqual([cell(12, 5)]);
  });

  it('the record survives as text, and a text that is not a record is none', () => {
    expect(parseRecord(recordText(record))).toEqual(record);
    // Well within the 8,192 characters of a name's formula in Excel, quotes and & included.
    expect(textFormula(recordText(record)).length).toBeLessThan(4_000);
    expect(parseRecord('PG1|x|')).toBeNull();
    expect(parseRecord(null)).toBeNull();
  });

  it('retiring a moved block clears what it wrote and the looks it gave, but not what a person typed or formatted there', () => {
    const foreign = [cell(vr, vc), cell(LAYOUT.details[0] + 2, LAYOUT.details[1] + 1)];
    const retired = retireBlock(earlier, foreign);
    const cleared = retired.map((o) => (o.op === 'clear' ? `${o.range.row},${o.range.column},${o.range.rows},${o.range.columns}:${o.what}` : ''));
    expect(cleared).toContain('0,0,1,1:contents');
    expect(cleared).toContain(`${rr},${rc},1,1:contents`);
    expect(cleared).not.toContain(`${vr},${vc},1,1:contents`);
    expect(cleared).not.toContain(`${vr},${vc},1,1:formats`);
    // Every cell the block gave a look loses it, but for the person's.
    const cells = (rects: { row: number; column: number; rows: number; columns: number }[]) => {
      const out = new Set<string>();
      for (const r of rects) for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.columns; j++) out.add(`${r.row + i},${r.column + j}`);
      return out;
    };
    const formatted = cells(retired.flatMap((o) => (o.op === 'clear' && o.what === 'formats' ? [o.range] : [])));
    const styled = cells(record.looks);
    expect(formatted.has(`${LAYOUT.details[0] + 2},${LAYOUT.details[1] + 1}`)).toBe(false);
    expect([...styled].filter((k) => !formatted.has(k)).sort()).toEqual([`${LAYOUT.details[0] + 2},${LAYOUT.details[1] + 1}`, `${vr},${vc}`].sort());
  });
});
