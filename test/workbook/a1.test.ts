import { cellA1, columnIndex, columnLetters, contains, parseA1, qualifiedA1, quoteSheet, rangeA1 } from '../../src/workbook/a1';

describe('A1 notation', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16_383, 'XFD'],
  ])('column %i is %s, and back', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it('refuses columns outside the sheet', () => {
    expect(() => columnLetters(16_384)).toThrow(RangeError);
    expect(() => columnLetters(-1)).toThrow(RangeError);
    expect(() => columnIndex('A1')).toThrow(RangeError);
  });

  it('quotes sheet names the way Excel formulas need', () => {
    expect(quoteSheet('Costs')).toBe('Costs');
    expect(quoteSheet('Pilot Gate')).toBe("'Pilot Gate'");
    expect(quoteSheet("Dana's")).toBe("'Dana''s'");
    expect(quoteSheet('AB12')).toBe("'AB12'");
    expect(quoteSheet('2024')).toBe("'2024'");
  });

  it('writes cells and ranges', () => {
    expect(cellA1(2, 1)).toBe('B3');
    expect(cellA1(2, 1, true)).toBe('$B$3');
    expect(rangeA1({ sheet: 'S', row: 0, column: 0, rows: 5, columns: 9 })).toBe('A1:I5');
    expect(rangeA1({ sheet: 'S', row: 4, column: 2, rows: 1, columns: 1 })).toBe('C5');
    expect(qualifiedA1({ sheet: 'Pilot Gate', row: 0, column: 0, rows: 2, columns: 2 }, true)).toBe("'Pilot Gate'!$A$1:$B$2");
  });

  it('reads what it writes, and what Excel reports', () => {
    const range = { sheet: "Dana's plan", row: 9, column: 27, rows: 3, columns: 4 };
    expect(parseA1(qualifiedA1(range, true))).toEqual(range);
    expect(parseA1("='Pilot Gate'!$A$1:$C$4")).toEqual({ sheet: 'Pilot Gate', row: 0, column: 0, rows: 4, columns: 3 });
    expect(parseA1('Sheet1!C3')).toEqual({ sheet: 'Sheet1', row: 2, column: 2, rows: 1, columns: 1 });
    expect(parseA1('B2:A1', 'S')).toEqual({ sheet: 'S', row: 0, column: 0, rows: 2, columns: 2 });
  });

  it('refuses what is not a range', () => {
    expect(() => parseA1('A1')).toThrow(/does not name a sheet/);
    expect(() => parseA1('Sheet1!A:C')).toThrow(/not a cell or range/);
    expect(() => parseA1('=#REF!')).toThrow();
  });

  it('tells whether a cell is in a range, sheet names compared as Excel does', () => {
    const r = { sheet: 'Costs', row: 1, column: 1, rows: 2, columns: 2 };
    expect(contains(r, { sheet: 'COSTS', row: 2, column: 2 })).toBe(true);
    expect(contains(r, { sheet: 'Costs', row: 3, column: 2 })).toBe(false);
    expect(contains(r, { sheet: 'Other', row: 1, column: 1 })).toBe(false);
  });
});
