/**
 * The workbench's sample with a Low and a High on every metric and cost (SPEC §3.10), pasted
 * beside its Metrics and Costs tables the way a person pastes them from a spreadsheet; and the
 * same case as grids, for Node to compute what the page must show.
 */
import type { Page } from 'playwright-core';
import type { CaseInput, Cell } from '../../../src/model';
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
    await pasteGrid(page, at, rows);
  }
}

/**
 * Pastes cells at `at` on the sheet shown, as Ctrl+V from a spreadsheet does (tab-separated
 * text, a blank cell empty).
 *
 * @example
 *   await pasteGrid(page, 'A1', [['Metric', 'Baseline'], ['Errors', '4%']]);
 */
export async function pasteGrid(page: Page, at: string, rows: readonly (readonly Cell[])[]): Promise<void> {
  await page.locator(`#wb-grid td[data-cell="${at}"]`).click();
  const text = rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))).join('\t')).join('\r\n');
  await page.locator('#wb-grid').evaluate((el, clip) => {
    const data = new DataTransfer();
    data.setData('text/plain', clip);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * The sample with ranges, Metrics and Costs only (a pane that finds them reads no Readiness and
 * the default assumptions, which are the sample's), and Integration's High at $2,000,000 instead
 * of $150,000: a cost that may run away puts some trials below 0.
 *
 * @example
 *   simulateCase(runawayCostCase()).probabilityNpvNonNegative // 0.98
 */
export function runawayCostCase(): CaseInput {
  const { metrics, costs } = withSampleRanges();
  const high = costs[0].indexOf('High');
  return { metrics, costs: costs.map((row) => (row[0] === 'Integration' ? row.map((cell, i) => (i === high ? 2_000_000 : cell)) : row)) };
}

/**
 * Pastes a case's Metrics at A1 of an empty workbook's one sheet and its Costs below them after a
 * blank row, where Find tables finds them as plain ranges by their headers.
 *
 * @example
 *   await page.goto(`${server.url}workbench.html?workbook=blank`);
 *   await pasteCase(page, runawayCostCase());
 */
export async function pasteCase(page: Page, input: CaseInput): Promise<void> {
  await pasteGrid(page, 'A1', input.metrics);
  await pasteGrid(page, `A${input.metrics.length + 2}`, input.costs);
}
