/**
 * A memo keyed by two texts, bounded: when it holds `limit` entries it is emptied and starts
 * again. Parsing repeats a handful of unit texts across thousands of rows, so a plain clear is
 * enough and keeps every entry's cost constant.
 *
 * @example
 *   const factors = new PairMemo<number>(1024);
 *   factors.get('h', 'min', () => 60); // computes 60 once, then remembers it
 */
/** The longest key remembered: units and tails as people write them are far shorter. */
export const MEMO_KEY_LENGTH = 1_000;

export class PairMemo<V> {
  private readonly entries = new Map<string, Map<string, V>>();
  private size = 0;

  constructor(private readonly limit: number) {}

  /**
   * The value for (outer, inner), computed by `make` the first time it is asked for. Keys longer
   * than MEMO_KEY_LENGTH are computed every time: no unit is that long, and V8 hashes a string
   * over 16,383 characters by its length alone, so a column of such cells would make every
   * lookup compare it with all the others.
   */
  get(outer: string, inner: string, make: () => V): V {
    if (outer.length + inner.length > MEMO_KEY_LENGTH) return make();
    const known = this.entries.get(outer)?.get(inner);
    if (known !== undefined) return known;
    const value = make();
    if (this.size >= this.limit) {
      this.entries.clear();
      this.size = 0;
    }
    let row = this.entries.get(outer);
    if (row === undefined) this.entries.set(outer, (row = new Map()));
    row.set(inner, value);
    this.size += 1;
    return value;
  }
}
