/**
 * The workbench in a real browser: Debian's Chromium, driven by playwright-core, on the
 * workbench built once per run and served from 127.0.0.1. A person's day, step by step: insert
 * the template, paste messy values, check, select the problem cell, fix it, evaluate, change an
 * input and watch the verdict move, evaluate again, meet the no-clobber dialog, snapshot.
 * Each step leaves a screenshot in test-results/workbench/.
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
import { pasteRanges, RANGED_TABLES, rangedWorkbenchCase } from './support/ranges';
import { simulateCase, tornadoCase } from '../../src/model';

const SHOTS = path.resolve(__dirname, '../../test-results/workbench');
/** Excel's Neutral and Bad fills (VERDICT_COLOURS), as the browser computes them. */
const AMBER = 'rgb(255, 235, 156)';
const RED = 'rgb(255, 199, 206)';
const STEP_MS = 20_000;

const haveChromium = chromiumOrSkip('the workbench browser tests (test/e2e/workbench.test.ts)');

(haveChromium ? describe : describe.skip)('the workbench in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Uncaught errors on the page: a test fails on any. */
  let pageErrors: string[];
  /** Every request and policy violation: a test fails on a request elsewhere than the page's origin, or on any violation. */
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

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // The workbench needs nothing from elsewhere, not even Office.js.
    traffic = await recordTraffic(context, [new URL(server.url).origin]);
    page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterEach(async () => {
    await context.close();
    expect(pageErrors).toEqual([]);
    expect(traffic.requests).toContain(`${server.url}workbench.js`);
    expect(traffic.elsewhere()).toEqual([]);
    expect(traffic.violations).toEqual([]);
  });

  const grid = (): Locator => page.locator('#wb-grid');
  const cell = (a1: string): Locator => page.locator(`#wb-grid td[data-cell="${a1}"]`);
  const status = (): Locator => page.getByRole('status');
  const formulaBar = (): Locator => page.getByRole('textbox', { name: 'Formula bar' });
  const nameBox = (): Locator => page.getByRole('textbox', { name: /^Name box/ });
  const tab = (name: string | RegExp): Locator => page.getByRole('tab', { name, exact: typeof name === 'string' });

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  /**
   * The page with the grid scrolled to the first chart's top-left corner, and, where the grid
   * shows a chart whole, each chart on its own.
   */
  async function chartShots(name: string): Promise<void> {
    const charts = page.locator('.wb-chart');
    await charts.first().evaluate((el: HTMLElement) => {
      const scroller = el.parentElement!;
      const header = scroller.querySelector<HTMLElement>('thead th')!;
      const rowHeader = scroller.querySelector<HTMLElement>('tbody th')!;
      scroller.scrollTo(el.offsetLeft - rowHeader.offsetWidth, el.offsetTop - header.offsetHeight);
    });
    await shot(`${name}-charts`);
    const room = (await page.locator('.wb-scroll').boundingBox())!;
    for (let i = 0; i < (await charts.count()); i++) {
      const box = (await charts.nth(i).boundingBox())!;
      if (box.width > room.width || box.height > room.height) continue;
      await charts.nth(i).screenshot({ path: path.join(SHOTS, `${name}-chart-${i + 1}.png`) });
    }
  }

  async function textOf(a1: string): Promise<string> {
    return (await cell(a1).innerText()).trim();
  }

  async function fillOf(a1: string): Promise<string> {
    return cell(a1).evaluate((el) => getComputedStyle(el).backgroundColor);
  }

  /** Waits until the cell shows exactly `text`. */
  async function cellShows(a1: string, text: string): Promise<void> {
    await cell(a1).filter({ hasText: new RegExp(`^\\s*${text.replace(/[$.*+?()[\]{}|^\\]/g, '\\$&')}\\s*$`) }).waitFor();
  }

  /** Scrolls the grid (not the page) so that cell's top-left meets the sticky row numbers and column letters. */
  async function proofAt(a1: string): Promise<void> {
    await cell(a1).evaluate((td) => {
      let scroller = td.parentElement;
      while (scroller && !(scroller.scrollWidth > scroller.clientWidth && getComputedStyle(scroller).overflowX !== 'visible')) scroller = scroller.parentElement;
      if (!scroller) throw new Error('the grid does not scroll');
      const box = scroller.getBoundingClientRect();
      const rowNumbers = td.closest('tr')?.querySelector('th')?.getBoundingClientRect().width ?? 0;
      const letters = td.closest('table')?.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      scroller.scrollLeft += td.getBoundingClientRect().left - box.left - rowNumbers;
      scroller.scrollTop += td.getBoundingClientRect().top - box.top - letters;
    });
  }

  async function clickButton(name: string): Promise<void> {
    await page.getByRole('button', { name, exact: true }).click();
  }

  async function statusSays(pattern: RegExp): Promise<string> {
    await status().filter({ hasText: pattern }).waitFor();
    return (await status().innerText()).trim();
  }

  /** Pastes tab-separated text into the grid at the active cell, as Ctrl+V from a spreadsheet does. */
  async function paste(text: string): Promise<void> {
    await grid().evaluate((el, clip) => {
      const data = new DataTransfer();
      data.setData('text/plain', clip);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Types into a cell and commits with Enter, the way a person does; the cell then shows `shown`. */
  async function typeInto(a1: string, text: string, shown = text): Promise<void> {
    await cell(a1).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await cellShows(a1, shown);
  }

  it('takes a person from the template to a snapshot, with the verdict live in between', async () => {
    await page.goto(`${server.url}workbench.html?workbook=blank`);
    await grid().and(page.getByRole('grid', { name: 'Sheet Sheet1' })).waitFor();
    // The pane's title and its question are two lines, the question below the title.
    const title = await page.getByRole('heading', { level: 1, name: 'Pilot Gate' }).boundingBox();
    const question = await page.getByText(/^Should this AI pilot go to production/).boundingBox();
    expect(question!.y).toBeGreaterThanOrEqual(title!.y + title!.height - 1);
    await shot('01-blank-workbook');

    // Insert the template: five sheets of tables, the first one shown.
    await clickButton('Insert template');
    await statusSays(/Inserted 5 sheets/);
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['Sheet1', 'Metrics', 'Costs', 'Readiness', 'Ownership', 'Assumptions']);
    expect(await tab('Metrics').getAttribute('aria-selected')).toBe('true');
    await shot('02-template-inserted');

    // Paste messy values over the baselines (emptied first), then N/A as the error rate's pilot figure.
    await cell('B2').click();
    await cell('B4').click({ modifiers: ['Shift'] });
    expect(await nameBox().inputValue()).toBe('B2:B4');
    await page.keyboard.press('Delete');
    for (const a1 of ['B2', 'B3', 'B4']) expect(await textOf(a1)).toBe('');
    await cell('B2').click();
    await paste('12 min\r\n4.2%\r\n$3.40\r\n');
    await cell('D3').click();
    await paste('N/A');
    expect([await textOf('B2'), await textOf('B3'), await textOf('B4'), await textOf('D3')]).toEqual(['12 min', '4.2%', '$3.40', 'N/A']);
    await cell('B3').click();
    expect(await formulaBar().inputValue()).toBe('4.2%');
    await shot('03-messy-values-pasted');

    // Check inputs lists the N/A cell; choosing it shows its sheet and selects it.
    await clickButton('Check inputs');
    await statusSays(/1 problem/);
    await tab('Costs').click();
    await page.getByRole('grid', { name: 'Sheet Costs' }).waitFor();
    const problem = page.getByRole('button', { name: /^Problem at Metrics!D3: .*N\/A/ });
    await problem.click();
    await statusSays(/Selected Metrics!D3/);
    expect(await tab('Metrics').getAttribute('aria-selected')).toBe('true');
    expect(await nameBox().inputValue()).toBe('D3');
    expect(await cell('D3').getAttribute('aria-selected')).toBe('true');
    expect(await cell('D3').getAttribute('class')).toMatch(/\bwb-active\b/);
    expect(await grid().getAttribute('aria-activedescendant')).toBe(await cell('D3').getAttribute('id'));
    await shot('04-check-inputs-selects-the-cell');

    // Fix it by typing; the check comes back clean.
    await typeInto('D3', '0.6%');
    expect(await nameBox().inputValue()).toBe('D4');
    await clickButton('Check inputs');
    await statusSays(/The inputs are usable|^0 problems/);

    // Evaluate: the block of live formulas, with the verdict cell coloured.
    await clickButton('Evaluate');
    const firstWrite = await statusSays(/Verdict: NOT READY\. Output block written to 'Pilot Gate'!A1:/);
    expect(await tab('Pilot Gate').getAttribute('aria-selected')).toBe('true');
    await cellShows('B2', 'NOT READY');
    expect(await fillOf('B2')).toBe(AMBER);
    expect(await page.getByTestId('verdict').innerText()).toBe('NOT READY');
    await cell('B2').click();
    const safe = (t: string) => `IF(ISBLANK(${t}),"",${t})`;
    expect(await formulaBar().inputValue()).toBe(`=PILOT.VERDICT(${['Metrics', 'Costs', 'Readiness', 'Assumptions', 'Ownership'].map(safe).join(',')})`);
    await shot('05-evaluated-not-ready');

    // Change an input: production's model bill goes from $60,000 to $5,000,000 a year. The
    // verdict cell recalculates at once, without Evaluate.
    await tab('Costs').click();
    await typeInto('D2', '5000000', '$5,000,000');
    await tab('Pilot Gate').click();
    await cellShows('B2', 'KILL');
    expect(await fillOf('B2')).toBe(RED);
    await shot('06-input-changed-verdict-live');

    // Evaluate again: the same block, rewritten in place; no second sheet, no second verdict.
    await clickButton('Evaluate');
    // Written where the first one was (its height follows the number of reasons).
    const secondWrite = await statusSays(/Verdict: KILL\. Output block written to/);
    const place = (status: string): string => /written to ('Pilot Gate'!A1):[A-Z]+\d+/.exec(status)?.[1] ?? status;
    expect(place(secondWrite)).toBe(place(firstWrite));
    expect(await page.getByRole('tab', { name: /^Pilot Gate/ }).count()).toBe(1);
    await cellShows('B2', 'KILL');
    // Every spill sized afresh (no #SPILL!), and no error at all: a threshold no input can reach reads "never" (SPEC §3.5).
    const errors = await page.locator('#wb-grid td.wb-error').evaluateAll((cells) => cells.map((c) => `${c.getAttribute('data-cell')} ${c.getAttribute('title')}`));
    expect(errors).toEqual([]);
    expect(await textOf('G4')).toBe('never');
    expect(await page.getByTestId('verdict').innerText()).toBe('KILL');
    await shot('07-evaluated-again-one-block');

    // Text where the block would go: the pane asks before writing over it.
    await typeInto('C3', 'my note');
    await clickButton('Evaluate');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/Cells in the way[\s\S]*Pilot Gate!C3/);
    // The dialog fades in: the screenshot waits for its animations to end.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    // The question opens over the pane, as in Excel's task pane: the sheet stays in sight and in
    // reach beside it, with nothing laid over the cell in the way.
    const behindDialog = await page.evaluate(() => {
      const dialog = document.querySelector('[role="alertdialog"]');
      const box = document.querySelector('#wb-grid td[data-cell="C3"]')!.getBoundingClientRect();
      const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return { inPane: dialog?.closest('aside.wb-pane') !== null, cellOnTop: top?.closest('td')?.getAttribute('data-cell') ?? null };
    });
    expect(behindDialog).toEqual({ inPane: true, cellOnTop: 'C3' });
    await shot('08-no-clobber-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await statusSays(/Nothing was written/);
    expect(await textOf('C3')).toBe('my note');

    // Snapshot: a new sheet of values, the verdict among them.
    await clickButton('Snapshot');
    const snapshotStatus = await statusSays(/Snapshot written to sheet "Snapshot /);
    const sheet = /"(Snapshot [^"]+)"/.exec(snapshotStatus)![1];
    expect(await tab(sheet).getAttribute('aria-selected')).toBe('true');
    await cellShows('B5', 'KILL');
    await cell('B5').click();
    expect(await formulaBar().inputValue()).toBe('KILL');
    expect(await fillOf('B5')).toBe(RED);
    await cell('A1').click();
    expect(await formulaBar().inputValue()).toMatch(/^Pilot Gate snapshot: values as of /);
    // Only the block's own cells: the note typed into its area (C3 there, C6 here) stays out, and
    // Excel's own NPV, which the block puts there, is copied instead.
    expect(await textOf('C6')).not.toBe('my note');
    expect(await textOf('A6')).toBe('NPV');
    expect(await textOf('C6')).toBe(await textOf('B6'));
    await cell('A2').click();
    expect(await formulaBar().inputValue()).toMatch(/^Copied from 'Pilot Gate'!A1:[A-Z]+\d+; the live block there recalculates, this copy does not\.$/);
    await shot('09-snapshot-of-values');
  }, 120_000);

  it('keeps a cell typed while the pane asks, and undoes an Evaluate that replaced a person’s cells', async () => {
    await page.goto(`${server.url}workbench.html`);
    await page.getByRole('grid', { name: 'Sheet Metrics' }).waitFor();
    await clickButton('Find tables');
    await statusSays(/Found 5 of 5 tables/);
    expect(await page.getByRole('button', { name: 'Undo last Evaluate' }).getAttribute('aria-disabled')).toBe('true');
    await clickButton('Evaluate');
    await statusSays(/Verdict: NOT READY\. Output block written to 'Pilot Gate'!A1:/);
    await cellShows('B2', 'NOT READY');

    // A note in the block's way: the pane asks.
    await typeInto('D2', 'my note');
    await clickButton('Evaluate');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/Pilot Gate!D2\./);
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));

    // While the question is open, the person types into another cell the block would take.
    await typeInto('D4', 'typed while asked');
    await shot('12-typed-while-asked');
    // Focus left the dialog for the grid, so Fluent's focus manager hides it from the accessibility
    // tree until focus returns; the person clicks its button with the mouse.
    await page.locator('[role="alertdialog"] button', { hasText: 'Replace those cells' }).click();
    const refusal = page.getByRole('alert');
    await refusal.filter({ hasText: /Pilot Gate!D4 changed since it was read\. Nothing was written/ }).waitFor();
    expect([await textOf('D2'), await textOf('D4'), await textOf('B2')]).toEqual(['my note', 'typed while asked', 'NOT READY']);
    await shot('13-write-refused');

    // Asked again, with both cells named, the person says yes: the block replaces them.
    await clickButton('Evaluate');
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/2 cells[\s\S]*Pilot Gate!D2, Pilot Gate!D4/);
    await dialog.getByRole('button', { name: 'Replace those cells' }).click();
    await statusSays(/Verdict: NOT READY\. Output block written to 'Pilot Gate'!A1:/);
    expect([await textOf('D2'), await textOf('D4')]).toEqual(['', '']);

    // Undo puts them back, and the block as it was before.
    await clickButton('Undo last Evaluate');
    await statusSays(/^Undone: what the last Evaluate replaced is back at 'Pilot Gate'!A1:/);
    await cellShows('D2', 'my note');
    await cellShows('D4', 'typed while asked');
    await cellShows('B2', 'NOT READY');
    await cell('B2').click();
    const safe = (t: string) => `IF(ISBLANK(${t}),"",${t})`;
    expect(await formulaBar().inputValue()).toBe(`=PILOT.VERDICT(${['Metrics', 'Costs', 'Readiness', 'Assumptions', 'Ownership'].map(safe).join(',')})`);
    expect(await page.getByRole('button', { name: 'Undo last Evaluate' }).getAttribute('aria-disabled')).toBe('true');
    await shot('14-evaluate-undone');
  }, 120_000);

  it('opens on the sample, is usable from the keyboard, and evaluates it to the verdict of SPEC §7', async () => {
    await page.goto(`${server.url}workbench.html`);
    await page.getByRole('grid', { name: 'Sheet Metrics' }).waitFor();
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['Metrics', 'Costs', 'Readiness', 'Ownership', 'Assumptions']);
    expect([await textOf('B2'), await textOf('B3'), await textOf('B4')]).toEqual(['12 min', '4.2%', '$3.40']);

    // Keyboard only: arrows to a cell, F2 to edit it, Escape to cancel, typing to replace, Enter to commit.
    await grid().focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    expect(await nameBox().inputValue()).toBe('B2');
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: 'Edit Metrics!B2' }).waitFor();
    await page.keyboard.type(' and more');
    expect(await formulaBar().inputValue()).toBe('12 min and more');
    await page.keyboard.press('Escape');
    expect(await textOf('B2')).toBe('12 min');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('4.2 %');
    await page.keyboard.press('Enter');
    await cellShows('B3', '4.2 %');
    expect(await nameBox().inputValue()).toBe('B4');
    await page.keyboard.press('Control+PageDown');
    expect(await tab('Costs').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Control+PageUp');
    expect(await tab('Metrics').getAttribute('aria-selected')).toBe('true');
    expect(await nameBox().inputValue()).toBe('B4');

    // The formula bar edits the active cell too.
    await page.keyboard.press('ArrowUp');
    await formulaBar().fill('4.2%');
    await formulaBar().press('Enter');
    await cellShows('B3', '4.2%');

    await page.getByRole('button', { name: 'Find tables' }).focus();
    await page.keyboard.press('Enter');
    await statusSays(/Found 5 of 5 tables/);
    await page.getByRole('button', { name: 'Evaluate', exact: true }).focus();
    await page.keyboard.press('Enter');
    await statusSays(/Verdict: NOT READY/);
    await cellShows('B2', 'NOT READY');
    // The headline in its formats (SPEC §7: NPV $1,475,525.91, ROI 221.89%, payback 13.072 months, expansion 3.175×),
    // Excel's own NPV and IRR beside PILOT's, and the thresholds (adoption 28.81%, volume 0.3107×).
    await cellShows('A3', 'NPV');
    await cellShows('B3', '$1,475,526');
    await cellShows('C3', '$1,475,526');
    await cellShows('D3', 'agrees');
    await cellShows('B4', '221.9%');
    await cellShows('B5', '13.1 months');
    await cellShows('B6', '3.18×');
    await cellShows('B8', '277.5%');
    await cellShows('D8', 'agrees');
    await cellShows('D9', 'agrees');
    await cellShows('A11', 'What must be true first');
    await cellShows('B13', 'Priya Raman');
    await cellShows('G4', '28.8%');
    await cellShows('G5', '0.31×');
    await shot('10-sample-evaluated-by-keyboard');

    // The block at 1,280 px: the answer first, then the proof (thresholds, reconciliation, cash flows, details, charts).
    await page.setViewportSize({ width: 1280, height: 900 });
    await cell('A1').click();
    await shot('block-1280-answer');
    // The proof starts at column F: the grid alone is scrolled so F sits just right of the row numbers, and its labels,
    // thresholds, cash flows, details and charts show whole, not the empty columns past them.
    await proofAt('F1');
    await shot('block-1280-proof');
    await proofAt('F17');
    await shot('block-1280-proof-details');
    // The cost lines right of the charts: each category against the alarm, then the total.
    await cellShows('R16', 'Costs by category');
    await cellShows('R25', 'Monitoring');
    await cellShows('T26', '$381,000');
    await proofAt('R16');
    await shot('block-1280-cost-lines');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Only the required tables: readiness is still a required argument (SPEC §4), written as ""
    // ("no Readiness table"), never an empty slot, so no cell says "Wrong number of arguments".
    for (const table of ['Readiness', 'Ownership', 'Assumptions']) {
      await page.getByRole('combobox', { name: `${table} (optional)` }).selectOption({ label: 'Not used' });
    }
    await clickButton('Evaluate');
    await statusSays(/Verdict: NOT READY\. Output block written to 'Pilot Gate'!A1:/);
    await cell('B2').click();
    expect(await formulaBar().inputValue()).toBe('=PILOT.VERDICT(IF(ISBLANK(Metrics),"",Metrics),IF(ISBLANK(Costs),"",Costs),"")');
    await cellShows('B2', 'NOT READY');
    await cell('B7').click();
    expect(await formulaBar().inputValue()).toBe('=CONCATENATE(INDEX(PILOT.TIMELINE(""),1,1),"–",INDEX(PILOT.TIMELINE(""),1,2)," months")');
    // One figure in one cell, and nothing beside it.
    await cellShows('B7', '4–6 months');
    await cellShows('C7', '');
    expect(await page.locator('#wb-grid td.wb-error').count()).toBe(0);
    await cellShows('F38', 'Readiness: "Executive sponsor" blocks production: not assessed.');
    await shot('11-only-required-tables');
  }, 120_000);

  it("draws the block's native charts over the cells they were placed on, from their cells, and again after a recalculation", async () => {
    await page.goto(`${server.url}workbench.html`);
    await page.getByRole('grid', { name: 'Sheet Metrics' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    await clickButton('Evaluate');
    await statusSays(/Verdict: NOT READY/);
    const chart = (name: RegExp): Locator => page.locator('.wb-chart').getByRole('img', { name });
    const cashflows = chart(/^Cash flows by year/);
    await cashflows.waitFor();
    // The second chart's place (M16:Q35) reaches past the first screenful of columns, drawn a moment later.
    await page.locator('.wb-chart canvas').nth(1).waitFor();
    expect(await page.locator('.wb-chart canvas').count()).toBe(2);
    // The pane's chart chunk draws the sheet's charts too: fetched once, with Chart.js once.
    const chartFiles = traffic.requests.filter((url) => /chart/i.test(new URL(url).pathname));
    expect(chartFiles).toContain(`${server.url}workbench-charts.js`);
    expect(new Set(chartFiles).size).toBe(chartFiles.length);

    // Where Excel puts them: each over the cells of its place, H16:L35 and M16:Q35 (the block at A1).
    const over = async (canvas: Locator, from: string, to: string): Promise<number[]> => {
      const box = (await canvas.locator('xpath=ancestor::div[contains(@class,"wb-chart")]').boundingBox())!;
      const a = (await cell(from).boundingBox())!;
      const b = (await cell(to).boundingBox())!;
      return [box.x - a.x, box.y - a.y, box.x + box.width - (b.x + b.width), box.y + box.height - (b.y + b.height)].map((d) => Math.round(Math.abs(d)));
    };
    await cell('H16').scrollIntoViewIfNeeded();
    expect(await over(cashflows, 'H16', 'L35')).toEqual([0, 0, 0, 0]);
    const expansion = chart(/^Pilot against production/);
    expect(await over(expansion, 'M16', 'Q35')).toEqual([0, 0, 0, 0]);

    // Drawn from the cells (SPEC §7's Net row), with the figures in words for a screen reader.
    const description = (canvas: Locator) => canvas.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
    expect(await description(cashflows)).toMatch(/Year 0: Net \(\$190,000\), Cumulative \(\$190,000\); Year 1: Net \$450,561/);
    const pixels = (canvas: Locator) => canvas.evaluate((el) => (el as HTMLCanvasElement).toDataURL());
    const drawn = await pixels(cashflows);
    expect(drawn.length).toBeGreaterThan(5000);
    await chartShots('block-1280');

    // An edit on another sheet recalculates the block: the chart follows without Evaluate.
    await tab('Costs').click();
    await typeInto('D2', '5000000', '$5,000,000');
    await tab('Pilot Gate').click();
    await cellShows('B2', 'KILL');
    await cashflows.waitFor();
    expect(await description(cashflows)).toMatch(/Year 1: Net \(\$4,489,439\)/);
    expect(await pixels(cashflows)).not.toBe(drawn);
    await chartShots('block-1280-after-edit');

    // At 320 px the charts keep their size over their cells; the grid scrolls to them.
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await over(cashflows, 'H16', 'L35')).toEqual([0, 0, 0, 0]);
    await chartShots('block-320');
  }, 120_000);

  it('pastes with Ctrl+V after a cell was edited, whether Enter committed it or Escape left F2', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.goto(`${server.url}workbench.html?workbook=blank`);
    await grid().and(page.getByRole('grid', { name: 'Sheet Sheet1' })).waitFor();
    const block = async (a1s: string[]): Promise<string[]> => Promise.all(a1s.map(textOf));

    // A block to copy, typed the way a person types it; then copied from the grid with Ctrl+C.
    await typeInto('A1', 'Metric');
    await typeInto('B1', 'Baseline');
    await typeInto('A2', 'Error rate');
    await typeInto('B2', '4.2%');
    await cell('A1').click();
    await cell('B2').click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+C');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Metric\tBaseline\r\nError rate\t4.2%');

    // An edit committed with Enter, then Ctrl+V: the block lands at the cell Enter moved to (D2).
    await typeInto('D1', 'note');
    expect(await nameBox().inputValue()).toBe('D2');
    await page.keyboard.press('Control+V');
    await cellShows('E3', '4.2%');
    expect(await block(['D2', 'E2', 'D3', 'E3'])).toEqual(['Metric', 'Baseline', 'Error rate', '4.2%']);
    expect(await nameBox().inputValue()).toBe('D2:E3');

    // F2, then Escape (nothing changed), then Ctrl+V of text another program put on the clipboard.
    await cell('G6').click();
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: 'Edit Sheet1!G6' }).waitFor();
    await page.keyboard.press('Escape');
    await page.evaluate(() => navigator.clipboard.writeText('12 min\t$3.40\r\n'));
    await page.keyboard.press('Control+V');
    await cellShows('H6', '$3.40');
    expect(await block(['G6', 'H6'])).toEqual(['12 min', '$3.40']);

    // A click into the cell being edited and Enter, then Ctrl+V: still the grid's paste.
    await cell('A8').dblclick();
    await page.getByRole('textbox', { name: 'Edit Sheet1!A8' }).waitFor();
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await cellShows('A8', 'x');
    await page.keyboard.press('Control+V');
    await cellShows('B9', '$3.40');
    expect(await block(['A9', 'B9'])).toEqual(['12 min', '$3.40']);

    // Ctrl+V inside an open editor pastes into the editor, as in Excel, not over the cells around it.
    await cell('C12').click();
    await page.keyboard.press('F2');
    const editor = page.getByRole('textbox', { name: 'Edit Sheet1!C12' });
    await page.keyboard.press('Control+V');
    expect(await editor.inputValue()).toMatch(/^12 min/);
    expect(await textOf('D12')).toBe('');
    await page.keyboard.press('Escape');
    await shot('12-pasted-after-edits');
  }, 120_000);

  it('goes to an address typed into the name box, keeps €3 as text in a USD case, and serves /favicon.ico', async () => {
    await page.goto(`${server.url}workbench.html`);
    await page.getByRole('grid', { name: 'Sheet Metrics' }).waitFor();
    // The name box takes an address, on this sheet or another.
    await nameBox().fill('C4');
    await nameBox().press('Enter');
    expect(await cell('C4').getAttribute('aria-selected')).toBe('true');
    await nameBox().fill('Costs!D9');
    await nameBox().press('Enter');
    expect(await tab('Costs').getAttribute('aria-selected')).toBe('true');
    expect(await nameBox().inputValue()).toBe('D9');
    await nameBox().fill('Nowhere!A1');
    await nameBox().press('Enter');
    await page.getByRole('alert').filter({ hasText: /"Nowhere!A1" is not an address on this workbook/ }).waitFor();

    // €3 typed into Monitoring's Annual (a money cell of a USD case) stays the text €3, and Check inputs says why.
    // € is not a key Playwright can press, so the text goes in through the cell's editor (F2), as an input method would.
    await cell('D9').click();
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('€3');
    await page.keyboard.press('Enter');
    await cellShows('D9', '€3');
    await clickButton('Find tables');
    await statusSays(/Found 5 of 5 tables/);
    await clickButton('Check inputs');
    await page.getByRole('button', { name: /^Problem at Costs!D9: .*"€3" is in EUR, but the case currency is USD/ }).waitFor();

    const favicon = await page.request.get(`${server.url}favicon.ico`);
    expect(favicon.status()).toBe(200);
    expect((await favicon.body()).subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 120_000);

  it('simulates in the page to the figures Node computes, bit for bit (the same seed everywhere)', async () => {
    await page.goto(`${server.url}workbench.html`);
    await page.getByRole('grid', { name: 'Sheet Metrics' }).waitFor();
    await pasteRanges(page);
    expect([await textOf('F1'), await textOf('G9')]).toEqual(['Low', '24000']);
    const input = rangedWorkbenchCase();

    // In the Costs sheet, right of its ranges: the simulation with a seed of its own, then each figure against Node's.
    await typeInto('I1', `=PILOT.SIMULATE(${RANGED_TABLES},10000,7)`, 'Figure');
    const s = simulateCase(input, { trials: 10000, seed: 7 });
    const figures = [s.npv.p10, s.npv.p50, s.npv.p90, s.npv.mean, s.probabilityNpvNonNegative, s.probabilityPaybackWithinMax];
    expect(figures[0]).not.toBe(figures[2]);
    for (const [i, figure] of figures.entries()) {
      // String(x) is the shortest text that reads back as exactly x: equality in the page is equality to the bit.
      await cell(`L${i + 2}`).click();
      await formulaBar().fill(`=IF(J${i + 2}=${String(figure)},"same","differs")`);
      await formulaBar().press('Enter');
      await cellShows(`L${i + 2}`, 'same');
    }

    // The tornado below it: every bar's label, and its two NPVs to the bit.
    await typeInto('I10', `=PILOT.TORNADO(${RANGED_TABLES})`, 'Input');
    const bars = tornadoCase(input);
    for (const [i, bar] of bars.entries()) expect(await textOf(`I${11 + i}`)).toBe(bar.label);
    const same = bars.map((bar, i) => `J${11 + i}=${String(bar.npvLow)},K${11 + i}=${String(bar.npvHigh)}`).join(',');
    await cell('L9').click();
    await formulaBar().fill(`=IF(AND(${same}),"same","differs")`);
    await formulaBar().press('Enter');
    await cellShows('L9', 'same');
    await shot('12-simulate-and-tornado');
  }, 120_000);
});
