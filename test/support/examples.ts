/**
 * Runs a PILOT formula as the documentation writes it, in a workbook holding the sample case as
 * the template's tables, on HyperFormula with the PILOT functions, and says what differs from
 * what the documentation says it gives: a value to the decimals written, or an Excel error.
 */
import type { SpillCell } from '../../src/functions/declarations';
import { insertTemplate } from '../../src/usecases/tables';
import { HyperFormulaWorkbook } from '../../src/workbook/hyperformula/workbook';

const SHEET = 'Examples';

/**
 * A workbook with the template's tables (the sample case) and an empty sheet for the examples.
 *
 * @example
 *   const book = await examplesWorkbook();
 *   exampleProblems(book, '=PILOT.VALUE("2 h","min")', [[120]]); // []
 */
export async function examplesWorkbook(): Promise<HyperFormulaWorkbook> {
  const book = new HyperFormulaWorkbook({ sheets: [SHEET] });
  await insertTemplate(book);
  return book;
}

/** Half a unit of the last decimal written: 1475525.91 holds to 0.005, 0.2881 to 0.00005. */
function tolerance(written: number): number {
  const decimals = (String(written).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -decimals + 1e-12;
}

/** Enters a formula (`Metrics[#All]` as the workbook names the table's range) and runs `read` on the result. */
function entered<T>(book: HyperFormulaWorkbook, formula: string, read: () => T): T {
  // The workbook names each table's range after the table, as the workbench does: Metrics[#All] is Metrics there.
  book.enter({ sheet: SHEET, row: 0, column: 0 }, formula.replace(/([A-Za-z]+)\[#All\]/g, '$1'));
  try {
    return read();
  } finally {
    book.clearContents({ sheet: SHEET, row: 0, column: 0, rows: 1, columns: 1 });
  }
}

/**
 * What differs between a formula's result and the rows written for it (its top-left cells, for
 * a spill): one line per cell; empty when it gives what is written.
 *
 * @example
 *   exampleProblems(book, '=PILOT.NPV(Metrics[#All],Costs[#All])', [[1475525.91]]); // []
 */
export function exampleProblems(book: HyperFormulaWorkbook, formula: string, rows: readonly (readonly SpillCell[])[]): string[] {
  return entered(book, formula, () =>
    rows.flatMap((row, r) =>
      row.flatMap((written, c) => {
        const shown = book.shown({ sheet: SHEET, row: r, column: c });
        const where = `row ${r + 1}, column ${c + 1}`;
        if (shown.error) return [`${where}: ${shown.error.code} ${shown.error.message}`];
        if (typeof written === 'string') return shown.value === written ? [] : [`${where}: gives ${JSON.stringify(shown.value)}, written ${JSON.stringify(written)}`];
        if (typeof shown.value !== 'number') return [`${where}: gives ${JSON.stringify(shown.value)}, written ${written}`];
        return Math.abs(shown.value - written) <= tolerance(written) ? [] : [`${where}: gives ${shown.value}, written ${written}`];
      }),
    ),
  );
}

/**
 * The Excel error a formula's cell shows (its code and message), or null when it gives a value.
 *
 * @example
 *   exampleError(book, '=PILOT.VALUE("N/A")'); // { code: '#VALUE!', message: '"N/A" is not a value: …' }
 */
export function exampleError(book: HyperFormulaWorkbook, formula: string): { code: string; message: string } | null {
  return entered(book, formula, () => book.shown({ sheet: SHEET, row: 0, column: 0 }).error);
}
