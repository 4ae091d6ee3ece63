import { rectangles } from '../../../src/workbook/hyperformula/rectangles';

describe('rectangles', () => {
  it('stack rows that are one run over the same columns into one rectangle', () => {
    expect(rectangles([[1, 2], [3, 4], [5, 6]])).toEqual([{ row: 0, column: 0, cells: [[1, 2], [3, 4], [5, 6]] }]);
  });

  it('leave the gaps out, so a null cell is never written', () => {
    expect(rectangles([[null, 1, 2, null, 3]])).toEqual([
      { row: 0, column: 1, cells: [[1, 2]] },
      { row: 0, column: 4, cells: [[3]] },
    ]);
  });

  it('keep the grid’s order: a row of two runs is not stacked onto, nor stacks onto another', () => {
    // Stacking [3] under [1] would write row 1's 3 before row 0's 2: a formula entered there would see other cells.
    expect(rectangles([[1, null, 2], [3, null, 4], [5, 6]])).toEqual([
      { row: 0, column: 0, cells: [[1]] },
      { row: 0, column: 2, cells: [[2]] },
      { row: 1, column: 0, cells: [[3]] },
      { row: 1, column: 2, cells: [[4]] },
      { row: 2, column: 0, cells: [[5, 6]] },
    ]);
  });

  it('start a new rectangle where a run moves, narrows or follows an empty row', () => {
    expect(rectangles([['a', 'b'], ['c'], [null, 'd'], [], ['e'], ['f']])).toEqual([
      { row: 0, column: 0, cells: [['a', 'b']] },
      { row: 1, column: 0, cells: [['c']] },
      { row: 2, column: 1, cells: [['d']] },
      { row: 4, column: 0, cells: [['e'], ['f']] },
    ]);
  });

  it('write nothing for a grid of gaps', () => {
    expect(rectangles([[null], [], [null, null]])).toEqual([]);
  });
});
