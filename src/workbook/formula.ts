/**
 * Formulas as data: the use cases plan `{ fn: 'PILOT.VERDICT', args: [...] }` and each host renders
 * it, choosing how a table is referred to.
 */
import { pilotFunction } from '../functions/catalogue';
import { qualifiedA1, rangeA1, sameSheet } from './a1';
import type { FormulaArg, FormulaSpec, TableArg, TablePart } from './port';

/** How a host refers to a table, or to its header row alone. */
export type ReferTable = (arg: TableArg, part?: TablePart) => string;

/**
 * The formula text of a call, `=FN(arg, …)`, with table arguments rendered by `refer` and calls
 * nested inside it rendered the same way. Text is quoted with doubled quotes; a range on `home`
 * (the sheet the formula is written on) is written without its sheet name, as a person would
 * type it. An omitted argument is an empty slot: a PILOT function's required
 * arguments are always written (`=PILOT.VERDICT(Metrics[#All],Costs[#All],)`, the slot read as
 * "no Readiness table"), since Excel answers a call with fewer arguments than the function
 * declares as required with #N/A; omitted optional arguments at the end are dropped.
 *
 * @example
 *   renderFormula({ fn: 'PILOT.THRESHOLD', args: [m, c, { text: 'cost' }] }, excelTableRef)
 *   // '=PILOT.THRESHOLD(Metrics[#All],Costs[#All],"cost")'
 *   renderFormula({ fn: 'PILOT.VERDICT', args: [m, c, { omitted: true }, { omitted: true }] }, excelTableRef)
 *   // '=PILOT.VERDICT(Metrics[#All],Costs[#All],)'
 */
export function renderFormula(spec: FormulaSpec, refer: ReferTable, home?: string): string {
  return `=${renderCall(spec, refer, home)}`;
}

/** Operators a FormulaSpec may name as its `fn`, written between their two arguments. */
const OPERATORS = new Set(['+', '-', '*', '/', '&', '=', '<>', '<', '<=', '>', '>=']);

function renderCall(spec: FormulaSpec, refer: ReferTable, home: string | undefined): string {
  if (isOperation(spec)) {
    // An operation inside another is bracketed, so (a-b)/c is not read as a-b/c.
    return spec.args.map((arg) => ('call' in arg && isOperation(arg.call) ? `(${renderArg(arg, refer, home)})` : renderArg(arg, refer, home))).join(spec.fn);
  }
  const params = pilotFunction(spec.fn)?.params ?? [];
  const args = [...spec.args];
  const kept = params.reduce((count, p, i) => (p.optional ? count : i + 1), 0);
  while (args.length > kept && isOmitted(args[args.length - 1])) args.pop();
  const text = args.map((arg) => renderArg(arg, refer, home));
  // `F()` reads as a call with no argument at all: a lone empty slot is written as two, `F(,)`.
  if (text.length === 1 && text[0] === '' && params.length > 1) text.push('');
  return `${spec.fn}(${text.join(',')})`;
}

function isOperation(spec: FormulaSpec): boolean {
  return OPERATORS.has(spec.fn) && spec.args.length === 2;
}

function isOmitted(arg: FormulaArg): boolean {
  return 'omitted' in arg;
}

function renderArg(arg: FormulaArg, refer: ReferTable, home: string | undefined): string {
  if ('omitted' in arg) return '';
  if ('text' in arg) return `"${arg.text.replace(/"/g, '""')}"`;
  if ('number' in arg) return String(arg.number);
  if ('boolean' in arg) return arg.boolean ? 'TRUE' : 'FALSE';
  if ('call' in arg) return renderCall(arg.call, refer, home);
  if ('ref' in arg) return home !== undefined && sameSheet(home, arg.ref.sheet) ? rangeA1(arg.ref, true) : qualifiedA1(arg.ref, true);
  if ('place' in arg) return refer(arg.place, 'headers');
  return refer(arg);
}

/**
 * How Excel refers to a table argument: an Excel table by its structured reference with the
 * header row (`Metrics[#All]`), so the reference grows with the table, and moves and follows a
 * renamed sheet; a plain range by its absolute address. Its header row alone is `Metrics[#Headers]`,
 * or the range's first row.
 *
 * @example
 *   excelTableRef({ table: { kind: 'table', name: 'Metrics', sheet: 'Metrics' }, range })            // 'Metrics[#All]'
 *   excelTableRef({ table: { kind: 'table', name: 'Metrics', sheet: 'Metrics' }, range }, 'headers') // 'Metrics[#Headers]'
 */
export function excelTableRef(arg: TableArg, part: TablePart = 'all'): string {
  if (arg.table.kind === 'table') return `${arg.table.name}[${part === 'all' ? '#All' : '#Headers'}]`;
  return absoluteRangeRef(arg, part);
}

/**
 * How a host without tables refers to a table argument: its absolute address (its first row for the header row).
 *
 * @example
 *   absoluteRangeRef({ table, range: { sheet: 'Costs', row: 0, column: 0, rows: 9, columns: 5 } })            // 'Costs!$A$1:$E$9'
 *   absoluteRangeRef({ table, range: { sheet: 'Costs', row: 0, column: 0, rows: 9, columns: 5 } }, 'headers') // 'Costs!$A$1:$E$1'
 */
export function absoluteRangeRef(arg: TableArg, part: TablePart = 'all'): string {
  return qualifiedA1(part === 'all' ? arg.range : { ...arg.range, rows: 1 }, true);
}
