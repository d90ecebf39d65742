/**
 * The chart of one function: f and f′, sampled below this layer (src/math/sample.ts), as a
 * ChartModel. The article's figures are the default (title `GELU(x)`, f in tab10 blue, f′ in
 * orange, one panel); the options choose what else to show.
 */
import { MAX_POINTS } from '../math/grid.js';
import { absPositivePieces, type Piece, type SampledFunction } from '../math/sample.js';
import type { ActivationFn } from '../math/types.js';
import type { ChartModel, LegendPlacement, Series, ThemeName } from './model.js';
import { seriesColor } from './theme.js';

/** More sample points than this is a mistake (and a very slow chart). */
export const MAX_SAMPLES = MAX_POINTS;

export type CurveChoice = 'both' | 'f' | 'df';

export interface FunctionChartOptions {
  /** The x range the samples cover. */
  readonly range: readonly [number, number];
  readonly show: CurveChoice;
  /** Legend labels for f and f′ (defaults: f(x), f′(x); |f′(x)| on a log axis). */
  readonly labels?: { readonly f?: string; readonly df?: string };
  /** Overrides the default `NAME(x)`; '' for none. */
  readonly title?: string;
  /** |f′| (or |f| with show 'f') on a log axis. */
  readonly logY: boolean;
  readonly legend: LegendPlacement;
  readonly theme: ThemeName;
}

/** Longest expression shown whole in a title; longer ones are cut with an ellipsis. */
const TITLE_EXPRESSION_CHARS = 60;

/**
 * `GELU(x)`, or `LeakyReLU(x; negative_slope=0.1)` when parameters differ from the defaults; for an
 * expression `MySwish(x)` when it is named, else `f(x) = x*sigmoid(1.702*x)`.
 */
export function functionTitle(fn: ActivationFn): string {
  if (fn.expression !== undefined) {
    if (fn.name !== fn.expression) return `${fn.name}(x)`;
    const text =
      fn.expression.length > TITLE_EXPRESSION_CHARS
        ? `${fn.expression.slice(0, TITLE_EXPRESSION_CHARS - 1)}…`
        : fn.expression;
    return `f(x) = ${text}`;
  }
  const params =
    fn.label.startsWith(`${fn.name}(`) && fn.label.endsWith(')') ? fn.label.slice(fn.name.length + 1, -1) : '';
  return params ? `${fn.name}(x; ${params})` : `${fn.name}(x)`;
}

/** Default legend labels; vector functions show the Jacobian's diagonal. */
export function defaultLabels(fn: ActivationFn, logY: boolean): { f: string; df: string } {
  const df = fn.vector ? '∂fᵢ/∂xᵢ' : 'f′(x)';
  return logY ? { f: '|f(x)|', df: `|${df}|` } : { f: 'f(x)', df };
}

/** `fn` names the chart (title, labels); `sampled` is f and f′ over options.range. */
export function functionChart(fn: ActivationFn, sampled: SampledFunction, options: FunctionChartOptions): ChartModel {
  const labels = { ...defaultLabels(fn, options.logY), ...options.labels };
  const curve = (pieces: readonly Piece[]) => (options.logY ? absPositivePieces(pieces) : pieces);
  const series: Series[] = [];
  // Colors stay with the curve: f is always blue and f′ orange, whichever is shown.
  if (options.show !== 'df')
    series.push({ label: labels.f, color: seriesColor(0, options.theme), polylines: curve(sampled.f) });
  if (options.show !== 'f')
    series.push({ label: labels.df, color: seriesColor(1, options.theme), polylines: curve(sampled.df) });
  return {
    title: options.title ?? functionTitle(fn),
    xRange: [options.range[0], options.range[1]],
    panels: [{ series, yScale: options.logY ? 'log' : 'linear', legend: options.legend }],
    theme: options.theme,
  };
}
