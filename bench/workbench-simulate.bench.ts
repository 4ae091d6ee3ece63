/**
 * The simulation in the workbench's Chromium: the sample with a Low and a High on every metric
 * and cost (pasted beside its tables), and =PILOT.SIMULATE over it at the default 10,000 trials.
 * Each run edits one range end and times the recalculation until the sheet shows the new mean:
 * the case evaluated afresh (its simulation included), HyperFormula's recalculation and the grid
 * drawn again. Wall-clock in the bench process, so the driver's round trips (a few ms) count too.
 * Then the task pane's "How sure?" simulation of the same case: its Web Worker (the chunk the pane
 * starts, workbench-simulate-worker.js) timed from postMessage to its outcome, worker start included.
 */
import { performance } from 'node:perf_hooks';
import { simulateCase, simulationSetup } from '../src/model';
import type { Simulation } from '../src/model';
import { chromiumOrSkip, INSTALL_COMMAND, launchChromium } from '../test/e2e/support/browser';
import { pasteRanges, RANGED_TABLES, rangedWorkbenchCase } from '../test/e2e/support/ranges';
import { serveDirectory } from '../test/e2e/support/server';
import { workbenchBuild } from '../test/e2e/support/workbench-build';
import type { Page } from 'playwright-core';
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
    return [
      againstNode(
        'workbench: =PILOT.SIMULATE at 10,000 trials of the sample with ranges on its 12 metrics and costs, recalculated after an edit (Chromium)',
        runs,
        node,
        'development build, headless Chromium; the case evaluated afresh with its simulation, HyperFormula recalculating, the grid drawn again',
      ),
      await paneWorker(page, input),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The pane's simulation of `input` in its Web Worker on `page`, beside simulateCase in Node; its figures must be Node's. */
async function paneWorker(page: Page, input: ReturnType<typeof rangedWorkbenchCase>): Promise<BenchEntry> {
  const request = { setup: simulationSetup(input), trials: 10_000, seed: 1 };
  const runs: number[] = [];
  let last: Simulation | null = null;
  for (let i = 0; i <= RUNS; i++) {
    const start = performance.now();
    last = await page.evaluate(
      (message) =>
        new Promise<Simulation>((resolve, reject) => {
          const worker = new Worker('workbench-simulate-worker.js');
          worker.onmessage = (event: MessageEvent<{ kind: string; simulation: Simulation; message: string }>) => {
            if (event.data.kind === 'progress') return;
            worker.terminate();
            if (event.data.kind === 'done') resolve(event.data.simulation);
            else reject(new Error(event.data.message));
          };
          worker.postMessage(message);
        }),
      request,
    );
    if (i > 0) runs.push(performance.now() - start); // the first run fetches and compiles the worker
  }
  const expected = simulateCase(input);
  // JSON writes each double as the shortest text that reads back as it: equal text is equal to the bit.
  if (JSON.stringify(last) !== JSON.stringify(expected)) throw new Error(`the worker's figures differ from Node's: ${JSON.stringify(last)} against ${JSON.stringify(expected)}`);
  const node = await timeRuns(RUNS, () => simulateCase(input));
  return againstNode(
    'task pane: How sure? at 10,000 trials of the same case in its Web Worker (Chromium)',
    runs,
    node,
    'development build, headless Chromium; a new worker each run (its start counted), 500 trials a slice with a progress message after each, the sorted NPVs sent back for the histogram; the figures equal Node’s',
  );
}

/** Runs in the page, in ms to a tenth, beside simulateCase on the same case in Node, within the budget. */
function againstNode(name: string, runs: number[], node: number[], note: string): BenchEntry {
  const tenths = (ms: number): number => Math.round(ms * 10) / 10;
  return {
    name,
    unit: 'ms',
    median: tenths(median(runs)),
    runs: runs.map(tenths),
    reference: { name: 'simulateCase on the same case in Node', median: tenths(median(node)) },
    ratio: median(runs) / median(node),
    budget: BUDGET_MS,
    note,
  };
}
