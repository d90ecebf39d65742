/**
 * `actfn propagate` and `actfn edge-of-chaos` as JSON (the contracts, numbers exact as in
 * ./numbers.ts) and as short summary tables.
 *
 * propagate --json: an array, one object per function:
 * `{ spec, name, params, sigmaW, sigmaB, sigmaW2, sigmaB2, q0, depth,
 *    fixedPoint: { q, chi1 } (q "Infinity" and chi1 null when q_l grows without bound),
 *    theory: { q: [q_0 … q_L], chi: [χ(q_0) … χ(q_{L−1})], gradient: [G_0 = 1 … G_L] },
 *    monteCarlo: { width, seed, q: […], gradient: […] } | null }`.
 * edge-of-chaos --json: an array, one object per function:
 * `{ spec, name, params, points: [{ qStar, sigmaB2, sigmaW2, stable }, …] }` ordered by q*; `stable`:
 * the length map's slope at q* is at most 1, so that deep networks settle there.
 */
import type { DepthProfile } from '../math/network/profile.js';
import type { EdgePoint } from '../math/network/edge-of-chaos.js';
import type { FixedPoint } from '../math/network/fixed-point.js';
import type { MlpMeasurement } from '../math/network/random-mlp.js';
import type { ActivationFn } from '../math/types.js';
import { exactJSON, formatSignificant } from './numbers.js';
import { boxTable } from './table-format.js';

export interface PropagateResult {
  readonly fn: ActivationFn;
  readonly sigmaW: number;
  readonly sigmaB: number;
  readonly q0: number;
  readonly depth: number;
  readonly fixedPoint: FixedPoint;
  readonly theory: DepthProfile;
  readonly monteCarlo?: MlpMeasurement & { readonly width: number; readonly seed: number };
}

function show(v: number): string {
  return formatSignificant(v, 5, '−');
}

export function propagateJSON(results: readonly PropagateResult[]): string {
  return (
    exactJSON(
      results.map((r) => ({
        spec: r.fn.spec,
        name: r.fn.name,
        params: { ...r.fn.params },
        sigmaW: r.sigmaW,
        sigmaB: r.sigmaB,
        sigmaW2: r.sigmaW * r.sigmaW,
        sigmaB2: r.sigmaB * r.sigmaB,
        q0: r.q0,
        depth: r.depth,
        fixedPoint: { q: r.fixedPoint.q, chi1: r.fixedPoint.chi1 ?? null },
        theory: { q: r.theory.q, chi: r.theory.chi, gradient: r.theory.gradient },
        monteCarlo: r.monteCarlo
          ? { width: r.monteCarlo.width, seed: r.monteCarlo.seed, q: r.monteCarlo.q, gradient: r.monteCarlo.gradient }
          : null,
      })),
    ) + '\n'
  );
}

/** χ₁'s verdict: what happens to gradients in a deep enough network. */
export function phase(chi1: number | undefined): string {
  if (chi1 === undefined) return 'q grows without bound';
  if (Math.abs(chi1 - 1) <= 1e-9) return 'critical (edge of chaos)';
  return chi1 < 1 ? 'gradients vanish' : 'gradients explode';
}

export async function propagateTable(
  results: readonly PropagateResult[],
  color: 0 | 1 | 2 | 3,
  maxWidth?: number,
): Promise<string> {
  const mc = results.some((r) => r.monteCarlo);
  const head = [
    'function',
    'σw',
    'σb',
    'q*',
    'χ₁',
    'phase',
    `q_L`,
    `G_L`,
    ...(mc ? ['q_L measured', 'G_L measured'] : []),
  ];
  const body = results.map((r) => {
    const L = r.depth;
    return [
      r.fn.label,
      show(r.sigmaW),
      show(r.sigmaB),
      show(r.fixedPoint.q),
      r.fixedPoint.chi1 === undefined ? '—' : show(r.fixedPoint.chi1),
      phase(r.fixedPoint.chi1),
      show(r.theory.q[L]!),
      show(r.theory.gradient[L]!),
      ...(mc ? (r.monteCarlo ? [show(r.monteCarlo.q[L]!), show(r.monteCarlo.gradient[L]!)] : ['—', '—']) : []),
    ];
  });
  const L = results[0]?.depth ?? 0;
  const note = `L = ${L} layers from q_0 = ${show(results[0]?.q0 ?? 1)}; G_L = ∏ χ(q_l), the gradient's squared size after L layers back\n`;
  return note + (await boxTable(head, body, color, 'right', maxWidth));
}

export interface EdgeResult {
  readonly fn: ActivationFn;
  readonly points: readonly EdgePoint[];
}

export function edgeJSON(results: readonly EdgeResult[]): string {
  return (
    exactJSON(
      results.map((r) => ({
        spec: r.fn.spec,
        name: r.fn.name,
        params: { ...r.fn.params },
        points: r.points.map((p) => ({ qStar: p.qStar, sigmaB2: p.sigmaB2, sigmaW2: p.sigmaW2, stable: p.stable })),
      })),
    ) + '\n'
  );
}

export async function edgeTable(
  results: readonly EdgeResult[],
  color: 0 | 1 | 2 | 3,
  maxWidth?: number,
): Promise<string> {
  const head = ['function', 'σw² at σb² = 0', 'σb² range', 'σw² range', 'stable points'];
  const body = results.map(({ fn, points: all }) => {
    const first = all[0];
    const points = all.filter((p) => p.stable);
    const b = points.map((p) => p.sigmaB2);
    const w = points.map((p) => p.sigmaW2);
    const range = (v: number[]) => (v.length ? `${show(Math.min(...v))} … ${show(Math.max(...v))}` : '—');
    return [
      fn.label,
      first && first.sigmaB2 === 0 ? show(first.sigmaW2) : '—',
      range(b),
      range(w),
      `${points.length} of ${all.length}`,
    ];
  });
  const note =
    'the curve χ₁ = 1 (stable fixed points drawn): below it gradients vanish (ordered), above it they explode (chaotic)\n';
  return note + (await boxTable(head, body, color, 'right', maxWidth));
}
