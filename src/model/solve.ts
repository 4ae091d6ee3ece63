/** Brent's method stops when the bracket is this narrow, relative to the root (SPEC §3.5 asks 1e-6; we go further). */
export const ROOT_RELATIVE_TOLERANCE = 1e-13;
/** …or this narrow in absolute terms, for roots at or near 0. */
export const ROOT_ABSOLUTE_TOLERANCE = 1e-15;
/** Brent converges in far fewer; past this the solver says so rather than loop. */
export const ROOT_MAX_ITERATIONS = 200;

/**
 * The root of f in [lo, hi], where f(lo) and f(hi) differ in sign (or one is 0), by Brent's
 * method (inverse quadratic interpolation with bisection as the safeguard). Returns null when
 * the ends do not bracket a root or `maxIterations` steps pass without converging.
 *
 * @example
 *   brentRoot((x) => x * x - 2, 0, 2) // 1.4142135623730951
 */
export function brentRoot(f: (x: number) => number, lo: number, hi: number, maxIterations = ROOT_MAX_ITERATIONS): number | null {
  let a = lo;
  let b = hi;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(Number.isFinite(fa) && Number.isFinite(fb)) || Math.sign(fa) === Math.sign(fb)) return null;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 0; i < maxIterations; i++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * Math.max(ROOT_ABSOLUTE_TOLERANCE, ROOT_RELATIVE_TOLERANCE * Math.abs(b));
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return null;
}
