/**
 * The add-in's pages as `npm run build` emits them, in Chromium, served from 127.0.0.1 with
 * Office.js answered from its npm package at its own origin: each page loads under its
 * Content-Security-Policy with nothing refused that it needs, and asks nothing of any origin but
 * its own and Office.js's. Outside Excel, Office.onReady still resolves (with no host), so the
 * task pane renders, Fluent's run-time styles included.
 */
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { filesUnder, productionBuildBeforeAll } from '../tools/production-build';
import { chromiumOrSkip, launchChromium } from './support/browser';
import { OFFICE_JS_ORIGIN, recordTraffic, serveOfficeJsFromPackage } from './support/network';
import type { CspViolation, Traffic } from './support/network';
import { serveDirectory } from './support/server';
import type { StaticServer } from './support/server';

const OFFICE_JS = `${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js`;

/**
 * What the policy refuses by design. Outside an Office client Office.js takes the host for Office
 * 2013 and loads o15apptofilemappingtable.js, whose logger frames Microsoft's telemetry proxy
 * (telemetryservice.firstpartyapps.oaspapps.com, in that file); frame-src refuses it, and
 * Office.js carries on without it.
 */
function refusedByDesign(violation: CspViolation): boolean {
  return violation.directive === 'frame-src' && violation.blocked.startsWith('https://telemetryservice.firstpartyapps.oaspapps.com/');
}

const haveChromium = chromiumOrSkip("the add-in pages' browser tests (test/e2e/addin-pages.test.ts)");

(haveChromium ? describe : describe.skip)("the add-in's production pages in Chromium", () => {
  const build = productionBuildBeforeAll();
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let traffic: Traffic;
  let pageErrors: string[];

  beforeAll(async () => {
    server = await serveDirectory(build().dir);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(options: { bypassCSP?: boolean } = {}): Promise<void> {
    context = await browser.newContext(options);
    await serveOfficeJsFromPackage(context);
    traffic = await recordTraffic(context, [new URL(server.url).origin, OFFICE_JS_ORIGIN]);
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }

  afterEach(async () => {
    await context?.close();
  });

  it('are four, each tested below', () => {
    const pages = filesUnder(build().dir, /\.html$/).map((file) => path.relative(build().dir, file));
    expect(pages.sort()).toEqual(['commands.html', 'functions.html', 'help.html', 'taskpane.html']);
  });

  it('help.html loads under its policy, asking only its own origin: no Office.js, no script', async () => {
    await open();
    await page.goto(`${server.url}help.html#PILOT.NPV`);
    await page.getByRole('heading', { level: 1, name: 'Pilot Gate user guide' }).waitFor();
    // The page and nothing else: no script, style sheet or font to fetch (a browser may still ask for a favicon).
    expect(traffic.requests.filter((url) => !url.endsWith('/favicon.ico'))).toEqual([`${server.url}help.html`]);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(traffic.elsewhere()).toEqual([]);
    expect(traffic.violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it.each([
    ['taskpane.html', ['runtime.js', 'shared.js', 'functions.js', 'commands.js', 'taskpane.js']],
    ['functions.html', ['runtime.js', 'shared.js', 'functions.js']],
    ['commands.html', ['runtime.js', 'commands.js']],
  ])('%s loads under its policy, asking only its own origin and Office.js', async (name, bundles) => {
    await open();
    await page.goto(`${server.url}${name}`);
    // Office.js has initialised (outside Excel it finds no host), and the page's scripts have run.
    expect(await page.evaluate(() => Office.onReady())).toMatchObject({ host: null, platform: null });
    if (name === 'taskpane.html') {
      await page.getByRole('heading', { level: 1, name: 'Pilot Gate' }).waitFor();
      // Fluent's styles, inserted at run time, were let in: the buckets Griffel fills hold rules.
      const rules = await page.evaluate(() => [...document.querySelectorAll('style[data-make-styles-bucket]')].reduce((n, s) => n + ((s as HTMLStyleElement).sheet?.cssRules.length ?? 0), 0));
      expect(rules).toBeGreaterThan(50);
      // Outside Excel the page says how to load the add-in there.
      expect(await page.getByRole('main').innerText()).toMatch(/works inside Excel/);
    }

    expect(traffic.requests).toEqual(expect.arrayContaining([`${server.url}${name}`, OFFICE_JS, ...bundles.map((b) => `${server.url}${b}`)]));
    expect(traffic.elsewhere()).toEqual([]);
    expect(traffic.violations.filter((v) => !refusedByDesign(v))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("the task pane's Help link opens the help page in a window of its own", async () => {
    await open();
    await page.goto(`${server.url}taskpane.html`);
    const [help] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Help' }).click()]);
    await help.getByRole('heading', { level: 1, name: 'Pilot Gate user guide' }).waitFor();
    expect(help.url()).toBe(`${server.url}help.html`);
    expect(traffic.elsewhere()).toEqual([]);
  });

  it('the task pane refuses evaluated text, inline scripts and connections elsewhere, and none reaches the network', async () => {
    await open();
    await page.goto(`${server.url}taskpane.html`);
    await page.getByRole('heading', { level: 1, name: 'Pilot Gate' }).waitFor();
    // From a timer, so that the page's policy governs the code (the driver's own evaluation may eval).
    const attempts = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) =>
          setTimeout(() => {
            const outcome = (run: () => unknown): string => {
              try {
                run();
                return 'ran';
              } catch (error) {
                return (error as Error).name;
              }
            };
            resolve([outcome(() => eval('1 + 1')), outcome(() => new Function('return 1')())]);
          }, 0),
        ),
    );
    expect(attempts).toEqual(['EvalError', 'EvalError']);
    const fetched = await page.evaluate(() => fetch('https://example.com/pilot').then(() => 'fetched', (error: Error) => error.name));
    expect(fetched).toBe('TypeError');
    await expect(page.addScriptTag({ content: 'window.injected = true;' })).rejects.toThrow(/Content Security Policy/);
    // The page reports a violation in a task of its own, after the refusal: let it run.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));

    expect(traffic.elsewhere()).toEqual([]);
    const refused = traffic.violations.filter((v) => !refusedByDesign(v)).map((v) => `${v.directive} ${v.blocked}`);
    expect(refused).toEqual(['script-src eval', 'script-src eval', 'connect-src https://example.com/pilot', 'script-src-elem inline']);
  });

  it('the request record catches a request elsewhere where no policy stops it', async () => {
    // The policy bypassed, as a page without one would be: the record is what fails the test then.
    await open({ bypassCSP: true });
    await context.route('https://elsewhere.example/**', (route) => route.fulfill({ status: 200, body: 'ok' }));
    await page.goto(`${server.url}taskpane.html`);
    await page.getByRole('heading', { level: 1, name: 'Pilot Gate' }).waitFor();
    expect(await page.evaluate(() => fetch('https://elsewhere.example/data').then((r) => r.text()))).toBe('ok');
    expect(traffic.elsewhere()).toEqual(['https://elsewhere.example/data']);
  });
});
