/**
 * The edge of chaos: the (σb², σw²) where χ₁ = 1 at the fixed point. Parametrized by the fixed
 * point itself: for q*, the two conditions q* = σw²·E[f²] + σb² and σw²·E[f′²] = 1 give
 * σw² = 1/E[f′(√q* z)²] and σb² = q* − E[f(√q* z)²]/E[f′(√q* z)²] — one quadrature per point, no
 * nested root finding. Points with σb² < 0 are not realizable and are left out.
 *
 * A fixed point on the curve need not be stable: where the length map's slope σw²·dE[f(√q z)²]/dq
 * at q* exceeds 1, q_l runs away from q* and no deep network sits there (GELU near σb² = 0.05).
 * Each point says which it is.
 */
import type { ActivationFn } from '../types.js';
import { secondMoments, secondMomentsWithSlope } from './moments.js';

export interface EdgePoint {
  readonly qStar: number;
  readonly sigmaB2: number;
  readonly sigmaW2: number;
  /** The length map's slope at q* is below 1: deep networks settle at q*. */
  readonly stable: boolean;
}

export function edgePointAt(fn: ActivationFn, qStar: number): EdgePoint {
  if (qStar === 0) {
    // The limit q* → 0⁺: the slope of the map there is σw²·f′(0⁺)²-like, marginal; call it stable.
    const { f2, df2 } = secondMoments(fn, Number.MIN_VALUE);
    return { qStar, sigmaB2: -f2 / df2, sigmaW2: 1 / df2, stable: true };
  }
  const { f2, df2, dF2dq } = secondMomentsWithSlope(fn, qStar);
  const sigmaW2 = 1 / df2;
  // ReLU's slope is exactly 1 (marginal) for every q*: rounding must not call it unstable.
  return { qStar, sigmaB2: qStar - f2 / df2, sigmaW2, stable: sigmaW2 * dF2dq < 1 + 1e-9 };
}

export interface EdgeOptions {
  /** Largest σb² kept (default 1). */
  readonly maxSigmaB2?: number;
  /** q* is 0, then a log grid from qMin to qMax (defaults 1e-6, 1e4) with this many points (default 200). */
  readonly points?: number;
  readonly qMin?: number;
  readonly qMax?: number;
}

/** The curve, ordered by q*; σb² is in [0, maxSigmaB2]. */
export function edgeOfChaos(fn: ActivationFn, opts: EdgeOptions = {}): EdgePoint[] {
  const { maxSigmaB2 = 1, points = 200, qMin = 1e-6, qMax = 1e4 } = opts;
  const out: EdgePoint[] = [];
  const ratio = Math.log(qMax / qMin) / (points - 1);
  // q* = 0 first: the limit q* → 0⁺, where the curve meets σb² = 0 (tanh at σw² = 1).
  const grid = [0, ...Array.from({ length: points }, (_, i) => qMin * Math.exp(i * ratio))];
  for (const qStar of grid) {
    const p = edgePointAt(fn, qStar);
    // Rounding leaves σb² a hair below 0 where it is 0 (ReLU: q* − q*/2 / (1/2)).
    const sigmaB2 = Math.abs(p.sigmaB2) <= 1e-12 * Math.max(p.qStar, Number.MIN_VALUE) ? 0 : p.sigmaB2;
    if (sigmaB2 >= 0 && sigmaB2 <= maxSigmaB2 && Number.isFinite(p.sigmaW2)) out.push({ ...p, sigmaB2 });
  }
  return out;
}

/** The point of the curve with σb² = target (root in q*), or undefined if the curve misses it. */
export function edgeAtBias(fn: ActivationFn, sigmaB2: number, qMin = 1e-12, qMax = 1e6): EdgePoint | undefined {
  const g = (q: number) => edgePointAt(fn, q).sigmaB2 - sigmaB2;
  let a = qMin;
  let ga = g(a);
  if (ga === 0) return edgePointAt(fn, a);
  for (let b = a * 2; b <= qMax; b *= 2) {
    const gb = g(b);
    if (Math.sign(gb) !== Math.sign(ga)) {
      for (let i = 0; i < 200 && b - a > 1e-16 * b; i++) {
        const m = Math.sqrt(a * b) > a && Math.sqrt(a * b) < b && b / a > 2 ? Math.sqrt(a * b) : (a + b) / 2;
        const gm = g(m);
        if (Math.sign(gm) === Math.sign(ga)) {
          a = m;
          ga = gm;
        } else b = m;
      }
      return edgePointAt(fn, (a + b) / 2);
    }
    a = b;
    ga = gb;
  }
  return undefined;
}
