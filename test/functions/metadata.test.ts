/**
 * The metadata Excel reads (functions.json, generated from functions.ts' JSDoc) against the
 * catalogue's declarations: the same fifteen functions, argument names, optionality and
 * dimensionality, so the add-in and the HyperFormula plugin cannot drift apart.
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { PILOT_FUNCTIONS, type ParamKind, type ResultKind } from '../../src/functions/catalogue';
import { productionBuild } from '../tools/production-build';

const FUNCTIONS_TS = path.resolve(__dirname, '../../src/functions/functions.ts');

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
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
}
interface Metadata {
  functions: FunctionMetadata[];
  allowErrorForDataTypeAny?: boolean;
}

/** What functions.json must say for each kind of argument and result. */
const PARAMETER_SHAPE: Record<ParamKind, { type: string; dimensionality: string }> = {
  table: { type: 'any', dimensionality: 'matrix' },
  range: { type: 'any', dimensionality: 'matrix' },
  cell: { type: 'any', dimensionality: 'scalar' },
  text: { type: 'string', dimensionality: 'scalar' },
  number: { type: 'number', dimensionality: 'scalar' },
};
const RESULT_SHAPE: Record<ResultKind, { type: string; dimensionality: string }> = {
  number: { type: 'number', dimensionality: 'scalar' },
  text: { type: 'string', dimensionality: 'scalar' },
  'number or text': { type: 'any', dimensionality: 'scalar' },
  spill: { type: 'any', dimensionality: 'matrix' },
};

const shapeOf = (item: { type?: string; dimensionality?: string }) => ({ type: item.type ?? 'any', dimensionality: item.dimensionality ?? 'scalar' });

describe('functions.json generated from the JSDoc', () => {
  let metadata: Metadata;

  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata(FUNCTIONS_TS);
    expect(generated.errors).toEqual([]);
    metadata = JSON.parse(generated.metadataJson) as Metadata;
  });

  it('lists the fifteen functions of the catalogue, id and name alike', () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(PILOT_FUNCTIONS.map((f) => f.id));
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it.each(PILOT_FUNCTIONS.map((f) => [f.id, f] as const))('declares PILOT.%s as the catalogue does', (id, spec) => {
    const fn = metadata.functions.find((f) => f.id === id)!;
    expect(fn.description?.length).toBeGreaterThan(20);
    expect(fn.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
    fn.parameters.forEach((p, i) => {
      const declared = spec.params[i];
      expect([p.name, shapeOf(p), p.optional ?? false]).toEqual([declared.name, PARAMETER_SHAPE[declared.kind], declared.optional]);
      expect(p.description?.length).toBeGreaterThan(5);
    });
    expect(shapeOf(fn.result)).toEqual(RESULT_SHAPE[spec.result]);
  });

  it('documents each function with @returns and an @example', () => {
    const source = fs.readFileSync(FUNCTIONS_TS, 'utf8');
    const blocks = [...source.matchAll(/\/\*\*([\s\S]*?)\*\//g)].map((m) => m[1]).filter((block) => block.includes('@customfunction'));
    expect(blocks).toHaveLength(PILOT_FUNCTIONS.length);
    for (const block of blocks) {
      expect(block).toMatch(/@returns \S/);
      expect(block).toMatch(/@example\s+\S/);
    }
  });
});

describe('functions.json in the production build', () => {
  let dir: string;

  beforeAll(() => {
    dir = productionBuild().dir;
  }, 600_000);

  it('lists all fifteen and lets Excel pass error cells inside ranges (allowErrorForDataTypeAny)', () => {
    const built = JSON.parse(fs.readFileSync(path.join(dir, 'functions.json'), 'utf8')) as Metadata;
    expect(built.allowErrorForDataTypeAny).toBe(true);
    expect(built.functions.map((f) => f.id)).toEqual(PILOT_FUNCTIONS.map((f) => f.id));
  });

  it('registers every function in functions.js', () => {
    const bundle = fs.readFileSync(path.join(dir, 'functions.js'), 'utf8');
    for (const { id } of PILOT_FUNCTIONS) expect(bundle).toContain(`CustomFunctions.associate("${id}"`);
  });
});
