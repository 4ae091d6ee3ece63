/**
 * Blank cells on every platform (SPEC §2, §4): Excel on the web hands a custom function an empty
 * cell inside a range as null, Excel on Windows has been reported to hand it over as 0
 * (github.com/OfficeDev/office-js issues 4702, 5262, 1951). The block's formulas hand every table
 * over as IF(ISBLANK(t),"",t), so its figures are the same either way. HyperFormula's PILOT plugin
 * plays both platforms (blankCells 'null' and 'zero'); a plain =PILOT.NPV(Metrics,…) shows that
 * the difference is real, so these tests can fail.
 */
import { evaluate } from '../../src/usecases/evaluate';
import { insertTemplate } from '../../src/usecases/tables';
import type { BlankCells } from '../../src/workbook/hyperformula/pilot-functions';
import { HyperFormulaWorkbook } from '../../src/workbook/hyperformula/workbook';
import type { CellAddress, RangeAddress } from '../../src/workbook/port';

/** A cell of the template's tables (each on its own sheet, its header on row 1). */
const cell = (sheet: string, row: number, column: number): CellAddress => ({ sheet, row, column });

/** The cases: the sample (whose blank One-time and Volume cells are blanks already) and three with more blanks. */
const CASES: readonly (readonly [string, readonly CellAddress[]])[] = [
  ['the sample of SPEC §7 (a blank Volume and two blank One-time cells)', []],
  // Error rate's Pilot and the hours metric's Volume: under basis evidence, a Pilot of 0 would close the gap past 100%.
  ['a blank Pilot and Volume', [cell('Metrics', 2, 3), cell('Metrics', 4, 7)]],
  // Model and licences with neither One-time nor Annual runs at Pilot × its multiplier; with zeros it would cost nothing.
  ['a cost line with blank One-time and Annual', [cell('Costs', 1, 3)]],
  // A blank Discount rate is the default 10%; a 0 would not discount at all.
  ['blank assumption values', [cell('Assumptions', 1, 1), cell('Assumptions', 5, 1)]],
];

async function blockOn(blankCells: BlankCells, blanks: readonly CellAddress[]): Promise<{ book: HyperFormulaWorkbook; block: RangeAddress }> {
  const book = new HyperFormulaWorkbook({ sheets: ['Start'], blankCells });
  const { sources } = await insertTemplate(book);
  for (const at of blanks) book.clearContents({ ...at, rows: 1, columns: 1 });
  const outcome = await evaluate(book, sources);
  if (outcome.kind !== 'written') throw new Error(`expected the block written, got ${outcome.kind}`);
  return { book, block: outcome.block };
}

/** Every cell of the block as the grid shows it (errors as their code). */
function shownBlock(book: HyperFormulaWorkbook, block: RangeAddress): string[][] {
  return Array.from({ length: block.rows }, (_, r) =>
    Array.from({ length: block.columns }, (_, c) => {
      const shown = book.shown({ sheet: block.sheet, row: block.row + r, column: block.column + c });
      return shown.error ? shown.error.code : `${shown.value}`;
    }),
  );
}

describe('the block on a platform that hands blank cells over as 0', () => {
  it.each(CASES)('gives the same figures as where they arrive as null: %s', async (_, blanks) => {
    const web = await blockOn('null', blanks);
    const windows = await blockOn('zero', blanks);
    const shown = shownBlock(web.book, web.block);
    expect(shownBlock(windows.book, windows.block)).toEqual(shown);
    expect(shown[1][1]).toMatch(/^(SCALE|PIVOT|KILL|NOT READY)$/);
  });

  it.each(CASES)('where a plain =PILOT.NPV(Metrics,Costs,Assumptions) would differ: %s', async (_, blanks) => {
    const npvOn = async (blankCells: BlankCells): Promise<unknown> => {
      const { book } = await blockOn(blankCells, blanks);
      const at = { sheet: 'Start', row: 0, column: 0 };
      book.enter(at, '=PILOT.NPV(Metrics,Costs,Assumptions)');
      const shown = book.shown(at);
      return shown.error ? shown.error.code : shown.value;
    };
    const web = await npvOn('null');
    const windows = await npvOn('zero');
    expect(typeof web).toBe('number');
    expect(windows).not.toEqual(web);
  });
});
