/**
 * What goes into a workbench cell, from two directions.
 *
 * A person typing or pasting into the grid: a formula (`=…`) or a plain number (`42`, `-3.5`,
 * `1e3`) is entered as such; everything else is kept as the text typed, so `12 min`, `$3.40`,
 * `4.2%` and `1,200` reach the engine with their units (SPEC §3.1 reads them). Excel would turn
 * `$3.40` typed into a General cell into the number 3.4 and drop the dollar sign, which the
 * engine could then only read through the Unit column; the workbench does not, because it is
 * where people try pasted tables. A cell formatted as text (`@`, as the template's input cells
 * are) keeps whatever is typed, formulas included, as in Excel. A leading `'` forces text.
 *
 * The task pane writing through the port: values are entered as Excel enters values written by
 * Office.js, so the workbench shows what Excel would: number-like text in a cell not formatted
 * as text becomes a number (`4.2%` → 0.042 formatted `0.0%`), `=…` becomes a formula.
 */
import type { Cell } from '../../model/types';
import { TEXT_FORMAT, typedNumber } from '../typed-number';


export type Entry =
  | { kind: 'empty' }
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; value: string | number | boolean; format?: string };

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * What a person's typing puts into a cell with number format `format`.
 *
 * @example
 *   personEntry('12 min', 'General')  // { kind: 'value', value: '12 min' }
 *   personEntry('42', 'General')      // { kind: 'value', value: 42 }
 *   personEntry('=1+1', 'General')    // { kind: 'formula', formula: '=1+1' }
 *   personEntry('42', '@')            // { kind: 'value', value: '42' }
 */
export function personEntry(typed: string, format: string): Entry {
  if (typed === '') return { kind: 'empty' };
  if (format === TEXT_FORMAT) return { kind: 'value', value: typed };
  if (typed.startsWith("'")) return typed.length === 1 ? { kind: 'empty' } : { kind: 'value', value: typed.slice(1) };
  if (typed.startsWith('=') && typed.length > 1) return { kind: 'formula', formula: typed };
  const trimmed = typed.trim();
  if (PLAIN_NUMBER.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return { kind: 'value', value: Object.is(value, -0) ? 0 : value };
  }
  return { kind: 'value', value: typed };
}

/**
 * What a value written through the port puts into a cell with number format `format`, as
 * Excel enters values written by Office.js.
 *
 * @example
 *   hostEntry('$3.40', 'General') // { kind: 'value', value: 3.4, format: '$#,##0.00' }
 *   hostEntry('$3.40', '@')       // { kind: 'value', value: '$3.40' }
 *   hostEntry('', 'General')      // { kind: 'empty' }
 */
export function hostEntry(value: Cell, format: string): Entry {
  if (value === null || value === '') return { kind: 'empty' };
  if (typeof value !== 'string' || format === TEXT_FORMAT) return { kind: 'value', value };
  if (value.startsWith('=') && value.length > 1) return { kind: 'formula', formula: value };
  const typed = typedNumber(value);
  if (typed) return { kind: 'value', value: typed.value, ...(format === 'General' && typed.format !== 'General' ? { format: typed.format } : {}) };
  return { kind: 'value', value };
}

/**
 * The text an editor starts from for a cell, such that committing it unchanged enters the same
 * content: a formula as written, a number in full, and text that would otherwise read as a
 * number or formula behind a `'`.
 *
 * @example
 *   editText({ formula: null, value: 0.042 }, '0.0%')   // '0.042'
 *   editText({ formula: null, value: '42' }, 'General') // "'42"
 *   editText({ formula: '=PILOT.VERDICT(Metrics,Costs)', value: 'KILL' }, 'General') // '=PILOT.VERDICT(Metrics,Costs)'
 */
export function editText(content: { formula: string | null; value: Cell }, format: string): string {
  if (content.formula !== null) return content.formula;
  const value = content.value;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  const again = personEntry(value, format);
  return again.kind === 'value' && again.value === value ? value : `'${value}`;
}
