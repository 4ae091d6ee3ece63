import fc from 'fast-check';
import { Unit as DefaultUnit } from 'mathjs';
import { ModelError } from '../../src/model/errors';
import type { Cell } from '../../src/model/types';
import {
  MAX_MAGNITUDE,
  parseDuration,
  parseFraction,
  parseFractionList,
  parseMoney,
  parseMoneyPerYear,
  parseMultiple,
  parseQuantity,
  parseUnit,
  parseValue,
} from '../../src/model/values';
import {
  PER_YEAR,
  currencyCode,
  currencyOf,
  divideUnits,
  moneyPer,
  multiplyTo,
  simpleUnit,
  unitLabel,
  unitTerm,
} from '../../src/model/units';
import { checkedNumber, failValue, normalizeText } from '../../src/model/quantity';
import fixtures from './fixtures/values.json';

interface Case {
  in: Cell;
  out?: number | number[];
  error?: string;
  why?: string;
  unit?: string;
  currency?: string;
  to?: 'days' | 'months' | 'years';
  bare?: 'days' | 'months' | 'years';
}

const RELATIVE = 1e-12;

function closeTo(actual: number, expected: number, relative = RELATIVE): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

function runTable(name: string, cases: Case[], parse: (c: Case) => number | number[]): void {
  describe(`${name} (fixtures/values.json)`, () => {
    it.each(cases.map((c) => [JSON.stringify(c.in), c] as const))('%s', (_label, c) => {
      if (c.error !== undefined) {
        let thrown: unknown;
        try {
          parse(c);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ModelError);
        expect((thrown as ModelError).code).toBe('#VALUE!');
        expect((thrown as ModelError).message).toContain(c.error);
        expect((thrown as ModelError).message).not.toMatch(/\brow\b/i);
        return;
      }
      const got = parse(c);
      const want = c.out!;
      if (Array.isArray(want)) {
        expect(Array.isArray(got)).toBe(true);
        expect((got as number[]).length).toBe(want.length);
        want.forEach((w, i) => closeTo((got as number[])[i], w));
      } else {
        closeTo(got as number, want);
      }
    });
  });
}

runTable('parseValue', fixtures.parseValue as Case[], (c) => parseValue(c.in, c.unit));
runTable('parseMoney', fixtures.parseMoney as Case[], (c) => parseMoney(c.in, c.currency!));
runTable('parseMoneyPerYear', fixtures.parseMoneyPerYear as Case[], (c) => parseMoneyPerYear(c.in, c.currency!));
runTable('parseFraction', fixtures.parseFraction as Case[], (c) => parseFraction(c.in));
runTable('parseMultiple', fixtures.parseMultiple as Case[], (c) => parseMultiple(c.in));
runTable('parseDuration', fixtures.parseDuration as Case[], (c) => parseDuration(c.in, c.to!, c.bare!));
runTable('parseFractionList', fixtures.parseFractionList as Case[], (c) => parseFractionList(c.in));

describe('error messages', () => {
  it('quote the text and say what was expected', () => {
    expect(() => parseValue('N/A')).toThrow('"N/A" is not a value: expected a number such as 1,200, 12 min, $3.40 or 4.2%');
    expect(() => parseValue('1,5')).toThrow(/"1,5" .*1,200.*1\.5/);
    expect(() => parseMoney('€1.2M', 'USD')).toThrow('"€1.2M" is in EUR, but the case currency is USD: there are no exchange rates');
  });
});

describe('lexer helpers (their JSDoc examples)', () => {
  it('reads pasted spaces and minus signs as plain text', () => {
    expect(normalizeText('\u22125\u00a0min ')).toBe('-5 min');
    expect(normalizeText('1\u202f200\u200b')).toBe('1 200');
  });
  it('checks number cells and builds quoted errors', () => {
    expect(Object.is(checkedNumber(-0), 0)).toBe(true);
    expect(() => failValue('N/A', 'is not a value')).toThrow(new ModelError('#VALUE!', '"N/A" is not a value'));
  });
});

describe('no -0, NaN or Infinity', () => {
  it('normalises negative zero', () => {
    expect(Object.is(parseValue('(0)'), 0)).toBe(true);
    expect(Object.is(parseValue('-0'), 0)).toBe(true);
    expect(Object.is(parseValue(-0), 0)).toBe(true);
    expect(Object.is(parseMoney('-$0', 'USD'), 0)).toBe(true);
  });
  it('rejects non-finite number cells', () => {
    expect(() => parseValue(Number.NaN)).toThrow(ModelError);
    expect(() => parseValue(Number.POSITIVE_INFINITY)).toThrow(ModelError);
    expect(() => parseFraction(Number.NEGATIVE_INFINITY)).toThrow(ModelError);
  });
  it('rejects a division by zero in a rate', () => {
    expect(() => parseValue('$5 per 0 docs')).toThrow('divides by zero');
  });
});

describe('parseQuantity', () => {
  it('keeps the unit, currency and percent of pasted text', () => {
    const rate = parseQuantity('$45/h');
    expect([rate.value, unitLabel(rate.unit), rate.currency, rate.percent, rate.bare]).toEqual([45, 'USD/h', 'USD', false, false]);
    const volume = parseQuantity('50,000 docs/year');
    expect([volume.value, unitLabel(volume.unit), volume.currency]).toEqual([50000, 'docs/year', null]);
    const share = parseQuantity('4.2%');
    expect([share.value, share.percent, share.bare]).toEqual([0.042, true, false]);
    const perError = parseQuantity('$120 per error');
    expect(unitLabel(perError.unit)).toBe('USD/error');
  });
  it('gives a bare number the default unit, as Excel hands over formatted cells as plain numbers, and reads it in percent points under %', () => {
    const hours = parseQuantity(200, parseUnit('h/week'));
    expect([hours.value, unitLabel(hours.unit), hours.bare]).toEqual([200, 'h/week', true]);
    const money = parseQuantity('3.4', parseUnit('€'));
    expect([money.currency, money.bare]).toEqual(['EUR', true]);
    // Beside Unit %, a bare number is in percent points (SPEC §3.1): 4.2 is 4.2%, the fraction 0.042.
    const share = parseQuantity(4.2, parseUnit('%'));
    expect([share.value, share.percent]).toEqual([0.042, true]);
    expect(parseQuantity('30', parseUnit('%')).value).toBe(0.3);
    expect(parseQuantity('30%', parseUnit('%')).value).toBe(0.3);
  });
  it('a written unit wins over the default', () => {
    expect(unitLabel(parseQuantity('12 min', parseUnit('h')).unit)).toBe('min');
  });
});

describe('parseUnit', () => {
  it.each([
    ['min', 'min'],
    ['$/h', 'USD/h'],
    ['USD per hour', 'USD/hour'],
    ['tickets per week', 'tickets/week'],
    ['h/week', 'h/week'],
    ['%', '%'],
    ['per year', '/year'],
  ])('%s reads as %s', (text, label) => {
    expect(unitLabel(parseUnit(text))).toBe(label);
  });
  it.each(['', 'N/A', '-', '—', 'tbd', '5 min', '$/€'])('rejects %p', (text) => {
    expect(() => parseUnit(text)).toThrow(ModelError);
  });
});

describe('units', () => {
  it('keeps the product calendar: 1 year = 365.25 days = 12 months, 1 week = 7 days', () => {
    expect(parseValue('1 year', 'days')).toBe(365.25);
    expect(parseValue('1 year', 'months')).toBe(12);
    expect(parseValue('1 week', 'days')).toBe(7);
    expect(parseValue('1 month', 'days')).toBe(30.4375);
  });
  it('does not change the shared mathjs instance', () => {
    parseValue('1 quarter', 'months');
    expect(DefaultUnit.isValuelessUnit('USD')).toBe(false);
    expect(DefaultUnit.isValuelessUnit('quarter')).toBe(false);
  });
  it('reads currencies: symbols, capital ISO codes, and usd/eur/gbp/jpy in any case', () => {
    expect(['$', '€', '£', '¥', 'CHF', 'usd', 'Eur', 'gbp', 'JPY'].map(currencyOf)).toEqual(
      ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'USD', 'EUR', 'GBP', 'JPY'],
    );
    expect(currencyOf('chf')).toBeNull();
    expect(currencyCode(' € ')).toBe('EUR');
    expect(() => currencyCode('dollars')).toThrow(ModelError);
  });
  it('reads words: real units, and any other word as a count', () => {
    expect(unitTerm('hours').mathName).toBe('h');
    expect(unitTerm('m').mathName).toBe('min');
    expect(unitTerm('docs').mathName).toBeNull();
    expect(unitTerm('links').mathName).toBeNull();
  });
  it('multiplies into money per year (SPEC §3.2 worked example)', () => {
    const usdPerHour = divideUnits(simpleUnit('USD'), simpleUnit('h'));
    const value = multiplyTo(
      [{ value: 10, unit: simpleUnit('min') }, { value: 50_000, unit: PER_YEAR }, { value: 45, unit: usdPerHour }],
      moneyPer('USD', 'year'),
    );
    closeTo(value!, 375_000);
    expect(multiplyTo([{ value: 10, unit: simpleUnit('min') }, { value: 45, unit: usdPerHour }], moneyPer('USD', 'year'))).toBeNull();
  });
  it('prices SPEC §7\'s hours metric with its weeks a year: 200 h/week × $45/h × 365.25 / 7 = 469,607.14', () => {
    const usdPerHour = divideUnits(simpleUnit('USD'), simpleUnit('h'));
    const hoursPerWeek = divideUnits(simpleUnit('h'), simpleUnit('week'));
    const value = multiplyTo([{ value: 200, unit: hoursPerWeek }, { value: 45, unit: usdPerHour }], moneyPer('USD', 'year'));
    closeTo(value!, (200 * 45 * 365.25) / 7);
    expect(value!.toFixed(2)).toBe('469607.14');
    expect(parseValue('1 year', 'weeks')).toBe(365.25 / 7); // 52.1786 weeks a year (SPEC §3.4)
  });
});

describe('properties', () => {
  const cents = fc.integer({ min: -99_999_999_999_99, max: 99_999_999_999_99 });
  const money = (c: number): number => c / 100;

  it('a number formatted with grouping and a currency (en-US, accounting negatives) parses back', () => {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', currencySign: 'accounting' });
    fc.assert(
      fc.property(cents, (c) => {
        const text = format.format(money(c));
        closeTo(parseMoney(text, 'USD'), money(c));
      }),
    );
  });

  it('a number formatted the German way (1.234,56 €, non-breaking space) parses back', () => {
    const format = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
    const large = cents.filter((c) => Math.abs(c) >= 100_000);
    fc.assert(
      fc.property(large, (c) => {
        closeTo(parseMoney(format.format(money(c)), 'EUR'), money(c));
      }),
    );
  });

  it('a grouped plain number and a percentage parse back', () => {
    const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
    const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 4 });
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const x = n / 10_000;
        closeTo(parseValue(grouped.format(x)), x);
        closeTo(parseValue(percent.format(x)), x);
      }),
    );
  });

  it('a money suffix scales exactly: $x k = 1,000 x', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        const x = n / 100;
        closeTo(parseMoney(`$${x}k`, 'USD'), x * 1000);
        closeTo(parseMoney(`${x}M EUR`, 'EUR'), x * 1e6);
      }),
    );
  });

  it('time conversions round-trip', () => {
    const units = ['ms', 's', 'min', 'h', 'days', 'weeks', 'months', 'quarters', 'years'];
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.constantFrom(...units),
        fc.constantFrom(...units),
        (x, from, to) => {
          const there = parseValue(`${x} ${from}`, to);
          closeTo(parseValue(`${there} ${to}`, from), x, 1e-9);
        },
      ),
    );
  });

  it('text without a digit is never a number', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/\d/.test(s)), (s) => {
        expect(() => parseValue(s)).toThrow(ModelError);
      }),
    );
  });

  it('magnitudes above 1e15 are an error, at and below are not', () => {
    fc.assert(
      fc.property(fc.double({ min: -MAX_MAGNITUDE, max: MAX_MAGNITUDE, noNaN: true }), (x) => {
        expect(parseValue(x)).toBe(x === 0 ? 0 : x);
        expect(() => parseValue(x * 1.5 + Math.sign(x || 1) * (MAX_MAGNITUDE + 1))).toThrow('above 1e15');
      }),
    );
  });
});
