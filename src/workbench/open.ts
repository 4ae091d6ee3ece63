/**
 * The workbook the workbench opens: the sample of SPEC §6, inserted the way the task pane's
 * Insert template inserts it (the same use case, through the port), or an empty one.
 */
import { createUseCases } from '../usecases';
import { HyperFormulaWorkbook } from '../workbook/hyperformula/workbook';

export type Start = 'sample' | 'blank';

export interface Opened {
  book: HyperFormulaWorkbook;
  /** What to tell the person first. */
  hint: string;
}

/**
 * Which workbook a page address asks for: `?workbook=blank` for an empty one, else the sample.
 *
 * @example
 *   startFrom('?workbook=blank') // 'blank'
 *   startFrom('')                // 'sample'
 */
export function startFrom(search: string): Start {
  return new URLSearchParams(search).get('workbook') === 'blank' ? 'blank' : 'sample';
}

/**
 * A new workbook: the sample's five tables on their own sheets, or one empty sheet.
 *
 * @example
 *   const { book } = await openWorkbook('sample');
 *   book.sheetNames(); // ['Metrics', 'Costs', 'Readiness', 'Ownership', 'Assumptions']
 */
export async function openWorkbook(start: Start): Promise<Opened> {
  if (start === 'blank') {
    return { book: new HyperFormulaWorkbook({ sheets: ['Sheet1'] }), hint: 'The workbook is empty: start with Insert template.' };
  }
  const book = new HyperFormulaWorkbook();
  await createUseCases({ port: book, now: () => new Date() }).insertTemplate();
  return {
    book,
    hint: 'The sample case is loaded as tables: press Find tables, then Evaluate. Then edit any input and watch the verdict.',
  };
}
