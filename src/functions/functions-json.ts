/**
 * functions.json, the metadata Excel reads to know the PILOT functions, written from their
 * declarations (declarations.ts) at build time by webpack.config.js. Excel matches each entry to
 * the function the runtime registers under the same id (register.ts), and opens each entry's
 * helpUrl, the function's entry on the help page, from "Help on this function".
 */
import { helpUrl } from '../help/address';
import { PILOT_DECLARATIONS, type FunctionDeclaration, type ParamKind, type ResultKind } from './declarations';

/** One argument as Excel's custom-functions metadata describes it. */
export interface ParameterJson {
  name: string;
  description: string;
  type: 'any' | 'string' | 'number' | 'boolean';
  dimensionality: 'scalar' | 'matrix';
  optional?: true;
}

export interface FunctionJson {
  id: string;
  name: string;
  description: string;
  /** The function's entry on the help page the add-in serves. */
  helpUrl: string;
  parameters: ParameterJson[];
  result: { type: 'any' | 'string' | 'number' | 'boolean'; dimensionality: 'scalar' | 'matrix' };
  /**
   * Set for a function with a place argument: Excel then passes the addresses of its arguments as
   * `invocation.parameterAddresses` (CustomFunctionsRuntime 1.3, which the manifest requires; the
   * result must be a matrix, which every such function's spill is).
   */
  options?: { requiresParameterAddresses: true };
}

export interface FunctionsJson {
  /** Error cells inside a range reach the functions (which name the cell) instead of Excel skipping the call. */
  allowErrorForDataTypeAny: true;
  /** Data types inside a range reach the functions too (which say the cell holds no value). */
  allowCustomDataForDataTypeAny: true;
  functions: FunctionJson[];
}

/** How each kind of argument is handed over: tables and ranges whole, one cell as it is. */
const PARAMETER_SHAPE: Readonly<Record<ParamKind, Pick<ParameterJson, 'type' | 'dimensionality'>>> = {
  table: { type: 'any', dimensionality: 'matrix' },
  range: { type: 'any', dimensionality: 'matrix' },
  cell: { type: 'any', dimensionality: 'scalar' },
  text: { type: 'string', dimensionality: 'scalar' },
  number: { type: 'number', dimensionality: 'scalar' },
  // A reference: Excel hands over its values, and its address through invocation.parameterAddresses.
  place: { type: 'any', dimensionality: 'matrix' },
};

const RESULT_SHAPE: Readonly<Record<ResultKind, FunctionJson['result']>> = {
  number: { type: 'number', dimensionality: 'scalar' },
  text: { type: 'string', dimensionality: 'scalar' },
  'number or text': { type: 'any', dimensionality: 'scalar' },
  spill: { type: 'any', dimensionality: 'matrix' },
};

/**
 * The entry of one function in functions.json, its help on the help page served from `base`
 * (the add-in's base URL: the development server's, or the production one).
 *
 * @example
 *   functionJson(PILOT_DECLARATIONS[0], 'https://localhost:3000/').parameters[1] // { name: 'unit', description: 'The unit to convert to, …', type: 'string', dimensionality: 'scalar', optional: true }
 *   functionJson(PILOT_DECLARATIONS[0], 'https://localhost:3000/').helpUrl       // 'https://localhost:3000/help.html#PILOT.VALUE'
 */
export function functionJson(declaration: FunctionDeclaration, base: string): FunctionJson {
  return {
    id: declaration.id,
    name: declaration.id,
    description: declaration.description,
    helpUrl: helpUrl(base, declaration.id),
    parameters: declaration.params.map((p) => ({
      name: p.name,
      description: p.description,
      ...PARAMETER_SHAPE[p.kind],
      ...(p.optional ? { optional: true as const } : {}),
    })),
    result: { ...RESULT_SHAPE[declaration.result] },
    ...(needsAddresses(declaration) ? { options: { requiresParameterAddresses: true as const } } : {}),
  };
}

/**
 * Whether Excel must hand a function the addresses of its arguments: it has a place argument.
 *
 * @example
 *   needsAddresses(pilotFunction('REASONS')!) // true
 *   needsAddresses(pilotFunction('NPV')!)     // false
 */
export function needsAddresses(declaration: FunctionDeclaration): boolean {
  return declaration.params.some((p) => p.kind === 'place');
}

/**
 * The whole of functions.json for the add-in served from `base`, for these declarations (every
 * PILOT function by default).
 *
 * @example
 *   functionsJson('https://pilotgate.example.com/').functions.map((f) => f.id) // ['VALUE', 'GAPCLOSED', …, 'SUMMARY']
 */
export function functionsJson(base: string, declarations: readonly FunctionDeclaration[] = PILOT_DECLARATIONS): FunctionsJson {
  return { allowErrorForDataTypeAny: true, allowCustomDataForDataTypeAny: true, functions: declarations.map((d) => functionJson(d, base)) };
}
