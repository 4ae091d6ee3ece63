/**
 * PILOT formulas for the workbook held in memory: the calls the output block writes
 * (`=PILOT.VERDICT(Metrics[#All],Costs[#All],)`, `=PILOT.THRESHOLD(…,"cost")`), computed by the
 * same runner and catalogue as Excel's custom functions, over the tables they name. So a test of
 * the task pane on this host sees the verdict Excel would show, spills included. Any other
 * formula reads #NAME?, as an unknown function does in Excel.
 */
import { CaseCache } from '../functions/cache';
import { runPilotFunction } from '../functions/runner';
import type { Cell, Grid } from '../model/types';
import { parseA1 } from './a1';
import type { Calculate, MemoryWorkbook } from './memory';
import type { RangeAddress } from './port';

/** Splits a call's arguments at the commas outside quoted text and quoted sheet names. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote === null && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = null;
    if (ch === ',' && quote === null) {
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

/** One argument as Excel hands it over: a table or range as rows of values, text, a number, or null for an empty slot. */
function argumentValue(book: MemoryWorkbook, text: string): unknown {
  if (text === '') return null;
  if (text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/""/g, '"');
  if (/^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text)) return Number(text);
  const table = /^([A-Za-z_][A-Za-z0-9_.]*)\[#All\]$/.exec(text);
  if (table) {
    const found = book.tables.find((t) => t.name.toLowerCase() === table[1].toLowerCase());
    return found ? gridOf(book, found.range) : { code: '#REF!' };
  }
  try {
    return gridOf(book, parseA1(text));
  } catch {
    // Not a reference this host knows: Excel would show #NAME? for the formula.
    return { code: '#NAME?' };
  }
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
    const call = /^=\s*PILOT\.([A-Za-z]+)\((.*)\)\s*$/.exec(formula);
    if (!call) return [['#NAME?']];
    const args = splitArguments(call[2]).map((arg) => argumentValue(book, arg));
    const outcome = runPilotFunction(call[1], args, context);
    if (!outcome.ok) return [[outcome.error.code]];
    return Array.isArray(outcome.value) ? outcome.value : [[outcome.value]];
  };
}
