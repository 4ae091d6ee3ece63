/**
 * Debian's Chromium (the `chromium` package) driven by playwright-core; no browser is ever
 * downloaded. Where it is missing, browser tests fail under CI (CI=true) and are skipped
 * elsewhere with one loud line naming the install command.
 */
import * as fs from 'fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const INSTALL_COMMAND = 'sudo apt-get install -y chromium';

/**
 * The project's Chromium flags. Playwright adds --headless itself, and launches every browser with
 * a fresh temporary --user-data-dir of its own (it refuses one passed as a flag).
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether the browser tests can run here: true when Chromium is installed; false (after one loud
 * line) when it is not; throws under CI, where a missing browser is a failure.
 *
 * @example
 *   const haveChromium = chromiumOrSkip('the workbench tests');
 *   (haveChromium ? describe : describe.skip)('the workbench in Chromium', () => { ... });
 */
export function chromiumOrSkip(what: string, executable: string = CHROMIUM_PATH): boolean {
  if (fs.existsSync(executable)) return true;
  const message = `${executable} is missing, so ${what} cannot run: install it with \`${INSTALL_COMMAND}\``;
  if (process.env.CI === 'true') throw new Error(`${message} (CI=true: a missing browser fails the run).`);
  console.warn(`\n!!! SKIPPED: ${message}.\n`);
  return false;
}

/**
 * Launches headless Chromium with the flags above.
 *
 * @example
 *   const browser = await launchChromium();
 *   const page = await (await browser.newContext()).newPage();
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
}
