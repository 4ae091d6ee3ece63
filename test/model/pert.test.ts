// PERT draws (SPEC §3.10) against the distribution's definition: a beta on [a, b] with
// α = 1 + 4(m − a)/(b − a), β = 1 + 4(b − m)/(b − a), mean (a + 4m + b) / 6. The beta CDF is
// integrated numerically here from the density x^(α−1)(1 − x)^(β−1), nothing taken from the code.
import { PertSampler, pert } from '../../src/model/pert';
import { SeededRandom } from '../../src/model/random';

/** The CDF of Beta(α, β) on a grid of `steps` cells over [0, 1], by the trapezoid rule on the density, normalised. */
function betaCdf(alpha: number, beta: number, steps = 20_000): (x: number) => number {
  const density = (x: number): number => x ** (alpha - 1) * (1 - x) ** (beta - 1);
  const cumulative = new Float64Array(steps + 1);
  for (let i = 1; i <= steps; i++) cumulative[i] = cumulative[i - 1] + (density((i - 1) / steps) + density(i / steps)) / (2 * steps);
  const total = cumulative[steps];
  return (x) => {
    const at = Math.min(steps, Math.max(0, x * steps));
    const i = Math.min(steps - 1, Math.floor(at));
    return (cumulative[i] + (at - i) * (cumulative[i + 1] - cumulative[i])) / total;
  };
}

/** Kolmogorov–Smirnov statistic of sorted draws against a CDF. */
function ksStatistic(sorted: number[], cdf: (x: number) => number): number {
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, Math.abs(f - i / sorted.length), Math.abs((i + 1) / sorted.length - f));
  });
  return d;
}

function draws(low: number, likely: number, high: number, n: number, seed = 1): number[] {
  const sampler = new PertSampler(new SeededRandom(seed));
  const p = pert(low, likely, high);
  return Array.from({ length: n }, () => sampler.draw(p));
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: number[]): number => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};

describe('PERT draws (SPEC §3.10)', () => {
  const N = 50_000;
  // [a, m, b]: skewed right, skewed left, symmetric, mode at either end, a cost range in dollars.
  const shapes: [number, number, number][] = [
    [1.5, 2, 4],
    [100, 200, 220],
    [-10, 0, 10],
    [0, 0, 1],
    [0, 1, 1],
    [45000, 50000, 80000],
  ];

  it.each(shapes)('on [%d, %d, %d] stay within the bounds and average (a + 4m + b) / 6', (a, m, b) => {
    const xs = draws(a, m, b, N);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(a);
    expect(Math.max(...xs)).toBeLessThanOrEqual(b);
    // PERT's variance is (μ − a)(b − μ)/7; the mean of N draws is within 4 standard errors.
    const mu = (a + 4 * m + b) / 6;
    const sd = Math.sqrt(((mu - a) * (b - mu)) / 7);
    expect(Math.abs(mean(xs) - mu)).toBeLessThan((4 * sd) / Math.sqrt(N));
    expect(Math.abs(variance(xs) / sd ** 2 - 1)).toBeLessThan(0.05);
  });

  it.each(shapes)('on [%d, %d, %d] follow the beta CDF: Kolmogorov–Smirnov passes at the 1% level', (a, m, b) => {
    const alpha = 1 + (4 * (m - a)) / (b - a);
    const beta = 1 + (4 * (b - m)) / (b - a);
    const unit = draws(a, m, b, 20_000, 7).map((x) => (x - a) / (b - a)).sort((x, y) => x - y);
    expect(ksStatistic(unit, betaCdf(alpha, beta))).toBeLessThan(1.628 / Math.sqrt(unit.length));
  });

  it('works out α and β as SPEC §3.10 defines them', () => {
    const p = pert(1.5, 2, 4);
    expect(p.alpha).toBeCloseTo(1 + (4 * 0.5) / 2.5, 14); // 1.8
    expect(p.beta).toBeCloseTo(1 + (4 * 2) / 2.5, 14); // 4.2
  });

  it('gives a constant when low = high, drawing nothing', () => {
    const random = new SeededRandom(3);
    const sampler = new PertSampler(random);
    expect(sampler.draw(pert(5, 5, 5))).toBe(5);
    expect(random.next()).toBe(new SeededRandom(3).next());
  });

  it('draws standard normals (mean 0, variance 1) and gammas of mean and variance equal to their shape', () => {
    const sampler = new PertSampler(new SeededRandom(11));
    const normals = Array.from({ length: N }, () => sampler.normal());
    expect(Math.abs(mean(normals))).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(variance(normals) - 1)).toBeLessThan(0.03);
    for (const shape of [1, 2.5, 5]) {
      const d = shape - 1 / 3;
      const gammas = Array.from({ length: N }, () => sampler.gamma(d, 1 / Math.sqrt(9 * d)));
      expect(Math.abs(mean(gammas) - shape)).toBeLessThan((4 * Math.sqrt(shape)) / Math.sqrt(N));
      expect(Math.abs(variance(gammas) / shape - 1)).toBeLessThan(0.05);
    }
  });

  it('gives the same draws for the same seed, and others for another seed', () => {
    expect(draws(1.5, 2, 4, 1000, 42)).toEqual(draws(1.5, 2, 4, 1000, 42));
    expect(draws(1.5, 2, 4, 1000, 43)).not.toEqual(draws(1.5, 2, 4, 1000, 42));
  });
});
