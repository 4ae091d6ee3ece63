import { ModelError } from './errors';
import { checkedNumber, failValue as fail, normalizeText, parseQuantity, parseUnit } from './quantity';
import type { Quantity } from './quantity';
import { excerpt, quoted } from './format';
import type { Cell } from './types';
import type { UnitExpr } from './units';
import { convertUnit, currencyCode, moneyPer, sameDimension, timeUnit, unitCurrency, unitLabel, unitTerm } from './units';

/**
 * Pasted values (SPEC §3.1) as the rest of the engine asks for them: a value in a unit, money,
 * a share, a multiple, a duration, a list of shares. Every parser throws ModelError('#VALUE!')
 * whose message quotes the text and says what was expected; callers add the table, row and column.
 */

export { MAX_MAGNITUDE, parseQuantity, parseUnit } from './quantity';
export type { Quantity } from './quantity';

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
    const from = excerpt(unitLabel(quantity.unit)) || 'a plain number';
    fail(quantity.text, `is ${from}, which cannot be converted to ${excerpt(unitLabel(target)) || 'a plain number'}`);
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
  if (moneyPerTime(quantity) !== null) {
    fail(quantity.text, `is money per time, not an amount: expected an amount such as 120000, $50k or ${code} 1.2M`);
  }
  const { unit } = quantity;
  const plainMoney = !unit.percent && unit.denominator.length === 0 && unit.numerator.length === 1 && quantity.currency !== null;
  if (!plainMoney) fail(quantity.text, `is not an amount of money: expected an amount such as 120000, $50k or ${code} 1.2M`);
  inCurrency(quantity, code);
  return quantity.value;
}

/**
 * Money a year in `currency` (a Costs row's Annual, SPEC §2.2): an amount is per year, and money
 * per time is converted with the product's calendar (`$2,000/month` is 24,000 a year). A number
 * per time with no currency (`2,000/month`) is in the case currency, as a bare number is.
 *
 * @example
 *   parseMoneyPerYear('$2,000/month', 'USD') // 24000
 *   parseMoneyPerYear('$25k/month', 'USD')   // 300000
 *   parseMoneyPerYear(60000, 'USD')          // 60000
 */
export function parseMoneyPerYear(cell: Cell, currency: string): number {
  const code = currencyCode(currency);
  const quantity = parseQuantity(cell);
  const perTime = quantity.bare ? null : moneyPerTime(quantity);
  if (perTime === null) return parseMoney(cell, code);
  inCurrency(quantity, code);
  const written: UnitExpr = { numerator: [unitTerm(code)], denominator: perTime, percent: false };
  return checkedNumber(convertUnit(quantity.value, written, moneyPer(code, 'year')));
}

/**
 * The time a value of money is per (`$2,000/month`, `2,000 per month`), or null when it is no
 * money per time: one currency or none over one time unit, nothing else.
 *
 * @example
 *   moneyPerTime(parseQuantity('$2,000/month'))?.[0].text // 'month'
 *   moneyPerTime(parseQuantity('$2,000'))                 // null
 */
export function moneyPerTime(quantity: Quantity): UnitExpr['denominator'] | null {
  const { numerator, denominator, percent } = quantity.unit;
  const money = numerator.length === 0 || (numerator.length === 1 && numerator[0].currency !== null);
  return !percent && money && denominator.length === 1 && denominator[0].time ? denominator : null;
}

function inCurrency(quantity: Quantity, code: string): void {
  if (quantity.currency !== null && quantity.currency !== code) {
    fail(quantity.text, `is in ${quantity.currency}, but the case currency is ${code}: there are no exchange rates`);
  }
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
      if (error instanceof ModelError) throw new ModelError(error.code, `in ${quoted(cell.trim())}: ${error.message}`);
      throw error;
    }
  });
}
