// The seeded generator (src/model/random.ts) against xoshiro128** and MurmurHash3's fmix32
// written a second way, in BigInt arithmetic modulo 2^32 straight from their published
// definitions, so Math.imul and the `>>> 0` conversions are checked rather than trusted.
import { ModelError } from '../../src/model';
import { MAX_SEED, SeededRandom, checkedSeed } from '../../src/model/random';

const M32 = (1n << 32n) - 1n;
const mul = (a: bigint, b: bigint): bigint => (a * b) & M32;
const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & M32;

/** MurmurHash3's fmix32 (Appleby): h ^= h >> 16; h *= 0x85ebca6b; h ^= h >> 13; h *= 0xc2b2ae35; h ^= h >> 16. */
function fmix32(h: bigint): bigint {
  h ^= h >> 16n;
  h = mul(h, 0x85ebca6bn);
  h ^= h >> 13n;
  h = mul(h, 0xc2b2ae35n);
  return h ^ (h >> 16n);
}

/** The words xoshiro128** gives for a seed, seeded as random.ts documents it. */
function referenceWords(seed: number, count: number): number[] {
  const low = BigInt(seed) & M32;
  const high = BigInt(seed) >> 32n;
  const s = [fmix32(low), fmix32(high ^ 0x9e3779b9n)];
  s.push(fmix32((s[0] + 0x7f4a7c15n) & M32));
  s.push(fmix32(s[1] ^ 0x6a09e667n) | 1n);
  const words: number[] = [];
  for (let i = 0; i < count; i++) {
    // xoshiro128** (Blackman and Vigna): result = rotl(s[1] * 5, 7) * 9; t = s[1] << 9; …
    words.push(Number(mul(rotl(mul(s[1], 5n), 7n), 9n)));
    const t = (s[1] << 9n) & M32;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11n);
  }
  return words;
}

describe('SeededRandom: xoshiro128** on exact 32-bit integer arithmetic', () => {
  it.each([0, 1, 42, 2 ** 32 - 1, 2 ** 32, 2 ** 40 + 12345, MAX_SEED])('gives for seed %d the words of a BigInt xoshiro128**', (seed) => {
    const random = new SeededRandom(seed);
    const words = Array.from({ length: 1000 }, () => random.nextWord());
    expect(words).toEqual(referenceWords(seed, 1000));
  });

  it('draws in the open interval (0, 1) from 52 bits of two words: (⌊w₁/64⌋·2^26 + ⌊w₂/64⌋ + ½) / 2^52', () => {
    const random = new SeededRandom(7);
    const words = referenceWords(7, 2000);
    for (let i = 0; i < 1000; i++) {
      const expected = (Math.floor(words[2 * i] / 64) * 2 ** 26 + Math.floor(words[2 * i + 1] / 64) + 0.5) / 2 ** 52;
      expect(random.next()).toBe(expected);
    }
  });

  it('gives the same numbers for the same seed on every run, and other numbers for the next seed', () => {
    const draw = (seed: number): number[] => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 100 }, () => random.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(2)).not.toEqual(draw(1));
    expect(draw(2 ** 32 + 1)).not.toEqual(draw(1)); // the high word counts
  });

  it('spreads its draws evenly: a chi-square test over 100 cells of 100,000 draws passes at the 0.1% level', () => {
    const random = new SeededRandom(1);
    const cells = new Array<number>(100).fill(0);
    for (let i = 0; i < 100_000; i++) cells[Math.floor(random.next() * 100)]++;
    const chiSquare = cells.reduce((sum, n) => sum + (n - 1000) ** 2 / 1000, 0);
    expect(chiSquare).toBeLessThan(148.2); // χ²(99) at 0.999
  });

  it('refuses a seed that is not a whole number from 0 to 2^53 − 1, saying what it expects', () => {
    for (const bad of [-1, 1.5, NaN, Infinity, 2 ** 53]) {
      expect(() => checkedSeed(bad)).toThrow(ModelError);
      expect(() => new SeededRandom(bad)).toThrow(/whole number from 0 to 9,007,199,254,740,991/);
    }
  });
});
