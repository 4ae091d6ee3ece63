import { typedNumber } from '../../src/workbook/typed-number';

describe('typedNumber: what Excel makes of text written into a General cell', () => {
  it.each([
    ['1,200', 1200, 'General'],
    ['$3.40', 3.4, '$#,##0.00'],
    ['4.2%', 0.042, '0.0%'],
    ['-12', -12, 'General'],
    [' 7 ', 7, 'General'],
  ])('%p is the number %p formatted %p', (text, value, format) => {
    const typed = typedNumber(text);
    expect(typed?.format).toBe(format);
    expect(typed?.value).toBeCloseTo(value, 12);
  });

  it('keeps text with a unit, a lone comma or a word as text', () => {
    expect(['12 min', '1,5', 'N/A', '€3', ''].map(typedNumber)).toEqual([null, null, null, null, null]);
  });

  it('makes "-0" the number 0, never -0', () => {
    expect(Object.is(typedNumber('-0')?.value, 0)).toBe(true);
  });
});
