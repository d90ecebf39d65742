/**
 * Kernels of the smooth activations from the literature that are built on exp, σ, tanh, erf and
 * square roots: Gaussian, ArcTan, BentIdentity, ISRU, ISRLU, SoftExponential, LeCunTanh, LiSHT,
 * TanhExp, Serf, Smish, Logish, ELiSH.
 *
 * The same rules as the rest of numerics/: arguments that a rounding would spoil (x², α·x, 2x/3)
 * are carried as double-doubles, e^v as expSplit's (hi + lo)·2^k so that a prefactor is multiplied
 * in before the one rounding into the subnormal range, sums that can cancel are formed as
 * double-doubles. In their far left tails the x·σ(x)-like functions (Smish, Logish) are SiLU to
 * within 2^−60 relative, and use its kernels; TanhExp and Serf are x·eˣ and (2/√π)·x·eˣ there.
 */
import type { PointwiseKernel } from '../types.js';
import {
  ddAddParts,
  ddDivParts,
  ddLow,
  ddMulParts,
  ddSqrtParts,
  twoProductError,
  twoSumError,
} from './double-double.js';
import { erf } from './erf.js';
import { expParts, expSplitParts, pow2, scaleByPow2 } from './exp-split.js';
import {
  lg,
  logisticSplit,
  sigmoid,
  sigmoidDerivative,
  sigmoidSlopeMantissa,
  slopeTimes,
  tanh,
  tanhDerivative,
  tanhSecondDerivative,
} from './logistic.js';
import { LOGISH_SLOPE_ROOT, SERF_SLOPE_ROOT, TANHEXP_SLOPE_ROOT } from './literature-roots.js';
import { nearRoot, sumRootSeries } from './root-series.js';
import { softplusKernel } from './softplus.js';
import { silu, siluDerivative, siluSecondDerivative, swishKernel } from './swish.js';

const notNumber = (x: number) => x !== x;

/** x² = (ddLow.hi, ddLow.lo). */
function squareParts(x: number): void {
  const z = x * x;
  ddLow.hi = z;
  ddLow.lo = twoProductError(x, x, z);
}

// ---------------------------------------------------------------------------------------------
// Gaussian e^(−x²)

/** Beyond |x| = 40, e^(−x²) times anything below 1e4 is 0. */
const GAUSS_ZERO = 40;

export const gaussianKernel: PointwiseKernel = {
  f: (x) => {
    if (!(Math.abs(x) < GAUSS_ZERO)) return notNumber(x) ? NaN : 0;
    squareParts(x);
    expSplitParts(-ddLow.hi, -ddLow.lo);
    return scaleByPow2(expParts.hi + expParts.lo, expParts.k);
  },
  df: (x) => {
    if (!(Math.abs(x) < GAUSS_ZERO)) return notNumber(x) ? NaN : 0;
    squareParts(x);
    expSplitParts(-ddLow.hi, -ddLow.lo);
    ddMulParts(-2 * x, 0, expParts.hi, expParts.lo);
    // + 0: where the result underflows, +0 (not −0), as for |x| ≥ 40
    return scaleByPow2(ddLow.hi, expParts.k) + 0;
  },
  d2: (x) => {
    if (!(Math.abs(x) < GAUSS_ZERO)) return notNumber(x) ? NaN : 0;
    squareParts(x);
    const zh = ddLow.hi;
    const zl = ddLow.lo;
    expSplitParts(-zh, -zl);
    ddAddParts(4 * zh, 4 * zl, -2, 0);
    ddMulParts(ddLow.hi, ddLow.lo, expParts.hi, expParts.lo);
    return scaleByPow2(ddLow.hi, expParts.k);
  },
};

// ---------------------------------------------------------------------------------------------
// ArcTan, BentIdentity, ISRU, ISRLU: algebraic in x²

/** Beyond this |x|, x² may overflow: the leading terms in plain doubles (outside the accuracy range). */
const BIG = 1e150;

/** 1 + m·x² = (ddLow.hi, ddLow.lo). */
function onePlusScaledSquare(m: number, x: number): void {
  squareParts(x);
  if (m !== 1) ddMulParts(m, 0, ddLow.hi, ddLow.lo);
  ddAddParts(1, 0, ddLow.hi, ddLow.lo);
}

export const arcTanKernel: PointwiseKernel = {
  // V8's Math.atan is fdlibm's, within 1 ulp.
  f: Math.atan,
  df: (x) => {
    if (!(Math.abs(x) < BIG)) return notNumber(x) ? NaN : 1 / x / x;
    onePlusScaledSquare(1, x);
    ddDivParts(1, 0, ddLow.hi, ddLow.lo);
    return ddLow.hi;
  },
  d2: (x) => {
    if (!(Math.abs(x) < BIG)) return notNumber(x) ? NaN : -2 / x / x / x;
    onePlusScaledSquare(1, x);
    ddMulParts(ddLow.hi, ddLow.lo, ddLow.hi, ddLow.lo);
    ddDivParts(-2 * x, 0, ddLow.hi, ddLow.lo);
    return ddLow.hi;
  },
};

/** √(x² + 1) + 1 as a double-double (s) and x² + 1 (q), for BentIdentity. */
const bent = { qh: 0, ql: 0, sh: 0, sl: 0, zh: 0, zl: 0 };
function bentSplit(x: number): void {
  squareParts(x);
  bent.zh = ddLow.hi;
  bent.zl = ddLow.lo;
  ddAddParts(1, 0, bent.zh, bent.zl);
  bent.qh = ddLow.hi;
  bent.ql = ddLow.lo;
  ddSqrtParts(bent.qh, bent.ql);
  bent.sh = ddLow.hi;
  bent.sl = ddLow.lo;
}

/** BentIdentity: (√(x² + 1) − 1)/2 + x = x + x²/(2(√(x² + 1) + 1)), without the cancellation. */
export const bentIdentityKernel: PointwiseKernel = {
  f: (x) => {
    if (!(Math.abs(x) < BIG)) return x < 0 ? x / 2 : x + x / 2;
    bentSplit(x);
    ddAddParts(bent.sh, bent.sl, 1, 0);
    ddDivParts(bent.zh, bent.zl, 2 * ddLow.hi, 2 * ddLow.lo);
    ddAddParts(x, 0, ddLow.hi, ddLow.lo);
    return ddLow.hi;
  },
  df: (x) => {
    if (!(Math.abs(x) < BIG)) return notNumber(x) ? NaN : x > 0 ? 1.5 : 0.5;
    bentSplit(x);
    ddDivParts(x, 0, 2 * bent.sh, 2 * bent.sl);
    ddAddParts(1, 0, ddLow.hi, ddLow.lo);
    return ddLow.hi;
  },
  d2: (x) => {
    if (!(Math.abs(x) < BIG)) return notNumber(x) ? NaN : 0.5 / Math.abs(x) / x / x;
    bentSplit(x);
    ddMulParts(bent.qh, bent.ql, bent.sh, bent.sl);
    ddDivParts(0.5, 0, ddLow.hi, ddLow.lo);
    return ddLow.hi;
  },
};

/** ISRU (Carlile et al. 2017): x/√(1 + αx²), (1 + αx²)^(−3/2), −3αx·(1 + αx²)^(−5/2). */
export function isruKernel(alpha: number): PointwiseKernel {
  const root = Math.sqrt(alpha);
  const q = { h: 0, l: 0, sh: 0, sl: 0 };
  const split = (x: number) => {
    onePlusScaledSquare(alpha, x);
    q.h = ddLow.hi;
    q.l = ddLow.lo;
    ddSqrtParts(q.h, q.l);
    q.sh = ddLow.hi;
    q.sl = ddLow.lo;
  };
  return {
    f: (x) => {
      if (!(Math.abs(x) < BIG)) return notNumber(x) ? NaN : Math.sign(x) / root;
      split(x);
      ddDivParts(x, 0, q.sh, q.sl);
      return ddLow.hi;
    },
    df: (x) => {
      if (!(Math.abs(x) < BIG)) return notNumber(x) ? NaN : 1 / (alpha * root * Math.abs(x) * x * x);
      split(x);
      ddMulParts(q.h, q.l, q.sh, q.sl);
      ddDivParts(1, 0, ddLow.hi, ddLow.lo);
      return ddLow.hi;
    },
    d2: (x) => {
      if (!(Math.abs(x) < BIG)) return notNumber(x) ? NaN : x > 0 ? -0 : 0;
      split(x);
      ddMulParts(q.h, q.l, q.h, q.l);
      ddMulParts(ddLow.hi, ddLow.lo, q.sh, q.sl);
      const m = -3 * alpha;
      const p = m * x;
      ddDivParts(p, twoProductError(m, x, p), ddLow.hi, ddLow.lo);
      return ddLow.hi;
    },
  };
}

/** ISRLU (Carlile et al. 2017): x for x ≥ 0, ISRU below (C² at 0). */
export function isrluKernel(alpha: number): PointwiseKernel {
  const isru = isruKernel(alpha);
  return {
    f: (x) => (x >= 0 ? x : isru.f(x)),
    df: (x) => (x >= 0 ? 1 : isru.df(x)),
    d2: (x) => (x >= 0 ? 0 : isru.d2!(x)),
  };
}

// ---------------------------------------------------------------------------------------------
// SoftExponential (α ≥ 0)

/** SoftExponential (Godfrey & Gashler 2015) for α > 0: (e^(αx) − 1)/α + α, e^(αx), α·e^(αx). */
export function softExponentialKernel(alpha: number): PointwiseKernel {
  if (alpha === 0) return { f: (x) => x, df: (x) => (notNumber(x) ? NaN : 1), d2: (x) => (notNumber(x) ? NaN : 0) };
  const argument = (x: number) => {
    const t = alpha * x;
    expParts.xh = t;
    expParts.xl = Math.abs(t) < 1e300 ? twoProductError(alpha, x, t) : 0;
  };
  return {
    f: (x) => {
      argument(x);
      const t = expParts.xh;
      const tl = expParts.xl;
      let mh: number;
      let ml: number;
      if (Math.abs(t) < 0.5) {
        // e^t − 1 = expm1(th) + e^th·tl (Math.expm1: fdlibm, within 1 ulp)
        mh = Math.expm1(t);
        ml = (1 + mh) * tl;
      } else {
        expSplitParts(t, tl);
        if (expParts.k > 1023 || expParts.hi === Infinity) return Infinity;
        const s = pow2(expParts.k);
        ddAddParts(expParts.hi * s, expParts.lo * s, -1, 0);
        mh = ddLow.hi;
        ml = ddLow.lo;
      }
      ddDivParts(mh, ml, alpha, 0);
      ddAddParts(ddLow.hi, ddLow.lo, alpha, 0);
      return ddLow.hi;
    },
    df: (x) => {
      argument(x);
      expSplitParts(expParts.xh, expParts.xl);
      return scaleByPow2(expParts.hi + expParts.lo, expParts.k);
    },
    d2: (x) => {
      if (x === Infinity) return x;
      argument(x);
      expSplitParts(expParts.xh, expParts.xl);
      if (expParts.hi === Infinity) return Infinity;
      ddMulParts(alpha, 0, expParts.hi, expParts.lo);
      return scaleByPow2(ddLow.hi, expParts.k);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// LeCun's scaled tanh 1.7159·tanh(2x/3)

/** 1.7159, 1.7159·2/3, 1.7159·4/9 as double-doubles (the decimal 1.7159 exact). */
const K_HI = 1.7159;
const K_LO = 1.9184653865522706e-17;
const K23_HI = 1.1439333333333332;
const K23_LO = 8.680463755202558e-17;
const K49_HI = 0.7626222222222222;
const K49_LO = 2.0862324213845164e-17;

/** v = 2x/3 = (ddLow.hi, ddLow.lo). */
function twoThirds(x: number): void {
  const t = 2 * x;
  const v = t / 3;
  const p = 3 * v;
  ddLow.hi = v;
  ddLow.lo = Math.abs(t) < 1e300 ? (t - p - twoProductError(3, v, p)) / 3 : 0;
}

export const leCunTanhKernel: PointwiseKernel = {
  f: (x) => {
    twoThirds(x);
    const vh = ddLow.hi;
    const vl = ddLow.lo;
    const t = tanh(vh);
    const tl = vl === 0 ? 0 : tanhDerivative(vh) * vl;
    ddMulParts(K_HI, K_LO, t, tl);
    return ddLow.hi;
  },
  df: (x) => {
    twoThirds(x);
    const vh = ddLow.hi;
    const vl = ddLow.lo;
    const s = tanhDerivative(vh);
    // sech²(v + dv) = sech²v·(1 − 2·tanh v·dv)
    ddMulParts(K23_HI, K23_LO, s, -2 * s * tanh(vh) * vl);
    return ddLow.hi;
  },
  d2: (x) => {
    twoThirds(x);
    const vh = ddLow.hi;
    const vl = ddLow.lo;
    const c = tanhSecondDerivative(vh);
    ddMulParts(K49_HI, K49_LO, c, vl === 0 ? 0 : 2 * tanhDerivative(vh) * (3 * tanh(vh) ** 2 - 1) * vl);
    return ddLow.hi;
  },
};

/** Penalized tanh (Xu et al. 2016): tanh x for x > 0, a·tanh x below. */
export function penalizedTanhKernel(a: number): PointwiseKernel {
  const times = (y: number, x: number) => (x > 0 ? y : a * y);
  return {
    f: (x) => times(tanh(x), x),
    df: (x) => times(tanhDerivative(x), x),
    d2: (x) => times(tanhSecondDerivative(x), x),
  };
}

// ---------------------------------------------------------------------------------------------
// LiSHT x·tanh x

export const lishtKernel: PointwiseKernel = {
  f: (x) => x * tanh(x),
  df: (x) => {
    // beyond 400, x·sech² x < 2^−1075
    if (!(Math.abs(x) < 400)) return notNumber(x) ? NaN : Math.sign(x);
    const t = tanh(x);
    // x·sech² x = x·4σ′(2x), rounded once (also into the subnormal range)
    logisticSplit(2 * x, 0);
    const u = slopeTimes(x, 0, 2);
    const y = t + u;
    return y;
  },
  d2: (x) => {
    if (!(Math.abs(x) < 400)) return notNumber(x) ? NaN : 0;
    // 2·sech² x·(1 − x·tanh x) = 8σ′(2x)·(1 − x·tanh x)
    const t = tanh(x);
    const p = x * t;
    const bh = 1 - p;
    const bl = twoSumError(1, -p, bh) - twoProductError(x, t, p);
    logisticSplit(2 * x, 0);
    return slopeTimes(bh, bl, 3);
  },
};

// ---------------------------------------------------------------------------------------------
// TanhExp x·tanh(eˣ)

/** Below this x, eˣ < 2^−57: tanh(eˣ) = eˣ·(1 − e²ˣ/3) is eˣ to 2^−114, and TanhExp is x·eˣ. */
const EXP_TAIL = -40;

/** eˣ as a double-double (x ≥ EXP_TAIL: normal) into ddLow. */
function expParts2(x: number): void {
  expSplitParts(x, 0);
  const s = pow2(expParts.k);
  ddLow.hi = expParts.hi * s;
  ddLow.lo = expParts.lo * s;
}

export const tanhExpKernel: PointwiseKernel = {
  f: (x) => {
    // below −1500, x·eˣ < 2^−1075
    if (x < -1500) return -0;
    if (x < EXP_TAIL) {
      expSplitParts(x, 0);
      ddMulParts(x, 0, expParts.hi, expParts.lo);
      return scaleByPow2(ddLow.hi, expParts.k);
    }
    // tanh(e³) rounds to 1
    if (!(x < 3)) return x;
    expParts2(x);
    const eh = ddLow.hi;
    const el = ddLow.lo;
    const t = tanh(eh) + tanhDerivative(eh) * el;
    return x * t;
  },
  df: (x) => {
    if (x < -1500) return -0;
    if (x < EXP_TAIL) {
      expSplitParts(x, 0);
      ddMulParts(1 + x, twoSumError(1, x, 1 + x), expParts.hi, expParts.lo);
      return scaleByPow2(ddLow.hi, expParts.k);
    }
    if (!(x < 7)) return notNumber(x) ? NaN : 1;
    if (nearRoot(TANHEXP_SLOPE_ROOT, x)) return sumRootSeries(TANHEXP_SLOPE_ROOT, x, 0);
    // tanh(E) + x·E·sech²(E), E = eˣ; x·E·sech² E = 4σ′(2E)·x·E rounded once
    expParts2(x);
    const eh = ddLow.hi;
    const el = ddLow.lo;
    const t = tanh(eh) + tanhDerivative(eh) * el;
    logisticSplit(2 * eh, 2 * el);
    ddMulParts(x, 0, eh, el);
    const u = slopeTimes(ddLow.hi, ddLow.lo, 2);
    return t + u;
  },
  d2: (x) => {
    if (x < -1500) return -0;
    if (x < EXP_TAIL) {
      expSplitParts(x, 0);
      ddMulParts(2 + x, twoSumError(2, x, 2 + x), expParts.hi, expParts.lo);
      return scaleByPow2(ddLow.hi, expParts.k);
    }
    if (!(x < 7)) return notNumber(x) ? NaN : x === Infinity ? 0 : -0;
    // E·sech²(E)·(2 + x − 2x·E·tanh E)
    expParts2(x);
    const eh = ddLow.hi;
    const el = ddLow.lo;
    const t = tanh(eh) + tanhDerivative(eh) * el;
    ddMulParts(eh, el, -2 * x, 0);
    ddMulParts(ddLow.hi, ddLow.lo, t, 0);
    const ph = ddLow.hi;
    const pl = ddLow.lo;
    ddAddParts(2, 0, x, 0);
    ddAddParts(ddLow.hi, ddLow.lo, ph, pl);
    ddMulParts(ddLow.hi, ddLow.lo, eh, el);
    const bh = ddLow.hi;
    const bl = ddLow.lo;
    logisticSplit(2 * eh, 2 * el);
    return slopeTimes(bh, bl, 2);
  },
};

// ---------------------------------------------------------------------------------------------
// Serf x·erf(softplus(x))

/** 2/√π as a double-double. */
const K2_HI = 1.1283791670955126;
const K2_LO = 1.533545961316588e-17;
const softplus = softplusKernel(1, Infinity).f;

/**
 * (2/√π)·e^(−sp²) as (hi + lo)·2^k in expParts, sp = softplus(x): for x > 0, sp = x + log1p(e^−x)
 * as a double-double (sp²'s rounding would cost up to sp²·2^−52 relative).
 */
function serfGauss(x: number, sp: number): void {
  let z = sp * sp;
  let zl = twoProductError(sp, sp, z);
  if (x > 0) {
    const l = Math.log1p(Math.exp(-x));
    const p = x * x;
    const q = twoProductError(x, x, p) + l * (2 * x + l);
    z = p + q;
    zl = twoSumError(p, q, z);
  }
  expSplitParts(-z, -zl);
  ddMulParts(expParts.hi, expParts.lo, K2_HI, K2_LO);
  expParts.hi = ddLow.hi;
  expParts.lo = ddLow.lo;
}

export const serfKernel: PointwiseKernel = {
  f: (x) => {
    if (x < -1500) return -0;
    if (x < EXP_TAIL) {
      // (2/√π)·x·eˣ
      expSplitParts(x, 0);
      const k = expParts.k;
      ddMulParts(x, 0, expParts.hi, expParts.lo);
      ddMulParts(ddLow.hi, ddLow.lo, K2_HI, K2_LO);
      return scaleByPow2(ddLow.hi, k);
    }
    if (!(x < 40)) return x;
    return x * erf(softplus(x));
  },
  df: (x) => {
    if (x < -1500) return -0;
    if (x < EXP_TAIL) {
      expSplitParts(x, 0);
      const k = expParts.k;
      ddMulParts(1 + x, twoSumError(1, x, 1 + x), expParts.hi, expParts.lo);
      ddMulParts(ddLow.hi, ddLow.lo, K2_HI, K2_LO);
      return scaleByPow2(ddLow.hi, k);
    }
    if (!(x < 40)) return notNumber(x) ? NaN : 1;
    if (nearRoot(SERF_SLOPE_ROOT, x)) return sumRootSeries(SERF_SLOPE_ROOT, x, 0);
    // erf(sp) + x·(2/√π)·e^(−sp²)·σ(x)
    const sp = softplus(x);
    const e = erf(sp);
    const s = sigmoid(x);
    serfGauss(x, sp);
    const k = expParts.k;
    ddMulParts(expParts.hi, expParts.lo, x * s, twoProductError(x, s, x * s));
    const u = scaleByPow2(ddLow.hi, k) + scaleByPow2(ddLow.lo, k);
    return e + u;
  },
  d2: (x) => {
    if (x < -1500) return -0;
    if (x < EXP_TAIL) {
      expSplitParts(x, 0);
      const k = expParts.k;
      ddMulParts(2 + x, twoSumError(2, x, 2 + x), expParts.hi, expParts.lo);
      ddMulParts(ddLow.hi, ddLow.lo, K2_HI, K2_LO);
      return scaleByPow2(ddLow.hi, k);
    }
    if (!(x < 40)) return notNumber(x) ? NaN : 0;
    // (2/√π)·e^(−sp²)·[2σ + x·(σ′ − 2·sp·σ²)]
    const sp = softplus(x);
    const s = sigmoid(x);
    const d = sigmoidDerivative(x);
    const q = 2 * sp * s * s;
    ddAddParts(d, 0, -q, 0);
    ddMulParts(x, 0, ddLow.hi, ddLow.lo);
    ddAddParts(2 * s, 0, ddLow.hi, ddLow.lo);
    const bh = ddLow.hi;
    const bl = ddLow.lo;
    serfGauss(x, sp);
    const k = expParts.k;
    ddMulParts(expParts.hi, expParts.lo, bh, bl);
    return scaleByPow2(ddLow.hi, k);
  },
};

// ---------------------------------------------------------------------------------------------
// Smish x·tanh(log(1 + σ(x))) and Logish x·log(1 + σ(x))

/**
 * Below this x, σ(x) < 2^−60: tanh(log(1 + s)) = s·(1 − s/2 + …) and log(1 + s) = s·(1 − s/2 + …)
 * are s to 2^−61, and Smish, Logish and their derivatives are SiLU's.
 */
const SILU_TAIL = -42;

/** σ(x) = sh + sl and σ′(x) = dh + dl (x ≥ SILU_TAIL: both normal). */
const sg = { sh: 0, sl: 0, dh: 0, dl: 0, mh: 0, ml: 0, k: 0 };
function sigmoidParts(x: number): void {
  logisticSplit(x, 0);
  const s = pow2(lg.k);
  if (lg.negative) {
    sg.sh = lg.sh * s;
    sg.sl = lg.sl * s;
  } else {
    sg.sh = lg.ih;
    sg.sl = lg.il;
  }
  sg.mh = sigmoidSlopeMantissa();
  sg.ml = ddLow.lo;
  sg.k = lg.k;
  sg.dh = sg.mh * s;
  sg.dl = sg.ml * s;
}

/** Smish's h(s) = tanh(log(1 + s)) = s(2 + s)/Q, Q = s² + 2s + 2, and h′(s) = 4(1 + s)/Q². */
const sm = { hh: 0, hl: 0, gh: 0, gl: 0, qh: 0, ql: 0 };
function smishSplit(): void {
  const { sh, sl } = sg;
  ddAddParts(2, 0, sh, sl);
  ddMulParts(ddLow.hi, ddLow.lo, sh, sl);
  const nh = ddLow.hi;
  const nl = ddLow.lo;
  ddAddParts(nh, nl, 2, 0);
  sm.qh = ddLow.hi;
  sm.ql = ddLow.lo;
  ddDivParts(nh, nl, sm.qh, sm.ql);
  sm.hh = ddLow.hi;
  sm.hl = ddLow.lo;
  ddMulParts(sm.qh, sm.ql, sm.qh, sm.ql);
  const q2h = ddLow.hi;
  const q2l = ddLow.lo;
  ddAddParts(4, 0, 4 * sh, 4 * sl);
  ddDivParts(ddLow.hi, ddLow.lo, q2h, q2l);
  sm.gh = ddLow.hi;
  sm.gl = ddLow.lo;
}

export const smishKernel: PointwiseKernel = {
  f: (x) => {
    if (!(x >= SILU_TAIL)) return silu(x);
    if (x > 1e300) return 0.6 * x;
    sigmoidParts(x);
    smishSplit();
    ddMulParts(x, 0, sm.hh, sm.hl);
    return ddLow.hi;
  },
  df: (x) => {
    if (!(x >= SILU_TAIL)) return siluDerivative(x);
    if (x > 1e300) return 0.6;
    sigmoidParts(x);
    smishSplit();
    // h + x·h′·σ′
    ddMulParts(sm.gh, sm.gl, sg.dh, sg.dl);
    ddMulParts(x, 0, ddLow.hi, ddLow.lo);
    ddAddParts(sm.hh, sm.hl, ddLow.hi, ddLow.lo);
    return ddLow.hi;
  },
  d2: (x) => {
    if (!(x >= SILU_TAIL)) return siluSecondDerivative(x);
    if (x > 1e300) return 0;
    sigmoidParts(x);
    smishSplit();
    const { sh, sl, dh, dl } = sg;
    // σ′·[2h′ + x·(h″·σ′ + h′·(1 − 2s))], h″ = −4(3s² + 6s + 2)/Q³
    ddMulParts(sh, sl, sh, sl);
    ddAddParts(3 * ddLow.hi, 3 * ddLow.lo, 6 * sh, 6 * sl);
    ddAddParts(ddLow.hi, ddLow.lo, 2, 0);
    const ph = ddLow.hi;
    const pl = ddLow.lo;
    ddMulParts(sm.qh, sm.ql, sm.qh, sm.ql);
    ddMulParts(ddLow.hi, ddLow.lo, sm.qh, sm.ql);
    ddDivParts(-4 * ph, -4 * pl, ddLow.hi, ddLow.lo);
    ddMulParts(ddLow.hi, ddLow.lo, dh, dl);
    const ah = ddLow.hi;
    const al = ddLow.lo;
    ddAddParts(1, 0, -2 * sh, -2 * sl);
    ddMulParts(ddLow.hi, ddLow.lo, sm.gh, sm.gl);
    ddAddParts(ah, al, ddLow.hi, ddLow.lo);
    ddMulParts(x, 0, ddLow.hi, ddLow.lo);
    ddAddParts(2 * sm.gh, 2 * sm.gl, ddLow.hi, ddLow.lo);
    // times σ′'s mantissa, then its power of two: one rounding into the subnormal range
    ddMulParts(ddLow.hi, ddLow.lo, sg.mh, sg.ml);
    return scaleByPow2(ddLow.hi, sg.k);
  },
};

/** log(1 + σ) as a double-double from sg. */
function logOnePlusSigmoid(): void {
  const h = Math.log1p(sg.sh);
  ddLow.hi = h;
  ddLow.lo = sg.sl / (1 + sg.sh);
}

export const logishKernel: PointwiseKernel = {
  f: (x) => {
    if (!(x >= SILU_TAIL)) return silu(x);
    if (x > 1e300) return Math.LN2 * x;
    sigmoidParts(x);
    logOnePlusSigmoid();
    ddMulParts(x, 0, ddLow.hi, ddLow.lo);
    return ddLow.hi;
  },
  df: (x) => {
    if (!(x >= SILU_TAIL)) return siluDerivative(x);
    if (x > 1e300) return Math.LN2;
    if (nearRoot(LOGISH_SLOPE_ROOT, x)) return sumRootSeries(LOGISH_SLOPE_ROOT, x, 0);
    sigmoidParts(x);
    // log(1 + σ) + x·σ′/(1 + σ)
    ddAddParts(1, 0, sg.sh, sg.sl);
    ddDivParts(sg.dh, sg.dl, ddLow.hi, ddLow.lo);
    ddMulParts(x, 0, ddLow.hi, ddLow.lo);
    const uh = ddLow.hi;
    const ul = ddLow.lo;
    logOnePlusSigmoid();
    ddAddParts(ddLow.hi, ddLow.lo, uh, ul);
    return ddLow.hi;
  },
  d2: (x) => {
    if (!(x >= SILU_TAIL)) return siluSecondDerivative(x);
    if (x > 1e300) return 0;
    sigmoidParts(x);
    const { sh, sl } = sg;
    // σ′/(1 + σ)·[2 + x·(1 − 2σ − σ²)/(1 + σ)]
    ddAddParts(1, 0, sh, sl);
    const oh = ddLow.hi;
    const ol = ddLow.lo;
    ddMulParts(sh, sl, sh, sl);
    ddAddParts(-ddLow.hi, -ddLow.lo, -2 * sh, -2 * sl);
    ddAddParts(1, 0, ddLow.hi, ddLow.lo);
    ddDivParts(ddLow.hi, ddLow.lo, oh, ol);
    ddMulParts(x, 0, ddLow.hi, ddLow.lo);
    ddAddParts(2, 0, ddLow.hi, ddLow.lo);
    ddDivParts(ddLow.hi, ddLow.lo, oh, ol);
    ddMulParts(ddLow.hi, ddLow.lo, sg.mh, sg.ml);
    return scaleByPow2(ddLow.hi, sg.k);
  },
};

// ---------------------------------------------------------------------------------------------
// d²/dx² [x·σ(βx)], to about an ulp (SiLU's f″ reaches 5.5 ulp near x = ±3)

/**
 * c·d²/dx² [x·σ(βx)] = c·β·σ′(v)·(2 − |v|·(1 − e)/D), v = βx = vh + vl, e = e^−|v|, D = 1 + e:
 * the bracket as a double-double (1 − e exact from e's split, so nothing is lost near v = 0), σ′'s
 * mantissa split exactly, one rounding at the end (also into the subnormal range). c·β = (ch + cl).
 */
export function swishCurvature(bh: number, bl: number, ch: number, cl: number): (x: number) => number {
  return (x) => {
    const vh = bh * x;
    if (!(Math.abs(vh) < 1400)) return x === x ? 0 : NaN;
    const vl = twoProductError(bh, x, vh) + bl * x;
    logisticSplit(vh, vl);
    const m = sigmoidSlopeMantissa();
    const ml = ddLow.lo;
    const e = lg.e;
    const oh = 1 - e;
    const ol = 1 - oh - e - lg.el * pow2(lg.k);
    ddDivParts(oh, ol, lg.dh, lg.dl);
    ddMulParts(Math.abs(vh), vh < 0 ? -vl : vl, ddLow.hi, ddLow.lo);
    ddAddParts(2, 0, -ddLow.hi, -ddLow.lo);
    const gh = ddLow.hi;
    const gl = ddLow.lo;
    ddMulParts(m, ml, gh, gl);
    ddMulParts(ddLow.hi, ddLow.lo, ch, cl);
    return scaleByPow2(ddLow.hi, lg.k);
  };
}

const siluCurvature = swishCurvature(1, 0, 1, 0);

// ---------------------------------------------------------------------------------------------
// ELiSH: x·σ(x) for x ≥ 0, (eˣ − 1)·σ(x) below

/**
 * After logisticSplit at x < 0: σ(x) = (lg.sh + lg.sl)·2^k, D = 1 + eˣ = lg.dh + lg.dl. Returns
 * (c·σ(x)) rounded once, c = ch + cl.
 */
function timesSigmoidNegative(ch: number, cl: number): number {
  ddMulParts(ch, cl, lg.sh, lg.sl);
  return scaleByPow2(ddLow.hi, lg.k);
}

/** log(√2 − 1), √2 − 1 and √2 as double-doubles. */
const X0_HI = -0.881373587019543;
const X0_LO = 2.250545892825866e-17;
const R_HI = 0.41421356237309503;
const R_LO = 1.4349369327986523e-17;
const SQ2_HI = 1.4142135623730951;
const SQ2_LO = -9.667293313452913e-17;

export const elishKernel: PointwiseKernel = {
  f: (x) => {
    if (!(x < 0)) return silu(x);
    if (x === -Infinity) return -0;
    logisticSplit(x, 0);
    return timesSigmoidNegative(Math.expm1(x), 0);
  },
  df: (x) => {
    if (!(x < 0)) return siluDerivative(x);
    if (x === -Infinity) return 0;
    // σ(x)·(D² − 2)/D with D² − 2 = (D − √2)(D + √2) and D − √2 = eˣ − (√2 − 1) =
    // (√2 − 1)·expm1(x − x0), x0 = log(√2 − 1) the root of f′: no cancellation anywhere.
    logisticSplit(x, 0);
    const { dh, dl } = lg;
    const th = x - X0_HI;
    const tl = twoSumError(x, -X0_HI, th) - X0_LO;
    const em = Math.expm1(th);
    ddMulParts(em, (1 + em) * tl, R_HI, R_LO);
    const ph = ddLow.hi;
    const pl = ddLow.lo;
    ddAddParts(dh, dl, SQ2_HI, SQ2_LO);
    ddMulParts(ph, pl, ddLow.hi, ddLow.lo);
    ddDivParts(ddLow.hi, ddLow.lo, dh, dl);
    return timesSigmoidNegative(ddLow.hi, ddLow.lo);
  },
  d2: (x) => {
    if (!(x < 0)) return siluCurvature(x);
    if (x === -Infinity) return 0;
    // σ(x)·(D³ + 2D − 4)/D²
    logisticSplit(x, 0);
    const { dh, dl } = lg;
    ddMulParts(dh, dl, dh, dl);
    const d2h = ddLow.hi;
    const d2l = ddLow.lo;
    ddMulParts(d2h, d2l, dh, dl);
    ddAddParts(ddLow.hi, ddLow.lo, 2 * dh, 2 * dl);
    ddAddParts(ddLow.hi, ddLow.lo, -4, 0);
    ddDivParts(ddLow.hi, ddLow.lo, d2h, d2l);
    return timesSigmoidNegative(ddLow.hi, ddLow.lo);
  },
};

// ---------------------------------------------------------------------------------------------
// E-swish β·x·σ(x)

/** E-swish (Alcaide 2018): β·x·σ(x), with β·x carried exactly into SiLU's kernels. */
export function eswishKernel(beta: number): PointwiseKernel {
  const swish = swishKernel(beta, 1, 0);
  return { f: swish.f, df: swish.df, d2: swishCurvature(1, 0, beta, 0) };
}

// ---------------------------------------------------------------------------------------------
// Polynomials: SQU x² + x = x·(1 + x), NCU x − x³ = x·(1 − x)·(1 + x)

/** Beyond this |x| the cube (or the error-free product) may overflow: plain doubles. */
const POLY_BIG = 1e100;

/** 1 ± x as an exact double-double into ddLow. */
function onePlus(x: number): void {
  const s = 1 + x;
  ddLow.hi = s;
  ddLow.lo = twoSumError(1, x, s);
}

/** SQU (Noel et al. 2021): x² + x, written x·(1 + x) so that it keeps its accuracy at its root −1. */
export const squKernel: PointwiseKernel = {
  f: (x) => {
    if (!(Math.abs(x) < POLY_BIG)) return x * (x + 1);
    onePlus(x);
    ddMulParts(x, 0, ddLow.hi, ddLow.lo);
    return ddLow.hi;
  },
  df: (x) => 2 * x + 1,
  d2: (x) => (notNumber(x) ? NaN : 2),
};

/** NCU (Noel et al. 2021): x − x³ = x·(1 − x)·(1 + x); f′ = 1 − 3x² with x² exact. */
export const ncuKernel: PointwiseKernel = {
  f: (x) => {
    if (!(Math.abs(x) < POLY_BIG)) return x * (1 - x * x);
    onePlus(x);
    const ph = ddLow.hi;
    const pl = ddLow.lo;
    onePlus(-x);
    ddMulParts(ph, pl, ddLow.hi, ddLow.lo);
    ddMulParts(x, 0, ddLow.hi, ddLow.lo);
    return ddLow.hi;
  },
  df: (x) => {
    if (!(Math.abs(x) < POLY_BIG)) return 1 - 3 * x * x;
    squareParts(x);
    ddMulParts(-3, 0, ddLow.hi, ddLow.lo);
    ddAddParts(1, 0, ddLow.hi, ddLow.lo);
    return ddLow.hi;
  },
  d2: (x) => -6 * x,
};
