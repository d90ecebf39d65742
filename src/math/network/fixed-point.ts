/**
 * The fixed point q* of the length map that a deep network settles into from q₀, and χ₁ there:
 * χ₁ < 1, gradients vanish with depth (ordered phase); χ₁ > 1, they explode (chaotic phase).
 *
 * Iterating the map is what the network does, but near the edge of chaos it converges slowly
 * (tanh at σw² = 1 like 1/l), so after a few steps the direction of motion brackets the fixed point
 * and a root finder (Illinois) finishes it.
 */
import type { ActivationFn } from '../types.js';
import { checkInit, layerStep, lengthMap, type Init } from './length-map.js';

export interface FixedPoint {
  /** q*; Infinity when q_l grows without bound. */
  readonly q: number;
  /** χ₁ = σw²·E[f′(√q* z)²]; undefined without a finite q*. */
  readonly chi1?: number;
  readonly method: 'iteration' | 'root' | 'none';
}

const ITERATIONS = 24;
const TOO_LARGE = 1e150;
const RELATIVE = 1e-15;

/** The root of F in [a, b], F(a) and F(b) of opposite signs (or one of them 0). */
function illinois(F: (q: number) => number, a: number, fa: number, b: number, fb: number): number {
  let side = 0;
  for (let i = 0; i < 200; i++) {
    if (fa === 0) return a;
    if (fb === 0) return b;
    let c = (a * fb - b * fa) / (fb - fa);
    if (!(c > Math.min(a, b) && c < Math.max(a, b))) c = (a + b) / 2;
    const fc = F(c);
    if (Math.sign(fc) === Math.sign(fb)) {
      b = c;
      fb = fc;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = c;
      fa = fc;
      if (side === 1) fb /= 2;
      side = 1;
    }
    if (Math.abs(b - a) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b))) break;
  }
  return Math.abs(fa) < Math.abs(fb) ? a : b;
}

function solve(fn: ActivationFn, init: Init, q0: number): { q: number; method: FixedPoint['method'] } {
  const F = (q: number) => lengthMap(fn, q, init) - q;
  let q = q0;
  for (let i = 0; i < ITERATIONS; i++) {
    const next = lengthMap(fn, q, init);
    if (!(next < TOO_LARGE)) return { q: Infinity, method: 'none' };
    if (Math.abs(next - q) <= RELATIVE * next || next === q) return { q: next, method: 'iteration' };
    q = next;
  }
  const fq = F(q);
  if (fq > 0) {
    // Moving up: double until the map falls below the diagonal.
    let b = 2 * q;
    let fb = F(b);
    while (fb > 0) {
      if (b > TOO_LARGE) return { q: Infinity, method: 'none' };
      b *= 2;
      fb = F(b);
    }
    return { q: illinois(F, q, fq, b, fb), method: 'root' };
  }
  // Moving down: F(0) = σb² + σw²·f(0)² ≥ 0, so a root lies in [0, q].
  const f0 = F(0);
  let a = q;
  for (let k = 0; k < 12; k++) {
    a /= 16;
    const fa = F(a);
    if (fa >= 0) return { q: illinois(F, a, fa, q, fq), method: 'root' };
  }
  if (f0 > 0) return { q: illinois(F, 0, f0, a, F(a)), method: 'root' };
  return { q: 0, method: 'root' };
}

export function fixedPoint(fn: ActivationFn, init: Init, q0 = 1): FixedPoint {
  checkInit(init);
  if (!(q0 >= 0 && Number.isFinite(q0))) throw new RangeError(`q₀ must be finite and ≥ 0 (got ${q0})`);
  const { q, method } = solve(fn, init, q0);
  if (!Number.isFinite(q)) return { q, method };
  return { q, chi1: layerStep(fn, q, init).chi, method };
}
