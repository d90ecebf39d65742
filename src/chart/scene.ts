/**
 * A Scene is the laid-out chart: a display list of primitives in layout units (logical pixels for
 * images, whatever unit the caller measured text in for the terminal), plus the geometry that
 * produced it (plot rectangles, scales, ticks, label boxes, legend box) so that tests and other
 * renderers can reason about it without pixels. y grows downwards, as on a screen.
 *
 * Backends draw `items` in order; every item says what it is (`role`), so a renderer that cannot
 * draw something well (the terminal: a faint grid, rounded corners) can skip or simplify it.
 */
import type { Scale } from './scale.js';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Colors are '#rrggbb' or '#rrggbbaa'. */
export type Color = string;

export interface RectItem {
  readonly kind: 'rect';
  readonly role: 'background' | 'legend-frame';
  readonly rect: Rect;
  readonly fill?: Color;
  readonly stroke?: Color;
  readonly lineWidth?: number;
  /** Corner radius (legend frame); 0 for square. */
  readonly radius?: number;
}

/** An axis-aligned or slanted straight line; `crisp` lines are snapped to device pixels. */
export interface LineItem {
  readonly kind: 'line';
  readonly role: 'grid' | 'spine' | 'tick';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly color: Color;
  readonly width: number;
  readonly crisp: boolean;
}

export interface PolylineItem {
  readonly kind: 'polyline';
  readonly role: 'curve' | 'legend-swatch';
  /** x0, y0, x1, y1, … in layout units; already clipped to the plot area. */
  readonly points: Float64Array;
  readonly color: Color;
  readonly width: number;
  /** Index of the series in its panel, for renderers that color by series. */
  readonly series: number;
  /** Dash and gap lengths (layout units), repeating; omitted: solid. */
  readonly dash?: readonly number[];
  /** Where along the line the dash pattern starts (as SVG's stroke-dashoffset). */
  readonly dashOffset?: number;
}

export interface TextItem {
  readonly kind: 'text';
  readonly role: 'title' | 'tick-label' | 'legend-label' | 'axis-label';
  readonly text: string;
  /** The anchor point: x at the start, middle or end of the text; y on the alphabetic baseline. */
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  /** Font size (em) in layout units. */
  readonly size: number;
  readonly color: Color;
  /** Degrees, clockwise, about (x, y); -90 for a y-axis label. */
  readonly rotate?: number;
  /** The whole text when `text` is ellipsized to fit (SVG keeps it as the text's title). */
  readonly fullText?: string;
}

export type SceneItem = RectItem | LineItem | PolylineItem | TextItem;

/** Where an axis line (spine) sits: at the data origin, or at an edge when 0 is outside the range. */
export interface AxisGeometry {
  readonly scale: Scale;
  /** Tick values in data units (ticks outside the domain are never listed). */
  readonly ticks: readonly number[];
  /** Where this axis's line runs: for the x axis a y in layout units, for the y axis an x. */
  readonly spine: number;
  /** 'origin' when that line is at the other axis's 0; else the edge it sits on ('low': bottom or left). */
  readonly spineAt: 'origin' | 'low' | 'high';
}

export interface PlacedLabel {
  readonly axis: 'x' | 'y';
  readonly value: number;
  readonly text: string;
  /** The ink box of the label (digits and capitals), in layout units. */
  readonly box: Rect;
  /** The origin's one "0" for both axes, which may sit beside the crossing rather than centered on its tick. */
  readonly origin?: boolean;
}

export interface PanelGeometry {
  readonly plot: Rect;
  readonly x: AxisGeometry;
  readonly y: AxisGeometry;
  readonly labels: readonly PlacedLabel[];
  /** Tick values whose label was left out because every place for it touched a spine, curve or label. */
  readonly droppedLabels: readonly number[];
  /** Where each axis's tick labels went: beside the spine, or (when one did not fit there) the plot's outer edge. */
  readonly labelModes: { readonly x: 'spine' | 'edge'; readonly y: 'spine' | 'edge' };
  readonly legend?: Rect;
  /** The curves in layout units (the same points as the scene's 'curve' polylines), per series. */
  readonly curves: readonly (readonly Float64Array[])[];
  /** Per series: drawn dashed because it coincides with an earlier series over most of its length. */
  readonly dashed: readonly boolean[];
}

export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly background: Color;
  readonly items: readonly SceneItem[];
}
