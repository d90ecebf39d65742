/**
 * Yes/no traits of a function for `actfn list` filters — smooth, monotonic, bounded,
 * zero-centered, self-gated — computed from the function as properties.ts computes its
 * properties, but cheaply: each trait is decided only when asked for, from the kinks, the limits
 * at ±∞ and (for monotonic, bounded, zero-centered, self-gated) a coarse grid, so that filtering the
 * whole catalog costs a few milliseconds where computeProperties takes tens per function. The
 * definitions are those of properties.ts, and a test checks that both agree on every catalog entry:
 * - smooth: C∞ (smoothness 'C∞'): no jump of f, f′ or f″ (numerical switches aside); ELU is C¹.
 * - monotonic: non-decreasing or non-increasing (ReLU counts; Swish, GELU, Mish do not).
 * - bounded: both ends of the output range finite (Sigmoid, Tanh, ReLU6; not ReLU).
 * - zero-centered: f(0) = 0 and f takes both signs (the source article's sense).
 * - self-gated: f(x) = x·g(x) with a gate g = f/x that is continuous, never negative, tends to 0 as
 *   x → −∞ fast enough that f(−∞) = 0, and to a positive finite value as x → +∞: Swish, GELU, Mish,
 *   Hardswish and their kin. ReLU is not (its gate jumps from 0 to 1 at 0: a switch), nor ELU
 *   (f(−∞) = −α), nor LiSHT (f(−∞) = +∞). Computed: there is no hand-set flag.
 * Vector functions (Softmax) take their traits from computeProperties (one sampled vector, which is
 * cheap) and are never self-gated.
 */
import { computeProperties, isSwitch, smoothnessOf } from './properties.js';
import type { ActivationFn, Kink, PointwiseKernel } from './types.js';

export const TRAITS = ['smooth', 'monotonic', 'bounded', 'zeroCentered', 'selfGated'] as const;
export type Trait = (typeof TRAITS)[number];

/**
 * The coarse grid: 201 points over [−R, R] (R = 30, or past the farthest kink by 5, as in
 * properties.ts), 121 more over [−6, 6] where activations bend, and each kink with its neighbours.
 */
const GRID_POINTS = 201;
const REACH = 30;
const NEAR = 6;

function limitOf(g: (x: number) => number, sign: 1 | -1): number {
  const v = g(sign * Infinity);
  return Number.isNaN(v) ? g(sign * 1e300) : v;
}

interface Probe {
  readonly k: PointwiseKernel;
  readonly reach: number;
  /** Declared kinks that are not mere numerical switches. */
  readonly kinks: readonly Kink[];
  readonly x: Float64Array;
  readonly atKink: Uint8Array;
  readonly f: Float64Array;
}

function probe(k: PointwiseKernel, declared: readonly Kink[]): Probe {
  const kinks = declared.filter((q) => !isSwitch(q, k.f));
  const finite = kinks.map((q) => q.x).filter(Number.isFinite);
  const reach = Math.max(REACH, ...finite.map((v) => Math.abs(v) + 5));
  const xs: number[] = [0];
  for (let i = 0; i < GRID_POINTS; i++) xs.push(-reach + (2 * reach * i) / (GRID_POINTS - 1));
  for (let i = -60; i <= 60; i++) xs.push((NEAR * i) / 60);
  for (const v of finite) {
    const d = 1e-9 * Math.max(1, Math.abs(v));
    xs.push(v - d, v, v + d);
  }
  const x = Float64Array.from(new Set(xs)).sort();
  const kinkSet = new Set(finite);
  return {
    k,
    reach,
    kinks,
    x,
    atKink: Uint8Array.from(x, (v) => (kinkSet.has(v) ? 1 : 0)),
    f: Float64Array.from(x, k.f),
  };
}

/** C∞ as properties.ts decides it (smoothnessOf), on the coarse grid. */
function smooth(p: Probe): boolean {
  if (p.kinks.length > 0) return false;
  const samples = { x: p.x, atKink: p.atKink, reach: p.reach };
  return smoothnessOf(p.k, p.kinks, samples, p.f, Float64Array.from(p.x, p.k.df)) === 'C∞';
}

function monotonic(p: Probe): boolean {
  let up = false;
  let down = false;
  for (let i = 0; i < p.x.length; i++) {
    if (p.atKink[i]) continue;
    const d = p.k.df(p.x[i]!);
    if (d > 0) up = true;
    if (d < 0) down = true;
  }
  for (const q of p.kinks) {
    if (!q.jump || !Number.isFinite(q.x)) continue;
    const d = 1e-9 * Math.max(1, Math.abs(q.x));
    const step = p.k.f(q.x + d) - p.k.f(q.x - d);
    if (step > 0) up = true;
    if (step < 0) down = true;
  }
  return !(up && down);
}

/** The smallest and largest of f's limits and samples. */
function extent(p: Probe): [number, number] {
  let lo = Math.min(limitOf(p.k.f, -1), limitOf(p.k.f, 1));
  let hi = Math.max(limitOf(p.k.f, -1), limitOf(p.k.f, 1));
  for (const v of p.f) {
    if (v < lo || Number.isNaN(v)) lo = Number.isNaN(v) ? NaN : v;
    if (v > hi || Number.isNaN(v)) hi = Number.isNaN(v) ? NaN : v;
  }
  return [lo, hi];
}

function selfGated(p: Probe): boolean {
  const { k } = p;
  if (k.f(0) !== 0 || limitOf(k.f, -1) !== 0) return false;
  if (limitOf(k.f, 1) !== Infinity) return false;
  const slope = limitOf(k.df, 1);
  if (!(slope > 0 && slope < Infinity)) return false;
  // The gate f/x is continuous: no jump of f, and no corner at 0 (where f/x would jump).
  if (p.kinks.some((q) => q.jump || (q.x === 0 && q.left !== q.right))) return false;
  // Never negative: f has the sign of x.
  for (let i = 0; i < p.x.length; i++) if (p.x[i]! * p.f[i]! < 0) return false;
  return true;
}

function pointwiseTrait(p: Probe, trait: Trait): boolean {
  switch (trait) {
    case 'smooth':
      return smooth(p);
    case 'monotonic':
      return monotonic(p);
    case 'bounded': {
      const [lo, hi] = extent(p);
      return Number.isFinite(lo) && Number.isFinite(hi);
    }
    case 'zeroCentered': {
      const [lo, hi] = extent(p);
      return p.k.f(0) === 0 && lo < 0 && hi > 0;
    }
    case 'selfGated':
      return selfGated(p);
  }
}

/**
 * A tester for the traits of `fn`: the grid is built on the first question that needs it, and
 * shared by the rest.
 */
export function traitsOf(fn: ActivationFn): (trait: Trait) => boolean {
  if (!fn.pointwise) {
    const p = computeProperties(fn);
    return (trait) =>
      trait === 'smooth'
        ? p.smoothness === 'C∞'
        : trait === 'monotonic'
          ? p.monotonic !== 'not monotonic'
          : trait === 'bounded'
            ? Number.isFinite(p.range.lo.value) && Number.isFinite(p.range.hi.value)
            : trait === 'zeroCentered'
              ? p.zeroCentered
              : false;
  }
  const k = fn.pointwise;
  let cached: Probe | undefined;
  return (trait) => {
    cached ??= probe(k, fn.kinks);
    return pointwiseTrait(cached, trait);
  };
}
