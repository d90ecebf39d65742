/**
 * The chart of several functions overlaid, as a ChartModel: one series per function in tab10
 * order, legend names with their parameters (`LeakyReLU(negative_slope=0.1)`). Values, derivatives,
 * or both as two stacked panels sharing the x axis (values above, derivatives below).
 */
import { absPositivePieces, sampleFunction, sampleGrid, type Piece, type Sampling } from '../math/sample.js';
import type { ActivationFn } from '../math/types.js';
import { MAX_SAMPLES } from './function-chart.js';
import type { ChartModel, LegendPlacement, Panel, Series, ThemeName } from './model.js';
import { seriesColor } from './theme.js';

export type CompareShow = 'values' | 'derivatives' | 'both';

export interface CompareChartOptions {
  readonly range: readonly [number, number];
  readonly sampling: Sampling;
  readonly show: CompareShow;
  /** Overrides the default title; '' for none. */
  readonly title?: string;
  /** Derivatives as |f′| on a log axis. */
  readonly logY: boolean;
  readonly legend: LegendPlacement;
  readonly theme: ThemeName;
  /** Legend names, one per function; default: each function's label. */
  readonly labels?: readonly string[];
}

/** The default title: what the chart shows. Stacked panels say it beside their y axes instead. */
export function compareTitle(show: CompareShow, logY: boolean): string {
  if (show === 'both') return '';
  if (show === 'values') return 'f(x)';
  return logY ? '|f′(x)|' : 'f′(x)';
}

export function compareChart(fns: readonly ActivationFn[], options: CompareChartOptions): ChartModel {
  const grid = sampleGrid(options.range[0], options.range[1], options.sampling, MAX_SAMPLES);
  const sampled = fns.map((fn) => sampleFunction(fn, grid));
  const series = (pick: (i: number) => readonly Piece[]): Series[] =>
    fns.map((fn, i) => ({ label: options.labels?.[i] ?? fn.label, color: seriesColor(i), polylines: pick(i) }));
  const values: Panel = { series: series((i) => sampled[i]!.f), yScale: 'linear', legend: options.legend };
  const derivatives: Panel = {
    series: series((i) => (options.logY ? absPositivePieces(sampled[i]!.df) : sampled[i]!.df)),
    yScale: options.logY ? 'log' : 'linear',
    legend: options.legend,
  };
  const panels: Panel[] =
    options.show === 'values'
      ? [values]
      : options.show === 'derivatives'
        ? [derivatives]
        : // The same functions in both panels: one legend is enough.
          [
            { ...values, yLabel: 'f(x)' },
            { ...derivatives, yLabel: options.logY ? '|f′(x)|' : 'f′(x)', legend: 'none' },
          ];
  return {
    title: options.title ?? compareTitle(options.show, options.logY),
    xRange: [options.range[0], options.range[1]],
    panels,
    theme: options.theme,
  };
}
