/**
 * e^(xh + xl) to about 2^−58 relative, returned split as (hi + lo)·2^k with hi in [0.98, 2).
 *
 * Math.exp rounds its result (error up to 0.8 ulp here) and underflows into the subnormal range
 * early; activations such as x·σ(x) or GELU's tail need e^v to better than 1 ulp, times a
 * prefactor, and rounded once at the very end even when the product is subnormal. So: Tang's
 * table method, x = (32m + j)·ln2/32 + r with |r| ≤ ln2/64, e^x = 2^m · 2^(j/32) · e^r, where the
 * table entries are double-doubles and e^r − 1 is a degree-7 Taylor polynomial. hi + lo is the
 * exact sum 2^(j/32) + (2^(j/32)·(e^r − 1) + table low word): its only rounding error is that of
 * the small second term, about 2^−53 · 0.022. The exponent m is handed back instead of applied, and
 * scaleByPow2 applies it after the caller's last multiplication. No error-free products: this runs
 * once per point on every common path, so it stays small enough for V8 to inline.
 */
/** 2^(j/32), j = 0…31, as double-doubles (computed with mpmath at 80 digits). */
const EXP2_HI = new Float64Array([
  1.0, 1.0218971486541166, 1.0442737824274138, 1.0671404006768237, 1.0905077326652577, 1.1143867425958924,
  1.1387886347566916, 1.1637248587775775, 1.189207115002721, 1.215247359980469, 1.241857812073484, 1.2690509571917332,
  1.2968395546510096, 1.3252366431597413, 1.3542555469368927, 1.383909881963832, 1.4142135623730951, 1.4451808069770467,
  1.4768261459394993, 1.5091644275934228, 1.5422108254079407, 1.5759808451078865, 1.6104903319492543, 1.645755478153965,
  1.681792830507429, 1.718619298122478, 1.7562521603732995, 1.7947090750031072, 1.8340080864093424, 1.8741676341103,
  1.9152065613971474, 1.9571441241754002,
]);
const EXP2_LO = new Float64Array([
  0.0, 5.109225028973444e-17, 8.551889705537965e-17, -7.899853966841582e-17, -3.046782079812471e-17,
  1.0410278456845571e-16, 8.912812676025408e-17, 3.8292048369240935e-17, 3.982015231465646e-17, -7.712630692681488e-17,
  4.658027591836937e-17, 2.667932131342186e-18, 2.5382502794888315e-17, -2.8587312100388614e-17, 7.70094837980299e-17,
  -6.770511658794786e-17, -9.667293313452913e-17, -3.0237581349939873e-17, -3.483994556892796e-17,
  -1.016455327754295e-16, 7.949834809697621e-17, -1.0136916471278304e-17, 2.4707192569797888e-17,
  -1.0125679913674773e-16, 8.199010020581497e-17, -1.851380418263111e-17, 2.960140695448873e-17, 1.8227458427912087e-17,
  3.283107224245627e-17, -6.122763413004143e-17, -1.0619946056195963e-16, 8.960767791036668e-17,
]);

/** 32/ln 2. */
const INV_STEP = 46.16624130844683;
/** ln2/32 rounded to 36 bits, so that n·STEP_HI is exact for |n| < 2^17 (|x| < 2800). */
const STEP_HI = 0.021660849392446835;
/** ln2/32 − STEP_HI. */
const STEP_LO = 5.145609244655338e-14;

/** Beyond this |x| the result is 0 or Infinity whatever prefactor a double can hold. */
const RANGE = 2000;

/**
 * The input (xh, xl) and result of the last exponential: e^(xh + xl) = (hi + lo)·2^k. A record
 * rather than parameters and a returned pair: see expSplitStored. Small callers use expSplitValue,
 * measured cheaper there; the large kernels still use this record, not yet measured against it.
 */
export const expParts = { xh: 0, xl: 0, hi: 0, lo: 0, k: 0 };

/**
 * e^(expParts.xh + expParts.xl) = (expParts.hi + expParts.lo)·2^expParts.k. xl is a small
 * correction to the argument (|xl| ≤ ulp(xh)), typically the rounding error of a product such as
 * β·x. For |xh| > 2000 (or NaN) the result is hi = Infinity, 0 or NaN with k = 0. No parameters
 * and no return value: when V8 does not inline a call (its inlining budget per function is soon
 * spent in these kernels), doubles passed or returned would each be boxed, an allocation per point.
 */
export function expSplitStored(): void {
  const xh = expParts.xh;
  if (!(xh > -RANGE && xh < RANGE)) {
    expParts.hi = xh > 0 ? Infinity : xh < 0 ? 0 : NaN;
    expParts.lo = 0;
    expParts.k = 0;
    return;
  }
  // floor(· + 0.5), not Math.round: never −0, which would deoptimize the integer arithmetic.
  const n = Math.floor(xh * INV_STEP + 0.5);
  const j = n & 31;
  // n·STEP_HI is exact and within a factor 2 of xh, so the first difference is exact.
  const r = xh - n * STEP_HI + (expParts.xl - n * STEP_LO);
  // e^r − 1 = r + r²·(1/2 + r/6 + r²/24 + r³/120 + r⁴/720 + r⁵/5040), in Estrin's order: the
  // pairs evaluate side by side, about half the latency of Horner's chain.
  const r2 = r * r;
  const q = r + r2 * (0.5 + r * (1 / 6) + r2 * (1 / 24 + r * (1 / 120) + r2 * (1 / 720 + r * (1 / 5040))));
  const th = EXP2_HI[j]!;
  const c = th * q + EXP2_LO[j]!;
  const hi = th + c;
  expParts.hi = hi;
  expParts.lo = c - (hi - th);
  expParts.k = (n - j) / 32;
}

/** e^(xh + xl) = (hi + lo)·2^k, returned by expSplitValue. */
export interface ExpSplit {
  hi: number;
  lo: number;
  k: number;
}

/**
 * expSplitStored at xh + xl, returned as a fresh object: for small callers that V8 inlines whole,
 * where escape analysis removes the object. Exponential's kernel runs 290 fewer instructions a
 * point with it than through expParts (callgrind, f + f′); the large kernels keep expParts.
 */
export function expSplitValue(xh: number, xl: number): ExpSplit {
  if (!(xh > -RANGE && xh < RANGE)) return { hi: xh > 0 ? Infinity : xh < 0 ? 0 : NaN, lo: 0, k: 0 };
  // As in expSplitStored.
  const n = Math.floor(xh * INV_STEP + 0.5);
  const j = n & 31;
  const r = xh - n * STEP_HI + (xl - n * STEP_LO);
  const r2 = r * r;
  const q = r + r2 * (0.5 + r * (1 / 6) + r2 * (1 / 24 + r * (1 / 120) + r2 * (1 / 720 + r * (1 / 5040))));
  const th = EXP2_HI[j]!;
  const c = th * q + EXP2_LO[j]!;
  const hi = th + c;
  return { hi, lo: c - (hi - th), k: (n - j) / 32 };
}

/** expSplitStored at xh + xl. */
export function expSplitParts(xh: number, xl: number): void {
  expParts.xh = xh;
  expParts.xl = xl;
  expSplitStored();
}

/** expSplitParts, returning expParts.hi (expParts.lo and .k as there). */
export function expSplit(xh: number, xl: number): number {
  expSplitParts(xh, xl);
  return expParts.hi;
}

/** POW2[i] = 2^(i − 1074): every power of two a double holds, subnormals included. */
const POW2 = new Float64Array(2098);
for (let i = 0, p = 2 ** -1074; i < POW2.length; i++, p *= 2) POW2[i] = p;
const TWO_600 = 2 ** 600;
const TWO_MINUS_600 = 2 ** -600;

/** 2^k for an integer k ≤ 1023 (0 below 2^−1074). */
export function pow2(k: number): number {
  return k >= -1074 ? POW2[k + 1074]! : 0;
}

/** y·2^k with one rounding (exact while the result is normal), for any integer k. */
export function scaleByPow2(y: number, k: number): number {
  return k >= -1074 && k <= 1023 ? y * POW2[k + 1074]! : scalePow2(y, k);
}

/**
 * y·2^k with one rounding for any integer k: exact while the result is normal, a single rounding
 * into the subnormal range (or to 0 / Infinity) otherwise. |y| may be any finite double.
 */
export function scalePow2(y: number, k: number): number {
  if (k < -1074) {
    // Shift y down first: exact while y stays normal, and when it would not, the result is 0.
    y *= TWO_MINUS_600;
    k += 600;
    if (k < -1074) {
      y *= TWO_MINUS_600;
      k += 600;
      if (k < -1074) return y * 0;
    }
  } else if (k > 1023) {
    y *= TWO_600;
    k -= 600;
    if (k > 1023) {
      y *= TWO_600;
      k -= 600;
      if (k > 1023) k = 1023;
    }
  }
  return y * POW2[k + 1074]!;
}
