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
