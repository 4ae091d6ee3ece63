// A cell holds up to 32,767 characters, and a message that quoted one whole would bury what it says
// (a cell's hover text, the pane's list of problems). Every message, warning, reason and action
// quotes at most QUOTED_CHARACTERS of a cell, then "…" and the cell's length: these cases put
// 32,767-character cells in every column of every table and hold every text to a bound.
import { CaseCache } from '../../src/functions/cache';
import { PILOT_FUNCTIONS } from '../../src/functions/catalogue';
import { runPilotFunction } from '../../src/functions/runner';
import { QUOTED_CHARACTERS, excerpt, quoted } from '../../src/model/format';
import { SAMPLE_OWNERSHIP, checkCase, evaluateCase, sampleCase, type CaseInput, type Cell, type Grid } from '../../src/model';

/** The most characters Excel holds in one cell. */
const CELL_LIMIT = 32_767;
/**
 * The longest text allowed: the longest message with nothing long in it is under 300 characters
 * (an action naming a pattern's step, a gate and its evidence), a quote takes at most
 * QUOTED_CHARACTERS + 24 (quotes, "…" and "(32,767 characters)"), and a list quotes at most
 * MAX_LISTED cells: 300 + 8 × 84 is under 1,000.
 */
const BOUND = 1_000;

/** Text of a cell's full length in a few shapes the readers take apart differently. */
const SHAPES: readonly ((start: string) => string)[] = [
  (start) => `${start}${'x'.repeat(CELL_LIMIT)}`.slice(0, CELL_LIMIT),
  (start) => `12 ${start}${'a'.repeat(CELL_LIMIT)}`.slice(0, CELL_LIMIT),
  (start) => `${start}${' '.repeat(CELL_LIMIT - start.length - 1)}b`,
  (start) => `1${',000'.repeat(CELL_LIMIT)}`.slice(0, CELL_LIMIT - start.length - 4) + ` ${start}`,
  (start) => `${start} ${'USD/h '.repeat(CELL_LIMIT)}`.slice(0, CELL_LIMIT),
];

/** A table with the header given and `rows` rows, every cell a long text. */
function longTable(header: readonly string[], rows: number): Grid {
  return [[...header], ...Array.from({ length: rows }, (_, r) => header.map((_, c) => SHAPES[(r + c) % SHAPES.length](`r${r}c${c}`)))];
}

/** A long text that still reads as `word`: a standard gate or category with a long trailing parenthesis. */
const withLongNote = (word: string): string => `${word} (${'n'.repeat(CELL_LIMIT - word.length - 3)})`;
const long = (start: string): string => `${start}${'y'.repeat(CELL_LIMIT - start.length)}`;

/** Every data cell of every table a long text. */
function longEverywhere(): CaseInput {
  const sample = sampleCase();
  return {
    metrics: longTable(sample.metrics[0] as string[], 6),
    costs: longTable(sample.costs[0] as string[], 6),
    readiness: longTable(sample.readiness![0] as string[], 6),
    ownership: longTable(SAMPLE_OWNERSHIP[0] as string[], 6),
    // Names the engine reads, so that each long value reaches its own reader.
    assumptions: [['Name', 'Value'], ...['Discount rate', 'Horizon', 'Adoption ramp', 'Currency', 'Benefit basis', long('Thing')].map((name, i) => [name, SHAPES[i % SHAPES.length](`v${i}`)])],
  };
}

/**
 * The sample case, still valid, with long texts wherever one is still read: metric names, gates and
 * categories with long notes, owners and evidence, unknown columns and assumptions, a repeated header.
 */
function longButValid(): CaseInput {
  const sample = sampleCase();
  const metrics = sample.metrics.map((row, r) => (r === 0 ? [...row, long('Notes'), 'KPI'] : [long(`${row[0]} `), ...row.slice(1), long('note'), 'x']));
  const costs = sample.costs.map((row, r) => (r === 0 ? row : [withLongNote(String(row[0])), ...row.slice(1)]));
  const readiness = sample.readiness!.map((row, r) => (r === 0 ? row : [withLongNote(String(row[0]).replace(/ \(.*/, '')), row[1], r === 8 ? 'TBD' : long(String(row[2])), long(String(row[3]))]));
  readiness.push([long('Custom check'), 'partial', long('Sam'), long('Evidence')], [`${long('Blocking check').slice(0, CELL_LIMIT - 11)} (blocking)`, 'no', 'Sam', long('e')]);
  const ownership = SAMPLE_OWNERSHIP.map((row, r) => (r === 0 ? [...row, long('Role')] : [...row, r === 2 ? 'TBD' : long('Person')]));
  ownership.push([long('Function'), 'Sam', null, 'Lee']);
  const assumptions = [...sample.assumptions!, [long('Unknown assumption'), 1], [long('Other'), 2]];
  return { metrics, costs, readiness, ownership, assumptions };
}

/** Every text of an evaluated case a person reads: warnings, reasons, actions, and the summary's text figures. */
function textsOf(input: CaseInput): string[] {
  const result = evaluateCase(input);
  return [...result.warnings, ...result.reasons, ...result.actions.map((a) => a.action), ...result.readiness.gates.map((g) => g.note)];
}

/** Each PILOT function over the case's tables, as the output block calls it: every text it shows, in its cell or as its error's message. */
function functionTexts(input: CaseInput): string[] {
  const { places: _places, ...grids } = input;
  const tables: Readonly<Record<string, Grid | undefined>> = grids;
  const cases = new CaseCache();
  const texts: string[] = [];
  for (const fn of PILOT_FUNCTIONS) {
    const args = fn.params.map((p) => (p.kind === 'table' ? tables[p.name] ?? '' : p.name === 'which' ? 'adoption' : p.kind === 'cell' || p.kind === 'range' ? tables.metrics?.[1]?.[1] ?? '' : undefined));
    const outcome = runPilotFunction(fn.id, args, { cases });
    if (!outcome.ok) texts.push(outcome.error.message);
    else if (typeof outcome.value === 'string') texts.push(outcome.value);
    else if (Array.isArray(outcome.value)) {
      // PILOT.ACTIONS' Owner column holds the owner's name, a value in its cell rather than a message about it.
      const owner = fn.id === 'ACTIONS' ? 1 : -1;
      for (const row of outcome.value) row.forEach((cell, c) => typeof cell === 'string' && c !== owner && texts.push(cell));
    }
  }
  return texts;
}

function longest(texts: readonly string[]): string {
  return texts.reduce((a, b) => (b.length > a.length ? b : a), '');
}

describe('the quote of a cell', () => {
  it('is the whole text up to QUOTED_CHARACTERS, else its start, "…" and its length', () => {
    expect(quoted('N/A')).toBe('"N/A"');
    expect(quoted('x'.repeat(QUOTED_CHARACTERS))).toBe(`"${'x'.repeat(QUOTED_CHARACTERS)}"`);
    expect(quoted('x'.repeat(CELL_LIMIT))).toBe(`"${'x'.repeat(QUOTED_CHARACTERS)}…" (32,767 characters)`);
    expect(excerpt(`${'é'.repeat(70)}`)).toBe(`${'é'.repeat(QUOTED_CHARACTERS)}… (70 characters)`);
  });

  it('never cuts a character outside the Basic Multilingual Plane in two', () => {
    const text = `${'x'.repeat(QUOTED_CHARACTERS - 1)}🙂${'x'.repeat(10)}`;
    expect(excerpt(text)).toBe(`${'x'.repeat(QUOTED_CHARACTERS - 1)}… (${text.length} characters)`);
  });
});

describe(`no message quotes more than a readable part of a ${CELL_LIMIT.toLocaleString('en-US')}-character cell`, () => {
  it('checkCase: every problem of tables whose every cell is that long', () => {
    const problems = checkCase(longEverywhere());
    expect(problems.length).toBeGreaterThan(40);
    const messages = problems.map((p) => `${p.table} row ${p.row}, ${p.column}: ${p.message}`);
    expect(longest(messages).length).toBeLessThanOrEqual(BOUND);
    expect(messages.some((m) => m.includes(' (32,767 characters)'))).toBe(true);
  });

  it('evaluateCase: every warning, reason, action and gate note of a valid case whose texts are that long', () => {
    const texts = textsOf(longButValid());
    expect(texts.filter((t) => t.includes('(32,767 characters)')).length).toBeGreaterThan(10);
    expect(longest(texts).length).toBeLessThanOrEqual(BOUND);
  });

  it('every PILOT function, on either case: its error’s message, its text, every text of its spill', () => {
    for (const input of [longEverywhere(), longButValid()]) {
      const texts = functionTexts(input);
      expect(texts.length).toBeGreaterThan(10);
      expect(longest(texts).length).toBeLessThanOrEqual(BOUND);
    }
  });

  it('headers that long: the unknown columns are listed by their starts, eight at most', () => {
    const header: Cell[] = Array.from({ length: 40 }, (_, c) => long(`Column ${c} `));
    const problems = checkCase({ metrics: [header, header.map(() => 1)], costs: [header] });
    const warnings = evaluateCase({ ...sampleCase(), metrics: [[...sampleCase().metrics[0], ...header], ...sampleCase().metrics.slice(1)] }).warnings;
    const texts = [...problems.map((p) => p.message), ...warnings];
    expect(warnings.some((w) => w.endsWith('and 32 more ignored.'))).toBe(true);
    expect(longest(texts).length).toBeLessThanOrEqual(BOUND);
  });
});
