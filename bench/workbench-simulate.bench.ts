/**
 * The simulation in the workbench's Chromium: the sample with a Low and a High on every metric
 * and cost (pasted beside its tables), and =PILOT.SIMULATE over it at the default 10,000 trials.
 * Each run edits one range end and times the recalculation until the sheet shows the new mean:
 * the case evaluated afresh (its simulation included), HyperFormula's recalculation and the grid
 * drawn again. Wall-clock in the bench process, so the driver's round trips (a few ms) count too.
 */
import { performance } from 'node:perf_hooks';
import { simulateCase } from '../src/model';
import { chromiumOrSkip, INSTALL_COMMAND, launchChromium } from '../test/e2e/support/browser';
import { pasteRanges, RANGED_TABLES, rangedWorkbenchCase } from '../test/e2e/support/ranges';
import { serveDirectory } from '../test/e2e/support/server';
import { workbenchBuild } from '../test/e2e/support/workbench-build';
import { median, timeRuns } from './timing';
import type { BenchEntry } from './types';

const RUNS = 9;
const BUDGET_MS = 1000;
const STEP_TIMEOUT_MS = 60_000;

/**
 * Recalculating =PILOT.SIMULATE in the workbench after an edit, in ms, beside simulateCase on the
 * same case in Node.
 *
 * @example
 *   (await workbenchSimulateTimes())[0].median; // 120
 */
export default async function workbenchSimulateTimes(): Promise<BenchEntry[]> {
  if (!chromiumOrSkip('the workbench simulation bench')) throw new Error(`Chromium is missing: install it with \`${INSTALL_COMMAND}\`.`);
  const build = workbenchBuild();
  const server = await serveDirectory(build.dir);
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    await page.goto(`${server.url}workbench.html`);
    await page.getByRole('grid', { name: 'Sheet Metrics' }).waitFor();
    await pasteRanges(page);
    const cell = (a1: string) => page.locator(`#wb-grid td[data-cell="${a1}"]`);
    await cell('I1').click();
    await page.keyboard.type(`=PILOT.SIMULATE(${RANGED_TABLES})`);
    await page.keyboard.press('Enter');
    await cell('I1').filter({ hasText: 'Figure' }).waitFor();

    // Monitoring's Low (Costs!F9), 14,000 at first, a little higher each run: a new case every time.
    let low = 14000;
    const runs: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const before = (await cell('J5').innerText()).trim();
      await cell('F9').click();
      await page.keyboard.type(String(++low));
      const start = performance.now();
      await page.keyboard.press('Enter');
      await page.waitForFunction(([a1, old]) => document.querySelector(`#wb-grid td[data-cell="${a1}"]`)?.textContent?.trim() !== old, ['J5', before] as const);
      if (i > 0) runs.push(performance.now() - start); // the first run warms the page up
    }
    const input = rangedWorkbenchCase();
    input.costs[8][5] = low;
    const node = await timeRuns(RUNS, () => simulateCase(input));
    const tenths = (ms: number): number => Math.round(ms * 10) / 10;
    return [
      {
        name: 'workbench: =PILOT.SIMULATE at 10,000 trials of the sample with ranges on its 12 metrics and costs, recalculated after an edit (Chromium)',
        unit: 'ms',
        median: tenths(median(runs)),
        runs: runs.map(tenths),
        reference: { name: 'simulateCase on the same case in Node', median: tenths(median(node)) },
        ratio: median(runs) / median(node),
        budget: BUDGET_MS,
        note: 'development build, headless Chromium; the case evaluated afresh with its simulation, HyperFormula recalculating, the grid drawn again',
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
