/**
 * Softplus log(1 + e^(βx))/β with torch's threshold, and LogSigmoid = −softplus(−x), accurate in
 * both tails.
 *
 * softplus(v) = max(v, 0) + log1p(e^−|v|). In the left tail softplus(t) ≈ eᵗ, so the rounding
 * error of t = β·x is multiplied by |t| (up to 745): we carry it (twoProductError) as the low word
 * of the argument. logistic.ts splits e^−|v| for us as (eh + el)·2^k — the same split σ(v) and
 * σ′(v) use, and it keeps the last one, so f, f′ and f″ at one x cost one exponential — and where
 * eᵗ is subnormal the division by β happens on the mantissa, before the one rounding into the
 * subnormal range.
 */
import { ddLow, twoProductError } from './double-double.js';
import { pow2, scalePow2 } from './exp-split.js';
import { lg, logisticSplit, scaledSigmoid, sigmoidSlopeMantissa } from './logistic.js';
import type { PointwiseKernel } from '../types.js';

/** Above this log(1 + eᵗ) − t = log1p(e⁻ᵗ) < t·2⁻⁵⁴ (e⁻³⁷/37 ≈ 2.3e−18): softplus(t)/β rounds to x. */
const LINEAR_ABOVE = 37;
/** Below this eᵗ is (near) subnormal and log1p(eᵗ) = eᵗ. */
const LEFT_TAIL = -700;
/** twoProductError splits β with 2²⁷ + 1, which overflows beyond ~1.3e300. */
const SPLIT_LIMIT = 1e300;

/** After logisticSplit (|v| ≤ 700): log1p(e^−|v|), the low word of e^−|v| included. */
function log1pOfSplit(): number {
  return Math.log1p(lg.e) + (lg.el * pow2(lg.k)) / lg.dh;
}

/** After logisticSplit: σ′(v)·c, rounded once (also into the subnormal range). */
function scaledSigmoidSlope(c: number): number {
  const h = sigmoidSlopeMantissa();
  const l = ddLow.lo;
  if (!(Math.abs(c) < SPLIT_LIMIT)) return c * scalePow2(h + l, lg.k);
  const p = c * h;
  return scalePow2(p + (twoProductError(c, h, p) + c * l), lg.k);
}

/**
 * torch.nn.Softplus(beta, threshold): x where β·x > threshold (β·x rounded, as torch compares it),
 * else log(1 + e^(βx))/β; threshold = Infinity gives the pure formula.
 */
export function softplusKernel(beta: number, threshold: number): PointwiseKernel {
  const linearAbove = Math.min(threshold, LINEAR_ABOVE);
  const carry = beta !== 1 && beta < SPLIT_LIMIT;
  const inverse = 1 / beta;
  const product = beta * inverse;
  // 1/β = inverse·(1 + inverseError) to first order: the exact residual 1 − β·inverse.
  const inverseError = 1 - product - twoProductError(beta, inverse, product);
  return {
    f: (x) => {
      const t = beta * x;
      if (t > linearAbove) return x;
      const dt = carry ? twoProductError(beta, x, t) : 0;
      logisticSplit(t, dt);
      if (t < LEFT_TAIL) {
        // e^(t+dt)/β = (eh + el)·inverse·(1 + inverseError)·2^k, rounded once.
        const h = lg.eh;
        const p = h * inverse;
        return scalePow2(p + (twoProductError(h, inverse, p) + (lg.el + h * inverseError) * inverse), lg.k);
      }
      const l = log1pOfSplit();
      return (t > 0 ? t + (dt + l) : l) / beta;
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
      return scaledSigmoidSlope(beta);
    },
  };
}

/**
 * log σ(x) = −softplus(−x): −log1p(e⁻ˣ) for x ≥ 0, x − log1p(eˣ) below (both terms negative,
 * nothing cancels). f, f′ = σ(−x) and f″ = −σ′(−x) all use the split at v = −x.
 */
export function logSigmoid(x: number): number {
  logisticSplit(-x, 0);
  if (x > -LEFT_TAIL) return -scalePow2(lg.eh + lg.el, lg.k);
  const l = log1pOfSplit();
  return x >= 0 ? -l : x - l;
}

/** d/dx log σ(x) = σ(−x). */
export function logSigmoidDerivative(x: number): number {
  logisticSplit(-x, 0);
  return scaledSigmoid(1);
}

/** d²/dx² log σ(x) = −σ′(x) = −σ′(−x). */
export function logSigmoidSecondDerivative(x: number): number {
  logisticSplit(-x, 0);
  return -scaledSigmoidSlope(1);
}
