/**
 * Excel's finance primitives (SPEC §3.4, §5): NPV, IRR and the payback of a per-period row.
 * Pure functions of plain numbers; bad input throws ModelError, "no answer" is null, and no
 * NaN, Infinity or -0 is ever returned.
 */
import { ModelError } from './errors';
import type { Fraction, Money } from './types';

/** IRR's starting guess when none is given: Excel's default of 10%. */
export const IRR_DEFAULT_GUESS: Fraction = 0.1;

/**
 * The solvers work on t = ln(1 + rate): the whole domain rate ∈ (−1, ∞) becomes the real
 * line, Newton behaves far better there, and bisection halves a bracket evenly on a log scale.
 *
 * A Newton step this small (in t) means converged: one more step changes t by far less than
 * a unit in the last place of any rate above 1e-3 in size.
 */
const IRR_STEP_TOLERANCE = 1e-14;
/**
 * Iteration limit of the bracketed solver. Every step at least halves the bracket or is an
 * accepted Newton step, and the widest bracket (|t| ≤ ~700) reaches 1e-14 in ~66 halvings,
 * so reaching this limit means the solver did not converge (null, Excel's #NUM!).
 */
const IRR_MAX_ITERATIONS = 200;
/**
 * Grid step in t of the scan for roots when the flows change sign more than once: ~1% in 1 + rate
 * at the guess, and 1% more for each unit of t away from it, so the scan is as fine as before
 * near the guess and crosses a bracket of ±700 in a few hundred steps rather than 145,000.
 */
const IRR_SCAN_STEP = 0.01;
/** Golden-section steps when the scan meets a dip of |NPV| that does not cross zero (two close roots or a double root). */
const IRR_DIP_ITERATIONS = 60;
/** A dip whose floor is this close to zero, relative to the size of the discounted flows, is a double root. */
const IRR_DOUBLE_ROOT_RESIDUAL = 1e-12;
/** Extra room in t beyond the Cauchy bounds on the roots, so the bracket ends are strictly root-free. */
const IRR_BOUND_MARGIN = 0.01;
/**
 * The t a double can hold a rate at: below, 1 + rate is under the smallest double (the rate is
 * −100%); above, it overflows. The Cauchy bounds are kept inside, as one of them is infinite when
 * the largest flow is more than ~1.8e308 times the smallest (`[−1, 1e-300, −5e-324]`).
 */
const IRR_T_MIN = Math.log(Number.MIN_VALUE);
const IRR_T_MAX = Math.log(Number.MAX_VALUE);
/**
 * Scan steps that cover [IRR_T_MIN, IRR_T_MAX] on both sides of any anchor (each step multiplies
 * 1 + distance by 1 + IRR_SCAN_STEP): the scan gives up there, with the nearest root found so far or none.
 */
const IRR_MAX_SCAN_STEPS = 2 * Math.ceil(Math.log1p(IRR_T_MAX - IRR_T_MIN) / Math.log1p(IRR_SCAN_STEP)) + 2;

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Excel's NPV: the value one period before `values[0]` of a row of end-of-period cash flows,
 * Σ values[i] / (1 + rate)^(i + 1). Add the undiscounted Year 0 yourself, as in the TEI layout
 * `=CF0 + NPV(rate, CF1:CFn)`. An empty row is worth 0.
 *
 * Domain: Microsoft's NPV page documents no restriction on `rate`; Excel returns #DIV/0! at
 * rate = −1 (1 + rate is zero) and #NUM! when the sum overflows. Below −1 Excel still evaluates
 * the formula with a negative base, which flips the sign of every other period and means
 * nothing as a discount rate, so the engine refuses it with #NUM! (Excel's error for an
 * unacceptable numeric argument) instead of returning a number nobody can use.
 *
 * @throws ModelError '#DIV/0!' when rate = −1; '#NUM!' when rate < −1 or the result overflows;
 *   '#VALUE!' when rate or a value is not a finite number.
 * @example
 *   npv(0.1, [-10000, 3000, 4200, 6800]); // 1188.4434123352 (Microsoft's example)
 *   -190000 + npv(0.1, [450561.14, 796017.14, 796017.14]); // ≈ 1,475,525.91 (SPEC §7)
 */
export function npv(rate: Fraction, values: readonly Money[]): Money {
  assertFiniteNumber(rate, 'NPV', 'the rate');
  if (rate === -1) {
    throw new ModelError('#DIV/0!', 'NPV at a rate of −100% divides by zero (1 + rate = 0).');
  }
  if (rate < -1) {
    throw new ModelError('#NUM!', `NPV needs a rate above −100%; got ${formatPercent(rate)}.`);
  }
  assertFiniteFlows(values, 'NPV');
  const growth = 1 + rate;
  let discount = 1;
  let total = 0;
  for (const value of values) {
    discount *= growth;
    total += value / discount;
  }
  if (!Number.isFinite(total)) {
    throw new ModelError(
      '#NUM!',
      `NPV overflows at a rate of ${formatPercent(rate)} over ${values.length} periods.`,
    );
  }
  return total + 0; // + 0 turns -0 into 0
}

/**
 * Excel's IRR: the rate r at which Σ values[i] / (1 + r)^i = 0, i.e. `values[0] + npv(r, values[1..])`.
 *
 * Returns null where Excel gives #NUM!: the values lack a positive or a negative entry, or no
 * rate in (−1, ∞) makes the NPV zero. With several roots it returns the one nearest `guess`
 * (ties go to the higher rate).
 *
 * Method: with exactly one sign change in the row (Descartes' rule of signs: exactly one root)
 * a Newton iteration from the guess, kept inside a bracket from the Cauchy bounds on the
 * roots and falling back to bisection whenever a step leaves it or stalls. With several sign
 * changes, a scan outward from the guess over ln(1 + r) for sign changes, each refined by the
 * same bracketed solver, stopping once no nearer root can remain; a dip of |NPV| between
 * grid points that does not cross zero is probed by golden section, for close root pairs and
 * double roots. Unlike Newton alone this finds −55.8% for [−15000, 6630] from the 10% guess.
 *
 * @throws ModelError '#VALUE!' when a value or the guess is not a finite number.
 * @example
 *   irr([-70000, 12000, 15000, 18000, 21000, 26000]); // 0.08663094803652 (Microsoft's example)
 *   irr([-15000, 6630]); // -0.558
 *   irr([12000, 15000]); // null (no sign change: #NUM!)
 *   irr([-100, 230, -132], 0.05); // 0.1 (roots 10% and 20%; 10% is nearer the guess)
 */
export function irr(values: readonly Money[], guess: Fraction = IRR_DEFAULT_GUESS): Fraction | null {
  assertFiniteFlows(values, 'IRR');
  assertFiniteNumber(guess, 'IRR', 'the guess');
  const flows = discountPolynomial(values);
  if (flows === null) return null;

  const bounds = rootBounds(flows.coefficients);
  // A guess at or below −100% is outside the domain: the root nearest it is the lowest one.
  const anchor = guess > -1 ? clamp(Math.log1p(guess), bounds.low, bounds.high) : bounds.low;
  const root =
    flows.signChanges === 1
      ? solveBracketed(flows, bounds.low, bounds.high, anchor)
      : nearestRoot(flows, bounds, anchor, guess);
  if (root === null) return null;
  const rate = Math.expm1(root);
  return Number.isFinite(rate) && rate > -1 ? rate + 0 : null;
}

/**
 * Payback on a per-period row of net cash flows (SPEC §3.4), in periods: 0 when the cumulative
 * sum is never negative; otherwise k + (−cumulative(k−1)) / flows[k] for the period k after
 * which the cumulative stays ≥ 0 to the end, with cumulative(k−1) < 0 ≤ cumulative(k) — so a
 * row that crosses zero, dips below again and recovers pays back at its last crossing. null
 * ("never", Excel's #N/A at the edge) when the cumulative is negative at the last period.
 * The result lies in [0, flows.length].
 *
 * @throws ModelError '#VALUE!' when the row is empty or holds a value that is not a finite number.
 * @example
 *   paybackPeriods([-100, 30, 30, 60]); // 3 + 40 / 60 = 3.6667 (cumulative −40 after period 2)
 *   paybackPeriods([50, -20, 10]); // 0 (never below zero)
 *   paybackPeriods([-100, 30, 30]); // null (never pays back)
 */
export function paybackPeriods(flows: readonly Money[]): number | null {
  if (flows.length === 0) {
    throw new ModelError('#VALUE!', 'Payback needs a cash-flow row with at least one period.');
  }
  assertFiniteFlows(flows, 'Payback');
  let cumulative = 0;
  let lastNegative = -1; // last period whose cumulative is below zero
  let cumulativeAtLastNegative = 0;
  flows.forEach((flow, period) => {
    cumulative += flow;
    if (cumulative < 0) {
      lastNegative = period;
      cumulativeAtLastNegative = cumulative;
    }
  });
  if (lastNegative === -1) return 0;
  if (lastNegative === flows.length - 1) return null;
  const k = lastNegative + 1;
  // cumulative(k−1) < 0 ≤ cumulative(k), so flows[k] > −cumulative(k−1) > 0: the fraction is in (0, 1].
  return k + -cumulativeAtLastNegative / flows[k];
}

// ---------------------------------------------------------------------------------------------
// IRR internals

/** The row as a polynomial in x = 1 / (1 + r), leading and trailing zeros dropped (they move no root). */
interface DiscountPolynomial {
  /** c[0] and c[m] are non-zero; NPV·(1 + r)^first = Σ c[i] x^i. */
  coefficients: number[];
  signChanges: number;
}

interface Bounds {
  /** Bracket in t = ln(1 + r) holding every root, with the NPV's sign at each end. */
  low: number;
  high: number;
}

interface Sample {
  t: number;
  value: number;
}

function discountPolynomial(values: readonly number[]): DiscountPolynomial | null {
  const first = values.findIndex((v) => v !== 0);
  if (first === -1) return null;
  let last = values.length - 1;
  while (values[last] === 0) last -= 1;
  const coefficients = values.slice(first, last + 1);
  let signChanges = 0;
  let sign = Math.sign(coefficients[0]);
  for (const c of coefficients) {
    if (c !== 0 && Math.sign(c) !== sign) {
      signChanges += 1;
      sign = Math.sign(c);
    }
  }
  return signChanges === 0 ? null : { coefficients, signChanges };
}

/**
 * Cauchy's bounds on the positive roots x of Σ c[i] x^i: x < 1 + max|c[i] / c[m]| and
 * 1/x < 1 + max|c[i] / c[0]|; with x = 1 / (1 + r), t = ln(1 + r) = −ln x. Kept within the t a
 * double can hold a rate at.
 */
function rootBounds(c: readonly number[]): Bounds {
  const m = c.length - 1;
  let overLast = 0;
  let overFirst = 0;
  for (let i = 0; i <= m; i += 1) {
    if (i < m) overLast = Math.max(overLast, Math.abs(c[i] / c[m]));
    if (i > 0) overFirst = Math.max(overFirst, Math.abs(c[i] / c[0]));
  }
  return {
    low: Math.max(IRR_T_MIN, -Math.log1p(overLast) - IRR_BOUND_MARGIN),
    high: Math.min(IRR_T_MAX, Math.log1p(overFirst) + IRR_BOUND_MARGIN),
  };
}

/**
 * NPV at t = ln(1 + r), scaled by a positive factor that keeps it finite, with its slope in t.
 * For r ≥ 0: Σ c[i] x^i with x = e^−t ≤ 1. For r < 0: the same times (1 + r)^m, a polynomial
 * in u = e^t < 1. Both are continuous at t = 0 (each is Σ c[i] there) and share the NPV's sign
 * and roots. `magnitude` is the same sum of |c[i]| terms, the scale of rounding error.
 */
function evaluate(c: readonly number[], t: number): { value: number; slope: number; magnitude: number } {
  const m = c.length - 1;
  let value = 0;
  let derivative = 0; // d/dz of the polynomial in z
  let magnitude = 0;
  if (t >= 0) {
    const x = Math.exp(-t);
    for (let i = m; i >= 0; i -= 1) {
      derivative = derivative * x + value;
      value = value * x + c[i];
      magnitude = magnitude * x + Math.abs(c[i]);
    }
    return { value, slope: -x * derivative, magnitude };
  }
  const u = Math.exp(t);
  for (let i = 0; i <= m; i += 1) {
    derivative = derivative * u + value;
    value = value * u + c[i];
    magnitude = magnitude * u + Math.abs(c[i]);
  }
  return { value, slope: u * derivative, magnitude };
}

/**
 * The root in [low, high] (t-space) where the NPV has opposite signs at the ends: Newton from
 * `start`, falling back to bisection when a step leaves the bracket or fails to halve the
 * previous one. null when the ends do not straddle a root or the iteration limit is reached.
 */
function solveBracketed(
  flows: DiscountPolynomial,
  low: number,
  high: number,
  start: number,
): number | null {
  const c = flows.coefficients;
  const atLow = evaluate(c, low).value;
  const atHigh = evaluate(c, high).value;
  if (atLow === 0) return low;
  if (atHigh === 0) return high;
  if (Math.sign(atLow) === Math.sign(atHigh)) return null;
  const lowSign = Math.sign(atLow);
  let t = start > low && start < high ? start : (low + high) / 2;
  let previousStep = high - low;
  let step = previousStep;
  for (let iteration = 0; iteration < IRR_MAX_ITERATIONS; iteration += 1) {
    const { value, slope } = evaluate(c, t);
    if (value === 0) return t;
    if (Math.sign(value) === lowSign) low = t;
    else high = t;
    const newton = t - value / slope;
    if (Number.isFinite(newton) && newton > low && newton < high && Math.abs(newton - t) <= previousStep / 2) {
      previousStep = step;
      step = Math.abs(newton - t);
      t = newton;
    } else {
      previousStep = step;
      const mid = (low + high) / 2;
      step = Math.abs(mid - t);
      t = mid;
    }
    if (step <= IRR_STEP_TOLERANCE || high - low <= IRR_STEP_TOLERANCE) return t;
  }
  return null;
}

/**
 * The root nearest the guess when the row changes sign more than once: walk a grid in t
 * outward from the anchor on both sides, always extending the side whose frontier is nearer
 * the guess (in rate), and stop a side once its frontier is farther than the best root found,
 * or at the end of the bounds. null when no root is found within IRR_MAX_SCAN_STEPS.
 */
function nearestRoot(flows: DiscountPolynomial, bounds: Bounds, anchor: number, guess: number): number | null {
  const c = flows.coefficients;
  const distance = (t: number): number => Math.abs(Math.expm1(t) - guess);
  const found: { best: number | null } = { best: null };
  const consider = (root: number | null): void => {
    if (root === null) return;
    const { best } = found;
    if (best === null || distance(root) < distance(best) || (distance(root) === distance(best) && root > best)) {
      found.best = root;
    }
  };
  const sample = (t: number): Sample => ({ t, value: evaluate(c, t).value });
  const crossing = (a: Sample, b: Sample): void => {
    if (a.value === 0) consider(a.t);
    else if (b.value === 0) consider(b.t);
    else if (Math.sign(a.value) !== Math.sign(b.value)) {
      const [lo, hi] = a.t < b.t ? [a.t, b.t] : [b.t, a.t];
      consider(solveBracketed(flows, lo, hi, (lo + hi) / 2));
    }
  };

  const centre = sample(anchor);
  const sides = [-1, 1].map((direction) => {
    const t = clamp(anchor + direction * IRR_SCAN_STEP, bounds.low, bounds.high);
    const first = sample(t);
    crossing(centre, first);
    return { direction, previous: centre, frontier: first, done: t === anchor };
  });
  probeDip(flows, sides[0].frontier, centre, sides[1].frontier, consider);

  for (let step = 0; step < IRR_MAX_SCAN_STEPS; step += 1) {
    const { best } = found;
    const open = sides.filter(
      (s) => !s.done && (best === null || distance(s.frontier.t) < distance(best)),
    );
    if (open.length === 0) break;
    const side = open.reduce((a, b) => (distance(b.frontier.t) < distance(a.frontier.t) ? b : a));
    const t = clamp(side.frontier.t + side.direction * scanStep(side.frontier.t - anchor), bounds.low, bounds.high);
    if (t === side.frontier.t) {
      side.done = true;
      continue;
    }
    const next = sample(t);
    crossing(side.frontier, next);
    probeDip(flows, side.previous, side.frontier, next, consider);
    side.previous = side.frontier;
    side.frontier = next;
  }
  return found.best;
}

/** The scan's next step from a frontier this far (in t) from the anchor. */
function scanStep(fromAnchor: number): number {
  return IRR_SCAN_STEP * (1 + Math.abs(fromAnchor));
}

/**
 * Between three samples of one sign whose middle is the smallest in size, |NPV| may dip to zero
 * or below without any sample showing it. Golden section on sign·NPV over [a, c] finds the
 * dip's floor: a floor of the other sign gives two brackets, a floor at rounding level a double
 * root.
 */
function probeDip(
  flows: DiscountPolynomial,
  a: Sample,
  b: Sample,
  c: Sample,
  consider: (root: number | null) => void,
): void {
  const sign = Math.sign(b.value);
  if (sign === 0 || Math.sign(a.value) !== sign || Math.sign(c.value) !== sign) return;
  if (!(Math.abs(b.value) < Math.abs(a.value) && Math.abs(b.value) < Math.abs(c.value))) return;
  const coefficients = flows.coefficients;
  const height = (t: number): number => sign * evaluate(coefficients, t).value;
  let [lo, hi] = a.t < c.t ? [a.t, c.t] : [c.t, a.t];
  let x1 = hi - GOLDEN * (hi - lo);
  let x2 = lo + GOLDEN * (hi - lo);
  let h1 = height(x1);
  let h2 = height(x2);
  for (let i = 0; i < IRR_DIP_ITERATIONS; i += 1) {
    const [lowest, h] = h1 < h2 ? [x1, h1] : [x2, h2];
    if (h <= 0) {
      const [left, right] = a.t < c.t ? [a.t, c.t] : [c.t, a.t];
      if (h === 0) consider(lowest);
      else {
        consider(solveBracketed(flows, left, lowest, (left + lowest) / 2));
        consider(solveBracketed(flows, lowest, right, (lowest + right) / 2));
      }
      return;
    }
    if (h1 < h2) {
      hi = x2;
      x2 = x1;
      h2 = h1;
      x1 = hi - GOLDEN * (hi - lo);
      h1 = height(x1);
    } else {
      lo = x1;
      x1 = x2;
      h1 = h2;
      x2 = lo + GOLDEN * (hi - lo);
      h2 = height(x2);
    }
  }
  const floorAt = h1 < h2 ? x1 : x2;
  const floor = evaluate(coefficients, floorAt);
  if (Math.abs(floor.value) <= IRR_DOUBLE_ROOT_RESIDUAL * floor.magnitude) consider(floorAt);
}

// ---------------------------------------------------------------------------------------------
// Argument checks

function assertFiniteNumber(value: number, fn: string, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ModelError('#VALUE!', `${fn}: ${what} must be a finite number; got ${String(value)}.`);
  }
}

function assertFiniteFlows(values: readonly number[], fn: string): void {
  values.forEach((value, index) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ModelError(
        '#VALUE!',
        `${fn}: cash flow ${index + 1} must be a finite number; got ${String(value)}.`,
      );
    }
  });
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function formatPercent(rate: number): string {
  return `${(rate * 100).toPrecision(6).replace(/\.?0+$/, '')}%`;
}
