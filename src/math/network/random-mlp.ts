/**
 * The mean-field quantities measured in one random MLP of finite width (float64, deterministic
 * with the seed), to see where the wide-network theory holds: weights N(0, σw²/width), biases
 * N(0, σb²), input h⁰ with ‖h⁰‖²/width = q₀, layers h^{l+1} = W^{l+1} f(h^l) + b^{l+1}.
 *
 * Measured: q_l = ‖h^l‖²/width, and the gradient scale G_l = ‖δ⁰‖²/‖δ^l‖², δ^l = ∂(r·h^L)/∂h^l for
 * a random r: the theory's ∏_{k<l} χ(q_k). Weights are kept for the way back when they fit in
 * KEEP_WEIGHTS doubles (512 wide, 50 deep: 105 MB), else regenerated from saved generator states
 * (twice the normals, no memory): the same numbers either way.
 */
import type { ActivationFn } from '../types.js';
import { checkInit, type Init } from './length-map.js';
import { pointwiseOf } from './pointwise.js';
import { createRng, type RngState } from './rng.js';

export interface MlpOptions extends Init {
  readonly width: number;
  readonly depth: number;
  readonly seed: number;
  /** Mean square of the input (default 1). */
  readonly q0?: number;
  /** Called after each forward and backward layer (2·depth calls), for a progress bar. */
  readonly onLayer?: (done: number, total: number) => void;
}

export interface MlpMeasurement {
  /** q_0 … q_L. */
  readonly q: Float64Array;
  /** G_0 = 1 … G_L. */
  readonly gradient: Float64Array;
}

export const MAX_WIDTH = 8192;
/** Up to this many weights (doubles) in all are kept between the forward and backward passes. */
export const KEEP_WEIGHTS = 2 ** 24;
export const MAX_DEPTH = 10_000;

export function randomMlp(fn: ActivationFn, opts: MlpOptions): MlpMeasurement {
  checkInit(opts);
  const { width: n, depth, seed, q0 = 1, onLayer } = opts;
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_WIDTH))
    throw new RangeError(`the width must be a whole number from 1 to ${MAX_WIDTH} (got ${n})`);
  if (!(Number.isInteger(depth) && depth >= 0 && depth <= MAX_DEPTH))
    throw new RangeError(`the depth must be a whole number from 0 to ${MAX_DEPTH} (got ${depth})`);
  if (!(q0 > 0 && Number.isFinite(q0))) throw new RangeError(`q₀ must be finite and > 0 (got ${q0})`);
  const { f, df } = pointwiseOf(fn);
  const rng = createRng(seed);
  const sw = Math.sqrt(opts.sigmaW2 / n);
  const sb = Math.sqrt(opts.sigmaB2);
  const h: Float64Array[] = [new Float64Array(n)];
  let s = 0;
  for (let i = 0; i < n; i++) {
    h[0]![i] = rng.normal();
    s += h[0]![i]! ** 2;
  }
  const scale = Math.sqrt((q0 * n) / s);
  for (let i = 0; i < n; i++) h[0]![i]! *= scale;
  const q = new Float64Array(depth + 1);
  q[0] = q0;
  // Forward: layer l+1's weights are drawn row by row from the state saved in states[l].
  const states: RngState[] = [];
  const keep = n * n * depth <= KEEP_WEIGHTS;
  const weights: Float64Array[] = [];
  const a = new Float64Array(n);
  const row = new Float64Array(n);
  for (let l = 0; l < depth; l++) {
    const prev = h[l]!;
    for (let j = 0; j < n; j++) a[j] = f(prev[j]!);
    states.push(rng.save());
    const w = keep ? new Float64Array(n * n) : undefined;
    const next = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const r = w ? w.subarray(i * n, (i + 1) * n) : row;
      rng.fillNormal(r);
      let acc = 0;
      for (let j = 0; j < n; j++) acc += r[j]! * a[j]!;
      const v = sw * acc + sb * rng.normal();
      next[i] = v;
      sum += v * v;
    }
    if (w) weights.push(w);
    h.push(next);
    q[l + 1] = sum / n;
    onLayer?.(l + 1, 2 * depth);
  }
  // Backward from a random direction r at the output.
  let delta = new Float64Array(n);
  for (let i = 0; i < n; i++) delta[i] = rng.normal();
  const norms = new Float64Array(depth + 1);
  norms[depth] = squaredNorm(delta);
  const acc = new Float64Array(n);
  const saved = rng.save();
  for (let l = depth - 1; l >= 0; l--) {
    const w = keep ? weights[l]! : undefined;
    if (!w) rng.restore(states[l]!);
    acc.fill(0);
    for (let i = 0; i < n; i++) {
      let r: Float64Array;
      if (w) r = w.subarray(i * n, (i + 1) * n);
      else {
        rng.fillNormal(row);
        rng.normal(); // the bias, drawn after each row on the way forward
        r = row;
      }
      const di = delta[i]!;
      for (let j = 0; j < n; j++) acc[j]! += r[j]! * di;
    }
    const prev = h[l]!;
    const back = new Float64Array(n);
    for (let j = 0; j < n; j++) back[j] = sw * acc[j]! * df(prev[j]!);
    delta = back;
    norms[l] = squaredNorm(delta);
    onLayer?.(2 * depth - l, 2 * depth);
  }
  rng.restore(saved);
  const gradient = Float64Array.from(norms, (v) => norms[0]! / v);
  return { q, gradient };
}

function squaredNorm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return s;
}
