import * as fs from 'fs';
import * as path from 'path';
import { productionBuild } from './production-build';
import type { ProductionBuild } from './production-build';

const ROOT = path.resolve(__dirname, '../..');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

interface FunctionMetadata {
  id: string;
  name: string;
  parameters: { name: string; type: string; optional?: boolean }[];
  result: { type: string };
}

describe('the production build', () => {
  let build: ProductionBuild;

  beforeAll(() => {
    build = productionBuild();
    if (build.seconds !== null) console.log(`production build: ${build.seconds.toFixed(1)} s into ${build.dir}`);
  }, 600_000);

  it('emits the four pages, the three bundles, functions.json, the manifest and the icons', () => {
    const files = filesUnder(build.dir).map((f) => path.relative(build.dir, f));
    for (const expected of [
      'taskpane.html',
      'functions.html',
      'commands.html',
      'help.html',
      'taskpane.js',
      'functions.js',
      'commands.js',
      'functions.json',
      'manifest.xml',
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-64.png',
      'assets/icon-80.png',
    ]) {
      expect(files).toContain(expected);
    }
  });

  it('contains no "localhost" anywhere, manifest included', () => {
    const found: string[] = [];
    for (const file of filesUnder(build.dir)) {
      const lines = fs.readFileSync(file, 'latin1').split('\n');
      lines.forEach((line, i) => {
        if (line.includes('localhost')) found.push(`${path.relative(build.dir, file)}:${i + 1}`);
      });
    }
    expect(found).toEqual([]);
    const manifest = fs.readFileSync(path.join(build.dir, 'manifest.xml'), 'utf8');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { addinUrls } = require(path.join(ROOT, 'webpack.config.js')) as { addinUrls: () => { production: string } };
    const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    const devUrls = source.split('https://localhost:3000/').length - 1;
    expect(devUrls).toBeGreaterThan(5);
    expect(manifest.split(addinUrls().production).length - 1).toBe(devUrls);
  });

  it('lists PILOT.VALUE in functions.json with its parameters', () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(build.dir, 'functions.json'), 'utf8')) as { functions: FunctionMetadata[] };
    const manifest = fs.readFileSync(path.join(build.dir, 'manifest.xml'), 'utf8');
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="PILOT"\/>/);
    const value = metadata.functions.find((f) => f.id === 'VALUE');
    expect(value).toBeDefined();
    expect(value!.name).toBe('VALUE');
    expect(value!.parameters.map((p) => [p.name, p.type, p.optional ?? false])).toEqual([
      ['text', 'any', false],
      ['unit', 'string', true],
    ]);
    expect(value!.result.type).toBe('number');
  });

  it('registers the functions in one loop over the catalogue, never one by one by hand', () => {
    // One call of associate in the functions' sources, in the loop over every catalogue entry, and the bundle keeps it.
    const calls = filesUnder(path.join(ROOT, 'src/functions')).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/\.associate\s*\(/g)].map(() => path.relative(ROOT, file)),
    );
    expect(calls).toEqual([path.join('src', 'functions', 'register.ts')]);
    expect(fs.readFileSync(path.join(ROOT, 'src/functions/register.ts'), 'utf8')).toMatch(/for \(const fn of PILOT_FUNCTIONS\) runtime\.associate\(fn\.id, /);
    expect(fs.readFileSync(path.join(build.dir, 'functions.js'), 'utf8')).toMatch(/\.associate\(/);
  });

  it('loads the functions, the commands and the task pane in the shared runtime page', () => {
    const page = fs.readFileSync(path.join(build.dir, 'taskpane.html'), 'utf8');
    const scripts = [...page.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]);
    // One webpack runtime and one chunk of the modules the entries share (the engine, mathjs): each loaded once.
    expect(scripts).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'runtime.js', 'shared.js', 'functions.js', 'commands.js', 'taskpane.js']);
    const bundle = (name: string): string => fs.readFileSync(path.join(build.dir, name), 'utf8');
    // mathjs's unit parser and the engine (a message of its IRR) are in the shared chunk and in no entry's own file.
    const shared = /Unit\.parse|did not converge/g;
    expect(new Set(bundle('shared.js').match(shared))).toEqual(new Set(['Unit.parse', 'did not converge']));
    for (const entry of ['functions.js', 'commands.js', 'taskpane.js']) expect(bundle(entry)).not.toMatch(shared);
    expect(bundle('functions.js').length).toBeLessThan(10_000);
  });

  it('keeps Chart.js out of every page and in a chunk fetched later', () => {
    const pages = ['taskpane.html', 'functions.html', 'commands.html'].map((p) => fs.readFileSync(path.join(build.dir, p), 'utf8'));
    for (const page of pages) expect(page).not.toMatch(/charts\.js/);
    expect(fs.readFileSync(path.join(build.dir, 'charts.js'), 'utf8')).toMatch(/BarController|indexAxis/);
    for (const initial of ['runtime.js', 'shared.js', 'functions.js', 'commands.js', 'taskpane.js']) {
      expect(fs.readFileSync(path.join(build.dir, initial), 'utf8')).not.toMatch(/pointRotation|BarController/);
    }
  });

  it('bundles no HyperFormula, workbench, test or bench code', () => {
    const modules = build.modules.map((m) => path.relative(ROOT, m).split(path.sep).join('/'));
    expect(modules).toContain('src/functions/functions.ts');
    expect(modules).toContain('src/taskpane/index.tsx');
    expect(modules.filter((m) => m.includes('node_modules/hyperformula/') || /^(test|bench|src\/workbench)\//.test(m))).toEqual([]);
    // The help page is written at build time: of src/help, only the page's address reaches a bundle.
    expect(modules.filter((m) => m.startsWith('src/help/') && m !== 'src/help/address.ts')).toEqual([]);
    // The workbench is built on its own (--env workbench), never into the add-in's dist/.
    expect(filesUnder(build.dir).filter((f) => /workbench/i.test(path.relative(build.dir, f)))).toEqual([]);
  });
});
