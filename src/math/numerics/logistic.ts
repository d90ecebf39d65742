/**
 * The logistic function σ(v) = 1/(1 + e^−v) and its derivatives, to about half an ulp in both
 * tails, at a double-double argument v = vh + vl (vl: the rounding error of β·x, 1.702·x, …,
 * which |v| would otherwise amplify: σ(−700) changes by 700·2^−53 relative when v is off by one
 * rounding).
 *
 * Everything is written with e = e^−|v| ≤ 1 and D = 1 + e, so that nothing cancels:
 *   v ≥ 0: σ = 1/D, 1 − σ = e/D;   v < 0: σ = e/D, 1 − σ = 1/D;   σ′ = e/D² (both signs).
 * e is kept as (eh + el)·2^k (expSplit), so a prefactor can be multiplied in before the one final
 * rounding into the subnormal range (x·σ(x) at x = −740 is subnormal; so is σ′(740)). Quotients
 * by D = dh + dl are one division by dh plus a first-order correction for the low words: as
 * accurate as a double-double quotient at this size, and much cheaper.
 */
import { expParts, expSplit, pow2, scaleByPow2 } from './exp-split.js';

/**
 * The parts of σ at the last argument given to logisticSplit: e^−|v| = (eh + el)·2^k, its value e
 * as a double (0 once it underflows) and D = 1 + e = dh + dl. Module-level so that nothing is
 * allocated per point; read right after the call.
 */
export const lg = { negative: false, eh: 0, el: 0, k: 0, e: 0, dh: 0, dl: 0 };

/** Fills `lg` for v = vh + vl. NaN propagates; v = ±Infinity gives e = 0. */
export function logisticSplit(vh: number, vl: number): void {
  const negative = vh < 0;
  // A non-finite correction (an overflowing product's error term) is dropped: then |vh| is huge
  // and e = 0 whatever vl is.
  const al = vl - vl === 0 ? vl : 0;
  const eh = negative ? expSplit(vh, al) : expSplit(-vh, -al);
  const el = expParts.lo;
  const k = expParts.k;
  // eh·2^k is exact while normal; below that e only matters through D, where 1 absorbs it.
  const s = pow2(k);
  const e = eh * s;
  const dh = 1 + e;
  lg.negative = negative;
  lg.eh = eh;
  lg.el = el;
  lg.k = k;
  lg.e = e;
  lg.dh = dh;
  lg.dl = e - (dh - 1) + el * s;
}

/** After logisticSplit: c·σ(v) for a double c. */
export function scaledSigmoid(c: number): number {
  const dh = lg.dh;
  if (!lg.negative) {
    const q = 1 / dh;
    return c * (q - q * q * lg.dl);
  }
  // c·e/D·2^k
  const m = lg.eh / dh;
  return scaleByPow2(c * (m + (lg.el - m * lg.dl) / dh), lg.k);
}

/** After logisticSplit: the mantissa of σ′(v) = e/D²; σ′ = returned·2^lg.k. */
export function sigmoidSlopeMantissa(): number {
  const dh = lg.dh;
  const m = lg.eh / dh;
  return m / dh + (lg.el - 2 * m * lg.dl) / (dh * dh);
}

/** σ(x) = 1/(1 + e^−x), to about half an ulp everywhere (σ(−745) is subnormal, σ(−746) = 0). */
export function sigmoid(x: number): number {
  logisticSplit(x, 0);
  return scaledSigmoid(1);
}

/** σ′(x) = e^−|x| / (1 + e^−|x|)²: unlike σ(1 − σ), it does not round to 0 for x > 37. */
export function sigmoidDerivative(x: number): number {
  logisticSplit(x, 0);
  return scaleByPow2(sigmoidSlopeMantissa(), lg.k);
}

/** Below this |v|, σ″ and tanh″ use their Taylor series (1 − e would lose digits to cancellation). */
const SERIES_BELOW = 2 ** -10;

/** After logisticSplit: 1 − 2σ(v) = −sign(v)·(1 − e)/D, to a few ulp for |v| ≥ 2^−10. */
export function sigmoidCurvatureRatio(): number {
  const r = (1 - lg.e - lg.el * pow2(lg.k)) / lg.dh;
  return lg.negative ? r : -r;
}

/** σ″(x) = σ′(x)·(1 − 2σ(x)), to a few ulp. */
export function sigmoidSecondDerivative(x: number): number {
  if (Math.abs(x) < SERIES_BELOW) {
    // −x/8 + x³/24 − 17x⁵/1920: the next term is below 2^−60 relative.
    const t = x * x;
    return x * (-0.125 + t * (1 / 24 - t * (17 / 1920)));
  }
  logisticSplit(x, 0);
  return scaleByPow2(sigmoidSlopeMantissa() * sigmoidCurvatureRatio(), lg.k);
}

/**
 * tanh x = sign(x)·(1 − e)/(1 + e) with e = e^−2|x| (2x is exact): to about half an ulp, where
 * V8's Math.tanh is off by up to 1.9 ulp.
 */
export function tanh(x: number): number {
  const a = Math.abs(x);
  if (a < SERIES_BELOW) {
    // x − x³/3 + 2x⁵/15 − 17x⁷/315: the last term is below 2^−66 relative.
    const t = x * x;
    return x + x * (t * (-1 / 3 + t * (2 / 15 - t * (17 / 315))));
  }
  logisticSplit(2 * a, 0);
  // (1 − e)/D, with 1 − e as an exact double-double (m, ml): e = eh·2^k exactly here.
  const e = lg.e;
  const m = 1 - e;
  const ml = 1 - m - e - lg.el * pow2(lg.k);
  const q = m / lg.dh;
  const r = q + (ml - q * lg.dl) / lg.dh;
  return x < 0 ? -r : x > 0 ? r : x; // x = NaN → NaN
}

/** tanh′ x = sech² x = 4e/(1 + e)² with e = e^−2|x|: not 1 − tanh² x, which is 0 from x ≈ 19 on. */
export function tanhDerivative(x: number): number {
  logisticSplit(2 * x, 0);
  return scaleByPow2(sigmoidSlopeMantissa(), lg.k + 2);
}

/** tanh″ x = −2 tanh x · sech² x = 8σ″(2x). */
export function tanhSecondDerivative(x: number): number {
  if (Math.abs(x) < SERIES_BELOW / 2) {
    // −2x + 8x³/3 − 34x⁵/15: 8σ″(2x) from σ″'s series.
    const t = x * x;
    return x * (-2 + t * (8 / 3 - t * (34 / 15)));
  }
  logisticSplit(2 * x, 0);
  return scaleByPow2(sigmoidSlopeMantissa() * sigmoidCurvatureRatio(), lg.k + 3);
}
