/**
 * How much two activation functions differ over an interval, for f and for f′: the largest |Δ|
 * and where, the largest relative difference, and what the difference amounts to in float32,
 * bfloat16 and float16 (how many ulp of each format apart the two outputs land, and at how many
 * sampled points they round to different values).
 *
 * Points: `samples` evenly spaced x (a + (b − a)·i/(n − 1)), plus each kink of either function
 * inside the interval. Maxima of |Δ| and of the relative difference are refined between samples
 * (maximize.ts); the format figures are counted on the sample points, as they are about discrete
 * roundings (a difference in ulp is counted at the larger of the two values, so two values of
 * opposite signs near 0 are not as far apart as all the tiny numbers between them). f′ is not compared at a kink (it is a convention there, not a derivative), only
 * beside it. Points where either value is NaN or infinite (and the two are not the same infinity)
 * are skipped and counted. Pure: no I/O.
 */
import { MAX_POINTS, sampleGrid } from '../grid.js';
import type { ActivationFn, PointwiseKernel } from '../types.js';
import { castTo, FLOAT_FORMATS, ulpOf, ulpsApart, type FloatFormat } from './float-formats.js';
import { refinedMax, type Maximum } from './maximize.js';

export interface DiffOptions {
  readonly range: readonly [number, number];
  /** Evenly spaced points, ends included (at least 2). */
  readonly samples: number;
}

export interface FormatFigures {
  readonly format: FloatFormat['name'];
  /**
   * The most the two outputs differ once each is cast to the format, in ulp of the format at the
   * larger of the two (ulpsApart), over the sample points: 0 when they always cast alike.
   */
  readonly maxUlpDistance: number;
  /** Where (NaN when no point was compared). */
  readonly maxUlpDistanceAt: number;
  /** Sample points where the two outputs cast to different values of the format. */
  readonly differing: number;
  /** The largest |Δ| (maxAbs) in ulp of the format at the larger of the two values there. */
  readonly maxAbsInUlp: number;
}

export interface QuantityDiff {
  /** Largest |A − B| and where. */
  readonly maxAbs: Maximum;
  /** Largest |A − B| / max(|A|, |B|) (0 where both are 0) and where. */
  readonly maxRel: Maximum;
  /** Sample points compared. */
  readonly compared: number;
  /** Sample points left out: a value NaN or infinite. */
  readonly skipped: number;
  readonly formats: readonly FormatFigures[];
}

export interface DiffResult {
  readonly range: readonly [number, number];
  /** Every point sampled (kinks included), sorted. */
  readonly x: Float64Array;
  /** Kinks of either function inside the range. */
  readonly kinks: readonly number[];
  readonly f: QuantityDiff;
  readonly df: QuantityDiff;
}

/** The sample points: evenly spaced, plus the kinks inside the range. */
export function diffGrid(range: readonly [number, number], samples: number, kinks: readonly number[]): Float64Array {
  const [a, b] = range;
  const even = sampleGrid(a, b, { samples }, MAX_POINTS);
  const inside = kinks.filter((k) => k > a && k < b);
  if (inside.length === 0) return even;
  return Float64Array.from(new Set([...even, ...inside])).sort();
}

/** Two values are comparable when both are finite, or equal (the same infinity). */
function comparable(u: number, v: number): boolean {
  return (Number.isFinite(u) && Number.isFinite(v)) || (u === v && !Number.isNaN(u));
}

function absDiff(u: number, v: number): number {
  return u === v ? 0 : Math.abs(u - v);
}

function relDiff(u: number, v: number): number {
  if (u === v) return 0;
  return Math.abs(u - v) / Math.max(Math.abs(u), Math.abs(v));
}

/** Figures of one quantity (f or f′) from its values at the points, `a` of A and `b` of B. */
function quantityDiff(
  ga: (x: number) => number,
  gb: (x: number) => number,
  x: Float64Array,
  a: Float64Array,
  b: Float64Array,
  skip: (x: number) => boolean,
  kinks: readonly number[],
): QuantityDiff {
  const n = x.length;
  const abs = new Float64Array(n).fill(NaN);
  const rel = new Float64Array(n).fill(NaN);
  let compared = 0;
  let skipped = 0;
  for (let i = 0; i < n; i++) {
    if (skip(x[i]!)) continue;
    const u = a[i]!;
    const v = b[i]!;
    if (!comparable(u, v)) {
      skipped++;
      continue;
    }
    compared++;
    abs[i] = absDiff(u, v);
    rel[i] = relDiff(u, v);
  }
  // Between samples only finite, comparable values count toward a maximum.
  const at = (h: (u: number, v: number) => number) => (t: number) => {
    const u = ga(t);
    const v = gb(t);
    return comparable(u, v) ? h(u, v) : NaN;
  };
  const maxAbs = refinedMax(at(absDiff), x, abs, kinks);
  const maxRel = refinedMax(at(relDiff), x, rel, kinks);
  // One pass over the points for all three formats (the loop, not the casts, was half the cost).
  const most = FLOAT_FORMATS.map(() => 0);
  const mostAt = FLOAT_FORMATS.map(() => NaN);
  const differing = FLOAT_FORMATS.map(() => 0);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(abs[i]!)) continue;
    const u = a[i]!;
    const v = b[i]!;
    for (let j = 0; j < FLOAT_FORMATS.length; j++) {
      const format = FLOAT_FORMATS[j]!;
      const d = u === v ? 0 : ulpsApart(format, castTo(format, u), castTo(format, v));
      if (d > 0) differing[j]!++;
      if (d > most[j]! || Number.isNaN(mostAt[j]!)) {
        most[j] = d;
        mostAt[j] = x[i]!;
      }
    }
  }
  const scale = Number.isNaN(maxAbs.x) ? NaN : Math.max(Math.abs(ga(maxAbs.x)), Math.abs(gb(maxAbs.x)));
  const formats = FLOAT_FORMATS.map(
    (format, j): FormatFigures => ({
      format: format.name,
      maxUlpDistance: most[j]!,
      maxUlpDistanceAt: mostAt[j]!,
      differing: differing[j]!,
      maxAbsInUlp: maxAbs.value / ulpOf(format, scale),
    }),
  );
  return { maxAbs, maxRel, compared, skipped, formats };
}

function pointwiseOf(fn: ActivationFn, which: string): PointwiseKernel {
  if (!fn.pointwise)
    throw new Error(
      `${which} (${fn.label}) is a vector function: only pointwise functions can be compared point by point`,
    );
  return fn.pointwise;
}

/** The difference A − B over `options.range`: see the file comment. */
export function diffFunctions(fnA: ActivationFn, fnB: ActivationFn, options: DiffOptions): DiffResult {
  const A = pointwiseOf(fnA, 'the first function');
  const B = pointwiseOf(fnB, 'the second function');
  const [lo, hi] = options.range;
  const kinks = [...new Set([...fnA.kinks, ...fnB.kinks].map((k) => k.x))]
    .filter((k) => k > lo && k < hi)
    .sort((p, q) => p - q);
  const x = diffGrid(options.range, options.samples, kinks);
  const atKink = new Set(kinks);
  // f and f′ of one function at one x in turn: kernels keep the last argument's shared work
  // (GELU's e^(−x²/2), the tanh form's argument), which f′ then finds ready.
  const n = x.length;
  const fa = new Float64Array(n);
  const dfa = new Float64Array(n);
  const fb = new Float64Array(n);
  const dfb = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = x[i]!;
    fa[i] = A.f(t);
    dfa[i] = A.df(t);
    fb[i] = B.f(t);
    dfb[i] = B.df(t);
  }
  return {
    range: options.range,
    x,
    kinks,
    f: quantityDiff(A.f, B.f, x, fa, fb, () => false, kinks),
    df: quantityDiff(A.df, B.df, x, dfa, dfb, (t) => atKink.has(t), kinks),
  };
}
