/**
 * Squareplus (x + √(x² + b))/2 to about an ulp: r = √(x² + b) carried as a double-double (x² and
 * the square root's residual split exactly), and for x < 0, where x + r cancels (PyTorch returns
 * 0 at x = −1e10, where the value is 1e−10), the equal form b/(2(r − x)). f′ = f/r and
 * f″ = b/(2r³) follow without cancellation.
 */
import { twoProductError, twoSumError } from './double-double.js';
import type { PointwiseKernel } from '../types.js';

/** 2⁶⁰⁰: scales x² + b into the normal range when it would overflow or underflow. */
const SCALE = 2 ** 600;

/** (x + √(x² + b))/2 and its derivatives; b ≥ 0 (b = 0 is ReLU, with f′(0) = ½). */
export function squareplusKernel(b: number): PointwiseKernel {
  // r = √(x² + b) as r + st.rLo, and f as its high word plus st.fLo: the low words of the last
  // call, in an object (V8 keeps its double fields unboxed; closure variables would box each
  // store). f, f′ and f″ are evaluated at one x in turn, so the last root is kept as well.
  const st = { rLo: 0, fLo: 0, rootX: NaN, root: NaN };
  const root = (x: number): number => {
    if (x === st.rootX) return st.root;
    st.rootX = x;
    st.root = rootOf(x);
    return st.root;
  };
  const rootOf = (x: number): number => {
    const h = x * x;
    const s = h + b;
    if (s < 1e300 && s > 1e-300) {
      const sl = twoSumError(h, b, s) + twoProductError(x, x, h);
      const r = Math.sqrt(s);
      const rr = r * r;
      st.rLo = (s - rr - twoProductError(r, r, rr) + sl) / (2 * r);
      return r;
    }
    // x² + b would overflow or underflow: scale by 2^∓600 (b by 2^∓1200, in two steps).
    st.rLo = 0;
    if (!(s < 1e300)) {
      const xs = x / SCALE;
      return Math.sqrt(xs * xs + b / SCALE / SCALE) * SCALE;
    }
    const xs = x * SCALE;
    return Math.sqrt(xs * xs + b * SCALE * SCALE) / SCALE;
  };
  // f = (x + r)/2 for x ≥ 0; for x < 0 that cancels, so f = b/(2(r − x)) there. Either way as a
  // double-double (returned high word, st.fLo), so that f′ = f/r costs one more division.
  const value = (x: number, r: number): number => {
    if (!(Math.abs(x) < 1e290)) {
      // Sums and error terms near the overflow threshold: halve first, no compensation needed.
      st.fLo = 0;
      return x >= 0 ? 0.5 * x + 0.5 * r : (0.25 * b) / (0.5 * r - 0.5 * x);
    }
    if (x >= 0) {
      const u = x + r;
      st.fLo = 0.5 * (twoSumError(x, r, u) + st.rLo);
      return 0.5 * u;
    }
    const v = r - x;
    const vl = twoSumError(r, -x, v) + st.rLo;
    const w = 2 * v;
    const q = b / w;
    const p = q * w;
    st.fLo = (b - p - twoProductError(q, w, p)) / w - q * (vl / v);
    return q;
  };
  return {
    f: (x) => {
      const h = value(x, root(x));
      return h + st.fLo;
    },
    df: (x) => {
      const r = root(x);
      if (r === Infinity) return x > 0 ? 1 : 0;
      // r = 0 only for b = 0, x = 0: the corner; we take ½.
      if (r === 0) return 0.5;
      const h = value(x, r);
      const q = h / r;
      return h === 0 ? q : q + q * (st.fLo / h - st.rLo / r);
    },
    // f″ = b/(2r³).
    d2:
      b === 0
        ? (x) => (x === x ? 0 : NaN)
        : (x) => {
            const r = root(x);
            const rr = r * r;
            const c = rr * r;
            // r³ out of range (|x| > 1e100, or x and b both tiny): divide step by step instead.
            if (!(c > 1e-290 && c < 1e300)) return (0.5 * b) / r / r / r;
            const rrl = twoProductError(r, r, rr) + 2 * r * st.rLo;
            const cl = twoProductError(rr, r, c) + (rrl * r + rr * st.rLo);
            const q = (0.5 * b) / c;
            return q - q * (cl / c);
          },
  };
}
