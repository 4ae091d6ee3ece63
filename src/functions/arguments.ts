/**
 * Arguments as a host hands them to a PILOT function, made into the engine's shapes: a whole
 * table with its header row becomes a Grid, a single cell becomes a Cell, an omitted optional
 * becomes undefined. Excel passes blank cells as "" and omitted arguments as null; HyperFormula
 * passes its own empty marker, which its adapter turns into null before calling here.
 *
 * An Excel error value (#DIV/0!, #N/A …) or a data type inside an argument is not a value: it
 * becomes a #VALUE! that names the table (or argument), the row and the column, instead of
 * silently reading as blank or zero. A text or number argument is held to what its declaration
 * accepts (its words, its range) and takes its declared default when omitted.
 */
import { CaseInputError, ModelError, andMore } from '../model/errors';
import { excerpt, quoted } from '../model/format';
import { ASSUMPTIONS, COSTS, METRICS, READINESS, isBlank, normalizeName, type TableSpec } from '../model/tables';
import { parseA1 } from '../model/a1';
import type { Cell, Grid, Problem, TableName, TablePlace } from '../model/types';
import { parseValue } from '../model/values';
import type { ParamSignature } from './signatures';
import type { Outcome } from './outcome';

/** A cell as read from a host: its value, or what it holds instead of one. */
type ReadCell = Outcome<Cell, string>;

/**
 * The most error cells of one argument kept as problems; the rest are counted. A column of a
 * million #N/A is one message saying how many, not a million problems built and dropped.
 */
const KEPT_PROBLEMS = 1_000;

const TABLE_SPECS: Partial<Record<TableName, TableSpec>> = {
  Metrics: METRICS,
  Costs: COSTS,
  Readiness: READINESS,
  Assumptions: ASSUMPTIONS,
};

/**
 * What an error or data-type value inside an argument is, for a message; null for a plain value.
 * Excel hands error cells over as CustomFunctions.Error objects (`code` "#DIV/0!"); hosts that
 * adapt other engines pass an object with the same `code`.
 *
 * @example
 *   describeNonValue({ code: '#N/A' }) // 'the Excel error #N/A'
 *   describeNonValue(12)               // null
 */
export function describeNonValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    const code = (value as { code?: unknown }).code;
    return typeof code === 'string' && code.startsWith('#') ? `the Excel error ${code}` : 'a data type or object, not a value';
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return `a number that is not finite (${value})`;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return null;
  return `a ${typeof value}, not a value`;
}

/**
 * True for a host value a table can hold as it is: text ("" for a blank cell, as Excel hands one
 * over), a finite number other than -0, TRUE/FALSE, null. Every cell of a range passes here.
 */
function asIs(value: unknown): value is Cell {
  if (typeof value === 'string' || value === null) return true;
  // value - value is 0 for a finite number only; 1 / -0 is -Infinity.
  if (typeof value === 'number') return value - value === 0 && (value !== 0 || 1 / value > 0);
  return typeof value === 'boolean';
}

/** True for a host value that is an empty cell: null, undefined or "". */
function emptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/**
 * How many rows hold anything: the rows after the last one that does are dropped, so a
 * whole-column reference (a million rows, a handful filled) costs one look at each empty cell.
 */
function filledLength(rows: readonly (readonly unknown[])[]): number {
  let end = rows.length;
  for (; end > 1; end--) {
    const row = rows[end - 1];
    let c = 0;
    while (c < row.length && emptyValue(row[c])) c++;
    if (c < row.length) break;
  }
  return end;
}

/** One host value as a Cell: "" and undefined are blank (null), -0 is 0. */
function readCell(value: unknown): ReadCell {
  const holds = describeNonValue(value);
  if (holds !== null) return { ok: false, error: holds };
  if (value === undefined || value === null || value === '') return { ok: true, value: null };
  if (typeof value === 'number') return { ok: true, value: value === 0 ? 0 : value };
  return { ok: true, value: value as Cell };
}

/** True when a host passed nothing for an argument: omitted, null, or a single empty cell. */
function isNothing(value: unknown): boolean {
  const empty = (raw: unknown): boolean => {
    const read = readCell(raw);
    return read.ok && read.value === null;
  };
  if (!Array.isArray(value)) return empty(value);
  const rows = rowsOf(value);
  return rows.length === 0 || (rows.length === 1 && (rows[0].length === 0 || (rows[0].length === 1 && empty(rows[0][0]))));
}

/**
 * Array.isArray, looked up once: in a vm context (jest runs every test in one) each read of a
 * global costs hundreds of nanoseconds, and a million rows' worth of them most of a second.
 */
const isArray = Array.isArray;

/** A host value as rows of raw values: a 2-D array as is, a 1-D array as one row, a scalar as one cell. */
function rowsOf(value: unknown): unknown[][] {
  if (!isArray(value)) return [[value]];
  for (let r = 0; r < value.length; r++) if (!isArray(value[r])) return [value];
  return value as unknown[][];
}

/** The canonical column name (SPEC §2) a header cell stands for, else its own text, else its position. */
function columnName(header: readonly unknown[], index: number, spec: TableSpec | undefined): string {
  const text = header[index];
  if (typeof text === 'string' && text.trim() !== '') {
    const key = normalizeName(text);
    const column = spec?.columns.find((col) => [col.name, ...col.synonyms].some((name) => normalizeName(name) === key));
    return column ? column.name : excerpt(text.trim());
  }
  return `column ${index + 1}`;
}

/**
 * A table argument (`Metrics[#All]`: the header row first) as a Grid, or undefined when the
 * argument was omitted or is one blank cell; the empty rows at its end are left out (a table's
 * rows keep their numbers). A blank cell stays as the host gave it, "" or null (undefined becomes
 * null), as the engine reads both as blank (SPEC §5); -0 becomes 0. A row that needs no change is
 * the host's own row, not a copy: a pasted million rows cost one look at each cell. Error values
 * inside it throw CaseInputError with one problem per cell, each naming the table, the row (1 =
 * header) and the column.
 *
 * @example
 *   readTableArg([['Metric', 'Baseline'], ['Errors', undefined]], 'Metrics') // [['Metric', 'Baseline'], ['Errors', null]]
 *   readTableArg(null, 'Readiness')                                          // undefined
 */
export function readTableArg(value: unknown, table: TableName): Grid | undefined {
  if (isNothing(value)) return undefined;
  const rows = rowsOf(value);
  const problems: Problem[] = [];
  let bad = 0;
  const header = rows[0] ?? [];
  const names: string[] = [];
  const end = filledLength(rows);
  // The host's own rows, until one needs a change: then a copy of the rows, that row a copy of its own.
  let grid: unknown[][] | null = null;
  for (let r = 0; r < end; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      if (asIs(row[c])) continue;
      const holds = describeNonValue(row[c]);
      if (holds === null) {
        // undefined or -0: the grid is thrown away once a cell holds an error, so only a grid without one is copied.
        if (bad > 0) continue;
        grid ??= rows.slice(0, end);
        if (grid[r] === row) grid[r] = row.slice();
        grid[r][c] = row[c] === undefined ? null : 0;
        continue;
      }
      if (++bad > KEPT_PROBLEMS) continue;
      names[c] ??= columnName(header, c, TABLE_SPECS[table]);
      problems.push({
        table,
        row: r + 1,
        column: r === 0 ? `column ${c + 1}` : names[c],
        message: `the cell holds ${holds}: expected a value (fix the cell or clear it)`,
      });
    }
  }
  if (problems.length > 0) throw new CaseInputError(problems, bad);
  return (grid ?? (end === rows.length ? rows : rows.slice(0, end))) as Grid;
}

/**
 * A range argument that is not a table (a row of cash flows, a list of costs) as a Grid, or
 * undefined when omitted. An error value inside it is a #VALUE! naming the argument, row and
 * column within the range.
 *
 * @example
 *   readRangeArg([[-100, 60, 60]], 'cashflows') // [[-100, 60, 60]]
 */
export function readRangeArg(value: unknown, name: string): Grid | undefined {
  if (isNothing(value)) return undefined;
  let first: string | null = null;
  let bad = 0;
  const grid = rowsOf(value).map((row, r) =>
    row.map((raw, c) => {
      const read = readCell(raw);
      if (read.ok) return read.value;
      bad += 1;
      first ??= `${name} row ${r + 1}, column ${c + 1}: the cell holds ${read.error}: expected a value`;
      return null;
    }),
  );
  if (first !== null) throw new ModelError('#VALUE!', andMore(first, bad - 1, 'cell'));
  return grid;
}

/**
 * A one-cell argument as a Cell (null when omitted or blank). A range of more than one cell, an
 * error value or a data type is a #VALUE! naming the argument.
 *
 * @example
 *   readCellArg('12 min', 'baseline') // '12 min'
 *   readCellArg([[3]], 'pilot')       // 3
 */
export function readCellArg(value: unknown, name: string): Cell {
  let raw = value;
  if (Array.isArray(raw)) {
    const rows = rowsOf(raw);
    if (rows.length !== 1 || rows[0].length !== 1) {
      throw new ModelError('#VALUE!', `${name}: expected one cell, got a range of ${rows.length} × ${rows[0]?.length ?? 0} cells`);
    }
    raw = rows[0][0];
  }
  const read = readCell(raw);
  if (!read.ok) throw new ModelError('#VALUE!', `${name}: the cell holds ${read.error}: expected a value`);
  return read.value;
}

/**
 * Where a table is, from the address its host hands over for a place argument (`Costs!A1:E1`,
 * `'Pilot costs'!$B$3`): the top-left cell. Undefined when the host gave no address — the
 * argument omitted, or a host that hands a reference's values but not where it is — so the
 * sentences name table rows only. Text that is not an address is a #VALUE! naming the argument.
 *
 * @example
 *   readPlaceArg("'Pilot costs'!B3:F3", 'costsAt') // { sheet: 'Pilot costs', row: 2, column: 1 }
 *   readPlaceArg('[Book1.xlsx]Costs!A1:E1', 'costsAt') // { sheet: 'Costs', row: 0, column: 0 }
 *   readPlaceArg([['Category', 'Pilot']], 'costsAt') // undefined: values, no address
 */
export function readPlaceArg(value: unknown, name: string, expected?: string): TablePlace | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    // Excel may put the workbook before the sheet (`[Book1.xlsx]Costs!A1:E1`, quoted as one name when either has a space).
    const { sheet, row, column } = parseA1(value.trim().replace(/^'\[[^\]]*\]/, "'").replace(/^\[[^\]]*\]/, ''));
    return { sheet, row, column };
  } catch {
    throw new ModelError('#VALUE!', `${name}: expected ${expected ?? 'a reference to a table\'s header row'}; got "${value}"`);
  }
}

/** `"adoption", "volume" or "cost"`. */
function quotedChoices(choices: readonly string[]): string {
  const quoted = choices.map((c) => `"${c}"`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** A text argument, trimmed (TRUE and FALSE as words); undefined when omitted or blank. */
function readText(value: unknown, name: string): string | undefined {
  const cell = readCellArg(value, name);
  if (cell === null) return undefined;
  const text = typeof cell === 'boolean' ? (cell ? 'TRUE' : 'FALSE') : String(cell).trim();
  return text === '' ? undefined : text;
}

/** A number argument (text such as "12" read as a value); undefined when omitted or blank. */
function readNumber(value: unknown, name: string): number | undefined {
  const cell = readCellArg(value, name);
  if (isBlank(cell)) return undefined;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') throw new ModelError('#VALUE!', `${name}: expected a number, got ${cell ? 'TRUE' : 'FALSE'}`);
  try {
    return parseValue(cell);
  } catch (error) {
    if (error instanceof ModelError) throw new ModelError('#VALUE!', `${name}: ${error.message}`);
    throw error;
  }
}

/** Whether a number lies in a declared range. */
function inRange(n: number, range: NonNullable<ParamSignature['range']>): boolean {
  return (range.above === undefined || n > range.above) && (range.min === undefined || n >= range.min) && (range.max === undefined || n <= range.max);
}

function rangeText(range: NonNullable<ParamSignature['range']>): string {
  const parts = [
    range.above === undefined ? null : `above ${range.above}`,
    range.min === undefined ? null : `at least ${range.min}`,
    range.max === undefined ? null : `at most ${range.max}`,
  ].filter((part): part is string => part !== null);
  return `a number ${parts.join(' and ')}`;
}

/**
 * One argument as its declaration says: a table or range as a Grid (undefined when omitted), a
 * cell as a Cell, a text (one of its declared words, as declared) or a number (within its
 * declared range), the declared default standing in for an omitted or blank one. Throws the
 * #VALUE! a cell shows, naming the argument, when the value is not one it accepts.
 *
 * @example
 *   readArgument({ name: 'which', kind: 'text', optional: false, choices: ['adoption', 'cost'], description: '…' }, ' Cost ') // 'cost'
 *   readArgument({ name: 'periodsPerYear', kind: 'number', optional: true, default: 12, description: '…' }, null)          // 12
 */
export function readArgument(param: ParamSignature, value: unknown): unknown {
  switch (param.kind) {
    case 'table':
      return readTableArg(value, param.table ?? 'Metrics');
    case 'range':
      return readRangeArg(value, param.name);
    case 'cell':
      return readCellArg(value, param.name);
    case 'place':
      return readPlaceArg(value, param.name, param.expected);
    case 'text': {
      const text = readText(value, param.name) ?? (typeof param.default === 'string' ? param.default : undefined);
      if (param.choices === undefined) {
        if (text === undefined && !param.optional) throw new ModelError('#VALUE!', `${param.name}: the cell is blank: expected ${param.expected ?? 'text'}`);
        return text;
      }
      const chosen = param.choices.find((choice) => choice.toLowerCase() === text?.toLowerCase());
      if (chosen === undefined && (text !== undefined || !param.optional)) {
        throw new ModelError('#VALUE!', `${param.name}: expected ${param.expected ?? quotedChoices(param.choices)}; got ${quoted(text ?? '')}`);
      }
      return chosen;
    }
    case 'number': {
      const n = readNumber(value, param.name) ?? (typeof param.default === 'number' ? param.default : undefined);
      if (n === undefined) {
        if (!param.optional) throw new ModelError('#VALUE!', `${param.name}: the cell is blank: expected ${param.expected ?? 'a number'}`);
        return undefined;
      }
      if (param.range !== undefined && !inRange(n, param.range)) {
        throw new ModelError('#VALUE!', `${param.name}: expected ${param.expected ?? rangeText(param.range)}; got ${n}`);
      }
      return n;
    }
  }
}

/**
 * Every argument of a call, by name, as the declarations say; arguments a host left out are omitted.
 *
 * @example
 *   readArguments(pilotFunction('VALUE')!.params, ['2 h']) // { text: '2 h', unit: undefined }
 */
export function readArguments(params: readonly ParamSignature[], values: readonly unknown[]): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  params.forEach((param, i) => {
    args[param.name] = readArgument(param, values[i]);
  });
  return args;
}
