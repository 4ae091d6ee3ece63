/**
 * What the pages in a browser test reach for: every request they make (so a test fails on one
 * that leaves the add-in's origin, Office.js's aside) and every Content-Security-Policy violation
 * they report (what the policy refused, which never reaches the network). And Office.js served
 * from its npm package, so that the add-in's pages load it here without the internet.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';

/** Where the pages load Office.js from. */
export const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';
/** The folder office.js is served from, which it loads its other files from. */
const OFFICE_JS_FOLDER = `${OFFICE_JS_ORIGIN}/lib/1/hosted/`;
/** The same files, as npm's @microsoft/office-js ships them. */
const OFFICE_JS_PACKAGE = path.resolve(__dirname, '../../../node_modules/@microsoft/office-js/dist');

/** One Content-Security-Policy violation, as the page's securitypolicyviolation event tells it. */
export interface CspViolation {
  directive: string;
  /** The URL refused, or "inline" / "eval". */
  blocked: string;
  /** Where: the page or script, and its line. */
  source: string;
}

export interface Traffic {
  /** Every URL the context's pages requested, in order. */
  readonly requests: string[];
  /** Every violation the pages reported, in order. */
  readonly violations: CspViolation[];
  /** The requests to an origin other than the allowed ones. */
  elsewhere(): string[];
}

/** The binding the pages' violation listener calls. */
const BINDING = '__pilotGateCspViolation';

/**
 * Records the requests and policy violations of every page the context opens from now on; call
 * it before the first page.
 *
 * @example
 *   const traffic = await recordTraffic(context, [new URL(server.url).origin]);
 *   await page.goto(`${server.url}workbench.html`);
 *   expect(traffic.elsewhere()).toEqual([]);
 */
export async function recordTraffic(context: BrowserContext, allowedOrigins: string[]): Promise<Traffic> {
  const requests: string[] = [];
  const violations: CspViolation[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.exposeBinding(BINDING, (_source, violation: CspViolation) => void violations.push(violation));
  await context.addInitScript((binding: string) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (v: CspViolation) => void>)[binding];
      report({ directive: event.effectiveDirective, blocked: event.blockedURI, source: `${event.sourceFile || event.documentURI}:${event.lineNumber}` });
    });
  }, BINDING);
  return {
    requests,
    violations,
    // data: and blob: URLs never leave the page.
    elsewhere: () => requests.filter((url) => !/^(data|blob):/.test(url) && !allowedOrigins.includes(new URL(url).origin)),
  };
}

/**
 * Answers the context's requests for Office.js's folder with the files of the @microsoft/office-js
 * package (404 for a file it does not ship): the pages still ask Office.js's origin, as in Excel.
 *
 * @example
 *   await serveOfficeJsFromPackage(context);
 *   await page.goto(`${server.url}taskpane.html`); // office.js comes from node_modules
 */
export async function serveOfficeJsFromPackage(context: BrowserContext): Promise<void> {
  await context.route(`${OFFICE_JS_FOLDER}**`, async (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.slice(new URL(OFFICE_JS_FOLDER).pathname.length));
    const file = path.resolve(OFFICE_JS_PACKAGE, name);
    if (!file.startsWith(`${OFFICE_JS_PACKAGE}${path.sep}`) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: `${name} is not in @microsoft/office-js` });
      return;
    }
    await route.fulfill({ path: file, contentType: file.endsWith('.js') ? 'text/javascript; charset=utf-8' : undefined });
  });
}
