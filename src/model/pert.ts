/**
 * PERT draws (SPEC §3.10): a beta distribution on [low, high] with α = 1 + 4(m − low)/(high − low)
 * and β = 1 + 4(high − m)/(high − low), whose mean is (low + 4m + high) / 6. Sampled as
 * X / (X + Y) of two gamma draws (Marsaglia and Tsang, 2000, exact for shapes ≥ 1, which PERT's
 * always are), their normals from Marsaglia's polar method. Only +, −, ×, ÷, Math.sqrt and the
 * portable log of ./log touch the numbers, so a seed gives the same draws on every engine.
 */
import { ModelError } from './errors';
import { log } from './log';
import type { SeededRandom } from './random';

/**
 * A rejection loop that has rejected this many candidates in a row has met a generator that is
 * broken, not bad luck (the polar method accepts 78.5% of candidates, Marsaglia–Tsang over 95%).
 */
const MAX_REJECTIONS = 1000;

/** Taken once: a global looked up on every call is slow where the code runs in a Node vm context (as Jest runs it). */
const sqrt = Math.sqrt;

/** A PERT distribution, with the constants of its two gamma draws worked out once. */
export interface Pert {
  low: number;
  likely: number;
  high: number;
  /** α and β of the beta on [low, high]; both in [1, 5]. */
  alpha: number;
  beta: number;
  /** Marsaglia–Tsang's d = shape − 1/3 and c = 1/√(9d), for α and for β. */
  alphaD: number;
  alphaC: number;
  betaD: number;
  betaC: number;
}

/**
 * The PERT distribution over low / likely / high (low ≤ likely ≤ high; likely is moved into
 * [low, high] should rounding have put it a hair outside). low = high is a constant.
 *
 * @example
 *   pert(0, 1, 6).alpha // 1.6666666666666667
 *   pert(0, 1, 6).beta  // 4.333333333333333
 */
export function pert(low: number, likely: number, high: number): Pert {
  const width = high - low;
  const m = Math.min(high, Math.max(low, likely));
  const alpha = width > 0 ? 1 + (4 * (m - low)) / width : 1;
  const beta = width > 0 ? 1 + (4 * (high - m)) / width : 1;
  const alphaD = alpha - 1 / 3;
  const betaD = beta - 1 / 3;
  return { low, likely: m, high, alpha, beta, alphaD, alphaC: 1 / Math.sqrt(9 * alphaD), betaD, betaC: 1 / Math.sqrt(9 * betaD) };
}

function stuck(what: string): never {
  throw new ModelError('#NUM!', `the ${what} sampler rejected ${MAX_REJECTIONS} candidates in a row: did not converge`);
}

/**
 * Draws from PERT distributions with one seeded generator. It keeps the polar method's second
 * normal for the next call, so a sampler belongs to one simulation.
 *
 * @example
 *   const sampler = new PertSampler(new SeededRandom(1));
 *   sampler.draw(pert(1.5, 2, 4)) // a number in [1.5, 4], the same for seed 1 everywhere
 */
export class PertSampler {
  private spare = 0;
  private hasSpare = false;

  constructor(private readonly random: SeededRandom) {}

  /** A standard normal: Marsaglia's polar method, two normals per accepted pair. */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    for (let i = 0; i < MAX_REJECTIONS; i++) {
      const u = 2 * this.random.next() - 1;
      const v = 2 * this.random.next() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const scale = sqrt((-2 * log(s)) / s);
      this.spare = v * scale;
      this.hasSpare = true;
      return u * scale;
    }
    return stuck('normal');
  }

  /** A gamma draw of shape d + 1/3 ≥ 1 (Marsaglia and Tsang's "simple method"), c = 1/√(9d). */
  gamma(d: number, c: number): number {
    for (let i = 0; i < MAX_REJECTIONS; i++) {
      const x = this.normal();
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = this.random.next();
      const xx = x * x;
      // The squeeze accepts most draws without a logarithm.
      if (u < 1 - 0.0331 * xx * xx) return d * v;
      if (log(u) < 0.5 * xx + d * (1 - v + log(v))) return d * v;
    }
    return stuck('gamma');
  }

  /** A draw from `p`: low + (high − low) × X / (X + Y), X ~ Gamma(α), Y ~ Gamma(β); a constant when low = high. */
  draw(p: Pert): number {
    if (!(p.high > p.low)) return p.low;
    const x = this.gamma(p.alphaD, p.alphaC);
    const y = this.gamma(p.betaD, p.betaC);
    const value = p.low + (p.high - p.low) * (x / (x + y));
    // Rounding may put low + width × 1 a hair above high.
    return value > p.high ? p.high : value;
  }
}
