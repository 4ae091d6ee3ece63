import fc from 'fast-check';
import { afterCommit, navigate, PAGE_ROWS, parseClipboard, spanOf, toClipboard } from '../../src/workbench/navigation';
import type { Selection } from '../../src/workbench/navigation';

const at = (row: number, column: number) => ({ sheet: 'S', row, column });
const one = (row: number, column: number): Selection => ({ active: at(row, column), end: at(row, column) });
const key = (k: string, shiftKey = false, ctrlKey = false) => ({ key: k, shiftKey, ctrlKey });

describe('moving around a sheet', () => {
  it('moves the active cell with the arrows and stops at the sheet’s edge', () => {
    expect(navigate(one(2, 2), key('ArrowUp'))).toEqual(one(1, 2));
    expect(navigate(one(2, 2), key('ArrowDown'))).toEqual(one(3, 2));
    expect(navigate(one(2, 2), key('ArrowLeft'))).toEqual(one(2, 1));
    expect(navigate(one(2, 2), key('ArrowRight'))).toEqual(one(2, 3));
    expect(navigate(one(0, 0), key('ArrowUp'))).toEqual(one(0, 0));
    expect(navigate(one(0, 0), key('ArrowLeft'))).toEqual(one(0, 0));
  });

  it('stretches the selection with Shift, keeping the active cell', () => {
    const stretched = navigate(navigate(one(2, 2), key('ArrowDown', true))!, key('ArrowRight', true))!;
    expect(stretched).toEqual({ active: at(2, 2), end: at(3, 3) });
    expect(spanOf(stretched.active, stretched.end)).toEqual({ sheet: 'S', row: 2, column: 2, rows: 2, columns: 2 });
    expect(spanOf(at(5, 1), at(2, 4))).toEqual({ sheet: 'S', row: 2, column: 1, rows: 4, columns: 4 });
    // An arrow without Shift collapses the selection onto the moved active cell.
    expect(navigate(stretched, key('ArrowDown'))).toEqual(one(3, 2));
  });

  it('goes home, to A1, and a page up or down', () => {
    expect(navigate(one(7, 5), key('Home'))).toEqual(one(7, 0));
    expect(navigate(one(7, 5), key('Home', false, true))).toEqual(one(0, 0));
    expect(navigate(one(7, 5), key('PageDown'))).toEqual(one(7 + PAGE_ROWS, 5));
    expect(navigate(one(7, 5), key('PageUp'))).toEqual(one(0, 5));
    expect(navigate(one(7, 5), key('a'))).toBeNull();
  });

  it('moves after a commit the way Excel does', () => {
    expect(afterCommit(at(4, 2), 'Enter', false)).toEqual(at(5, 2));
    expect(afterCommit(at(4, 2), 'Enter', true)).toEqual(at(3, 2));
    expect(afterCommit(at(4, 2), 'Tab', false)).toEqual(at(4, 3));
    expect(afterCommit(at(4, 0), 'Tab', true)).toEqual(at(4, 0));
  });
});

describe('the clipboard as spreadsheets fill it', () => {
  it('reads rows of tab-separated cells, with quoted cells and a final line break', () => {
    expect(parseClipboard('12 min\t2 min\r\n4.2%\t0.5%\r\n')).toEqual([
      ['12 min', '2 min'],
      ['4.2%', '0.5%'],
    ]);
    expect(parseClipboard('N/A')).toEqual([['N/A']]);
    expect(parseClipboard('a\t\tc\n')).toEqual([['a', '', 'c']]);
    expect(parseClipboard('"two\nlines"\t"say ""hi"""')).toEqual([['two\nlines', 'say "hi"']]);
    expect(parseClipboard('5" screen\t$3.40')).toEqual([['5" screen', '$3.40']]);
    expect(parseClipboard('')).toEqual([]);
  });

  it('writes what it reads back', () => {
    const cellText = fc.string({ unit: fc.constantFrom('a', '1', ' ', '"', '\t', '\n', '$', '%'), maxLength: 6 });
    const rows = fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(rows, (grid) => {
        // A row of one empty cell is a blank line, which the clipboard cannot tell from nothing.
        fc.pre(grid.every((row) => row.length > 1 || row[0] !== ''));
        expect(parseClipboard(toClipboard(grid))).toEqual(grid);
      }),
    );
  });
});
