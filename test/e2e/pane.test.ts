/**
 * The task pane in a real browser (Debian's Chromium through playwright-core), in the workbench,
 * where it runs on the same port it uses in Excel: at 320 px (the narrowest task pane) and at
 * 1,280 px, light and dark. After Evaluate it must fit with no horizontal scrolling, pass axe-core
 * with no serious or critical violation, and draw its charts (a chunk fetched after the pane is
 * usable). Screenshots of the card and the charts go to test-results/pane/.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { chromiumOrSkip, launchChromium } from './support/browser';
import { recordTraffic } from './support/network';
import type { Traffic } from './support/network';
import { serveDirectory } from './support/server';
import type { StaticServer } from './support/server';
import { workbenchBuild } from './support/workbench-build';

const SHOTS = path.resolve(__dirname, '../../test-results/pane');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

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

  async function open(width: number, scheme: 'light' | 'dark'): Promise<void> {
    // Tall enough that the whole pane is on screen at 1,280 px, where it scrolls in its own column.
    context = await browser.newContext({ viewport: { width, height: width < 900 ? 900 : 3000 }, colorScheme: scheme });
    traffic = await recordTraffic(context, [new URL(server.url).origin]);
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}workbench.html`);
    await page.getByRole('grid', { name: 'Sheet Metrics' }).waitFor({ timeout: 60_000 }); // a first open on a loaded machine parses the development bundle
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

  async function axeViolations(): Promise<AxeViolation[]> {
    // Evaluated by the driver, which the page's script policy does not govern (an inline <script> would be refused).
    await page.evaluate(AXE_SOURCE);
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
      const results = await axe.run(document.querySelector('.wb-pane')!, { resultTypes: ['violations'], rules: { 'label-content-name-mismatch': { enabled: true } } });
      return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
    });
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

    const serious = (await axeViolations()).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);

    // The charts' chunk came from the page's own origin, after the pane was up.
    expect(traffic.requests).toContain(`${server.url}charts.js`);
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
});
