/**
 * The one place where the engine's errors become Excel errors (STYLE: errors are values in the
 * core, converted once at the edge). Every custom function runs its model call through
 * `excelResult`, so a cell shows #VALUE!, #NUM!, #N/A or #DIV/0! with a hover message, never a
 * thrown exception, NaN, Infinity or -0.
 */
import { ModelError } from '../model/errors';
import type { ErrorCode } from '../model/errors';

/** The engine's codes (src/model/errors.ts) and the Excel error each becomes. */
function excelCode(code: ErrorCode): CustomFunctions.ErrorCode {
  switch (code) {
    case '#VALUE!':
      return CustomFunctions.ErrorCode.invalidValue;
    case '#NUM!':
      return CustomFunctions.ErrorCode.invalidNumber;
    case '#N/A':
      return CustomFunctions.ErrorCode.notAvailable;
    case '#DIV/0!':
      return CustomFunctions.ErrorCode.divisionByZero;
  }
}

/**
 * Turns anything a model call threw into the Excel error a cell shows. A ModelError keeps its
 * code and message; anything else is a defect, shown as #VALUE! with the message, so it still
 * reaches the person looking at the cell.
 *
 * @example
 *   toExcelError(new ModelError('#VALUE!', '"N/A" is not a value')).code; // "#VALUE!"
 */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof ModelError) return new CustomFunctions.Error(excelCode(error.code), error.message);
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Unexpected error: ${message}`);
}

/**
 * Runs a model call for a custom function: returns its number, or throws the Excel error the
 * cell should show. A non-finite result becomes #NUM! and -0 becomes 0.
 *
 * @example
 *   excelResult(() => parseValue('2 h', 'min')); // 120
 *   excelResult(() => parseValue('N/A'));        // throws CustomFunctions.Error #VALUE!
 */
export function excelResult(compute: () => number): number {
  let result: number;
  try {
    result = compute();
  } catch (error) {
    throw toExcelError(error);
  }
  if (!Number.isFinite(result)) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, `The result is not a finite number (${result}).`);
  }
  return result === 0 ? 0 : result;
}
