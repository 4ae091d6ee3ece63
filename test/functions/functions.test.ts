import { value } from '../../src/functions/functions';
import { customFunctionsRuntime, installCustomFunctionsRuntime, thrownBy } from './runtime';

beforeAll(installCustomFunctionsRuntime);

describe('PILOT.VALUE', () => {
  it('converts to the unit given (SPEC §4: =PILOT.VALUE("2 h","min") is 120)', () => {
    expect(value('2 h', 'min')).toBeCloseTo(120, 9);
  });

  it('reads a pasted value when the unit is omitted, which Excel passes as null', () => {
    expect(value('1,200', null as unknown as undefined)).toBe(1200);
    expect(value('(500)')).toBe(-500);
  });

  it('returns #VALUE! with a message for text that is not a value, never 0', () => {
    const error = thrownBy(() => value('N/A'));
    expect(error).toBeInstanceOf(customFunctionsRuntime.Error);
    expect(error).toMatchObject({ code: '#VALUE!' });
    expect((error as { message: string }).message).toMatch(/N\/A/);
  });
});
