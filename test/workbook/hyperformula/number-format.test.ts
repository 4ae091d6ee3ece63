import { displayText, formatGeneral, formatNumber } from '../../../src/workbook/hyperformula/number-format';
import { moneyFormat } from '../../../src/usecases/formats';

describe('number formats as a grid shows them', () => {
  it.each([
    [0.2881, '0.0%', '28.8%'],
    [0.1, '0%', '10%'],
    [3, '0', '3'],
    [2.5, '0', '3'],
    // Money as finance reads it: whole units, negatives in parentheses, `_)` leaving room for the ")".
    [-190000, moneyFormat('USD'), '($190,000)'],
    [641561.142857, moneyFormat('USD'), '$641,561 '],
    [1234.5, moneyFormat('CHF'), 'CHF 1,235 '],
    [-1234.5, moneyFormat('CHF'), '(CHF 1,235)'],
    [30000, '$#,##0;-$#,##0', '$30,000'],
    [3.2189, '0.00"×"', '3.22×'],
    [3.175, '0.00"×"', '3.18×'], // Excel rounds the 15-digit value half away from zero; toFixed says 3.17
    [2.675, '0.00', '2.68'],
    [1.005, '0.00', '1.01'],
    [0.0285, '0.0%', '2.9%'],
    [2, '0.0"×"', '2.0×'],
    [4, '0 "months"', '4 months'],
    [-0.001, '0.00', '0.00'],
    [0, '0.00;-0.00;"nil"', 'nil'],
    [0.5, '#.00', '.50'],
    [1234567, '#,##0', '1,234,567'],
    [5, '[Red]0.0', '5.0'],
  ])('%p in %p reads %p', (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });

  it('shows General numbers with up to ten significant digits, scientific beyond', () => {
    expect(formatGeneral(1475525.9123456)).toBe('1475525.912');
    expect(formatGeneral(0.1 + 0.2)).toBe('0.3');
    expect(formatGeneral(-0)).toBe('0');
    expect(formatGeneral(123456789012)).toBe('1.23457E+11');
    expect(formatGeneral(0.0000000001234)).toBe('1.234E-10');
    expect(formatNumber(42, '@')).toBe('42');
  });

  it('shows booleans, text and blanks', () => {
    expect(displayText(true, 'General')).toBe('TRUE');
    expect(displayText('12 min', '0%')).toBe('12 min');
    expect(displayText(null, '0%')).toBe('');
    expect(displayText('x', '0;-0;0;"Note: "@')).toBe('Note: x');
  });
});
