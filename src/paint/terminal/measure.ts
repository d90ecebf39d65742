/**
 * Layout units for the terminal: braille dots. A character cell is 2 dots wide and 4 dots tall,
 * and text is one cell per character, one row high, whatever its "size". With this measure and
 * style, `layoutChart` (../layout.ts) lays out a chart for the terminal exactly as it does for
 * images; ./render.ts then snaps text to cells and draws everything else as braille dots.
 */
import type { LayoutStyle, TextMeasure } from '../../chart/layout.js';
import { cellWidth } from '../text-width.js';

export { cellWidth };

export const DOTS_PER_COLUMN = 2;
export const DOTS_PER_ROW = 4;

/** Text "size" is one row (4 dots): 3 above the baseline, 1 below. */
export const cellMeasure: TextMeasure = {
  width: (text) => cellWidth(text) * DOTS_PER_COLUMN,
  capHeight: (size) => size * 0.75,
  descent: (size) => size * 0.25,
};

/**
 * Every length in dots, chosen so that text lands on whole rows and columns: labels keep a full
 * row from the x axis and a column from the y axis, the legend's padding is its frame plus a
 * space, ticks and grid are not drawn (the labels say where the ticks are).
 */
export const TERMINAL_STYLE: LayoutStyle = {
  titleSize: DOTS_PER_ROW,
  tickLabelSize: DOTS_PER_ROW,
  legendSize: DOTS_PER_ROW,
  axisLabelSize: DOTS_PER_ROW,
  padding: 0,
  titleGap: DOTS_PER_ROW,
  tickLength: 0,
  tickLabelGap: DOTS_PER_ROW,
  labelClearance: 1,
  spineWidth: 1,
  tickWidth: 1,
  gridWidth: 1,
  curveWidth: 1,
  xTickSpacing: 12 * DOTS_PER_COLUMN,
  yTickSpacing: 3 * DOTS_PER_ROW,
  axisMargin: 0.05,
  legendPadding: DOTS_PER_ROW,
  legendSwatch: 2 * DOTS_PER_COLUMN,
  legendSwatchGap: DOTS_PER_COLUMN,
  legendRowPitch: 1,
  legendInset: DOTS_PER_COLUMN,
  legendRadius: 0,
  legendLineWidth: 1,
  // Text in a terminal is one size: a legend too wide is cut, never made smaller.
  legendMinSize: DOTS_PER_ROW,
  legendGap: 2 * DOTS_PER_COLUMN,
  panelGap: DOTS_PER_ROW,
};
