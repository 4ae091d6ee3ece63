/**
 * A memo keyed by two texts, bounded: when it holds `limit` entries it is emptied and starts
 * again. Parsing repeats a handful of unit texts across thousands of rows, so a plain clear is
 * enough and keeps every entry's cost constant.
 *
 * @example
 *   const factors = new PairMemo<number>(1024);
 *   factors.get('h', 'min', () => 60); // computes 60 once, then remembers it
 */
export class PairMemo<V> {
  private readonly entries = new Map<string, Map<string, V>>();
  private size = 0;

  constructor(private readonly limit: number) {}

  /** The value for (outer, inner), computed by `make` the first time it is asked for. */
  get(outer: string, inner: string, make: () => V): V {
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
