/**
 * The units a layout works in, given by each renderer: how wide text is and every length (logical
 * pixels for images, braille dots for the terminal). Apart from layout.ts so that tick-labels.ts,
 * which layout.ts calls, can read them without importing its caller.
 */

export interface TextMeasure {
  /** Advance width of `text` at font size `size`, in layout units. */
  width(text: string, size: number): number;
  /** Height of digits and capitals above the baseline at `size`. */
  capHeight(size: number): number;
  /** Depth of descenders below the baseline at `size`. */
  descent(size: number): number;
}

/** Every length the layout uses, in layout units. */
export interface LayoutStyle {
  readonly titleSize: number;
  readonly tickLabelSize: number;
  readonly legendSize: number;
  readonly axisLabelSize: number;
  /** Empty border around the whole chart. */
  readonly padding: number;
  /** Between the title and the top of the plot. */
  readonly titleGap: number;
  readonly tickLength: number;
  /** Between a tick (or a spine) and its label. */
  readonly tickLabelGap: number;
  /** Labels keep at least this distance from spines, ticks, curves and each other. */
  readonly labelClearance: number;
  readonly spineWidth: number;
  readonly tickWidth: number;
  readonly gridWidth: number;
  readonly curveWidth: number;
  /** Wanted distance between ticks; the locator picks 1-2-5 steps near it. */
  readonly xTickSpacing: number;
  readonly yTickSpacing: number;
  /** Fraction of the data span added on each side of an axis. */
  readonly axisMargin: number;
  readonly legendPadding: number;
  readonly legendSwatch: number;
  readonly legendSwatchGap: number;
  /** Baseline-to-baseline distance of legend rows, as a multiple of legendSize. */
  readonly legendRowPitch: number;
  /** Distance between the legend box and the plot's edges. */
  readonly legendInset: number;
  readonly legendRadius: number;
  readonly legendLineWidth: number;
  /** The smallest legend font size before names are ellipsized. */
  readonly legendMinSize: number;
  /** Between the plots and a legend outside them. */
  readonly legendGap: number;
  /** Vertical space between stacked panels (besides their tick labels). */
  readonly panelGap: number;
}
