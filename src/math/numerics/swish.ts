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
import { ddAddParts, ddLow } from './double-double.js';
import { pow2 } from './exp-split.js';
import type { PointwiseKernel } from '../types.js';
import { twoProductError } from './double-double.js';
import { lg, sigmoid, sigmoidTimes, sigmoidTimesPair, slopeTimes, splitLogistic } from './logistic.js';
import { nearRoot, rootSeries, sumRootSeries } from './root-series.js';

/** Beyond |v| = 1500, e^−|v| times any prefactor a double can hold (|x|, v², β) is 0. */
const TAIL = 1500;

/**
 * S′(v) = σ(v)·(1 + v·(1 − σ(v))) about its root v* = −1.27846454276107379510935873902 (the
 * minimum of SiLU), for |v − v*| < 0.32: the zone where its condition number |v·S″/S′| exceeds 4.
 */
const SLOPE_ROOT = rootSeries(-1.2784645427610737, -1.0946994183093437e-16, 0.2178117057198001, -3.974332795880862e-18, 0.32, [
  0.1466487969969469, 0.018874814223782312, -0.015222655223188032, -0.006606589138356696, 0.000126627410081122,
  0.0007985218818397998, 0.00018570724361186496, -4.090534237428612e-5, -2.9733542213263917e-5, -2.942631888842464e-6,
  2.346029682463866e-6, 8.599695028268575e-7, -3.051244750055421e-8, -9.266646309267441e-8, -1.8877622907727957e-8,
  4.619379769031606e-9, 2.9177603026903803e-9,
]);

/**
 * lg.y = x·σ(v) for x = lg.c and v = lg.vh + lg.vl (see logistic.ts for the lg convention).
 * x = ±Infinity and |v| ≥ 1500 give the limits (x, or 0 with the sign of x).
 */
export function swishValueOf(): void {
  const vh = lg.vh;
  if (!(vh > -TAIL && vh < TAIL)) {
    const x = lg.c;
    lg.y = vh > 0 ? x : vh < 0 ? (x < 0 ? -0 : 0) : NaN;
    return;
  }
  splitLogistic();
  sigmoidTimes();
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
  const oneMinusE = 1 - lg.e - lg.el * pow2(lg.k);
  const g = 2 - Math.abs(vh) * oneMinusE * lg.ih;
  const c = beta * g;
  // β near the double range: σ′·g first, so that only a result beyond it overflows
  if (c - c === 0) slopeTimes(c, 0, 0);
  else lg.y = beta * slopeTimes(g, 0, 0);
}

/** SiLU(x) = x·σ(x). */
export function silu(x: number): number {
  lg.vh = x;
  lg.vl = 0;
  lg.c = x;
  swishValueOf();
  return lg.y;
}

/** SiLU′(x) = σ(x)·(1 + x·(1 − σ(x))). */
export function siluDerivative(x: number): number {
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
 * The kernel of s·x·σ(βx), β = bh + bl (a double-double: Dice's 1/√(var + eps) is not a double):
 * f′ = s·S′(βx), f″ = s·d²/dx²[x·σ(βx)]. Swish is s = 1; GLU with b = c = 0 and Dice with α = 0,
 * mean = 0 reduce to it.
 */
export function swishKernel(scale: number, bh: number, bl: number): PointwiseKernel {
  const argument = (x: number): void => {
    const v = bh * x;
    lg.vh = v;
    lg.vl = twoProductError(bh, x, v) + bl * x;
  };
  return {
    f: (x) => {
      argument(x);
      const vh = lg.vh;
      if (!(vh > -TAIL && vh < TAIL)) {
        const a = scale * x;
        return vh > 0 ? a : vh < 0 ? (a < 0 ? -0 : 0) : NaN;
      }
      splitLogistic();
      const a = scale * x;
      lg.ch = a;
      lg.cl = twoProductError(scale, x, a);
      sigmoidTimesPair();
      // NaN from a finite x: a product split beyond the double range (|s·x| > 1e300); plain doubles
      return lg.y === lg.y ? lg.y : scale * x * sigmoid(vh);
    },
    df: (x) => {
      argument(x);
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
