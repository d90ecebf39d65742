/**
 * Tick label placement. Labels sit beside their spine, as in the article's figures, but never on
 * a spine, a tick, a curve, the legend or another label (the article's "0" sits on the axis). Each
 * label is tried in a few places near its tick; the origin gets one "0" in a free quadrant. When a
 * label of an axis fits nowhere by the spine, the whole axis's labels move to the plot's outer
 * edge (left of the plot for y, below it for x), where no curve can be, so an axis never mixes
 * the two.
 */
import { inflate, PolylineIndex, rectInside, rectsOverlap } from './geometry.js';
import type { LayoutStyle, TextMeasure } from './units.js';
import type { PlacedLabel, Rect } from './scene.js';

export interface Obstacle {
  /** A polyline (x0, y0, x1, y1, …) in layout units. */
  readonly points: Float64Array;
  /** Half its stroke width. */
  readonly radius: number;
}

export interface AxisTicks {
  readonly values: readonly number[];
  /** Layout coordinate of each tick along its axis. */
  readonly positions: readonly number[];
  readonly labels: readonly string[];
}

export interface TickLabelInput {
  readonly plot: Rect;
  /** Labels must stay inside this (the whole chart). */
  readonly bounds: Rect;
  /** The y spine's x and the x spine's y, in layout units. */
  readonly sx: number;
  readonly sy: number;
  /** Where the x spine runs ('high': top edge) and where the y spine runs ('high': right edge). */
  readonly xSpineAt: 'origin' | 'low' | 'high';
  readonly ySpineAt: 'origin' | 'low' | 'high';
  readonly x: AxisTicks;
  readonly y: AxisTicks;
  readonly obstacles: readonly Obstacle[];
  /** Areas no label may overlap (the legend). */
  readonly blocked: readonly Rect[];
  readonly measure: TextMeasure;
  readonly style: LayoutStyle;
}

export interface TickLabel extends PlacedLabel {
  readonly x: number;
  readonly baseline: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

export interface TickLabelPlacement {
  readonly labels: readonly TickLabel[];
  /** Tick values left unlabelled: nowhere was free. */
  readonly dropped: readonly number[];
  /** Where each axis's labels ended up. */
  readonly modes: { readonly x: 'spine' | 'edge'; readonly y: 'spine' | 'edge' };
}

interface Candidate {
  readonly x: number;
  readonly baseline: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

type Wanted = { readonly value: number; readonly text: string; readonly candidates: readonly Candidate[] };

export function placeTickLabels(input: TickLabelInput): TickLabelPlacement {
  const { plot, sx, sy, measure: m, style: s } = input;
  const size = s.tickLabelSize;
  const capT = m.capHeight(size);
  const gap = s.tickLabelGap;
  const placed: TickLabel[] = [];
  const dropped: number[] = [];

  const box = (c: Candidate, w: number): Rect => {
    const x = c.anchor === 'start' ? c.x : c.anchor === 'end' ? c.x - w : c.x - w / 2;
    return { x, y: c.baseline - capT, width: w, height: capT };
  };
  const indexed = input.obstacles.map((o) => ({ index: new PolylineIndex(o.points), radius: o.radius + s.labelClearance }));
  const free = (b: Rect) =>
    rectInside(b, input.bounds) &&
    !input.blocked.some((r) => rectsOverlap(inflate(r, s.labelClearance), b)) &&
    !placed.some((p) => rectsOverlap(inflate(p.box, s.labelClearance), b)) &&
    !indexed.some((o) => o.index.hits(b, o.radius));
  /** Places every wanted label; all-or-nothing when `strict` (then nothing is kept on failure). */
  const placeAll = (axis: 'x' | 'y', wanted: readonly Wanted[], strict: boolean): boolean => {
    const start = placed.length;
    const missed: number[] = [];
    for (const { value, text, candidates } of wanted) {
      const w = m.width(text, size);
      const hit = candidates.find((c) => free(box(c, w)));
      if (hit) placed.push({ axis, value, text, box: box(hit, w), x: hit.x, baseline: hit.baseline, anchor: hit.anchor });
      else missed.push(value);
    }
    if (strict && missed.length) {
      placed.splice(start);
      return false;
    }
    dropped.push(...missed);
    return true;
  };
  /**
   * The first arrangement by the spine where every label fits; else `edge` (out of the plot) when
   * the spine runs inside, keeping what fits there. A single arrangement keeps what fits.
   */
  const placeFirstFitting = (axis: 'x' | 'y', bySpine: readonly (readonly Wanted[])[], edge: readonly Wanted[]): 'spine' | 'edge' => {
    if (bySpine.length === 1) {
      placeAll(axis, bySpine[0]!, false);
      return 'spine';
    }
    if (bySpine.some((arrangement) => placeAll(axis, arrangement, true))) return 'spine';
    placeAll(axis, edge, false);
    return 'edge';
  };

  // x labels: under the x spine (above it when it is the top edge); as an alternative for a spine
  // through the origin, all above it; failing both, all under the plot.
  const below = sy + s.tickLength + gap + capT;
  const above = input.xSpineAt === 'high' ? sy - s.tickLength - gap : sy - gap - s.labelClearance;
  const xRow = (baseline: number): Wanted[] =>
    input.x.values.map((value, k) => {
      const px = input.x.positions[k]!;
      const text = input.x.labels[k]!;
      const onYSpine = Math.abs(px - sx) < m.width(text, size) / 2 + s.labelClearance + s.spineWidth;
      // At the y spine the label moves beside it: the origin's "0" sits in a free quadrant.
      const candidates: Candidate[] = onYSpine
        ? [
            { x: sx - gap, baseline, anchor: 'end' },
            { x: sx + gap, baseline, anchor: 'start' },
          ]
        : [{ x: px, baseline, anchor: 'middle' }];
      return { value, text, candidates };
    });
  const xEdge = xRow(plot.y + plot.height + s.tickLength + gap + capT);
  const xMode = placeFirstFitting(
    'x',
    input.xSpineAt === 'origin' ? [xRow(below), xRow(above)] : [xRow(input.xSpineAt === 'high' ? above : below)],
    xEdge,
  );

  // y labels: left of the y spine (right of it when it is the right edge); as an alternative for
  // a spine through the origin, all right of it; failing both, all left of the plot.
  const origin = input.xSpineAt === 'origin' && input.ySpineAt === 'origin';
  const originLabelled = origin && xMode !== 'edge' && placed.some((p) => p.axis === 'x' && p.value === 0);
  const leftX = sx - s.tickLength - gap;
  const rightX = input.ySpineAt === 'high' ? sx + s.tickLength + gap : sx + gap + s.labelClearance;
  const yColumn = (x: number, anchor: 'start' | 'end', skipOrigin: boolean): Wanted[] => {
    const wanted: Wanted[] = [];
    input.y.values.forEach((value, k) => {
      // One "0" labels the origin for both axes.
      if (skipOrigin && value === 0) return;
      const py = input.y.positions[k]!;
      const onXSpine = Math.abs(py - sy) < capT / 2 + s.labelClearance + s.spineWidth;
      const candidates: Candidate[] = onXSpine
        ? [
            { x, baseline: sy - gap, anchor },
            { x, baseline: sy + gap + capT, anchor },
          ]
        : [{ x, baseline: py + capT / 2, anchor }];
      wanted.push({ value, text: input.y.labels[k]!, candidates });
    });
    return wanted;
  };
  const yEdge = yColumn(plot.x - s.tickLength - gap, 'end', false);
  const yMode = placeFirstFitting(
    'y',
    input.ySpineAt === 'origin'
      ? [yColumn(leftX, 'end', originLabelled), yColumn(rightX, 'start', originLabelled)]
      : [input.ySpineAt === 'high' ? yColumn(rightX, 'start', false) : yColumn(leftX, 'end', false)],
    yEdge,
  );
  return { labels: placed, dropped, modes: { x: xMode, y: yMode } };
}
