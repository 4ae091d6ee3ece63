// The shortcut of parseQuantity for common pasted shapes must read every text exactly as the full
// lexer (lexText) does: the same value to the last bit, unit, currency, flags, or the same error.
import fc from 'fast-check';
import { ModelError } from '../../src/model/errors';
import { lexText, parseQuantity, parseUnit, type Quantity } from '../../src/model/quantity';
import fixtures from './fixtures/values.json';

/** What reading a text gives: the quantity (-0 spelled out, as toEqual cannot tell it from 0) or the error. */
function outcome(read: () => Quantity): unknown {
  try {
    const q = read();
    return { ...q, value: Object.is(q.value, -0) ? '-0' : q.value };
  } catch (error) {
    if (error instanceof ModelError) return { code: error.code, message: error.message };
    throw error;
  }
}

/** Reads the text through parseQuantity twice (the second time its unit is remembered) and through lexText. */
function expectAgreement(text: string): void {
  const full = outcome(() => lexText(text));
  expect(outcome(() => parseQuantity(text))).toEqual(full);
  expect(outcome(() => parseQuantity(text))).toEqual(full);
}

const WORDS = [
  'min', 'm', 'h', 'hours', 'hr', 'd', 'days', 'wk', 'weeks', 'mo', 'months', 'quarter', 'year', 'yr', 'annum',
  'docs', 'tickets', 'error', 'transactions', 'pages', 'tokens', 'kg', 'km', 'mi', 'kWh', 'kb', 'MB', 'byte', 'ms', 's',
  'USD', 'usd', 'EUR', 'Eur', 'CHF', 'chf', 'GBP', 'JPY', '$', '€', '£', '¥', 'US$',
  'k', 'K', 'M', 'MM', 'mn', 'bn', 'B', 'thousand', 'million', 'Billion', 'percent', 'pct', '%',
  'per', '/', '*', '·', 'e', 'E', 'e3', 'x', '×', 'n/a', 'Stück', '1M', '1,000', '0', '.', ',', '-', '+', '(', ')',
];
const SPACES = ['', ' ', ' ', '  ', '\u00a0', '\u202f', '\t'];

const plainNumber = fc.oneof(
  fc.nat({ max: 10 ** 9 }).map(String),
  fc.double({ min: 0, max: 1e7, noNaN: true }).map((x) => x.toFixed(3)),
  fc.nat({ max: 10 ** 9 }).map((x) => x.toLocaleString('en-US', { maximumFractionDigits: 3 })),
  fc.nat({ max: 10 ** 9 }).map((x) => (x / 100).toLocaleString('de-DE')),
);
/** Digits and separators in any order, with an exponent now and then: most are no number at all. */
const oddNumber = fc.oneof(
  fc.stringMatching(/^[0-9][0-9.,]{0,8}(?:[eE][+-]?[0-9]{0,4})?$/),
  fc.constantFrom('.5', '00', '1e3', '1.5e3', '2e16', '1,5', '1.2.3', '1,2.5', '0,500', '5.', '5,', '1e1234', '1E-2'),
);
const unitText = fc
  .array(fc.tuple(fc.constantFrom(...SPACES), fc.constantFrom(...WORDS)), { maxLength: 4 })
  .map((words) => words.map(([space, word]) => space + word).join(''));

/** The shapes a PMO pastes: [sign] [symbol] number [scale] [%] [unit [/ or per unit]]. */
const commonText = fc
  .tuple(
    fc.constantFrom('', '', '-', '+'),
    fc.constantFrom('', '', '$', '€', '£', '¥'),
    plainNumber,
    fc.constantFrom('', ' '),
    fc.constantFrom('', '', 'k', 'M', 'm', 'million ', 'bn ', '%', 'percent'),
    fc.oneof(
      fc.constant(''),
      fc.constantFrom('min', 'h', 'days', 'USD', 'EUR', 'docs', 'tickets', 'kg'),
      fc
        .tuple(
          fc.constantFrom('min', 'h', 'USD', 'docs', 'transactions', ''),
          fc.constantFrom('/', ' per ', '/1,000 ', ' per 1M '),
          fc.constantFrom('year', 'week', 'h', 'error', 'pages', 'tokens'),
        )
        .map((parts) => parts.join('')),
    ),
  )
  .map((parts) => parts.join(''));

/** Anything near those shapes: accounting brackets, codes before the number, odd spaces and signs, stray words. */
const nearText = fc
  .tuple(
    fc.constantFrom('', '-', '+', '\u2212', '(', ' ', '- '),
    fc.constantFrom('', '$', '€', 'US$', 'USD ', 'usd', 'CHF ', 'abc', '$ ', '$-', '-'),
    fc.oneof(plainNumber, oddNumber),
    fc.constantFrom(...SPACES),
    unitText,
    fc.constantFrom('', ')', ' ', 'x', '×'),
  )
  .map((parts) => parts.join(''));

const noiseText = fc.string({ unit: fc.constantFrom(...'0123456789.,$€ %/eEkmMbhdy-+()usdper\u00a0'.split('')), maxLength: 14 });

describe('the shortcut reads as the full lexer', () => {
  it('on common shapes', () => {
    fc.assert(fc.property(commonText, expectAgreement), { seed: 20240611, numRuns: 1500 });
  });

  it('on shapes near them', () => {
    fc.assert(fc.property(nearText, expectAgreement), { seed: 20240611, numRuns: 1500 });
  });

  it('on noise', () => {
    fc.assert(fc.property(noiseText, expectAgreement), { seed: 20240611, numRuns: 1500 });
  });

  it('on every text of the parser fixtures, and each item of their lists', () => {
    const texts = Object.values(fixtures)
      .filter(Array.isArray)
      .flat()
      .flatMap((c: { in: unknown }) => (typeof c.in === 'string' ? [c.in, ...c.in.split(/[,;]/)] : []));
    expect(texts.length).toBeGreaterThan(200);
    texts.forEach(expectAgreement);
  });

  it('when more units are remembered than fit: the memory starts again and answers stay the same', () => {
    for (let i = 0; i < 5000; i++) expectAgreement(`${i} item${i}/week`);
    expectAgreement('12.5 min');
  });
});

describe('which texts take the shortcut', () => {
  // A remembered unit is one object shared by every cell that wrote it; the full lexer builds a new one.
  it.each([
    ['12.345 min', '2.5 min'],
    ['4.200%', '0.6%'],
    ['$3.400', '$0.80'],
    ['50,000 docs/year', '1,200 docs/year'],
    ['$45/h', '$120/h'],
    ['$120 per error', '$7 per error'],
    ['-1,200.50 USD', '+3 USD'],
    ['90 days', '6 days'],
    ['5 million docs/year', '7 million docs/year'],
  ])('%s and %s share their unit', (a, b) => {
    const first = parseQuantity(a);
    const second = parseQuantity(b);
    expect(second.unit).toBe(first.unit);
    expect(Object.isFrozen(first.unit)).toBe(true);
  });

  // Two texts alike but for a digit: the full lexer builds each one's unit anew.
  it.each([
    ['(500 docs)', '(501 docs)'],
    ['USD 3.40', 'USD 3.41'],
    ['1e3 docs', '2e3 docs'],
    ['12\u00a0min', '13\u00a0min'],
    [' 12 min', ' 13 min'],
    ['12  min', '13  min'],
    ['.5 h', '.6 h'],
    ['$ 5', '$ 6'],
    ['5 Stück', '6 Stück'],
  ])('%p goes to the full lexer', (a, b) => {
    expect(parseQuantity(a).unit).not.toBe(parseQuantity(b).unit);
  });
});

describe('a text already read', () => {
  it('is read once: the same text gives the same frozen quantity, whichever way it was read', () => {
    for (const text of ['12.345 min', '(500 docs)', 'USD 3.40']) {
      const first = parseQuantity(text);
      expect(parseQuantity(text)).toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
    }
  });

  it('gives the same error again, and a bare number still takes the unit it is read in', () => {
    const error = (): unknown => {
      try {
        return parseQuantity('N/A');
      } catch (e) {
        return e;
      }
    };
    const first = error();
    expect(first).toBeInstanceOf(ModelError);
    expect(error()).toBe(first);
    expect(parseQuantity('30', parseUnit('%')).value).toBe(0.3);
    expect(parseQuantity('30').value).toBe(30);
  });
});
