/**
 * GELU clipped to [lo, hi] (transformers' ClippedGELUActivation; gelu_10 is lo = −10, hi = 10),
 * with lo < 0 ≤ hi. GELU rises through every level ≥ 0 once; a level lo between GELU's minimum
 * (−0.16997 at x = −0.75179) and 0 it crosses twice, once on each side of the minimum, and
 * clipping at lo flattens the dip between the two crossings. The crossings are found once per
 * parameter set by bisection over doubles on our GELU (accurate to about an ulp), so the corners
 * sit at the double nearest the exact crossing, and f′ switches exactly there.
 */
import { gelu, geluDerivative, geluSecondDerivative } from './gelu.js';
import type { PointwiseKernel } from '../types.js';

/** GELU's minimum: its argument (a double-double's high word) and value. */
export const GELU_ARGMIN = -0.7517915246935645;
export const GELU_MIN = gelu(GELU_ARGMIN);

/** The double nearest where GELU crosses c between a and b, GELU monotonic there and c between its ends. */
function crossing(c: number, a: number, b: number): number {
  const rising = gelu(b) > gelu(a);
  let lo = a;
  let hi = b;
  for (let i = 0; i < 2100; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) break;
    const below = rising ? gelu(mid) <= c : gelu(mid) >= c;
    if (below) lo = mid;
    else hi = mid;
  }
  return Math.abs(gelu(lo) - c) <= Math.abs(gelu(hi) - c) ? lo : hi;
}

export interface ClippedGelu {
  readonly kernel: PointwiseKernel;
  /** Where GELU crosses hi (clipped beyond), and where it crosses lo (clipped between), if it does. */
  readonly upper: number;
  readonly lower?: readonly [number, number];
}

export function clippedGelu(lo: number, hi: number): ClippedGelu {
  const upper = hi === Infinity ? Infinity : crossing(hi, 0, hi + 10);
  const lower: readonly [number, number] | undefined =
    lo > GELU_MIN ? [crossing(lo, -40, GELU_ARGMIN), crossing(lo, GELU_ARGMIN, 0)] : undefined;
  const a = lower ? lower[0] : NaN;
  const b = lower ? lower[1] : NaN;
  const clipped = (x: number): boolean => x > upper || (x > a && x < b);
  const kernel: PointwiseKernel = {
    f: (x) => {
      if (x > upper) return hi;
      if (x > a && x < b) return lo;
      return Math.min(Math.max(gelu(x), lo), hi);
    },
    df: (x) => (clipped(x) ? 0 : geluDerivative(x)),
    d2: (x) => (clipped(x) ? 0 : geluSecondDerivative(x)),
  };
  return { kernel, upper, ...(lower ? { lower } : {}) };
}
