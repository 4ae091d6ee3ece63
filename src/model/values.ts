import { ModelError } from './errors';
import { isBlank } from './tables';
import type { Cell } from './types';
import type { UnitExpr, UnitTerm } from './units';
import {
  NO_UNIT,
  convertUnit,
  currencyCode,
  currencyOf,
  sameDimension,
  timeUnit,
  unitCurrency,
  unitLabel,
  unitTerm,
} from './units';

/**
 * Pasted values (SPEC §3.1). Every parser throws ModelError('#VALUE!') whose message quotes
 * the text and says what was expected; callers add the table, row and column.
 */

/** Magnitudes above this are an error (SPEC §3.1): no pasted business figure is that large. */
export const MAX_MAGNITUDE = 1e15;

const EXPECTED_VALUE = 'expected a number such as 1,200, 12 min, $3.40 or 4.2%';
const EXPECTED_UNIT = 'expected a unit such as min, %, USD, h/week or docs/year';

/** A parsed value: the number as written (percentages as fractions) and its unit. */
export interface Quantity {
  value: number;
  unit: UnitExpr;
  /** ISO code when the value is money (or a rate of money). */
  currency: string | null;
  percent: boolean;
  /** True for a bare number: its unit is the default the caller gave. */
  bare: boolean;
  /** The cell as written, for messages. */
  text: string;
}

const SCALE_WORDS: Readonly<Record<string, number>> = { thousand: 3, million: 6, billion: 9, trillion: 12 };
/** Suffixes that scale a number only when a currency is in the same cell (SPEC §3.1). */
const SCALE_SUFFIXES: Readonly<Record<string, number>> = {
  k: 3, K: 3, m: 6, M: 6, MM: 6, mn: 6, Mn: 6, MN: 6, bn: 9, Bn: 9, BN: 9, b: 9, B: 9,
};
const NOT_A_WORD = '(?![\\p{L}\\p{N}])';
const SCALE_WORD_RE = new RegExp(`^(thousand|million|billion|trillion)${NOT_A_WORD}\\s*`, 'iu');
const SUFFIX_RE = new RegExp(`^(MM|[mM][nN]|[bB][nN]|[kKmMbB])${NOT_A_WORD}\\s*`, 'u');
const PERCENT_RE = new RegExp(`^(%|percent${NOT_A_WORD}|pct${NOT_A_WORD})\\s*`, 'iu');
const PER_RE = new RegExp(`^(/|per${NOT_A_WORD})\\s*`, 'iu');
const WORD_RE = /^([\p{L}][\p{L}\p{N}_'’-]*)\s*/u;
const SYMBOL_RE = /^(US\$|[$€£¥])\s*/;
const NUMBER_RE = /^(\d[\d.,]*\d|\d|\.\d+)(?:[eE]([+-]?\d{1,3}))?\s*/;
const PLACEHOLDER_RE = /^(n\/?a|tbd|tba|tbc|none|unknown|\?+|-+|—|–|\.+)$/i;

function fail(text: string, problem: string): never {
  throw new ModelError('#VALUE!', `"${text}" ${problem}`);
}

/** Pasted slides bring non-breaking and thin spaces and the Unicode minus; read them as plain text. */
function normalizeText(text: string): string {
  return text
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\u00A0\u2007\u2009\u200A\u202F\u3000]/g, ' ')
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A number, scale applied exactly: `Number("1.2e6")` rounds once, `1.2 * 1e6` can round twice. */
function scaled(digits: string, exponent: number): number {
  return Number(`${digits}e${exponent}`);
}

function ungroup(whole: string, separator: string, text: string, problem: string): string {
  const groups = whole.split(separator);
  const grouped = /^[1-9]\d{0,2}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
  if (!grouped) fail(text, problem);
  return groups.join('');
}

/** `1,200.50` and `1.200,50` (both separators: the last one is the decimal); a lone comma only before three digits. */
function decimalDigits(token: string, text: string): string {
  if (token.startsWith('.')) return `0${token}`;
  const hasComma = token.includes(',');
  const dots = token.split('.').length - 1;
  if (hasComma && dots > 0) {
    const decimal = token.lastIndexOf(',') > token.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const at = token.lastIndexOf(decimal);
    const [whole, fraction] = [token.slice(0, at), token.slice(at + 1)];
    const mixed = 'mixes "," and "." in a way that is no number: expected 1,200.50 or 1.200,50';
    if (whole.includes(decimal) || fraction.includes(group)) fail(text, mixed);
    return `${ungroup(whole, group, text, mixed)}.${fraction}`;
  }
  if (hasComma) {
    return ungroup(token, ',', text, 'is ambiguous: a comma separates thousands only before exactly three digits (1,200); write 1.5 for a decimal');
  }
  if (dots > 1) return ungroup(token, '.', text, 'is not a number: expected one decimal point, as in 1,200.50');
  return token;
}

/** True when the text names a currency anywhere (so k/M/bn suffixes scale money). */
function mentionsCurrency(text: string): boolean {
  return (text.match(/US\$|[$€£¥]|[\p{L}]+/gu) ?? []).some((word) => currencyOf(word) !== null);
}

/** Reads the unit after a number: terms, `/` or `per`, and numbers after `per` (`$2 per 1M tokens`). */
function parseUnitTerms(input: string, text: string, money: boolean): { unit: UnitExpr; divisor: number } {
  const numerator: UnitTerm[] = [];
  const denominator: UnitTerm[] = [];
  let divisor = 1;
  let rest = input;
  let dividing = false;
  let dividedByNumber = false;
  const eat = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest);
    if (m) rest = rest.slice(m[0].length);
    return m;
  };
  while (rest !== '') {
    if (eat(PER_RE)) {
      if (dividing) fail(text, `has "/" or "per" twice without a unit between them: ${EXPECTED_UNIT}`);
      [dividing, dividedByNumber] = [true, false];
      continue;
    }
    if (eat(/^[*·]\s*/)) continue;
    const number = dividing && !dividedByNumber ? eat(NUMBER_RE) : null;
    if (number) {
      divisor *= scaled(decimalDigits(number[1], text), Number(number[2] ?? 0) + scaleAfterNumber());
      dividedByNumber = true;
      continue;
    }
    const word = eat(SYMBOL_RE) ?? eat(WORD_RE);
    if (!word) fail(text, `has "${rest[0]}" where a unit was expected: ${EXPECTED_VALUE}`);
    const name = word[1];
    if (name.toLowerCase() in SCALE_WORDS || (name !== 'm' && name in SCALE_SUFFIXES)) {
      fail(text, `has the scale "${name}" away from its number: write it right after the number, as in $5m or 5 million`);
    }
    (dividing ? denominator : numerator).push(unitTerm(name));
    [dividing, dividedByNumber] = [false, false];
  }
  if (dividing && !dividedByNumber) fail(text, `ends in "/" or "per": expected a unit after it, as in 50,000 docs/year`);
  return { unit: { numerator, denominator, percent: false }, divisor };

  function scaleAfterNumber(): number {
    const word = eat(SCALE_WORD_RE);
    if (word) return SCALE_WORDS[word[1].toLowerCase()];
    const suffix = money ? eat(SUFFIX_RE) : null;
    return suffix ? SCALE_SUFFIXES[suffix[1]] : 0;
  }
}

/** One currency per cell; a symbol and the same code (`$45 USD`) count once. */
function withCurrency(unit: UnitExpr, prefix: string | null, text: string): UnitExpr {
  const terms = [...unit.numerator, ...unit.denominator];
  const codes = new Set(terms.flatMap((t) => (t.currency ? [t.currency] : [])));
  if (prefix) codes.add(prefix);
  if (codes.size > 1) fail(text, `mixes currencies (${[...codes].join(', ')}): there are no exchange rates`);
  if (!prefix) return unit;
  const repeat = unit.numerator.findIndex((t) => t.currency === prefix);
  const numerator = repeat < 0 ? unit.numerator : unit.numerator.filter((_, i) => i !== repeat);
  return { ...unit, numerator: [unitTerm(prefix), ...numerator] };
}

function parseText(raw: string): Quantity {
  const text = raw.trim();
  let body = normalizeText(raw);
  if (body === '') throw new ModelError('#VALUE!', `the cell is blank: ${EXPECTED_VALUE}`);
  const accounting = /^\((.*)\)$/.exec(body);
  if (accounting) body = accounting[1].trim();
  let rest = body;
  const eat = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest);
    if (m) rest = rest.slice(m[0].length);
    return m;
  };

  const signs = [eat(/^([+-])\s*/)];
  let prefix: string | null = null;
  const symbol = eat(SYMBOL_RE) ?? eat(/^([A-Za-z]{3})\s*(?=[-+.\d])/);
  if (symbol) {
    prefix = currencyOf(symbol[1]);
    if (prefix === null) fail(text, `is not a value: ${EXPECTED_VALUE}`);
    signs.push(eat(/^([+-])\s*/));
  }
  const given = signs.filter((s) => s !== null);
  if (given.length > 1 || (accounting && given.length > 0)) fail(text, `has more than one sign: ${EXPECTED_VALUE}`);
  const number = eat(NUMBER_RE);
  if (!number) fail(text, `is not a value: ${EXPECTED_VALUE}`);
  const digits = decimalDigits(number[1], text);
  const money = prefix !== null || mentionsCurrency(rest);

  let exponent = Number(number[2] ?? 0);
  const word = eat(SCALE_WORD_RE);
  const suffix = word ? null : SUFFIX_RE.exec(rest);
  if (word) exponent = SCALE_WORDS[word[1].toLowerCase()];
  else if (suffix && money) exponent = SCALE_SUFFIXES[eat(SUFFIX_RE)![1]];
  else if (suffix && suffix[1] !== 'm') {
    fail(text, `uses the suffix "${suffix[1]}", which scales only money written with its currency ($5k, €1.2M); write ${digits} thousand, million or billion`);
  }
  const percent = eat(PERCENT_RE) !== null;
  if (percent) exponent -= 2;

  const { unit: written, divisor } = parseUnitTerms(rest, text, money);
  const unit = { ...withCurrency(written, prefix, text), percent };
  const magnitude = scaled(digits, exponent + (percent ? 2 : 0));
  if (magnitude > MAX_MAGNITUDE || divisor > MAX_MAGNITUDE) fail(text, 'is too large: magnitudes above 1e15 are not accepted');
  if (divisor === 0) fail(text, 'divides by zero');
  const negative = accounting !== null || given.some((s) => s![1] === '-');
  const value = (negative ? -1 : 1) * (scaled(digits, exponent) / divisor);
  const bare = !percent && unit.numerator.length === 0 && unit.denominator.length === 0;
  return { value: value === 0 ? 0 : value, unit, currency: unitCurrency(unit), percent, bare, text };
}

function checkedNumber(value: number): number {
  if (!Number.isFinite(value)) fail(String(value), `is not a finite number: ${EXPECTED_VALUE}`);
  if (Math.abs(value) > MAX_MAGNITUDE) fail(String(value), 'is too large: magnitudes above 1e15 are not accepted');
  return value === 0 ? 0 : value;
}

/**
 * Reads a cell into a number and its unit. A bare number (a number cell, or text without a
 * unit) takes `defaultUnit`: Excel hands over `$3.40` as 3.4, so the unit must come from
 * elsewhere (the Unit column, the case currency).
 *
 * @example
 *   parseQuantity('50,000 docs/year').value // 50000, unit docs/year
 *   parseQuantity('$45/h').currency          // 'USD'
 *   parseQuantity(0.042, parseUnit('%')).percent // true
 */
export function parseQuantity(cell: Cell, defaultUnit: UnitExpr = NO_UNIT): Quantity {
  if (typeof cell === 'boolean') {
    fail(cell ? 'TRUE' : 'FALSE', `is a logical value, not a number: ${EXPECTED_VALUE}`);
  }
  if (isBlank(cell)) throw new ModelError('#VALUE!', `the cell is blank: ${EXPECTED_VALUE}`);
  const parsed: Quantity =
    typeof cell === 'number'
      ? { value: checkedNumber(cell), unit: NO_UNIT, currency: null, percent: false, bare: true, text: String(cell) }
      : parseText(String(cell));
  if (!parsed.bare) return parsed;
  return { ...parsed, unit: defaultUnit, currency: unitCurrency(defaultUnit), percent: defaultUnit.percent };
}

/**
 * Reads a unit as written in a Unit column or PILOT.VALUE's second argument.
 *
 * @example
 *   unitLabel(parseUnit('$/h'))        // 'USD/h'
 *   unitLabel(parseUnit('tickets per week')) // 'tickets/week'
 *   parseUnit('%').percent             // true
 */
export function parseUnit(text: string): UnitExpr {
  const body = normalizeText(text);
  if (body === '' || PLACEHOLDER_RE.test(body)) fail(text.trim(), `is not a unit: ${EXPECTED_UNIT}, or leave it blank`);
  const percent = PERCENT_RE.exec(body);
  const rest = percent ? body.slice(percent[0].length) : body;
  if (/\d/.test(rest)) fail(text.trim(), `is not a unit (it has a number in it): ${EXPECTED_UNIT}`);
  const { unit } = parseUnitTerms(rest, text.trim(), true);
  return { ...withCurrency(unit, null, text.trim()), percent: percent !== null };
}

/**
 * PILOT.VALUE: a pasted value as a number, converted to `unit` when one is given. A bare
 * number is taken to be in `unit` already; percentages are fractions.
 *
 * @example
 *   parseValue('2 h', 'min') // 120
 *   parseValue('4.2%')       // 0.042
 *   parseValue('$50k')       // 50000
 *   parseValue('(500)')      // -500
 */
export function parseValue(cell: Cell, unit?: string): number {
  const quantity = parseQuantity(cell);
  if (unit === undefined || unit.trim() === '' || quantity.bare) return quantity.value;
  const target = parseUnit(unit);
  const currency = unitCurrency(target);
  if (quantity.currency && currency && quantity.currency !== currency) {
    fail(quantity.text, `is in ${quantity.currency}, not ${currency}: there are no exchange rates`);
  }
  if (!sameDimension(quantity.unit, target)) {
    const from = unitLabel(quantity.unit) || 'a plain number';
    fail(quantity.text, `is ${from}, which cannot be converted to ${unitLabel(target) || 'a plain number'}`);
  }
  return checkedNumber(convertUnit(quantity.value, quantity.unit, target));
}

/**
 * An amount of money in `currency` (Costs, budget). A bare number is in that currency; money
 * in another currency is an error, as there are no exchange rates.
 *
 * @example
 *   parseMoney('$50k', 'USD')     // 50000
 *   parseMoney('2.5bn USD', 'USD') // 2500000000
 *   parseMoney(1200, 'EUR')       // 1200
 */
export function parseMoney(cell: Cell, currency: string): number {
  const code = currencyCode(currency);
  const quantity = parseQuantity(cell);
  if (quantity.bare) return quantity.value;
  const { unit } = quantity;
  const plainMoney = !unit.percent && unit.denominator.length === 0 && unit.numerator.length === 1 && quantity.currency !== null;
  if (!plainMoney) fail(quantity.text, `is not an amount of money: expected an amount such as 120000, $50k or ${code} 1.2M`);
  if (quantity.currency !== code) {
    fail(quantity.text, `is in ${quantity.currency}, but the case currency is ${code}: there are no exchange rates`);
  }
  return quantity.value;
}

/**
 * A share: `10%`, `0.1` or 0.1 are all 0.1.
 *
 * @example
 *   parseFraction('10%') // 0.1
 *   parseFraction('0.1') // 0.1
 */
export function parseFraction(cell: Cell): number {
  const quantity = parseQuantity(cell);
  const plainPercent = quantity.percent && quantity.unit.numerator.length === 0 && quantity.unit.denominator.length === 0;
  if (!quantity.bare && !plainPercent) fail(quantity.text, 'is not a share: expected a percentage or fraction such as 10% or 0.1');
  return quantity.value;
}

/**
 * A multiple: `3×`, `3x`, `3 x`, `300%` or 3 are all 3.
 *
 * @example
 *   parseMultiple('3×') // 3
 */
export function parseMultiple(cell: Cell): number {
  const times = typeof cell === 'string' ? /^(.*\S)\s*[x×X]$/.exec(normalizeText(cell)) : null;
  const quantity = parseQuantity(times ? times[1] : cell);
  const plainPercent = !times && quantity.percent && quantity.unit.numerator.length === 0 && quantity.unit.denominator.length === 0;
  if (!quantity.bare && !plainPercent) fail(String(cell).trim(), 'is not a multiple: expected a number such as 3× or 3');
  return quantity.value;
}

const TIME_NAMES = { days: 'day', months: 'month', years: 'year' } as const;

/**
 * A duration (`90 days`, `3 months`, `12 weeks`, `3 years`) in `to`; bare numbers are in `bare`.
 *
 * @example
 *   parseDuration('12 weeks', 'days', 'days') // 84
 *   parseDuration(3, 'months', 'years')      // 36
 */
export function parseDuration(
  cell: Cell,
  to: 'days' | 'months' | 'years',
  bare: 'days' | 'months' | 'years',
): number {
  const quantity = parseQuantity(cell, timeUnit(TIME_NAMES[bare]));
  const { numerator, denominator, percent } = quantity.unit;
  if (percent || denominator.length > 0 || numerator.length !== 1 || !numerator[0].time) {
    fail(quantity.text, `is not a duration: expected a time such as 90 days, 3 months or 12 weeks, or a number of ${bare}`);
  }
  if (quantity.value < 0) fail(quantity.text, 'is negative: expected a duration of zero or more');
  return checkedNumber(convertUnit(quantity.value, quantity.unit, timeUnit(TIME_NAMES[to])));
}

/**
 * A list of shares, separated by `,` or `;` (`10%, 50%, 100%`); one number is a list of one.
 *
 * @example
 *   parseFractionList('10%, 50%, 100%') // [0.1, 0.5, 1]
 *   parseFractionList(0.5)              // [0.5]
 */
export function parseFractionList(cell: Cell): number[] {
  if (typeof cell !== 'string') return [parseFraction(cell)];
  const text = normalizeText(cell);
  const separator = text.includes(';') ? ';' : ',';
  if (separator === ',' && /\d,\d/.test(text)) {
    fail(cell.trim(), 'is ambiguous: a comma between digits could be a decimal comma; write 10%, 50%, 100% or use ";"');
  }
  return text.split(separator).map((item) => {
    if (item.trim() === '') fail(cell.trim(), 'has an empty item: expected shares such as 10%, 50%, 100%');
    try {
      return parseFraction(item);
    } catch (error) {
      if (error instanceof ModelError) throw new ModelError(error.code, `in "${cell.trim()}": ${error.message}`);
      throw error;
    }
  });
}
