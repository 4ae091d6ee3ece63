/**
 * Every example the declarations give (the help page's examples) runs as written: in a workbook
 * holding the sample case as the template's tables, on HyperFormula with the PILOT functions,
 * and gives the result written, to the decimals written; every error example gives its error.
 */
import { PILOT_DECLARATIONS, type FunctionDeclaration, type SpillCell } from '../../src/functions/declarations';
import type { HyperFormulaWorkbook } from '../../src/workbook/hyperformula/workbook';
import { exampleError, exampleProblems, examplesWorkbook } from '../support/examples';

const EXAMPLES = PILOT_DECLARATIONS.flatMap((d) => d.examples.map((example) => [d.id, example.formula, example.result] as const));
const DECLARATIONS: readonly FunctionDeclaration[] = PILOT_DECLARATIONS;
const ERROR_EXAMPLES = DECLARATIONS.flatMap((d) => (d.errors ?? []).flatMap((e) => (e.example === undefined ? [] : [[d.id, e.example, e.code] as const])));

describe('the examples of every PILOT function', () => {
  let book: HyperFormulaWorkbook;

  beforeAll(async () => {
    book = await examplesWorkbook();
  });

  afterAll(() => book.hf.destroy());

  it('cover every function', () => {
    expect(new Set(EXAMPLES.map(([id]) => id))).toEqual(new Set(PILOT_DECLARATIONS.map((d) => d.id)));
  });

  it.each(EXAMPLES)('PILOT.%s: %s', (_id, formula, result) => {
    const rows: readonly (readonly SpillCell[])[] = Array.isArray(result) ? result : [[result as SpillCell]];
    expect(exampleProblems(book, formula, rows)).toEqual([]);
  });

  it.each(ERROR_EXAMPLES)('PILOT.%s: %s gives %s', (_id, formula, code) => {
    expect(exampleError(book, formula)?.code).toBe(code);
  });

  it('catch an example whose result is written wrong', () => {
    expect(exampleProblems(book, '=PILOT.VALUE("2 h","min")', [[121]])).toEqual(['row 1, column 1: gives 120, written 121']);
    expect(exampleProblems(book, '=PILOT.VALUE("N/A")', [[0]])).toEqual(['row 1, column 1: #VALUE! "N/A" is not a value: expected a number such as 1,200, 12 min, $3.40 or 4.2%']);
    expect(exampleError(book, '=PILOT.VALUE("2 h","min")')).toBeNull();
  });
});
