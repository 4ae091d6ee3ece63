/**
 * The user guide (docs/guide.md) cannot say what Pilot Gate does not do: every table in it is
 * checked against the engine (guide-checks.ts), and every figure its prose states must be one a
 * checked table states, so a figure cannot be written anywhere the checks do not reach.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseMarkdown, plainText, type Block } from '../../src/help/markdown';
import { figuresIn } from './figures';
import { guideChecks, type GuideTable } from './guide-checks';

const GUIDE = fs.readFileSync(path.resolve(__dirname, '../../docs/guide.md'), 'utf8');
const blocks = parseMarkdown(GUIDE);
const tables = blocks.filter((b): b is GuideTable => b.kind === 'table');
const checks = guideChecks();

/** The prose of a block, as its reader sees it: a heading, a paragraph, each item of a list. */
function prose(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [block.text];
    case 'list':
      return [...block.items];
    default:
      return [];
  }
}

/** The figures stated in prose that no checked table states, each with its line. */
function uncheckedFigures(all: readonly Block[]): string[] {
  const checked = new Set(
    all
      .filter((b): b is GuideTable => b.kind === 'table' && b.check !== null)
      .flatMap((t) => [...t.header, ...t.rows.flat()].flatMap((cell) => figuresIn(plainText(cell)))),
  );
  return all.flatMap((block) => prose(block).flatMap((text) => figuresIn(text).filter((f) => !checked.has(f)).map((f) => `line ${block.line}: ${f}`)));
}

describe('the user guide', () => {
  it('checks every table it has, with a check that exists, and uses every check', () => {
    expect(tables.filter((t) => t.check === null).map((t) => `line ${t.line}`)).toEqual([]);
    expect(tables.filter((t) => t.check !== null && !(t.check in checks)).map((t) => t.check)).toEqual([]);
    expect(Object.keys(checks).filter((name) => !tables.some((t) => t.check === name))).toEqual([]);
  });

  it.each(tables.filter((t) => t.check !== null).map((t) => [t.check!, t] as const))('says in its %s table what the engine does', (name, table) => {
    expect(checks[name](table)).toEqual([]);
  });

  it('states no figure in its prose that a checked table does not state', () => {
    expect(uncheckedFigures(blocks)).toEqual([]);
  });
});

describe('the checks', () => {
  const byName = (name: string): GuideTable => tables.find((t) => t.check === name)!;
  const withCell = (table: GuideTable, row: number, column: number, text: string): GuideTable => ({
    ...table,
    rows: table.rows.map((r, i) => (i === row ? r.map((c, j) => (j === column ? text : c)) : r)),
  });

  it('catch a figure of the worked example written wrong, to the cent', () => {
    // A cent off the NPV the guide states for the sample.
    const npv = byName('sample-economics');
    expect(checks['sample-economics'](withCell(npv, 0, 1, '1,475,525.92'))).toEqual(['row 1, Sample: reads 1,475,525.92, the engine gives 1475525.9074809486']);
  });

  it('catch a reading the engine does not make, and a problem it does not find', () => {
    const readings = byName('readings');
    const row = readings.rows.findIndex((r) => plainText(r[0]) === '$2,000/month');
    expect(checks.readings(withCell(readings, row, 1, '2,000 USD/month'))).toEqual([]);
    expect(checks.readings(withCell(readings, row, 1, '2,400 USD/month'))).toHaveLength(1);
    expect(checks.readings(withCell(readings, row, 1, 'a problem: money per time'))).toEqual(['"$2,000/month": the guide says a problem, the engine reads it']);
  });

  it('catch a default, a synonym or a gate that is not the engine’s', () => {
    const assumptions = byName('assumptions');
    expect(checks.assumptions(withCell(assumptions, 0, 1, '8%'))).toEqual(['Discount rate = 8% is not the engine\'s default']);
    expect(checks['metrics-columns'](withCell(byName('metrics-columns'), 0, 1, 'Name, KPI, Label'))).toHaveLength(1);
    expect(checks['standard-gates'](withCell(byName('standard-gates'), 9, 2, 'yes'))).toHaveLength(1);
  });

  it('catch a figure in prose that no checked table states', () => {
    // 4,777.91 is a cent off the cumulative the sample-payback table states (−4,777.90); 12 is stated there.
    const wrong: Block = { kind: 'paragraph', text: 'The cumulative is −4,777.91 at the end of month 12, `12,345` as typed.', line: 999 };
    expect(uncheckedFigures([...blocks, wrong])).toEqual(['line 999: 4,777.91']);
  });
});
