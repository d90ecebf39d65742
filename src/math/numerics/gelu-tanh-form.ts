/**
 * GELU's tanh form with any constants: ½x(1 + tanh(c·(x + k·x³))) = x·σ(v), v = x·(A + B·x²),
 * A = 2c, B = 2c·k, both given as double-doubles. transformers' gelu_fast writes c = 0.7978845608
 * (√(2/π) to ten digits) where gelu_new uses √(2/π) itself: a different function, about 1e−11
 * apart, and each gets its own exact constants here.
 *
 * As in gelu.ts: v as a double-double (σ(v) ≈ e^v in the left tail), f = x·σ(v) and f′ through
 * the Swish machinery, f′ for v < 0 as e·(D + x·v′)/D² with D + v + 2B·x³ a double-double (exact
 * through f′'s root). f″ = σ′(v)·(2A + 12B·x² + x·v′²·(1 − 2σ(v))), v′ = A + 3B·x²: the bracket
 * vanishes at f″'s roots (|x| ≈ 1.7), so it is formed in double-double arithmetic throughout.
 */
import { ddAddParts, ddLow, ddMulParts, twoProductError, twoSumError } from './double-double.js';
import { pow2 } from './exp-split.js';
import { lg, slopeTimes, splitLogistic } from './logistic.js';
import { swishValue } from './swish.js';
import type { PointwiseKernel } from '../types.js';

/** Beyond |v| = 1500, σ′(v) times any factor here is 0. */
const TAIL = 1500;

export function geluTanhFormKernel(aHi: number, aLo: number, bHi: number, bLo: number): PointwiseKernel {
  /** v = vh + vl at x, and 2B·x³ (x·v′ = v + 2B·x³). */
  const ts = { x: NaN, vh: 0, vl: 0, w: 0 };
  const argument = (x: number): void => {
    if (x === ts.x) return;
    ts.x = x;
    const p = x * x;
    const pl = twoProductError(x, x, p);
    const bh = bHi * p;
    const bl = twoProductError(bHi, p, bh) + (bHi * pl + bLo * p);
    const sh = aHi + bh;
    const sl = twoSumError(aHi, bh, sh) + (aLo + bl);
    const vh = x * sh;
    ts.vh = vh;
    ts.vl = twoProductError(x, sh, vh) + x * sl;
    ts.w = 2 * x * bh;
  };

  const f = (x: number): number => {
    argument(x);
    lg.vh = ts.vh;
    lg.vl = ts.vl;
    lg.c = x;
    return swishValue();
  };

  const df = (x: number): number => {
    argument(x);
    const vh = ts.vh;
    if (!(vh > -TAIL && vh < TAIL)) return vh > 0 ? 1 : vh < 0 ? -0 : NaN;
    lg.vh = vh;
    lg.vl = ts.vl;
    splitLogistic();
    if (!lg.negative) {
      const ih = lg.ih;
      return ih + (lg.il + (vh + ts.w) * lg.e * ih * ih);
    }
    ddAddParts(lg.dh, lg.dl + ts.w, vh, ts.vl);
    return slopeTimes(ddLow.hi, ddLow.lo, 0);
  };

  const d2 = (x: number): number => {
    argument(x);
    const vh = ts.vh;
    if (!(vh > -TAIL && vh < TAIL)) return vh === vh ? 0 : NaN;
    lg.vh = vh;
    lg.vl = ts.vl;
    splitLogistic();
    const p = x * x;
    const pl = twoProductError(x, x, p);
    // v′ = A + 3B·x²
    ddMulParts(3 * bHi, 3 * bLo, p, pl);
    ddAddParts(aHi, aLo, ddLow.hi, ddLow.lo);
    const dh = ddLow.hi;
    const dl = ddLow.lo;
    // x·v′²·(1 − 2σ(v)), 1 − 2σ(v) = −sign(v)·(1 − e)/D
    const e = lg.e;
    const nh = 1 - e;
    const nl = twoSumError(1, -e, nh) - lg.el * pow2(lg.k);
    ddMulParts(nh, nl, lg.ih, lg.il);
    const rh = lg.negative ? ddLow.hi : -ddLow.hi;
    const rl = lg.negative ? ddLow.lo : -ddLow.lo;
    ddMulParts(dh, dl, dh, dl);
    ddMulParts(ddLow.hi, ddLow.lo, rh, rl);
    ddMulParts(ddLow.hi, ddLow.lo, x, 0);
    const qh = ddLow.hi;
    const ql = ddLow.lo;
    // 2A + 12B·x²
    ddMulParts(12 * bHi, 12 * bLo, p, pl);
    ddAddParts(2 * aHi, 2 * aLo, ddLow.hi, ddLow.lo);
    ddAddParts(ddLow.hi, ddLow.lo, qh, ql);
    return slopeTimes(ddLow.hi, ddLow.lo, 0);
  };

  return { f, df, d2 };
}
