/**
 * Every page the add-in serves declares a Content-Security-Policy that allows the add-in's own
 * origin and Office.js's, nothing else, and never evaluation of text ('unsafe-eval'); the
 * workbench's allows no Office.js at all. Read from the pages as built (production, and the
 * workbench's development build), and from the development configuration `npm start` serves.
 */
import * as fs from 'fs';
import * as path from 'path';
import { workbenchBuild } from '../e2e/support/workbench-build';
import { headTags, metaPolicies, parsePolicy } from './csp';
import { filesUnder, productionBuildBeforeAll } from './production-build';

const ROOT = path.resolve(__dirname, '../..');
/** Where Microsoft serves Office.js (learn.microsoft.com, "Understanding the Office JavaScript API": the CDN). */
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';
const OFFICE_JS = `${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js`;
/** The add-in's pages that load no Office.js, so whose policy must not allow it. */
const NO_OFFICE_JS = ['help.html'];
/** webpack-dev-server's socket, on the page's own host and port: development only. */
const DEV_SOCKET = /^wss?:\/\/(localhost|127\.0\.0\.1):\d+$/;

interface Allowed {
  /** Office.js's origin may appear (the add-in's pages); otherwise it must not (the workbench). */
  officeJs: boolean;
  /** The development server's socket may appear in connect-src. */
  dev: boolean;
}

/** What is wrong with a policy, one line each; empty when it allows only what Pilot Gate needs. */
function policyProblems(policy: string, allowed: Allowed): string[] {
  const directives = parsePolicy(policy);
  const problems: string[] = [];
  const expectExactly = (name: string, sources: string[]): void => {
    const actual = directives.get(name);
    if (JSON.stringify(actual) !== JSON.stringify(sources)) problems.push(`${name} is ${actual ? actual.join(' ') : 'missing'}, expected ${sources.join(' ')}`);
  };
  // Everything not named falls back to default-src: the add-in's own origin.
  expectExactly('default-src', ["'self'"]);
  expectExactly('script-src', allowed.officeJs ? ["'self'", OFFICE_JS_ORIGIN] : ["'self'"]);
  expectExactly('object-src', ["'none'"]);
  expectExactly('base-uri', ["'none'"]);
  for (const [name, sources] of directives) {
    for (const source of sources) {
      const ok =
        source === "'self'" ||
        source === "'none'" ||
        (allowed.officeJs && source === OFFICE_JS_ORIGIN) ||
        // Fluent UI's run-time <style> elements (Griffel) and Office.js's inline styles; never scripts.
        (name === 'style-src' && source === "'unsafe-inline'") ||
        (allowed.dev && name === 'connect-src' && DEV_SOCKET.test(source));
      if (!ok) problems.push(`${name} allows ${source}`);
    }
  }
  return problems;
}

/** What is wrong with a built page: its policy, where the policy stands, and scripts it would refuse. */
function pageProblems(html: string, allowed: Allowed): string[] {
  const policies = metaPolicies(html);
  if (policies.length !== 1) return [`${policies.length} Content-Security-Policy <meta> tags, expected 1`];
  const [{ index, policy }] = policies;
  const tags = headTags(html);
  const problems = policyProblems(policy, allowed);
  // A <meta> policy governs only what comes after it.
  const before = tags.slice(0, index).filter((t) => ['script', 'link', 'style'].includes(t.name));
  if (before.length > 0) problems.push(`the policy comes after ${before.map((t) => `<${t.name}>`).join(', ')}`);
  const scriptSources = parsePolicy(policy).get('script-src') ?? [];
  for (const script of tags.filter((t) => t.name === 'script')) {
    const src = script.attributes.get('src');
    if (src === undefined) problems.push('an inline <script>, which the policy refuses');
    else if (/^[a-z][a-z0-9+.-]*:/i.test(src) ? !scriptSources.includes(new URL(src).origin) : !scriptSources.includes("'self'")) problems.push(`script ${src} is not allowed by script-src`);
  }
  return problems;
}

describe('the policy check', () => {
  const good = "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'";

  it('passes a policy of the add-in and Office.js origins', () => {
    expect(policyProblems(good, { officeJs: true, dev: false })).toEqual([]);
  });

  it('refuses eval, inline scripts, wildcards, other origins and schemes, and a missing default', () => {
    expect(policyProblems("script-src 'self' 'unsafe-eval' 'unsafe-inline' * https://cdn.example.com; img-src data:; connect-src wss://localhost:3000", { officeJs: true, dev: false })).toEqual([
      "default-src is missing, expected 'self'",
      "script-src is 'self' 'unsafe-eval' 'unsafe-inline' * https://cdn.example.com, expected 'self' https://appsforoffice.microsoft.com",
      "object-src is missing, expected 'none'",
      "base-uri is missing, expected 'none'",
      "script-src allows 'unsafe-eval'",
      "script-src allows 'unsafe-inline'",
      'script-src allows *',
      'script-src allows https://cdn.example.com',
      'img-src allows data:',
      'connect-src allows wss://localhost:3000',
    ]);
  });

  it("refuses Office.js's origin on a page that has no use for it", () => {
    expect(policyProblems(good, { officeJs: false, dev: true })).toEqual([
      "script-src is 'self' https://appsforoffice.microsoft.com, expected 'self'",
      'script-src allows https://appsforoffice.microsoft.com',
    ]);
  });

  it('refuses a page whose policy comes after a script, or whose scripts the policy would refuse', () => {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${good}">`;
    expect(pageProblems(`<head><script src=${OFFICE_JS}></script>${meta}</head>`, { officeJs: true, dev: false })).toEqual(['the policy comes after <script>']);
    expect(pageProblems(`<head>${meta}<script>go()</script><script src="https://cdn.example.com/x.js"></script></head>`, { officeJs: true, dev: false })).toEqual([
      'an inline <script>, which the policy refuses',
      'script https://cdn.example.com/x.js is not allowed by script-src',
    ]);
    expect(pageProblems('<head><title>none</title></head>', { officeJs: true, dev: false })).toEqual(['0 Content-Security-Policy <meta> tags, expected 1']);
  });
});

describe('the production pages', () => {
  const build = productionBuildBeforeAll();

  it('each declare, before any script, a policy of the add-in and Office.js origins alone (the help page, of its own origin alone)', () => {
    const { dir } = build();
    const pages = filesUnder(dir, /\.html$/).map((file) => path.relative(dir, file));
    // Every page the build emits, not a list: a new page without a policy fails here.
    expect(pages).toEqual(expect.arrayContaining(['taskpane.html', 'functions.html', 'commands.html', 'help.html']));
    const problems = pages.flatMap((page) =>
      pageProblems(fs.readFileSync(path.join(dir, page), 'utf8'), { officeJs: !NO_OFFICE_JS.includes(page), dev: false }).map((p) => `${page}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('run no script on the help page', () => {
    const html = fs.readFileSync(path.join(build().dir, 'help.html'), 'utf8');
    expect(headTags(html).filter((t) => t.name === 'script')).toEqual([]);
    expect(html).not.toMatch(/<script/i);
  });

  it('load Office.js from its origin, which their policy allows', () => {
    const { dir } = build();
    for (const page of ['taskpane.html', 'functions.html', 'commands.html']) {
      const scripts = headTags(fs.readFileSync(path.join(dir, page), 'utf8')).filter((t) => t.name === 'script').map((t) => t.attributes.get('src'));
      expect(scripts[0]).toBe(OFFICE_JS);
    }
  });
});

describe('the workbench page', () => {
  it('declares a policy of its own origin alone (no Office.js), the development socket aside', () => {
    const build = workbenchBuild();
    const html = fs.readFileSync(path.join(build.dir, 'workbench.html'), 'utf8');
    expect(pageProblems(html, { officeJs: false, dev: true })).toEqual([]);
  }, 600_000);
});

describe('the development pages `npm start` serves', () => {
  interface PagePlugin {
    constructor: { name: string };
    userOptions?: { filename?: string; contentSecurityPolicy?: string };
  }
  type Configure = (env: object, argv: object) => Promise<{ devtool?: string | false; plugins: PagePlugin[] }>;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(ROOT, 'webpack.config.js')) as Configure;

  // As src/dev-server/start.ts asks for them: the add-in in development, the workbench minified.
  it.each([
    ['the add-in', {}, 'development', ['taskpane.html', 'functions.html', 'commands.html', 'help.html']],
    ['the workbench', { WEBPACK_SERVE: true, workbench: true }, 'production', ['workbench.html']],
  ] as const)('of %s need no eval: source maps in files, and a policy without unsafe-eval', async (what, env, mode, pages) => {
    const officeJs = (page: string | undefined): boolean => what === 'the add-in' && !NO_OFFICE_JS.includes(page ?? '');
    const config = await configure({ ...env }, { mode });
    // webpack's default devtool in development is eval-based, which the policy refuses.
    expect(String(config.devtool)).not.toMatch(/eval/);
    const policies = config.plugins.filter((p) => p.constructor.name === 'HtmlWebpackPlugin').map((p) => [p.userOptions?.filename, p.userOptions?.contentSecurityPolicy ?? ''] as const);
    expect(policies.map(([page]) => page)).toEqual([...pages]);
    expect(policies.flatMap(([page, policy]) => policyProblems(policy, { officeJs: officeJs(page), dev: true }).map((p) => `${page}: ${p}`))).toEqual([]);
    expect(policies.every(([, policy]) => /connect-src [^;]*wss:\/\/localhost:\d+/.test(policy))).toBe(true);
  });
});
