/**
 * Where f′ = 0 (dead units: no gradient flows), and the Gaussian mass there. Found by scanning f′
 * in standard units t = (x − μ)/√q on a fine grid plus the kinks, and bisecting each change between
 * zero and non-zero down to adjacent doubles. Two kinds of exact zeros in double precision are not
 * dead zones and are left out:
 * - an isolated root of f′ (Hardswish′ at −1.5), a "zone" with no double inside;
 * - underflow: a saturating f′ that rounds to 0 far out (GELU(approximate=tanh)′ for x < −21.6,
 *   tanh² near 0 in Tanhshrink′). Beside a real dead zone f′ is a normal number (ReLU′ = 1,
 *   SparsePlus′ ≈ (x + 1)/2); beside an underflowed one it is below 1e−250.
 */
import { erf, erfc } from '../numerics/erf.js';
import { TAIL } from './gaussian.js';

/** Grid spacing in t: dead zones narrower than this (8× that beyond CORE) and holding no kink are missed. */
const SCAN_STEP = 1 / 64;
const CORE = 8;

/** Φ(b) − Φ(a) without cancellation in either tail or near 0. */
export function normalMass(a: number, b: number): number {
  const r = Math.SQRT1_2;
  if (a >= 0) return 0.5 * (erfc(a * r) - erfc(b * r));
  if (b <= 0) return 0.5 * (erfc(-b * r) - erfc(-a * r));
  // Across 0: a sum of two positive halves.
  return 0.5 * (erf(b * r) + erf(-a * r));
}

/** |f′| below this beside a zone means f′ underflowed there: not a dead zone. */
const UNDERFLOW = 1e-250;

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
  for (let i = 0; i <= n; i++) {
    const t = -TAIL + i * SCAN_STEP;
    // Beyond 8σ (mass < 1e−15) every 8th point is enough.
    if (Math.abs(t) <= CORE || i % 8 === 0) ts.push(t);
  }
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
  // f′ just outside a zone end, on the live side (in t, a relative step that stays a real step).
  const beside = (t: number, side: 1 | -1) => Math.abs(df(mean + sd * (t + side * 1e-9 * Math.max(1, Math.abs(t)))));
  for (let j = 0; j + 1 < bounds.length; j++) {
    if (!status[j]) continue;
    const a = bounds[j]!;
    const b = bounds[j + 1]!;
    // A double strictly inside, in x (the zone is in x; t's doubles are finer near |t| < 1).
    const xa = mean + sd * a;
    const xb = mean + sd * b;
    const xm = a === -Infinity ? (b === Infinity ? mean : xb - sd) : b === Infinity ? xa + sd : xa + (xb - xa) / 2;
    if (!(xm > xa && xm < xb) || df(xm) !== 0) continue;
    if ((a > -Infinity && beside(a, -1) < UNDERFLOW) || (b < Infinity && beside(b, 1) < UNDERFLOW)) continue;
    mass += normalMass(a, b);
    zones.push({ from: mean + sd * a, to: mean + sd * b });
  }
  return { zones, mass, edges: cuts.map((t) => mean + sd * t) };
}
