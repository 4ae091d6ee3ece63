/**
 * Excel custom functions (namespace PILOT, set in manifest.xml). Each is a one-line adapter from
 * Excel's arguments to a model call; src/functions/errors.ts turns model errors into Excel errors.
 * The JSDoc tags are the functions' metadata: custom-functions-metadata-plugin reads them at build
 * time to write functions.json and to register each function, so nothing here calls
 * CustomFunctions.associate.
 */
import { parseValue } from '../model/values';
import { excelResult } from './errors';

/**
 * Reads a pasted value such as "12 min", "$3.40" or "4.2%" as a number, in the given unit.
 * @customfunction VALUE
 * @param text The cell or text to read, such as "2 h" or "$3.40".
 * @param [unit] The unit to convert to, such as "min" or "h".
 * @returns The number, in `unit` when given; text that is not a value is #VALUE!, never 0.
 * @example
 *   value('2 h', 'min'); // 120 (in Excel: =PILOT.VALUE("2 h","min"))
 */
export function value(text: string | number | boolean | null, unit?: string): number {
  // Excel hands an omitted optional argument over as null.
  return excelResult(() => parseValue(text, unit ?? undefined));
}
