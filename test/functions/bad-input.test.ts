// The bad-input corpus, test/fixtures/bad-input/*.json: tables as people paste them, each with the
// problems expected (table, row, column and a part of the message; SPEC §6: bad input gets a
// message that names the cell and says what was expected). Each case is the sample case of SPEC §7
// with the pasted tables in place of its own, read as Excel hands a PILOT function its arguments
// (an error cell arrives as an object with a code) and then by the engine. None yields a figure.
import fs from 'fs';
import path from 'path';
import { CaseCache } from '../../src/functions/cache';
import { readTableArg } from '../../src/functions/arguments';
import { runPilotFunction } from '../../src/functions/runner';
import { CaseInputError, checkCase, evaluateCase, sampleCase, type CaseInput, type Grid, type Problem, type TableName } from '../../src/model';

type TableKey = Exclude<keyof CaseInput, 'places'>;
/** A cell as written in a corpus file: a value, or `{ "error": "#N/A" }` for an Excel error value. */
type CorpusCell = string | number | boolean | null | { error: string };

interface CorpusCase {
  about: string;
  paste: Partial<Record<TableKey, CorpusCell[][]>>;
  problems: Problem[];
}

const DIR = path.join(__dirname, '..', 'fixtures', 'bad-input');
const FILES = fs.readdirSync(DIR).filter((file) => file.endsWith('.json')).sort();
const TABLES: readonly [TableKey, TableName][] = [
  ['metrics', 'Metrics'],
  ['costs', 'Costs'],
  ['readiness', 'Readiness'],
  ['ownership', 'Ownership'],
  ['assumptions', 'Assumptions'],
];

function load(file: string): CorpusCase {
  return JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as CorpusCase;
}

/** Each table as a host hands it over: the sample's own unless pasted, error cells as objects with a code. */
function hostTables(c: CorpusCase): Partial<Record<TableKey, unknown[][]>> {
  const tables: Partial<Record<TableKey, unknown[][]>> = { ...sampleCase() };
  for (const [key, grid] of Object.entries(c.paste) as [TableKey, CorpusCell[][]][]) {
    tables[key] = grid.map((row) => row.map((cell) => (cell !== null && typeof cell === 'object' ? { code: cell.error } : cell)));
  }
  return tables;
}

/** The problems found, as a PILOT function meets them: first in its arguments, then in the engine. */
function problemsOf(c: CorpusCase): Problem[] {
  const host = hostTables(c);
  const input: Partial<Record<TableKey, Grid | undefined>> = {};
  const found: Problem[] = [];
  for (const [key, table] of TABLES) {
    try {
      input[key] = readTableArg(host[key], table);
    } catch (error) {
      if (!(error instanceof CaseInputError)) throw error;
      found.push(...error.problems);
    }
  }
  if (found.length > 0) return found;
  return checkCase({ ...input, metrics: input.metrics ?? [], costs: input.costs ?? [] });
}

test('the corpus holds at least 40 cases', () => {
  expect(FILES.length).toBeGreaterThanOrEqual(40);
});

describe.each(FILES)('bad input %s', (file) => {
  const c = load(file);

  it('is reported on the cells expected', () => {
    expect(c.problems.length).toBeGreaterThan(0);
    const problems = problemsOf(c);
    for (const expected of c.problems) {
      expect(problems).toContainEqual({ ...expected, message: expect.stringContaining(expected.message) });
    }
    expect(problems).toHaveLength(c.problems.length);
  });

  it('yields no figure: PILOT.VERDICT gives #VALUE! naming the first problem’s cell', () => {
    const host = hostTables(c);
    const [first] = problemsOf(c);
    const outcome = runPilotFunction('VERDICT', [host.metrics, host.costs, host.readiness, host.assumptions ?? null, host.ownership ?? null], { cases: new CaseCache() });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('#VALUE!');
      expect(outcome.error.message.startsWith(`${first.table} row ${first.row}, ${first.column}: `)).toBe(true);
    }
    if (!Object.values(c.paste).some((grid) => grid.some((row) => row.some((cell) => cell !== null && typeof cell === 'object')))) {
      expect(() => evaluateCase({ ...sampleCase(), ...(c.paste as Partial<CaseInput>) })).toThrow(CaseInputError);
    }
  });
});
