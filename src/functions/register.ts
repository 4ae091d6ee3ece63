/**
 * The PILOT functions as Excel calls them: one function per catalogue entry that hands its
 * arguments, positionally, to the shared runner and turns the outcome into a value or an Excel
 * error (errors.ts). Excel finds each under the id functions.json declares for it.
 */
import { CaseCache } from './cache';
import { PILOT_FUNCTIONS, type FunctionContext, type PilotFunction, type PilotValue, type ResultValue } from './catalogue';
import type { PilotFunctionId, SignatureOf } from './signatures';
import { excelValue } from './errors';
import { runPilotFunction } from './runner';

/** A function as Excel's runtime calls it: the arguments in the sheet's order, omitted optionals as null. */
export type ExcelFunction = (...args: unknown[]) => PilotValue;

/** Every PILOT function as Excel calls it, each returning what its declaration promises. */
export type ExcelFunctions = { readonly [Id in PilotFunctionId]: (...args: unknown[]) => ResultValue<SignatureOf<Id>['result']> };

/** The part of Excel's custom-functions runtime that registers a function under an id. */
export interface FunctionRegistry {
  associate(id: string, fn: ExcelFunction): void;
}

/** What the runtime passes after a function's declared arguments (CustomFunctions.Invocation), as far as it is read here. */
interface Invocation {
  /** The address of each argument that is a reference (`Costs!A1:E1`), with requiresParameterAddresses; else absent. */
  parameterAddresses?: readonly (string | null | undefined)[];
}

/**
 * The arguments a function's declaration names, as the runner takes them: Excel passes one value
 * per declared parameter (null for an omitted optional) and then the invocation. A place argument
 * is read for where it is, so its value is replaced by its address, which Excel gives (as
 * `Costs!A1:E1`, or `'Pilot costs'!B3`) when functions.json asks for requiresParameterAddresses;
 * with no address (a value rather than a reference, or a runtime that gave none) it is null and
 * the sentences name table rows only.
 *
 * @example
 *   excelArguments(pilotFunction('REASONS')!, [m, c, r, null, null, [['Metric', '…']], null, null, null, null, { parameterAddresses: ['', '', '', '', '', 'Metrics!A1:I1'] }])
 *   // [m, c, r, null, null, 'Metrics!A1:I1', null, null, null, null]
 */
export function excelArguments(fn: PilotFunction, passed: readonly unknown[]): unknown[] {
  const count = fn.params.length;
  const args = passed.slice(0, count);
  const invocation = passed.length > count ? (passed[count] as Invocation | null | undefined) : undefined;
  const addresses = invocation?.parameterAddresses;
  return args.map((arg, i) => {
    if (fn.params[i].kind !== 'place') return arg;
    const address = addresses?.[i];
    return typeof address === 'string' && address !== '' ? address : null;
  });
}

/**
 * Every PILOT function as Excel calls it, by id, sharing one case cache (so a sheet of PILOT
 * formulas over the same tables evaluates the case once).
 *
 * @example
 *   const pilot = excelFunctions({ cases: new CaseCache() });
 *   pilot.VALUE('2 h', 'min') // 120
 *   pilot.VALUE('N/A')        // throws CustomFunctions.Error #VALUE! with the message
 */
export function excelFunctions(context: FunctionContext): ExcelFunctions {
  // Each value comes out of the runner checked against its declared result kind.
  return Object.fromEntries(
    PILOT_FUNCTIONS.map((fn) => [fn.id, (...args: unknown[]) => excelValue(runPilotFunction(fn.id, excelArguments(fn, args), context))]),
  ) as ExcelFunctions;
}

/**
 * Registers every PILOT function with the runtime under its id, with one case cache for all.
 *
 * @example
 *   associatePilotFunctions(CustomFunctions);
 */
export function associatePilotFunctions(runtime: FunctionRegistry): void {
  const functions = excelFunctions({ cases: new CaseCache() });
  for (const fn of PILOT_FUNCTIONS) runtime.associate(fn.id, functions[fn.id]);
}
