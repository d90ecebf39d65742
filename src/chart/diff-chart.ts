/**
 * The chart of `actfn diff A B`: the differences f_A − f_B (above) and f′_A − f′_B (below) as
 * curves in two stacked panels sharing the x axis, sampled on the diff's own dense grid. Curves
 * break at the kinks of either function (a jump of f, or a corner, where Δf′ jumps).
 */
import { finitePieces } from '../math/sample.js';
import type { ActivationFn } from '../math/types.js';
import type { ChartModel, Polyline, ThemeName } from './model.js';
import { seriesColor } from './theme.js';

export interface DiffChartOptions {
  /** The points to draw through (sorted; the diff's grid, kinks included). */
  readonly x: Float64Array;
  /** Kinks of either function: curves break there. */
  readonly kinks: readonly number[];
  /** Names of A and B for the legend. */
  readonly labels: readonly [string, string];
  readonly title?: string;
  readonly theme: ThemeName;
}

/** g(x) over the points, cut at `breaks` (the break points themselves left out) and at non-finite values. */
function brokenCurve(g: (x: number) => number, x: Float64Array, breaks: ReadonlySet<number>): Polyline[] {
  const pieces: Polyline[] = [];
  let start = 0;
  const flush = (end: number) => {
    if (end > start) {
      const xs = x.subarray(start, end);
      pieces.push(...finitePieces(xs, Float64Array.from(xs, g)));
    }
  };
  for (let i = 0; i < x.length; i++) {
    if (breaks.has(x[i]!)) {
      flush(i);
      start = i + 1;
    }
  }
  flush(x.length);
  return pieces;
}

export function diffChart(fnA: ActivationFn, fnB: ActivationFn, options: DiffChartOptions): ChartModel {
  const A = fnA.pointwise!;
  const B = fnB.pointwise!;
  const [a, b] = options.labels;
  const jumps = new Set([...fnA.kinks, ...fnB.kinks].filter((k) => k.jump).map((k) => k.x));
  const kinks = new Set(options.kinks);
  const f = brokenCurve((t) => A.f(t) - B.f(t), options.x, jumps);
  const df = brokenCurve((t) => A.df(t) - B.df(t), options.x, kinks);
  return {
    title: options.title ?? `${a} − ${b}`,
    xRange: [options.x[0]!, options.x[options.x.length - 1]!],
    panels: [
      {
        series: [{ label: `f_A − f_B`, color: seriesColor(0), polylines: f }],
        yScale: 'linear',
        yLabel: 'Δf',
        legend: 'none',
      },
      {
        series: [{ label: `f′_A − f′_B`, color: seriesColor(1), polylines: df }],
        yScale: 'linear',
        yLabel: 'Δf′',
        legend: 'none',
      },
    ],
    theme: options.theme,
  };
}
