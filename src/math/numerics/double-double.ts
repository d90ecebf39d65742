/**
 * Error-free transformations (Dekker, Knuth): the rounding error of a sum or product as a second
 * double. Where a rounded argument would feed exp/erfc and be amplified by |argument| (the tails of
 * GELU, SiLU, ...), we carry that error along instead. Scalar functions only: nothing allocates.
 */

/** 2^27 + 1: splits a double into two 26-bit halves. */
const SPLITTER = 134217729;

/** The exact error of s = a + b (any magnitudes): a + b = s + twoSumError(a, b, s). */
export function twoSumError(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}

/** The exact error of p = a · b, barring overflow: a·b = p + twoProductError(a, b, p). */
export function twoProductError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return al * bl - (p - ah * bh - al * bh - ah * bl);
}

/** The exact error of s = a + b when |a| ≥ |b| (or a = 0): three operations instead of six. */
export function fastTwoSumError(a: number, b: number, s: number): number {
  return b - (s - a);
}

/**
 * Double-double arithmetic on (hi, lo) pairs, |lo| ≤ ulp(hi)/2. Each function returns the high
 * word and leaves the low word in `ddLow.lo` (read it right away, before the next call): a
 * module-level slot instead of a returned pair, so that nothing is allocated per point.
 * Relative error about 2^−104 (products, quotients) unless stated otherwise.
 */
export const ddLow = { lo: 0 };

/** (ah + al) + (bh + bl). */
export function ddAdd(ah: number, al: number, bh: number, bl: number): number {
  const s = ah + bh;
  const e = twoSumError(ah, bh, s) + (al + bl);
  const h = s + e;
  ddLow.lo = fastTwoSumError(s, e, h);
  return h;
}

/** (ah + al) · (bh + bl). */
export function ddMul(ah: number, al: number, bh: number, bl: number): number {
  const p = ah * bh;
  const e = twoProductError(ah, bh, p) + (ah * bl + al * bh);
  const h = p + e;
  ddLow.lo = fastTwoSumError(p, e, h);
  return h;
}

/** (ah + al) / (bh + bl). */
export function ddDiv(ah: number, al: number, bh: number, bl: number): number {
  const q = ah / bh;
  // The remainder (a − q·b) / b corrects the rounded quotient; q·bh is split exactly.
  const p = q * bh;
  const r = ah - p - twoProductError(q, bh, p) + (al - q * bl);
  const c = r / bh;
  const h = q + c;
  ddLow.lo = fastTwoSumError(q, c, h);
  return h;
}

/** √(ah + al) for ah > 0. */
export function ddSqrt(ah: number, al: number): number {
  const s = Math.sqrt(ah);
  const p = s * s;
  // One Newton step: √a ≈ s + (a − s²) / (2s), with s² split exactly.
  const c = (ah - p - twoProductError(s, s, p) + al) / (2 * s);
  const h = s + c;
  ddLow.lo = fastTwoSumError(s, c, h);
  return h;
}
