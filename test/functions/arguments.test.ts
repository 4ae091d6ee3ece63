import { describeNonValue, readCellArg, readRangeArg, readTableArg } from '../../src/functions/arguments';
import { CaseInputError, ModelError } from '../../src/model/errors';
import { thrownBy } from './runtime';

/** An error cell as Excel hands it over with allowErrorForDataTypeAny: a CustomFunctions.Error. */
const excelError = (code: string) => ({ code, message: undefined });

describe('readTableArg', () => {
  it('keeps the header row and turns blank cells ("" from Excel, undefined) into null', () => {
    expect(readTableArg([['Metric', 'Baseline'], ['Errors', ''], ['Time', undefined]], 'Metrics')).toEqual([
      ['Metric', 'Baseline'],
      ['Errors', null],
      ['Time', null],
    ]);
  });

  it('reads an omitted table (null, undefined, one blank cell) as absent', () => {
    for (const nothing of [null, undefined, '', [['']], [[null]], []]) expect(readTableArg(nothing, 'Readiness')).toBeUndefined();
  });

  it('turns -0 into 0 and keeps numbers, booleans and text as they are', () => {
    const grid = readTableArg([['Name', 'Value'], ['Hurdle ROI', -0], ['Flag', true]], 'Assumptions')!;
    expect(Object.is(grid[1][1], 0)).toBe(true);
    expect(grid[2][1]).toBe(true);
  });

  it('names the table, row and canonical column of an Excel error inside the table', () => {
    // "Current" is a synonym of Baseline (SPEC §2.1): the problem uses the canonical name.
    const error = thrownBy(() => readTableArg([['KPI', 'Current', 'Goal'], ['Errors', excelError('#DIV/0!'), '1%']], 'Metrics'));
    expect(error).toBeInstanceOf(CaseInputError);
    expect((error as CaseInputError).code).toBe('#VALUE!');
    expect((error as CaseInputError).problems).toEqual([
      { table: 'Metrics', row: 2, column: 'Baseline', message: 'the cell holds the Excel error #DIV/0!: expected a value (fix the cell or clear it)' },
    ]);
    expect((error as CaseInputError).message).toMatch(/^Metrics row 2, Baseline: the cell holds the Excel error #DIV\/0!/);
  });

  it('reports every error cell at once, unknown headers by their text and header errors by position', () => {
    const error = thrownBy(() =>
      readTableArg(
        [
          ['Category', excelError('#REF!'), 'Notes'],
          ['Infra', 1, excelError('#N/A')],
        ],
        'Costs',
      ),
    ) as CaseInputError;
    expect(error.problems.map((p) => [p.row, p.column])).toEqual([
      [1, 'column 2'],
      [2, 'Notes'],
    ]);
    expect(error.message).toMatch(/and 1 more problem/);
  });

  it('treats a data type or any other object in a cell as not a value', () => {
    const error = thrownBy(() => readTableArg([['Gate', 'Status'], ['Sponsor', { type: 'Entity', text: 'x' }]], 'Readiness')) as CaseInputError;
    expect(error.problems[0]).toMatchObject({ table: 'Readiness', row: 2, column: 'Status' });
    expect(error.problems[0].message).toMatch(/a data type or object, not a value/);
  });

  it('takes a single value as a one-cell table and a flat list as one row', () => {
    expect(readTableArg('Metric', 'Metrics')).toEqual([['Metric']]);
    expect(readTableArg(['Metric', 'Baseline'], 'Metrics')).toEqual([['Metric', 'Baseline']]);
  });
});

describe('readRangeArg', () => {
  it('reads a block of cells with blanks as null', () => {
    expect(readRangeArg([[-100, ''], [60, 60]], 'cashflows')).toEqual([
      [-100, null],
      [60, 60],
    ]);
    expect(readRangeArg(null, 'cashflows')).toBeUndefined();
  });

  it('names the argument, row and column of an error cell', () => {
    const error = thrownBy(() => readRangeArg([[-100, excelError('#N/A'), 60]], 'cashflows'));
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toMatchObject({ code: '#VALUE!', message: 'cashflows row 1, column 2: the cell holds the Excel error #N/A: expected a value' });
  });
});

describe('readCellArg', () => {
  it('reads one value, a 1 × 1 range, and blanks as null', () => {
    expect(readCellArg('12 min', 'baseline')).toBe('12 min');
    expect(readCellArg([[3]], 'pilot')).toBe(3);
    expect(readCellArg('', 'pilot')).toBeNull();
    expect(readCellArg(undefined, 'pilot')).toBeNull();
  });

  it('refuses a range of several cells and an error value, naming the argument', () => {
    expect(thrownBy(() => readCellArg([[1, 2]], 'baseline'))).toMatchObject({ code: '#VALUE!', message: 'baseline: expected one cell, got a range of 1 × 2 cells' });
    expect(thrownBy(() => readCellArg(excelError('#NUM!'), 'target'))).toMatchObject({
      code: '#VALUE!',
      message: 'target: the cell holds the Excel error #NUM!: expected a value',
    });
  });
});

describe('describeNonValue', () => {
  it('says what an error, an object or a non-finite number is, and null for a value', () => {
    expect(describeNonValue(excelError('#N/A'))).toBe('the Excel error #N/A');
    expect(describeNonValue(NaN)).toBe('a number that is not finite (NaN)');
    expect(describeNonValue({})).toBe('a data type or object, not a value');
    for (const value of [null, 0, 'x', true]) expect(describeNonValue(value)).toBeNull();
  });
});
