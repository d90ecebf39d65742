/**
 * Adaptive Gauss–Legendre quadrature of a vector-valued integrand over a list of panels: a panel
 * is accepted when its one-rule value and the sum over its two halves agree to the tolerance, else
 * it is split. Several integrands share each evaluation (f is evaluated once for E[f], E[f²], …).
 */
import { gaussLegendre } from './gauss-legendre.js';

/** Fills `out` (length k) with the integrands at t. */
export type VectorIntegrand = (t: number, out: Float64Array) => void;

export interface QuadratureResult {
  readonly value: Float64Array;
  /** Sum over accepted panels of |one rule − two halves|: an upper estimate of the error. */
  readonly error: Float64Array;
  /** Panels accepted (for tests and benches). */
  readonly panels: number;
}

const RULE = gaussLegendre(20);
/** Deepest bisection: a panel is at least 2⁻⁶⁰ of its starting width (a jump nobody declared). */
const MAX_DEPTH = 60;
/** Panels split at most this many times in one integral. */
const MAX_PANELS = 20_000;

/** ∫ h over [a, b] with the rule, added into acc. */
function panel(h: VectorIntegrand, a: number, b: number, k: number, acc: Float64Array, tmp: Float64Array): void {
  const half = (b - a) / 2;
  const mid = (a + b) / 2;
  acc.fill(0);
  for (let i = 0; i < RULE.nodes.length; i++) {
    h(mid + half * RULE.nodes[i]!, tmp);
    const w = RULE.weights[i]! * half;
    for (let c = 0; c < k; c++) acc[c]! += w * tmp[c]!;
  }
}

/** One rule per panel, no refinement: a rough value (for the scale of each component). */
export function integrateOnce(h: VectorIntegrand, k: number, edges: readonly number[]): Float64Array {
  const value = new Float64Array(k);
  const acc = new Float64Array(k);
  const tmp = new Float64Array(k);
  for (let i = 0; i + 1 < edges.length; i++) {
    panel(h, edges[i]!, edges[i + 1]!, k, acc, tmp);
    for (let c = 0; c < k; c++) value[c]! += acc[c]!;
  }
  return value;
}

/**
 * ∫ h over the union of consecutive panels [edges[i], edges[i+1]]. `tolerance[c]` is the absolute
 * error allowed per accepted panel for component c.
 */
export function integratePanels(
  h: VectorIntegrand,
  k: number,
  edges: readonly number[],
  tolerance: Float64Array,
): QuadratureResult {
  const value = new Float64Array(k);
  const error = new Float64Array(k);
  const tmp = new Float64Array(k);
  let panels = 0;
  let evaluated = 0;
  // Each stacked panel carries its one-rule value, computed as a half of its parent.
  const stack: { a: number; b: number; depth: number; whole: Float64Array }[] = [];
  for (let i = edges.length - 2; i >= 0; i--) {
    const whole = new Float64Array(k);
    panel(h, edges[i]!, edges[i + 1]!, k, whole, tmp);
    stack.push({ a: edges[i]!, b: edges[i + 1]!, depth: 0, whole });
  }
  while (stack.length) {
    const { a, b, depth, whole } = stack.pop()!;
    const m = (a + b) / 2;
    const left = new Float64Array(k);
    const right = new Float64Array(k);
    panel(h, a, m, k, left, tmp);
    panel(h, m, b, k, right, tmp);
    evaluated++;
    // Give up refining (accepting what is there, with its error) past the depth or the budget:
    // an integrand that is NaN on an interval must not split forever.
    let ok = depth >= MAX_DEPTH || evaluated > MAX_PANELS || !(m > a && m < b);
    if (!ok) {
      ok = true;
      for (let c = 0; c < k; c++) {
        // Non-finite on both levels (f² overflowing, f NaN on an interval): splitting cannot help.
        if (!Number.isFinite(whole[c]!) && !Number.isFinite(left[c]! + right[c]!)) continue;
        if (!(Math.abs(whole[c]! - left[c]! - right[c]!) <= tolerance[c]!)) ok = false;
      }
    }
    if (ok) {
      panels++;
      for (let c = 0; c < k; c++) {
        value[c]! += left[c]! + right[c]!;
        error[c]! += Math.abs(whole[c]! - left[c]! - right[c]!);
      }
    } else {
      stack.push({ a: m, b, depth: depth + 1, whole: right }, { a, b: m, depth: depth + 1, whole: left });
    }
  }
  return { value, error, panels };
}
