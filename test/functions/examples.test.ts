/**
 * Every example the declarations give (the documentation's examples) runs as written: in a
 * workbook holding the sample of SPEC §7 as the template's tables, on HyperFormula with the PILOT
 * functions, and gives the result written, to the decimals written.
 */
import { PILOT_DECLARATIONS, type FunctionExample, type SpillCell } from '../../src/functions/declarations';
import { insertTemplate } from '../../src/usecases/tables';
import { HyperFormulaWorkbook } from '../../src/workbook/hyperformula/workbook';

const EXAMPLES = PILOT_DECLARATIONS.flatMap((d) => d.examples.map((example) => [d.id, example.formula, example] as const));

/** Half a unit of the last decimal written: 1475525.91 holds to 0.005, 0.2881 to 0.00005. */
function tolerance(written: number): number {
  const decimals = (String(written).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -decimals + 1e-12;
}

function expectCell(actual: unknown, written: SpillCell, where: string): void {
  if (typeof written === 'string') {
    expect([where, actual]).toEqual([where, written]);
    return;
  }
  expect([where, typeof actual]).toEqual([where, 'number']);
  expect(Math.abs((actual as number) - written)).toBeLessThanOrEqual(tolerance(written));
}

describe('the examples of every PILOT function', () => {
  let book: HyperFormulaWorkbook;

  beforeAll(async () => {
    book = new HyperFormulaWorkbook({ sheets: ['Examples'] });
    await insertTemplate(book);
  });

  afterAll(() => book.hf.destroy());

  it('cover every function', () => {
    expect(new Set(EXAMPLES.map(([id]) => id))).toEqual(new Set(PILOT_DECLARATIONS.map((d) => d.id)));
  });

  it.each(EXAMPLES)('PILOT.%s: %s', (_id, formula, example: FunctionExample) => {
    // The workbook names each table's range after the table, as the workbench does: Metrics[#All] is Metrics there.
    const entered = formula.replace(/([A-Za-z]+)\[#All\]/g, '$1');
    book.enter({ sheet: 'Examples', row: 0, column: 0 }, entered);
    const rows: readonly (readonly SpillCell[])[] = Array.isArray(example.result) ? example.result : [[example.result as SpillCell]];
    rows.forEach((row, r) =>
      row.forEach((written, c) => {
        const shown = book.shown({ sheet: 'Examples', row: r, column: c });
        expect(shown.error).toBeNull();
        expectCell(shown.value, written, `row ${r + 1}, column ${c + 1}`);
      }),
    );
    book.clearContents({ sheet: 'Examples', row: 0, column: 0, rows: 1, columns: 1 });
  });
});
