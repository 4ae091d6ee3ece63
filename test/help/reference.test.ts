/** @jest-environment jsdom */
/**
 * The help page as the build writes it (the guide, then the function reference from the
 * declarations), read as a browser reads it: an entry per PILOT function at the anchor its
 * helpUrl points at, whose examples and error examples, read back from the page, run and give
 * what the page says; every link on the page lands somewhere; and a function declared later
 * gets its entry with no change to the generator.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PILOT_DECLARATIONS, type FunctionDeclaration, type SpillCell } from '../../src/functions/declarations';
import { functionsJson } from '../../src/functions/functions-json';
import { HELP_PAGE, helpAnchor } from '../../src/help/address';
import { helpPageBody } from '../../src/help/page';
import { functionReference } from '../../src/help/reference';
import type { HyperFormulaWorkbook } from '../../src/workbook/hyperformula/workbook';
import { exampleError, exampleProblems, examplesWorkbook } from '../support/examples';

const GUIDE = fs.readFileSync(path.resolve(__dirname, '../../docs/guide.md'), 'utf8');

function page(declarations: readonly FunctionDeclaration[] = PILOT_DECLARATIONS): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${helpPageBody(GUIDE, declarations)}</body>`, 'text/html');
}

/** A figure as the page shows it, back to a number: "1,475,525.91" is 1475525.91, "-500" is -500; text stays text. */
function shownCell(text: string): SpillCell {
  const trimmed = text.trim();
  return /^-?\d{1,3}(,\d{3})*(\.\d+)?$/.test(trimmed) ? Number(trimmed.replace(/,/g, '')) : trimmed;
}

/** Each example on the page: the formula shown and the cells it says the formula gives. */
function pageExamples(doc: Document): { id: string; formula: string; rows: SpillCell[][] }[] {
  return [...doc.querySelectorAll('section.function')].flatMap((section) =>
    [...section.querySelectorAll('li.example')].map((li) => {
      const formula = li.querySelector('code.formula')!.textContent!;
      const single = li.querySelector('span.result');
      const rows = single
        ? [[shownCell(single.textContent!)]]
        : [...li.querySelectorAll('table.result tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => shownCell(td.textContent!)));
      return { id: section.querySelector('h3')!.id, formula, rows };
    }),
  );
}

describe('the help page', () => {
  const doc = page();

  it('has an entry for every PILOT function, in order, at the anchor of its name', () => {
    const entries = [...doc.querySelectorAll('section.function h3')].map((h) => [h.id, h.textContent]);
    expect(entries).toEqual(PILOT_DECLARATIONS.map((d) => [`PILOT.${d.id}`, `PILOT.${d.id}`]));
  });

  it("is where each function's helpUrl in functions.json points", () => {
    for (const fn of functionsJson('https://pilotgate.example.com/').functions) {
      const url = new URL(fn.helpUrl);
      expect([url.origin, url.pathname]).toEqual(['https://pilotgate.example.com', `/${HELP_PAGE}`]);
      expect(doc.getElementById(decodeURIComponent(url.hash.slice(1)))?.textContent).toBe(`PILOT.${fn.id}`);
    }
  });

  it('has no two elements with the same id, and every link on it lands on one', () => {
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const targets = [...doc.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1));
    expect(targets.length).toBeGreaterThan(PILOT_DECLARATIONS.length * 2);
    expect(targets.filter((id) => doc.getElementById(id) === null)).toEqual([]);
  });

  it('lists in its contents every section of the guide and the function reference', () => {
    const contents = [...doc.querySelectorAll('nav a')].map((a) => a.textContent);
    const sections = [...doc.querySelectorAll('main > h2')].map((h) => h.textContent);
    expect(contents).toEqual(sections);
    expect(contents).toEqual(expect.arrayContaining(['How each figure is computed', 'The verdict', 'Function reference']));
  });

  it('says what each argument accepts and which errors each function gives, those of its arguments too', () => {
    const entry = (id: string): Element => doc.getElementById(helpAnchor(id))!.closest('section')!;
    expect(entry('THRESHOLD').querySelector('.arguments')!.textContent).toContain('One of "adoption", "volume", "cost", "realization", in any case.');
    expect(entry('PAYBACK').querySelector('.arguments')!.textContent).toContain('Left out or blank: 12.');
    expect(entry('THRESHOLD').querySelector('.errors')!.textContent).toContain('#N/A when "never": no value in the range makes NPV positive.');
    expect(entry('THRESHOLD').querySelector('.errors')!.textContent).toContain('#VALUE! when which is not one of the words it takes.');
    expect(entry('PAYBACK').querySelector('.errors')!.textContent).toContain('#VALUE! when periodsPerYear is not the number of periods in a year, above 0');
    expect(entry('NPV').querySelector('.errors')!.textContent).toContain('#VALUE! when a table (metrics, costs, assumptions) has a problem');
    expect(entry('NPV').querySelector('.guide a')!.getAttribute('href')).toBe('#npv-irr-roi-and-payback');
  });
});

describe("the help page's examples, read from the page", () => {
  const doc = page();
  const examples = pageExamples(doc);
  const errorExamples = [...doc.querySelectorAll('code.error-example')].map((code) => [code.closest('li')!.querySelector('code.code')!.textContent!, code.textContent!] as const);
  let book: HyperFormulaWorkbook;

  beforeAll(async () => {
    book = await examplesWorkbook();
  });

  afterAll(() => book.hf.destroy());

  it('are the examples the declarations give, every one of them', () => {
    expect(examples.map((e) => e.formula)).toEqual(PILOT_DECLARATIONS.flatMap((d) => d.examples.map((x) => x.formula)));
    const declarations: readonly FunctionDeclaration[] = PILOT_DECLARATIONS;
    expect(errorExamples.map(([, formula]) => formula)).toEqual(declarations.flatMap((d) => (d.errors ?? []).flatMap((e) => (e.example ? [e.example] : []))));
  });

  it.each(examples.map((e) => [e.id, e.formula, e.rows] as const))('%s: %s gives what the page shows', (_id, formula, rows) => {
    expect(exampleProblems(book, formula, rows)).toEqual([]);
  });

  it.each(errorExamples)('%s: %s', (code, formula) => {
    expect(exampleError(book, formula)?.code).toBe(code);
  });
});

describe('the function reference', () => {
  it('gives a function declared later its entry, with the errors of its arguments, with no change to the generator', () => {
    const later: FunctionDeclaration = {
      id: 'WATCHLIST',
      description: 'A watch list: spilled Action | Owner | Source.',
      params: [
        { name: 'metrics', kind: 'table', optional: false, table: 'Metrics', description: 'The Metrics table.' },
        { name: 'limit', kind: 'number', optional: true, default: 5, range: { min: 1 }, description: 'How many actions at most.' },
      ],
      result: 'spill',
      returns: 'One action per row.',
      examples: [{ formula: '=PILOT.WATCHLIST(Metrics[#All])', result: [['Action', 'Owner', 'Source']] }],
    };
    const doc = page([...PILOT_DECLARATIONS, later]);
    const entry = doc.getElementById('PILOT.WATCHLIST')!.closest('section')!;
    expect(entry.querySelector('.signature')!.textContent).toBe('=PILOT.WATCHLIST(metrics, [limit])');
    expect(entry.querySelector('.arguments')!.textContent).toContain('A number at least 1. Left out or blank: 5.');
    expect([...entry.querySelectorAll('.errors li')].map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^#VALUE! when a table \(metrics\) has a problem/),
      '#VALUE! when a cell it reads holds an Excel error (such as #N/A) or a data type: the message names the cell.',
      '#VALUE! when limit is not a number it takes.',
    ]);
    expect(doc.querySelector('.function-index a[href="#PILOT.WATCHLIST"]')).not.toBeNull();
  });

  it("refuses to link a function to a section the guide does not have", () => {
    const lost = { ...PILOT_DECLARATIONS[0], guide: 'no-such-section' };
    expect(() => functionReference([lost], () => undefined)).toThrow("PILOT.VALUE points at the guide's section #no-such-section, which the guide does not have");
  });
});
