/**
 * Kernels of the periodic activations: Snake x + sin²(ax)/a, Sine sin(w0·x), GCU x·cos x and
 * Sinc sin(x)/x. Arguments a·x and w0·x are carried as double-doubles into trig.ts, and every sum
 * of terms that can cancel (x + sin²(ax)/a for x < 0, x·cos x − sin x, …) is formed in
 * double-double arithmetic and rounded once, so that only the true roots of f, f′, f″ lose digits.
 */
import type { PointwiseKernel } from '../types.js';
import { ddAddParts, ddDivParts, ddLow, ddMulParts, twoProductError } from './double-double.js';
import { sc, sinCos, sinCosShifted } from './trig.js';

/** Beyond this |x|, a·x may overflow an error-free product: plain doubles. */
const SPLIT_LIMIT = 1e300;

/** m·x as a double-double (m·x below SPLIT_LIMIT). */
function productParts(m: number, x: number): void {
  const p = m * x;
  ddLow.hi = p;
  ddLow.lo = Math.abs(p) < SPLIT_LIMIT ? twoProductError(m, x, p) : 0;
}

/**
 * Snake (Ziyin et al. 2020): f = x + sin²(ax)/a, f′ = 1 + sin(2ax) = 2·sin²(ax + π/4) (so that f′
 * keeps its relative accuracy at its double roots, where 1 + sin would cancel), f″ = 2a·cos(2ax).
 */
export function snakeKernel(a: number): PointwiseKernel {
  return {
    f: (x) => {
      if (!(Math.abs(x) < Infinity)) return x;
      productParts(a, x);
      sinCos(ddLow.hi, ddLow.lo);
      ddMulParts(sc.sh, sc.sl, sc.sh, sc.sl);
      ddDivParts(ddLow.hi, ddLow.lo, a, 0);
      ddAddParts(x, 0, ddLow.hi, ddLow.lo);
      return ddLow.hi;
    },
    df: (x) => {
      productParts(a, x);
      // beyond the exact reduction, as torch: 1 + sin(2·fl(a·x))
      if (!(Math.abs(ddLow.hi) < 8e5)) return 1 + 2 * Math.sin(ddLow.hi) * Math.cos(ddLow.hi);
      sinCosShifted(ddLow.hi, ddLow.lo, 1);
      ddMulParts(sc.sh, sc.sl, sc.sh, sc.sl);
      return 2 * ddLow.hi;
    },
    d2: (x) => {
      productParts(a, x);
      sinCos(2 * ddLow.hi, 2 * ddLow.lo);
      const m = 2 * a;
      const p = m * sc.ch;
      return p + (twoProductError(m, sc.ch, p) + m * sc.cl);
    },
  };
}

/** Sine / SIREN (Sitzmann et al. 2020): sin(w0·x), w0·cos(w0·x), −w0²·sin(w0·x). */
export function sineKernel(w0: number): PointwiseKernel {
  const sq = w0 * w0;
  const sqLow = twoProductError(w0, w0, sq);
  return {
    f: (x) => {
      productParts(w0, x);
      sinCos(ddLow.hi, ddLow.lo);
      return sc.sh + sc.sl;
    },
    df: (x) => {
      productParts(w0, x);
      sinCos(ddLow.hi, ddLow.lo);
      ddMulParts(w0, 0, sc.ch, sc.cl);
      return ddLow.hi;
    },
    d2: (x) => {
      productParts(w0, x);
      sinCos(ddLow.hi, ddLow.lo);
      ddMulParts(sq, sqLow, sc.sh, sc.sl);
      return -ddLow.hi;
    },
  };
}

/** Beyond this |x| error-free products of x overflow: plain doubles (outside the accuracy range). */
const HUGE = 1e290;

/** GCU (Noel et al. 2021): x·cos x, cos x − x·sin x, −2·sin x − x·cos x. */
export const gcuKernel: PointwiseKernel = {
  f: (x) => {
    if (!(Math.abs(x) < HUGE)) return x * Math.cos(x);
    sinCos(x, 0);
    ddMulParts(x, 0, sc.ch, sc.cl);
    return ddLow.hi;
  },
  df: (x) => {
    if (!(Math.abs(x) < HUGE)) return Math.cos(x) - x * Math.sin(x);
    sinCos(x, 0);
    ddMulParts(x, 0, sc.sh, sc.sl);
    ddAddParts(sc.ch, sc.cl, -ddLow.hi, -ddLow.lo);
    return ddLow.hi;
  },
  d2: (x) => {
    if (!(Math.abs(x) < HUGE)) return -2 * Math.sin(x) - x * Math.cos(x);
    sinCos(x, 0);
    ddMulParts(x, 0, sc.ch, sc.cl);
    ddAddParts(-2 * sc.sh, -2 * sc.sl, -ddLow.hi, -ddLow.lo);
    return ddLow.hi;
  },
};

/** Below this |x| Sinc and its derivatives are their Taylor series (the closed forms cancel). */
const SINC_SERIES_BELOW = 1;
/** (−1)^k/(2k+1)!, k = 0…10 */
const SINC = [
  1,
  -1 / 6,
  1 / 120,
  -1 / 5040,
  1 / 362880,
  -1 / 39916800,
  1 / 6227020800,
  -1 / 1307674368000,
  1 / 355687428096000,
  -1 / 121645100408832000,
  1 / 51090942171709440000,
];

function series(z: number, first: number, coefficient: (k: number) => number): number {
  let s = 0;
  for (let k = SINC.length - 1; k >= first; k--) s = s * z + coefficient(k);
  return s;
}

/**
 * Sinc: sin(x)/x with the value 1 at 0 (unnormalized, as numpy's sinc(x/π)). f′ = (x·cos x −
 * sin x)/x², f″ = ((2 − x²)·sin x − 2x·cos x)/x³; below |x| = 1 the Taylor series of each.
 */
export const sincKernel: PointwiseKernel = {
  f: (x) => {
    if (Math.abs(x) < SINC_SERIES_BELOW) return series(x * x, 0, (k) => SINC[k]!);
    if (!(Math.abs(x) < HUGE)) return x === x ? Math.sin(x) / x || 0 : NaN;
    sinCos(x, 0);
    ddDivParts(sc.sh, sc.sl, x, 0);
    return ddLow.hi;
  },
  df: (x) => {
    if (Math.abs(x) < SINC_SERIES_BELOW) return x * series(x * x, 1, (k) => 2 * k * SINC[k]!);
    if (!(Math.abs(x) < HUGE)) return x === x ? (Math.cos(x) - Math.sin(x) / x) / x || 0 : NaN;
    sinCos(x, 0);
    ddMulParts(x, 0, sc.ch, sc.cl);
    ddAddParts(ddLow.hi, ddLow.lo, -sc.sh, -sc.sl);
    ddDivParts(ddLow.hi, ddLow.lo, x, 0);
    ddDivParts(ddLow.hi, ddLow.lo, x, 0);
    return ddLow.hi;
  },
  d2: (x) => {
    if (Math.abs(x) < SINC_SERIES_BELOW) return series(x * x, 1, (k) => 2 * k * (2 * k - 1) * SINC[k]!);
    if (!(Math.abs(x) < HUGE)) return x === x ? -Math.sin(x) / x || 0 : NaN;
    sinCos(x, 0);
    const z = x * x;
    const zl = twoProductError(x, x, z);
    ddAddParts(2, 0, -z, -zl);
    ddMulParts(ddLow.hi, ddLow.lo, sc.sh, sc.sl);
    const ah = ddLow.hi;
    const al = ddLow.lo;
    ddMulParts(2 * x, 0, sc.ch, sc.cl);
    ddAddParts(ah, al, -ddLow.hi, -ddLow.lo);
    ddDivParts(ddLow.hi, ddLow.lo, x, 0);
    ddDivParts(ddLow.hi, ddLow.lo, z, zl);
    return ddLow.hi;
  },
};
