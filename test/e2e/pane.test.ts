/**
 * The task pane in a real browser (Debian's Chromium through playwright-core), in the workbench,
 * where it runs on the same port it uses in Excel: at 320 px (the narrowest task pane) and at
 * 1,280 px, light and dark. After Evaluate it must fit with no horizontal scrolling, pass axe-core
 * with no serious or critical violation and no landmark out of place, and draw its charts (a chunk fetched after the pane is
 * usable). With ranges, "How sure?" simulates in its Web Worker to Node's figures, to the bit.
 * Screenshots of the card, the charts and How sure go to test-results/pane/.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, failing } from './support/axe';
import { chromiumOrSkip, launchChromium } from './support/browser';
import { recordTraffic } from './support/network';
import type { Traffic } from './support/network';
import { serveDirectory } from './support/server';
import type { StaticServer } from './support/server';
import { workbenchBuild } from './support/workbench-build';
import { pasteCase, runawayCostCase } from './support/ranges';
import { simulateCase } from '../../src/model';
import type { Simulation } from '../../src/model';
import { formatMoney, formatPercent } from '../../src/model/format';

const SHOTS = path.resolve(__dirname, '../../test-results/pane');
const haveChromium = chromiumOrSkip('the task pane browser tests (test/e2e/pane.test.ts)');

(haveChromium ? describe : describe.skip)('the task pane in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let traffic: Traffic;

  beforeAll(async () => {
    const build = workbenchBuild();
    if (build.seconds !== null) console.log(`workbench build: ${build.seconds.toFixed(1)} s into ${build.dir}`);
    server = await serveDirectory(build.dir);
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    await context?.close();
    expect(pageErrors).toEqual([]);
    expect(traffic.elsewhere()).toEqual([]);
    expect(traffic.violations).toEqual([]);
  });

  /** Opens the workbench on the sample, or on an empty workbook (`blank`), with `before` run in each page before its own scripts. */
  async function open(width: number, scheme: 'light' | 'dark', workbook: 'sample' | 'blank' = 'sample', before?: () => void): Promise<void> {
    // Tall enough that the whole pane is on screen at 1,280 px, where it scrolls in its own column.
    context = await browser.newContext({ viewport: { width, height: width < 900 ? 900 : 3000 }, colorScheme: scheme });
    traffic = await recordTraffic(context, [new URL(server.url).origin]);
    if (before) await context.addInitScript(before);
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}workbench.html${workbook === 'blank' ? '?workbook=blank' : ''}`);
    // A first open on a loaded machine parses the development bundle.
    await page.getByRole('grid', { name: workbook === 'blank' ? 'Sheet Sheet1' : 'Sheet Metrics' }).waitFor({ timeout: 60_000 });
  }

  const pane = (): Locator => page.locator('.wb-pane');

  /** Evaluate with no table chosen: the pane finds them, writes the block and draws the charts. */
  async function evaluate(): Promise<void> {
    await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^Used Metrics .* Verdict: NOT READY\./ }).waitFor();
    await page.getByTestId('charts').locator('canvas').nth(2).waitFor();
    // Chart.js draws in the next frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  it.each([
    [320, 'light'],
    [320, 'dark'],
    [1280, 'light'],
    [1280, 'dark'],
  ] as const)('at %i px in the %s theme: fits, passes axe-core and shows the card and the charts', async (width, scheme) => {
    await open(width, scheme);
    expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe(scheme);
    await evaluate();

    // No horizontal scrolling: buttons, dropdowns, reasons and charts wrap or shrink to the pane.
    const fit = await pane().evaluate((el) => {
      const wider = [...el.querySelectorAll('*')].filter((c) => c.getBoundingClientRect().right > el.getBoundingClientRect().right + 0.5).map((c) => c.tagName + '.' + c.className);
      return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, wider: wider.slice(0, 5) };
    });
    expect(fit.wider).toEqual([]);
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    if (width === 320) expect(fit.clientWidth).toBe(320);

    expect(failing(await axeViolations(page, '.wb-pane'))).toEqual([]);

    // The charts' chunk came from the page's own origin, after the pane was up.
    expect(traffic.requests).toContain(`${server.url}workbench-charts.js`);
    const charts = page.getByTestId('charts');
    for (const name of ['Cash flows by year', 'Pilot against production cost', 'How far each input can move before NPV reaches 0']) {
      const canvas = charts.getByRole('img', { name });
      const description = await canvas.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
      expect(description.length).toBeGreaterThan(40);
      // Something was drawn: the canvas is not blank.
      expect(await canvas.evaluate((el) => (el as HTMLCanvasElement).toDataURL().length)).toBeGreaterThan(2000);
    }

    const card = page.getByTestId('verdict').locator('xpath=ancestor::div[1]');
    await card.screenshot({ path: path.join(SHOTS, `card-${width}-${scheme}.png`) });
    await charts.screenshot({ path: path.join(SHOTS, `charts-${width}-${scheme}.png`) });
  }, 120_000);

  it('follows the sheet: an edit that turns the verdict shows in the card without Evaluate', async () => {
    await open(1280, 'light');
    await evaluate();
    await page.getByRole('tab', { name: 'Costs', exact: true }).click();
    await page.locator('#wb-grid td[data-cell="D2"]').click();
    await page.keyboard.type('5000000');
    await page.keyboard.press('Enter');
    await page.getByTestId('verdict').filter({ hasText: /^KILL$/ }).waitFor();
    expect(await page.getByTestId('freshness').innerText()).toBe('Updated from the sheet.');
    await page.getByTestId('verdict').locator('xpath=ancestor::div[1]').screenshot({ path: path.join(SHOTS, 'card-after-edit-kill.png') });
  }, 120_000);

  it('holds the pane to an axe-core check that fails on a name without its visible text and on a main inside a main', async () => {
    context = await browser.newContext();
    traffic = await recordTraffic(context, [new URL(server.url).origin]);
    page = await context.newPage();
    pageErrors = [];
    // The two faults the pane once had: a "Use selection" button named only by its table, and the pane's main inside the page's.
    await page.setContent(`<!doctype html><html lang="en"><head><title>Faults</title></head><body>
      <main class="wb-pane"><h1>Pane</h1>
        <button aria-label="Metrics table">Use selection</button>
        <main><p>The card.</p></main>
      </main></body></html>`);
    const found = failing(await axeViolations(page, '.wb-pane'));
    expect(found.map((v) => v.id).sort()).toEqual(['label-content-name-mismatch', 'landmark-main-is-top-level', 'landmark-no-duplicate-main']);
    expect(found.find((v) => v.id === 'label-content-name-mismatch')?.nodes.map((n) => n.target)).toEqual([['button']]);

    // The same page without the faults passes.
    await page.setContent(`<!doctype html><html lang="en"><head><title>Mended</title></head><body>
      <main class="wb-pane"><h1>Pane</h1>
        <button aria-label="Use selection for the Metrics table">Use selection</button>
        <section aria-label="The card"><p>The card.</p></section>
      </main></body></html>`);
    expect(failing(await axeViolations(page, '.wb-pane'))).toEqual([]);
  }, 60_000);

  /** Hears what each simulation worker tells the pane, beside the pane's own listener: the real worker, watched. */
  function listenToWorkers(): void {
    const Native = window.Worker;
    const heard: unknown[] = [];
    Object.assign(window, { pgSimulations: heard });
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent<{ kind: string; simulation?: unknown }>) => {
          if (event.data.kind === 'done') heard.push(event.data.simulation);
        });
      }
    };
  }

  it.each([
    [320, 'light'],
    [320, 'dark'],
    [1280, 'light'],
    [1280, 'dark'],
  ] as const)('How sure? at %i px in the %s theme: the Web Worker gives Node’s figures to the bit, and the section fits and draws', async (width, scheme) => {
    await open(width, scheme, 'blank', listenToWorkers);
    const input = runawayCostCase();
    await pasteCase(page, input);
    await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Verdict: / }).waitFor();
    const section = page.getByTestId('how-sure');
    await section.getByLabel('How sure: figures').waitFor();
    await section.getByRole('img', { name: 'NPV over the trials' }).waitFor();
    await section.getByRole('img', { name: 'What moves NPV most' }).waitFor();
    // Chart.js draws in the next frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

    // What the worker gave the pane (the last simulation: a refresh after the block was written runs it again) against Node's, to the bit.
    const expected = simulateCase(input);
    const heard = await page.evaluate(() => (window as unknown as { pgSimulations: Simulation[] }).pgSimulations);
    expect(heard.length).toBeGreaterThan(0);
    expect(heard[heard.length - 1]).toStrictEqual(expected);
    // The worker is a chunk of its own from the page's origin, allowed by the page's policy (afterEach: no violation).
    expect(traffic.requests).toContain(`${server.url}workbench-simulate-worker.js`);
    const figures = await section.getByLabel('How sure: figures').innerText();
    for (const figure of [expected.npv.p10, expected.npv.p50, expected.npv.p90, expected.npv.mean]) expect(figures).toContain(formatMoney(figure, 'USD'));
    expect(figures).toContain(formatPercent(expected.probabilityNpvNonNegative));
    expect(await section.innerText()).toContain('10,000 trials, seed 1');
    // Some trials lose money, and the text beside the histogram says how many.
    expect(expected.probabilityNpvNonNegative).toBeLessThan(0.99);
    expect(await section.innerText()).toContain(`Below 0: ${formatPercent(1 - expected.probabilityNpvNonNegative)} of trials have NPV below 0.`);

    for (const name of ['NPV over the trials', 'What moves NPV most']) {
      expect(await section.getByRole('img', { name }).evaluate((el) => (el as HTMLCanvasElement).toDataURL().length)).toBeGreaterThan(2000);
    }
    const fit = await pane().evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    expect(failing(await axeViolations(page, '.wb-pane'))).toEqual([]);
    await section.screenshot({ path: path.join(SHOTS, `how-sure-${width}-${scheme}.png`) });
  }, 180_000);
});
