/**
 * The help page as `npm run build` emits it, in Chromium, at the width of Excel's task pane
 * (320 px) and of a desktop browser (1,280 px), light and dark: the page never scrolls sideways
 * (a wide table scrolls inside its own box), a function's anchor (help.html#PILOT.NPV, where its
 * helpUrl points) brings its entry to the top, and the colours follow the reader's system with
 * readable contrast. Screenshots of each go to test-results/help/.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { productionBuildBeforeAll } from '../tools/production-build';
import { chromiumOrSkip, launchChromium } from './support/browser';
import { recordTraffic, type Traffic } from './support/network';
import { serveDirectory, type StaticServer } from './support/server';

const SHOTS = path.resolve(__dirname, '../../test-results/help');

/** WCAG's contrast ratio of two colours as the browser computes them ("rgb(28, 28, 28)"). */
function contrast(a: string, b: string): number {
  const luminance = (colour: string): number => {
    const [r, g, bl] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const haveChromium = chromiumOrSkip('the help page browser tests (test/e2e/help-page.test.ts)');

(haveChromium ? describe : describe.skip)('the help page in Chromium', () => {
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
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(width: number, colorScheme: 'light' | 'dark', at = ''): Promise<void> {
    context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
    traffic = await recordTraffic(context, [new URL(server.url).origin]);
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}help.html${at}`);
    await page.getByRole('heading', { level: 1, name: 'Pilot Gate user guide' }).waitFor();
  }

  afterEach(async () => {
    await context?.close();
    expect(pageErrors).toEqual([]);
    expect(traffic.elsewhere()).toEqual([]);
    expect(traffic.violations).toEqual([]);
  });

  describe.each([
    [320, 'light'],
    [320, 'dark'],
    [1280, 'light'],
    [1280, 'dark'],
  ] as const)('at %i px, %s', (width, scheme) => {
    it('opens at the top without scrolling sideways, every wide table scrolling in its own box', async () => {
      await open(width, scheme);
      await page.screenshot({ path: path.join(SHOTS, `help-${width}-${scheme}-top.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // Nothing reaches past the page's right edge except inside a table's scrolling box.
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((e) => !e.closest('.table') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .map((e) => `${e.tagName.toLowerCase()}: ${(e.textContent ?? '').slice(0, 40)}`),
      );
      expect(overflowing).toEqual([]);
    });

    it("brings PILOT.NPV's entry to the top from its anchor, where its helpUrl points", async () => {
      await open(width, scheme, '#PILOT.NPV');
      const heading = page.getByRole('heading', { level: 3, name: 'PILOT.NPV' });
      const box = await heading.boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeLessThan(40);
      // Words and figures keep their spaces through the production build's minifier.
      const example = page.locator('section.function', { has: heading }).locator('li.example');
      expect(await example.innerText()).toMatch(/^=PILOT\.NPV\(Metrics\[#All\],\s?Costs\[#All\],\s?Assumptions\[#All\]\) gives 1,475,525\.91$/);
      await page.screenshot({ path: path.join(SHOTS, `help-${width}-${scheme}-npv.png`) });
    });

    it(`shows ${scheme} colours, text and links readable on them`, async () => {
      await open(width, scheme);
      const colours = await page.evaluate(() => {
        const style = (selector: string): CSSStyleDeclaration => getComputedStyle(document.querySelector(selector)!);
        return {
          background: style('body').backgroundColor,
          text: style('body').color,
          link: style('main a').color,
          muted: style('h4').color,
          code: style('code').backgroundColor,
        };
      });
      const lightBackground = contrast(colours.background, 'rgb(0, 0, 0)') > contrast(colours.background, 'rgb(255, 255, 255)');
      expect(lightBackground).toBe(scheme === 'light');
      expect(contrast(colours.text, colours.background)).toBeGreaterThanOrEqual(7);
      expect(contrast(colours.link, colours.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colours.muted, colours.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colours.text, colours.code)).toBeGreaterThanOrEqual(7);
    });
  });

  it('takes a reader from the contents to a section, and from an entry back to every function', async () => {
    await open(320, 'light');
    await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'The verdict' }).click();
    expect(new URL(page.url()).hash).toBe('#the-verdict');
    await page.goto(`${server.url}help.html#PILOT.ROI`);
    await page.locator('section.function', { has: page.getByRole('heading', { name: 'PILOT.ROI' }) }).getByRole('link', { name: 'All functions' }).click();
    expect(new URL(page.url()).hash).toBe('#functions');
    const box = await page.getByRole('heading', { level: 2, name: 'Function reference' }).boundingBox();
    expect(box!.y).toBeLessThan(40);
  });
});
