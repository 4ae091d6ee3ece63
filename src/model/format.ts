import type { Fraction, Money, Months, Threshold } from './types';

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

function grouped(n: number, digits: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Money as finance people read it, in reasons and in the output block alike (the block's Excel
 * format, usecases/formats.ts, shows the same text): whole units, grouped, with the currency's
 * symbol (or code), negatives in parentheses.
 *
 * @example
 *   formatMoney(-190000, 'USD') // '($190,000)'
 *   formatMoney(1234.5, 'CHF')  // 'CHF 1,235'
 */
export function formatMoney(amount: Money, currency: string): string {
  // Half away from zero, as Excel rounds what it shows.
  const rounded = Math.sign(amount) * Math.round(Math.abs(amount));
  const body = grouped(Math.abs(rounded), 0);
  const symbol = SYMBOLS[currency];
  const text = symbol ? `${symbol}${body}` : `${currency} ${body}`;
  // Excel picks the negative section by the value's sign, so −0.4 shows as ($0).
  return amount < 0 ? `(${text})` : text;
}

/** `x` with `digits` decimals, rounded half away from zero from its 15 significant digits (as Excel shows a cell), never `-0`. */
function fixed(x: number, digits: number): string {
  const magnitude = Math.abs(x);
  const shown = Number(magnitude.toPrecision(15));
  const text = String(shown).includes('e') ? shown.toFixed(digits) : Number(`${Math.round(Number(`${shown}e${digits}`))}e-${digits}`).toFixed(digits);
  return x < 0 && /[1-9]/.test(text) ? `−${text}` : text;
}

/**
 * A fraction as a percentage with `digits` decimals, as the block's `0.0%` shows it.
 *
 * @example
 *   formatPercent(0.2881) // '28.8%'
 *   formatPercent(0.1)    // '10.0%'
 */
export function formatPercent(x: Fraction, digits = 1): string {
  return `${fixed(x * 100, digits)}%`;
}

/**
 * A multiple such as an expansion, with two decimals, as the block's `0.00"×"` shows it.
 *
 * @example
 *   formatMultiple(3.175) // '3.18×'
 *   formatMultiple(8)     // '8.00×'
 */
export function formatMultiple(x: number, digits = 2): string {
  return `${fixed(x, digits)}×`;
}

/**
 * Months with one decimal, as the block's `0.0 "months"` shows them.
 *
 * @example
 *   formatMonths(13.072) // '13.1 months'
 *   formatMonths(24)     // '24.0 months'
 */
export function formatMonths(m: Months): string {
  return `${fixed(m, 1)} months`;
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

/** Reasons, actions and warnings list at most this many items of one kind, then say how many more. */
export const MAX_LISTED = 8;

/**
 * The first `max` items of a list, each made by `make`, then one item saying how many more there
 * are, so a pasted table of thousands of rows gives a list a person reads. Only the items shown
 * are made: a million unproven metrics cost one sentence each only when listed.
 *
 * @example
 *   capped([1, 2, 3], 2, (n) => `row ${n}`, (more) => `…and ${more} more`) // ['row 1', 'row 2', '…and 1 more']
 */
export function capped<T, U>(items: readonly T[], max: number, make: (item: T) => U, more: (count: number) => U): U[] {
  const shown: U[] = [];
  for (let i = 0; i < items.length && i < max; i++) shown.push(make(items[i]));
  if (items.length > max) shown.push(more(items.length - max));
  return shown;
}

/**
 * The most characters of a cell a message quotes. A pasted cell can hold 32,767: a message quotes
 * its start and says how long it is, so every message, warning, reason and action stays a size a
 * person reads (and a cell's hover text shows).
 */
export const QUOTED_CHARACTERS = 60;

/** The start of a long text, never cutting a character outside the Basic Multilingual Plane in two. */
function start(text: string): string {
  const last = text.charCodeAt(QUOTED_CHARACTERS - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? QUOTED_CHARACTERS - 1 : QUOTED_CHARACTERS);
}

function length(text: string): string {
  return `(${text.length.toLocaleString('en-US')} characters)`;
}

/**
 * Text from a cell as a message shows it, without quotes: whole up to QUOTED_CHARACTERS, else its
 * start, "…" and its length.
 *
 * @example
 *   excerpt('Dana Whitfield')  // 'Dana Whitfield'
 *   excerpt('x'.repeat(32767)) // 'xx…x… (32,767 characters)', with 60 x's
 */
export function excerpt(text: string): string {
  return text.length <= QUOTED_CHARACTERS ? text : `${start(text)}… ${length(text)}`;
}

/**
 * Text from a cell in quotes, as every message quotes a cell: `"12 min"`; a long cell as its start
 * in quotes, then its length.
 *
 * @example
 *   quoted('N/A')             // '"N/A"'
 *   quoted('x'.repeat(32767)) // '"xx…x…" (32,767 characters)', with 60 x's
 */
export function quoted(text: string): string {
  return text.length <= QUOTED_CHARACTERS ? `"${text}"` : `"${start(text)}…" ${length(text)}`;
}
