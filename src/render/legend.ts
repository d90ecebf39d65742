/**
 * Legend placement: the framed box goes in the corner of the plot where it covers the least of
 * the curves (then of the tick labels, then of the spines), or in a corner the user forced.
 * Unlike the article's fixed upper-left legend, it never hides a curve when a free corner exists.
 */
import { inflate, lengthInside, rectsOverlap } from './geometry.js';
import type { Corner } from './model.js';
import { CORNERS } from './model.js';
import type { Rect } from './scene.js';

/** The legend's rectangle in `corner` of the plot, `inset` away from its edges. */
export function cornerRect(plot: Rect, corner: Corner, width: number, height: number, inset: number): Rect {
  const left = corner.endsWith('left');
  const upper = corner.startsWith('upper');
  return {
    x: left ? plot.x + inset : plot.x + plot.width - inset - width,
    y: upper ? plot.y + inset : plot.y + plot.height - inset - height,
    width,
    height,
  };
}

export interface LegendObstacles {
  /** Curves in layout units, with the half width of their strokes. */
  readonly curves: readonly Float64Array[];
  readonly curveRadius: number;
  readonly labels: readonly Rect[];
  /** Spines as polylines (two points each). */
  readonly spines: readonly Float64Array[];
}

/** How much of the curves, labels and spines a legend at `box` would hide (0: nothing). */
export function legendCost(box: Rect, obstacles: LegendObstacles): { curve: number; labels: number; spines: number } {
  const near = inflate(box, obstacles.curveRadius + 1);
  let curve = 0;
  for (const c of obstacles.curves) curve += lengthInside(c, near);
  const labels = obstacles.labels.filter((l) => rectsOverlap(l, box)).length;
  let spines = 0;
  for (const s of obstacles.spines) spines += lengthInside(s, box);
  return { curve, labels, spines };
}

/**
 * The corner whose legend hides least: curves first, then tick labels, then spines; ties go to
 * the earlier corner in upper-left, upper-right, lower-left, lower-right order.
 */
export function bestCorner(
  plot: Rect,
  width: number,
  height: number,
  inset: number,
  obstacles: LegendObstacles,
): { corner: Corner; rect: Rect; cost: { curve: number; labels: number; spines: number } } {
  let best: { corner: Corner; rect: Rect; cost: { curve: number; labels: number; spines: number } } | undefined;
  for (const corner of CORNERS) {
    const rect = cornerRect(plot, corner, width, height, inset);
    const cost = legendCost(rect, obstacles);
    if (!best || compareCost(cost, best.cost) < 0) best = { corner, rect, cost };
  }
  return best!;
}

function compareCost(a: { curve: number; labels: number; spines: number }, b: { curve: number; labels: number; spines: number }): number {
  // Below half a pixel of curve is rounding, not hiding.
  const ca = a.curve < 0.5 ? 0 : a.curve;
  const cb = b.curve < 0.5 ? 0 : b.curve;
  return ca - cb || a.labels - b.labels || a.spines - b.spines;
}
