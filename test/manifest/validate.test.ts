import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PILOT_DECLARATIONS } from '../../src/functions/declarations';
import { declaredFunctions, formatIssue, validateManifest } from '../../src/manifest/validate';
import type { DeclaredFunction, ValidationReport } from '../../src/manifest/validate';
import { REQUIRED_EXCEL_API } from '../../src/workbook/excel-api';
import { productionBuild } from '../tools/production-build';
import type { ProductionBuild } from '../tools/production-build';
import { attribute, parseXml } from '../../src/manifest/xml';
import type { XmlElement } from '../../src/manifest/xml';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(__dirname, 'fixtures');
const SITE = path.join(FIXTURES, 'site');
const BASE = 'https://addin.test/';

/** The functions the fixtures' site/functions.json lists: one, VALUE, declared at line 7 of a declarations file. */
const DECLARED: DeclaredFunction[] = [{ id: 'VALUE', file: path.join(FIXTURES, 'declarations.ts'), line: 7 }];
/** The add-in's own declarations. */
const DECLARATIONS_FILE = path.join(ROOT, 'src/functions/declarations.ts');
const ADDIN_DECLARED = declaredFunctions(DECLARATIONS_FILE, PILOT_DECLARATIONS.map((d) => d.id));

function validateFixture(name: string, declared: DeclaredFunction[] = DECLARED): ValidationReport {
  return validateManifest({
    manifestFile: path.join(FIXTURES, name),
    siteDir: SITE,
    baseUrls: [BASE],
    declaredFunctions: declared,
  });
}

/** The 1-based line of the first line in a fixture containing `text`, outside the header comment. */
function lineOf(file: string, text: string): number {
  const index = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text) && !line.trimStart().startsWith('<!--'));
  if (index < 0) throw new Error(`${file} has no line with ${text}`);
  return index + 1;
}

function only(report: ValidationReport): string {
  expect(report.issues.map(formatIssue)).toHaveLength(1);
  return formatIssue(report.issues[0]);
}

describe('validateManifest on fixtures', () => {
  it('passes a valid shared-runtime manifest and says what it checked', () => {
    const report = validateFixture('valid.xml');
    expect(report.issues.map(formatIssue)).toEqual([]);
    // 3 image and 3 URL resources plus DefaultSettings; IconUrl, HighResolutionIconUrl and 6 ribbon image uses
    expect(report.checked).toEqual({ urls: 7, icons: 8, functions: 1 });
  });

  it('fails a dangling resid, naming the file, line, element and id', () => {
    const file = path.join(FIXTURES, 'dangling-resid.xml');
    const message = only(validateFixture('dangling-resid.xml'));
    const line = lineOf(file, 'TaskpaneButton.Lable');
    expect(message).toContain(`dangling-resid.xml:${line}:`);
    expect(message).toContain('Control[Fixture.TaskpaneButton]/Label');
    expect(message).toContain('resid "TaskpaneButton.Lable" does not resolve');
  });

  it('fails a missing icon, naming the resource and the file the build does not emit', () => {
    const file = path.join(FIXTURES, 'missing-icon.xml');
    const message = only(validateFixture('missing-icon.xml'));
    expect(message).toContain(`missing-icon.xml:${lineOf(file, 'icon-128.png')}:`);
    expect(message).toContain('Resources/bt:Images/bt:Image[Icon.80x80]');
    expect(message).toContain('missing icon');
    expect(message).toContain(path.join('site', 'assets', 'icon-128.png'));
  });

  it('fails a reordered element, saying which element must come before which', () => {
    const file = path.join(FIXTURES, 'reordered.xml');
    const message = only(validateFixture('reordered.xml'));
    expect(message).toContain(`reordered.xml:${lineOf(file, '<Runtimes>')}:`);
    expect(message).toContain('Host[Workbook]/Runtimes');
    expect(message).toContain(`<Runtimes> is out of schema order: it must come before <AllFormFactors> (line ${lineOf(file, '<AllFormFactors>')})`);
  });

  it('fails an icon whose pixels differ from the size it is declared at', () => {
    const report = validateFixture('wrong-icon-size.xml');
    const messages = report.issues.map(formatIssue);
    // the 32 px resource is used by the group and by the button
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).toMatch(/wrong-icon-size\.xml:\d+:\d+ .*\/Icon\/bt:Image\[32\]: icon .*icon-16\.png is 16×16 px, but is declared at 32×32/);
    }
  });

  it('fails a functions page that is not the shared runtime page', () => {
    const message = only(validateFixture('split-runtime.xml'));
    expect(message).toContain('ExtensionPoint[CustomFunctions]/Page/SourceLocation');
    expect(message).toContain('the shared runtime runs in "Taskpane.Url", but this uses "Functions.Page.Url"');
  });

  it('fails XML that is not well-formed at the line and column of the fault', () => {
    const file = path.join(FIXTURES, 'malformed.xml');
    const message = only(validateFixture('malformed.xml'));
    expect(message).toMatch(new RegExp(`malformed\\.xml:${lineOf(file, '</SuperTip>')}:\\d+: not well-formed XML: </SuperTip> closes <Supertip>`));
  });

  it('fails when functions.json and the declarations disagree, in both directions', () => {
    const renamed: DeclaredFunction[] = [{ id: 'PARSE', file: path.join(FIXTURES, 'declarations.ts'), line: 12 }];
    const messages = validateFixture('valid.xml', renamed).issues.map(formatIssue);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('fixtures/declarations.ts:12:1 PILOT.PARSE: is missing from');
    expect(messages[0]).toContain('site/functions.json: rebuild (npm run build)');
    expect(messages[1]).toMatch(/site\/functions\.json:\d+:1 functions\[VALUE\]: "VALUE" is not declared in .*fixtures\/declarations\.ts: rebuild, or restore the declaration/);
  });

  it.each([
    ['no ExcelApi set', ''],
    ['ExcelApi 1.8', '<Set Name="ExcelApi" MinVersion="1.8"/>'],
  ])('fails a manifest that requires less of Excel than the adapter uses unchecked: %s', (_, line) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-gate-manifest-'));
    const file = path.join(dir, 'manifest.xml');
    fs.writeFileSync(file, fs.readFileSync(path.join(FIXTURES, 'valid.xml'), 'utf8').replace('<Set Name="ExcelApi" MinVersion="1.9"/>', line));
    const report = validateManifest({ manifestFile: file, siteDir: SITE, baseUrls: [BASE], declaredFunctions: DECLARED });
    expect(only(report)).toContain(`must require ExcelApi ${REQUIRED_EXCEL_API} or later`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails a URL that is not on the add-in site', () => {
    const report = validateManifest({
      manifestFile: path.join(FIXTURES, 'valid.xml'),
      siteDir: SITE,
      baseUrls: ['https://elsewhere.test/'],
      declaredFunctions: DECLARED,
    });
    expect(report.issues.length).toBeGreaterThan(0);
    for (const issue of report.issues) expect(issue.message).toMatch(/is not on the add-in's site \(https:\/\/elsewhere\.test\/\)/);
  });
});

describe('declaredFunctions', () => {
  it('places each declared function at the line of its id in the declarations', () => {
    const lines = fs.readFileSync(DECLARATIONS_FILE, 'utf8').split('\n');
    expect(ADDIN_DECLARED.map((f) => f.id)).toEqual(PILOT_DECLARATIONS.map((d) => d.id));
    for (const fn of ADDIN_DECLARED) expect(lines[fn.line - 1]).toContain(`id: '${fn.id}'`);
    expect(new Set(ADDIN_DECLARED.map((f) => f.line)).size).toBe(PILOT_DECLARATIONS.length);
  });

  it('places an id it cannot find on the first line rather than nowhere', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-gate-declared-'));
    try {
      const file = path.join(dir, 'declarations.ts');
      fs.writeFileSync(file, "export const D = [\n  { id: 'VALUE' },\n];\n");
      expect(declaredFunctions(file, ['VALUE', 'NPV'])).toEqual([
        { id: 'VALUE', file, line: 2 },
        { id: 'NPV', file, line: 1 },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function find(root: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (e: XmlElement): void => {
    if (test(e)) found.push(e);
    e.children.forEach(visit);
  };
  visit(root);
  return found;
}

describe('manifest.xml', () => {
  const manifest = parseXml(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
  const strings = new Map(find(manifest, (e) => e.localName === 'String').map((e) => [attribute(e, 'id'), attribute(e, 'DefaultValue')]));
  const named = (name: string): XmlElement[] => find(manifest, (e) => e.localName === name);

  it('is an Excel task pane add-in that asks for ReadWriteDocument and nothing broader', () => {
    expect(attribute(manifest, 'xsi:type')).toBe('TaskPaneApp');
    expect(named('Host').map((h) => attribute(h, 'Name') ?? attribute(h, 'xsi:type'))).toEqual(['Workbook', 'Workbook']);
    expect(named('Permissions').map((p) => p.text)).toEqual(['ReadWriteDocument']);
  });

  it('runs the task pane, the functions and the commands in one long-lived shared runtime', () => {
    const [runtime] = named('Runtime');
    expect(attribute(runtime, 'lifetime')).toBe('long');
    const sets = named('Set').map((s) => `${attribute(s, 'Name')} ${attribute(s, 'MinVersion')}`);
    expect(sets).toContain('SharedRuntime 1.1');
    // What the workbook adapter uses without asking Excel first.
    expect(sets).toContain(`ExcelApi ${REQUIRED_EXCEL_API}`);
    expect(sets.some((s) => s.startsWith('CustomFunctionsRuntime '))).toBe(true);
    const page = find(manifest, (e) => e.localName === 'SourceLocation' && e.parent?.localName === 'Page');
    expect(page.map((e) => attribute(e, 'resid'))).toEqual([attribute(runtime, 'resid')]);
    expect(named('FunctionFile').map((e) => attribute(e, 'resid'))).toEqual([attribute(runtime, 'resid')]);
  });

  it('declares the custom functions in the PILOT namespace', () => {
    const [namespace] = named('Namespace');
    expect(strings.get(attribute(namespace, 'resid'))).toBe('PILOT');
  });

  it('puts a "Pilot Gate" button on the Home tab that opens the task pane', () => {
    const [tab] = named('OfficeTab');
    expect(attribute(tab, 'id')).toBe('TabHome');
    const buttons = find(tab, (e) => e.localName === 'Control' && attribute(e, 'xsi:type') === 'Button');
    expect(buttons).toHaveLength(1);
    const label = buttons[0].children.find((c) => c.localName === 'Label');
    expect(strings.get(attribute(label!, 'resid'))).toBe('Pilot Gate');
    const action = buttons[0].children.find((c) => c.localName === 'Action');
    expect(attribute(action!, 'xsi:type')).toBe('ShowTaskpane');
  });
});

describe('the add-in manifest against its production build', () => {
  let build: ProductionBuild;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { addinUrls } = require(path.join(ROOT, 'webpack.config.js')) as { addinUrls: () => { dev: string; production: string } };

  beforeAll(() => {
    build = productionBuild();
  }, 600_000);

  it('validates manifest.xml (development URLs) against what the build emits', () => {
    const report = validateManifest({
      manifestFile: path.join(ROOT, 'manifest.xml'),
      siteDir: build.dir,
      baseUrls: [addinUrls().dev],
      declaredFunctions: ADDIN_DECLARED,
    });
    expect(report.issues.map(formatIssue)).toEqual([]);
    expect(report.checked.functions).toBeGreaterThanOrEqual(1);
  });

  it('validates the built manifest (production URLs) against the same files', () => {
    const report = validateManifest({
      manifestFile: path.join(build.dir, 'manifest.xml'),
      siteDir: build.dir,
      baseUrls: [addinUrls().production],
      declaredFunctions: ADDIN_DECLARED,
    });
    expect(report.issues.map(formatIssue)).toEqual([]);
    expect(report.checked.urls + report.checked.icons).toBeGreaterThan(10);
  });
});
