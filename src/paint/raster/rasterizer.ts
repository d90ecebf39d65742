/**
 * A small anti-aliasing rasterizer: a Scene → RGBA pixels in plain JavaScript, so that a PNG
 * needs no native canvas (loading Skia's 35 MB library costs more than drawing a chart). It runs
 * once per chart, mostly before the JIT has optimized it, so per-pixel work is kept small and in
 * integers (floating-point temporaries are heap objects in unoptimized code).
 * - Text: the bundled font's glyph outlines, curves flattened, filled with exact area coverage by
 *   accumulating signed areas along the edges and summing them across each row (the method of
 *   font-rs and stb_truetype).
 * - Strokes (curves, slanted lines): each segment walks the pixel columns (or rows, when steep) it
 *   spans and covers the few pixels within half the line width plus a one-pixel ramp of its
 *   centre line; a small disc rounds each bend. Where pieces overlap the larger coverage wins, so
 *   no pixel is painted twice.
 * - Axis-aligned lines and rectangles: exact coverage of their pixel cells; the legend's rounded
 *   corners from their signed distance.
 */
import { dashPolyline } from '../../chart/geometry.js';
import { bundledFont, shapeText } from '../fonts/font.js';
import type { Color, LineItem, RectItem, Scene, TextItem } from '../../chart/scene.js';
import type { PathCommand, TrueTypeFont } from '../fonts/truetype.js';

export interface Raster {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes a pixel, row-major. */
  readonly data: Uint8Array;
}

/** A polygon (or several, for shapes with holes) as flat x, y lists, in device pixels. */
type Polygon = number[];

/** A color with 0–255 channels and alpha. */
interface Paint {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

function paint(color: Color): Paint {
  const v = (i: number) => parseInt(color.slice(i, i + 2), 16);
  return { r: v(1), g: v(3), b: v(5), a: color.length >= 9 ? v(7) : 255 };
}

/** x / 255 rounded, for 0 ≤ x ≤ 255·255, in integer arithmetic. */
function div255(x: number): number {
  const t = x + 128;
  return (t + (t >> 8)) >> 8;
}

/** Coverage 0–1 as an integer 0–255. */
function level(c: number): number {
  return c >= 1 ? 255 : c <= 0 ? 0 : (c * 255 + 0.5) | 0;
}

/**
 * Draws `scene` at `scale` device pixels per layout unit. Every text item must be covered by the
 * bundled font (the caller sends other scenes to the canvas).
 */
export function rasterize(scene: Scene, scale: number): Raster {
  const width = Math.round(scene.width * scale);
  const height = Math.round(scene.height * scale);
  const canvas = new Canvas(width, height);
  for (const item of scene.items) {
    if (item.kind === 'rect') drawRect(canvas, item, scale);
    else if (item.kind === 'line') drawLine(canvas, item, scale);
    else if (item.kind === 'polyline') {
      const pieces = item.dash ? dashPolyline(item.points, item.dash, item.dashOffset) : [item.points];
      for (const piece of pieces) canvas.stroke(piece, scale, (item.width * scale) / 2, paint(item.color));
    } else drawText(canvas, item, scale, bundledFont());
  }
  return { width, height, data: canvas.data };
}

class Canvas {
  readonly data: Uint8Array;
  private readonly pixels: Uint32Array;
  private acc = new Float32Array(0);
  private rowMin = new Int32Array(0);
  private rowMax = new Int32Array(0);
  /** Stroke coverage (0–255) per pixel, and the pixels a stroke touched (reset after each). */
  private readonly cover: Uint8Array;
  private touched = new Int32Array(4096);
  private touchedCount = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height * 4);
    this.pixels = new Uint32Array(this.data.buffer);
    this.cover = new Uint8Array(width * height);
  }

  /** Blends `p` into pixel i with coverage `cov` (0–255). */
  blend(i: number, cov: number, p: Paint): void {
    const a = div255(cov * p.a);
    if (a === 0) return;
    const d = this.data;
    const o = i * 4;
    if (a === 255) {
      d[o] = p.r;
      d[o + 1] = p.g;
      d[o + 2] = p.b;
      d[o + 3] = 255;
      return;
    }
    const keep = 255 - a;
    d[o] = div255(d[o]! * keep + p.r * a);
    d[o + 1] = div255(d[o + 1]! * keep + p.g * a);
    d[o + 2] = div255(d[o + 2]! * keep + p.b * a);
    d[o + 3] = div255(d[o + 3]! * keep + 255 * a);
  }

  /** An axis-aligned rectangle with exact coverage of the pixels at its fractional edges. */
  fillRect(x0: number, y0: number, x1: number, y1: number, p: Paint): void {
    const left = Math.max(0, Math.floor(x0));
    const right = Math.min(this.width, Math.ceil(x1));
    const top = Math.max(0, Math.floor(y0));
    const bottom = Math.min(this.height, Math.ceil(y1));
    if (right <= left || bottom <= top) return;
    // Coverage of the first and last column and row; whole pixels in between.
    const firstCol = level(Math.min(left + 1, x1) - x0);
    const lastCol = level(x1 - Math.max(right - 1, x0));
    const word = p.a === 255 ? new Uint32Array(new Uint8Array([p.r, p.g, p.b, 255]).buffer)[0]! : -1;
    for (let y = top; y < bottom; y++) {
      const rowCov = y === top || y === bottom - 1 ? level(Math.min(y + 1, y1) - Math.max(y, y0)) : 255;
      if (rowCov === 0) continue;
      const base = y * this.width;
      for (let x = left; x < right; x++) {
        const colCov = x === left ? firstCol : x === right - 1 ? lastCol : 255;
        if (colCov === 255 && rowCov === 255 && word !== -1 && x > left && x < right - 1) {
          // The run of whole opaque pixels in this row, 32 bits at a time.
          this.pixels.fill(word, base + x, base + right - 1);
          x = right - 2;
          continue;
        }
        this.blend(base + x, div255(rowCov * colCov), p);
      }
    }
  }

  private touch(i: number, cov: number): void {
    const old = this.cover[i]!;
    if (old === 0) {
      if (this.touchedCount === this.touched.length) {
        const grown = new Int32Array(this.touched.length * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.touchedCount++] = i;
    }
    if (cov > old) this.cover[i] = cov;
  }

  /** Strokes a polyline (layout units × k) with half width r in device pixels. */
  stroke(points: Float64Array, k: number, r: number, p: Paint): void {
    const n = points.length / 2;
    const reach = r + 0.5;
    for (let i = 0; i + 1 < n; i++) {
      const ax = points[2 * i]! * k;
      const ay = points[2 * i + 1]! * k;
      const bx = points[2 * i + 2]! * k;
      const by = points[2 * i + 3]! * k;
      this.segment(ax, ay, bx, by, reach);
      // Round the bend at b when the direction changes noticeably.
      if (i + 2 < n) {
        const cx = points[2 * i + 4]! * k;
        const cy = points[2 * i + 5]! * k;
        const u = Math.hypot(bx - ax, by - ay) * Math.hypot(cx - bx, cy - by);
        if (u > 0 && ((bx - ax) * (cx - bx) + (by - ay) * (cy - by)) / u < 0.995) this.disc(bx, by, reach);
      }
    }
    for (let j = 0; j < this.touchedCount; j++) {
      const i = this.touched[j]!;
      this.blend(i, this.cover[i]!, p);
      this.cover[i] = 0;
    }
    this.touchedCount = 0;
  }

  /** One segment: per column (or row when steep), the pixels near its centre line. */
  private segment(ax: number, ay: number, bx: number, by: number, reach: number): void {
    const steep = Math.abs(by - ay) > Math.abs(bx - ax);
    // Work in (u, v): u along the major axis, v across it (no array: this runs per segment, cold).
    const au = steep ? ay : ax;
    const av = steep ? ax : ay;
    const bu = steep ? by : bx;
    const bv = steep ? bx : by;
    const du = bu - au;
    if (du === 0) return;
    const slope = (bv - av) / du;
    const cos = 1 / Math.sqrt(1 + slope * slope); // v distance → perpendicular distance
    const spread = reach / cos;
    const uMax = steep ? this.height : this.width;
    const vMax = steep ? this.width : this.height;
    const from = Math.max(0, Math.ceil(Math.min(au, bu) - 0.5));
    const to = Math.min(uMax, Math.ceil(Math.max(au, bu) - 0.5));
    for (let u = from; u < to; u++) {
      const v = av + (u + 0.5 - au) * slope;
      const v0 = Math.max(0, Math.floor(v - spread));
      const v1 = Math.min(vMax - 1, Math.floor(v + spread));
      for (let w = v0; w <= v1; w++) {
        const cov = level(reach - Math.abs(w + 0.5 - v) * cos);
        if (cov > 0) this.touch(steep ? u * this.width + w : w * this.width + u, cov);
      }
    }
  }

  /** A disc of radius `reach` (including the anti-aliasing ramp) into the stroke coverage. */
  private disc(cx: number, cy: number, reach: number): void {
    const x0 = Math.max(0, Math.floor(cx - reach));
    const x1 = Math.min(this.width - 1, Math.floor(cx + reach));
    const y0 = Math.max(0, Math.floor(cy - reach));
    const y1 = Math.min(this.height - 1, Math.floor(cy + reach));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const cov = level(reach - Math.hypot(x + 0.5 - cx, y + 0.5 - cy));
        if (cov > 0) this.touch(y * this.width + x, cov);
      }
    }
  }

  /**
   * A rounded rectangle's fill and outline (device pixels). The straight parts are rectangles
   * meeting on pixel boundaries; only the corner squares use the signed distance.
   */
  roundedBox(
    x: number,
    y: number,
    w: number,
    h: number,
    radius: number,
    fill: Paint | undefined,
    stroke: Paint | undefined,
    lineWidth: number,
  ): void {
    const r = Math.max(0, Math.min(radius, w / 2, h / 2));
    const half = stroke ? lineWidth / 2 : 0;
    const xA = Math.ceil(x + r);
    const xB = Math.floor(x + w - r);
    const yA = Math.ceil(y + r);
    const yB = Math.floor(y + h - r);
    if (fill) {
      this.fillRect(x, yA, x + w, yB, fill);
      this.fillRect(xA, y, xB, yA, fill);
      this.fillRect(xA, yB, xB, y + h, fill);
    }
    if (stroke) {
      this.fillRect(xA, y - half, xB, y + half, stroke);
      this.fillRect(xA, y + h - half, xB, y + h + half, stroke);
      this.fillRect(x - half, yA, x + half, yB, stroke);
      this.fillRect(x + w - half, yA, x + w + half, yB, stroke);
    }
    const corners: [number, number, number, number, number, number][] = [
      [Math.floor(x - half - 1), xA, Math.floor(y - half - 1), yA, x + r, y + r],
      [xB, Math.ceil(x + w + half + 1), Math.floor(y - half - 1), yA, x + w - r, y + r],
      [Math.floor(x - half - 1), xA, yB, Math.ceil(y + h + half + 1), x + r, y + h - r],
      [xB, Math.ceil(x + w + half + 1), yB, Math.ceil(y + h + half + 1), x + w - r, y + h - r],
    ];
    for (const [cx0, cx1, cy0, cy1, ox, oy] of corners) {
      for (let py = Math.max(0, cy0); py < Math.min(this.height, cy1); py++) {
        for (let px = Math.max(0, cx0); px < Math.min(this.width, cx1); px++) {
          // Signed distance to the corner's arc, for pixels in the corner quadrant of the box.
          const dx = Math.abs(px + 0.5 - ox);
          const dy = Math.abs(py + 0.5 - oy);
          const sd = Math.hypot(dx, dy) - r;
          const i = py * this.width + px;
          if (fill) this.blend(i, level(0.5 - sd), fill);
          if (stroke) this.blend(i, level(half + 0.5 - Math.abs(sd)), stroke);
        }
      }
    }
  }

  /** Fills polygons (nonzero; overlaps clamp to full coverage) with anti-aliased edges. */
  fillPolygons(polygons: readonly Polygon[], p: Paint): void {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const poly of polygons) {
      for (let i = 0; i < poly.length; i += 2) {
        const px = poly[i]!;
        const py = poly[i + 1]!;
        if (px < minX) minX = px;
        if (px > maxX) maxX = px;
        if (py < minY) minY = py;
        if (py > maxY) maxY = py;
      }
    }
    const x0 = Math.max(0, Math.floor(minX));
    const y0 = Math.max(0, Math.floor(minY));
    const x1 = Math.min(this.width, Math.ceil(maxX) + 1);
    const y1 = Math.min(this.height, Math.ceil(maxY));
    if (!(x1 > x0 && y1 > y0)) return;
    // One spare column on the right catches the area of edges at the box's right side.
    const w = x1 - x0 + 2;
    const h = y1 - y0;
    if (this.acc.length < w * h) this.acc = new Float32Array(w * h);
    if (this.rowMin.length < h) {
      this.rowMin = new Int32Array(h);
      this.rowMax = new Int32Array(h);
    }
    const span = { min: this.rowMin, max: this.rowMax };
    span.min.fill(w, 0, h);
    span.max.fill(-1, 0, h);
    for (const poly of polygons) {
      const n = poly.length / 2;
      for (let i = 0; i < n; i++) {
        const j = i + 1 === n ? 0 : i + 1;
        accumulateEdge(
          this.acc,
          w,
          h,
          poly[2 * i]! - x0,
          poly[2 * i + 1]! - y0,
          poly[2 * j]! - x0,
          poly[2 * j + 1]! - y0,
          span,
        );
      }
    }
    // Each row's running sum is the coverage; cells outside the row's touched span are 0. The
    // buffer is left zeroed for the next shape.
    const acc = this.acc;
    for (let y = 0; y < h; y++) {
      const from = span.min[y]!;
      const to = Math.min(w - 1, span.max[y]!);
      const row = y * w;
      const base = (y0 + y) * this.width + x0;
      let sum = 0;
      for (let x = from; x <= to; x++) {
        sum += acc[row + x]!;
        acc[row + x] = 0;
        const cov = level(sum < 0 ? -sum : sum);
        if (cov > 0 && x0 + x < this.width) this.blend(base + x, cov, p);
      }
    }
  }
}

/**
 * Adds the signed area that edge (ax, ay)–(bx, by) covers in each cell of its rows, so that a
 * running sum along a row gives each pixel's coverage. Coordinates are relative to the buffer.
 */
function accumulateEdge(
  acc: Float32Array,
  w: number,
  h: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  span: { min: Int32Array; max: Int32Array },
): void {
  if (ay === by) return;
  let dir = 1;
  if (ay > by) {
    const tx = ax;
    const ty = ay;
    ax = bx;
    ay = by;
    bx = tx;
    by = ty;
    dir = -1;
  }
  // Clamp x into the buffer: area left of it still counts in the first column.
  const dxdy = (bx - ax) / (by - ay);
  const yStart = Math.max(0, ay);
  const yEnd = Math.min(h, by);
  let x = ax + dxdy * (yStart - ay);
  for (let y = Math.floor(yStart); y < yEnd; y++) {
    const top = Math.max(y, yStart);
    const bottom = Math.min(y + 1, yEnd);
    const dy = bottom - top;
    if (dy <= 0) continue;
    const xNext = x + dxdy * dy;
    const d = dy * dir;
    const row = y * w;
    const lo = Math.min(Math.max(0, Math.min(x, xNext)), w - 2);
    const hi = Math.min(Math.max(0, Math.max(x, xNext)), w - 2);
    const loCell = Math.floor(lo);
    const hiCell = Math.ceil(hi);
    if (loCell < span.min[y]!) span.min[y] = loCell;
    if (hiCell + 1 > span.max[y]!) span.max[y] = hiCell + 1;
    if (hiCell <= loCell + 1) {
      // The edge stays within one cell in this row: split d by where its middle is.
      const mid = (lo + hi) / 2 - loCell;
      acc[row + loCell] = acc[row + loCell]! + d * (1 - mid);
      acc[row + loCell + 1] = acc[row + loCell + 1]! + d * mid;
    } else {
      // Across several cells: the area right of the edge grows linearly over [lo, hi].
      const s = 1 / (hi - lo);
      const loFrac = lo - loCell;
      const first = 0.5 * s * (1 - loFrac) * (1 - loFrac);
      const hiFrac = hi - hiCell + 1;
      const last = 0.5 * s * hiFrac * hiFrac;
      acc[row + loCell] = acc[row + loCell]! + d * first;
      if (hiCell === loCell + 2) {
        acc[row + loCell + 1] = acc[row + loCell + 1]! + d * (1 - first - last);
      } else {
        const second = s * (1.5 - loFrac);
        acc[row + loCell + 1] = acc[row + loCell + 1]! + d * (second - first);
        for (let c = loCell + 2; c < hiCell - 1; c++) acc[row + c] = acc[row + c]! + d * s;
        const before = second + (hiCell - loCell - 3) * s;
        acc[row + hiCell - 1] = acc[row + hiCell - 1]! + d * (1 - before - last);
      }
      acc[row + hiCell] = acc[row + hiCell]! + d * last;
    }
    x = xNext;
  }
}

/** Snaps a crisp line's position so a line of device width `w` covers whole pixels. */
function snap(v: number, w: number): number {
  return w % 2 === 1 ? Math.floor(v) + 0.5 : Math.round(v);
}

function drawLine(canvas: Canvas, item: LineItem, k: number): void {
  const p = paint(item.color);
  if (item.crisp && (item.y1 === item.y2 || item.x1 === item.x2)) {
    const w = Math.max(1, Math.round(item.width * k));
    if (item.y1 === item.y2) {
      const y = snap(item.y1 * k, w);
      canvas.fillRect(Math.min(item.x1, item.x2) * k, y - w / 2, Math.max(item.x1, item.x2) * k, y + w / 2, p);
    } else {
      const x = snap(item.x1 * k, w);
      canvas.fillRect(x - w / 2, Math.min(item.y1, item.y2) * k, x + w / 2, Math.max(item.y1, item.y2) * k, p);
    }
    return;
  }
  canvas.stroke(Float64Array.of(item.x1, item.y1, item.x2, item.y2), k, (item.width * k) / 2, p);
}

function drawRect(canvas: Canvas, item: RectItem, k: number): void {
  const { x, y, width, height } = item.rect;
  const fill = item.fill ? paint(item.fill) : undefined;
  if (!item.radius && !item.stroke) {
    if (fill) canvas.fillRect(x * k, y * k, (x + width) * k, (y + height) * k, fill);
    return;
  }
  const stroke = item.stroke ? paint(item.stroke) : undefined;
  canvas.roundedBox(
    x * k,
    y * k,
    width * k,
    height * k,
    (item.radius ?? 0) * k,
    fill,
    stroke,
    (item.lineWidth ?? 1) * k,
  );
}

/** Glyph outlines of a text item as device-pixel polygons, quadratic curves flattened. */
function textPolygons(item: TextItem, k: number, font: TrueTypeFont): Polygon[] {
  const shaped = shapeText(font, item.text);
  const em = item.size / font.unitsPerEm;
  const width = shaped.advance * em;
  const shift = item.anchor === 'start' ? 0 : item.anchor === 'middle' ? -width / 2 : -width;
  const angle = ((item.rotate ?? 0) * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Font units (y up) → layout units about the anchor → rotated → device pixels.
  const map = (fx: number, fy: number, pen: number): [number, number] => {
    const lx = shift + (fx + pen) * em;
    const ly = -fy * em;
    return [(item.x + lx * cos - ly * sin) * k, (item.y + lx * sin + ly * cos) * k];
  };
  const tolerance = 0.2;
  const polygons: Polygon[] = [];
  for (const g of shaped.glyphs) {
    let current: Polygon = [];
    let px = 0;
    let py = 0;
    for (const c of font.outline(g.glyph) as readonly PathCommand[]) {
      if (c.op === 'M') {
        if (current.length) polygons.push(current);
        [px, py] = map(c.x, c.y, g.x);
        current = [px, py];
      } else if (c.op === 'L') {
        [px, py] = map(c.x, c.y, g.x);
        current.push(px, py);
      } else if (c.op === 'Q') {
        const [cx, cy] = map(c.cx, c.cy, g.x);
        const [ex, ey] = map(c.x, c.y, g.x);
        const dev = Math.hypot(px - 2 * cx + ex, py - 2 * cy + ey);
        const steps = Math.max(1, Math.ceil(Math.sqrt(dev / tolerance / 4)));
        for (let s = 1; s <= steps; s++) {
          const t = s / steps;
          const u = 1 - t;
          current.push(u * u * px + 2 * u * t * cx + t * t * ex, u * u * py + 2 * u * t * cy + t * t * ey);
        }
        [px, py] = [ex, ey];
      } else if (current.length) {
        polygons.push(current);
        current = [];
      }
    }
    if (current.length) polygons.push(current);
  }
  return polygons;
}

function drawText(canvas: Canvas, item: TextItem, k: number, font: TrueTypeFont): void {
  canvas.fillPolygons(textPolygons(item, k, font), paint(item.color));
}
