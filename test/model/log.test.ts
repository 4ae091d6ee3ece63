// The portable logarithm (src/model/log.ts) against the engine's own Math.log: fdlibm promises
// an error below 1 ulp, so the port may differ from any correct Math.log by at most 1 ulp.
import { log } from '../../src/model/log';
import { seededRandom } from '../support/random';

const view = new DataView(new ArrayBuffer(16));

/** The distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  const d = view.getBigInt64(0) - view.getBigInt64(8);
  return Number(d < 0n ? -d : d);
}

/** The largest ulp distance to Math.log over the values. */
function worst(values: number[]): number {
  let most = 0;
  for (const x of values) most = Math.max(most, ulps(Math.abs(log(x)), Math.abs(Math.log(x))));
  return most;
}

describe('log, fdlibm ported to +, −, ×, ÷ (bit-identical on every engine)', () => {
  const random = seededRandom(20260513);
  const many = (n: number, draw: () => number): number[] => Array.from({ length: n }, draw);

  it('is within 1 ulp of Math.log on the uniforms the sampler takes logarithms of, (0, 1)', () => {
    expect(worst(many(200_000, random))).toBeLessThanOrEqual(1);
  });

  it('is within 1 ulp of Math.log across the whole range of doubles, subnormals included', () => {
    const wide = many(200_000, () => Math.exp((random() - 0.5) * 1415)); // about 2^-1021 to 2^1021
    const tiny = many(20_000, () => Number.MIN_VALUE * (1 + Math.floor(random() * 2 ** 40)));
    const huge = many(20_000, () => Number.MAX_VALUE * (1 - random() * 1e-3));
    expect(worst([...wide, ...tiny, ...huge])).toBeLessThanOrEqual(1);
  });

  it('is within 1 ulp of Math.log next to 1, where fdlibm takes its short series (|x − 1| < 2^-20)', () => {
    const near = many(100_000, () => 1 + (random() - 0.5) * 2 ** -19);
    expect(worst([...near, 1 - 2 ** -53, 1 + 2 ** -52, 1 - 2 ** -20, 1 + 2 ** -20])).toBeLessThanOrEqual(1);
  });

  it('is within 1 ulp of Math.log at √2, where fdlibm halves x, and at the powers of two', () => {
    const around = many(50_000, () => Math.SQRT2 * (1 + (random() - 0.5) * 1e-3) * 2 ** Math.floor((random() - 0.5) * 200));
    const powers = Array.from({ length: 2098 }, (_, i) => 2 ** (i - 1074));
    expect(worst([...around, ...powers])).toBeLessThanOrEqual(1);
  });

  it('gives the values worked out by hand and Math.log\'s special cases', () => {
    expect(log(1)).toBe(0); // +0, not −0
    expect(Math.abs(log(Math.E) - 1)).toBeLessThanOrEqual(2 ** -52);
    // ln 2^-1074 = −1074 ln 2 = −744.4400719213812
    expect(log(Number.MIN_VALUE)).toBeCloseTo(-744.4400719213812, 12);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(NaN)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
  });
});
