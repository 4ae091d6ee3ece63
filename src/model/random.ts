/**
 * A seeded generator that gives the same numbers for the same seed on every JavaScript engine:
 * xoshiro128** (Blackman and Vigna, 2018) on 32-bit words with Math.imul and `>>> 0`, which
 * ECMA-262 defines exactly, seeded through MurmurHash3's fmix32. No floating-point function other
 * than exact scalings by powers of two touches the bits.
 */
import { ModelError } from './errors';

/** The largest seed: every whole number up to it splits exactly into two 32-bit words. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** Taken once: a global looked up on every call is slow where the code runs in a Node vm context (as Jest runs it). */
const imul = Math.imul;

const TWO26 = 2 ** 26;
const TWO32 = 2 ** 32;
const TWO52 = 2 ** 52;

/** MurmurHash3's finaliser: a bijection of 32-bit words that spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Checks a seed: a whole number from 0 to 2^53 − 1.
 *
 * @throws ModelError '#VALUE!' otherwise.
 * @example
 *   checkedSeed(42) // 42
 */
export function checkedSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new ModelError('#VALUE!', `the seed must be a whole number from 0 to ${MAX_SEED.toLocaleString('en-US')}, got ${String(seed)}`);
  }
  return seed;
}

/**
 * xoshiro128** seeded with a whole number. `next()` draws a number in the open interval (0, 1)
 * with 52 random bits; the same seed gives the same sequence everywhere.
 *
 * @example
 *   const random = new SeededRandom(1);
 *   random.next() // the same number on every run and every engine
 */
export class SeededRandom {
  /** The four words of state, in a typed array so that updating them allocates nothing. */
  private readonly s = new Int32Array(4);

  constructor(seed: number) {
    checkedSeed(seed);
    const low = seed % TWO32;
    const high = (seed - low) / TWO32;
    const s = this.s;
    // (low, high) → (s0, s1) is one-to-one, so two seeds never share a state; s3 is odd, so the state is never 0.
    s[0] = fmix32(low);
    s[1] = fmix32((high ^ 0x9e3779b9) >>> 0);
    s[2] = fmix32((s[0] + 0x7f4a7c15) >>> 0);
    s[3] = fmix32((s[1] ^ 0x6a09e667) >>> 0) | 1;
  }

  /** The next 32-bit word, as an unsigned integer. */
  nextWord(): number {
    const s = this.s;
    const result = imul(rotl(imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A number in (0, 1): 52 random bits plus one half, so neither end is ever drawn (the sampler takes logarithms). */
  next(): number {
    const high = this.nextWord() >>> 6;
    const low = this.nextWord() >>> 6;
    return (high * TWO26 + low + 0.5) / TWO52;
  }
}
