/**
 * The one place where the engine's errors become Excel errors (STYLE: errors are values in the
 * core, converted once at the edge). Every custom function's outcome passes through
 * `excelValue`, so a cell shows #VALUE!, #NUM!, #N/A or #DIV/0!, never a thrown exception,
 * NaN, Infinity or -0 (runner.ts has already checked every number).
 *
 * Excel shows a custom message (the hover text of the error flag) only with #VALUE! and #N/A;
 * the runtime's ErrorCode documentation says #NUM! and #DIV/0! cannot carry one, so those are
 * raised with their code alone. (The HyperFormula plugin keeps every message.)
 */
import { ModelError } from '../model/errors';
import type { ErrorCode } from '../model/errors';
import type { PilotValue } from './catalogue';
import type { PilotOutcome } from './runner';

/** The codes whose Error may carry a message in Excel. */
const CODES_WITH_MESSAGE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['#VALUE!', '#N/A']);

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
 * code, and its message where Excel can show one; anything else is a defect, shown as #VALUE!
 * with its message, so it still reaches the person looking at the cell.
 *
 * @example
 *   toExcelError(new ModelError('#VALUE!', '"N/A" is not a value')).code; // "#VALUE!"
 *   toExcelError(new ModelError('#NUM!', 'IRR has no solution')).message;  // undefined
 */
export function toExcelError(error: unknown): CustomFunctions.Error {
  const model =
    error instanceof ModelError
      ? error
      : new ModelError('#VALUE!', `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  const code = excelCode(model.code);
  return CODES_WITH_MESSAGE.has(model.code) ? new CustomFunctions.Error(code, model.message) : new CustomFunctions.Error(code);
}

/**
 * What a custom function returns for an outcome of runPilotFunction: the value, or the thrown
 * CustomFunctions.Error that Excel shows in the cell.
 *
 * @example
 *   excelValue({ ok: true, value: 120 });                                     // 120
 *   excelValue({ ok: false, error: new ModelError('#N/A', 'never') });        // throws #N/A "never"
 */
export function excelValue(outcome: PilotOutcome): PilotValue {
  if (outcome.ok) return outcome.value;
  throw toExcelError(outcome.error);
}
