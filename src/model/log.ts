/**
 * The natural logarithm, computed the same way on every JavaScript engine.
 *
 * ECMA-262 leaves Math.log, Math.exp and Math.pow "implementation-approximated" (§21.3.2, Function
 * Properties of the Math Object): V8 (Excel on Windows, Chromium) ports fdlibm, JavaScriptCore
 * (Excel on the Mac, Safari) calls the system's libm, and the two may differ in the last bit. A
 * simulation whose draws go through such a function would then give other figures for the same
 * seed on another platform. The arithmetic operators, on the other hand, are IEEE 754-2019 binary64
 * with round-to-nearest-even on every engine (ECMA-262 §6.1.6.1, Number::add, ::subtract, ::multiply,
 * ::divide), and every engine compiles Math.sqrt to the processor's square root, which IEEE 754
 * requires to be correctly rounded. So the sampler uses this port of fdlibm's `__ieee754_log`
 * (e_log.c, Sun Microsystems 1993, error below 1 ulp), built from those operations alone: where
 * fdlibm reads the bits of x, this code finds the same exponent and leading mantissa bits with
 * exact scalings by powers of two, so it returns fdlibm's result bit for bit.
 */

const LN2_HI = 6.93147180369123816490e-1; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const TWO54 = 2 ** 54;
const TWO20 = 2 ** 20;
const SMALLEST_NORMAL = 2 ** -1022;
const LG1 = 6.666666666666735130e-1; // 0x3fe55555 55555593
const LG2 = 3.999999999940941908e-1; // 0x3fd99999 9997fa04
const LG3 = 2.857142874366239149e-1; // 0x3fd24924 94229359
const LG4 = 2.222219843214978396e-1; // 0x3fcc71c5 1d8e78af
const LG5 = 1.818357216161805012e-1; // 0x3fc74664 96cb03de
const LG6 = 1.531383769920937332e-1; // 0x3fc39a09 d078c69f
const LG7 = 1.479819860511658591e-1; // 0x3fc2f112 df3e5244

/** The special values as constants: a global looked up on every call is slow where the code runs in a Node vm context (as Jest runs it). */
const INFINITY = 1 / 0;
const NAN = 0 / 0;
const TWO64 = 2 ** 64;
const TWO_M64 = 2 ** -64;
const TWO8 = 2 ** 8;
const TWO_M8 = 2 ** -8;

/**
 * log(x) as fdlibm computes it, from +, −, ×, ÷ and comparisons only: within 1 ulp of the true
 * value, and the same bits on every engine. log(0) is −Infinity and log of a negative number NaN,
 * as Math.log.
 *
 * @example
 *   log(Math.E)  // 1
 *   log(0.5)     // -0.6931471805599453
 *   log(1e-300)  // -690.7755278982137
 */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -INFINITY : NAN;
  if (x === INFINITY) return x;
  let k = 0;
  let m = x;
  if (m < SMALLEST_NORMAL) {
    m *= TWO54; // subnormal: scale up, as fdlibm does
    k -= 54;
  }
  // Bring m into [1, 2) by scalings by powers of two, each exact: coarse steps, then single ones
  // (at most 16 + 8 + 8 steps; one or two for the numbers near 1 the sampler mostly takes).
  if (m >= 2) {
    for (; m >= TWO64; k += 64) m *= TWO_M64;
    for (; m >= TWO8; k += 8) m *= TWO_M8;
    for (; m >= 2; k += 1) m *= 0.5;
  } else if (m < 1) {
    for (; m < TWO_M64; k -= 64) m *= TWO64;
    for (; m < TWO_M8; k -= 8) m *= TWO8;
    for (; m < 1; k -= 1) m *= 2;
  }
  // fdlibm's hx: the top 20 bits of the mantissa, read here as an integer without the bits
  // ((m − 1)·2^20 is exact and below 2^20, so `| 0` is its floor).
  const hx = ((m - 1) * TWO20) | 0;
  // Above √2 (hx ≥ 0x6a09c) x is halved so that f = x − 1 lies in [√2/2 − 1, √2 − 1).
  if (hx >= 0x6a09c) {
    m *= 0.5;
    k += 1;
  }
  const f = m - 1;
  if (hx === 0 || hx >= 0xffffe) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f); // fdlibm writes 0.33333333333333333: the same double
    return k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (hx >= 0x6147a && hx <= 0x6b851) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}
