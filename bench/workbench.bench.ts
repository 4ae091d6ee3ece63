/**
 * The workbench in Chromium: how long from opening /workbench.html to the verdict visible in
 * its cell, the way a first-time person gets there (the sample is loaded; Find tables, then
 * Evaluate). Each run opens the page in a fresh browser context (no cache, no storage), on the
 * minified build `npm start` serves, from a local static server, alternating with a run on the
 * development build the browser tests use and with a reference page (bench/workbench-reference.html:
 * HyperFormula's own bundle loaded and a table drawn), so that the machine's load weighs on all
 * alike and the figure can be read against what the same machine takes for the reference: opening
 * cold code is what costs here, and machines differ in it far more than in running hot code (the
 * same bench gave 1.0 s on one 2-core machine and 3.0 s on another, whose reference took 1.2 s).
 * Times are wall-clock in the bench process, so they include the driver's round trips and its
 * waits for a button to stand still before clicking it (two frames).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { chromiumOrSkip, INSTALL_COMMAND, launchChromium } from '../test/e2e/support/browser';
import { serveDirectory } from '../test/e2e/support/server';
import { workbenchBuild } from '../test/e2e/support/workbench-build';
import { median } from './timing';
import type { BenchEntry } from './types';

/**
 * Measured runs, after one warm-up run (the browser's own start-up is not the page's cost):
 * eleven, as runs on two shared cores spread by a tenth either way.
 */
const RUNS = 11;
const STEP_TIMEOUT_MS = 60_000;

/** The most open to verdict visible may take, in ms. */
export const OPEN_TO_VERDICT_BUDGET = 1000;

interface RunTimes {
  /** From navigation to the sample's grid shown. */
  open: number;
  /** From the Find tables click to its status. */
  find: number;
  /** From the Evaluate click to the verdict in its cell. */
  evaluate: number;
  /** From navigation to the verdict in its cell. */
  total: number;
}

/** Runs `steps` on a page of a fresh browser context (no cache, no storage), closed after. */
async function inFreshContext<T>(browser: Browser, steps: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    return await steps(page);
  } finally {
    await context.close();
  }
}

/**
 * The reference page (bench/workbench-reference.html) from opening to its table shown, in ms: the
 * least any page showing the sample in a spreadsheet engine does, timed as the workbench is.
 */
function referenceRun(browser: Browser, url: string): Promise<number> {
  return inFreshContext(browser, async (page) => {
    const start = performance.now();
    await page.goto(url);
    await page.locator('td[data-cell="B2"]', { hasText: '12 min' }).waitFor();
    return performance.now() - start;
  });
}

/** A directory holding the reference page and HyperFormula's own minified bundle, which it loads. */
function referenceDirectory(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-gate-reference-'));
  fs.copyFileSync(path.join(__dirname, 'workbench-reference.html'), path.join(dir, 'reference.html'));
  // The package's exports do not name dist/: it sits beside commonjs/, where require finds the package.
  const hyperformula = path.resolve(path.dirname(require.resolve('hyperformula')), '..');
  fs.copyFileSync(path.join(hyperformula, 'dist', 'hyperformula.full.min.js'), path.join(dir, 'hyperformula.full.min.js'));
  return dir;
}

function oneRun(browser: Browser, url: string): Promise<RunTimes> {
  return inFreshContext(browser, async (page) => {
    const start = performance.now();
    await page.goto(url);
    // What is waited for is found by CSS, not by ARIA role: Playwright's role engine computes the
    // role and accessible name of every element of the page on each poll, in the page's own thread
    // (50 to 90 ms of it per run on the 4,000 elements after Evaluate), which is the driver's cost,
    // not the page's. The browser tests check the roles and names.
    await page.locator('#wb-grid[aria-label="Sheet Metrics"] td[data-cell="B2"]', { hasText: '12 min' }).waitFor();
    const opened = performance.now();
    await page.locator('button', { hasText: /^Find tables$/ }).click();
    await page.locator('[role="status"]', { hasText: /Found 5 of 5 tables/ }).waitFor();
    const clicked = performance.now();
    await page.locator('button', { hasText: /^Evaluate$/ }).click();
    await page.locator('#wb-grid[aria-label="Sheet Pilot Gate"] td[data-cell="B2"]', { hasText: 'NOT READY' }).waitFor();
    const done = performance.now();
    return { open: opened - start, find: clicked - opened, evaluate: done - clicked, total: done - start };
  });
}

const tenths = (ms: number): number => Math.round(ms * 10) / 10;

function entry(name: string, runs: number[], note: string, budget?: number): BenchEntry {
  return { name, unit: 'ms', median: tenths(median(runs)), runs: runs.map(tenths), note, ...(budget === undefined ? {} : { budget }) };
}

/** The scripts workbench.html loads before anything runs, in a build's directory, and their bytes in all. */
function pageScripts(dir: string): string {
  const html = fs.readFileSync(path.join(dir, 'workbench.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]*\ssrc="?\/?([^"\s>]+)/g)].map((m) => m[1]);
  const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
  return `${files.join(' and ')}, ${(bytes / 1e6).toFixed(1)} MB`;
}

/** How busy the machine was, for the notes: wall-clock times on shared cores stretch with it. */
function loadNote(before: number[], after: number[]): string {
  const one = (l: number[]): string => l[0].toFixed(1);
  return `load average ${one(before)} before and ${one(after)} after, on ${os.cpus().length} cores`;
}

/**
 * Opening the workbench to the verdict visible, in ms: the whole way, and its two parts.
 *
 * @example
 *   (await workbenchTimes())[0].median; // 1350
 */
export default async function workbenchTimes(): Promise<BenchEntry[]> {
  if (!chromiumOrSkip('the workbench bench')) throw new Error(`Chromium is missing: install it with \`${INSTALL_COMMAND}\`.`);
  const build = workbenchBuild();
  const minBuild = workbenchBuild('production');
  const refDir = referenceDirectory();
  const server = await serveDirectory(build.dir);
  const minServer = await serveDirectory(minBuild.dir);
  const refServer = await serveDirectory(refDir);
  const browser = await launchChromium();
  try {
    const url = `${server.url}workbench.html`;
    const minUrl = `${minServer.url}workbench.html`;
    const refUrl = `${refServer.url}reference.html`;
    const loadBefore = os.loadavg();
    await oneRun(browser, url);
    await oneRun(browser, minUrl);
    await referenceRun(browser, refUrl);
    const runs: RunTimes[] = [];
    const minRuns: RunTimes[] = [];
    const refRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await oneRun(browser, url));
      minRuns.push(await oneRun(browser, minUrl));
      refRuns.push(await referenceRun(browser, refUrl));
    }
    const load = loadNote(loadBefore, os.loadavg());
    const where = `the minified build npm start serves (${pageScripts(minBuild.dir)}), ${RUNS} runs in a fresh browser context each, headless Chromium, alternating with the development build's; ${load}`;
    const devWhere = `the development build the browser tests use (unminified: ${pageScripts(build.dir)}), run for run with the above; ${load}`;
    const ratios = runs.map((r, i) => minRuns[i].total / r.total);
    const thousandths = (x: number): number => Math.round(x * 1000) / 1000;
    const refNote = `bench/workbench-reference.html: HyperFormula's own minified bundle (dist/hyperformula.full.min.js, ${(fs.statSync(path.join(refDir, 'hyperformula.full.min.js')).size / 1e6).toFixed(2)} MB) loaded, five sheets the sample's size built, the first drawn as a 40 × 12 table; ${RUNS} runs in a fresh browser context each, run for run with the workbench's; ${load}`;
    const refMedian = tenths(median(refRuns));
    const overRef = minRuns.map((r, i) => r.total / refRuns[i]);
    const primary = entry('workbench: open to verdict visible (Find tables, Evaluate)', minRuns.map((r) => r.total), `${where}; the sample is preloaded`, OPEN_TO_VERDICT_BUDGET);
    return [
      { ...primary, reference: { name: 'the reference page: open to its table shown', median: refMedian }, ratio: thousandths(primary.median / refMedian) },
      entry('workbench reference page: open to its table shown', refRuns, refNote),
      {
        name: 'workbench: open to verdict over the reference page, run for run',
        unit: 'ratio',
        median: thousandths(median(overRef)),
        runs: overRef.map(thousandths),
        note: `each run of the minified build, open to verdict, over the reference page's run just after it: a figure of the workbench's own, which a slower or faster machine moves less than the milliseconds; ${load}`,
      },
      entry('workbench: open to the sample grid shown', minRuns.map((r) => r.open), `${where}; loading and running the page's scripts, HyperFormula and the sample, the first render`),
      entry('workbench: Find tables to its status', minRuns.map((r) => r.find), `${where}; the survey and the table picks drawn`),
      entry('workbench: Evaluate to verdict in its cell', minRuns.map((r) => r.evaluate), `${where}; read, evaluate, write the block, recalculate, render`),
      entry('workbench, development build: open to verdict visible', runs.map((r) => r.total), devWhere),
      entry('workbench, development build: open to the sample grid shown', runs.map((r) => r.open), devWhere),
      entry('workbench, development build: Find tables to its status', runs.map((r) => r.find), devWhere),
      entry('workbench, development build: Evaluate to verdict in its cell', runs.map((r) => r.evaluate), devWhere),
      {
        name: 'workbench: open to verdict, minified build over development build, run for run',
        unit: 'ratio',
        median: thousandths(median(ratios)),
        runs: ratios.map(thousandths),
        note: `each run of the minified build over the development build's run just before it; ${load}`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
    await minServer.close();
    await refServer.close();
    fs.rmSync(refDir, { recursive: true, force: true });
  }
}
