/**
 * Kernels of the piecewise activations from the literature (SQNL, HardELiSH, StarReLU, SReLU,
 * ReGLU) and of the gated ones built on existing kernels (ACON-C, GeGLU). Each piece is a short
 * formula; sums that can cancel are formed as double-doubles and rounded once.
 */
import type { PointwiseKernel } from '../types.js';
import { ddAddParts, ddDivParts, ddLow, ddMulParts, twoProductError, twoSumError } from './double-double.js';
import { expParts, expSplitParts, pow2, scaleByPow2 } from './exp-split.js';
import { lg, logisticSplit, sigmoidSlopeMantissa } from './logistic.js';
import { gelu, geluDerivative, geluSecondDerivative } from './gelu.js';
import { GEGLU_SLOPE_ROOT } from './literature-roots.js';
import { swishCurvature } from './literature-smooth.js';
import { nearRoot, sumRootSeries } from './root-series.js';
import { swishKernel } from './swish.js';

const notNumber = (x: number) => x !== x;
/** Beyond this |x| error-free products may overflow: plain doubles (outside the accuracy range). */
const HUGE = 1e290;

/** SQNL (Wuraola & Patel 2018): y − y·|y|/4 with y = clamp(x, −2, 2); C¹, f″ jumps at −2, 0, 2. */
export const sqnlKernel: PointwiseKernel = {
  f: (x) => {
    if (x > 2) return 1;
    if (x < -2) return -1;
    // x² /4 is exact as a double-double; x ∓ x²/4 rounded once
    const z = x * x;
    const zl = twoProductError(x, x, z);
    ddAddParts(x, 0, x >= 0 ? -z / 4 : z / 4, x >= 0 ? -zl / 4 : zl / 4);
    return ddLow.hi;
  },
  df: (x) => (Math.abs(x) <= 2 ? 1 - Math.abs(x) / 2 : notNumber(x) ? NaN : 0),
  // At 0 the mean of the one-sided values, 0, as torch's second derivative of y·|y| (sign(0) = 0);
  // at ±2 that of the inner piece, as its clamp gives.
  d2: (x) => (Math.abs(x) <= 2 ? (x > 0 ? -0.5 : x < 0 ? 0.5 : 0) : notNumber(x) ? NaN : 0),
};

/**
 * HardELiSH (Basirat & Roth 2018): (eˣ − 1)·(x + 1)/2 on [−1, 0), x·(x + 1)/2 on [0, 1], 0 below and
 * x above. At the corners ±1, f′ is the inner piece's (what torch's clamp gives): −0.316… at −1,
 * 3/2 at 1.
 */
export const hardElishKernel: PointwiseKernel = {
  f: (x) => {
    if (x > 1) return x;
    if (x <= -1) return notNumber(x) ? NaN : 0;
    const a = 1 + x;
    const al = twoSumError(1, x, a);
    if (x >= 0) {
      ddMulParts(x, 0, a, al);
      return ddLow.hi / 2;
    }
    ddMulParts(Math.expm1(x), 0, a, al);
    return ddLow.hi / 2;
  },
  df: (x) => {
    if (x > 1) return 1;
    if (x < -1) return notNumber(x) ? NaN : 0;
    if (x >= 0) return x + 0.5;
    // (eˣ·(x + 2) − 1)/2, eˣ from expSplit (normal here)
    expSplitParts(x, 0);
    const s = pow2(expParts.k);
    const b = 2 + x;
    ddMulParts(expParts.hi * s, expParts.lo * s, b, twoSumError(2, x, b));
    ddAddParts(ddLow.hi, ddLow.lo, -1, 0);
    return ddLow.hi / 2;
  },
  d2: (x) => {
    if (x > 1) return 0;
    if (x < -1) return notNumber(x) ? NaN : 0;
    if (x >= 0) return 1;
    // eˣ·(x + 3)/2
    expSplitParts(x, 0);
    const s = pow2(expParts.k);
    const b = 3 + x;
    ddMulParts(expParts.hi * s, expParts.lo * s, b, twoSumError(3, x, b));
    return ddLow.hi / 2;
  },
};

/** StarReLU (Yu et al. 2022): s·relu(x)² + b; C¹ at 0, where f″ jumps from 0 to 2s. */
export function starReluKernel(scale: number, bias: number): PointwiseKernel {
  return {
    f: (x) => {
      if (!(x > 0)) return notNumber(x) ? NaN : bias;
      if (!(x < 1e150)) return scale * x * x + bias;
      const z = x * x;
      ddMulParts(scale, 0, z, twoProductError(x, x, z));
      ddAddParts(ddLow.hi, ddLow.lo, bias, 0);
      return ddLow.hi;
    },
    df: (x) => (x > 0 ? 2 * scale * x : notNumber(x) ? NaN : 0),
    d2: (x) => (x > 0 ? 2 * scale : notNumber(x) ? NaN : 0),
  };
}

/**
 * SReLU (Jin et al. 2016): tr + ar·(x − tr) for x ≥ tr, tl + al·(x − tl) for x ≤ tl, x between.
 * At the thresholds f′ is the outer piece's slope (as LeakyReLU′(0) is its negative slope).
 */
export function sreluKernel(tl: number, al: number, tr: number, ar: number): PointwiseKernel {
  const line = (t: number, a: number, x: number) => {
    if (!(Math.abs(x) < HUGE)) return t + a * (x - t);
    const d = x - t;
    ddMulParts(a, 0, d, twoSumError(x, -t, d));
    ddAddParts(ddLow.hi, ddLow.lo, t, 0);
    return ddLow.hi;
  };
  return {
    f: (x) => (x >= tr ? line(tr, ar, x) : x <= tl ? line(tl, al, x) : x),
    df: (x) => (x >= tr ? ar : x <= tl ? al : notNumber(x) ? NaN : 1),
    d2: (x) => (notNumber(x) ? NaN : 0),
  };
}

/** m·x + q as a double-double into (ddLow.hi, ddLow.lo). */
function affineParts(m: number, q: number, x: number): void {
  const p = m * x;
  const h = p + q;
  ddLow.hi = h;
  ddLow.lo = twoSumError(p, q, h) + twoProductError(m, x, p);
}

/**
 * ReGLU (Shazeer 2020) in one input: relu(g)·h, g = w·x + b, h = v·x + c. Where g ≤ 0 (the gate
 * closed, g = 0 included as torch's relu′(0) = 0) f, f′, f″ are 0; above, g·h, w·h + v·g, 2wv.
 */
export function regluKernel(w: number, b: number, v: number, c: number): PointwiseKernel {
  const gh = { h: 0, l: 0, ah: 0, al: 0 };
  const open = (x: number): boolean => {
    affineParts(w, b, x);
    gh.h = ddLow.hi;
    gh.l = ddLow.lo;
    affineParts(v, c, x);
    gh.ah = ddLow.hi;
    gh.al = ddLow.lo;
    return gh.h > 0 || (gh.h === 0 && gh.l > 0);
  };
  const plainOpen = (x: number) => w * x + b > 0;
  return {
    f: (x) => {
      if (!(Math.abs(x) < HUGE)) return plainOpen(x) ? (w * x + b) * (v * x + c) : notNumber(x) ? NaN : 0;
      if (!open(x)) return 0;
      ddMulParts(gh.h, gh.l, gh.ah, gh.al);
      return ddLow.hi;
    },
    df: (x) => {
      if (!(Math.abs(x) < HUGE)) return plainOpen(x) ? 2 * w * v * x + (w * c + v * b) : notNumber(x) ? NaN : 0;
      if (!open(x)) return 0;
      ddMulParts(w, 0, gh.ah, gh.al);
      const ph = ddLow.hi;
      const pl = ddLow.lo;
      ddMulParts(v, 0, gh.h, gh.l);
      ddAddParts(ph, pl, ddLow.hi, ddLow.lo);
      return ddLow.hi;
    },
    d2: (x) => {
      if (notNumber(x)) return NaN;
      if (!(Math.abs(x) < HUGE)) return plainOpen(x) ? 2 * w * v : 0;
      return open(x) ? 2 * w * v : 0;
    },
  };
}

/** GELU‴(x) = φ(x)·(x³ − 4x), for the first-order correction of GELU″ at a double-double argument. */
function geluThird(x: number): number {
  return Math.exp(-0.5 * x * x) * 0.3989422804014327 * x * (x * x - 4) || 0;
}

/** 1/√(2π) as a double-double. */
const C_HI = 0.3989422804014327;
const C_LO = -2.49232720227773e-17;
/** Below this gate value g, GELU(g) = −φ(g)·S(g) with S the asymptotic series of |g|·Φ(g)/φ(g). */
const GELU_TAIL = -30;

/** S(g) = 1 − 1/g² + 3/g⁴ − 15/g⁶ + …: |g|·Φ(g)/φ(g), to 2^−60 for g ≤ −30 (eleven terms). */
function millsSeries(g: number): number {
  const t = 1 / (g * g);
  let s = 0;
  for (let k = 10; k >= 1; k--) s = 1 - (2 * k - 1) * t * s;
  return s;
}

/**
 * GeGLU (Shazeer 2020) in one input: GELU(g)·h, g = w·x + b, h = v·x + c.
 *  - GELU at the double-double g = gh + gl is GELU(gh) + GELU′(gh)·gl (and likewise for GELU′,
 *    GELU″): the next term, of order gl², is far below an ulp.
 *  - Left tail (g < −30): GELU(g) = −φ(g)·S(g), GELU′(g) = φ(g)·(g − S/g), GELU″ = φ(g)·(2 − g²),
 *    with φ(g)'s mantissa from expSplit (g² carried exactly) multiplied in before the one rounding
 *    into the subnormal range.
 *  - Without offsets (b = c = 0), f′(x) = v·D(w·x) with D(u) = u·GELU′(u) + GELU(u), the defaults'
 *    f′; near D's root (u ≈ −1.1906) its Taylor series. With offsets the roots of f′ move with the
 *    parameters, and there f′ keeps an absolute accuracy of about 2^−56 of its terms, not a relative one.
 */
export function gegluKernel(w: number, b: number, v: number, c: number): PointwiseKernel {
  const s = { gh: 0, gl: 0, ah: 0, al: 0, k: 0, ph: 0, pl: 0 };
  const noOffsets = b === 0 && c === 0 && w !== 0;
  const split = (x: number) => {
    affineParts(w, b, x);
    s.gh = ddLow.hi;
    s.gl = ddLow.lo;
    affineParts(v, c, x);
    s.ah = ddLow.hi;
    s.al = ddLow.lo;
  };
  /** φ(g) = (ph + pl)·2^k for the tail. */
  const phi = () => {
    const { gh, gl } = s;
    const z = gh * gh;
    const zl = twoProductError(gh, gh, z) + 2 * gh * gl;
    expSplitParts(-0.5 * z, -0.5 * zl);
    s.k = expParts.k;
    ddMulParts(expParts.hi, expParts.lo, C_HI, C_LO);
    s.ph = ddLow.hi;
    s.pl = ddLow.lo;
  };
  /** The limits at x = ±∞ (and for |x| beyond the double-double range): plain doubles. */
  const plain = (x: number, which: 0 | 1 | 2): number => {
    const g = w * x + b;
    if (x !== x) return NaN;
    if (Math.abs(x) < Infinity) {
      const h = v * x + c;
      if (which === 0) return gelu(g) * h;
      if (which === 1) return w * geluDerivative(g) * h + v * gelu(g);
      return w * w * geluSecondDerivative(g) * h + 2 * w * v * geluDerivative(g);
    }
    if (!(g > 0)) return 0;
    return which === 0 ? g * (v * x + c) : which === 1 ? 2 * w * v * x : 2 * w * v;
  };
  const G = (): number => gelu(s.gh);
  const Gl = (): number => (s.gl === 0 ? 0 : geluDerivative(s.gh) * s.gl);
  const D = (): number => geluDerivative(s.gh);
  const Dl = (): number => (s.gl === 0 ? 0 : geluSecondDerivative(s.gh) * s.gl);
  return {
    f: (x) => {
      if (!(Math.abs(x) < HUGE)) return plain(x, 0);
      split(x);
      if (s.gh < GELU_TAIL) {
        phi();
        ddMulParts(s.ph, s.pl, s.ah, s.al);
        return -scaleByPow2(ddLow.hi * millsSeries(s.gh), s.k);
      }
      ddMulParts(G(), Gl(), s.ah, s.al);
      return ddLow.hi;
    },
    df: (x) => {
      if (!(Math.abs(x) < HUGE)) return plain(x, 1);
      if (noOffsets) {
        const u = w * x;
        if (nearRoot(GEGLU_SLOPE_ROOT, u)) return v * sumRootSeries(GEGLU_SLOPE_ROOT, u, twoProductError(w, x, u));
      }
      split(x);
      if (s.gh < GELU_TAIL) {
        // φ·[w·h·(g − S/g) − v·S]
        phi();
        const S = millsSeries(s.gh);
        const q = s.gh - S / s.gh;
        ddMulParts(s.ah, s.al, w * q, 0);
        ddAddParts(ddLow.hi, ddLow.lo, -v * S, 0);
        ddMulParts(ddLow.hi, ddLow.lo, s.ph, s.pl);
        return scaleByPow2(ddLow.hi, s.k);
      }
      // w·GELU′(g)·h + v·GELU(g)
      ddMulParts(D(), Dl(), s.ah, s.al);
      ddMulParts(w, 0, ddLow.hi, ddLow.lo);
      const ph = ddLow.hi;
      const pl = ddLow.lo;
      ddMulParts(v, 0, G(), Gl());
      ddAddParts(ph, pl, ddLow.hi, ddLow.lo);
      return ddLow.hi;
    },
    d2: (x) => {
      if (!(Math.abs(x) < HUGE)) return plain(x, 2);
      split(x);
      if (s.gh < GELU_TAIL) {
        // φ·[w²·h·(2 − g²) + 2wv·(g − S/g)]
        phi();
        const S = millsSeries(s.gh);
        ddMulParts(s.ah, s.al, w * w * (2 - s.gh * s.gh), 0);
        ddAddParts(ddLow.hi, ddLow.lo, 2 * w * v * (s.gh - S / s.gh), 0);
        ddMulParts(ddLow.hi, ddLow.lo, s.ph, s.pl);
        return scaleByPow2(ddLow.hi, s.k);
      }
      // w²·GELU″(g)·h + 2wv·GELU′(g)
      const c2 = geluSecondDerivative(s.gh);
      ddMulParts(c2, s.gl === 0 ? 0 : geluThird(s.gh) * s.gl, s.ah, s.al);
      ddMulParts(w * w, twoProductError(w, w, w * w), ddLow.hi, ddLow.lo);
      const ph = ddLow.hi;
      const pl = ddLow.lo;
      ddMulParts(2 * w * v, twoProductError(2 * w, v, 2 * w * v), D(), Dl());
      ddAddParts(ph, pl, ddLow.hi, ddLow.lo);
      return ddLow.hi;
    },
  };
}

/**
 * ACON-C (Ma et al. 2021): d·x·σ(β·d·x) + p2·x, d = p1 − p2 (a double-double: p1 − p2 need not be
 * a double). d·S(x) + p2·x with S = x·σ(βd·x) from the Swish kernel (βd carried as a double-double).
 */
export function aconCKernel(p1: number, p2: number, beta: number): PointwiseKernel {
  const dh = p1 - p2;
  const dl = twoSumError(p1, -p2, dh);
  const bh = beta * dh;
  const bl = twoProductError(beta, dh, bh) + beta * dl;
  const swish = swishKernel(1, bh, bl);
  // f″ = d·β·d·σ′(v)·(…): the factor β·d² as a double-double
  ddMulParts(dh, dl, bh, bl);
  const curvature = swishCurvature(bh, bl, ddLow.hi, ddLow.lo);
  const plus = (s: number, ph: number, pl: number) => {
    ddMulParts(dh, dl, s, 0);
    ddAddParts(ddLow.hi, ddLow.lo, ph, pl);
    return ddLow.hi;
  };
  /**
   * f′ = d·S′(v) + p2, S′ = σ(v)·(1 + v·(1 − σ(v))), v = βd·x: S′ as a double-double (e/D² split
   * exactly, times D + v for v < 0, plus 1/D for v ≥ 0), so that d·S′ + p2 cancels only at a true
   * root of f′ (with p2 < 0 < p1) and then loses no more than e^v's own 2^−58.
   */
  const slope = (x: number): number => {
    const v = bh * x;
    const vl = Math.abs(v) < 1e300 ? twoProductError(bh, x, v) + bl * x : 0;
    if (!(Math.abs(v) < 1400)) return v > 0 ? p1 : v < 0 ? p2 : NaN;
    logisticSplit(v, vl);
    const mh = sigmoidSlopeMantissa();
    const ml = ddLow.lo;
    const s = pow2(lg.k);
    if (lg.negative) {
      ddAddParts(lg.dh, lg.dl, v, vl);
      if (p2 === 0) {
        // d·(D + v)·e/D² on the mantissa, one rounding into the subnormal range at the end
        ddMulParts(ddLow.hi, ddLow.lo, mh, ml);
        ddMulParts(dh, dl, ddLow.hi, ddLow.lo);
        return scaleByPow2(ddLow.hi, lg.k);
      }
      ddMulParts(ddLow.hi, ddLow.lo, mh * s, ml * s);
    } else {
      ddMulParts(v, vl, mh * s, ml * s);
      ddAddParts(ddLow.hi, ddLow.lo, lg.ih, lg.il);
    }
    ddMulParts(dh, dl, ddLow.hi, ddLow.lo);
    ddAddParts(ddLow.hi, ddLow.lo, p2, 0);
    return ddLow.hi;
  };
  return {
    f: (x) => {
      if (x === Infinity) return p1 * x;
      if (x === -Infinity) return p2 === 0 ? -0 : p2 * x;
      const s = swish.f(x);
      if (!(Math.abs(x) < HUGE)) return dh * s + p2 * x;
      const p = p2 * x;
      return plus(s, p, twoProductError(p2, x, p));
    },
    df: slope,
    d2: curvature,
  };
}

/**
 * PELU (Trottier et al. 2017): (a/b)·x for x > 0, a·(e^(x/b) − 1) for x ≤ 0 (a, b > 0). C¹ at 0,
 * where f″ jumps from a/b² to 0. x/b and a/b are carried as double-doubles; e^(x/b) as expSplit's
 * mantissa and power of two, so that f′ and f″ round once into the subnormal range.
 */
export function peluKernel(a: number, b: number): PointwiseKernel {
  const ch = a / b;
  const cl = (a - ch * b - twoProductError(ch, b, ch * b)) / b;
  ddDivParts(ch, cl, b, 0);
  const c2h = ddLow.hi;
  const c2l = ddLow.lo;
  /** x/b = (ddLow.hi, ddLow.lo). */
  const scaled = (x: number) => {
    const t = x / b;
    ddLow.hi = t;
    ddLow.lo = Math.abs(x) < 1e300 ? (x - t * b - twoProductError(t, b, t * b)) / b : 0;
  };
  const slope = (x: number, h: number, l: number): number => {
    scaled(x);
    expSplitParts(ddLow.hi, ddLow.lo);
    ddMulParts(expParts.hi, expParts.lo, h, l);
    return scaleByPow2(ddLow.hi, expParts.k);
  };
  return {
    f: (x) => {
      if (x > 0) {
        ddMulParts(ch, cl, x, 0);
        return Math.abs(x) < 1e300 ? ddLow.hi : ch * x;
      }
      if (!(x > -Infinity)) return notNumber(x) ? NaN : -a;
      scaled(x);
      const th = ddLow.hi;
      const tl = ddLow.lo;
      // e^t − 1 = expm1(th) + e^th·tl (Math.expm1: fdlibm, within 1 ulp)
      const m = Math.expm1(th);
      ddMulParts(a, 0, m, (1 + m) * tl);
      return ddLow.hi;
    },
    df: (x) => (x > 0 ? ch : notNumber(x) ? NaN : x === -Infinity ? 0 : slope(x, ch, cl)),
    d2: (x) => (x > 0 ? 0 : notNumber(x) ? NaN : x === -Infinity ? 0 : slope(x, c2h, c2l)),
  };
}
