import type { Fraction, Money, Months, Threshold } from './types';

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

function grouped(n: number, digits: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Money for reasons: whole units, grouped, with the currency's symbol (or code).
 *
 * @example
 *   formatMoney(-190000, 'USD') // '−$190,000'
 *   formatMoney(1234.5, 'CHF')  // 'CHF 1,235'
 */
export function formatMoney(amount: Money, currency: string): string {
  const rounded = Math.round(amount);
  const sign = rounded < 0 ? '−' : '';
  const body = grouped(Math.abs(rounded), 0);
  const symbol = SYMBOLS[currency];
  return symbol ? `${sign}${symbol}${body}` : `${sign}${currency} ${body}`;
}

/**
 * A fraction as a percentage with up to `digits` decimals.
 *
 * @example
 *   formatPercent(0.2881, 1) // '28.8%'
 */
export function formatPercent(x: Fraction, digits = 1): string {
  const text = (x * 100).toFixed(digits).replace(/\.?0+$/, '');
  return `${text === '-0' ? '0' : text.replace('-', '−')}%`;
}

/**
 * A multiple such as an expansion: `3.2×`.
 *
 * @example
 *   formatMultiple(3.175) // '3.175×'
 *   formatMultiple(8)     // '8×'
 */
export function formatMultiple(x: number, digits = 3): string {
  return `${+x.toFixed(digits)}×`;
}

/**
 * Months with one decimal: `13.1 months`.
 *
 * @example
 *   formatMonths(13.072) // '13.1 months'
 */
export function formatMonths(m: Months): string {
  const text = +m.toFixed(1);
  return `${text} month${text === 1 ? '' : 's'}`;
}

/**
 * A threshold value in the unit its kind is read in.
 *
 * @example
 *   formatThreshold(0.2881, 'percent') // '28.8%'
 */
export function formatThreshold(t: Threshold, as: 'percent' | 'multiple'): string {
  if (typeof t !== 'number') return t;
  return as === 'percent' ? formatPercent(t) : formatMultiple(t);
}

/**
 * The first `max` items of a list, then one item saying how many more there are, so a pasted
 * table of thousands of rows gives a list a person reads.
 *
 * @example
 *   capped(['a', 'b', 'c'], 2, (more) => `…and ${more} more`) // ['a', 'b', '…and 1 more']
 */
export function capped<T>(items: readonly T[], max: number, more: (count: number) => T): T[] {
  return items.length <= max ? [...items] : [...items.slice(0, max), more(items.length - max)];
}
