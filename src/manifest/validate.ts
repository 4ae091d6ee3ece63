/**
 * Offline check of the add-in manifest (`npm run validate`); Microsoft's online validator is
 * `npm run validate:online`. It checks that the manifest:
 *   - is well-formed XML;
 *   - has its elements in the order the schema's sequences require (the sequences this add-in
 *     uses, from offappmanifest-1.1 and TaskPaneAppVersionOverridesV1_0, are written out below);
 *   - resolves every resid to a Resources entry of the right kind (ids at most 32 characters);
 *   - runs one shared runtime: the CustomFunctions page and FunctionFile use the Runtime's page;
 *   - points every URL at a file the build emits (dist/);
 *   - has icons that are PNGs of the size they are declared at;
 *   - ships a functions.json whose ids are the PILOT functions declared in src/functions/declarations.ts.
 * Each problem is reported as `file:line:column element/path: what is wrong`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PILOT_DECLARATIONS } from '../functions/declarations';
import { readPngSize } from './png';
import { attribute, elementPath, parseXml, XmlSyntaxError } from './xml';
import { REQUIRED_EXCEL_API } from '../workbook/excel-api';
import type { XmlElement } from './xml';

/** One thing wrong, and where. */
export interface ManifestIssue {
  file: string;
  line: number;
  column: number;
  /** Element path such as `OfficeApp/VersionOverrides/Resources`; empty for a syntax error. */
  path: string;
  message: string;
}

export interface ValidateOptions {
  /** The manifest to check. */
  manifestFile: string;
  /** The directory the build emits (dist/), which the URLs must point into. */
  siteDir: string;
  /** The base URLs that stand for siteDir, each ending in "/". */
  baseUrls: string[];
  /** The functions the add-in declares (declaredFunctions), which functions.json must list. */
  declaredFunctions: readonly DeclaredFunction[];
}

export interface ValidationReport {
  issues: ManifestIssue[];
  /** How much was checked, so a pass can say what it covered. */
  checked: { urls: number; icons: number; functions: number };
}

/** One element of a sequence: the names it accepts and how often it may appear. */
interface Particle {
  names: string[];
  min: number;
  max: number;
}

const one = (...names: string[]): Particle => ({ names, min: 1, max: 1 });
const optional = (...names: string[]): Particle => ({ names, min: 0, max: 1 });
const many = (...names: string[]): Particle => ({ names, min: 1, max: Infinity });

/**
 * Child sequences by context. A context is an element's chain of local names (with the
 * xsi:type of ExtensionPoint, Control and Action in brackets); the longest key that ends the
 * chain applies. Order and cardinality follow the XSD sequences (offappmanifest-1.1.xsd for
 * OfficeApp of type TaskPaneApp, TaskPaneAppVersionOverridesV1_0.xsd below VersionOverrides).
 */
const SEQUENCES: Record<string, Particle[]> = {
  OfficeApp: [
    one('Id'),
    optional('AlternateId'),
    one('Version'),
    one('ProviderName'),
    one('DefaultLocale'),
    one('DisplayName'),
    one('Description'),
    optional('IconUrl'),
    optional('HighResolutionIconUrl'),
    optional('SupportUrl'),
    optional('AppDomains'),
    optional('Hosts'),
    optional('Requirements'),
    one('DefaultSettings'),
    one('Permissions'),
    optional('AllowSnapshot'),
    optional('Dictionary'),
    optional('VersionOverrides'),
    optional('ExtendedOverrides'),
  ],
  'OfficeApp/Hosts': [many('Host')],
  'OfficeApp/Requirements': [optional('Sets'), optional('Methods')],
  'Requirements/Sets': [many('Set')],
  'OfficeApp/DefaultSettings': [one('SourceLocation'), optional('RequestedWidth'), optional('RequestedHeight')],
  'OfficeApp/VersionOverrides': [
    optional('Description'),
    optional('Requirements'),
    one('Hosts'),
    optional('Resources'),
    optional('EquivalentAddins'),
    optional('WebApplicationInfo'),
  ],
  'VersionOverrides/Hosts': [many('Host')],
  'VersionOverrides/Hosts/Host': [
    optional('Runtimes'),
    optional('AllFormFactors'),
    optional('DesktopFormFactor'),
    optional('MobileFormFactor'),
  ],
  Runtimes: [many('Runtime')],
  AllFormFactors: [many('ExtensionPoint')],
  'ExtensionPoint[CustomFunctions]': [one('Script'), one('Page'), one('Metadata'), optional('Namespace')],
  'ExtensionPoint[CustomFunctions]/Script': [one('SourceLocation')],
  'ExtensionPoint[CustomFunctions]/Page': [one('SourceLocation')],
  'ExtensionPoint[CustomFunctions]/Metadata': [one('SourceLocation')],
  DesktopFormFactor: [optional('GetStarted'), one('FunctionFile'), many('ExtensionPoint')],
  GetStarted: [one('Title'), one('Description'), one('LearnMoreUrl')],
  'ExtensionPoint[PrimaryCommandSurface]': [many('OfficeTab', 'CustomTab')],
  OfficeTab: [many('Group')],
  'OfficeTab/Group': [one('Label'), one('Icon'), many('Control')],
  'Control[Button]': [one('Label'), one('Supertip'), one('Icon'), one('Action')],
  Supertip: [one('Title'), one('Description')],
  Icon: [many('Image')],
  'Action[ShowTaskpane]': [optional('TaskpaneId'), one('SourceLocation'), optional('Title'), optional('SupportsPinning')],
  'Action[ExecuteFunction]': [one('FunctionName')],
  'VersionOverrides/Resources': [optional('Images'), optional('Urls'), optional('ShortStrings'), optional('LongStrings')],
  'Resources/Images': [many('Image')],
  'Resources/Urls': [many('Url')],
  'Resources/ShortStrings': [many('String')],
  'Resources/LongStrings': [many('String')],
};

const TYPED = new Set(['ExtensionPoint', 'Control', 'Action']);

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

/** The kind of resource a `resid` on each element must name. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  Runtime: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

/** The resid limit of the manifest schema. */
const MAX_RESID_LENGTH = 32;

/** Icons outside Resources and the one size each must be. */
const TOP_LEVEL_ICONS: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };

function contextKey(element: XmlElement): string {
  const steps: string[] = [];
  for (let node: XmlElement | null = element; node; node = node.parent) {
    const type = attribute(node, 'xsi:type');
    steps.unshift(TYPED.has(node.localName) && type ? `${node.localName}[${type}]` : node.localName);
  }
  return steps.join('/');
}

function sequenceFor(element: XmlElement): Particle[] | undefined {
  const chain = contextKey(element);
  let best: string | undefined;
  for (const key of Object.keys(SEQUENCES)) {
    if ((chain === key || chain.endsWith(`/${key}`)) && (!best || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : SEQUENCES[best];
}

function walk(element: XmlElement, visit: (e: XmlElement) => void): void {
  visit(element);
  for (const child of element.children) walk(child, visit);
}

class Collector {
  readonly issues: ManifestIssue[] = [];

  constructor(private readonly file: string) {}

  at(element: XmlElement, message: string): void {
    this.issues.push({ file: this.file, line: element.line, column: element.column, path: elementPath(element), message });
  }

  atLine(file: string, line: number, where: string, message: string): void {
    this.issues.push({ file, line, column: 1, path: where, message });
  }
}

function describe(particles: Particle[]): string {
  return particles.map((p) => p.names.join('|')).join(', ');
}

function checkOrder(element: XmlElement, issues: Collector): void {
  const particles = sequenceFor(element);
  if (!particles) return;
  let index = 0;
  let count = 0;
  let lastChild: XmlElement | undefined;
  element.children.forEach((child, position) => {
    const name = child.localName;
    const later = new Set(element.children.slice(position + 1).map((c) => c.localName));
    let next = index;
    while (next < particles.length && !particles[next].names.includes(name)) next++;
    if (next < particles.length) {
      if (next === index) {
        count++;
        if (count > particles[index].max) issues.at(child, `<${child.name}> may appear only once in <${element.name}>`);
      } else {
        for (let skipped = count === 0 ? index : index + 1; skipped < next; skipped++) {
          // A required element that only comes later is reported where it stands, as out of order.
          if (particles[skipped].min > 0 && !particles[skipped].names.some((n) => later.has(n))) {
            issues.at(child, `<${particles[skipped].names[0]}> is missing before <${child.name}> (schema order: ${describe(particles)})`);
          }
        }
        index = next;
        count = 1;
      }
      lastChild = child;
      return;
    }
    const earlier = particles.findIndex((p) => p.names.includes(name));
    if (earlier >= 0 && lastChild) {
      issues.at(
        child,
        `<${child.name}> is out of schema order: it must come before <${lastChild.name}> (line ${lastChild.line}); the order is ${describe(particles)}`,
      );
    } else {
      issues.at(child, `<${child.name}> is not allowed in <${element.name}>; expected ${describe(particles)}`);
    }
  });
  for (let rest = count === 0 ? index : index + 1; rest < particles.length; rest++) {
    if (particles[rest].min > 0) issues.at(element, `<${element.name}> is missing <${particles[rest].names[0]}>`);
  }
}

interface Resource {
  element: XmlElement;
  kind: ResourceKind;
  value: string;
}

function collectResources(root: XmlElement, issues: Collector): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  const overrides = root.children.find((c) => c.localName === 'VersionOverrides');
  const section = overrides?.children.find((c) => c.localName === 'Resources');
  for (const group of section?.children ?? []) {
    const kind = group.localName as ResourceKind;
    for (const entry of group.children) {
      const id = attribute(entry, 'id');
      if (id === undefined) {
        issues.at(entry, `<${entry.name}> has no id`);
        continue;
      }
      const previous = resources.get(id);
      if (previous) {
        issues.at(entry, `resource id "${id}" is defined twice (first at line ${previous.element.line})`);
        continue;
      }
      if (id.length > MAX_RESID_LENGTH) issues.at(entry, `resource id "${id}" is longer than ${MAX_RESID_LENGTH} characters`);
      resources.set(id, { element: entry, kind, value: attribute(entry, 'DefaultValue') ?? '' });
    }
  }
  return resources;
}

function checkResids(root: XmlElement, resources: Map<string, Resource>, issues: Collector): void {
  walk(root, (element) => {
    const resid = attribute(element, 'resid');
    if (resid === undefined) return;
    const resource = resources.get(resid);
    if (!resource) {
      issues.at(element, `resid "${resid}" does not resolve: no Resources entry has id "${resid}"`);
      return;
    }
    const kind = RESID_KIND[element.localName];
    if (kind && resource.kind !== kind) {
      issues.at(element, `resid "${resid}" names a ${resource.kind} entry (line ${resource.element.line}); <${element.name}> needs one of ${kind}`);
    }
  });
}

/** Whether version `a` (`1.9`) comes before `b` (`1.12`), part by part. */
function versionBelow(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
}

function checkSharedRuntime(root: XmlElement, issues: Collector): void {
  const runtimes: XmlElement[] = [];
  walk(root, (e) => {
    if (e.localName === 'Runtime') runtimes.push(e);
  });
  if (runtimes.length === 0) return;
  const shared = runtimes.find((r) => attribute(r, 'lifetime') === 'long');
  if (!shared) {
    issues.at(runtimes[0], 'a shared runtime needs lifetime="long", so the functions keep running with the task pane closed');
    return;
  }
  const page = attribute(shared, 'resid');
  const requirements = root.children.find((c) => c.localName === 'Requirements');
  const sets: XmlElement[] = [];
  if (requirements) walk(requirements, (e) => e.localName === 'Set' && sets.push(e));
  if (!sets.some((s) => attribute(s, 'Name') === 'SharedRuntime')) {
    issues.at(requirements ?? root, 'a manifest with <Runtimes> must require the SharedRuntime set');
  }
  const excel = sets.find((s) => attribute(s, 'Name') === 'ExcelApi');
  if (!excel || versionBelow(attribute(excel, 'MinVersion') ?? '1.1', REQUIRED_EXCEL_API)) {
    issues.at(
      excel ?? requirements ?? root,
      `the manifest must require ExcelApi ${REQUIRED_EXCEL_API} or later (<Set Name="ExcelApi" MinVersion="${REQUIRED_EXCEL_API}"/>): the workbook adapter uses it without checking`,
    );
  }
  walk(root, (e) => {
    const isFunctionsPage = e.localName === 'SourceLocation' && e.parent?.localName === 'Page';
    if ((isFunctionsPage || e.localName === 'FunctionFile') && attribute(e, 'resid') !== page) {
      issues.at(e, `the shared runtime runs in "${page}", but this uses "${attribute(e, 'resid')}"`);
    }
  });
}

/** A URL the manifest uses, the element that states it, and the icon size it must have. */
interface UrlUse {
  url: string;
  element: XmlElement;
  iconSize?: number;
}

function collectUrls(root: XmlElement, resources: Map<string, Resource>): UrlUse[] {
  const uses: UrlUse[] = [];
  for (const child of root.children) {
    const value = attribute(child, 'DefaultValue');
    if (value !== undefined && (child.localName in TOP_LEVEL_ICONS || child.localName === 'SupportUrl')) {
      uses.push({ url: value, element: child, iconSize: TOP_LEVEL_ICONS[child.localName] });
    }
    if (child.localName === 'DefaultSettings') {
      for (const source of child.children.filter((c) => c.localName === 'SourceLocation')) {
        uses.push({ url: attribute(source, 'DefaultValue') ?? '', element: source });
      }
    }
  }
  for (const resource of resources.values()) {
    if (resource.kind === 'Urls' || resource.kind === 'Images') uses.push({ url: resource.value, element: resource.element });
  }
  // An image resource must have the size every <bt:Image size="N" resid="..."> that uses it says.
  walk(root, (e) => {
    const size = attribute(e, 'size');
    const resource = resources.get(attribute(e, 'resid') ?? '');
    if (e.localName === 'Image' && size !== undefined && resource?.kind === 'Images') {
      uses.push({ url: resource.value, element: e, iconSize: Number(size) });
    }
  });
  return uses;
}

function siteFile(url: string, options: ValidateOptions): string | null {
  const base = options.baseUrls.find((b) => url.startsWith(b));
  if (base === undefined) return null;
  const relative = decodeURIComponent(url.slice(base.length).replace(/[?#].*$/, ''));
  return path.join(options.siteDir, relative || 'index.html');
}

function checkUrls(uses: UrlUse[], options: ValidateOptions, issues: Collector): ValidationReport['checked'] {
  const checked = { urls: 0, icons: 0, functions: 0 };
  const missing = new Set<string>();
  for (const use of uses) {
    const file = siteFile(use.url, options);
    if (file === null) {
      issues.at(use.element, `URL "${use.url}" is not on the add-in's site (${options.baseUrls.join(' or ')})`);
      continue;
    }
    const shown = path.relative(process.cwd(), file) || file;
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      if (!missing.has(use.url)) {
        const what = use.iconSize === undefined && !use.url.endsWith('.png') ? 'file' : 'icon';
        issues.at(use.element, `missing ${what}: "${use.url}" points at ${shown}, which the build does not emit`);
      }
      missing.add(use.url);
      continue;
    }
    if (use.iconSize === undefined) {
      checked.urls++;
      continue;
    }
    checked.icons++;
    try {
      const { width, height } = readPngSize(fs.readFileSync(file));
      if (width !== use.iconSize || height !== use.iconSize) {
        issues.at(use.element, `icon ${shown} is ${width}×${height} px, but is declared at ${use.iconSize}×${use.iconSize}`);
      }
    } catch (error) {
      issues.at(use.element, `icon ${shown}: ${(error as Error).message}`);
    }
  }
  return checked;
}

/** A PILOT function the add-in declares, and where, for messages. */
export interface DeclaredFunction {
  id: string;
  file: string;
  line: number;
}

/**
 * The functions declared in a declarations file, each with the line of its `id: '…'`.
 *
 * @example
 *   declaredFunctions('src/functions/declarations.ts', ['VALUE']); // [{ id: 'VALUE', file: 'src/functions/declarations.ts', line: 88 }]
 */
export function declaredFunctions(file: string, ids: readonly string[]): DeclaredFunction[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  return ids.map((id) => {
    const index = lines.findIndex((line) => line.includes(`id: '${id}'`));
    return { id, file, line: index + 1 || 1 };
  });
}

function checkFunctions(root: XmlElement, resources: Map<string, Resource>, options: ValidateOptions, issues: Collector): number {
  let metadata: XmlElement | undefined;
  walk(root, (e) => {
    if (e.localName === 'SourceLocation' && e.parent?.localName === 'Metadata') metadata = e;
  });
  if (!metadata) return 0;
  const url = resources.get(attribute(metadata, 'resid') ?? '')?.value;
  const file = url === undefined ? null : siteFile(url, options);
  if (file === null || !fs.existsSync(file)) return 0; // already reported as a resid or URL problem
  const shown = path.relative(process.cwd(), file) || file;
  const text = fs.readFileSync(file, 'utf8');
  let ids: string[];
  try {
    const json = JSON.parse(text) as { functions?: { id?: string }[] };
    ids = (json.functions ?? []).map((f) => String(f.id));
  } catch (error) {
    issues.atLine(shown, 1, 'functions.json', `is not JSON: ${(error as Error).message}`);
    return 0;
  }
  const declared = options.declaredFunctions;
  for (const fn of declared) {
    if (!ids.includes(fn.id)) {
      issues.atLine(path.relative(process.cwd(), fn.file), fn.line, `PILOT.${fn.id}`, `is missing from ${shown}: rebuild (npm run build)`);
    }
  }
  const declarationFiles = [...new Set(declared.map((fn) => path.relative(process.cwd(), fn.file)))].join(', ') || 'the declarations';
  for (const id of ids) {
    if (declared.some((fn) => fn.id === id)) continue;
    const at = text.indexOf(`"${id}"`);
    const line = at < 0 ? 1 : text.slice(0, at).split('\n').length;
    issues.atLine(shown, line, `functions[${id}]`, `"${id}" is not declared in ${declarationFiles}: rebuild, or restore the declaration`);
  }
  if (ids.length === 0) issues.atLine(shown, 1, 'functions', 'lists no functions');
  return ids.length;
}

/**
 * Checks one manifest against the site the build emits; returns every problem found (an empty
 * list means the manifest is valid) and how many URLs, icons and functions were checked.
 *
 * @example
 *   const report = validateManifest({
 *     manifestFile: 'manifest.xml', siteDir: 'dist', baseUrls: ['https://localhost:3000/'],
 *     declaredFunctions: declaredFunctions('src/functions/declarations.ts', ['VALUE', 'NPV']),
 *   });
 *   report.issues.map(formatIssue); // [] when valid
 */
export function validateManifest(options: ValidateOptions): ValidationReport {
  const shownFile = path.relative(process.cwd(), options.manifestFile) || options.manifestFile;
  const issues = new Collector(shownFile);
  const none = { urls: 0, icons: 0, functions: 0 };
  let root: XmlElement;
  try {
    root = parseXml(fs.readFileSync(options.manifestFile, 'utf8'));
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    const message = error.message.slice(error.message.indexOf(': ') + 2);
    issues.issues.push({ file: shownFile, line: error.line, column: error.column, path: '', message: `not well-formed XML: ${message}` });
    return { issues: issues.issues, checked: none };
  }
  if (root.localName !== 'OfficeApp') {
    issues.at(root, `the root element must be <OfficeApp>, not <${root.name}>`);
    return { issues: issues.issues, checked: none };
  }
  walk(root, (e) => checkOrder(e, issues));
  const resources = collectResources(root, issues);
  checkResids(root, resources, issues);
  checkSharedRuntime(root, issues);
  const checked = checkUrls(collectUrls(root, resources), options, issues);
  checked.functions = checkFunctions(root, resources, options, issues);
  return { issues: issues.issues, checked };
}

/**
 * One issue as a line a person (or an editor) can follow: `file:line:column path: message`.
 *
 * @example
 *   formatIssue({ file: 'manifest.xml', line: 40, column: 9, path: 'OfficeApp/Id', message: 'x' });
 *   // "manifest.xml:40:9 OfficeApp/Id: x"
 */
export function formatIssue(issue: ManifestIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}${issue.path ? ` ${issue.path}` : ''}: ${issue.message}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `npm run validate`: manifest.xml, and dist/manifest.xml when built, against dist/. */
function main(): number {
  const root = path.resolve(__dirname, '../..');
  // webpack.config.js is the one place that knows the add-in's URLs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { addinUrls } = require(path.join(root, 'webpack.config.js')) as { addinUrls: () => { dev: string; production: string } };
  const urls = addinUrls();
  const siteDir = path.join(root, 'dist');
  if (!fs.existsSync(siteDir)) {
    console.error(`${path.relative(process.cwd(), siteDir) || 'dist'}/ does not exist: run \`npm run build\` first, then \`npm run validate\`.`);
    return 1;
  }
  const declared = declaredFunctions(path.join(root, 'src/functions/declarations.ts'), PILOT_DECLARATIONS.map((d) => d.id));
  const builtManifest = path.join(siteDir, 'manifest.xml');
  const targets: { manifestFile: string; baseUrls: string[] }[] = [{ manifestFile: path.join(root, 'manifest.xml'), baseUrls: [urls.dev] }];
  if (fs.existsSync(builtManifest)) {
    const production = !fs.readFileSync(builtManifest, 'utf8').includes('localhost');
    if (!production) console.log('note: dist/ holds a development build (npm run build makes the production one).');
    targets.push({ manifestFile: builtManifest, baseUrls: [production ? urls.production : urls.dev] });
  } else {
    console.error('dist/manifest.xml is missing: the build copies the manifest there; run `npm run build`.');
    return 1;
  }
  let failed = false;
  for (const target of targets) {
    const report = validateManifest({ ...target, siteDir, declaredFunctions: declared });
    const shown = path.relative(process.cwd(), target.manifestFile);
    if (report.issues.length > 0) {
      failed = true;
      for (const issue of report.issues) console.error(formatIssue(issue));
      console.error(`${shown}: ${report.issues.length} problem${report.issues.length === 1 ? '' : 's'}.`);
    } else {
      const { urls: u, icons, functions } = report.checked;
      const counted = [plural(u, 'URL'), plural(icons, 'icon use'), plural(functions, 'function')].join(', ');
      console.log(`${shown}: valid (base ${target.baseUrls.join(', ')}; ${counted} checked).`);
    }
  }
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main();
