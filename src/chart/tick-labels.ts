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

type Wanted = {
  readonly value: number;
  readonly text: string;
  readonly candidates: readonly Candidate[];
  /** The origin's "0": it may sit beside the crossing instead of centered on its tick. */
  readonly origin?: boolean;
};

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
  const indexed = input.obstacles.map((o) => ({
    index: new PolylineIndex(o.points),
    radius: o.radius + s.labelClearance,
  }));
  /**
   * Labels of the two axes must not read as one row (`0 −6 −4 …`): an x label and a y label
   * whose boxes come within half a cap height vertically keep an em apart horizontally.
   */
  const sameRow = (axis: 'x' | 'y', b: Rect) =>
    placed.some(
      (p) =>
        p.axis !== axis &&
        p.box.y < b.y + b.height + capT / 2 &&
        b.y < p.box.y + p.box.height + capT / 2 &&
        p.box.x < b.x + b.width + size &&
        b.x < p.box.x + p.box.width + size,
    );
  const free = (axis: 'x' | 'y', b: Rect) =>
    rectInside(b, input.bounds) &&
    !input.blocked.some((r) => rectsOverlap(inflate(r, s.labelClearance), b)) &&
    !placed.some((p) => rectsOverlap(inflate(p.box, s.labelClearance), b)) &&
    !sameRow(axis, b) &&
    !indexed.some((o) => o.index.hits(b, o.radius));
  /** Places every wanted label; all-or-nothing when `strict` (then nothing is kept on failure). */
  const placeAll = (axis: 'x' | 'y', wanted: readonly Wanted[], strict: boolean): boolean => {
    const start = placed.length;
    const missed: number[] = [];
    for (const { value, text, candidates, origin } of wanted) {
      const w = m.width(text, size);
      const hit = candidates.find((c) => free(axis, box(c, w)));
      if (hit) {
        const label: TickLabel = {
          axis,
          value,
          text,
          box: box(hit, w),
          x: hit.x,
          baseline: hit.baseline,
          anchor: hit.anchor,
        };
        placed.push(origin ? { ...label, origin: true } : label);
      } else missed.push(value);
    }
    if (strict && missed.length) {
      placed.splice(start);
      return false;
    }
    dropped.push(...missed);
    return true;
  };
  /**
   * By the spine when every label fits there; else, when the spine runs inside the plot, all of
   * the axis's labels at the plot's outer edge (keeping what fits). A spine on the plot's edge
   * keeps what fits by it.
   */
  const place = (
    axis: 'x' | 'y',
    bySpine: readonly Wanted[],
    edge: readonly Wanted[] | undefined,
  ): 'spine' | 'edge' => {
    if (!edge) {
      placeAll(axis, bySpine, false);
      return 'spine';
    }
    if (placeAll(axis, bySpine, true)) return 'spine';
    placeAll(axis, edge, false);
    return 'edge';
  };
  const originCrossing = input.xSpineAt === 'origin' && input.ySpineAt === 'origin';

  // x labels: centered under their ticks below the x spine (above it when it is the top edge);
  // failing that for a spine through the plot, all under the plot. Only the origin's "0" may
  // move beside the y spine, into a free quadrant.
  const xRow = (baseline: number, byYSpine: boolean): Wanted[] =>
    input.x.values.map((value, k) => {
      const px = input.x.positions[k]!;
      const text = input.x.labels[k]!;
      const centered: Candidate = { x: px, baseline, anchor: 'middle' };
      if (!(byYSpine && value === 0 && input.ySpineAt === 'origin')) return { value, text, candidates: [centered] };
      return {
        value,
        text,
        origin: true,
        candidates: [centered, { x: sx - gap, baseline, anchor: 'end' }, { x: sx + gap, baseline, anchor: 'start' }],
      };
    });
  const xBaseline = input.xSpineAt === 'high' ? sy - s.tickLength - gap : sy + s.tickLength + gap + capT;
  const xMode = place(
    'x',
    xRow(xBaseline, true),
    input.xSpineAt === 'origin' ? xRow(plot.y + plot.height + s.tickLength + gap + capT, false) : undefined,
  );

  // y labels: centered on their ticks left of the y spine (right of it when it is the right
  // edge); failing that for a spine through the plot, all left of the plot.
  const originLabelled = originCrossing && xMode === 'spine' && placed.some((p) => p.axis === 'x' && p.value === 0);
  const yColumn = (x: number, anchor: 'start' | 'end', bySpine: boolean): Wanted[] => {
    const wanted: Wanted[] = [];
    input.y.values.forEach((value, k) => {
      // One "0" labels the origin for both axes.
      if (bySpine && originLabelled && value === 0) return;
      const py = input.y.positions[k]!;
      const text = input.y.labels[k]!;
      const centered: Candidate = { x, baseline: py + capT / 2, anchor };
      if (!(bySpine && value === 0 && input.xSpineAt === 'origin' && input.ySpineAt === 'origin')) {
        wanted.push({ value, text, candidates: [centered] });
        return;
      }
      wanted.push({
        value,
        text,
        origin: true,
        candidates: [centered, { x, baseline: sy - gap, anchor }, { x, baseline: sy + gap + capT, anchor }],
      });
    });
    return wanted;
  };
  const yRight = input.ySpineAt === 'high';
  const yMode = place(
    'y',
    yColumn(yRight ? sx + s.tickLength + gap : sx - s.tickLength - gap, yRight ? 'start' : 'end', true),
    input.ySpineAt === 'origin' ? yColumn(plot.x - s.tickLength - gap, 'end', false) : undefined,
  );
  return { labels: placed, dropped, modes: { x: xMode, y: yMode } };
}
