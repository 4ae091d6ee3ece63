// Inputs a hostile or unlucky paste can put in a workbook, each of which once froze Excel, threw
// an untyped error or produced a figure that is no number. SPEC §4: every function returns within
// a second on any input Excel can hold, and no NaN, ±Infinity or −0 leaves the engine.
import { checkCase, evaluateCase, parseValue, sampleCase, type CaseInput, type Grid } from '../../src/model';
import { irr } from '../../src/model/finance';
import { MEMO_KEY_LENGTH, PairMemo } from '../../src/model/memo';
import { parseDirection } from '../../src/model/metrics';
import { parseUnit } from '../../src/model/values';
import { MAX_TABLE_ROWS } from '../../src/model/tables';
import { withinASecond } from '../support/guard';
import { badNumbers } from '../support/numbers';
import { assumptionsGrid, withCell } from '../support/grids';

/** The most characters Excel holds in one cell. */
const CELL_LIMIT = 32_767;
/** `a`, then spaces, then `b`: CELL_LIMIT characters that make a backtracking `\s+…$` try every start. */
const SPACED = `a${' '.repeat(CELL_LIMIT - 2)}b`;
const sample = sampleCase();

describe('every solver stops and says when there is no solution', () => {
  it('IRR of [−1, 1e-300, −5e-324] is none: the lower bound on its roots overflows to −∞ and the scan has a cap', () => {
    // −1 + 1e-300·x − 5e-324·x² has no real root (its discriminant is 1e-600 − 2e-323 < 0).
    expect(withinASecond(() => irr([-1, 1e-300, -5e-324]))).toBeNull();
    expect(withinASecond(() => irr([-5e-324, 1e-300, -1]))).toBeNull();
  });

  it('IRR of a row with 1e308 in it scans its ±700 bracket within a second', () => {
    // Two sign changes and no root: the scan crosses the whole bracket, in steps that widen away from the guess.
    expect(withinASecond(() => irr([165, -323661, 1e308, 477737]))).toBeNull();
  });

  it('a case whose yearly net flows are [−1, ~5e-199, −5e-324] evaluates, with no IRR', () => {
    // One-time 1, Annual 5e-324; the benefit runs only in Year 1 (ramp 100% then 0%).
    const input: CaseInput = {
      metrics: [['Metric', 'Baseline', 'Target', 'Pilot', 'Unit', 'Value per unit'], ['Hours saved', 0, 1e-200, 1e-200, 'h/week', 1]],
      costs: [['Category', 'One-time', 'Annual'], ['Build', 1, 5e-324]],
      assumptions: [['Name', 'Value'], ['Adoption ramp', '100%, 0%'], ['Horizon', 2], ['Transition months', 0], ['Benefit risk adjustment', 0]],
    };
    const result = withinASecond(() => evaluateCase(input));
    expect(result.irr).toBeNull();
    expect(result.cashflows.map((y) => Math.sign(y.net))).toEqual([-1, 1, -1]);
  });
});

describe('text of any length is read in time linear in its length', () => {
  const cases: [string, string, (text: string) => CaseInput, { table: string; column: string } | null][] = [
    ['a Direction', SPACED, (t) => ({ ...sample, metrics: withCell(sample.metrics, 'Error rate', 'Direction', t) }), { table: 'Metrics', column: 'Direction' }],
    ['a Direction of "x" and spaces ending in "better"', `x${' '.repeat(CELL_LIMIT - 7)}better`, (t) => ({ ...sample, metrics: withCell(sample.metrics, 'Error rate', 'Direction', t) }), { table: 'Metrics', column: 'Direction' }],
    ['a Category of "(" only', '('.repeat(CELL_LIMIT), (t) => ({ ...sample, costs: withCell(sample.costs, 'Monitoring', 'Category', t) }), null],
    ['a Category', SPACED, (t) => ({ ...sample, costs: withCell(sample.costs, 'Monitoring', 'Category', t) }), null],
    ['an assumption Name', SPACED, (t) => ({ ...sample, assumptions: assumptionsGrid({ [t]: 3 }) }), null],
    ['an assumption Name ending in "multiplier"', `${' '.repeat(CELL_LIMIT - 10)}multiplier`, (t) => ({ ...sample, assumptions: assumptionsGrid({ [t]: 3 }) }), null],
  ];
  it.each(cases)('%s of 32,767 characters is checked within a second', (_what, text, build, problem) => {
    expect(text.length).toBe(CELL_LIMIT);
    const problems = withinASecond(() => checkCase(build(text)));
    if (problem) expect(problems).toEqual([expect.objectContaining(problem)]);
    else expect(problems).toEqual([]);
  });

  // V8 hashes a string over 16,383 characters by its length alone, so a Map or memo keyed by such
  // cells, alike but for their end, compared each key with every other one.
  it('700 Gate names of 16,400 characters, alike but for their end, are told apart within a second', () => {
    const names = Array.from({ length: 700 }, (_, i) => `g${'a'.repeat(16_400)}${String(i).padStart(6, '0')}`);
    const readiness: Grid = [sample.readiness![0], ...names.map((gate) => [gate, 'yes', 'Sam Lee', null]), [names[0], 'no', 'Sam Lee', null]];
    const result = withinASecond(() => evaluateCase({ ...sample, readiness }));
    expect(result.readiness.gates.filter((g) => !g.standard)).toHaveLength(700);
    expect(result.warnings.filter((w) => w.includes('only row 2 counts'))).toHaveLength(1); // the repeat of the first
  });

  it('a memo of units keeps no key longer than any unit, as such keys would all collide', () => {
    let made = 0;
    const memo = new PairMemo<number>(16);
    const make = (): number => (made += 1);
    memo.get('', 'docs/year', make);
    memo.get('', 'docs/year', make);
    expect(made).toBe(1);
    const long = `w${'a'.repeat(MEMO_KEY_LENGTH)}`;
    memo.get('', long, make);
    memo.get('', long, make);
    expect(made).toBe(3);
    expect(parseUnit(long)).not.toBe(parseUnit(long));
    expect(parseUnit('docs/year')).toBe(parseUnit('docs/year'));
  });

  it('still reads the words those texts are matched against', () => {
    expect(parseDirection('Lower  is   better')).toBe('lower');
    expect(parseDirection(' higher\tbetter ')).toBe('higher');
    expect(parseDirection('UP')).toBe('higher');
    expect(() => parseDirection('is better')).toThrow('"is better" is not a direction');
    expect(() => parseDirection('lower is')).toThrow('is not a direction');
    const category = (text: string): Grid => withCell(sample.costs, 'Monitoring', 'Category', text);
    const monitoring = (text: string) => evaluateCase({ ...sample, costs: category(text) }).costs.find((l) => l.row === 9)?.standard;
    expect(monitoring('Monitoring (Datadog)  ')).toBe('monitoring');
    expect(monitoring('Monitoring ((Datadog)')).toBe('monitoring');
    expect(monitoring('Monitoring (a) (b)')).toBeNull();
    const security = evaluateCase({ ...sample, assumptions: assumptionsGrid({ 'Security and compliance  Multiplier': '5×' }) });
    expect(security.assumptions.multipliers.security).toBe(5);
  });
});

describe('cell text that names a property of every object is only text', () => {
  const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'];

  it.each(PROTOTYPE_NAMES)('a Currency of "%s" is a problem on its cell, not a TypeError', (name) => {
    expect(checkCase({ ...sample, assumptions: assumptionsGrid({ Currency: name }) })).toEqual([
      { table: 'Assumptions', row: 2, column: 'Value', message: expect.stringContaining(`"${name}" is not a currency`) },
    ]);
  });

  it.each(PROTOTYPE_NAMES)('a Status of "%s" is a problem on its cell, not a NaN score', (name) => {
    const readiness = withCell(sample.readiness!, 'Executive sponsor', 'Status', name);
    expect(checkCase({ ...sample, readiness })).toEqual([
      { table: 'Readiness', row: 2, column: 'Status', message: expect.stringContaining(`got "${name}"`) },
    ]);
  });

  it.each(PROTOTYPE_NAMES)('a Direction of "%s" is a problem on its cell, not a function', (name) => {
    const metrics = withCell(sample.metrics, 'Error rate', 'Direction', name);
    expect(checkCase({ ...sample, metrics })).toEqual([
      { table: 'Metrics', row: 3, column: 'Direction', message: expect.stringContaining(`"${name}" is not a direction`) },
    ]);
  });

  it.each(PROTOTYPE_NAMES.filter((name) => /^[a-z]/i.test(name)))('"%s" after a number is a count (SPEC §3.1), not a scale or a currency', (name) => {
    expect(parseValue(`5 ${name}`)).toBe(5);
    expect(parseValue(`$5 ${name}`)).toBe(5);
    expect(checkCase({ ...sample, metrics: withCell(sample.metrics, 'Error rate', 'Unit', name) })).toContainEqual(
      { table: 'Metrics', row: 3, column: 'Baseline', message: `"4.2%" is in %, but the metric is in ${name}` },
    );
  });
});

// Spreading ~130,000 items into one call overflowed the stack; no table is read past MAX_TABLE_ROWS now, but every list is still gathered by a loop.
describe('a table at the row limit, or of 160,000 cells, is read whole without overflowing the stack', () => {
  const ROWS = MAX_TABLE_ROWS;
  const rows = (row: (i: number) => Grid[number]): Grid => Array.from({ length: ROWS }, (_, i) => row(i));

  it('blocking custom gates up to the limit: the knock-out score is the lowest of them', () => {
    // Every standard gate passes, so the one custom gate at "partial" decides (SPEC §3.6).
    const standard = sample.readiness!.slice(1).map((line) => [line[0], 'yes', 'Sam Lee']);
    const custom = ROWS - standard.length;
    const readiness = [sample.readiness![0], ...standard, ...Array.from({ length: custom }, (_, i) => [`Check ${i} (blocking)`, i === custom - 1 ? 'partial' : 'yes', 'Sam Lee'])];
    const result = evaluateCase({ ...sample, readiness }).readiness;
    expect(result.score).toBe(0.5);
    expect(result.blockers).toEqual([`Check ${custom - 1} (blocking)`]);
  });

  it('bad Status cells up to the limit: a problem each', () => {
    const problems = checkCase({ ...sample, readiness: [sample.readiness![0], ...rows((i) => [`Check ${i}`, 'maybe', 'Sam Lee'])] });
    expect(problems).toHaveLength(ROWS);
    expect(problems[ROWS - 1]).toMatchObject({ table: 'Readiness', row: ROWS + 1, column: 'Status' });
  });

  it('bad cost rows up to the limit: a problem each', () => {
    const problems = checkCase({ ...sample, costs: [sample.costs[0], ...rows((i) => [`Line ${i}`, 'n/a', null, null])] });
    expect(problems).toHaveLength(ROWS);
    expect(problems[0]).toMatchObject({ table: 'Costs', row: 2, column: 'Pilot' });
  });

  it('assumptions Pilot Gate does not use, up to the limit: a warning each', () => {
    const result = evaluateCase({ ...sample, assumptions: [['Name', 'Value'], ...rows((i) => [`Thing ${i}`, 1])] });
    expect(result.warnings.filter((w) => w.endsWith('is not an assumption Pilot Gate uses; it is ignored.'))).toHaveLength(ROWS);
  });

  it('a 400 × 400 Ownership table with every person missing fails the ownership gate', () => {
    const ownership: Grid = Array.from({ length: 400 }, (_, r) => Array.from({ length: 400 }, (_, c) => (r === 0 ? `Role ${c}` : c === 0 ? `Function ${r}` : null)));
    const gate = evaluateCase({ ...sample, ownership }).readiness.gates.find((g) => g.gate === 'Ownership');
    expect(gate).toMatchObject({ score: 0, passes: false });
  });
});

describe('a figure too large for a double is a problem on the cells that made it', () => {
  it('a pilot total of 5e-324 makes the expansion multiple overflow: a problem on the Pilot column’s header row', () => {
    const costs = sample.costs.map((line, r) => (r === 0 ? line : [line[0], r === 1 ? 5e-324 : 0, ...line.slice(2)]));
    const expected = [{ table: 'Costs', row: 1, column: 'Pilot', message: expect.stringContaining('the pilot costs add up to 5e-324 USD') }];
    expect(checkCase({ ...sample, costs })).toEqual(expected);
    expect(() => evaluateCase({ ...sample, costs })).toThrow(expect.objectContaining({ problems: expected }));
  });

  it('production costs of 5e-324 make the ROI overflow: a problem on the One-time column’s header row', () => {
    const costs: Grid = [['Category', 'Pilot', 'One-time', 'Annual'], ['Build', 100, 5e-324, 0]];
    expect(checkCase({ ...sample, costs })).toEqual([
      { table: 'Costs', row: 1, column: 'One-time', message: expect.stringContaining('production costs add up to 5e-324 USD') },
    ]);
  });

  it('an approved budget of 5e-324 makes the budget variance overflow: a problem on its cell', () => {
    const assumptions = assumptionsGrid({ Horizon: 3, 'Approved production budget': 5e-324 });
    expect(checkCase({ ...sample, assumptions })).toEqual([
      { table: 'Assumptions', row: 3, column: 'Value', message: expect.stringContaining('Approved production budget of 5e-324 USD') },
    ]);
  });

  it('a target 5e-324 from the baseline makes the gap closed overflow: a problem on the Target cell', () => {
    const metrics = withCell(withCell(withCell(sample.metrics, 'Error rate', 'Baseline', 1e-323), 'Error rate', 'Target', 5e-324), 'Error rate', 'Pilot', 0.5);
    expect(checkCase({ ...sample, metrics })).toEqual([
      { table: 'Metrics', row: 3, column: 'Target', message: expect.stringContaining('the gap closed') },
    ]);
  });

  it('a value divided by a tiny number is too large like any magnitude above 1e15 (SPEC §3.1)', () => {
    expect(() => parseValue('$1e15 per 1e-300 docs')).toThrow('"$1e15 per 1e-300 docs" is too large');
    expect(() => parseValue('$1 per 1e-300 docs')).toThrow('is too large');
    expect(parseValue('$2 per 1M tokens')).toBe(2e-6);
  });
});

describe('no −0 leaves the engine', () => {
  it('with every One-time cell 0, Year 0 is 0, not −0', () => {
    const oneTime = sample.costs[0].indexOf('One-time');
    const costs = sample.costs.map((line, r) => line.map((cell, c) => (r > 0 && c === oneTime ? 0 : cell)));
    const result = evaluateCase({ ...sample, costs });
    expect(Object.is(result.cashflows[0].net, 0)).toBe(true);
    expect(Object.is(result.cashflows[0].cumulative, 0)).toBe(true);
    expect(badNumbers(result)).toEqual([]);
  });
});
