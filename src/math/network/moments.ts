/**
 * The moments of an activation under a Gaussian input z ~ N(μ, q): what a layer of it does to the
 * statistics of its inputs. The gain g = 1/√E[f(z)²] is the weight scale (std = g/√fan_in) that
 * keeps the second moment through a layer — √2 for ReLU at q = 1.
 */
import type { ActivationFn } from '../types.js';
import { deadZones } from './dead-zone.js';
import { gaussianExpectation } from './gaussian.js';
import { kinkPoints, pointwiseOf } from './pointwise.js';

export interface Moments {
  readonly mean: number;
  readonly variance: number;
  /** E[f(z)]. */
  readonly expectedF: number;
  /** E[|f(z)|]: the scale of E[f]'s error when E[f] is near 0 by cancellation. */
  readonly expectedAbsF: number;
  /** Var[f(z)]: E[f²] − E[f]² where that cannot cancel, else E[(f − E f)²] integrated as such. */
  readonly varianceF: number;
  /** E[f(z)²]. */
  readonly expectedF2: number;
  /** E[f′(z)]. */
  readonly expectedDf: number;
  /** E[f′(z)²]. */
  readonly expectedDf2: number;
  /** P(f′(z) = 0): the share of units that pass no gradient. */
  readonly deadMass: number;
  /** 1/√E[f(z)²]. */
  readonly gain: number;
  /** Estimated absolute error of E[f], E[f²], E[f′], E[f′²] (from the adaptive quadrature). */
  readonly errors: readonly [number, number, number, number];
}

/** Breakpoints of f under N(mean, variance): its kinks and the edges of its dead zones. */
function breakpointsOf(fn: ActivationFn, mean: number, variance: number) {
  const { df } = pointwiseOf(fn);
  const kinks = kinkPoints(fn);
  const dead = deadZones(df, mean, variance, kinks);
  return { dead, breakpoints: [...kinks, ...dead.edges] };
}

export function moments(fn: ActivationFn, mean = 0, variance = 1): Moments {
  const { f, df } = pointwiseOf(fn);
  const { dead, breakpoints } = breakpointsOf(fn, mean, variance);
  const first = gaussianExpectation(
    (x, out) => {
      const y = f(x);
      const d = df(x);
      out[0] = y;
      out[1] = y * y;
      out[2] = d;
      out[3] = d * d;
      out[4] = Math.abs(y);
    },
    5,
    { mean, variance, breakpoints },
  );
  const m = first.value[0]!;
  const e2 = first.value[1]!;
  // Var = E[f²] − m² loses at most a bit or two while m² ≤ E[f²]/2; beyond that (Sigmoid, Softplus:
  // a large mean) integrate E[(f − m)²] itself.
  const varianceF =
    m * m <= 0.5 * e2
      ? e2 - m * m
      : gaussianExpectation(
          (x, out) => {
            const c = f(x) - m;
            out[0] = c * c;
          },
          1,
          { mean, variance, breakpoints },
        ).value[0]!;
  const err = first.error;
  return {
    mean,
    variance,
    expectedF: m,
    expectedAbsF: first.value[4]!,
    varianceF,
    expectedF2: e2,
    expectedDf: first.value[2]!,
    expectedDf2: first.value[3]!,
    deadMass: dead.mass,
    gain: 1 / Math.sqrt(e2),
    errors: [err[0]!, err[1]!, err[2]!, err[3]!],
  };
}

/**
 * E[f(√q z)²] and E[f′(√q z)²] for z ~ N(0, 1): the two integrals of mean-field signal propagation.
 * `breakpoints` are f's kinks (dead-zone edges add accuracy but are found only when asked).
 */
export function secondMoments(fn: ActivationFn, q: number, withDeadEdges = false): { f2: number; df2: number } {
  const { f, df } = pointwiseOf(fn);
  const breakpoints = withDeadEdges ? breakpointsOf(fn, 0, q).breakpoints : kinkPoints(fn);
  const r = gaussianExpectation(
    (x, out) => {
      const y = f(x);
      const d = df(x);
      out[0] = y * y;
      out[1] = d * d;
    },
    2,
    { mean: 0, variance: q, breakpoints },
  );
  return { f2: r.value[0]!, df2: r.value[1]! };
}

/**
 * E[f(√q z)²], E[f′(√q z)²] and d/dq E[f(√q z)²] in one quadrature: differentiating the Gaussian
 * density in its variance gives d/dq E[g(x)] = E[g(x)·(x²/q − 1)]/(2q), x ~ N(0, q) — no f″ needed.
 */
export function secondMomentsWithSlope(fn: ActivationFn, q: number): { f2: number; df2: number; dF2dq: number } {
  const { f, df } = pointwiseOf(fn);
  const r = gaussianExpectation(
    (x, out) => {
      const y = f(x);
      const d = df(x);
      out[0] = y * y;
      out[1] = d * d;
      out[2] = y * y * ((x * x) / q - 1);
    },
    3,
    { mean: 0, variance: q, breakpoints: kinkPoints(fn) },
  );
  return { f2: r.value[0]!, df2: r.value[1]!, dF2dq: r.value[2]! / (2 * q) };
}
