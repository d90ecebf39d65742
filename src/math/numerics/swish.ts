/**
 * x·σ(v) and its derivatives, where v = vh + vl is β·x (Swish, SiLU with β = 1, GELU's sigmoid
 * form with β = 1.702) carried as a double-double: in the left tail σ(v) ≈ e^v, so one rounding of
 * β·x would cost |v|·2^−53 relative (700 ulp at v = −700).
 *
 * With e = e^−|v| and D = 1 + e (see logistic.ts), for f = x·σ(βx):
 *   f′ = σ(v)·(1 + v·(1 − σ(v)))  =  1/D + v·e/D²  (v ≥ 0),   e·(1 + e − |v|)/D²  (v < 0);
 *   f″ = β·σ′(v)·(2 + v·(1 − 2σ(v)))  =  β·(e/D²)·(2 − |v|·(1 − e)/D).
 * 1 + e − |v| vanishes at SiLU′'s root (v ≈ −1.2785); computed as (D − |vh|) + (dl − |vl|), the
 * first difference is exact there, so f′ keeps its absolute accuracy through the root.
 */
import { pow2, scaleByPow2 } from './exp-split.js';
import { lg, logisticSplit, scaledSigmoid, sigmoidSlopeMantissa } from './logistic.js';

/** Beyond |v| = 1500, e^−|v| times any prefactor a double can hold (|x|, v², β) is 0. */
const TAIL = 1500;

/** x·σ(v). x = ±Infinity and |v| ≥ 1500 give the limits (x, or 0 with the sign of x). */
export function swishValue(x: number, vh: number, vl: number): number {
  if (!(vh > -TAIL && vh < TAIL)) return vh > 0 ? x : vh < 0 ? (x < 0 ? -0 : 0) : NaN;
  logisticSplit(vh, vl);
  return scaledSigmoid(x);
}

/** d/dx [x·σ(βx)] = σ(v)·(1 + v·(1 − σ(v))), which depends on x only through v = βx. */
export function swishSlope(vh: number, vl: number): number {
  if (!(vh > -TAIL && vh < TAIL)) return vh > 0 ? 1 : vh < 0 ? -0 : NaN;
  logisticSplit(vh, vl);
  const dh = lg.dh;
  if (!lg.negative) {
    const q = 1 / dh;
    return q + q * q * (vh * lg.e - lg.dl);
  }
  // 1 + e − |v| = (dh + vh) + (dl + vl): dh + vh is exact near the root, where it cancels.
  const c = dh + vh + (lg.dl + vl);
  return scaleByPow2(sigmoidSlopeMantissa() * c, lg.k);
}

/** d²/dx² [x·σ(βx)] = β·σ′(v)·(2 − |v|·(1 − e)/D). */
export function swishCurvature(beta: number, vh: number, vl: number): number {
  if (!(vh > -TAIL && vh < TAIL)) return vh === vh ? 0 : NaN;
  logisticSplit(vh, vl);
  const oneMinusE = 1 - lg.e - lg.el * pow2(lg.k);
  const g = 2 - (Math.abs(vh) * oneMinusE) / lg.dh;
  return scaleByPow2(beta * sigmoidSlopeMantissa() * g, lg.k);
}
