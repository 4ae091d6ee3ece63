import { cutAtBlankRow } from '../../src/workbook/plain-range';

describe('a plain range', () => {
  it('ends at its first blank row', () => {
    expect(cutAtBlankRow([['Name', 'Value'], ['Horizon', 3], [null, '  '], ['other', 1]])).toBe(2);
    expect(cutAtBlankRow([['Name', 'Value']])).toBe(1);
  });
});
