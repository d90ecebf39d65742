/**
 * The logistic function σ(v) = 1/(1 + e^−v) and its derivatives, to about half an ulp in both
 * tails, at a double-double argument v = vh + vl (vl: the rounding error of β·x, 1.702·x, …,
 * which |v| would otherwise amplify: σ(−700) changes by 700·2^−53 relative when v is off by one
 * rounding).
 *
 * Everything is written with e = e^−|v| ≤ 1 and D = 1 + e, so that nothing cancels:
 *   v ≥ 0: σ = 1/D, 1 − σ = e/D;   v < 0: σ = e/D, 1 − σ = 1/D;   σ′ = e/D² (both signs).
 * e is kept as (eh + el)·2^k (expSplit), so a prefactor can be multiplied in before the one final
 * rounding into the subnormal range (x·σ(x) at x = −740 is subnormal; so is σ′(740)). Numerators
 * and denominators are exact double-doubles (one error-free product each) and the quotient is
 * rounded once: f and f′ within about an ulp, where chaining plain operations could reach 3–4.
 *
 * Speed: V8 inlines only about 900 bytes of bytecode into one optimized function, and these
 * kernels are larger; a function already optimized with much inlined into it is not inlined
 * again. A call that stays a call boxes every double passed to it or returned from it (an
 * allocation each, per point). So the steps below take their inputs from and leave their results
 * in the module-level record `lg` and have no parameters: not inlined, they cost a call and
 * nothing else. Kernels (the f and df the catalog hands out) set lg's inputs, call the steps and
 * read lg.y; the wrappers with parameters (logisticSplit, scaledSigmoid) are for callers that
 * inline them. Measured since (callgrind): a step returning its double (sigmoidTimesValue,
 * swishValue) was cheaper than lg.y in GELUTanh (180 instructions a point fewer); the other steps
 * still use lg.y, not yet measured. The last-argument cache in lg is kept: measured, see there.
 */
import { ddLow, ddMulParts, fastTwoSumError, twoProductError } from './double-double.js';
import { expParts, expSplitParts, pow2, scaleByPow2 } from './exp-split.js';

/**
 * The working record. Inputs: the argument vh + vl, a prefactor c (or ch + cl) and a power of two
 * j for the steps below. Outputs of splitLogistic: e^−|v| = (eh + el)·2^k, its value e as a double
 * (0 once it underflows), D = 1 + e = dh + dl, 1/D = ih + il and the mantissa of e/D = sh + sl
 * (e/D = (sh + sl)·2^k: σ(v) for v < 0, 1 − σ(v) for v ≥ 0). `y` receives each step's result.
 */
export const lg = {
  vh: 0,
  vl: 0,
  c: 0,
  ch: 0,
  cl: 0,
  j: 0,
  negative: false,
  eh: 0,
  el: 0,
  k: 0,
  e: 0,
  dh: 0,
  dl: 0,
  ih: 0,
  il: 0,
  sh: 0,
  sl: 0,
  y: 0,
  // The argument of the last split: f and f′ are evaluated at the same x in turn, and the second
  // reuses it. (Fields, not module `let`s: V8 boxes every double stored in a module variable.)
  // Kept for speed: without it Softplus f + f′ cost 340 more instructions a point (callgrind).
  splitVh: NaN,
  splitVl: NaN,
};

/** Fills `lg` from v = lg.vh + lg.vl. NaN propagates; v = ±Infinity gives e = 0. */
export function splitLogistic(): void {
  const vh = lg.vh;
  // A non-finite correction (an overflowing product's error term) is dropped: then |vh| is huge
  // and e = 0 whatever vl is.
  const vl = lg.vl - lg.vl === 0 ? lg.vl : 0;
  lg.vl = vl;
  if (vh === lg.splitVh && vl === lg.splitVl) return;
  lg.splitVh = vh;
  lg.splitVl = vl;
  const negative = vh < 0;
  expSplitParts(negative ? vh : -vh, negative ? vl : -vl);
  const eh = expParts.hi;
  const el = expParts.lo;
  const k = expParts.k;
  // eh·2^k is exact while normal; below that e only matters through D, where 1 absorbs it.
  const s = pow2(k);
  const e = eh * s;
  const dh = 1 + e;
  const dl = e - (dh - 1) + el * s;
  // 1/D: q = 1/dh corrected by the residual 1 − q·D, with q·dh split exactly (1 − p is exact).
  const q = 1 / dh;
  const p = q * dh;
  lg.negative = negative;
  lg.eh = eh;
  lg.el = el;
  lg.k = k;
  lg.e = e;
  lg.dh = dh;
  lg.dl = dl;
  const il = q * (1 - p - twoProductError(q, dh, p) - q * dl);
  lg.ih = q;
  lg.il = il;
  if (k >= -20) {
    // e/D = 1 − 1/D, the difference exact (1/D ≥ ½); not small here, so no digits lost. As a
    // mantissa: times 2^−k (exact).
    const u = pow2(-k);
    lg.sh = (1 - q) * u;
    lg.sl = -il * u;
    return;
  }
  ddMulParts(eh, el, q, il);
  lg.sh = ddLow.hi;
  lg.sl = ddLow.lo;
}

/** splitLogistic at v = vh + vl. */
export function logisticSplit(vh: number, vl: number): void {
  lg.vh = vh;
  lg.vl = vl;
  splitLogistic();
}

/**
 * After splitLogistic: lg.c·σ(v), rounded about once, returned: GELUTanh's f ran 180 fewer
 * instructions a point with it (and swishValue) than through lg.y (callgrind).
 */
export function sigmoidTimesValue(): number {
  const c = lg.c;
  // σ = 1/D for v ≥ 0, (e/D)·2^k for v < 0
  const h = lg.negative ? lg.sh : lg.ih;
  const l = lg.negative ? lg.sl : lg.il;
  const p = c * h;
  const y = c === 1 ? h + l : p + (twoProductError(c, h, p) + c * l);
  return lg.negative ? scaleByPow2(y, lg.k) : y;
}

/** After splitLogistic: lg.y = lg.c·σ(v) (sigmoidTimesValue into lg.y). */
export function sigmoidTimes(): void {
  lg.y = sigmoidTimesValue();
}

/**
 * After splitLogistic: lg.y = σ′(v)·(lg.ch + lg.cl)·2^lg.j = (e/D)·(1/D)·c·2^j, rounded about
 * once; the unscaled mantissa (a double-double, times 2^(k + j)) stays in ddLow.
 */
export function sigmoidSlopeTimes(): void {
  ddMulParts(lg.sh, lg.sl, lg.ih, lg.il);
  if (lg.ch !== 1 || lg.cl !== 0) ddMulParts(lg.ch, lg.cl, ddLow.hi, ddLow.lo);
  lg.y = scaleByPow2(ddLow.hi, lg.k + lg.j);
}

/** After splitLogistic: σ′(v)·(ch + cl)·2^j (sigmoidSlopeTimes with these inputs, returning lg.y). */
export function slopeTimes(ch: number, cl: number, j: number): number {
  lg.ch = ch;
  lg.cl = cl;
  lg.j = j;
  sigmoidSlopeTimes();
  return lg.y;
}

/**
 * After splitLogistic: lg.y = (lg.ch + lg.cl)·σ(v), rounded about once; for v < 0 the unscaled
 * mantissa c·e/D (times 2^k) stays in ddLow.
 */
export function sigmoidTimesPair(): void {
  if (!lg.negative) {
    ddMulParts(lg.ch, lg.cl, lg.ih, lg.il);
    lg.y = ddLow.hi;
    return;
  }
  ddMulParts(lg.ch, lg.cl, lg.sh, lg.sl);
  lg.y = scaleByPow2(ddLow.hi, lg.k);
}

/** After splitLogistic: 1 − 2σ(v) = −sign(v)·(1 − e)/D, to a few ulp (|v| ≥ 2^−10). */
export function oneMinusTwoSigmoid(): number {
  const r = (1 - lg.e - lg.el * pow2(lg.k)) * lg.ih;
  return lg.negative ? r : -r;
}

/** After splitLogistic: σ″(v)·2^j = σ′(v)·(1 − 2σ(v))·2^j, to a few ulp (|v| ≥ 2^−10). */
function sigmoidCurvature(j: number): number {
  return slopeTimes(oneMinusTwoSigmoid(), 0, j);
}

/** After splitLogistic: c·σ(v), rounded about once. */
export function scaledSigmoid(c: number): number {
  lg.c = c;
  sigmoidTimes();
  return lg.y;
}

/**
 * After splitLogistic: the mantissa of σ′(v) = e/D² as a double-double, the high word returned and
 * the low word in ddLow.lo; σ′ = mantissa·2^lg.k.
 */
export function sigmoidSlopeMantissa(): number {
  ddMulParts(lg.sh, lg.sl, lg.ih, lg.il);
  return ddLow.hi;
}

/**
 * Below this |x|, Sigmoid's f and f′ take the fast path: e = Math.exp(−|x|) ≥ e^−700 ≈ 1e−304 is
 * normal, and so are σ(−|x|) ≈ e and σ′ ≈ e. Beyond it (and for NaN, ±Infinity) the careful path
 * above, which rounds once into the subnormal range.
 *
 * Error bound of the fast path (u = 2^−53; a relative error below n·u is below n ulp):
 *  - x is exact, so the only inexact input is e: V8's Math.exp (fdlibm) is within 1 ulp, i.e.
 *    ẽ = e·(1 + δ), |δ| < 2u.
 *  - D = 1 + ẽ is carried exactly as dh + dl (Fast2Sum, 1 ≥ ẽ), and 1/D as q + r: q = 1/dh, the
 *    residual 1 − q·dh exact (Dekker), so q + r = 1/D·(1 + O(u²)).
 *  - σ(|x|) = q + r, one final rounding: sensitivity |d ln σ/d ln e| = e/(1 + e) ≤ ½, so the error
 *    is below ½·2u + u = 2u: < 2 ulp.
 *  - σ(−|x|) = ẽ·(q + r) with ẽ·q split exactly, one final rounding: sensitivity 1/(1 + e) ≤ 1,
 *    so below 2u + u = 3u: < 3 ulp.
 *  - σ′ = ẽ·(q + r)² with q² and ẽ·(q² + …) split exactly, one final rounding: sensitivity
 *    |1 − e|/(1 + e) ≤ 1, so below 2u + u = 3u: < 3 ulp.
 * The terms dropped (products of two low words, roundings of corrections) are O(u²) relative.
 * sigmoid and sigmoidDerivative each spell out the few lines forming e and q + r: as a shared helper
 * (not inlined into the callers' loops) the pair ran at 31 M points/s instead of 41.
 */
const SIGMOID_FAST_BELOW = 700;

/**
 * σ(x) = 1/(1 + e^−x): within 2–3 ulp on the fast path, about half an ulp in the far tails (σ(−745)
 * is subnormal, σ(−746) = 0).
 */
export function sigmoid(x: number): number {
  const a = Math.abs(x);
  if (a <= SIGMOID_FAST_BELOW) {
    const e = Math.exp(-a);
    const dh = 1 + e;
    const dl = e - (dh - 1);
    const q = 1 / dh;
    const p = q * dh;
    const r = q * (1 - p - twoProductError(q, dh, p) - q * dl);
    if (x >= 0) return q + r;
    const s = e * q;
    return s + (twoProductError(e, q, s) + e * r);
  }
  lg.vh = x;
  sigmoidCareful();
  return lg.y;
}

/** lg.y = σ(lg.vh) by the careful path: kept out of sigmoid, so that sigmoid stays small enough to inline. */
function sigmoidCareful(): void {
  lg.vl = 0;
  splitLogistic();
  lg.c = 1;
  sigmoidTimes();
}

/**
 * σ′(x) = e^−|x| / (1 + e^−|x|)²: unlike σ(1 − σ), it does not round to 0 for x > 37. Within 3 ulp
 * on the fast path (see SIGMOID_FAST_BELOW), about an ulp beyond.
 */
export function sigmoidDerivative(x: number): number {
  const a = Math.abs(x);
  if (a <= SIGMOID_FAST_BELOW) {
    const e = Math.exp(-a);
    const dh = 1 + e;
    const dl = e - (dh - 1);
    const q = 1 / dh;
    const p = q * dh;
    const r = q * (1 - p - twoProductError(q, dh, p) - q * dl);
    // 1/D² = q² + 2qr + O(u²): q² split exactly.
    const qq = q * q;
    const ql = twoProductError(q, q, qq) + 2 * q * r;
    const m = e * qq;
    return m + (twoProductError(e, qq, m) + e * ql);
  }
  lg.vh = x;
  sigmoidSlopeCareful();
  return lg.y;
}

/** lg.y = σ′(lg.vh) by the careful path. */
function sigmoidSlopeCareful(): void {
  lg.vl = 0;
  splitLogistic();
  lg.ch = 1;
  lg.cl = 0;
  lg.j = 0;
  sigmoidSlopeTimes();
}

/** Below this |v|, σ″ and tanh″ use their Taylor series (1 − e would lose digits to cancellation). */
const SERIES_BELOW = 2 ** -10;
/** Below this |x|, tanh uses its Taylor series. */
const TANH_SERIES_BELOW = 1 / 16;
/**
 * From this |x| to 350, tanh takes the fast path: (1 − ẽ)/(1 + ẽ) with ẽ = Math.exp(−2|x|) (2|x|
 * exact; ẽ = e·(1 + δ), |δ| < 2u), formed as in sigmoid with one final rounding (u). Its
 * sensitivity to e, |d ln tanh/d ln e| = 2e/(1 − e²), is at most 1 for e ≤ √2 − 1, i.e.
 * |x| ≥ 0.4407: below 2u + u = 3u, under 3 ulp. Nearer 0 it grows (8 at 1/16), and the careful
 * path stays.
 */
const TANH_FAST_ABOVE = 0.45;

/** σ″(x) = σ′(x)·(1 − 2σ(x)), to a few ulp. */
export function sigmoidSecondDerivative(x: number): number {
  if (Math.abs(x) < SERIES_BELOW) {
    // −x/8 + x³/24 − 17x⁵/1920: the next term is below 2^−60 relative.
    const t = x * x;
    return x * (-0.125 + t * (1 / 24 - t * (17 / 1920)));
  }
  lg.vh = x;
  lg.vl = 0;
  splitLogistic();
  return sigmoidCurvature(0);
}

/** After splitLogistic at 2|x|: lg.y = (1 − e)/D = tanh |x|, with 1 − e an exact double-double. */
function tanhOfSplit(): void {
  const e = lg.e; // = eh·2^k exactly here (e ≥ e^−2·… is normal whenever 1 − e is not 1)
  const m = 1 - e;
  ddMulParts(m, 1 - m - e - lg.el * pow2(lg.k), lg.ih, lg.il);
  lg.y = ddLow.hi;
}

/**
 * tanh x = sign(x)·(1 − e)/(1 + e) with e = e^−2|x| (2x is exact): to about half an ulp on the
 * careful path and below 3 ulp on the fast path (TANH_FAST_ABOVE), where V8's Math.tanh is off by
 * up to 1.9 ulp.
 */
export function tanh(x: number): number {
  const a = Math.abs(x);
  if (a < TANH_SERIES_BELOW) {
    // x − x³/3 + 2x⁵/15 − 17x⁷/315 + 62x⁹/2835 − 1382x¹¹/155925: the next term is below 2^−56
    // relative. (Above 1/16, 1 − e^−2|x| is accurate to 2^−55 from expSplit's 2^−58.)
    const t = x * x;
    return x + x * (t * (-1 / 3 + t * (2 / 15 + t * (-17 / 315 + t * (62 / 2835 - t * (1382 / 155925))))));
  }
  if (a >= TANH_FAST_ABOVE && a <= SIGMOID_FAST_BELOW / 2) {
    // (1 − e)·(q + r): 1 − e = m + ml exactly (Fast2Sum), 1/D = q + r as in sigmoid.
    const e = Math.exp(-2 * a);
    const dh = 1 + e;
    const dl = e - (dh - 1);
    const q = 1 / dh;
    const p = q * dh;
    const r = q * (1 - p - twoProductError(q, dh, p) - q * dl);
    const m = 1 - e;
    const ml = fastTwoSumError(1, -e, m);
    const y = m * q;
    const t = y + (twoProductError(m, q, y) + (m * r + ml * q));
    return x < 0 ? -t : t;
  }
  lg.vh = 2 * a;
  tanhCareful();
  const r = lg.y;
  return x < 0 ? -r : x > 0 ? r : x; // x = NaN → NaN
}

/** lg.y = tanh(lg.vh/2) for lg.vh ≥ 0, by the careful path. */
function tanhCareful(): void {
  lg.vl = 0;
  splitLogistic();
  tanhOfSplit();
}

/**
 * tanh′ x = sech² x = 4e/(1 + e)² with e = e^−2|x|: not 1 − tanh² x, which is 0 from x ≈ 19 on.
 * For |x| ≤ 350, 4σ′(2x) (2x and the factor 4 exact, the result normal): sigmoidDerivative's fast
 * path, below 3 ulp.
 */
export function tanhDerivative(x: number): number {
  if (Math.abs(x) <= SIGMOID_FAST_BELOW / 2) return 4 * sigmoidDerivative(2 * x);
  lg.vh = 2 * x;
  lg.vl = 0;
  splitLogistic();
  return slopeTimes(1, 0, 2);
}

/** tanh″ x = −2 tanh x · sech² x = 8σ″(2x). */
export function tanhSecondDerivative(x: number): number {
  if (Math.abs(x) < SERIES_BELOW / 2) {
    // −2x + 8x³/3 − 34x⁵/15: 8σ″(2x) from σ″'s series.
    const t = x * x;
    return x * (-2 + t * (8 / 3 - t * (34 / 15)));
  }
  lg.vh = 2 * x;
  lg.vl = 0;
  splitLogistic();
  return sigmoidCurvature(3);
}
