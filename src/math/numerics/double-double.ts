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
 * Double-double arithmetic on (hi, lo) pairs, |lo| ≤ ulp(hi)/2. Each xxxParts function leaves its
 * result in `ddLow` (hi and lo; read them right away, before the next call) and returns nothing;
 * the xxx wrappers return the high word. Module-level slots instead of returned pairs, so that
 * nothing is allocated per point, and void bodies, so that a call V8 decides not to inline (its
 * inlining budget is soon spent on these) does not box a returned double either.
 * Relative error about 2^−104 (products, quotients) unless stated otherwise.
 * Measured (callgrind): in a small kernel the returned pairs of ddMulPair/ddDivPair were cheaper
 * (Laplace, 400 instructions a point fewer); the large kernels still use ddLow, not yet measured
 * against returned pairs.
 */
export const ddLow = { hi: 0, lo: 0 };

/** (ah + al) + (bh + bl). */
export function ddAddParts(ah: number, al: number, bh: number, bl: number): void {
  const s = ah + bh;
  const e = twoSumError(ah, bh, s) + (al + bl);
  const h = s + e;
  ddLow.hi = h;
  ddLow.lo = e - (h - s);
}

/** (ah + al) · (bh + bl). */
export function ddMulParts(ah: number, al: number, bh: number, bl: number): void {
  const p = ah * bh;
  const e = twoProductError(ah, bh, p) + (ah * bl + al * bh);
  const h = p + e;
  ddLow.hi = h;
  ddLow.lo = e - (h - p);
}

/** (ah + al) / (bh + bl). */
export function ddDivParts(ah: number, al: number, bh: number, bl: number): void {
  const q = ah / bh;
  // The remainder (a − q·b) / b corrects the rounded quotient; q·bh is split exactly.
  const p = q * bh;
  const r = ah - p - twoProductError(q, bh, p) + (al - q * bl);
  const c = r / bh;
  const h = q + c;
  ddLow.hi = h;
  ddLow.lo = c - (h - q);
}

/** √(ah + al) for ah > 0. */
export function ddSqrtParts(ah: number, al: number): void {
  const s = Math.sqrt(ah);
  const p = s * s;
  // One Newton step: √a ≈ s + (a − s²) / (2s), with s² split exactly.
  const c = (ah - p - twoProductError(s, s, p) + al) / (2 * s);
  const h = s + c;
  ddLow.hi = h;
  ddLow.lo = c - (h - s);
}

/** A double-double hi + lo, returned by the xxxPair functions. */
export interface DoubleDouble {
  hi: number;
  lo: number;
}

/**
 * ddMulParts returning a fresh pair: for small callers that V8 inlines whole, where escape analysis
 * removes the object. Laplace's kernel runs 400 fewer instructions a point with these than with
 * ddLow (callgrind, f + f′); kernels too large to inline into keep the xxxParts.
 */
export function ddMulPair(ah: number, al: number, bh: number, bl: number): DoubleDouble {
  const p = ah * bh;
  const e = twoProductError(ah, bh, p) + (ah * bl + al * bh);
  const h = p + e;
  return { hi: h, lo: e - (h - p) };
}

/** ddDivParts returning a fresh pair (see ddMulPair). */
export function ddDivPair(ah: number, al: number, bh: number, bl: number): DoubleDouble {
  const q = ah / bh;
  const p = q * bh;
  const r = ah - p - twoProductError(q, bh, p) + (al - q * bl);
  const c = r / bh;
  const h = q + c;
  return { hi: h, lo: c - (h - q) };
}

/** ddAddParts, returning the high word (the low word in ddLow.lo). */
export function ddAdd(ah: number, al: number, bh: number, bl: number): number {
  ddAddParts(ah, al, bh, bl);
  return ddLow.hi;
}

/** ddMulParts, returning the high word (the low word in ddLow.lo). */
export function ddMul(ah: number, al: number, bh: number, bl: number): number {
  ddMulParts(ah, al, bh, bl);
  return ddLow.hi;
}

/** ddDivParts, returning the high word (the low word in ddLow.lo). */
export function ddDiv(ah: number, al: number, bh: number, bl: number): number {
  ddDivParts(ah, al, bh, bl);
  return ddLow.hi;
}

/** ddSqrtParts, returning the high word (the low word in ddLow.lo). */
export function ddSqrt(ah: number, al: number): number {
  ddSqrtParts(ah, al);
  return ddLow.hi;
}
