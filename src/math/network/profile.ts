/**
 * Depth profiles of the mean-field theory: q_l for l = 0…L from q₀, and the gradient scale
 * G_l = ∏_{k<l} χ(q_k), the factor by which a gradient's squared size changes on its way back
 * through l layers to the input (G < 1: vanishing; > 1: exploding).
 */
import type { ActivationFn } from '../types.js';
import { checkInit, layerStep, type Init } from './length-map.js';

export interface DepthProfile {
  /** q_0 … q_L. */
  readonly q: Float64Array;
  /** χ(q_0) … χ(q_{L−1}). */
  readonly chi: Float64Array;
  /** G_0 = 1 … G_L. */
  readonly gradient: Float64Array;
}

export function depthProfile(fn: ActivationFn, init: Init, depth: number, q0 = 1): DepthProfile {
  checkInit(init);
  if (!(Number.isInteger(depth) && depth >= 0))
    throw new RangeError(`the depth must be a whole number ≥ 0 (got ${depth})`);
  if (!(q0 >= 0 && Number.isFinite(q0))) throw new RangeError(`q₀ must be finite and ≥ 0 (got ${q0})`);
  const q = new Float64Array(depth + 1);
  const chi = new Float64Array(depth);
  const gradient = new Float64Array(depth + 1);
  q[0] = q0;
  gradient[0] = 1;
  for (let l = 0; l < depth; l++) {
    const ql = q[l]!;
    if (!Number.isFinite(ql)) {
      // Overflowed: the rest of the profile is infinite, as the network's would be.
      q[l + 1] = ql;
      chi[l] = NaN;
      gradient[l + 1] = NaN;
      continue;
    }
    const { next, chi: c } = layerStep(fn, ql, init);
    q[l + 1] = next;
    chi[l] = c;
    gradient[l + 1] = gradient[l]! * c;
  }
  return { q, chi, gradient };
}
