/**
 * One format per figure: a figure reads the same in a reason (the engine's format.ts) and in the
 * block's cell (its Excel number format, as a grid shows it), so 3.175 is not 3.18× in the block
 * and 3.175× in a reason. Each pair is checked on hand-picked values and many random ones.
 */
import fc from 'fast-check';
import { formatMoney, formatMonths, formatMultiple, formatPercent } from '../../src/model/format';
import { figureFormat, moneyFormat } from '../../src/usecases/formats';
import { formatNumber } from '../../src/workbook/hyperformula/number-format';

/** A cell's text as a reason writes it: the engine's minus sign is typographic, Excel's ASCII; `_)` pads with a space. */
const asCell = (text: string) => text.replace(/−/g, '-');
const shown = (value: number, format: string) => formatNumber(value, format).trimEnd();

describe('a figure shows the same in a reason and in the block', () => {
  it.each([
    [3.175, '3.18×'],
    [8, '8.00×'],
    [0.31065, '0.31×'],
  ])('a multiple: %p reads %p both ways', (x, text) => {
    expect(formatMultiple(x)).toBe(text);
    expect(shown(x, figureFormat('multiple', 'USD')!)).toBe(text);
  });

  it.each([
    [-190000, 'USD', '($190,000)'],
    [1475525.91, 'USD', '$1,475,526'],
    [0.5, 'EUR', '€1'],
    [-1234.5, 'CHF', '(CHF 1,235)'],
  ])('money: %p %s reads %p both ways', (x, currency, text) => {
    expect(formatMoney(x, currency)).toBe(text);
    expect(shown(x, moneyFormat(currency))).toBe(text);
  });

  it('percentages, months, multiples and money agree on any value', () => {
    const value = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(value, (x) => {
        expect(asCell(formatPercent(x / 1e6))).toBe(shown(x / 1e6, figureFormat('fraction', 'USD')!));
        expect(asCell(formatMonths(x / 1e5))).toBe(shown(x / 1e5, figureFormat('months', 'USD')!));
        expect(asCell(formatMultiple(x / 1e6))).toBe(shown(x / 1e6, figureFormat('multiple', 'USD')!));
        for (const currency of ['USD', 'GBP', 'CHF']) expect(formatMoney(x, currency)).toBe(shown(x, moneyFormat(currency)));
      }),
      { numRuns: 2000 },
    );
  });
});
