/**
 * The workbench's sample with a Low and a High on every metric and cost (SPEC §3.10), pasted
 * beside its Metrics and Costs tables the way a person pastes them from a spreadsheet; and the
 * same case as grids, for Node to compute what the page must show.
 */
import type { Page } from 'playwright-core';
import type { CaseInput } from '../../../src/model';
import { SAMPLE_COST_RANGES, SAMPLE_METRIC_RANGES, withSampleRanges } from '../../support/ranges';

/** Where the ranges go: the first columns right of the sample's tables. */
const PASTED = [
  { sheet: 'Metrics', at: 'J1', rows: SAMPLE_METRIC_RANGES },
  { sheet: 'Costs', at: 'F1', rows: SAMPLE_COST_RANGES },
] as const;

/**
 * The tables a formula over the ranged sample reads, spelled out: the workbench's table names
 * cover the sample's own columns only.
 */
export const RANGED_TABLES = 'Metrics!A1:K5,Costs!A1:G9,Assumptions!A1:B13';

/**
 * The sample with the ranges beside its tables, as the page holds it (no Readiness: the formulas
 * over RANGED_TABLES read none).
 *
 * @example
 *   simulateCase(rangedWorkbenchCase(), { seed: 7 }) // what =PILOT.SIMULATE(…,10000,7) shows in the page
 */
export function rangedWorkbenchCase(): CaseInput {
  const { metrics, costs, assumptions } = withSampleRanges();
  return { metrics, costs, assumptions };
}

/**
 * Pastes the ranges into the workbench page open on the sample, as Ctrl+V from a spreadsheet does.
 *
 * @example
 *   await page.goto(`${server.url}workbench.html`);
 *   await pasteRanges(page);
 */
export async function pasteRanges(page: Page): Promise<void> {
  for (const { sheet, at, rows } of PASTED) {
    await page.getByRole('tab', { name: sheet, exact: true }).click();
    await page.getByRole('grid', { name: `Sheet ${sheet}` }).waitFor();
    await page.locator(`#wb-grid td[data-cell="${at}"]`).click();
    const text = rows.map((row) => row.join('\t')).join('\r\n');
    await page.locator('#wb-grid').evaluate((el, clip) => {
      const data = new DataTransfer();
      data.setData('text/plain', clip);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }
}
