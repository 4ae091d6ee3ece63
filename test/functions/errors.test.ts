import { CaseInputError, ModelError } from '../../src/model/errors';
import { excelValue, toExcelError } from '../../src/functions/errors';
import { customFunctionsRuntime, installCustomFunctionsRuntime, thrownBy } from './runtime';

beforeAll(installCustomFunctionsRuntime);

describe('toExcelError', () => {
  it.each([
    ['#VALUE!', '"N/A" is not a value'],
    ['#N/A', 'Payback never comes'],
  ] as const)('keeps the code %s and the message, which Excel shows on hover', (code, message) => {
    const error = toExcelError(new ModelError(code, message));
    expect(error).toBeInstanceOf(customFunctionsRuntime.Error);
    expect(error).toMatchObject({ code, message });
  });

  // @types/custom-functions-runtime: "A custom error message can't be used" with #NUM! or #DIV/0!.
  it.each(['#NUM!', '#DIV/0!'] as const)('raises %s with its code alone, as Excel allows no message there', (code) => {
    const error = toExcelError(new ModelError(code, 'IRR has no solution'));
    expect(error).toMatchObject({ code });
    expect(error.message).toBeUndefined();
  });

  it('turns a CaseInputError into #VALUE! naming table, row and column', () => {
    const error = toExcelError(new CaseInputError([{ table: 'Metrics', row: 3, column: 'Baseline', message: 'expected a number' }]));
    expect(error).toMatchObject({ code: '#VALUE!', message: 'Metrics row 3, Baseline: expected a number' });
  });

  it('shows any other error as #VALUE! that says it was unexpected', () => {
    expect(toExcelError(new TypeError('x is undefined'))).toMatchObject({ code: '#VALUE!', message: 'Unexpected error: x is undefined' });
  });
});

describe('excelValue', () => {
  it('returns the value of a successful outcome', () => {
    expect(excelValue({ ok: true, value: 42.5 })).toBe(42.5);
    expect(excelValue({ ok: true, value: [['Year 0'], [1]] })).toEqual([['Year 0'], [1]]);
  });

  it('throws the Excel error of a failed outcome', () => {
    const error = thrownBy(() => excelValue({ ok: false, error: new ModelError('#N/A', 'never') }));
    expect(error).toBeInstanceOf(customFunctionsRuntime.Error);
    expect(error).toMatchObject({ code: '#N/A', message: 'never' });
  });
});
