/**
 * Plane geometry for layout decisions: rectangles, segments and polylines (flat x0, y0, x1, y1, …
 * arrays in layout units). Used to keep labels off curves and to find where a legend covers least.
 */
import type { Rect } from './scene.js';

export function inflate(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function rectInside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * The part of segment (x1,y1)–(x2,y2) inside `r` as parameters [t0, t1] ⊆ [0, 1] (Liang–Barsky),
 * or undefined if it misses.
 */
export function clipSegment(x1: number, y1: number, x2: number, y2: number, r: Rect): [number, number] | undefined {
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  // The four edges as (p, q): the segment is inside where p·t ≤ q.
  for (let edge = 0; edge < 4; edge++) {
    const p = edge === 0 ? -dx : edge === 1 ? dx : edge === 2 ? -dy : dy;
    const q = edge === 0 ? x1 - r.x : edge === 1 ? r.x + r.width - x1 : edge === 2 ? y1 - r.y : r.y + r.height - y1;
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return undefined;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return undefined;
      if (t < t1) t1 = t;
    }
  }
  return [t0, t1];
}

/** Bounding box of points [from, to) of a polyline (indices of points, not of numbers). */
function bounds(points: Float64Array, from: number, to: number): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = from; i < to; i++) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

const CHUNK = 16;

/**
 * A polyline cut into runs of CHUNK segments with their bounding boxes, so that asking whether
 * it touches a small rectangle looks at the few segments near it only.
 */
export class PolylineIndex {
  private readonly boxes: Rect[] = [];
  constructor(readonly points: Float64Array) {
    const n = points.length / 2;
    for (let i = 0; i < Math.max(1, n - 1); i += CHUNK) this.boxes.push(bounds(points, i, Math.min(n, i + CHUNK + 1)));
  }

  hits(r: Rect, radius: number): boolean {
    const box = inflate(r, radius);
    const p = this.points;
    const n = p.length / 2;
    if (n === 1) return clipSegment(p[0]!, p[1]!, p[0]!, p[1]!, box) !== undefined;
    for (let c = 0; c < this.boxes.length; c++) {
      const b = this.boxes[c]!;
      if (b.x > box.x + box.width || b.x + b.width < box.x || b.y > box.y + box.height || b.y + b.height < box.y)
        continue;
      const end = Math.min(n - 1, (c + 1) * CHUNK);
      for (let i = c * CHUNK; i < end; i++) {
        if (clipSegment(p[2 * i]!, p[2 * i + 1]!, p[2 * i + 2]!, p[2 * i + 3]!, box)) return true;
      }
    }
    return false;
  }
}

/**
 * Visits each segment of a polyline with the part of it inside the rectangle, as [t0, t1]
 * (`miss` for segments entirely outside).
 */
function eachSegment(
  points: Float64Array,
  r: Rect,
  hit: (x1: number, y1: number, x2: number, y2: number, t0: number, t1: number) => void,
  miss: () => void = () => {},
): void {
  for (let i = 0; i + 3 < points.length; i += 2) {
    const x1 = points[i]!;
    const y1 = points[i + 1]!;
    const x2 = points[i + 2]!;
    const y2 = points[i + 3]!;
    const part = clipSegment(x1, y1, x2, y2, r);
    if (part) hit(x1, y1, x2, y2, part[0], part[1]);
    else miss();
  }
}

/** Length of a polyline inside the rectangle. */
export function lengthInside(points: Float64Array, r: Rect): number {
  let total = 0;
  eachSegment(points, r, (x1, y1, x2, y2, t0, t1) => {
    total += (t1 - t0) * Math.hypot(x2 - x1, y2 - y1);
  });
  return total;
}

/** Splits a polyline into the pieces that lie inside the rectangle. */
export function clipPolyline(points: Float64Array, r: Rect): Float64Array[] {
  const pieces: Float64Array[] = [];
  let current: number[] = [];
  const flush = () => {
    if (current.length >= 4) pieces.push(Float64Array.from(current));
    current = [];
  };
  if (points.length === 2) {
    const [x, y] = [points[0]!, points[1]!];
    return x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height ? [points] : [];
  }
  // The usual case, a curve wholly inside: no segment to cut (and no work per point but this scan).
  let inside = true;
  for (let i = 0; i < points.length && inside; i += 2) {
    const x = points[i]!;
    const y = points[i + 1]!;
    inside = x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;
  }
  if (inside) return [points];
  eachSegment(
    points,
    r,
    (x1, y1, x2, y2, t0, t1) => {
      const ax = t0 === 0 ? x1 : x1 + t0 * (x2 - x1);
      const ay = t0 === 0 ? y1 : y1 + t0 * (y2 - y1);
      const bx = t1 === 1 ? x2 : x1 + t1 * (x2 - x1);
      const by = t1 === 1 ? y2 : y1 + t1 * (y2 - y1);
      // A piece starts where the polyline enters the rectangle, and ends where it leaves.
      if (current.length === 0 || t0 > 0) {
        flush();
        current.push(ax, ay);
      }
      current.push(bx, by);
      if (t1 < 1) flush();
    },
    flush,
  );
  flush();
  return pieces;
}

/**
 * The dashes of a polyline: pieces `pattern[0]` long, gaps `pattern[1]`, … (repeating), the
 * pattern shifted by `offset` along the line (as SVG's stroke-dashoffset). For renderers without
 * dashed strokes of their own.
 */
export function dashPolyline(points: Float64Array, pattern: readonly number[], offset = 0): Float64Array[] {
  const period = pattern.reduce((a, b) => a + b, 0);
  if (!(period > 0) || points.length < 4) return [points];
  const out: Float64Array[] = [];
  let current: number[] = [];
  // Where along the pattern the line starts: index of the dash or gap, and the length left of it.
  let phase = ((offset % period) + period) % period;
  let k = 0;
  while (phase >= pattern[k]!) {
    phase -= pattern[k]!;
    k = (k + 1) % pattern.length;
  }
  let left = pattern[k]! - phase;
  const on = () => k % 2 === 0;
  if (on()) current.push(points[0]!, points[1]!);
  for (let i = 0; i + 3 < points.length; i += 2) {
    let x = points[i]!;
    let y = points[i + 1]!;
    const x2 = points[i + 2]!;
    const y2 = points[i + 3]!;
    let length = Math.hypot(x2 - x, y2 - y);
    while (length > left) {
      const t = left / length;
      x += (x2 - x) * t;
      y += (y2 - y) * t;
      length -= left;
      if (on()) {
        current.push(x, y);
        if (current.length >= 4) out.push(Float64Array.from(current));
        current = [];
      } else {
        current = [x, y];
      }
      k = (k + 1) % pattern.length;
      left = pattern[k]!;
      // A zero-length dash or gap: skip it (avoids looping on a pattern of zeros).
      if (left <= 0) {
        k = (k + 1) % pattern.length;
        left = pattern[k]!;
      }
    }
    left -= length;
    if (on()) current.push(x2, y2);
  }
  if (on() && current.length >= 4) out.push(Float64Array.from(current));
  return out;
}
