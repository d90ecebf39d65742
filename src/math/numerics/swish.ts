/**
 * x·σ(v) and its derivatives, where v = vh + vl is β·x (Swish, SiLU with β = 1, GELU's sigmoid
 * form with β = 1.702) carried as a double-double: in the left tail σ(v) ≈ e^v, so one rounding of
 * β·x would cost |v|·2^−53 relative (700 ulp at v = −700).
 *
 * With e = e^−|v| and D = 1 + e (see logistic.ts), for f = x·σ(βx):
 *   f′ = σ(v)·(1 + v·(1 − σ(v)))  =  1/D + v·e/D²  (v ≥ 0),   e·(1 + e − |v|)/D²  (v < 0);
 *   f″ = β·σ′(v)·(2 + v·(1 − 2σ(v)))  =  β·(e/D²)·(2 − |v|·(1 − e)/D).
 * 1 + e − |v| vanishes at SiLU′'s root (v ≈ −1.2785), where f′ is the Taylor series about the
 * root instead (root-series.ts); elsewhere D + v is formed as a double-double.
 */
import { ddAddParts, ddLow, ddMulParts } from './double-double.js';
import { pow2 } from './exp-split.js';
import type { PointwiseKernel } from '../types.js';
import { twoProductError, twoSumError } from './double-double.js';
import { lg, sigmoid, sigmoidTimesPair, sigmoidTimesValue, slopeTimes, splitLogistic } from './logistic.js';
import { nearRoot, rootSeries, sumRootSeries } from './root-series.js';

/** Beyond |v| = 1500, e^−|v| times any prefactor a double can hold (|x|, v², β) is 0. */
const TAIL = 1500;

/**
 * S′(v) = σ(v)·(1 + v·(1 − σ(v))) about its root v* = −1.27846454276107379510935873902 (the
 * minimum of SiLU), for |v − v*| < 0.32: the zone where its condition number |v·S″/S′| exceeds 4.
 */
const SLOPE_ROOT = rootSeries(
  -1.2784645427610737,
  -1.0946994183093437e-16,
  0.2178117057198001,
  -3.974332795880862e-18,
  0.32,
  [
    0.1466487969969469, 0.018874814223782312, -0.015222655223188032, -0.006606589138356696, 0.000126627410081122,
    0.0007985218818397998, 0.00018570724361186496, -4.090534237428612e-5, -2.9733542213263917e-5, -2.942631888842464e-6,
    2.346029682463866e-6, 8.599695028268575e-7, -3.051244750055421e-8, -9.266646309267441e-8, -1.8877622907727957e-8,
    4.619379769031606e-9, 2.9177603026903803e-9,
  ],
);

/**
 * SiLU's fast path (v = x is exact, so the only inexact input is e = Math.exp(−|x|), within 1 ulp:
 * ẽ = e·(1 + δ), |δ| < 2u, u = 2^−53; a relative error below n·u is below n ulp). D = 1 + ẽ is
 * dh + dl exactly (Fast2Sum); a quotient by D is carried as a double-double via its exact residual
 * (Dekker), products are split exactly up to the one final rounding (u); terms dropped are O(u²).
 *  - f = x/dh for x ≥ 0: sensitivity to e, |d ln f/d ln e| = e/(1 + e) ≤ ½ (u), the roundings of
 *    dh and of the quotient (2u): below 3u.
 *  - f = x·(ẽ/D) for x < 0: sensitivity 1/(1 + e) ≤ 1 (2u), final rounding (u): below 3u.
 *  - f′ = 1/D + x·e/D² for x ≥ 0: sensitivity ≤ ½ (u); the second term, at most 0.218 of f′,
 *    carries 3 roundings (0.66u); the final rounding (u): below 2.7u.
 *  - f′ = (D + x)·(ẽ/D)/D for x < 0: sensitivity |1 + e/(1 + e − |x|) − 2e/(1 + e)| ≤ 1 for
 *    x ≤ −1.6 and for −0.7 ≤ x < 0 (2u; it grows without bound towards the root of f′ at
 *    −1.2785, and is 1.35 at −0.96), final rounding (u): below 3u there. Between, the careful
 *    path (and the root series).
 * Both within 700 of 0: e ≥ e^−700 and the results stay normal. (The few lines forming e, D and
 * e/D are spelled out in silu and siluDerivative: shared helpers would not be inlined, and doubles
 * passed through calls are boxed.)
 */
const SILU_FAST_BELOW = 700;
/** f′'s fast path leaves out (SLOPE_FAST_BELOW, SLOPE_FAST_ABOVE), about the root of f′. */
const SLOPE_FAST_BELOW = -1.6;
const SLOPE_FAST_ABOVE = -0.7;

/**
 * x·σ(v) for x = lg.c and v = lg.vh + lg.vl (see logistic.ts for the lg convention), returned (see
 * sigmoidTimesValue). x = ±Infinity and |v| ≥ 1500 give the limits (x, or 0 with the sign of x).
 */
export function swishValue(): number {
  const vh = lg.vh;
  if (!(vh > -TAIL && vh < TAIL)) {
    const x = lg.c;
    return vh > 0 ? x : vh < 0 ? (x < 0 ? -0 : 0) : NaN;
  }
  splitLogistic();
  return sigmoidTimesValue();
}

/** lg.y = swishValue(), for callers that read lg.y. */
export function swishValueOf(): void {
  lg.y = swishValue();
}

/** lg.y = d/dx [x·σ(βx)] = σ(v)·(1 + v·(1 − σ(v))) for v = lg.vh + lg.vl = βx. */
export function swishSlopeOf(): void {
  const vh = lg.vh;
  if (!(vh > -TAIL && vh < TAIL)) {
    lg.y = vh > 0 ? 1 : vh < 0 ? -0 : NaN;
    return;
  }
  if (nearRoot(SLOPE_ROOT, vh)) {
    lg.y = sumRootSeries(SLOPE_ROOT, vh, lg.vl);
    return;
  }
  splitLogistic();
  if (!lg.negative) {
    const ih = lg.ih;
    lg.y = ih + (lg.il + vh * lg.e * ih * ih);
    return;
  }
  // 1 + e − |v| = D + v as a double-double: exact through the root, where it cancels.
  ddAddParts(lg.dh, lg.dl, vh, lg.vl);
  slopeTimes(ddLow.hi, ddLow.lo, 0);
}

/** lg.y = d²/dx² [x·σ(βx)] = β·σ′(v)·(2 − |v|·(1 − e)/D) for β = lg.c, v = lg.vh + lg.vl = βx. */
export function swishCurvatureOf(): void {
  const vh = lg.vh;
  if (!(vh > -TAIL && vh < TAIL)) {
    lg.y = vh === vh ? 0 : NaN;
    return;
  }
  const beta = lg.c;
  splitLogistic();
  // (after the split, which drops a non-finite low word)
  const vl = lg.vl;
  // g = 2 − |v|·(1 − e)/D as a double-double: it vanishes at f″'s roots (|v| ≈ 2.4), and in
  // plain doubles its three roundings cost up to 8 ulp around them (and v's low word was lost).
  const e = lg.e;
  const nh = 1 - e;
  const nl = twoSumError(1, -e, nh) - lg.el * pow2(lg.k);
  ddMulParts(nh, nl, lg.ih, lg.il);
  if (vh < 0) ddMulParts(ddLow.hi, ddLow.lo, -vh, -vl);
  else ddMulParts(ddLow.hi, ddLow.lo, vh, vl);
  const gh = 2 - ddLow.hi;
  const gl = twoSumError(2, -ddLow.hi, gh) - ddLow.lo;
  const c = beta * gh;
  // β near the double range: σ′·g first, so that only a result beyond it overflows
  if (c - c === 0) {
    ddMulParts(beta, 0, gh, gl);
    slopeTimes(ddLow.hi, ddLow.lo, 0);
  } else lg.y = beta * slopeTimes(gh, gl, 0);
}

/** SiLU(x) = x·σ(x). */
export function silu(x: number): number {
  const a = Math.abs(x);
  if (a <= SILU_FAST_BELOW) {
    const e = Math.exp(-a);
    const dh = 1 + e;
    if (x >= 0) return x / dh;
    // σ(x) = e/D = s + sl (residual e − s·dh exact), then x·(s + sl)
    const dl = e - (dh - 1);
    const s = e / dh;
    const p = s * dh;
    const sl = (e - p - twoProductError(s, dh, p) - s * dl) / dh;
    const y = x * s;
    return y + (twoProductError(x, s, y) + x * sl);
  }
  lg.vh = x;
  lg.vl = 0;
  lg.c = x;
  return swishValue();
}

/** SiLU′(x) = σ(x)·(1 + x·(1 − σ(x))). */
export function siluDerivative(x: number): number {
  if (x <= SILU_FAST_BELOW && (x >= SLOPE_FAST_ABOVE || (x <= SLOPE_FAST_BELOW && x >= -SILU_FAST_BELOW))) {
    const e = Math.exp(-Math.abs(x));
    const dh = 1 + e;
    const dl = e - (dh - 1);
    if (x >= 0) {
      // 1/D + x·e/D², the second term at most 0.218 of the sum; 1/D = q + r.
      const q = 1 / dh;
      const p = q * dh;
      const r = q * (1 - p - twoProductError(q, dh, p) - q * dl);
      return q + (r + x * e * q * q);
    }
    // (D + x)·(e/D)/D: e/D = s + sl, D + x = th + tl, their product zh + zl, all to O(u²).
    const s = e / dh;
    const p = s * dh;
    const sl = (e - p - twoProductError(s, dh, p) - s * dl) / dh;
    const th = dh + x;
    const tl = twoSumError(dh, x, th) + dl;
    const zh = th * s;
    const zl = twoProductError(th, s, zh) + (th * sl + tl * s);
    const y = zh / dh;
    const py = y * dh;
    return y + (zh - py - twoProductError(y, dh, py) + zl - y * dl) / dh;
  }
  lg.vh = x;
  lg.vl = 0;
  swishSlopeOf();
  return lg.y;
}

/** SiLU″(x) = σ′(x)·(2 + x·(1 − 2σ(x))). */
export function siluSecondDerivative(x: number): number {
  lg.vh = x;
  lg.vl = 0;
  lg.c = 1;
  swishCurvatureOf();
  return lg.y;
}

/**
 * swishKernel's fast path at v = lg.vh + lg.vl (= β·x, a double-double), |vh| ≤ 700: SiLU's (see
 * SILU_FAST_BELOW), with e^−|v| = ẽ·(1 + ε) + O(ε²), ẽ = Math.exp(−|vh|), ε = ∓vl (|ε| < 2^−43):
 * e = eh + el, el = ẽ·ε, carried into D = 1 + e = dh + dl, so the argument's rounding costs O(u²)
 * and the bounds are SiLU's. lg.y = (lg.ch + lg.cl)·σ(v) (the prefactor s·x split exactly): below
 * 2u for v ≥ 0 (sensitivity ½, final rounding), 3u for v < 0 (sensitivity 1, final rounding).
 * False (nothing done) outside |vh| ≤ 700 or for a non-finite vl or prefactor beyond 1e300.
 */
function swishFastValue(): boolean {
  const vh = lg.vh;
  const vl = lg.vl;
  const ch = lg.ch;
  if (!(Math.abs(vh) <= SILU_FAST_BELOW && vl - vl === 0 && Math.abs(ch) < 1e300)) return false;
  const eh = Math.exp(-Math.abs(vh));
  const el = eh * (vh >= 0 ? -vl : vl);
  const dh = 1 + eh;
  const dl = eh - (dh - 1) + el;
  if (vh >= 0) {
    // c/D: quotient ch/dh corrected by its exact residual
    const q = ch / dh;
    const p = q * dh;
    lg.y = q + (ch - p - twoProductError(q, dh, p) + lg.cl - q * dl) / dh;
    return true;
  }
  // σ(v) = e/D = s + sl, then c·(s + sl)
  const s = eh / dh;
  const p = s * dh;
  const sl = (eh - p - twoProductError(s, dh, p) + el - s * dl) / dh;
  const y = ch * s;
  lg.y = y + (twoProductError(ch, s, y) + (ch * sl + lg.cl * s));
  return true;
}

/**
 * swishKernel's fast path for f′ = S′(v) = σ(v)·(1 + v·(1 − σ(v))), v = lg.vh + lg.vl, with e as
 * in swishFastValue: v ≥ 0, 1/D + v·e/D² (below 2.7u, as SiLU's; the second term, at most 0.218
 * of the sum, now also carries ε and vl); v < 0 outside (−1.6, −0.7), (D + v)·(e/D)/D with D + v
 * exact (below 3u, as SiLU's). lg.y = S′(v); false (nothing done) elsewhere.
 */
function swishFastSlope(): boolean {
  const vh = lg.vh;
  const vl = lg.vl;
  if (!(vh <= SILU_FAST_BELOW && (vh >= SLOPE_FAST_ABOVE || (vh <= SLOPE_FAST_BELOW && vh >= -SILU_FAST_BELOW)))) {
    return false;
  }
  if (!(vl - vl === 0)) return false;
  const eh = Math.exp(-Math.abs(vh));
  const el = eh * (vh >= 0 ? -vl : vl);
  const dh = 1 + eh;
  const dl = eh - (dh - 1) + el;
  if (vh >= 0) {
    const q = 1 / dh;
    const p = q * dh;
    const r = q * (1 - p - twoProductError(q, dh, p) - q * dl);
    lg.y = q + (r + (vh * eh + (vh * el + vl * eh)) * q * q);
    return true;
  }
  const s = eh / dh;
  const p = s * dh;
  const sl = (eh - p - twoProductError(s, dh, p) + el - s * dl) / dh;
  const th = dh + vh;
  const tl = twoSumError(dh, vh, th) + (dl + vl);
  const zh = th * s;
  const zl = twoProductError(th, s, zh) + (th * sl + tl * s);
  const y = zh / dh;
  const py = y * dh;
  lg.y = y + (zh - py - twoProductError(y, dh, py) + zl - y * dl) / dh;
  return true;
}

/**
 * The kernel of s·x·σ(βx), β = bh + bl (a double-double: Dice's 1/√(var + eps) is not a double):
 * f′ = s·S′(βx), f″ = s·d²/dx²[x·σ(βx)]. Swish is s = 1; GLU with b = c = 0 and Dice with α = 0,
 * mean = 0 reduce to it.
 */
export function swishKernel(scale: number, bh: number, bl: number): PointwiseKernel {
  // x·σ(x) itself: SiLU's kernel, with its fast path (and bit for bit the same values as SiLU).
  if (scale === 1 && bh === 1 && bl === 0) return { f: silu, df: siluDerivative, d2: siluSecondDerivative };
  const argument = (x: number): void => {
    const v = bh * x;
    lg.vh = v;
    lg.vl = twoProductError(bh, x, v) + bl * x;
  };
  return {
    f: (x) => {
      argument(x);
      const a = scale * x;
      lg.ch = a;
      lg.cl = twoProductError(scale, x, a);
      if (swishFastValue()) return lg.y;
      const vh = lg.vh;
      if (!(vh > -TAIL && vh < TAIL)) return vh > 0 ? a : vh < 0 ? (a < 0 ? -0 : 0) : NaN;
      splitLogistic();
      sigmoidTimesPair();
      // NaN from a finite x: a product split beyond the double range (|s·x| > 1e300); plain doubles
      return lg.y === lg.y ? lg.y : scale * x * sigmoid(vh);
    },
    df: (x) => {
      argument(x);
      if (scale === 1 && swishFastSlope()) return lg.y;
      swishSlopeOf();
      return scale * lg.y;
    },
    d2: (x) => {
      argument(x);
      lg.c = bh;
      swishCurvatureOf();
      return scale * lg.y;
    },
  };
}
