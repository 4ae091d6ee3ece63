import { CaseInputError, ModelError } from '../../src/model/errors';
import { excelResult, toExcelError } from '../../src/functions/errors';
import { customFunctionsRuntime, installCustomFunctionsRuntime, thrownBy } from './runtime';

beforeAll(installCustomFunctionsRuntime);

describe('toExcelError', () => {
  it.each([
    ['#VALUE!', '"N/A" is not a value'],
    ['#NUM!', 'IRR did not converge'],
    ['#N/A', 'payback never happens'],
    ['#DIV/0!', 'PV costs is 0'],
  ] as const)('keeps the code %s and the message of a ModelError', (code, message) => {
    const error = toExcelError(new ModelError(code, message));
    expect(error).toBeInstanceOf(customFunctionsRuntime.Error);
    expect(error).toMatchObject({ code, message });
  });

  it('turns a CaseInputError into #VALUE! with its summary', () => {
    const error = toExcelError(new CaseInputError([{ table: 'Metrics', row: 3, column: 'Baseline', message: 'expected a number' }]));
    expect(error).toMatchObject({ code: '#VALUE!', message: 'Metrics row 3, Baseline: expected a number' });
  });

  it('shows any other error as #VALUE! that says it was unexpected', () => {
    expect(toExcelError(new TypeError('x is undefined'))).toMatchObject({ code: '#VALUE!', message: 'Unexpected error: x is undefined' });
  });
});

describe('excelResult', () => {
  it('returns a finite result and turns -0 into 0', () => {
    expect(excelResult(() => 42.5)).toBe(42.5);
    expect(Object.is(excelResult(() => -0), 0)).toBe(true);
  });

  it('throws #NUM! instead of NaN or Infinity', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(thrownBy(() => excelResult(() => bad))).toMatchObject({ code: '#NUM!' });
    }
  });

  it('throws the Excel error of what the model threw', () => {
    const error = thrownBy(() =>
      excelResult(() => {
        throw new ModelError('#N/A', 'never');
      }),
    );
    expect(error).toBeInstanceOf(customFunctionsRuntime.Error);
    expect(error).toMatchObject({ code: '#N/A', message: 'never' });
  });
});
