import { createComplexClass, createFractionClass, createUnitClass, type FactoryConfig, type UnitCtor } from 'mathjs';

/**
 * mathjs's Unit class (its tables, parser and conversions) wired with number arithmetic. mathjs's
 * own instance builds every scalar function Unit depends on as a typed function, matrix
 * signatures included: 60–90 ms before the first conversion, in the browser and in Excel's shared
 * runtime alike. Pilot Gate only ever hands Unit numbers (config.number is 'number', and values
 * are numbers), so each dependency here is the number case of the mathjs function it stands for.
 */

/** mathjs's default configuration, with predictable results (no complex number from a real). */
export const UNIT_CONFIG: FactoryConfig = Object.freeze({
  relTol: 1e-12,
  absTol: 1e-15,
  matrix: 'Matrix',
  number: 'number',
  numberFallback: 'number',
  precision: 64,
  predictable: true,
  randomSeed: null,
  legacySubset: false,
});

/** The decimals round() snaps to before rounding: the exponent of relTol (mathjs's round, toExponent). */
const RELTOL_DECIMALS = Math.round(-Math.log10(UNIT_CONFIG.relTol));

/**
 * mathjs's equality of two numbers: within relTol of the larger, or within absTol (mathjs's
 * utils/number.js nearlyEqual, which equalScalar uses for numbers).
 *
 * @example
 *   nearlyEqual(0.1 + 0.2, 0.3) // true
 *   nearlyEqual(1, 1 + 1e-9)   // false
 */
export function nearlyEqual(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(UNIT_CONFIG.relTol * Math.max(Math.abs(a), Math.abs(b)), UNIT_CONFIG.absTol);
}

/** A number's shortest decimal text split into mantissa and exponent: 1.5e-7 → ['1.5', -7]. */
function decimalParts(x: number): [string, number] {
  const [mantissa, exponent] = String(x).split('e');
  return [mantissa, exponent === undefined ? 0 : Number(exponent)];
}

/**
 * x rounded to `decimals` places, half away from zero, on its shortest decimal text as mathjs's
 * roundNumber does (so 1.005 rounds to 1.01, where 1.005.toFixed(2) gives '1.00').
 */
function roundDecimals(x: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new RangeError('Number of decimals in function round must be an integer from 0 to 15 inclusive');
  }
  // An integer (every double from 2^53 up is one) is its own rounding, and shifting 1e300 by 15 places would overflow.
  if (!Number.isFinite(x) || Number.isInteger(x)) return x === 0 ? 0 : x;
  // Moving the decimal point in the text is exact; the number parsed from it is the nearest double.
  const [mantissa, exponent] = decimalParts(Math.abs(x));
  const [whole, wholeExponent] = decimalParts(Math.round(Number(`${mantissa}e${exponent + decimals}`)));
  // A negative that rounds to nothing is −0, as mathjs gives it (its text keeps the sign).
  return Math.sign(x) * Number(`${whole}e${wholeExponent - decimals}`);
}

/**
 * mathjs's round for numbers: x to `decimals` places, first snapped to relTol's decimals when it
 * is that close to them, so 2.4999999999999996 (a sum's round-off) rounds as 2.5.
 *
 * @example
 *   roundNumber(3.88, 1)  // 3.9
 *   roundNumber(-4.5)     // -5
 *   roundNumber(1.005, 2) // 1.01
 */
export function roundNumber(x: number, decimals = 0): number {
  if (decimals >= RELTOL_DECIMALS) return roundDecimals(x, decimals);
  const snapped = roundDecimals(x, RELTOL_DECIMALS);
  return roundDecimals(nearlyEqual(x, snapped) ? snapped : x, decimals);
}

/**
 * mathjs's fix for numbers: toward zero, except that a value within relTol of the integer it
 * rounds to is that integer (mathjs's floor and ceil do the same).
 *
 * @example
 *   fixNumber(-4.7)               // -4
 *   fixNumber(2.9999999999999996) // 3
 */
export function fixNumber(x: number): number {
  const truncated = Math.trunc(x);
  const rounded = roundNumber(x);
  if (truncated === rounded) return truncated;
  return nearlyEqual(x, rounded) && !nearlyEqual(x, truncated) ? rounded : truncated;
}

/**
 * mathjs's pow for numbers under `predictable`: Math.pow, with powNumber's limits (0 for x^∞
 * when |x| < 1, NaN for x^∞ when x < −1). A negative base to a fraction is NaN, as Math.pow
 * gives it; mathjs would find the real odd root (−8^(1/3) = −2), which Unit never asks for: it
 * raises a unit's factor, always positive, to the unit's power.
 *
 * @example
 *   powNumber(1000, -1)   // 0.001
 *   powNumber(0.5, Infinity) // 0
 */
export function powNumber(x: number, y: number): number {
  if ((x < -1 && y === Infinity) || (x > -1 && x < 0 && y === -Infinity)) return NaN;
  if ((x * x < 1 && y === Infinity) || (x * x > 1 && y === -Infinity)) return 0;
  return Math.pow(x, y);
}

/**
 * A plain number format: the shortest text that reads back as the same number, or `precision`
 * significant digits. Unit calls it only to write a unit as text (Unit.format), which Pilot Gate
 * never shows.
 *
 * @example
 *   formatNumber(0.1 + 0.2, { precision: 14 }) // '0.3'
 */
export function formatNumber(value: number, options?: { precision?: number }): string {
  const precision = options?.precision;
  return precision === undefined ? String(value) : String(Number(value.toPrecision(precision)));
}

/**
 * mathjs's BigNumber, in an engine of numbers: Unit reaches for it only when config.number is
 * 'BigNumber' or a value is one, and neither happens here, so it says so rather than carry
 * decimal.js into every page.
 */
class NoBigNumber {
  constructor() {
    throw new TypeError('Pilot Gate converts units in numbers: BigNumber values are not supported');
  }
}

/**
 * mathjs's Unit class with the product's own units, built from its factory with number
 * arithmetic; `define` adds the units (Unit.createUnit) and may not keep the class it is given.
 *
 * @example
 *   const Unit = buildUnitClass((U) => U.createUnit({ week: '604800 s' }, { override: true }));
 *   new Unit(1, 'week').toNumber('day') // 7
 */
export function buildUnitClass(define: (unit: UnitCtor) => void): UnitCtor {
  const unit = createUnitClass({
    config: UNIT_CONFIG,
    addScalar: (a, b) => a + b,
    subtractScalar: (a, b) => a - b,
    multiplyScalar: (a, b) => a * b,
    divideScalar: (a, b) => a / b,
    pow: powNumber,
    abs: Math.abs,
    fix: fixNumber,
    round: roundNumber,
    equal: nearlyEqual,
    isNumeric: (x) => typeof x === 'number' || typeof x === 'boolean',
    format: formatNumber,
    // A Fraction reaches it from mathjs's own table (degF is 5/9 K), never from Pilot Gate.
    number: (x) => (typeof x === 'number' ? x : x.valueOf()),
    Complex: createComplexClass({}),
    BigNumber: NoBigNumber,
    Fraction: createFractionClass({}),
  });
  define(unit);
  return unit;
}
