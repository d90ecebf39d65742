/** Softsign x/(1 + |x|) and its derivatives, each rounded about once. */
import { twoProductError, twoSumError } from './double-double.js';
import type { PointwiseKernel } from '../types.js';

/**
 * 1 + |x| = d + dl exactly (dl: its rounding error), so that f = x/(d + dl) and
 * f′ = 1/(d + dl)² lose only their final rounding.
 */
export const softsignKernel: PointwiseKernel = {
  f: (x) => {
    const a = Math.abs(x);
    const d = 1 + a;
    if (d === Infinity) return Math.sign(x);
    if (x === 0) return x; // ±0 keeps its sign
    const q = x / d;
    return q - q * (twoSumError(1, a, d) / d);
  },
  df: (x) => {
    const a = Math.abs(x);
    const d = 1 + a;
    // Beyond 1e150 the error terms would overflow, and plain 1/d/d is within an ulp anyway.
    if (d > 1e150) return 1 / d / d;
    const dd = d * d;
    const ddl = twoProductError(d, d, dd) + 2 * d * twoSumError(1, a, d);
    const q = 1 / dd;
    return q - q * (ddl / dd);
  },
  d2: (x) => {
    const a = Math.abs(x);
    const d = 1 + a;
    if (d > 1e100) return (-2 * Math.sign(x)) / d / d / d;
    const dl = twoSumError(1, a, d);
    const dd = d * d;
    const ddl = twoProductError(d, d, dd) + 2 * d * dl;
    const c = dd * d;
    const cl = twoProductError(dd, d, c) + (ddl * d + dd * dl);
    const q = (-2 * Math.sign(x)) / c;
    return q - q * (cl / c);
  },
};
