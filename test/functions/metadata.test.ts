/**
 * The metadata Excel reads (functions.json), written from the declarations, against what Excel
 * was given before the declarations existed: functions.json as custom-functions-metadata-plugin
 * wrote it from the JSDoc of every function (fixtures/functions-from-jsdoc.json). Excel must see
 * the same functions, ids, argument types and dimensionality, optionality and top-level flags,
 * and the runtime must register every function under its id.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { PILOT_DECLARATIONS } from '../../src/functions/declarations';
import { functionsJson } from '../../src/functions/functions-json';
import { associatePilotFunctions, type ExcelFunction } from '../../src/functions/register';
import { productionBuild } from '../tools/production-build';
import { customFunctionsRuntime, installCustomFunctionsRuntime } from './runtime';

interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
}
interface Metadata {
  functions: FunctionMetadata[];
  allowErrorForDataTypeAny?: boolean;
  allowCustomDataForDataTypeAny?: boolean;
}

const ROOT = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addinUrls } = require(path.join(ROOT, 'webpack.config.js')) as { addinUrls: () => { dev: string; production: string } };

const BEFORE = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures/functions-from-jsdoc.json'), 'utf8')) as Metadata;

/** What Excel reads from an entry, with the schema's defaults made explicit (type any, dimensionality scalar, not optional). */
function shapeOf(fn: FunctionMetadata) {
  return {
    id: fn.id,
    name: fn.name,
    parameters: fn.parameters.map((p) => [p.name, p.type ?? 'any', p.dimensionality ?? 'scalar', p.optional ?? false]),
    result: [fn.result.type ?? 'any', fn.result.dimensionality ?? 'scalar'],
  };
}

beforeAll(installCustomFunctionsRuntime);

describe('functions.json written from the declarations', () => {
  const metadata = functionsJson(addinUrls().dev) as Metadata;

  it('lists the fifteen functions Excel had before, in the same order, id and name alike, and ACTIONS, SIMULATE and TORNADO in SPEC §4\'s places', () => {
    const ids = metadata.functions.map((f) => f.id);
    const before = BEFORE.functions.map((f) => f.id);
    expect(ids.filter((id) => before.includes(id))).toEqual(before);
    expect(before).toHaveLength(15);
    expect(ids.slice(ids.indexOf('REASONS'), ids.indexOf('TIMELINE') + 1)).toEqual(['REASONS', 'ACTIONS', 'SIMULATE', 'TORNADO', 'TIMELINE']);
    expect(ids.slice(ids.indexOf('EXPANSION'), ids.indexOf('PAYBACK') + 1)).toEqual(['EXPANSION', 'COSTLINES', 'PAYBACK']);
    expect(ids).toHaveLength(19);
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it('gives PILOT.SIMULATE and PILOT.TORNADO whole tables, numbers for trials and seed, and a spill', () => {
    const [simulate, tornado] = ['SIMULATE', 'TORNADO'].map((id) => shapeOf(metadata.functions.find((f) => f.id === id)!));
    const tables = [
      ['metrics', 'any', 'matrix', false],
      ['costs', 'any', 'matrix', false],
      ['assumptions', 'any', 'matrix', true],
    ];
    expect(simulate.parameters).toEqual([...tables, ['trials', 'number', 'scalar', true], ['seed', 'number', 'scalar', true]]);
    expect(tornado.parameters).toEqual(tables);
    expect([simulate.result, tornado.result]).toEqual([
      ['any', 'matrix'],
      ['any', 'matrix'],
    ]);
  });

  it.each(BEFORE.functions.map((f) => [f.id, f] as const))('gives PILOT.%s the arguments, types, dimensionality and optionality it had, any new ones optional at the end', (id, before) => {
    const fn = shapeOf(metadata.functions.find((f) => f.id === id)!);
    const was = shapeOf(before);
    expect({ ...fn, parameters: fn.parameters.slice(0, was.parameters.length) }).toEqual(was);
    for (const added of fn.parameters.slice(was.parameters.length)) expect(added[3]).toBe(true);
  });

  it('asks Excel for the addresses of the arguments of PILOT.REASONS and PILOT.ACTIONS alone, whose header-row arguments say where each table is', () => {
    const asking = metadata.functions.filter((f) => (f as { options?: { requiresParameterAddresses?: boolean } }).options?.requiresParameterAddresses === true);
    expect(asking.map((f) => f.id)).toEqual(['REASONS', 'ACTIONS']);
    for (const fn of asking) {
      // Excel gives parameter addresses only to a function whose result is a matrix.
      expect(fn.result.dimensionality).toBe('matrix');
      expect(fn.parameters.slice(5).map((p) => [p.name, p.dimensionality, p.optional])).toEqual(
        ['metricsAt', 'costsAt', 'readinessAt', 'assumptionsAt', 'ownershipAt'].map((name) => [name, 'matrix', true]),
      );
    }
  });

  it('lets Excel hand error cells and data types inside ranges to the functions', () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    expect(BEFORE.allowErrorForDataTypeAny).toBe(true);
  });

  it('describes every function, argument and result for a person, with at least one example', () => {
    for (const declaration of PILOT_DECLARATIONS) {
      expect(declaration.description.length).toBeGreaterThan(20);
      expect(declaration.returns.length).toBeGreaterThan(5);
      expect(declaration.examples.length).toBeGreaterThan(0);
      for (const p of declaration.params) expect(p.description.length).toBeGreaterThan(5);
    }
    const fn = metadata.functions.find((f) => f.id === 'METRICVALUE')!;
    expect(fn.parameters[5].description).toMatch(/^"evidence" \(default/);
  });

  it("points each function's help at its entry on the help page the add-in serves", () => {
    const helpUrls = functionsJson('https://localhost:3000/').functions.map((f) => f.helpUrl);
    expect(helpUrls[0]).toBe('https://localhost:3000/help.html#PILOT.VALUE');
    expect(helpUrls).toEqual(PILOT_DECLARATIONS.map((d) => `https://localhost:3000/help.html#PILOT.${d.id}`));
    expect(functionsJson('https://pilotgate.example.com/app/').functions[0].helpUrl).toBe('https://pilotgate.example.com/app/help.html#PILOT.VALUE');
  });
});

describe('the runtime registration', () => {
  it('registers every declared function under its id, each running the catalogue entry', () => {
    const registered = new Map<string, ExcelFunction>();
    associatePilotFunctions({ associate: (id, fn) => registered.set(id, fn) });
    expect([...registered.keys()]).toEqual(PILOT_DECLARATIONS.map((d) => d.id));
    // SPEC §4's example, and an Excel error for text that is not a value.
    expect(registered.get('VALUE')!('2 h', 'min')).toBeCloseTo(120, 12);
    expect(() => registered.get('VALUE')!('N/A', null)).toThrow(customFunctionsRuntime.Error);
  });
});

describe('functions.json and functions.js in the production build', () => {
  let dir: string;

  beforeAll(() => {
    dir = productionBuild().dir;
  }, 600_000);

  it('ships the functions.json the declarations give, its help on the production help page', () => {
    const built = JSON.parse(fs.readFileSync(path.join(dir, 'functions.json'), 'utf8')) as Metadata;
    expect(built).toEqual(functionsJson(addinUrls().production));
    expect(built.functions.every((f) => f.helpUrl?.startsWith(`${addinUrls().production}help.html#PILOT.`))).toBe(true);
  });

  it('registers every function when Excel loads functions.js, and a registered function works', () => {
    const registered = new Map<string, (...args: unknown[]) => unknown>();
    const runtime = { ...customFunctionsRuntime, associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn) };
    // The scripts functions.html loads, in its order (the runtime and the shared chunk first), in one realm.
    const page = fs.readFileSync(path.join(dir, 'functions.html'), 'utf8');
    const scripts = [...page.matchAll(/<script[^>]*\ssrc="?([^" >]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
    expect(scripts[scripts.length - 1]).toBe('functions.js');
    // The page's address, as a page has one: webpack's runtime reads it to find chunks fetched later (the simulation worker's).
    const location = { href: `${addinUrls().production}functions.html` };
    const realm = vm.createContext({ CustomFunctions: runtime, self: { location }, window: { location }, console });
    for (const script of scripts) vm.runInContext(fs.readFileSync(path.join(dir, script), 'utf8'), realm);
    expect([...registered.keys()]).toEqual(PILOT_DECLARATIONS.map((d) => d.id));
    expect(registered.get('VALUE')!('2 h', 'min')).toBeCloseTo(120, 12);
    expect(registered.get('NPV')!(
      [['Metric', 'Baseline', 'Target', 'Pilot', 'Volume', 'Value per unit'], ['Processing time', '12 min', '2 min', '2 min', '50,000 docs/year', '$45/h']],
      [['Category', 'One-time', 'Annual'], ['Infrastructure', 0, 0]],
      null,
    )).toBeGreaterThan(0);
  });
});
