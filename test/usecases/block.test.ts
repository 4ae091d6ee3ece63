import { SUMMARY_ROWS, summaryTable } from '../../src/functions/spills';
import { evaluateCase, sampleCase } from '../../src/model';
import type { CaseResult } from '../../src/model';
import {
  BLOCK_NAME,
  CASHFLOW_ROWS,
  LAYOUT,
  SUMMARY_SPILL_ROWS,
  blockFootprint,
  planBlock,
  spillAnchors,
} from '../../src/usecases/block';
import type { BlockInputs, BlockSizes } from '../../src/usecases/block';
import { findConflicts, retireBlock } from '../../src/usecases/block-conflicts';
import { renderLiveBlock, type LiveBlockOptions } from '../../src/usecases/block-render';
import { figureFormat, moneyFormat } from '../../src/usecases/formats';
import { excelTableRef, renderFormula } from '../../src/workbook/formula';
import type { CellAddress, RangeAddress, WriteOp } from '../../src/workbook/port';

const table = (name: string) => ({
  table: { kind: 'table' as const, name, sheet: name },
  range: { sheet: name, row: 0, column: 0, rows: 5, columns: 4 },
});
const INPUTS: BlockInputs = { metrics: table('Metrics'), costs: table('Costs'), readiness: table('Readiness') };
const SIZES: BlockSizes = { reasons: 9, summaryRows: 24, cashflowColumns: 5, currency: 'USD' };
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
  it('covers its lists below the fixed part and the cash flows across', () => {
    expect(blockFootprint(AT, SIZES)).toEqual({ sheet: 'Pilot Gate', row: 0, column: 0, rows: 15 + 24, columns: 6 });
    expect(blockFootprint(AT, { ...SIZES, reasons: 40, cashflowColumns: 12 })).toMatchObject({ rows: 55, columns: 13 });
  });

  it('puts every formula at its fixed offset, omitting tables not given', () => {
    const at = { sheet: 'S', row: 4, column: 2 };
    const ops = live(at, { newSheet: false, previous: null, nameDefined: false });
    const [cells] = opsOf(ops, 'cells');
    expect(cells.at).toEqual({ sheet: 'S', row: 4, column: 2 });
    const cellAt = ([r, c]: readonly [number, number]) => cells.cells[r][c];
    expect(cellAt(LAYOUT.verdict)).toEqual({
      formula: { fn: 'PILOT.VERDICT', args: [INPUTS.metrics, INPUTS.costs, INPUTS.readiness, { omitted: true }, { omitted: true }] },
    });
    expect(cellAt(LAYOUT.thresholds.realization)).toEqual({
      formula: { fn: 'PILOT.THRESHOLD', args: [INPUTS.metrics, INPUTS.costs, { text: 'realization' }, { omitted: true }] },
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
    // Labels, values, then the cash flows' five columns (the reasons' column among them).
    expect(widths(first)).toEqual(['S:2=230', 'S:3=110', 'S:4=100', 'S:5=100', 'S:6=100', 'S:7=100']);
    const footprint = blockFootprint(at, planBlock(INPUTS, RESULT).sizes);
    expect(footprint.columns).toBe(6);
    const again = live(at, { newSheet: false, previous: footprint, nameDefined: true });
    expect(widths(again)).toEqual([]);
    // A longer horizon (5 years: Year 0 … 5): only the new year columns.
    const longer = live(at, { newSheet: false, previous: footprint, nameDefined: true }, INPUTS, withHorizon(5));
    expect(widths(longer)).toEqual(['S:8=100', 'S:9=100']);
    expect(widths(live(AT, { newSheet: true, previous: null, nameDefined: false }))).toHaveLength(6);
  });

  it('formats each summary figure by its kind, from the catalogue’s description of the summary rows', () => {
    const ops = live(AT, { newSheet: true, previous: null, nameDefined: false });
    const formats = new Map<string, string>();
    for (const s of opsOf(ops, 'style')) {
      if (s.style.numberFormat === undefined) continue;
      for (let r = 0; r < s.range.rows; r++) for (let c = 0; c < s.range.columns; c++) formats.set(`${s.range.row + r},${s.range.column + c}`, s.style.numberFormat);
    }
    const [top, left] = LAYOUT.summary;
    // The spill as PILOT.SUMMARY returns it: a header, then a row per figure.
    const spill = summaryTable(evaluateCase(sampleCase()));
    expect(spill).toHaveLength(SUMMARY_SPILL_ROWS);
    const shown = spill.slice(1).map(([label], i) => `${label}: ${formats.get(`${top + 1 + i},${left + 1}`) ?? 'General'}`);
    expect(shown).toEqual(SUMMARY_ROWS.map((row) => `${row.label}: ${figureFormat(row.kind, 'USD') ?? 'General'}`));
    expect(shown).toEqual(
      expect.arrayContaining([
        'Verdict: General',
        'NPV: $#,##0.00;-$#,##0.00',
        'IRR: 0.0%',
        'ROI (risk-adjusted): 0.0%',
        'Payback (months): 0.0 "months"',
        'Cost expansion (× pilot): 0.00"×"',
        'Adoption threshold: 0.0%',
        'Volume threshold (× planned): 0.00"×"',
        'Cost threshold (× planned): 0.00"×"',
        'Realization threshold: 0.0%',
        'Readiness score: 0.0%',
        'Readiness progress: 0.0%',
        'Blockers: General',
      ]),
    );
    // Nothing below the spill is formatted.
    expect(formats.has(`${top + SUMMARY_SPILL_ROWS},${left + 1}`)).toBe(false);
  });

  it.each([
    ['money', 'CHF', '#,##0.00 "CHF";-#,##0.00 "CHF"'],
    ['fraction', 'USD', '0.0%'],
    ['months', 'USD', '0.0 "months"'],
    ['multiple', 'USD', '0.00"×"'],
    ['text', 'USD', null],
  ] as const)('a %s figure (currency %s) takes the format %p', (kind, currency, format) => {
    expect(figureFormat(kind, currency)).toBe(format);
  });

  it('writes the required readiness argument as an empty slot when no Readiness table was chosen (SPEC §4)', () => {
    const ops = live(AT, { newSheet: true, previous: null, nameDefined: false }, { metrics: table('Metrics'), costs: table('Costs') });
    const [cells] = opsOf(ops, 'cells');
    const formulaAt = ([r, c]: readonly [number, number]): string => {
      const cell = cells.cells[r][c];
      if (cell === null || typeof cell !== 'object') throw new Error(`no formula at ${r},${c}`);
      return renderFormula(cell.formula, excelTableRef);
    };
    expect(formulaAt(LAYOUT.verdict)).toBe('=PILOT.VERDICT(Metrics[#All],Costs[#All],)');
    expect(formulaAt(LAYOUT.summary)).toBe('=PILOT.SUMMARY(Metrics[#All],Costs[#All],)');
    expect(formulaAt(LAYOUT.reasons)).toBe('=PILOT.REASONS(Metrics[#All],Costs[#All],)');
    expect(formulaAt(LAYOUT.timeline)).toBe('=PILOT.TIMELINE(,)');
    // Functions without a readiness argument do not get one.
    expect(formulaAt(LAYOUT.cashflows)).toBe('=PILOT.CASHFLOWS(Metrics[#All],Costs[#All])');
    expect(formulaAt(LAYOUT.thresholds.cost)).toBe('=PILOT.THRESHOLD(Metrics[#All],Costs[#All],"cost")');
    const withAssumptions = live(AT, { newSheet: true, previous: null, nameDefined: false }, {
      metrics: table('Metrics'),
      costs: table('Costs'),
      assumptions: table('Assumptions'),
    });
    const [more] = opsOf(withAssumptions, 'cells');
    const verdict = more.cells[LAYOUT.verdict[0]][LAYOUT.verdict[1]];
    expect(verdict !== null && typeof verdict === 'object' && renderFormula(verdict.formula, excelTableRef)).toBe(
      '=PILOT.VERDICT(Metrics[#All],Costs[#All],,Assumptions[#All])',
    );
  });

  it('formats money in the case currency over the whole cash-flow spill, and colours the verdict by value', () => {
    // A case in euros: every amount of the result is in the case currency.
    const euros: CaseResult = { ...RESULT, assumptions: { ...RESULT.assumptions, currency: 'EUR' } };
    const ops = live(AT, { newSheet: true, previous: null, nameDefined: true }, INPUTS, euros);
    const money = opsOf(ops, 'style').find((s) => s.style.numberFormat?.includes('€'));
    expect(money?.range).toEqual({ sheet: 'Pilot Gate', row: LAYOUT.cashflows[0], column: LAYOUT.cashflows[1], rows: CASHFLOW_ROWS, columns: 5 });
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
    ['USD', '$#,##0.00;-$#,##0.00'],
    ['gbp', '"£"#,##0.00;-"£"#,##0.00'],
    ['CHF', '#,##0.00 "CHF";-#,##0.00 "CHF"'],
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
    expect(value('timeline')).toEqual([[4, 6]]);
    const net = (value('cashflows') as (string | number)[][])[3];
    expect(net[0]).toBe('Net');
    [-190000, 450561.14, 796017.14, 796017.14].forEach((v, i) => expect(net[i + 1] as number).toBeCloseTo(v, 2));
    expect((value('summary') as (string | number)[][]).slice(0, 2)).toEqual([
      ['Figure', 'Value'],
      ['Verdict', 'NOT READY'],
    ]);
    expect((value('reasons') as string[][])[0][0]).toMatch(/Production data audited/);
  });

  it('holds the error a cell shows where a figure does not exist, with its message', () => {
    const never = planBlock(INPUTS, { ...RESULT, thresholds: { ...RESULT.thresholds, volume: 'never' } });
    const volume = never.figures.find((f) => f.name === 'volume')!.outcome;
    expect(volume.ok ? volume.value : [volume.error.code, volume.error.message]).toEqual(['#N/A', 'never: no volume up to 100× the plan makes NPV positive.']);
  });

  it('is as large as the case’s spills: the reasons down, a column per year across', () => {
    expect(plan.sizes).toEqual({ reasons: RESULT.reasons.length, summaryRows: SUMMARY_SPILL_ROWS, cashflowColumns: 5, currency: 'USD' });
    expect([plan.rows, plan.columns]).toEqual([LAYOUT.summary[0] + Math.max(RESULT.reasons.length, SUMMARY_SPILL_ROWS), 6]);
    expect(planBlock(INPUTS, withHorizon(10)).columns).toBe(LAYOUT.cashflows[1] + 12);
  });
});

describe('what is in the way of the block', () => {
  const plan = planBlock(INPUTS, RESULT);
  const previous = blockFootprint(AT, plan.sizes);
  const grid = (rows: number, columns: number, put: Record<string, unknown>) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => put[`${r},${c}`] ?? ''));
  const used = { ...previous };

  it('nothing, on an empty sheet', () => {
    expect(findConflicts(plan, AT, { used: null, formulas: [], spills: [] }, null)).toEqual([]);
  });

  it('anything at all where there was no block', () => {
    const formulas = grid(used.rows, used.columns, { '3,1': 'notes' });
    expect(findConflicts(plan, AT, { used, formulas, spills: null }, null)).toEqual([{ sheet: 'Pilot Gate', row: 3, column: 1 }]);
  });

  it('not its own labels, formulas and spills', () => {
    const [rr, rc] = LAYOUT.reasons;
    const formulas = grid(used.rows, used.columns, {
      '0,0': 'Pilot Gate',
      [`${LAYOUT.verdict}`]: '=PILOT.VERDICT(Metrics[#All],Costs[#All])',
      [`${rr + 1},${rc}`]: 'a spilled reason',
    });
    const spills = [null, null, null, { sheet: 'Pilot Gate', row: rr, column: rc, rows: 9, columns: 1 }];
    expect(findConflicts(plan, AT, { used, formulas, spills }, previous)).toEqual([]);
  });

  it('a label or formula a person changed, and text that blocks a spill', () => {
    const [rr, rc] = LAYOUT.reasons;
    const formulas = grid(used.rows, used.columns, {
      '2,0': 'Adoption (my words)',
      [`${LAYOUT.verdict}`]: 'SCALE',
      [`${rr + 2},${rc}`]: 'my note',
    });
    // The reasons formula shows #SPILL!, so Excel reports no spill range for it.
    const spills = [null, null, null, null];
    expect(findConflicts(plan, AT, { used, formulas, spills }, previous)).toEqual([
      { sheet: 'Pilot Gate', row: 1, column: 1 },
      { sheet: 'Pilot Gate', row: 2, column: 0 },
      { sheet: 'Pilot Gate', row: rr + 2, column: rc },
    ]);
  });

  it('where spills cannot be told, what lies inside the earlier block counts as its own', () => {
    const [rr, rc] = LAYOUT.reasons;
    const formulas = grid(used.rows, used.columns, { [`${rr + 2},${rc}`]: 'a reason' });
    expect(findConflicts(plan, AT, { used, formulas, spills: null }, previous)).toEqual([]);
  });

  it('retiring a moved block clears its own cells but not what a person typed there', () => {
    const foreign = [{ sheet: 'Pilot Gate', row: LAYOUT.verdict[0], column: LAYOUT.verdict[1] }];
    const ops = retireBlock(previous, foreign);
    expect(ops[0]).toEqual({ op: 'clear', range: previous, what: 'formats' });
    const cleared = ops.slice(1).map((o) => (o.op === 'clear' ? `${o.range.row},${o.range.column}:${o.what}` : ''));
    expect(cleared).toContain('0,0:contents');
    expect(cleared).toContain(`${LAYOUT.reasons[0]},${LAYOUT.reasons[1]}:contents`);
    expect(cleared).not.toContain(`${LAYOUT.verdict[0]},${LAYOUT.verdict[1]}:contents`);
  });
});
