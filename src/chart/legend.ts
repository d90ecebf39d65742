/**
 * Legend placement: the framed box goes in the corner of the plot where it covers the least of
 * the curves (then of the spines), or in a corner the user forced. Unlike the article's fixed
 * upper-left legend, it never hides a curve when a free corner exists. Tick labels are placed
 * afterwards and keep clear of it (tick-labels.ts).
 */
import { inflate, lengthInside } from './geometry.js';
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

export interface Cost {
  readonly curve: number;
  readonly spines: number;
}

export interface LegendObstacles {
  /** Curves in layout units, with the half width of their strokes. */
  readonly curves: readonly Float64Array[];
  readonly curveRadius: number;
  /** Spines as polylines (two points each). */
  readonly spines: readonly Float64Array[];
}

/** How much of the curves and spines (lengths in layout units) a legend at `box` would hide. */
export function legendCost(box: Rect, obstacles: LegendObstacles): Cost {
  const near = inflate(box, obstacles.curveRadius + 1);
  let curve = 0;
  for (const c of obstacles.curves) curve += lengthInside(c, near);
  let spines = 0;
  for (const s of obstacles.spines) spines += lengthInside(s, box);
  return { curve, spines };
}

/**
 * The corner whose legend hides least: curves first, then spines; ties go to the earlier corner
 * in upper-left, upper-right, lower-left, lower-right order.
 */
export function bestCorner(
  plot: Rect,
  width: number,
  height: number,
  inset: number,
  obstacles: LegendObstacles,
): { corner: Corner; rect: Rect; cost: Cost } {
  let best: { corner: Corner; rect: Rect; cost: Cost } | undefined;
  for (const corner of CORNERS) {
    const rect = cornerRect(plot, corner, width, height, inset);
    const cost = legendCost(rect, obstacles);
    if (!best || compareCost(cost, best.cost) < 0) best = { corner, rect, cost };
  }
  return best!;
}

function compareCost(a: Cost, b: Cost): number {
  // Below half a pixel of curve is rounding, not hiding.
  const ca = a.curve < 0.5 ? 0 : a.curve;
  const cb = b.curve < 0.5 ? 0 : b.curve;
  return ca - cb || a.spines - b.spines;
}
