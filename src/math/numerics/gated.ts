/**
 * Kernels of the gated units in their scalar forms, accurate in the tails like the rest:
 *   GLU(x)    = a·σ(g),              a = v·x + c, g = w·x + b;
 *   SwiGLU(x) = a·g·σ(u),            u = β·g;
 *   Dice(x)   = x·(σ(z) + α·σ(−z)),  z = (x − mean)/√(var + eps).
 * The affine maps (and β·g, and z) are carried as double-doubles: their rounding would be
 * amplified by |g| in the left tail of σ, and near a root of a it would be all that is left.
 * With e = e^−|g| and D = 1 + e as in logistic.ts, each derivative is written as one bracket over
 * a power of D, the bracket summed as a double-double, so that only the true roots of f′ cancel.
 * Where a unit reduces to x·σ(βx) up to a constant factor (GLU with b = c = 0, Dice with α = 0 and
 * mean = 0, the defaults of both) it uses the Swish kernels, whose f′ is exact through its root.
 */
import type { PointwiseKernel } from '../types.js';
import {
  ddAddParts,
  ddLow,
  ddMulParts,
  ddSqrtParts,
  ddDivParts,
  twoProductError,
  twoSumError,
} from './double-double.js';
import { pow2 } from './exp-split.js';
import {
  lg,
  oneMinusTwoSigmoid,
  sigmoid,
  sigmoidDerivative,
  sigmoidTimesPair,
  slopeTimes,
  splitLogistic,
} from './logistic.js';
import { swishKernel } from './swish.js';
import { oneMinusTwoSigmoidParts } from './logistic-dd.js';

/** Beyond |g| = 1500, e^−|g| times any factor a double can hold is 0. */
const TAIL = 1500;

/** m·x + q as a double-double in (ddLow.hi, ddLow.lo). */
function affineParts(m: number, q: number, x: number): void {
  const p = m * x;
  const h = p + q;
  ddLow.hi = h;
  ddLow.lo = twoSumError(p, q, h) + twoProductError(m, x, p);
}

/**
 * The accurate kernel, except where it gives NaN for a non-NaN x: with parameters or x near the
 * double range (beyond ~1e300) an error-free product splits past it. There the textbook formula in
 * plain doubles (`plain`) gives the value, or ±Infinity where the true value lies beyond the range.
 */
function withFallback(accurate: Required<PointwiseKernel>, plain: Required<PointwiseKernel>): PointwiseKernel {
  const { f, df, d2 } = accurate;
  return {
    f: (x) => {
      const y = f(x);
      return y === y || x !== x ? y : plain.f(x);
    },
    df: (x) => {
      const y = df(x);
      return y === y || x !== x ? y : plain.df(x);
    },
    d2: (x) => {
      const y = d2(x);
      return y === y || x !== x ? y : plain.d2(x);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// GLU: a·σ(g), a = v·x + c, g = w·x + b.

/** GLU's limits at x = ±∞ (and for |g| beyond the tail): σ(g) is 0 or 1, σ′(g) vanishes. */
function gluLimit(w: number, b: number, v: number, c: number, x: number, which: 0 | 1 | 2): number {
  const gate = w === 0 ? sigmoid(b) : w * x + b > 0 ? 1 : 0;
  if (which === 2) return 0;
  if (which === 1) return v * gate;
  const a = v === 0 ? c : v * x + c;
  if (gate === 0) return a < 0 ? -0 : 0; // e^g beats any linear a
  return a * gate;
}

export function gluKernel(w: number, b: number, v: number, c: number): PointwiseKernel {
  const plain = {
    f: (x: number) => (v * x + c) * sigmoid(w * x + b),
    df: (x: number) => v * sigmoid(w * x + b) + w * ((v * x + c) * sigmoidDerivative(w * x + b)),
    d2: (x: number) => {
      const g = w * x + b;
      return w * sigmoidDerivative(g) * (2 * v + w * ((v * x + c) * (1 - 2 * sigmoid(g))));
    },
  };
  // (v·x)·σ(w·x): v times Swish with β = w.
  if (b === 0 && c === 0 && w !== 0 && v !== 0)
    return withFallback(swishKernel(v, w, 0) as Required<PointwiseKernel>, plain);
  /** Sets the gate g = w·x + b in lg and splits σ(g); false in the tails (σ = 0 or 1). */
  const gate = (x: number): boolean => {
    affineParts(w, b, x);
    const gh = ddLow.hi;
    if (!(gh > -TAIL && gh < TAIL)) return false;
    lg.vh = gh;
    lg.vl = ddLow.lo;
    splitLogistic();
    return true;
  };
  return withFallback(
    {
      f: (x) => {
        if (!gate(x)) return x === x ? gluLimit(w, b, v, c, x, 0) : NaN;
        affineParts(v, c, x);
        lg.ch = ddLow.hi;
        lg.cl = ddLow.lo;
        sigmoidTimesPair();
        return lg.y;
      },
      // f′ = v·σ(g) + a·w·σ′(g)
      df: (x) => {
        if (!gate(x)) return x === x ? gluLimit(w, b, v, c, x, 1) : NaN;
        affineParts(v, c, x);
        const ah = ddLow.hi;
        const al = ddLow.lo;
        if (lg.negative) {
          // e·(v·D + a·w)/D²
          ddMulParts(v, 0, lg.dh, lg.dl);
          const ph = ddLow.hi;
          const pl = ddLow.lo;
          ddMulParts(ah, al, w, 0);
          ddAddParts(ph, pl, ddLow.hi, ddLow.lo);
          return slopeTimes(ddLow.hi, ddLow.lo, 0);
        }
        // v/D + a·w·e/D²
        ddMulParts(ah, al, w, 0);
        slopeTimes(ddLow.hi, ddLow.lo, 0);
        if (v === 0) return lg.y;
        const s = pow2(lg.k);
        const th = ddLow.hi * s;
        const tl = ddLow.lo * s;
        ddMulParts(v, 0, lg.ih, lg.il);
        ddAddParts(ddLow.hi, ddLow.lo, th, tl);
        return ddLow.hi;
      },
      // f″ = w·σ′(g)·(2v + a·w·(1 − 2σ(g)))
      d2: (x) => {
        if (!gate(x)) return x === x ? 0 : NaN;
        // the bracket as a double-double: it vanishes at f″'s roots
        oneMinusTwoSigmoidParts();
        const th = ddLow.hi;
        const tl = ddLow.lo;
        affineParts(v, c, x);
        ddMulParts(ddLow.hi, ddLow.lo, w, 0);
        if (!(ddLow.hi - ddLow.hi === 0)) return slopeTimes(w * (2 * v + (v * x + c) * w * oneMinusTwoSigmoid()), 0, 0);
        ddMulParts(ddLow.hi, ddLow.lo, th, tl);
        ddAddParts(ddLow.hi, ddLow.lo, 2 * v, 0);
        ddMulParts(ddLow.hi, ddLow.lo, w, 0);
        return slopeTimes(ddLow.hi, ddLow.lo, 0);
      },
    },
    plain,
  );
}

// ---------------------------------------------------------------------------------------------
// SwiGLU: a·S(g), S(g) = g·σ(u), u = β·g; S′ = σ(u)·(1 + u·(1 − σ(u))), S″ = β·σ′(u)·(2 + u·(1 − 2σ(u))).

export function swigluKernel(w: number, b: number, v: number, c: number, beta: number): PointwiseKernel {
  /** The gate g = gh + gl and u = β·g = uh + ul, set by split for f, f′ or f″ to read. */
  const sw = { gh: 0, gl: 0, uh: 0, ul: 0 };
  // S(g) = g·σ(βg), S′ = σ + βg·σ′, S″ = β·σ′·(2 + βg·(1 − 2σ))
  const plain = {
    f: (x: number) => {
      const g = w * x + b;
      return (v * x + c) * (g * sigmoid(beta * g));
    },
    df: (x: number) => {
      const g = w * x + b;
      const u = beta * g;
      return w * ((v * x + c) * (sigmoid(u) + u * sigmoidDerivative(u))) + v * (g * sigmoid(u));
    },
    d2: (x: number) => {
      const g = w * x + b;
      const u = beta * g;
      const curvature = beta * sigmoidDerivative(u) * (2 + u * (1 - 2 * sigmoid(u)));
      return w * (w * ((v * x + c) * curvature)) + 2 * w * v * (sigmoid(u) + u * sigmoidDerivative(u));
    },
  };
  /** Splits σ(u) for u = β·(w·x + b); false in the tails or at x = ±∞. */
  const split = (x: number): boolean => {
    affineParts(w, b, x);
    const gh = ddLow.hi;
    const gl = ddLow.lo;
    const uh = beta * gh;
    if (!(uh > -TAIL && uh < TAIL && gh - gh === 0)) return false;
    const ul = twoProductError(beta, gh, uh) + beta * gl;
    sw.gh = gh;
    sw.gl = gl;
    sw.uh = uh;
    sw.ul = ul;
    lg.vh = uh;
    lg.vl = ul;
    splitLogistic();
    return true;
  };
  /** f, f′, f″ where σ(u) is 0 or 1 (tails) or x = ±∞, from the limits of σ and S. */
  const limit = (x: number, which: 0 | 1 | 2): number => {
    if (x !== x) return NaN;
    const g = w === 0 ? b : w * x + b;
    const a = v === 0 ? c : v * x + c;
    const u = beta === 0 ? 0 : beta * g;
    // σ(u) → 1 or 0 (β = 0: ½, and then S(g) = g/2, S′ = ½)
    const on = u > 0 ? 1 : u < 0 ? 0 : 0.5;
    if (which === 0) return on === 0 ? (a * g < 0 ? -0 : 0) : a * g * on;
    if (on === 0) return 0;
    if (which === 1) return on * (w * a + v * g);
    return on * 2 * w * v;
  };
  return withFallback(
    {
      f: (x) => {
        if (!split(x)) return limit(x, 0);
        affineParts(v, c, x);
        ddMulParts(ddLow.hi, ddLow.lo, sw.gh, sw.gl);
        lg.ch = ddLow.hi;
        lg.cl = ddLow.lo;
        sigmoidTimesPair();
        return lg.y;
      },
      // f′ = w·a·S′(g) + v·S(g)
      df: (x) => {
        if (!split(x)) return limit(x, 1);
        affineParts(v, c, x);
        ddMulParts(ddLow.hi, ddLow.lo, w, 0);
        const wah = ddLow.hi;
        const wal = ddLow.lo;
        ddMulParts(sw.gh, sw.gl, v, 0);
        const vgh = ddLow.hi;
        const vgl = ddLow.lo;
        if (lg.negative) {
          // e·(w·a·(D + u) + v·g·D)/D²
          ddAddParts(lg.dh, lg.dl, sw.uh, sw.ul);
          ddMulParts(wah, wal, ddLow.hi, ddLow.lo);
          const ph = ddLow.hi;
          const pl = ddLow.lo;
          ddMulParts(vgh, vgl, lg.dh, lg.dl);
          ddAddParts(ph, pl, ddLow.hi, ddLow.lo);
          return slopeTimes(ddLow.hi, ddLow.lo, 0);
        }
        // (w·a + v·g)/D + w·a·u·e/D²
        ddMulParts(wah, wal, sw.uh, sw.ul);
        slopeTimes(ddLow.hi, ddLow.lo, 0);
        const s = pow2(lg.k);
        const th = ddLow.hi * s;
        const tl = ddLow.lo * s;
        ddAddParts(wah, wal, vgh, vgl);
        ddMulParts(ddLow.hi, ddLow.lo, lg.ih, lg.il);
        ddAddParts(ddLow.hi, ddLow.lo, th, tl);
        return ddLow.hi;
      },
      // f″ = w²·a·S″(g) + 2·w·v·S′(g)
      d2: (x) => {
        if (!split(x)) return limit(x, 2);
        // S″/σ′ = β·(2 + u·(1 − 2σ(u))), w²·a times it, all as double-doubles (the sum vanishes at f″'s roots)
        oneMinusTwoSigmoidParts();
        ddMulParts(sw.uh, sw.ul, ddLow.hi, ddLow.lo);
        ddAddParts(ddLow.hi, ddLow.lo, 2, 0);
        ddMulParts(ddLow.hi, ddLow.lo, beta, 0);
        const ch = ddLow.hi;
        const cl = ddLow.lo;
        affineParts(v, c, x);
        ddMulParts(ddLow.hi, ddLow.lo, w * w, twoProductError(w, w, w * w));
        ddMulParts(ddLow.hi, ddLow.lo, ch, cl);
        const th = ddLow.hi;
        const tl = ddLow.lo;
        if (!(th - th === 0)) return plain.d2(x);
        const wv2 = 2 * w * v;
        if (lg.negative) {
          // σ′(u)·(w²·a·S″/σ′ + 2wv·(D + u)), S′ = σ′·(D + u)
          ddAddParts(lg.dh, lg.dl, sw.uh, sw.ul);
          ddMulParts(ddLow.hi, ddLow.lo, wv2, 0);
          ddAddParts(th, tl, ddLow.hi, ddLow.lo);
          return slopeTimes(ddLow.hi, ddLow.lo, 0);
        }
        // σ′·(w²·a·S″/σ′) + 2wv·S′, S′ = (D + u·e)/D² ≈ 1 here
        slopeTimes(th, tl, 0);
        const s = pow2(lg.k);
        const ph = ddLow.hi * s;
        const pl = ddLow.lo * s;
        ddMulParts(sw.uh, sw.ul, lg.e, lg.el * s);
        ddAddParts(lg.dh, lg.dl, ddLow.hi, ddLow.lo);
        ddMulParts(ddLow.hi, ddLow.lo, lg.ih, lg.il);
        ddMulParts(ddLow.hi, ddLow.lo, lg.ih, lg.il);
        ddMulParts(ddLow.hi, ddLow.lo, wv2, 0);
        ddAddParts(ph, pl, ddLow.hi, ddLow.lo);
        return ddLow.hi;
      },
    },
    plain,
  );
}

// ---------------------------------------------------------------------------------------------
// Dice: x·(σ(z) + α·σ(−z)), z = (x − mean)·r, r = 1/√(var + eps).

export function diceKernel(alpha: number, mean: number, variance: number, eps: number): PointwiseKernel {
  // r = 1/√(var + eps) as a double-double, var + eps exact
  const vh = variance + eps;
  ddSqrtParts(vh, twoSumError(variance, eps, vh));
  ddDivParts(1, 0, ddLow.hi, ddLow.lo);
  const rh = ddLow.hi;
  const rl = ddLow.lo;
  const plain = {
    f: (x: number) => {
      const z = (x - mean) * rh;
      return x * (sigmoid(z) + alpha * sigmoid(-z));
    },
    df: (x: number) => {
      const z = (x - mean) * rh;
      return sigmoid(z) + alpha * sigmoid(-z) + (1 - alpha) * (x * rh) * sigmoidDerivative(z);
    },
    d2: (x: number) => {
      const z = (x - mean) * rh;
      return (1 - alpha) * rh * sigmoidDerivative(z) * (2 + x * rh * (1 - 2 * sigmoid(z)));
    },
  };
  // α = 0, mean = 0: x·σ(r·x), Swish with β = r.
  if (alpha === 0 && mean === 0) return withFallback(swishKernel(1, rh, rl) as Required<PointwiseKernel>, plain);
  const oneMinusAlpha = 1 - alpha;
  const oneMinusAlphaLo = twoSumError(1, -alpha, oneMinusAlpha);
  /** z = (x − mean)·r in lg, σ(z) split; false in the tails (σ(z) is 0 or 1) or for x = ±∞. */
  const split = (x: number): boolean => {
    const n = x - mean;
    const nl = twoSumError(x, -mean, n);
    ddMulParts(n, nl, rh, rl);
    const zh = ddLow.hi;
    if (!(zh > -TAIL && zh < TAIL)) return false;
    lg.vh = zh;
    lg.vl = ddLow.lo;
    splitLogistic();
    return true;
  };
  /** σ(z) + α·σ(−z) as a double-double in ddLow (z ≥ 0: (1 + α·e)/D; z < 0: (α + e)/D). */
  const mix = (): void => {
    const s = pow2(lg.k);
    const ae = alpha * lg.e;
    const aeLo = twoProductError(alpha, lg.e, ae) + alpha * lg.el * s;
    const base = lg.negative ? alpha : 1;
    const other = lg.negative ? lg.e : ae;
    const otherLo = lg.negative ? lg.el * s : aeLo;
    const h = base + other;
    ddMulParts(h, twoSumError(base, other, h) + otherLo, lg.ih, lg.il);
  };
  const limit = (x: number, which: 0 | 1 | 2): number => {
    if (x !== x) return NaN;
    const on = x > mean; // z > 0: σ(z) = 1, σ(−z) = 0
    if (which === 2) return 0;
    if (which === 1) return on ? 1 : alpha;
    return on ? x : alpha === 0 ? (x < 0 ? -0 : 0) : alpha * x;
  };
  return withFallback(
    {
      f: (x) => {
        if (!split(x)) return limit(x, 0);
        if (alpha === 0 && lg.negative) {
          // x·e/D, scaled once into the subnormal range
          lg.ch = x;
          lg.cl = 0;
          sigmoidTimesPair();
          return lg.y;
        }
        mix();
        ddMulParts(x, 0, ddLow.hi, ddLow.lo);
        return ddLow.hi;
      },
      // f′ = (σ(z) + α·σ(−z)) + (1 − α)·x·r·σ′(z)
      df: (x) => {
        if (!split(x)) return limit(x, 1);
        ddMulParts(x, 0, rh, rl);
        ddMulParts(oneMinusAlpha, oneMinusAlphaLo, ddLow.hi, ddLow.lo);
        const qh = ddLow.hi;
        const ql = ddLow.lo;
        if (alpha === 0 && lg.negative) {
          // e·(D + x·r)/D²
          ddAddParts(lg.dh, lg.dl, qh, ql);
          return slopeTimes(ddLow.hi, ddLow.lo, 0);
        }
        slopeTimes(qh, ql, 0);
        const s = pow2(lg.k);
        const th = ddLow.hi * s;
        const tl = ddLow.lo * s;
        mix();
        ddAddParts(ddLow.hi, ddLow.lo, th, tl);
        return ddLow.hi;
      },
      // f″ = (1 − α)·r·σ′(z)·(2 + x·r·(1 − 2σ(z)))
      d2: (x) => {
        if (!split(x)) return limit(x, 2);
        // (1 − α)·r·(2 + x·r·(1 − 2σ(z))) with the bracket as a double-double
        oneMinusTwoSigmoidParts();
        const th = ddLow.hi;
        const tl = ddLow.lo;
        ddMulParts(x, 0, rh, rl);
        ddMulParts(ddLow.hi, ddLow.lo, th, tl);
        ddAddParts(ddLow.hi, ddLow.lo, 2, 0);
        ddMulParts(ddLow.hi, ddLow.lo, rh, rl);
        ddMulParts(ddLow.hi, ddLow.lo, oneMinusAlpha, oneMinusAlphaLo);
        return slopeTimes(ddLow.hi, ddLow.lo, 0);
      },
    },
    plain,
  );
}
