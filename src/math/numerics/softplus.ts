/**
 * Softplus log(1 + e^(βx))/β with torch's threshold, and LogSigmoid = −softplus(−x), accurate in
 * both tails.
 *
 * In the left tail softplus(t) ≈ eᵗ, so the rounding error of t = β·x is multiplied by |t| (up to
 * 745): we carry it (twoProductError) into the exponential, and take eᵗ from expSplit as a
 * double-double mantissa times 2^k so that dividing by β < 1 happens before the one rounding into
 * the subnormal range. σ(βx) and σ′(βx) come from logistic.ts, which takes the same carried error.
 */
import { ddLow, twoProductError } from './double-double.js';
import { expParts, expSplit, scalePow2 } from './exp-split.js';
import { logisticSplit, lg, scaledSigmoid, sigmoid, sigmoidDerivative, sigmoidSlopeMantissa } from './logistic.js';
import type { PointwiseKernel } from '../types.js';

/** Above this log(1 + eᵗ) − t = log1p(e⁻ᵗ) < t·2⁻⁵⁴ (e⁻³⁷/37 ≈ 2.3e−18): softplus(t)/β rounds to x. */
const LINEAR_ABOVE = 37;
/** Below this eᵗ is (near) subnormal and log1p(eᵗ) = eᵗ. */
const LEFT_TAIL = -700;
/** twoProductError splits β with 2²⁷ + 1, which overflows beyond ~1.3e300. */
const SPLIT_LIMIT = 1e300;

/**
 * torch.nn.Softplus(beta, threshold): x where β·x > threshold (β·x rounded, as torch compares it),
 * else log(1 + e^(βx))/β; threshold = Infinity gives the pure formula.
 */
export function softplusKernel(beta: number, threshold: number): PointwiseKernel {
  const linearAbove = Math.min(threshold, LINEAR_ABOVE);
  if (beta === 1) {
    // β·x is exact: nothing to carry, nothing to divide.
    return {
      f: (x) => (x > linearAbove ? x : x > LEFT_TAIL ? Math.log1p(Math.exp(x)) : scalePow2(expSplit(x, 0), expParts.k)),
      df: (x) => (x > threshold ? 1 : sigmoid(x)),
      d2: (x) => (x > threshold ? 0 : sigmoidDerivative(x)),
    };
  }
  const carry = beta < SPLIT_LIMIT;
  const inverse = 1 / beta;
  const product = beta * inverse;
  // 1/β = inverse·(1 + inverseError) to first order: the exact residual 1 − β·inverse.
  const inverseError = 1 - product - twoProductError(beta, inverse, product);
  return {
    f: (x) => {
      const t = beta * x;
      if (t > linearAbove) return x;
      const dt = carry ? twoProductError(beta, x, t) : 0;
      if (t > 0) {
        // softplus′ = σ ≤ 1 and softplus ≥ ln 2: the argument's error is not amplified here.
        const e = Math.exp(t);
        return (Math.log1p(e) + (e / (1 + e)) * dt) / beta;
      }
      const mh = expSplit(t, dt);
      const ml = expParts.lo;
      const k = expParts.k;
      if (t > LEFT_TAIL) {
        // log1p(E) with E = e + el: log1p(e) + el/(1 + e).
        const e = scalePow2(mh, k);
        return (Math.log1p(e) + scalePow2(ml, k) / (1 + e)) / beta;
      }
      // E/β = (mh + ml)·inverse·(1 + inverseError)·2^k, rounded once.
      const p = mh * inverse;
      return scalePow2(p + (twoProductError(mh, inverse, p) + (ml + mh * inverseError) * inverse), k);
    },
    df: (x) => {
      const t = beta * x;
      if (t > threshold) return 1;
      logisticSplit(t, carry ? twoProductError(beta, x, t) : 0);
      return scaledSigmoid(1);
    },
    d2: (x) => {
      const t = beta * x;
      if (t > threshold) return 0;
      logisticSplit(t, carry ? twoProductError(beta, x, t) : 0);
      const h = sigmoidSlopeMantissa();
      const l = ddLow.lo;
      const p = beta * h;
      return scalePow2(p + (twoProductError(beta, h, p) + beta * l), lg.k);
    },
  };
}

/** log σ(x) = −softplus(−x): x − log1p(eˣ) for x < 0 (both terms negative, nothing cancels). */
export function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** d/dx log σ(x) = σ(−x). */
export function logSigmoidDerivative(x: number): number {
  return sigmoid(-x);
}
