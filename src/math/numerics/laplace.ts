/**
 * MEGA's "laplace" attention activation: the normal CDF Φ(z), z = (x − μ)/σ, written by
 * transformers as 0.5·(1 + erf((x − μ)/(σ√2))). Its derivatives are φ(z)/σ and −z·φ(z)/σ².
 *
 * z goes into exp(−z²/2) and erfc, where its rounding would be amplified by z² (1500 ulp at
 * z = −38), so x − μ is split exactly and z and t = z/√2 are carried as double-doubles. Φ comes
 * from fdlibm's pieces (erf.ts) on |t|'s three intervals as in gelu.ts; in the left tail
 * Φ = erfc(|t|)/2 = exp(−t² − 0.5625 + R/S)/(2|t|) with the exponent as a double-double, so no
 * 1 + erf cancels (transformers' formula has lost every digit by x ≈ −1.7 with the defaults).
 */
import { ddDivPair, ddMulPair, fastTwoSumError, twoProductError, twoSumError } from './double-double.js';
import { ERF_MID, ERF_SMALL, ERX, erfcTailCorrection, erfNearOne, erfSmallRatio } from './erf.js';
import { expParts, expSplitParts, scaleByPow2 } from './exp-split.js';
import type { PointwiseKernel } from '../types.js';

/** 1/√2 and 1/√(2π) as double-doubles (mpmath, 80 digits). */
const S_HI = 0.7071067811865476;
const S_LO = -4.833646656726457e-17;
const C_HI = 0.3989422804014327;
const C_LO = -2.49232720227773e-17;
const HALF_ONE_PLUS_ERX = 0.5 * (1 + ERX);
const HALF_ONE_MINUS_ERX = 0.5 * (1 - ERX);
/** Beyond |t| = 28, erfc(|t|) < 2^−1075: Φ is 0 or 1 and φ vanishes. */
const T_LIMIT = 28;
/** The same bound on z = t·√2 (a little wider), checked before any splitting, which |z| ≫ 1e300 would overflow. */
const Z_LIMIT = 40;

export function laplaceKernel(mu: number, sigma: number): PointwiseKernel {
  /** z = zh + zl and t = th + tl at x. */
  const st = { x: NaN, zh: 0, zl: 0, th: 0, tl: 0 };
  const split = (x: number): void => {
    if (x === st.x) return;
    st.x = x;
    const dh = x - mu;
    const dl = twoSumError(x, -mu, dh);
    const z = ddDivPair(dh, dl, sigma, 0);
    st.zh = z.hi;
    st.zl = z.lo;
    const t = ddMulPair(z.hi, z.lo, S_HI, S_LO);
    st.th = t.hi;
    st.tl = t.lo;
  };

  /** φ(z) = e^(−z²/2)/√(2π), times c (a double), as one rounded result. */
  const densityTimes = (c: number): number => {
    const zh = st.zh;
    const p = zh * zh;
    const pl = twoProductError(zh, zh, p) + 2 * zh * st.zl;
    expSplitParts(-0.5 * p, -0.5 * pl);
    const k = expParts.k;
    const g = ddMulPair(expParts.hi, expParts.lo, C_HI, C_LO);
    return scaleByPow2(ddMulPair(g.hi, g.lo, c, 0).hi, k);
  };

  const f = (x: number): number => {
    if (x !== x) return NaN;
    const zq = (x - mu) / sigma;
    if (zq > Z_LIMIT) return 1;
    if (zq < -Z_LIMIT) return 0;
    split(x);
    const th = st.th;
    const tl = st.tl;
    if (!(th > -T_LIMIT)) return 0;
    if (!(th < T_LIMIT)) return 1;
    const a = Math.abs(th);
    if (a < ERF_SMALL) {
      // Φ = ½ + ½(t + t·R(t²))
      const y = erfSmallRatio(th * th);
      const h = 0.5 + 0.5 * th;
      return h + (fastTwoSumError(0.5, 0.5 * th, h) + 0.5 * (th * y + tl));
    }
    if (a < ERF_MID) {
      const s = th > 0 ? th - 1 + tl : -th - 1 - tl;
      const r = 0.5 * erfNearOne(s);
      return th > 0 ? HALF_ONE_PLUS_ERX + r : HALF_ONE_MINUS_ERX - r;
    }
    // erfc(|t|)/2 = exp(E)/(2|t|), E = −t² − 0.5625 + R/S(|t|) as a double-double
    const p = th * th;
    const pl = twoProductError(th, th, p) + 2 * th * tl;
    const c = erfcTailCorrection(a) - 0.5625;
    const eh = c - p;
    const el = twoSumError(c, -p, eh) - pl;
    expSplitParts(eh, el);
    const k = expParts.k;
    const al = th > 0 ? tl : -tl;
    const q = ddDivPair(expParts.hi, expParts.lo, 2 * a, 2 * al);
    if (th < 0) return scaleByPow2(q.hi, k);
    return 1 - scaleByPow2(q.hi + q.lo, k);
  };

  const df = (x: number): number => {
    if (x !== x) return NaN;
    if (!(Math.abs(x - mu) / sigma < Z_LIMIT)) return 0;
    split(x);
    if (!(Math.abs(st.th) < T_LIMIT)) return 0;
    return densityTimes(1 / sigma);
  };

  const d2 = (x: number): number => {
    if (x !== x) return NaN;
    if (!(Math.abs(x - mu) / sigma < Z_LIMIT)) return x > mu ? -0 : 0;
    split(x);
    if (!(Math.abs(st.th) < T_LIMIT)) return x > 0 ? -0 : 0;
    // −z·φ(z)/σ²: z's low word matters only relative to z, which is exact enough as zh + zl
    const q = -(st.zh + st.zl) / (sigma * sigma);
    return densityTimes(q);
  };

  return { f, df, d2 };
}
