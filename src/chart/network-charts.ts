/**
 * Chart models for signal propagation: depth profiles (q_l above, the gradient scale on a log axis
 * below, x = layer) and edge-of-chaos curves (x = σb², y = σw²). Line charts over the same model
 * as the function charts; a measured (Monte Carlo) curve is a thinner line in its theory's color.
 */
import type { ChartModel, LegendPlacement, Polyline, Series, ThemeName } from './model.js';
import { seriesColor } from './theme.js';

export interface ChartLook {
  /** Overrides the default title; '' for none. */
  readonly title?: string;
  readonly legend: LegendPlacement;
  readonly theme: ThemeName;
}

/** Finite points (positive ones on a log axis) as polylines broken at the others. */
export function pieces(x: ArrayLike<number>, y: ArrayLike<number>, positive = false): Polyline[] {
  const out: Polyline[] = [];
  let xs: number[] = [];
  let ys: number[] = [];
  const flush = () => {
    if (xs.length) out.push({ x: Float64Array.from(xs), y: Float64Array.from(ys) });
    xs = [];
    ys = [];
  };
  for (let i = 0; i < x.length; i++) {
    const v = y[i]!;
    if (Number.isFinite(v) && (!positive || v > 0)) {
      xs.push(x[i]!);
      ys.push(v);
    } else flush();
  }
  flush();
  return out;
}

export interface ProfileCurves {
  readonly label: string;
  /** q_0 … q_L and G_0 … G_L. */
  readonly q: Float64Array;
  readonly gradient: Float64Array;
  readonly measured?: { readonly q: Float64Array; readonly gradient: Float64Array };
}

const MEASURED_WIDTH = 0.75;

/**
 * A y range for data that is flat to rounding (q_l = 1 at every layer with ReLU at its gain):
 * fitting a span of a few ulp would make ticks of 1e−16; show the level in a sensible window.
 */
export function flatRange(series: readonly Series[], log: boolean): readonly [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (const p of s.polylines) {
      for (const v of p.y) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  if (!(hi >= lo) || hi - lo > 1e-9 * Math.max(Math.abs(lo), Math.abs(hi))) return undefined;
  if (log) return [lo / 10, hi * 10];
  return hi > 0 ? [0, 2 * hi] : hi < 0 ? [2 * lo, 0] : [-1, 1];
}

export function propagateChart(curves: readonly ProfileCurves[], look: ChartLook): ChartModel {
  const depth = Math.max(1, ...curves.map((c) => c.q.length - 1));
  const layers = Float64Array.from({ length: depth + 1 }, (_, l) => l);
  const series = (pick: (c: ProfileCurves) => Float64Array | undefined, log: boolean, measured: boolean): Series[] =>
    curves.flatMap((c, i) => {
      const y = pick(c);
      if (!y) return [];
      const s: Series = {
        label: measured ? `${c.label} (measured)` : c.label,
        color: seriesColor(i),
        polylines: pieces(layers, y, log),
      };
      return [measured ? { ...s, width: MEASURED_WIDTH } : s];
    });
  const q = [...series((c) => c.q, false, false), ...series((c) => c.measured?.q, false, true)];
  const g = [...series((c) => c.gradient, true, false), ...series((c) => c.measured?.gradient, true, true)];
  return {
    title: look.title ?? 'signal propagation',
    xRange: [0, depth],
    xLabel: 'layer l',
    panels: [
      { series: q, yScale: 'linear', yLabel: 'q_l', legend: look.legend, ...optionalRange(flatRange(q, false)) },
      { series: g, yScale: 'log', yLabel: 'G_l = ∏χ', legend: 'none', ...optionalRange(flatRange(g, true)) },
    ],
    theme: look.theme,
  };
}

function optionalRange(r: readonly [number, number] | undefined): { yRange?: readonly [number, number] } {
  return r ? { yRange: r } : {};
}

export interface EdgeCurve {
  readonly label: string;
  readonly sigmaB2: Float64Array;
  readonly sigmaW2: Float64Array;
}

/**
 * The curve, or a small + where it is a single point (ReLU's edge of chaos is σw² = 2, σb² = 0
 * for every q*), which a polyline of zero length would not show.
 */
function curveOrMark(c: EdgeCurve, maxSigmaB2: number): Polyline[] {
  const n = c.sigmaB2.length;
  const single = n > 0 && c.sigmaB2.every((b) => b === c.sigmaB2[0]) && c.sigmaW2.every((w) => w === c.sigmaW2[0]);
  if (!single) return pieces(c.sigmaB2, c.sigmaW2);
  const b = c.sigmaB2[0]!;
  const w = c.sigmaW2[0]!;
  const dx = 0.02 * maxSigmaB2;
  const dy = 0.04 * Math.abs(w);
  return [
    { x: Float64Array.of(b - dx, b + dx), y: Float64Array.of(w, w) },
    { x: Float64Array.of(b, b), y: Float64Array.of(w - dy, w + dy) },
  ];
}

export function edgeChart(curves: readonly EdgeCurve[], maxSigmaB2: number, look: ChartLook): ChartModel {
  return {
    title: look.title ?? 'edge of chaos (χ₁ = 1)',
    xRange: [0, maxSigmaB2],
    xLabel: 'σb²',
    panels: [
      {
        series: curves.map((c, i) => ({
          label: c.label,
          color: seriesColor(i),
          polylines: curveOrMark(c, maxSigmaB2),
        })),
        yScale: 'linear',
        yLabel: 'σw²',
        legend: look.legend,
      },
    ],
    theme: look.theme,
  };
}
