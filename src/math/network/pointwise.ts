/** The pointwise kernel of a function, or a one-line error for those (Softmax) that have none. */
import type { ActivationFn, PointwiseKernel } from '../types.js';

export function pointwiseOf(fn: ActivationFn): PointwiseKernel {
  if (fn.pointwise) return fn.pointwise;
  throw new RangeError(
    `${fn.label} acts on a whole vector, not one unit at a time: moments and signal propagation are for pointwise functions`,
  );
}

/** Finite kink positions (corners and jumps): breakpoints for quadrature. */
export function kinkPoints(fn: ActivationFn): number[] {
  return fn.kinks.map((k) => k.x).filter(Number.isFinite);
}
