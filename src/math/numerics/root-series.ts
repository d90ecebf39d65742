/**
 * A function near a simple root r, as its Taylor series about r: g(x) = h·(a₁ + a₂h + a₃h² + …),
 * h = x − r. Near the root g is the small difference of larger terms (GELU′ = Φ(x) + x·φ(x) at
 * x ≈ −0.7518 is 0.226 − 0.226), so evaluating the usual formula loses relative accuracy however
 * well its terms are rounded. The series does not: h is exact (x − r_hi by Sterbenz, plus r's
 * low word), and h·(a₁ + …) is a product of accurate factors. Coefficients come from mpmath at
 * 80 digits (mp.taylor about mp.findroot's root), enough terms for 2^−59 over the whole radius.
 */

export interface RootSeries {
  /** The root as a double-double. */
  readonly rootHi: number;
  readonly rootLo: number;
  /** a₁ = g′(r) as a double-double. */
  readonly a1Hi: number;
  readonly a1Lo: number;
  /** a₂, a₃, …: g⁽ⁿ⁾(r)/n!. */
  readonly tail: Float64Array;
  /** Use the series for |x − r| < radius. */
  readonly radius: number;
}

export function rootSeries(
  rootHi: number,
  rootLo: number,
  a1Hi: number,
  a1Lo: number,
  radius: number,
  tail: readonly number[],
): RootSeries {
  return { rootHi, rootLo, a1Hi, a1Lo, radius, tail: Float64Array.from(tail) };
}

/** Whether x lies within the series' radius (false for NaN). */
export function nearRoot(s: RootSeries, xh: number): boolean {
  return Math.abs(xh - s.rootHi) < s.radius;
}

/** g(xh + xl) from the series, for |xh − r| < radius: about an ulp, however close to the root. */
export function sumRootSeries(s: RootSeries, xh: number, xl: number): number {
  const hh = xh - s.rootHi; // exact: xh is within a factor 2 of the root
  const hl = xl - s.rootLo;
  const h = hh + hl;
  const tail = s.tail;
  let t = 0;
  for (let i = tail.length - 1; i >= 0; i--) t = tail[i]! + h * t;
  const q = s.a1Hi + (s.a1Lo + h * t);
  return hh * q + hl * q;
}
