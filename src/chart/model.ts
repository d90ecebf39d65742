/**
 * The chart model: WHAT a chart shows, in data units, with no pixels, fonts or colors of the
 * background in it. Builders (plot, compare) produce a ChartModel; `layoutChart` (layout.ts) turns
 * it plus a text measure and a size into a Scene (scene.ts), a display list that the painters in
 * src/paint draw: raster/ (our rasterizer; PNG by our writer, JPEG and WebP by the canvas's
 * encoders), svg.ts, canvas/pdf.ts, and terminal/ (braille).
 *
 * Contract for builders (function-chart.ts, compare-chart.ts):
 * - A chart has one or more panels stacked top to bottom that share the x axis (`xRange`, same
 *   horizontal extent and ticks). `compare --both` is two panels: values above, derivatives below.
 * - A series is one legend entry: a label, a color ('#rrggbb', normally `TAB10[i]` from theme.ts
 *   in order), and its polylines in data units. A polyline holds only finite points; a break in
 *   the curve (a jump, NaN, ±Infinity, a non-positive value on a log axis) is simply the end of
 *   one polyline and the start of the next. `sampleFunction` (src/math/sample.ts) produces them,
 *   and `functionChart` (function-chart.ts) turns an ActivationFn into a model.
 * - `xRange` is the sampled interval; the axis itself adds a small margin on each side (5 % by
 *   default, LayoutStyle.axisMargin), like matplotlib. A panel's y range fits its data with the
 *   same margin unless `yRange` fixes it. `yScale: 'log'` plots positive values on a log axis
 *   (builders pass |f′| there; non-positive points must already be breaks).
 * - Spines go through the data origin; when 0 lies outside a range that spine sits at the nearer
 *   edge of the plot (spines.ts). Nothing in the model chooses that: layout does.
 * - `legend` per panel: a forced corner, 'auto' (the corner that covers the least of the curves)
 *   or 'none'. For stacked panels showing the same functions, give the legend to one panel.
 * - `theme` picks the background, text, spine, grid and legend colors (theme.ts); series colors
 *   are chosen by the builder.
 */

export type Corner = 'upper-left' | 'upper-right' | 'lower-left' | 'lower-right';
export type LegendPlacement = Corner | 'auto' | 'none';
export type ThemeName = 'light' | 'dark';
export type ScaleKind = 'linear' | 'log';

export const CORNERS: readonly Corner[] = ['upper-left', 'upper-right', 'lower-left', 'lower-right'];
export const LEGEND_PLACEMENTS: readonly LegendPlacement[] = [...CORNERS, 'auto', 'none'];
export const THEME_NAMES: readonly ThemeName[] = ['light', 'dark'];

/** One unbroken piece of a curve in data units: x and y of equal length, every value finite. */
export interface Polyline {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export interface Series {
  /** Legend text, e.g. `f(x)`, `GELU`, `LeakyReLU(negative_slope=0.1)`. */
  readonly label: string;
  /** '#rrggbb'. */
  readonly color: string;
  readonly polylines: readonly Polyline[];
  /** Line width in layout units; default LayoutStyle.curveWidth (1.5 px). */
  readonly width?: number;
}

export interface Panel {
  readonly series: readonly Series[];
  readonly yScale: ScaleKind;
  /** Fixed y range (data units, lo < hi, both > 0 on a log axis); omitted: fit the data. */
  readonly yRange?: readonly [number, number];
  /** Text beside the y axis (rotated); omitted: none, as in the article's figures. */
  readonly yLabel?: string;
  readonly legend: LegendPlacement;
}

export interface ChartModel {
  /** Centered above the plot; omitted or empty: no title line. */
  readonly title?: string;
  /** The sampled x interval [lo, hi], lo < hi, shared by every panel. */
  readonly xRange: readonly [number, number];
  /** Text below the bottom panel; omitted: none. */
  readonly xLabel?: string;
  readonly panels: readonly Panel[];
  readonly theme: ThemeName;
}
