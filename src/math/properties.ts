/**
 * Properties of an activation function computed from the function itself — its kernel, its
 * declared kinks and its limits at ±∞ — never typed in by hand: output range, zero-centering,
 * monotonicity, smoothness, saturation, the range of f′, f′(0) and dead zones. Pure: no I/O, no
 * clock (the cost per evaluation is measured by the commands).
 *
 * How each is decided, briefly:
 * - Limits are f(±∞) and f′(±∞), which the catalog defines as the limits.
 * - Sampling: a uniform grid over [−R, R] (R = 30, or farther to cover every kink by 5), each kink
 *   and its neighbours at ±1e-9, and geometric tails out to ±1e7 for the saturation thresholds.
 *   Within |x| ≤ 30 no smooth function here has rounded to its limit or underflowed, so an exact
 *   0 of f′ there is a real flat piece, not an artefact of double precision.
 * - Range: the infimum is the smaller of the limits and the sampled minimum (refined by a
 *   golden-section search). It is attained when the sampled minimum lies strictly below both
 *   limits, or when f equals the limit on a flat piece (ReLU's 0 for x < 0); the supremum alike.
 *   The range of f′ is found the same way, with f″ (the kernel's, or differences of f′).
 * - Zero-centered (the source article's sense): f(0) = 0 and f takes both signs. Sigmoid, ReLU and
 *   Softplus are not: their outputs are never negative.
 * - Monotonic: from the signs of f′ away from kinks, and of f across each jump.
 * - Smoothness: discontinuous if f jumps, continuous if f′ jumps, C¹ if f″ jumps, else C∞
 *   (every smooth entry is built from analytic functions; what is checked is that f, f′ and f″
 *   have no jump). Jumps come from the declared kinks and from a scan: a step between grid points
 *   that is an outlier is bisected; a jump stays as the interval shrinks, a steep slope does not.
 *   A declared jump smaller than 1e-6 (relative) is a numerical switch, not a shape — torch's
 *   Softplus turns into x where beta·x > 20, a jump of 2.1e-9 — so it is listed in `switches` and
 *   left out of smoothness and monotonicity.
 * - Saturation (the source article's sense): left-saturating when f′ → 0 as x → −∞, right when
 *   x → +∞. For each saturating side, the |x| beyond which |f′| < 1e-3 (gradients vanish).
 * - Dead zones: open intervals where f′ = 0 exactly (ReLU: x < 0).
 */
import { goldenMin } from './golden.js';
import { arithmeticGrid } from './grid.js';
import type { ActivationFn, Kink, PointwiseKernel } from './types.js';

/** One end of a range: its value, whether some finite x attains it, and such an x. */
export interface Bound {
  readonly value: number;
  readonly attained: boolean;
  /** Where an isolated extremum is attained (absent for a limit, or a value held on a flat piece). */
  readonly at?: number;
}

export interface ValueRange {
  readonly lo: Bound;
  readonly hi: Bound;
}

export type Monotonicity =
  | 'increasing'
  | 'non-decreasing'
  | 'decreasing'
  | 'non-increasing'
  | 'constant'
  | 'not monotonic';
export type Smoothness = 'discontinuous' | 'continuous' | 'C¹' | 'C∞';

/** An open interval (from, to); either end may be infinite. */
export interface Zone {
  readonly from: number;
  readonly to: number;
}

export interface Side {
  /** f′ → 0 on this side. */
  readonly saturating: boolean;
  /** For a saturating side: |f′| < 1e-3 for every x beyond ±this (0: on the whole half-line). */
  readonly vanishBeyond?: number;
}

export interface Properties {
  /**
   * Vector functions (Softmax) depend on the whole input: their properties are those of one
   * sampled vector (x from −6 to 6 in steps of 0.1, as plotted), described here.
   */
  readonly sampledOn?: string;
  readonly range: ValueRange;
  /** f(−∞), f(+∞). */
  readonly limits: readonly [number, number];
  readonly zeroCentered: boolean;
  readonly monotonic: Monotonicity;
  readonly smoothness: Smoothness;
  readonly saturation: { readonly left: Side; readonly right: Side };
  readonly derivativeRange: ValueRange;
  /** f′(±∞). */
  readonly derivativeLimits: readonly [number, number];
  /** f′(0), the catalog's value (PyTorch's convention at a kink). */
  readonly derivativeAtZero: number;
  readonly deadZones: readonly Zone[];
  /** Declared jumps too small to count (see above): where, and the size of the jump in f. */
  readonly switches: readonly { readonly x: number; readonly jump: number }[];
}

/** A declared jump of f (and of f′) below this, relative to max(1, |f|), is a numerical switch. */
export const NEGLIGIBLE_JUMP = 1e-6;

/** f(x⁺) − f(x⁻) at a declared kink, from points just beside it less the slopes' share. */
function jumpAt(f: (x: number) => number, q: Kink): number {
  const d = 1e-12 * Math.max(1, Math.abs(q.x));
  return f(q.x + d) - f(q.x - d) - d * (q.left + q.right);
}

/** A declared kink that changes nothing visible: a jump of f and of f′ both below NEGLIGIBLE_JUMP. */
export function isSwitch(q: Kink, f: (x: number) => number): boolean {
  if (!q.jump || !Number.isFinite(q.x)) return false;
  const small = (a: number, b: number) => Math.abs(a - b) <= NEGLIGIBLE_JUMP * Math.max(1, Math.abs(a), Math.abs(b));
  const step = jumpAt(f, q);
  return Math.abs(step) <= NEGLIGIBLE_JUMP * Math.max(1, Math.abs(f(q.x))) && small(q.left, q.right);
}

/** |f′| below this is where gradients vanish, in the sense of the saturation threshold. */
export const VANISHING_GRADIENT = 1e-3;
/** Half-width of the sampled region (farther where kinks are): exact zeros there are real (see above). */
const TRUSTED = 30;
const TAIL_END = 1e7;
const SCAN_POINTS = 20_000;

// ---------------------------------------------------------------------------------------------
// Sampling

export interface Samples {
  /** Sorted, distinct, finite. */
  readonly x: Float64Array;
  /** Indices of x that are exactly a kink (where f′ is a convention, not a derivative). */
  readonly atKink: Uint8Array;
  /** The grid spans [−reach, reach]. */
  readonly reach: number;
}

function scanGrid(kinks: readonly Kink[]): Samples {
  const finite = kinks.map((k) => k.x).filter(Number.isFinite);
  const reach = Math.max(TRUSTED, ...finite.map((k) => Math.abs(k) + 5));
  const step = Math.max(1e-3, (2 * reach) / SCAN_POINTS);
  // n + 1 points from −reach to reach (none when a huge kink makes the span overflow).
  const n = Math.round((2 * reach) / step);
  const xs = Number.isFinite(n) ? Array.from(arithmeticGrid(-reach, step, n + 1)) : [];
  xs.push(0);
  for (const k of finite) {
    const d = 1e-9 * Math.max(1, Math.abs(k));
    xs.push(k - d, k, k + d);
  }
  const x = Float64Array.from(new Set(xs.map((v) => (v === 0 ? 0 : v)))).sort();
  const kinkSet = new Set(finite);
  const atKink = Uint8Array.from(x, (v) => (kinkSet.has(v) ? 1 : 0));
  return { x, atKink, reach };
}

/** Geometric tails from the edge of the grid out to ±1e7, for saturation thresholds. */
function tails(reach: number): Float64Array {
  const out: number[] = [];
  for (let t = reach * 1.02; t < TAIL_END; t *= 1.02) out.push(-t, t);
  out.push(-TAIL_END, TAIL_END);
  return Float64Array.from(out).sort();
}

function map(g: (x: number) => number, x: Float64Array): Float64Array {
  return Float64Array.from(x, g);
}

// ---------------------------------------------------------------------------------------------
// Limits and ranges

/** g(±∞), falling back to g(±1e300) where a function does not define its limit. */
function limitOf(g: (x: number) => number, sign: 1 | -1): number {
  const v = g(sign * Infinity);
  return Number.isNaN(v) ? g(sign * 1e300) : v;
}

/** Maximal runs [i, j] of consecutive samples (not at kinks) where `pred` holds, at least 2 long. */
function runs(n: number, pred: (i: number) => boolean, atKink: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const ok = i < n && !atKink[i] && pred(i);
    if (ok && start < 0) start = i;
    if (!ok && start >= 0) {
      if (i - 1 > start) out.push([start, i - 1]);
      start = -1;
    }
  }
  return out;
}

interface Curve {
  readonly g: (x: number) => number;
  readonly values: Float64Array;
  readonly limits: readonly [number, number];
  /** Runs of samples where g is constant (its derivative is exactly 0). */
  readonly flat: readonly [number, number][];
}

/**
 * The range of g over ℝ: see the file comment. `sign` 1 finds the infimum, −1 the supremum
 * (by negating g).
 */
function bound(c: Curve, s: Samples, sign: 1 | -1): Bound {
  const { x } = s;
  let best = Infinity;
  let at = -1;
  for (let i = 0; i < x.length; i++) {
    const v = sign * c.values[i]!;
    if (v < best) {
      best = v;
      at = i;
    }
  }
  const limit = Math.min(sign * c.limits[0], sign * c.limits[1]);
  // (Where g → +∞ on both sides, the tolerance must not turn ∞ − ∞ into NaN: SQU, NCU's f′.)
  const tolerance = Number.isFinite(limit) ? 1e-12 * Math.max(1, Math.abs(limit)) : 0;
  if (at >= 0 && best < limit - tolerance) {
    // An interior extremum: refine it unless it sits at a kink or is held on a flat piece.
    const onFlat = c.flat.some(([i]) => sign * c.values[i]! === best);
    if (!s.atKink[at] && !onFlat && at > 0 && at < x.length - 1) {
      const m = goldenMin((t) => sign * c.g(t), x[at - 1]!, x[at + 1]!, 1e-15, 80);
      if (m.y < best) return { value: sign * m.y, attained: true, at: m.x };
    }
    return onFlat ? { value: sign * best, attained: true } : { value: sign * best, attained: true, at: x[at]! };
  }
  // The bound is a limit at ±∞; attained only where g equals it on a flat piece.
  for (const [i] of c.flat) {
    if (sign * c.values[i]! === limit) return { value: sign * limit, attained: true };
  }
  return { value: sign * limit, attained: false };
}

function rangeOf(c: Curve, s: Samples): ValueRange {
  return { lo: bound(c, s, 1), hi: bound(c, s, -1) };
}

// ---------------------------------------------------------------------------------------------
// Jumps (smoothness)

/**
 * Whether g has a jump in [a, b]: bisect toward the half with the larger change until the
 * interval is narrower than `width`; a jump keeps its size, a continuous g's change shrinks.
 */
function jumpWithin(g: (x: number) => number, a: number, b: number, width: number, tol: number): boolean {
  let ga = g(a);
  let gb = g(b);
  for (let i = 0; i < 200 && b - a > width; i++) {
    const m = a + (b - a) / 2;
    const gm = g(m);
    if (Math.abs(gm - ga) >= Math.abs(gb - gm)) {
      b = m;
      gb = gm;
    } else {
      a = m;
      ga = gm;
    }
  }
  const change = Math.abs(gb - ga);
  return change > tol * Math.max(1, Math.abs(ga), Math.abs(gb)) || (Number.isNaN(change) && !Number.isNaN(ga + gb));
}

/**
 * Whether g jumps anywhere on the uniform part of the grid or at one of `points`. Candidates are
 * steps that are outliers against both neighbours.
 */
function hasJump(
  g: (x: number) => number,
  s: Samples,
  values: Float64Array,
  points: readonly number[],
  width: (x: number) => number,
  tol: number,
): boolean {
  const { x } = s;
  for (const p of points) {
    const w = 4 * width(p);
    if (jumpWithin(g, p - w, p + w, width(p), tol)) return true;
  }
  const floor = tol / 10;
  for (let i = 1; i + 2 < x.length; i++) {
    const d = Math.abs(values[i + 1]! - values[i]!);
    if (!(d > floor)) continue;
    const before = Math.abs(values[i]! - values[i - 1]!);
    const after = Math.abs(values[i + 2]! - values[i + 1]!);
    if (d > 8 * Math.max(before, after) && jumpWithin(g, x[i]!, x[i + 1]!, width(x[i]!), tol)) return true;
  }
  return false;
}

export function smoothnessOf(
  k: PointwiseKernel,
  kinks: readonly Kink[],
  s: Samples,
  f: Float64Array,
  df: Float64Array,
): Smoothness {
  if (kinks.some((q) => q.jump)) return 'discontinuous';
  // 0 too: pieces of a formula meet there without a declared kink (Softsign's f″ jumps from 2 to
  // −2, ELU's from α to 0), and a grid point at 0 splits such a jump into two steps that are no outliers.
  const at = [...kinks.map((q) => q.x).filter(Number.isFinite), 0];
  const exact = (x: number) => 1e-12 * Math.max(1, Math.abs(x));
  if (hasJump(k.f, s, f, at, exact, 1e-9)) return 'discontinuous';
  if (kinks.some((q) => q.left !== q.right)) return 'continuous';
  if (hasJump(k.df, s, df, at, exact, 1e-7)) return 'continuous';
  // f″: the kernel's where given; else central differences of f′ (steps of η, so jumps are
  // judged over intervals a few η wide).
  const eta = (x: number) => 1e-5 * Math.max(1, Math.abs(x));
  const d2 = k.d2 ?? ((x: number) => (k.df(x + eta(x)) - k.df(x - eta(x))) / (2 * eta(x)));
  const width = k.d2 ? exact : (x: number) => 4 * eta(x);
  return hasJump(d2, s, map(d2, s.x), at, width, 1e-3) ? 'C¹' : 'C∞';
}

// ---------------------------------------------------------------------------------------------
// Monotonicity, saturation, dead zones

function monotonicOf(
  s: Samples,
  df: Float64Array,
  kinks: readonly Kink[],
  k: PointwiseKernel,
  deadZones: number,
): Monotonicity {
  let up = false;
  let down = false;
  for (let i = 0; i < s.x.length; i++) {
    if (s.atKink[i]) continue;
    if (df[i]! > 0) up = true;
    if (df[i]! < 0) down = true;
  }
  for (const q of kinks) {
    if (!q.jump || !Number.isFinite(q.x)) continue;
    const d = 1e-9 * Math.max(1, Math.abs(q.x));
    const step = k.f(q.x + d) - k.f(q.x - d);
    if (step > 0) up = true;
    if (step < 0) down = true;
  }
  if (up && down) return 'not monotonic';
  if (up) return deadZones > 0 ? 'non-decreasing' : 'increasing';
  if (down) return deadZones > 0 ? 'non-increasing' : 'decreasing';
  return 'constant';
}

/** The open intervals where f′ = 0 exactly: runs of zero samples, widened to their true ends. */
function deadZonesOf(
  s: Samples,
  df: (x: number) => number,
  dfs: Float64Array,
  dfLimits: readonly [number, number],
  kinks: readonly Kink[],
): Zone[] {
  const { x } = s;
  const edges = kinks.map((q) => q.x).filter(Number.isFinite);
  const zones: Zone[] = [];
  for (const [i, j] of runs(x.length, (t) => dfs[t] === 0, s.atKink)) {
    const from = i === 0 && dfLimits[0] === 0 ? -Infinity : edge(df, x[i]!, x[i - 1], edges);
    const to = j === x.length - 1 && dfLimits[1] === 0 ? Infinity : edge(df, x[j]!, x[j + 1], edges);
    const last = zones[zones.length - 1];
    // A kink inside a dead zone (ReLU6's f′ at 6 is 0 on both sides) does not split it.
    if (last && last.to >= from) zones[zones.length - 1] = { from: last.from, to };
    else zones.push({ from, to });
  }
  return zones;
}

/**
 * Where a run of f′ = 0 ends, between its last sample `inside` and the next one: a kink if one
 * lies between, else found by bisection (and shown as a short decimal when it is one, e.g. −1).
 */
function edge(
  df: (x: number) => number,
  inside: number,
  outside: number | undefined,
  kinks: readonly number[],
): number {
  if (outside === undefined) return inside;
  const kink = kinks.find((k) => (k - inside) * (k - outside) <= 0);
  if (kink !== undefined) return kink;
  let a = inside;
  let b = outside;
  for (let i = 0; i < 200 && Math.abs(b - a) > 1e-15 * Math.max(1, Math.abs(a)); i++) {
    const m = a + (b - a) / 2;
    if (df(m) === 0) a = m;
    else b = m;
  }
  return tidy(a);
}

/** `v` as the nearest 12-digit decimal when that is within 1e-13 (−0.9999999999999998 → −1). */
export function tidy(v: number): number {
  const short = Number(v.toPrecision(12));
  return Math.abs(short - v) <= 1e-13 * Math.max(1, Math.abs(v)) ? short : v;
}

/**
 * For a side where f′ → 0: the smallest t ≥ 0 with |f′(x)| < 1e-3 for all x beyond ±t, from the
 * samples (grid and tails), refined by bisection between the last sample above and the first below.
 */
function vanishBeyond(df: (x: number) => number, xs: Float64Array, kinks: readonly number[], dir: 1 | -1): number {
  // Walk outward from 0 (skipping kinks, where f′ is a convention); remember the farthest sample
  // where |f′| is still at or above the threshold.
  const side = xs.filter((v) => (dir > 0 ? v >= 0 : v <= 0) && !kinks.includes(v)).sort();
  if (dir < 0) side.reverse();
  let last = -1;
  for (let i = 0; i < side.length; i++) if (Math.abs(df(side[i]!)) >= VANISHING_GRADIENT) last = i;
  if (last < 0) return 0;
  if (last === side.length - 1) return Infinity;
  let inner = side[last]!;
  let outer = side[last + 1]!;
  const kink = kinks.find((k) => (k - inner) * (k - outer) <= 0);
  if (kink !== undefined) return Math.abs(kink);
  for (let i = 0; i < 100 && Math.abs(outer - inner) > 1e-12 * Math.max(1, Math.abs(inner)); i++) {
    const m = inner + (outer - inner) / 2;
    if (Math.abs(df(m)) >= VANISHING_GRADIENT) inner = m;
    else outer = m;
  }
  return Math.abs(outer);
}

// ---------------------------------------------------------------------------------------------

function pointwiseProperties(k: PointwiseKernel, declared: readonly Kink[]): Properties {
  const switches = declared.filter((q) => isSwitch(q, k.f));
  const kinks = declared.filter((q) => !switches.includes(q));
  const s = scanGrid(declared);
  const f = map(k.f, s.x);
  const df = map(k.df, s.x);
  const limits: [number, number] = [limitOf(k.f, -1), limitOf(k.f, 1)];
  const dfLimits: [number, number] = [limitOf(k.df, -1), limitOf(k.df, 1)];
  const n = s.x.length;
  // f is flat where f′ = 0 exactly; f′ is flat where f″ = 0 (the kernel's f″, else equal f′ values).
  // The grid stays within the region where such zeros are real (see the file comment).
  const fFlat = runs(n, (i) => df[i] === 0, s.atKink);
  const d2 = k.d2 ? map(k.d2, s.x) : undefined;
  const dfFlat = runs(n, (i) => (d2 ? d2[i] === 0 : i + 1 < n && df[i + 1] === df[i]), s.atKink);
  const range = rangeOf({ g: k.f, values: f, limits, flat: fFlat }, s);
  const derivativeRange = rangeOf({ g: k.df, values: df, limits: dfLimits, flat: dfFlat }, s);
  const deadZones = deadZonesOf(s, k.df, df, dfLimits, kinks);
  const all = Float64Array.from([...s.x, ...tails(s.reach)]);
  const kinkXs = kinks.map((q) => q.x).filter(Number.isFinite);
  const side = (lim: number, dir: 1 | -1): Side =>
    lim === 0 ? { saturating: true, vanishBeyond: vanishBeyond(k.df, all, kinkXs, dir) } : { saturating: false };
  const f0 = k.f(0);
  return {
    range,
    limits,
    zeroCentered: f0 === 0 && range.lo.value < 0 && range.hi.value > 0,
    monotonic: monotonicOf(s, df, kinks, k, deadZones.length),
    smoothness: smoothnessOf(k, kinks, s, f, df),
    saturation: { left: side(dfLimits[0], -1), right: side(dfLimits[1], 1) },
    derivativeRange,
    derivativeLimits: dfLimits,
    derivativeAtZero: k.df(0),
    deadZones,
    switches: switches.map((q) => ({ x: q.x, jump: jumpAt(k.f, q) })),
  };
}

/** Vector functions: the properties of one sampled vector, x = −6…6 step 0.1 (as plotted). */
function vectorProperties(fn: ActivationFn): Properties {
  const x = Float64Array.from({ length: 121 }, (_, i) => Math.round(-60 + i) / 10);
  const { y, dy } = fn.evaluate(x);
  const sampled = (v: Float64Array): ValueRange => {
    let lo = 0;
    let hi = 0;
    for (let i = 1; i < v.length; i++) {
      if (v[i]! < v[lo]!) lo = i;
      if (v[i]! > v[hi]!) hi = i;
    }
    return { lo: { value: v[lo]!, attained: true, at: x[lo]! }, hi: { value: v[hi]!, attained: true, at: x[hi]! } };
  };
  let up = false;
  let down = false;
  for (let i = 1; i < y.length; i++) {
    if (y[i]! > y[i - 1]!) up = true;
    if (y[i]! < y[i - 1]!) down = true;
  }
  const range = sampled(y);
  const i0 = 60;
  return {
    sampledOn: 'one vector x = −6…6 (step 0.1), as plotted',
    range,
    limits: [y[0]!, y[y.length - 1]!],
    zeroCentered: y[i0] === 0 && range.lo.value < 0 && range.hi.value > 0,
    monotonic: up && down ? 'not monotonic' : up ? 'increasing' : down ? 'decreasing' : 'constant',
    smoothness: fn.kinks.some((q) => q.jump) ? 'discontinuous' : fn.kinks.length ? 'continuous' : 'C∞',
    saturation: { left: { saturating: false }, right: { saturating: false } },
    derivativeRange: sampled(dy),
    derivativeLimits: [dy[0]!, dy[dy.length - 1]!],
    derivativeAtZero: dy[i0]!,
    deadZones: [],
    switches: [],
  };
}

/** Every property of `fn`, computed from its kernel, kinks and limits. */
export function computeProperties(fn: ActivationFn): Properties {
  if (fn.pointwise) return pointwiseProperties(fn.pointwise, fn.kinks);
  return vectorProperties(fn);
}

/** What a function costs to evaluate, as commands/cost.ts measures it (ns per point). */
export interface Cost {
  /** ns per evaluation of f. */
  readonly f: number;
  /** ns per evaluation of f′ (for vector functions: f and f′ together, per element). */
  readonly df: number;
  /** True for vector functions, where f and f′ come from one pass. */
  readonly together: boolean;
}
