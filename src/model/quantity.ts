import { ModelError } from './errors';
import { isBlank } from './tables';
import type { Cell } from './types';
import type { UnitExpr, UnitTerm } from './units';
import { NO_UNIT, currencyOf, sharedUnit, unitCurrency, unitTerm } from './units';
import { MEMO_KEY_LENGTH, PairMemo } from './memo';
import { excerpt, quoted } from './format';

/**
 * Reading pasted text (SPEC §3.1) into a number and its unit: the lexer behind values.ts.
 * Errors are ModelError('#VALUE!') whose message quotes the text and says what was expected;
 * callers add the table, row and column.
 */

/** Magnitudes above this are an error (SPEC §3.1): no pasted business figure is that large. */
export const MAX_MAGNITUDE = 1e15;

/**
 * The most words a unit may have (`USD per user per month` has three). A cell of 32,767 characters
 * of `USD/h USD/h …` was a unit of 10,000 terms, which the unit library took 0.2 s to read each time.
 */
export const MAX_UNIT_TERMS = 8;

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

/** Powers of ten by scale word; Maps, as cell text is looked up in them (`constructor` must find nothing). */
const SCALE_WORDS: ReadonlyMap<string, number> = new Map(Object.entries({ thousand: 3, million: 6, billion: 9, trillion: 12 }));
/** Suffixes that scale a number only when a currency is in the same cell (SPEC §3.1). */
const SCALE_SUFFIXES: ReadonlyMap<string, number> = new Map(
  Object.entries({ k: 3, K: 3, m: 6, M: 6, MM: 6, mn: 6, Mn: 6, MN: 6, bn: 9, Bn: 9, BN: 9, b: 9, B: 9 }),
);
const NOT_A_WORD = '(?![\\p{L}\\p{N}])';
const SCALE_WORD_RE = new RegExp(`^(thousand|million|billion|trillion)${NOT_A_WORD}\\s*`, 'iu');
const SUFFIX_RE = new RegExp(`^(MM|[mM][nN]|[bB][nN]|[kKmMbB])${NOT_A_WORD}\\s*`, 'u');
const PERCENT_RE = new RegExp(`^(%|percent${NOT_A_WORD}|pct${NOT_A_WORD})\\s*`, 'iu');
const PER_RE = new RegExp(`^(/|per${NOT_A_WORD})\\s*`, 'iu');
const WORD_RE = /^([\p{L}][\p{L}\p{N}_'’-]*)\s*/u;
const SYMBOL_RE = /^(US\$|[$€£¥])\s*/;
const NUMBER_RE = /^(\d[\d.,]*\d|\d|\.\d+)(?:[eE]([+-]?\d{1,3}))?\s*/;
const PLACEHOLDER_RE = /^(n\/?a|tbd|tba|tbc|none|unknown|\?+|-+|—|–|\.+)$/i;

/**
 * Throws the #VALUE! error of a text: `"<text>" <problem>`, a long text quoted by its start (see quoted).
 *
 * @example
 *   failValue('N/A', 'is not a value') // throws ModelError('#VALUE!', '"N/A" is not a value')
 */
export function failValue(text: string, problem: string): never {
  throw new ModelError('#VALUE!', `${quoted(text)} ${problem}`);
}

/**
 * Pasted slides bring non-breaking and thin spaces and the Unicode minus; read them as plain text.
 *
 * @example
 *   normalizeText('\u22125\u00a0min ') // '-5 min'
 */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\u00A0\u2007\u2009\u200A\u202F\u3000]/g, ' ')
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A number, scale applied exactly: `Number("1.2e6")` rounds once, `1.2 * 1e6` can round twice. */
function scaled(digits: string, exponent: number): number {
  // "12.5" and "12.5e0" are the same decimal, so the same double.
  return exponent === 0 ? Number(digits) : Number(`${digits}e${exponent}`);
}

/** Thousands groups by separator: one to three digits, not starting with 0, then groups of exactly three. */
const GROUPED: Readonly<Record<',' | '.', RegExp>> = { ',': /^[1-9]\d{0,2}(?:,\d{3})*$/, '.': /^[1-9]\d{0,2}(?:\.\d{3})*$/ };

function ungroup(whole: string, separator: ',' | '.', text: string, problem: string): string {
  if (!GROUPED[separator].test(whole)) failValue(text, problem);
  return whole.replaceAll(separator, '');
}

function occurrences(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) count += 1;
  return count;
}

/** `1,200.50` and `1.200,50` (both separators: the last one is the decimal); a lone comma only before three digits. */
function decimalDigits(token: string, text: string): string {
  if (token.startsWith('.')) return `0${token}`;
  const hasComma = token.includes(',');
  const dots = occurrences(token, '.');
  if (hasComma && dots > 0) {
    const decimal = token.lastIndexOf(',') > token.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const at = token.lastIndexOf(decimal);
    const [whole, fraction] = [token.slice(0, at), token.slice(at + 1)];
    const mixed = 'mixes "," and "." in a way that is no number: expected 1,200.50 or 1.200,50';
    if (whole.includes(decimal) || fraction.includes(group)) failValue(text, mixed);
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
      if (dividing) failValue(text, `has "/" or "per" twice without a unit between them: ${EXPECTED_UNIT}`);
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
    if (!word) failValue(text, `has "${rest[0]}" where a unit was expected: ${EXPECTED_VALUE}`);
    const name = word[1];
    if (SCALE_WORDS.has(name.toLowerCase()) || (name !== 'm' && SCALE_SUFFIXES.has(name))) {
      failValue(text, `has the scale ${quoted(name)} away from its number: write it right after the number, as in $5m or 5 million`);
    }
    (dividing ? denominator : numerator).push(unitTerm(name));
    if (numerator.length + denominator.length > MAX_UNIT_TERMS) failValue(text, `has more than ${MAX_UNIT_TERMS} words in its unit: ${EXPECTED_UNIT}`);
    [dividing, dividedByNumber] = [false, false];
  }
  if (dividing && !dividedByNumber) failValue(text, `ends in "/" or "per": expected a unit after it, as in 50,000 docs/year`);
  return { unit: { numerator, denominator, percent: false }, divisor };

  function scaleAfterNumber(): number {
    const word = eat(SCALE_WORD_RE);
    if (word) return SCALE_WORDS.get(word[1].toLowerCase())!;
    const suffix = money ? eat(SUFFIX_RE) : null;
    return suffix ? SCALE_SUFFIXES.get(suffix[1])! : 0;
  }
}

/** One currency per cell; a symbol and the same code (`$45 USD`) count once. */
function withCurrency(unit: UnitExpr, prefix: string | null, text: string): UnitExpr {
  const terms = [...unit.numerator, ...unit.denominator];
  const codes = new Set(terms.flatMap((t) => (t.currency ? [t.currency] : [])));
  if (prefix) codes.add(prefix);
  if (codes.size > 1) failValue(text, `mixes currencies (${[...codes].join(', ')}): there are no exchange rates`);
  if (!prefix) return unit;
  const repeat = unit.numerator.findIndex((t) => t.currency === prefix);
  const numerator = repeat < 0 ? unit.numerator : unit.numerator.filter((_, i) => i !== repeat);
  return { ...unit, numerator: [unitTerm(prefix), ...numerator] };
}

/**
 * What follows the number: a scale (`k`, `million`), a percent sign and the unit. Apart from the
 * wording of its errors, it depends only on that text and the currency written before the number,
 * so it can be remembered for a column whose unit repeats while its numbers vary.
 */
interface Tail {
  /** The power of ten a scale word or money suffix stands for; it replaces the number's own `e` exponent. */
  scale: number | null;
  percent: boolean;
  /** `/ 1M tokens` and the like: what the number is divided by. */
  divisor: number;
  unit: UnitExpr;
  currency: string | null;
  /** No unit and no percent sign: the caller's default unit applies. */
  bare: boolean;
}

/** Reads the text after the number (`rest`); `digits` and `text` only word the errors. */
function readTail(rest: string, prefix: string | null, digits: string, text: string): Tail {
  let input = rest;
  const eat = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(input);
    if (m) input = input.slice(m[0].length);
    return m;
  };
  const money = prefix !== null || mentionsCurrency(input);
  let scale: number | null = null;
  const word = eat(SCALE_WORD_RE);
  const suffix = word ? null : SUFFIX_RE.exec(input);
  if (word) scale = SCALE_WORDS.get(word[1].toLowerCase())!;
  else if (suffix && money) scale = SCALE_SUFFIXES.get(eat(SUFFIX_RE)![1])!;
  else if (suffix && suffix[1] !== 'm') {
    failValue(text, `uses the suffix "${suffix[1]}", which scales only money written with its currency ($5k, €1.2M); write ${excerpt(digits)} thousand, million or billion`);
  }
  const percent = eat(PERCENT_RE) !== null;
  const { unit: written, divisor } = parseUnitTerms(input, text, money);
  const unit = { ...withCurrency(written, prefix, text), percent };
  const bare = !percent && unit.numerator.length === 0 && unit.denominator.length === 0;
  return { scale, percent, divisor, unit, currency: unitCurrency(unit), bare };
}

/** The value of a cell from its parts; checks the magnitude. `exponent` is the number's own `e` exponent. */
function combine(text: string, negative: boolean, digits: string, exponent: number, tail: Tail): Quantity {
  const { percent, divisor, unit } = tail;
  const power = tail.scale ?? exponent;
  const magnitude = scaled(digits, power);
  if (magnitude > MAX_MAGNITUDE || divisor > MAX_MAGNITUDE) failValue(text, 'is too large: magnitudes above 1e15 are not accepted');
  if (divisor === 0) failValue(text, 'divides by zero');
  // A percentage is checked as written (4.2) and read as the fraction (0.042) straight from its digits.
  const amount = percent ? scaled(digits, power - 2) : magnitude;
  const value = (negative ? -1 : 1) * (amount / divisor);
  // `$1 per 1e-300 docs` is 1e300 dollars a doc: the value's size counts, not only its parts'.
  if (Math.abs(value) > MAX_MAGNITUDE) failValue(text, 'is too large: magnitudes above 1e15 are not accepted');
  return { value: value === 0 ? 0 : value, unit, currency: tail.currency, percent, bare: tail.bare, text };
}

/**
 * The full lexer for pasted text, regex by regex, remembering nothing. `parseQuantity` reads
 * common shapes through a shortcut that must agree with this function on every text.
 *
 * @example
 *   lexText('($1,200.50)').value   // -1200.5
 *   lexText('50,000 docs/year').unit // docs/year
 */
export function lexText(raw: string): Quantity {
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
    if (prefix === null) failValue(text, `is not a value: ${EXPECTED_VALUE}`);
    signs.push(eat(/^([+-])\s*/));
  }
  const given = signs.filter((s) => s !== null);
  if (given.length > 1 || (accounting && given.length > 0)) failValue(text, `has more than one sign: ${EXPECTED_VALUE}`);
  const number = eat(NUMBER_RE);
  if (!number) failValue(text, `is not a value: ${EXPECTED_VALUE}`);
  const digits = decimalDigits(number[1], text);
  const tail = readTail(rest, prefix, digits, text);
  const negative = accounting !== null || given.some((s) => s![1] === '-');
  return combine(text, negative, digits, Number(number[2] ?? 0), tail);
}

/**
 * Text the full lexer reads as it stands: printable ASCII and € £ ¥, words separated by single
 * spaces. normalizeText leaves it unchanged (nothing to drop, replace, collapse or trim).
 */
const PLAIN_TEXT_RE = /^[!-~€£¥]+(?: [!-~€£¥]+)*$/;
/** The shortcut's shape: [sign] [$ € £ ¥] then a number token as NUMBER_RE reads one that starts with a digit. */
const SIMPLE_HEAD_RE = /^([+-]?)([$€£¥]?)(\d[\d.,]*\d|\d)/;

/** A tail per currency prefix ('' for none) and text; cleared when full, as a column has a handful. */
const TAIL_CACHE_LIMIT = 4096;
const tailMemo = new PairMemo<Tail>(TAIL_CACHE_LIMIT);

function cachedTail(rest: string, prefix: string | null, digits: string, text: string): Tail {
  return tailMemo.get(prefix ?? '', rest, () => {
    const tail = readTail(rest, prefix, digits, text);
    sharedUnit(tail.unit);
    return tail;
  });
}

/**
 * Pasted text: the common shapes (`12.5 min`, `$45/h`, `-1,200 docs/year`, `4.2%`) through a
 * shortcut, everything else through lexText. For a shortcut text the full lexer would read the
 * same sign, currency symbol and number token and leave the same rest: the text is already
 * normalised; no sign or symbol is followed by a space or a second sign; the token is the longest
 * run of digits and separators ending in a digit, as NUMBER_RE takes it; an `e` right after it (an
 * exponent, or a word such as `eur`) goes to the full lexer; one space after it is eaten, as `\s*`
 * would. The tail is then the same function of the same text.
 */
function readText(raw: string): Quantity {
  const head = PLAIN_TEXT_RE.test(raw) ? SIMPLE_HEAD_RE.exec(raw) : null;
  if (head === null) return lexText(raw);
  const [matched, sign, symbol, token] = head;
  const after = raw[matched.length];
  if (after === 'e' || after === 'E') return lexText(raw);
  const prefix = symbol === '' ? null : currencyOf(symbol);
  const digits = decimalDigits(token, raw);
  const rest = raw.slice(after === ' ' ? matched.length + 1 : matched.length);
  const tail = cachedTail(rest, prefix, digits, raw);
  return combine(raw, sign === '-', digits, 0, tail);
}

/** Whole cell texts already read, with what each gave; cleared when full, as the tail memo is. */
const TEXT_CACHE_LIMIT = 4096;
const textMemo = new PairMemo<Quantity | ModelError>(TEXT_CACHE_LIMIT);

/**
 * A cell's text read once: a pasted column repeats whole cells (`90 days`, `$45/h`, `N/A`), and
 * each repeat then costs one lookup. What it gave, a quantity or the error, depends on the text
 * alone, so both are remembered; a quantity is frozen, as every caller shares it.
 */
function parseText(raw: string): Quantity {
  const read = textMemo.get('', raw, () => {
    try {
      return Object.freeze(readText(raw));
    } catch (error) {
      if (error instanceof ModelError) return error;
      throw error;
    }
  });
  if (read instanceof ModelError) throw read;
  return read;
}

/**
 * A number cell as the engine accepts it: finite, at most 1e15 in magnitude, never -0.
 *
 * @example
 *   checkedNumber(-0) // 0
 */
export function checkedNumber(value: number): number {
  if (!Number.isFinite(value)) failValue(String(value), `is not a finite number: ${EXPECTED_VALUE}`);
  if (Math.abs(value) > MAX_MAGNITUDE) failValue(String(value), 'is too large: magnitudes above 1e15 are not accepted');
  return value === 0 ? 0 : value;
}

/**
 * Reads a cell into a number and its unit. A bare number (a number cell, or text without a
 * unit) takes `defaultUnit`: Excel hands over `$3.40` as 3.4, so the unit must come from
 * elsewhere (the Unit column, the case currency). Under a percent unit a bare number is in
 * percent points, as a person types it beside Unit `%` (SPEC §3.1): 30 is 30%. A cell Excel
 * formatted as a percentage holds the fraction already, and its Unit is left blank.
 *
 * @example
 *   parseQuantity('50,000 docs/year').value // 50000, unit docs/year
 *   parseQuantity('$45/h').currency          // 'USD'
 *   parseQuantity(30, parseUnit('%')).value  // 0.3
 */
export function parseQuantity(cell: Cell, defaultUnit: UnitExpr = NO_UNIT): Quantity {
  if (typeof cell === 'boolean') {
    failValue(cell ? 'TRUE' : 'FALSE', `is a logical value, not a number: ${EXPECTED_VALUE}`);
  }
  if (isBlank(cell)) throw new ModelError('#VALUE!', `the cell is blank: ${EXPECTED_VALUE}`);
  const parsed: Quantity =
    typeof cell === 'number'
      ? { value: checkedNumber(cell), unit: NO_UNIT, currency: null, percent: false, bare: true, text: String(cell) }
      : parseText(String(cell));
  if (!parsed.bare) return parsed;
  const value = defaultUnit.percent ? parsed.value / 100 : parsed.value;
  return { ...parsed, value, unit: defaultUnit, currency: unitCurrency(defaultUnit), percent: defaultUnit.percent };
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
  // A text longer than any unit is read every time (see PairMemo: V8 hashes long strings by length alone).
  if (text.length > MEMO_KEY_LENGTH) return sharedUnit(readUnit(text));
  const known = unitCache.get(text);
  if (known !== undefined) return known;
  const unit = sharedUnit(readUnit(text));
  if (unitCache.size >= UNIT_CACHE_LIMIT) unitCache.clear();
  unitCache.set(text, unit);
  return unit;
}

/** Units by the text of their cell: a Unit column repeats a handful. Cleared when full. */
const UNIT_CACHE_LIMIT = 1024;
const unitCache = new Map<string, UnitExpr>();

function readUnit(text: string): UnitExpr {
  const body = normalizeText(text);
  if (body === '' || PLACEHOLDER_RE.test(body)) failValue(text.trim(), `is not a unit: ${EXPECTED_UNIT}, or leave it blank`);
  const percent = PERCENT_RE.exec(body);
  const rest = percent ? body.slice(percent[0].length) : body;
  if (/\d/.test(rest)) failValue(text.trim(), `is not a unit (it has a number in it): ${EXPECTED_UNIT}`);
  const { unit } = parseUnitTerms(rest, text.trim(), true);
  return { ...withCurrency(unit, null, text.trim()), percent: percent !== null };
}
