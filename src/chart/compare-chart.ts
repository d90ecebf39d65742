/**
 * The chart of several functions overlaid, as a ChartModel: one series per function in tab10
 * order, legend names with their parameters (`LeakyReLU(negative_slope=0.1)`). Values, derivatives,
 * or both as two stacked panels sharing the x axis (values above, derivatives below).
 */
import { absPositivePieces, type Piece, type SampledFunction } from '../math/sample.js';
import type { ChartModel, LegendPlacement, Panel, Series, ThemeName } from './model.js';
import { seriesColor } from './theme.js';

export type CompareShow = 'values' | 'derivatives' | 'both';

/** One compared function: its legend name and its samples (src/math/sample.ts). */
export interface ComparedSeries {
  readonly label: string;
  readonly sampled: SampledFunction;
}

export interface CompareChartOptions {
  /** The x range the samples cover. */
  readonly range: readonly [number, number];
  readonly show: CompareShow;
  /** Overrides the default title; '' for none. */
  readonly title?: string;
  /** Derivatives as |f′| on a log axis. */
  readonly logY: boolean;
  readonly legend: LegendPlacement;
  readonly theme: ThemeName;
}

/** The default title: what the chart shows. Stacked panels say it beside their y axes instead. */
export function compareTitle(show: CompareShow, logY: boolean): string {
  if (show === 'both') return '';
  if (show === 'values') return 'f(x)';
  return logY ? '|f′(x)|' : 'f′(x)';
}

export function compareChart(compared: readonly ComparedSeries[], options: CompareChartOptions): ChartModel {
  const series = (pick: (c: ComparedSeries) => readonly Piece[]): Series[] =>
    compared.map((c, i) => ({ label: c.label, color: seriesColor(i, options.theme), polylines: pick(c) }));
  const values: Panel = { series: series((c) => c.sampled.f), yScale: 'linear', legend: options.legend };
  const derivatives: Panel = {
    series: series((c) => (options.logY ? absPositivePieces(c.sampled.df) : c.sampled.df)),
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
