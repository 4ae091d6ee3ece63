/**
 * The part of Excel's custom functions runtime that src/functions uses (the Error class and
 * the error codes, with the values of @types/custom-functions-runtime), for tests in Node,
 * where Excel does not provide the CustomFunctions global.
 */
class RuntimeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const customFunctionsRuntime = {
  Error: RuntimeError,
  ErrorCode: {
    invalidValue: '#VALUE!',
    notAvailable: '#N/A',
    divisionByZero: '#DIV/0!',
    invalidNumber: '#NUM!',
    nullReference: '#NULL!',
    invalidName: '#NAME?',
    invalidReference: '#REF!',
  },
};

/**
 * Installs the runtime as the CustomFunctions global.
 *
 * @example
 *   beforeAll(installCustomFunctionsRuntime);
 */
export function installCustomFunctionsRuntime(): void {
  Object.assign(globalThis, { CustomFunctions: customFunctionsRuntime });
}

/**
 * What a call threw, for assertions on Excel errors; fails when it throws nothing.
 *
 * @example
 *   expect(thrownBy(() => value('N/A'))).toMatchObject({ code: '#VALUE!' });
 */
export function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}
