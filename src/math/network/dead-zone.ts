/**
 * Where f′ = 0 (dead units: no gradient flows), and the Gaussian mass there. Found by scanning f′
 * in standard units t = (x − μ)/√q on a fine grid plus the kinks, and bisecting each change between
 * zero and non-zero down to adjacent doubles. "Zero" is f′ computed as exactly 0: far out (|x| of
 * hundreds) a saturating f′ underflows to 0, which counts only once the variance reaches there.
 */
import { erfc } from '../numerics/erf.js';
import { TAIL } from './gaussian.js';

/** Grid spacing in t: dead zones narrower than this and holding no kink are missed. */
const SCAN_STEP = 1 / 64;

/** Φ(b) − Φ(a) without cancellation in either tail. */
export function normalMass(a: number, b: number): number {
  const r = Math.SQRT1_2;
  if (a >= 0) return 0.5 * (erfc(a * r) - erfc(b * r));
  if (b <= 0) return 0.5 * (erfc(-b * r) - erfc(-a * r));
  return 1 - 0.5 * (erfc(-a * r) + erfc(b * r));
}

export interface DeadZones {
  /** Intervals (in x, ends ±∞ allowed) where f′ = 0. */
  readonly zones: readonly { readonly from: number; readonly to: number }[];
  /** P(f′(x) = 0) for x ~ N(μ, q). */
  readonly mass: number;
  /** The ends of the zones, in x: breakpoints for the quadrature. */
  readonly edges: readonly number[];
}

/** The t where `dead` changes between t0 (status s0) and t1, to adjacent doubles. */
function bisect(dead: (t: number) => boolean, t0: number, t1: number, s0: boolean): number {
  let a = t0;
  let b = t1;
  for (let i = 0; i < 200; i++) {
    const m = a + (b - a) / 2;
    if (!(m > a && m < b)) break;
    if (dead(m) === s0) a = m;
    else b = m;
  }
  return b;
}

export function deadZones(
  df: (x: number) => number,
  mean: number,
  variance: number,
  kinks: readonly number[],
): DeadZones {
  if (variance === 0) {
    const d = df(mean) === 0;
    return { zones: d ? [{ from: mean, to: mean }] : [], mass: d ? 1 : 0, edges: [] };
  }
  const sd = Math.sqrt(variance);
  const dead = (t: number) => df(mean + sd * t) === 0;
  const ts: number[] = [];
  const n = Math.round((2 * TAIL) / SCAN_STEP);
  for (let i = 0; i <= n; i++) ts.push(-TAIL + i * SCAN_STEP);
  for (const x of kinks) {
    const t = (x - mean) / sd;
    // Either side of a kink, not on it: f′ there is a convention (ReLU′(0) = 0), a point of no mass.
    if (Math.abs(t) < TAIL) ts.push(t * (1 - 1e-12) - 1e-12, t * (1 + 1e-12) + 1e-12);
  }
  ts.sort((a, b) => a - b);
  const cuts: number[] = [];
  let prev = dead(ts[0]!);
  const status = [prev];
  for (let i = 1; i < ts.length; i++) {
    const s = dead(ts[i]!);
    if (s !== prev) {
      cuts.push(bisect(dead, ts[i - 1]!, ts[i]!, prev));
      status.push(s);
    }
    prev = s;
  }
  // Segments between cuts, the first and last reaching to ∓∞; status[j] is segment j's.
  const bounds = [-Infinity, ...cuts, Infinity];
  const zones: { from: number; to: number }[] = [];
  let mass = 0;
  for (let j = 0; j + 1 < bounds.length; j++) {
    if (!status[j]) continue;
    const a = bounds[j]!;
    const b = bounds[j + 1]!;
    mass += normalMass(a, b);
    zones.push({ from: mean + sd * a, to: mean + sd * b });
  }
  return { zones, mass, edges: cuts.map((t) => mean + sd * t) };
}
