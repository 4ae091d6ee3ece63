/**
 * PILOT formulas for the workbook held in memory: the calls the output block writes
 * (`=PILOT.VERDICT(IF(ISBLANK(Metrics[#All]),"",Metrics[#All]),…)`, `=IFNA(PILOT.THRESHOLD(…),"never")`,
 * `=INDEX(PILOT.SUMMARY(…),6,2)`), computed by the same runner and catalogue as Excel's custom
 * functions, over the tables they name. So a test of the task pane on this host sees the verdict
 * Excel would show, spills included. It reads PILOT calls and the few functions the block wraps
 * them in (IF(ISBLANK(…)), IFNA, IFERROR, INDEX); any other formula reads #NAME?, as an unknown
 * function does in Excel.
 */
import { CaseCache } from '../functions/cache';
import { pilotFunction } from '../functions/catalogue';
import { runPilotFunction } from '../functions/runner';
import type { Cell, Grid } from '../model/types';
import { parseA1, qualifiedA1 } from './a1';
import type { Calculate, MemoryWorkbook } from './memory';
import type { RangeAddress } from './port';

/** Splits a call's arguments at the commas outside quoted text, quoted sheet names and parentheses. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let quote: string | null = null;
  let depth = 0;
  for (const ch of text) {
    if (quote === null && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = null;
    else if (quote === null && ch === '(') depth++;
    else if (quote === null && ch === ')') depth--;
    if (ch === ',' && quote === null && depth === 0) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  args.push(current.trim());
  return args;
}

function gridOf(book: MemoryWorkbook, range: RangeAddress): Grid {
  return Array.from({ length: range.rows }, (_, r) =>
    Array.from({ length: range.columns }, (_, c): Cell => book.valueAt({ sheet: range.sheet, row: range.row + r, column: range.column + c })),
  );
}

/** The cells a reference names: a table's whole range (`Metrics[#All]`) or header row (`Metrics[#Headers]`), or an address; null when it names none. */
function referenced(book: MemoryWorkbook, text: string): RangeAddress | { code: string } {
  const table = /^([A-Za-z_][A-Za-z0-9_.]*)\[#(All|Headers)\]$/i.exec(text);
  if (table) {
    const found = book.tables.find((t) => t.name.toLowerCase() === table[1].toLowerCase());
    if (!found) return { code: '#REF!' };
    return table[2].toLowerCase() === 'all' ? found.range : { ...found.range, rows: 1 };
  }
  try {
    return parseA1(text);
  } catch {
    // Not a reference this host knows: Excel would show #NAME? for the formula.
    return { code: '#NAME?' };
  }
}

/** A reference as Excel hands it over: a table or range as rows of values. */
function reference(book: MemoryWorkbook, text: string): unknown {
  const range = referenced(book, text);
  return isError(range) ? range : gridOf(book, range);
}

/** A place argument as Excel's parameterAddresses gives it (`Metrics!A1:I1`); null for anything but a reference. */
function addressOf(book: MemoryWorkbook, text: string): string | null {
  const range = referenced(book, text);
  return isError(range) ? null : qualifiedA1(range);
}

/** What an expression gives: a value, rows of values, or an Excel error `{ code }`. */
type Value = unknown;

function isError(value: Value): value is { code: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { code?: unknown }).code === 'string';
}

/** Text joined as Excel's CONCATENATE joins it: numbers as their shortest text, the first error wins, a range is #VALUE!. */
function concatenated(parts: readonly Value[]): Value {
  let text = '';
  for (const part of parts) {
    if (isError(part)) return part;
    if (Array.isArray(part) || (typeof part === 'object' && part !== null)) return { code: '#VALUE!' };
    text += typeof part === 'boolean' ? (part ? 'TRUE' : 'FALSE') : part === null ? '' : String(part);
  }
  return text;
}

/** One expression as Excel would evaluate it, as far as the block's formulas need. */
function evaluate(book: MemoryWorkbook, text: string, context: { cases: CaseCache }): Value {
  if (text === '') return null;
  if (text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/""/g, '"');
  if (/^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text)) return Number(text);
  const call = /^([A-Za-z.]+)\((.*)\)$/s.exec(text);
  if (!call) return reference(book, text);
  const name = call[1].toUpperCase();
  const args = splitArguments(call[2]);
  if (name.startsWith('PILOT.')) {
    const params = pilotFunction(name)?.params ?? [];
    const values = args.map((a, i) => (params[i]?.kind === 'place' ? addressOf(book, a) : evaluate(book, a, context)));
    const outcome = runPilotFunction(name.slice('PILOT.'.length), values, context);
    if (!outcome.ok) return { code: outcome.error.code };
    return outcome.value;
  }
  const blank = /^ISBLANK\((.*)\)$/i.exec(args[0] ?? '');
  if (name === 'IF' && blank && args.length === 3 && args[1] === '""' && args[2] === blank[1]) {
    // IF(ISBLANK(t),"",t): the table with its blank cells as "".
    const value = evaluate(book, args[2], context);
    return Array.isArray(value) ? value.map((row: Cell[]) => row.map((cell) => (cell === null ? '' : cell))) : value === null ? '' : value;
  }
  if ((name === 'IFNA' || name === 'IFERROR') && args.length === 2) {
    const value = evaluate(book, args[0], context);
    return isError(value) && (name === 'IFERROR' || value.code === '#N/A') ? evaluate(book, args[1], context) : value;
  }
  if (name === 'CONCATENATE') return concatenated(args.map((arg) => evaluate(book, arg, context)));
  if (name === 'INDEX' && args.length === 3) {
    const value = evaluate(book, args[0], context);
    if (isError(value)) return value;
    const rows = Array.isArray(value) ? (value as Cell[][]) : [[value as Cell]];
    const cell = rows[Number(evaluate(book, args[1], context)) - 1]?.[Number(evaluate(book, args[2], context)) - 1];
    return cell === undefined ? { code: '#REF!' } : cell;
  }
  return { code: '#NAME?' };
}

/**
 * A calculator for MemoryWorkbook that computes PILOT calls with the add-in's own runner, with
 * its own case cache (one per workbook, as Excel's runtime has one).
 *
 * @example
 *   const book = new MemoryWorkbook({ calculate: pilotFormulas() });
 *   book.setValues({ sheet: 'Sheet1', row: 0, column: 0 }, [['=PILOT.VALUE("2 h","min")']]);
 *   book.valueAt({ sheet: 'Sheet1', row: 0, column: 0 }); // 120
 */
export function pilotFormulas(): Calculate {
  const context = { cases: new CaseCache() };
  return (formula, book) => {
    const value = evaluate(book, /^=\s*(.*?)\s*$/s.exec(formula)?.[1] ?? '', context);
    if (isError(value)) return [[value.code]];
    if (Array.isArray(value)) return value as Grid;
    return [[value as Cell]];
  };
}
