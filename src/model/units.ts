import type { UnitCtor } from 'mathjs';
import { ModelError } from './errors';
import { excerpt, quoted } from './format';
import { PairMemo } from './memo';
import { buildUnitClass } from './unit-engine';

/**
 * Units for SPEC §3.1: one mathjs Unit class, private to this module and never changed after it
 * is built, with the product's calendar (1 year = 365.25 days = 12 months, 1 week = 7 days)
 * and each currency as a base unit of its own, so that money in two currencies never mixes.
 */

/** ISO 4217 codes understood, written in capitals. Codes that are English words (ALL, PEN, MAD …) are left out. */
export const CURRENCY_CODES: readonly string[] = [
  'USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'NZD', 'CNY', 'HKD', 'SGD', 'SEK', 'NOK', 'DKK',
  'ISK', 'PLN', 'CZK', 'HUF', 'RON', 'BGN', 'INR', 'BRL', 'MXN', 'ZAR', 'KRW', 'TRY', 'ILS', 'AED',
  'SAR', 'QAR', 'RUB', 'UAH', 'THB', 'IDR', 'MYR', 'PHP', 'TWD', 'VND', 'CLP', 'COP', 'ARS', 'NGN',
  'EGP', 'KES',
];
/** Codes also accepted in any case (SPEC §3.1). */
const ANY_CASE_CODES = new Set(['USD', 'EUR', 'GBP', 'JPY']);
const CODES = new Set(CURRENCY_CODES);

/** Currency symbols (SPEC §3.1), longest first so `US$` wins over `$`. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  US$: 'USD',
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
};
/** The same, as a Map: cell text is looked up in it, and `constructor` or `__proto__` must find nothing. */
const SYMBOL_CODES: ReadonlyMap<string, string> = new Map(Object.entries(CURRENCY_SYMBOLS));

/** Seconds in each calendar unit: the product's definitions, not whatever a library assumes. */
const SECONDS_PER_DAY = 86_400;
const DAYS_PER_YEAR = 365.25;
const CALENDAR: Readonly<Record<string, number>> = {
  week: 7 * SECONDS_PER_DAY,
  year: DAYS_PER_YEAR * SECONDS_PER_DAY,
  month: (DAYS_PER_YEAR * SECONDS_PER_DAY) / 12,
  quarter: (DAYS_PER_YEAR * SECONDS_PER_DAY) / 4,
};

function defineUnits(unit: UnitCtor): void {
  const definitions: Record<string, string> = {};
  for (const [name, seconds] of Object.entries(CALENDAR)) definitions[name] = `${seconds} s`;
  unit.createUnit(definitions, { override: true });
  // An empty definition makes each currency a base unit of its own.
  const currencies: Record<string, string> = {};
  for (const code of CURRENCY_CODES) currencies[code] = '';
  unit.createUnit(currencies);
}

/**
 * The Unit class, built on the first conversion rather than when the module loads: the custom
 * functions' runtime and the pane load this module long before a case with units is read, and
 * many sessions never convert at all. A const holder, set once and never replaced.
 */
const unitEngine: { built: UnitCtor | null } = { built: null };

function unitClass(): UnitCtor {
  return (unitEngine.built ??= buildUnitClass(defineUnits));
}

/** Words for real units, by the mathjs name they stand for; matched case-insensitively. */
const UNIT_WORDS: Readonly<Record<string, readonly string[]>> = {
  ms: ['ms', 'msec', 'msecs', 'millisecond', 'milliseconds'],
  s: ['s', 'sec', 'secs', 'second', 'seconds'],
  min: ['min', 'mins', 'minute', 'minutes'],
  h: ['h', 'hr', 'hrs', 'hour', 'hours'],
  day: ['d', 'day', 'days'],
  week: ['wk', 'wks', 'week', 'weeks'],
  month: ['mo', 'mos', 'mth', 'mths', 'month', 'months'],
  quarter: ['qtr', 'qtrs', 'quarter', 'quarters'],
  year: ['y', 'yr', 'yrs', 'year', 'years', 'annum'],
  B: ['byte', 'bytes'],
  kB: ['kb', 'kilobyte', 'kilobytes'],
  MB: ['mb', 'megabyte', 'megabytes'],
  GB: ['gb', 'gigabyte', 'gigabytes'],
  TB: ['tb', 'terabyte', 'terabytes'],
  Wh: ['wh'],
  kWh: ['kwh'],
  MWh: ['mwh'],
  g: ['g', 'gram', 'grams'],
  kg: ['kg', 'kgs', 'kilogram', 'kilograms'],
  tonne: ['tonne', 'tonnes'],
  lbm: ['lb', 'lbs'],
  m: ['meter', 'meters', 'metre', 'metres'],
  km: ['km', 'kilometer', 'kilometers', 'kilometre', 'kilometres'],
  mi: ['mi', 'mile', 'miles'],
};
/** The mathjs names of the real units understood (`min`, `GB`, `kWh` …), currencies apart. */
export const UNIT_NAMES: readonly string[] = Object.keys(UNIT_WORDS);
const TIME_UNITS = new Set(['ms', 's', 'min', 'h', 'day', 'week', 'month', 'quarter', 'year']);
const WORD_TO_UNIT = new Map<string, string>();
for (const [name, words] of Object.entries(UNIT_WORDS)) for (const word of words) WORD_TO_UNIT.set(word, name);

/** One factor of a unit as written: a real unit, a currency, or a count noun (`docs`). */
export interface UnitTerm {
  /** How people see it: `min`, `USD`, `docs`. */
  text: string;
  /** The mathjs unit; null for a count noun, which is dimensionless. */
  mathName: string | null;
  /** ISO code when the term is money. */
  currency: string | null;
  time: boolean;
}

/** A unit as written, e.g. `USD/h` or `docs/year`; percentages are dimensionless fractions. */
export interface UnitExpr {
  numerator: readonly UnitTerm[];
  denominator: readonly UnitTerm[];
  percent: boolean;
}

/** The texts of a unit: its label, and the mathjs text of its real terms (the numerator's names, the denominator's as `name^-1`). */
interface UnitTexts {
  label: string;
  top: string;
  bottom: string;
  /** `top bottom`, the unit as mathjs reads it ('' when there is no real term). */
  whole: string;
}

function joined(a: string, b: string): string {
  return a === '' ? b : b === '' ? a : `${a} ${b}`;
}

function mathTextOf(expr: UnitExpr): Omit<UnitTexts, 'label'> {
  let top = '';
  let bottom = '';
  for (let i = 0; i < expr.numerator.length; i++) {
    const name = expr.numerator[i].mathName;
    if (name) top = joined(top, name);
  }
  for (let i = 0; i < expr.denominator.length; i++) {
    const name = expr.denominator[i].mathName;
    if (name) bottom = joined(bottom, `${name}^-1`);
  }
  return { top, bottom, whole: joined(top, bottom) };
}

/**
 * Units that can no longer change, with their texts worked out once. A WeakMap: an entry lives as
 * long as the unit does.
 */
const sharedTexts = new WeakMap<UnitExpr, UnitTexts>();

/**
 * Freezes a unit, its term lists and its terms, so that one object can stand for the unit of many
 * cells (a pasted column repeats its units); its label and mathjs text are then worked out once.
 *
 * @example
 *   const perYear = sharedUnit({ numerator: [], denominator: [unitTerm('year')], percent: false });
 *   Object.isFrozen(perYear.denominator[0]) // true
 */
export function sharedUnit(expr: UnitExpr): UnitExpr {
  if (sharedTexts.has(expr)) return expr;
  for (const t of expr.numerator) Object.freeze(t);
  for (const t of expr.denominator) Object.freeze(t);
  Object.freeze(expr.numerator);
  Object.freeze(expr.denominator);
  sharedTexts.set(Object.freeze(expr), { label: labelOf(expr), ...mathTextOf(expr) });
  return expr;
}

function mathText(expr: UnitExpr): Omit<UnitTexts, 'label'> {
  return sharedTexts.get(expr) ?? mathTextOf(expr);
}

/** The unit of a plain number. */
export const NO_UNIT: UnitExpr = sharedUnit({ numerator: [], denominator: [], percent: false });

/**
 * The ISO code a currency symbol or code stands for, or null when the text is none.
 *
 * @example
 *   currencyOf('$')   // 'USD'
 *   currencyOf('eur') // 'EUR'
 *   currencyOf('chf') // null: only USD, EUR, GBP and JPY are accepted in lower case
 */
export function currencyOf(text: string): string | null {
  const symbol = SYMBOL_CODES.get(text);
  if (symbol !== undefined) return symbol;
  if (CODES.has(text)) return text;
  const upper = text.toUpperCase();
  return ANY_CASE_CODES.has(upper) ? upper : null;
}

/**
 * The case currency as an ISO code (for the Currency assumption).
 *
 * @example
 *   currencyCode('€')   // 'EUR'
 *   currencyCode('CHF') // 'CHF'
 */
export function currencyCode(text: string): string {
  const code = currencyOf(text.trim());
  if (code === null) {
    throw new ModelError('#VALUE!', `${quoted(text)} is not a currency: expected an ISO 4217 code such as USD, EUR or CHF, or $, €, £, ¥`);
  }
  return code;
}

/**
 * Reads one word of a unit: a currency, a unit we know (time, data, energy, mass, distance),
 * or else a count noun. `m` is minutes here; a scale suffix never reaches this function.
 *
 * @example
 *   unitTerm('hours').mathName // 'h'
 *   unitTerm('docs').mathName  // null (a count)
 *   unitTerm('$').currency     // 'USD'
 */
export function unitTerm(word: string): UnitTerm {
  const currency = currencyOf(word);
  if (currency !== null) return { text: currency, mathName: currency, currency, time: false };
  const name = word === 'm' ? 'min' : WORD_TO_UNIT.get(word.toLowerCase());
  if (name === undefined) return { text: word, mathName: null, currency: null, time: false };
  return { text: word, mathName: name, currency: null, time: TIME_UNITS.has(name) };
}

/** A term for the given mathjs time unit or currency, shown by its own name. */
function term(name: string): UnitTerm {
  const currency = CODES.has(name) ? name : null;
  return { text: name, mathName: name, currency, time: TIME_UNITS.has(name) };
}

/**
 * Money per time, e.g. USD per year: the unit every annual value reduces to.
 *
 * @example
 *   unitLabel(moneyPer('USD', 'year')) // 'USD/year'
 */
export function moneyPer(currency: string, time: 'year' | null): UnitExpr {
  const key = `${currency}/${time ?? ''}`;
  const known = moneyUnits.get(key);
  if (known !== undefined) return known;
  const unit = sharedUnit({ numerator: [term(currency)], denominator: time ? [term(time)] : [], percent: false });
  if (moneyUnits.size >= MONEY_UNIT_LIMIT) moneyUnits.clear();
  moneyUnits.set(key, unit);
  return unit;
}

/** moneyPer's units by currency and time; a case has one currency, so this stays tiny. */
const MONEY_UNIT_LIMIT = 256;
const moneyUnits = new Map<string, UnitExpr>();

/**
 * A pure time unit (days, months, years).
 *
 * @example
 *   timeUnit('day').numerator[0].mathName // 'day'
 */
export function timeUnit(name: 'day' | 'month' | 'year'): UnitExpr {
  return TIME_UNIT_EXPRS[name];
}

const TIME_UNIT_EXPRS: Readonly<Record<'day' | 'month' | 'year', UnitExpr>> = {
  day: sharedUnit({ numerator: [term('day')], denominator: [], percent: false }),
  month: sharedUnit({ numerator: [term('month')], denominator: [], percent: false }),
  year: sharedUnit({ numerator: [term('year')], denominator: [], percent: false }),
};

/** Per year: the unit of a bare Volume. */
export const PER_YEAR: UnitExpr = sharedUnit({ numerator: [], denominator: [term('year')], percent: false });

/** The terms of `a`, then those of `b`, in a new list (index loops, for frozen lists: see firstTerm). */
function bothTerms(a: readonly UnitTerm[], b: readonly UnitTerm[]): UnitTerm[] {
  const terms: UnitTerm[] = [];
  for (let i = 0; i < a.length; i++) terms.push(a[i]);
  for (let i = 0; i < b.length; i++) terms.push(b[i]);
  return terms;
}

/**
 * `a / b`, keeping every term as written (counts included).
 *
 * @example
 *   unitLabel(divideUnits(moneyPer('USD', null), timeUnit('day'))) // 'USD/day'
 */
export function divideUnits(a: UnitExpr, b: UnitExpr): UnitExpr {
  return {
    numerator: bothTerms(a.numerator, b.denominator),
    denominator: bothTerms(a.denominator, b.numerator),
    percent: a.percent,
  };
}

/**
 * The numerator of a unit: what one unit of a rate counts (`tickets` in `tickets/week`).
 *
 * @example
 *   unitLabel(numeratorOf(PER_YEAR)) // ''
 */
export function numeratorOf(expr: UnitExpr): UnitExpr {
  return { numerator: expr.numerator, denominator: [], percent: false };
}

/**
 * The first term of a list that passes `test`. An index loop: for-of over a frozen array (a shared
 * unit's) allocates an iterator result per term, and this runs several times per metric row.
 */
function firstTerm(terms: readonly UnitTerm[], test: (t: UnitTerm) => boolean): UnitTerm | undefined {
  for (let i = 0; i < terms.length; i++) if (test(terms[i])) return terms[i];
  return undefined;
}

const isMoney = (t: UnitTerm): boolean => t.currency !== null;
const isReal = (t: UnitTerm): boolean => t.mathName !== null;
const isTime = (t: UnitTerm): boolean => t.time;

/**
 * The currency of a unit (null when none); a unit cannot hold two.
 *
 * @example
 *   unitCurrency(moneyPer('EUR', 'year')) // 'EUR'
 */
export function unitCurrency(expr: UnitExpr): string | null {
  return firstTerm(expr.numerator, isMoney)?.currency ?? firstTerm(expr.denominator, isMoney)?.currency ?? null;
}

/**
 * True when the unit is money (a currency in its numerator), e.g. `USD`, `$/month`.
 *
 * @example
 *   isMoneyUnit(moneyPer('USD', 'year')) // true
 */
export function isMoneyUnit(expr: UnitExpr): boolean {
  return firstTerm(expr.numerator, isMoney) !== undefined;
}

/**
 * True when the unit is per time (`h/week`, `$/month`, `tickets/week`): a rate.
 *
 * @example
 *   isPerTime(PER_YEAR) // true
 */
export function isPerTime(expr: UnitExpr): boolean {
  return firstTerm(expr.denominator, isTime) !== undefined;
}

/**
 * True when the unit has a real (non-count) unit in it.
 *
 * @example
 *   hasRealUnit(NO_UNIT) // false
 */
export function hasRealUnit(expr: UnitExpr): boolean {
  return firstTerm(expr.numerator, isReal) !== undefined || firstTerm(expr.denominator, isReal) !== undefined;
}

/**
 * The unit as people read it: `USD/h`, `docs/year`, `%`, '' for a plain number.
 *
 * @example
 *   unitLabel(PER_YEAR) // '/year'
 */
export function unitLabel(expr: UnitExpr): string {
  return sharedTexts.get(expr)?.label ?? labelOf(expr);
}

function labelOf(expr: UnitExpr): string {
  const top = expr.numerator.map((t) => t.text).join(' ');
  const bottom = expr.denominator.map((t) => `/${t.text}`).join('');
  return `${expr.percent && top === '' ? '%' : top}${bottom}`;
}

function described(expr: UnitExpr): string {
  const label = excerpt(unitLabel(expr));
  return label === '' ? 'a plain number' : label;
}

/**
 * True when values in `a` can be converted to `b`: both have the same real dimensions, or
 * neither has a real unit (counts and percentages are plain numbers).
 *
 * @example
 *   sameDimension(timeUnit('day'), timeUnit('year')) // true
 *   sameDimension(timeUnit('day'), NO_UNIT)          // false
 */
export function sameDimension(a: UnitExpr, b: UnitExpr): boolean {
  return textFactor(mathText(a).whole, mathText(b).whole) !== null;
}

/** A pasted column repeats a handful of unit texts; parsing them once each keeps 10,000 rows fast. */
const FACTOR_CACHE_LIMIT = 1024;
/** Factors by `from` text, then `to` text. */
const factorMemo = new PairMemo<number | null>(FACTOR_CACHE_LIMIT);

/**
 * How many `to` one `from` is (every unit here is multiplicative: no offsets such as °C), or null
 * when the dimensions differ. Memoised: the answer depends only on the two texts.
 */
function conversionFactor(from: string, to: string): number | null {
  return factorMemo.get(from, to, () => {
    const Unit = unitClass();
    const one = new Unit(1, from);
    return one.equalBase(new Unit(1, to)) ? one.toNumber(to) : null;
  });
}

/**
 * How many `to` one `from` is, for two mathjs unit texts ('' for none); null when the dimensions
 * differ. No real unit converts only to no real unit, as a plain number (factor 1); equal texts
 * are the same unit (factor 1).
 */
function textFactor(from: string, to: string): number | null {
  if (from === '' || to === '') return from === to ? 1 : null;
  return from === to ? 1 : conversionFactor(from, to);
}

/** value in `from` expressed in `to`, given their textFactor; a plain number and an equal unit are left as they are. */
function applyFactor(value: number, from: string, to: string, factor: number): number {
  return from === '' || from === to ? value : value * factor;
}

/**
 * The unit of one word, e.g. `simpleUnit('min')`.
 *
 * @example
 *   unitLabel(simpleUnit('hours')) // 'hours'
 */
export function simpleUnit(word: string): UnitExpr {
  return { numerator: [unitTerm(word)], denominator: [], percent: false };
}

/**
 * Converts a value from one unit to another; throws #VALUE! when the dimensions differ.
 *
 * @example
 *   convertUnit(2, simpleUnit('h'), simpleUnit('min')) // 120
 */
export function convertUnit(value: number, from: UnitExpr, to: UnitExpr): number {
  const fromText = mathText(from).whole;
  const toText = mathText(to).whole;
  const factor = textFactor(fromText, toText);
  if (factor === null) {
    throw new ModelError('#VALUE!', `cannot convert ${described(from)} to ${described(to)}`);
  }
  return applyFactor(value, fromText, toText, factor);
}

/** A number with its unit, one factor of a product. */
export interface Factor {
  value: number;
  unit: UnitExpr;
}

/**
 * Multiplies factors and expresses the product in `target`; returns null when their units do
 * not combine into it (callers name the units in their message).
 *
 * @example
 *   const usdPerHour = divideUnits(simpleUnit('USD'), simpleUnit('h'));
 *   multiplyTo([{ value: 10, unit: simpleUnit('min') }, { value: 50_000, unit: PER_YEAR }, { value: 45, unit: usdPerHour }],
 *              moneyPer('USD', 'year')) // 375000 (up to rounding)
 */
export function multiplyTo(factors: readonly Factor[], target: UnitExpr): number | null {
  // The product's real terms: every factor's numerator, then every factor's denominator.
  let top = '';
  let bottom = '';
  for (const f of factors) {
    const text = mathText(f.unit);
    top = joined(top, text.top);
    bottom = joined(bottom, text.bottom);
  }
  const productText = joined(top, bottom);
  const targetText = mathText(target).whole;
  const factor = textFactor(productText, targetText);
  if (factor === null) return null;
  let value = 1;
  for (const f of factors) value *= f.value;
  return applyFactor(value, productText, targetText, factor);
}
