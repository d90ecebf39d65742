/**
 * Numerical differentiation of a scalar function, for checking analytic derivatives.
 *
 * Default: central differences with a step scaled to |x| (ε^(1/3)·max(1, |x|), where truncation
 * and rounding errors balance), refined by one Richardson step with twice that step. The method
 * `{ kind: 'central', eps: h }` is torch.autograd.gradcheck's plain central difference with step h.
 */

/** How derivatives are estimated: Richardson-refined with a scaled step, or plain with step `eps`. */
export type DifferenceMethod = { readonly kind: 'richardson' } | { readonly kind: 'central'; readonly eps: number };

export const RICHARDSON: DifferenceMethod = { kind: 'richardson' };

/** ε^(1/3): the step (relative to max(1, |x|)) at which central differences are most accurate. */
const CBRT_EPSILON = Math.cbrt(Number.EPSILON);

export interface DerivativeEstimate {
  /** The estimated derivative. */
  readonly value: number;
  /** An estimate of |value − exact|: truncation (from the two step sizes) plus rounding. */
  readonly error: number;
}

/** The base step h at x: scaled to |x| for Richardson, the given eps for plain differences. */
export function baseStep(x: number, method: DifferenceMethod): number {
  if (method.kind === 'central') return method.eps;
  const h = CBRT_EPSILON * Math.max(1, Math.abs(x));
  // Make x ± h exact in binary so that the divisor is the step actually taken.
  return x + h - x;
}

/**
 * How far from x the stencil that gives the derivative's value reaches. A kink closer than this
 * to x lies inside the stencil, so the difference there says nothing about f′(x).
 */
export function stencilReach(x: number, method: DifferenceMethod): number {
  const h = baseStep(x, method);
  return method.kind === 'richardson' ? 2 * h : h;
}

function centralDifference(f: (x: number) => number, x: number, h: number): { d: number; roundoff: number } {
  const xp = x + h;
  const xm = x - h;
  const fp = f(xp);
  const fm = f(xm);
  const d = (fp - fm) / (2 * h);
  // Each value carries about one ulp of rounding, which the difference divides by 2h; and x ± h
  // rounds, so the points may lie slightly nearer or farther apart than 2h (as in torch's gradcheck).
  const valueRounding = (Number.EPSILON * (Math.abs(fp) + Math.abs(fm))) / (2 * h);
  const stepRounding = (Math.abs(xp - xm - 2 * h) / (2 * h)) * Math.abs(d);
  return { d, roundoff: valueRounding + stepRounding };
}

/** f′(x) estimated numerically, with an estimate of its error. */
export function numericDerivative(f: (x: number) => number, x: number, method: DifferenceMethod): DerivativeEstimate {
  const h = baseStep(x, method);
  const fine = centralDifference(f, x, h);
  const coarse = centralDifference(f, x, 2 * h);
  // Central differences have error c·h² + O(h⁴): D(h) − D(2h) ≈ −3c·h², so the c·h² term of D(h)
  // is (D(h) − D(2h))/3 and removing it leaves O(h⁴).
  const truncation = (fine.d - coarse.d) / 3;
  if (method.kind === 'central') {
    // torch's plain difference; the coarse step serves only to estimate its error.
    return { value: fine.d, error: Math.abs(truncation) + fine.roundoff };
  }
  const value = fine.d + truncation;
  // Rounding in the extrapolated formula: (4/3)·fine + (1/3)·coarse. |truncation| estimates the
  // error left in D(h), which bounds that of the extrapolated value.
  const roundoff = (4 * fine.roundoff + coarse.roundoff) / 3;
  return { value, error: Math.abs(truncation) + roundoff };
}

/**
 * The one-sided derivatives of f at a kink k, from stencils that stay on one side of k: the
 * estimates at k ± 2r and k ± 4r (r the stencil reach) extrapolated linearly to k.
 */
export function oneSidedDerivatives(
  f: (x: number) => number,
  k: number,
  method: DifferenceMethod,
): { readonly left: number; readonly right: number } {
  const r = stencilReach(k, method);
  const side = (sign: 1 | -1) => {
    const near = numericDerivative(f, k + sign * 2 * r, method).value;
    const far = numericDerivative(f, k + sign * 4 * r, method).value;
    return 2 * near - far;
  };
  return { left: side(-1), right: side(1) };
}
