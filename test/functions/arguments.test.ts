import { describeNonValue, readArgument, readArguments, readCellArg, readRangeArg, readTableArg } from '../../src/functions/arguments';
import { CaseInputError, ModelError } from '../../src/model/errors';
import { thrownBy } from './runtime';

/** An error cell as Excel hands it over with allowErrorForDataTypeAny: a CustomFunctions.Error. */
const excelError = (code: string) => ({ code, message: undefined });

describe('readTableArg', () => {
  it('keeps the header row and blank cells as blank: "" as Excel hands it over, undefined as null', () => {
    expect(readTableArg([['Metric', 'Baseline'], ['Errors', ''], ['Time', undefined]], 'Metrics')).toEqual([
      ['Metric', 'Baseline'],
      ['Errors', ''],
      ['Time', null],
    ]);
  });

  it('hands on the host’s own rows where nothing needs changing, and leaves out the blank rows at the end', () => {
    const rows = [['Metric', 'Baseline'], ['Errors', '4.2%'], ['Time', -0], ...Array.from({ length: 1000 }, () => ['', null])];
    const grid = readTableArg(rows, 'Metrics')!;
    expect(grid).toHaveLength(3);
    expect(grid[1]).toBe(rows[1]);
    expect(grid[2]).not.toBe(rows[2]);
    expect(Object.is(grid[2][1], 0)).toBe(true);
    expect(Object.is(rows[2][1], -0)).toBe(true);
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

describe('readArgument: a text or number held to its declaration', () => {
  const which = { name: 'which', kind: 'text', optional: false, choices: ['adoption', 'volume', 'cost', 'realization'], description: 'd' } as const;
  const basis = { name: 'basis', kind: 'text', optional: true, default: 'evidence', description: 'd' } as const;
  const unit = { name: 'unit', kind: 'text', optional: true, description: 'd' } as const;
  const periods = {
    name: 'periodsPerYear',
    kind: 'number',
    optional: true,
    default: 12,
    range: { above: 0 },
    expected: 'the number of periods in a year, above 0',
    description: 'd',
  } as const;
  const share = { name: 'share', kind: 'number', optional: false, range: { min: 0, max: 1 }, description: 'd' } as const;

  it('takes one of the declared words in any case and with spaces around, as declared', () => {
    expect(readArgument(which, ' Cost ')).toBe('cost');
    expect(thrownBy(() => readArgument(which, 'speed'))).toMatchObject({
      code: '#VALUE!',
      message: 'which: expected "adoption", "volume", "cost" or "realization"; got "speed"',
    });
    expect(thrownBy(() => readArgument(which, ''))).toMatchObject({ message: 'which: expected "adoption", "volume", "cost" or "realization"; got ""' });
  });

  it('puts the declared default in place of an omitted or blank argument, and nothing where none is declared', () => {
    expect([null, undefined, '', '  '].map((v) => readArgument(basis, v))).toEqual(['evidence', 'evidence', 'evidence', 'evidence']);
    expect(readArgument(basis, 'target')).toBe('target');
    expect(readArgument(unit, null)).toBeUndefined();
    expect(readArgument(periods, null)).toBe(12);
    expect(readArgument(periods, '4')).toBe(4);
  });

  it('refuses a number outside the declared range, saying what was expected', () => {
    expect(thrownBy(() => readArgument(periods, 0))).toMatchObject({ code: '#VALUE!', message: 'periodsPerYear: expected the number of periods in a year, above 0; got 0' });
    expect(thrownBy(() => readArgument(share, 1.5))).toMatchObject({ message: 'share: expected a number at least 0 and at most 1; got 1.5' });
    expect(thrownBy(() => readArgument(share, null))).toMatchObject({ message: 'share: the cell is blank: expected a number' });
    expect(thrownBy(() => readArgument(share, true))).toMatchObject({ message: 'share: expected a number, got TRUE' });
    expect(readArgument(share, 1)).toBe(1);
  });

  it('reads every argument of a call by name, in the declared order', () => {
    expect(readArguments([which, basis, periods], ['volume'])).toEqual({ which: 'volume', basis: 'evidence', periodsPerYear: 12 });
  });
});
