/**
 * Mish x·tanh(softplus(x)) and its derivatives without tanh, log1p or 1 − tanh².
 *
 * With E = eˣ: tanh(log(1 + E)) = E(E + 2)/D, D = E(E + 2) + 2, and sech²(softplus x) =
 * 4(1 + E)²/D². For x ≤ 0 the results are proportional to E, which we take from expSplit as a
 * double-double mantissa m times 2^k (Math.exp alone is off by up to 1.25 ulp, which would be most
 * of our 4-ulp budget); the power of two is applied last, so the far left tail (x·eˣ subnormal)
 * is rounded once. For x > 0 everything is written in e = e⁻ˣ (nothing overflows) as 1 minus a
 * small correction, where Math.exp's error hardly matters.
 * (PyTorch's backward forms 1 − tanh², which is 0 from x ≈ 19 on, and returns NaN at ±Infinity.)
 */
import { twoProductError, twoSumError } from './double-double.js';
import { expParts, expSplit, scalePow2 } from './exp-split.js';

/** Above this Mish = x and Mish′ = 1 to double precision (the corrections are ~x·e⁻²ˣ < 1e−32). */
const DERIVATIVE_IS_ONE = 40;
/** Above this Mish″ = 8(1 − x)e⁻²ˣ to double precision (relative corrections < e⁻ˣ). */
const SECOND_TAIL = 40;

export function mish(x: number): number {
  if (x > 0) {
    if (x > DERIVATIVE_IS_ONE) return x; // v < 1e−34: also Mish(∞) = ∞ without ∞·0
    // x·T with T = 1 − v, v = 2e²/(1 + 2e + 2e²) ≤ 0.4.
    const e = Math.exp(-x);
    const e2 = e * e;
    return x - x * ((2 * e2) / (1 + 2 * e + 2 * e2));
  }
  if (x === -Infinity || x === 0) return x === 0 ? x : -0; // ±0 keeps its sign
  // x·E·(1 − w), w = E(1 + E)/D ≤ 0.4: x·m exactly, then one subtraction.
  const mh = expSplit(x, 0);
  const ml = expParts.lo;
  const k = expParts.k;
  const e = scalePow2(mh, k);
  const w = (e * (1 + e)) / (e * (e + 2) + 2);
  const p = x * mh;
  const pe = twoProductError(x, mh, p) + x * ml;
  return scalePow2(p - (p * w - pe), k);
}

/** Mish′ = tanh(sp) + x·σ(x)·sech²(sp), sp = softplus(x). */
export function mishDerivative(x: number): number {
  if (x > 0) {
    if (x > DERIVATIVE_IS_ONE) return 1;
    // 1 + 2e²(2x(1 + e) − d)/d², d = 1 + 2e + 2e².
    const e = Math.exp(-x);
    const e2 = e * e;
    const d = 1 + 2 * e + 2 * e2;
    return 1 + (2 * e2 * (2 * x * (1 + e) - d)) / (d * d);
  }
  if (x === -Infinity) return -0;
  // E·B/D² with B = 4(1 + x) + E·C, C = 6 + 4x + E(4 + E), D² = 4(1 + E·Q), Q = 2 + 2E + E² + E³/4,
  // rearranged as E·a + E²·R with a = 1 + x and R = (C/4 − a·Q)/(1 + E·Q): the leading E·a in
  // double-double, the correction (weight ≤ E) in double. Only near the root (x ≈ −1.19) do the two
  // terms cancel.
  const mh = expSplit(x, 0);
  const ml = expParts.lo;
  const k = expParts.k;
  const e = scalePow2(mh, k);
  const a = 1 + x;
  const al = twoSumError(1, x, a);
  const q = 2 + e * (2 + e * (1 + e * 0.25));
  const r = ((6 + 4 * x + e * (4 + e)) * 0.25 - a * q) / (1 + e * q);
  const p = mh * a;
  const pe = twoProductError(mh, a, p) + (mh * al + ml * a) + mh * (e * r);
  return scalePow2(p + pe, k);
}

/**
 * Mish″ = σ·sech²(sp)·(2 + x(1 − σ − 2σ·tanh(sp))): in E, 4E·(2(1 + E) + x(1 − 2T·E))/D² with
 * T = E(E + 2)/D; in e = e⁻ˣ, 4e²·(2(1 + e) + x(e − 2T))/d² with T = (1 + 2e)/d, d = 1 + 2e + 2e².
 */
export function mishSecondDerivative(x: number): number {
  if (x > 0) {
    if (x > SECOND_TAIL) {
      if (x === Infinity) return 0;
      const mh = expSplit(-2 * x, 0);
      const c = 8 * (1 - x);
      return scalePow2(c * mh + c * expParts.lo, expParts.k);
    }
    const e = Math.exp(-x);
    const e2 = e * e;
    const d = 1 + 2 * e + 2 * e2;
    const t = (1 + 2 * e) / d;
    return (4 * e2 * (2 * (1 + e) + x * (e - 2 * t))) / (d * d);
  }
  if (x === -Infinity) return 0;
  const mh = expSplit(x, 0);
  const ml = expParts.lo;
  const k = expParts.k;
  const e = scalePow2(mh, k);
  const n = e * (e + 2);
  const d = n + 2;
  const g = (4 * (2 * (1 + e) + x * (1 - (2 * n * e) / d))) / (d * d);
  return scalePow2(mh * g + ml * g, k);
}
