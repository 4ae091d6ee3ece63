/**
 * What a cell of an .xlsx file holds, as Excel hands it to a custom function: a number (dates
 * too: Excel passes a date as its serial number), text (rich text and a hyperlink's text read as
 * their plain text), TRUE/FALSE, or nothing; a formula as the value it last gave. An error value
 * arrives as its text (`#N/A`), which the engine reports as "not a value" on that cell.
 */
import type ExcelJS from 'exceljs';
import type { Cell } from '../../model/types';

/** Milliseconds in a day, and the day Excel's 1900 serial numbers count from (30 Dec 1899, so that 1 is 1 Jan 1900 with Lotus's leap day). */
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** The 1904 date system (old Mac workbooks) counts from 1 Jan 1904. */
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A value of the shapes exceljs gives, beyond plain numbers, text and booleans. */
type Structured = Partial<{
  richText: { text: string }[];
  text: unknown;
  hyperlink: string;
  formula: string;
  sharedFormula: string;
  result: unknown;
  error: string;
}>;

/**
 * A cell's value as Excel hands it over.
 *
 * @example
 *   handedOver({ richText: [{ text: '12 ' }, { text: 'min' }] }, false) // '12 min'
 *   handedOver({ formula: 'B2*2', result: 24 }, false)                 // 24
 *   handedOver(new Date(Date.UTC(2025, 0, 1)), false)                   // 45658
 */
export function handedOver(value: ExcelJS.CellValue | undefined, date1904: boolean): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return serialOf(value, date1904);
  const v = value as Structured;
  if (Array.isArray(v.richText)) return v.richText.map((run) => run.text).join('');
  if (v.hyperlink !== undefined) return handedOver(v.text as ExcelJS.CellValue, date1904);
  if (v.formula !== undefined || v.sharedFormula !== undefined) return handedOver(v.result as ExcelJS.CellValue, date1904);
  if (typeof v.error === 'string') return v.error;
  return null;
}

/**
 * Excel's serial number of a date: days since its epoch, the time of day as the fraction.
 *
 * @example
 *   serialOf(new Date(Date.UTC(1900, 0, 1)), false) // 2 (Excel counts 29 Feb 1900, which never was)
 */
export function serialOf(date: Date, date1904: boolean): number {
  return (date.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
}

/**
 * A cell's formula as a person reads it (`=PILOT.VERDICT(…)`), or null when it holds a value.
 * The file form of the add-in's functions (`_xldudf_PILOT_VERDICT`) reads as the name people type.
 *
 * @example
 *   formulaText({ formula: '_xldudf_PILOT_NPV(Metrics[#All],Costs[#All])', result: 1 }) // '=PILOT.NPV(Metrics[#All],Costs[#All])'
 */
export function formulaText(value: ExcelJS.CellValue | undefined): string | null {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return null;
  const v = value as Structured;
  const text = v.formula ?? v.sharedFormula;
  return typeof text === 'string' ? `=${fromFileForm(text)}` : null;
}

/** How Excel stores a call of an Office add-in's JavaScript function in a file: `_xldudf_` and the namespace joined with `_`. */
const FILE_PREFIX = '_xldudf_';

/**
 * A formula as the file stores it: each `PILOT.NAME(` becomes `_xldudf_PILOT_NAME(`, the form
 * Excel writes for a JavaScript custom function and recognises when the add-in is loaded.
 *
 * @example
 *   toFileForm('PILOT.THRESHOLD(Metrics[#All],Costs[#All],"cost")') // '_xldudf_PILOT_THRESHOLD(Metrics[#All],Costs[#All],"cost")'
 */
export function toFileForm(formula: string): string {
  return mapOutsideText(formula, (code) => code.replace(/(^|[^A-Za-z0-9_.])PILOT\.([A-Za-z]+)\(/gi, (_m, before: string, name: string) => `${before}${FILE_PREFIX}PILOT_${name.toUpperCase()}(`));
}

/**
 * The formula people type for a file's `_xldudf_PILOT_NAME(`.
 *
 * @example
 *   fromFileForm('_xldudf_PILOT_VERDICT(A1:B2,C1:D2,)') // 'PILOT.VERDICT(A1:B2,C1:D2,)'
 */
export function fromFileForm(formula: string): string {
  return mapOutsideText(formula, (code) => code.replace(/_xldudf_PILOT_([A-Za-z]+)\(/gi, (_m, name: string) => `PILOT.${name.toUpperCase()}(`));
}

/** Applies `f` to the parts of a formula outside quoted text, so a reason that mentions PILOT.NPV( is left alone. */
function mapOutsideText(formula: string, f: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join('');
}
