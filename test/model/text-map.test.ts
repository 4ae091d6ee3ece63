import { TextMap } from '../../src/model/text-map';

describe('TextMap', () => {
  it('files values under keys short and long, telling apart long keys alike but for one character', () => {
    const map = new TextMap<number>();
    const long = (end: string): string => `${'a'.repeat(20_000)}${end}`;
    map.set('Executive sponsor', 1);
    map.set(long('x'), 2);
    map.set(long('y'), 3);
    expect(map.get('Executive sponsor')).toBe(1);
    expect(map.get(long('x'))).toBe(2);
    expect(map.get(long('y'))).toBe(3);
    expect(map.get(long('z'))).toBeUndefined();
    expect(map.get('constructor')).toBeUndefined();
  });

  it('replaces the value of a key set again', () => {
    const map = new TextMap<string>();
    const long = 'b'.repeat(17_000);
    map.set(long, 'first');
    map.set(long, 'second');
    map.set('short', 'first');
    map.set('short', 'second');
    expect([map.get(long), map.get('short')]).toEqual(['second', 'second']);
  });
});
