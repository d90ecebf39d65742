/**
 * Mean-field signal propagation through a wide random network (Poole et al. 2016, Schoenholz et
 * al. 2017): weights N(0, σw²/fan_in), biases N(0, σb²). A unit's pre-activation is Gaussian with
 * variance q_l, which maps layer to layer by q_{l+1} = σw²·E[f(√q_l z)²] + σb²; a gradient's squared
 * size is multiplied per layer by χ(q_l) = σw²·E[f′(√q_l z)²].
 */
import type { ActivationFn } from '../types.js';
import { secondMoments } from './moments.js';

/** Weight and bias variances: σw² (times 1/fan_in) and σb². */
export interface Init {
  readonly sigmaW2: number;
  readonly sigmaB2: number;
}

export function checkInit(init: Init): void {
  const { sigmaW2, sigmaB2 } = init;
  if (!(sigmaW2 >= 0 && Number.isFinite(sigmaW2))) throw new RangeError(`σw² must be finite and ≥ 0 (got ${sigmaW2})`);
  if (!(sigmaB2 >= 0 && Number.isFinite(sigmaB2))) throw new RangeError(`σb² must be finite and ≥ 0 (got ${sigmaB2})`);
}

/** q ↦ (q_{next}, χ(q)): one layer of the length map and its gradient factor. */
export function layerStep(fn: ActivationFn, q: number, init: Init): { next: number; chi: number } {
  // At q = 0 the limit as q → 0⁺ (ReLU's χ is σw²/2 there, not σw²·ReLU′(0)²).
  const { f2, df2 } = secondMoments(fn, q === 0 ? Number.MIN_VALUE : q);
  return { next: init.sigmaW2 * f2 + init.sigmaB2, chi: init.sigmaW2 * df2 };
}

export function lengthMap(fn: ActivationFn, q: number, init: Init): number {
  return layerStep(fn, q, init).next;
}
