/**
 * A small anti-aliasing rasterizer: a Scene → RGBA pixels in plain JavaScript, so that a PNG
 * needs no native canvas (loading Skia's 35 MB library costs more than drawing a chart).
 * - Text: the bundled font's glyph outlines, curves flattened, filled with exact area coverage by
 *   accumulating signed areas along the edges and summing them across each row (the method of
 *   font-rs and stb_truetype).
 * - Strokes (curves, slanted lines): coverage from the distance to the nearest segment, a one-pixel
 *   ramp at the edge; round joints come free, and where segments overlap the larger coverage wins,
 *   so a joint is never painted twice.
 * - Axis-aligned crisp lines and rectangles: exact coverage of their pixel cells; the legend's
 *   rounded box from its signed distance.
 */
import { bundledFont, shapeText } from './font.js';
import type { Color, LineItem, PolylineItem, RectItem, Scene, TextItem } from './scene.js';
import type { PathCommand, TrueTypeFont } from './truetype.js';

export interface Raster {
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes a pixel, row-major. */
  readonly data: Uint8Array;
}

/** A polygon (or several, for shapes with holes) as flat x, y lists, in device pixels. */
type Polygon = number[];

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

function parseColor(color: Color): Rgba {
  const hex = color.slice(1);
  const v = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return { r: v(0), g: v(2), b: v(4), a: hex.length >= 8 ? v(6) / 255 : 1 };
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
    else if (item.kind === 'polyline') canvas.stroke(item.points, scale, (item.width * scale) / 2, item.color);
    else drawText(canvas, item, scale, bundledFont());
  }
  return { width, height, data: canvas.data };
}

class Canvas {
  readonly data: Uint8Array;
  private readonly pixels: Uint32Array;
  private acc = new Float32Array(0);
  /** Stroke coverage per pixel, and the pixels it has touched (reset after each stroke). */
  private cover = new Float32Array(0);
  private touched = new Int32Array(0);
  private rowMin = new Int32Array(0);
  private rowMax = new Int32Array(0);

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height * 4);
    this.pixels = new Uint32Array(this.data.buffer);
  }

  /** Blends `color` into pixel i with coverage c (0–1). */
  private blend(i: number, c: number, col: Rgba): void {
    const a = c * col.a;
    if (a <= 0) return;
    const d = this.data;
    const o = i * 4;
    if (a >= 1) {
      d[o] = col.r;
      d[o + 1] = col.g;
      d[o + 2] = col.b;
      d[o + 3] = 255;
      return;
    }
    const keep = 1 - a;
    d[o] = (d[o]! * keep + col.r * a + 0.5) | 0;
    d[o + 1] = (d[o + 1]! * keep + col.g * a + 0.5) | 0;
    d[o + 2] = (d[o + 2]! * keep + col.b * a + 0.5) | 0;
    d[o + 3] = (d[o + 3]! * keep + 255 * a + 0.5) | 0;
  }

  /** An axis-aligned rectangle with exact coverage at fractional edges. */
  fillRect(x0: number, y0: number, x1: number, y1: number, color: Color): void {
    const col = parseColor(color);
    const left = Math.max(0, Math.floor(x0));
    const right = Math.min(this.width, Math.ceil(x1));
    const top = Math.max(0, Math.floor(y0));
    const bottom = Math.min(this.height, Math.ceil(y1));
    // Whole opaque pixels are written 32 bits at a time (the background, mostly).
    const solid = col.a === 1 ? new Uint8Array([col.r, col.g, col.b, 255]) : undefined;
    const word = solid ? new Uint32Array(solid.buffer)[0]! : 0;
    for (let y = top; y < bottom; y++) {
      const cy = Math.min(y + 1, y1) - Math.max(y, y0);
      if (cy <= 0) continue;
      let x = left;
      if (solid && cy === 1) {
        const innerLeft = Math.max(left, Math.ceil(x0));
        const innerRight = Math.min(right, Math.floor(x1));
        for (; x < innerLeft; x++) this.blend(y * this.width + x, Math.min(x + 1, x1) - Math.max(x, x0), col);
        if (innerRight > innerLeft) this.pixels.fill(word, y * this.width + innerLeft, y * this.width + innerRight);
        x = Math.max(x, innerRight);
      }
      for (; x < right; x++) {
        const cx = Math.min(x + 1, x1) - Math.max(x, x0);
        if (cx > 0) this.blend(y * this.width + x, cx * cy, col);
      }
    }
  }

  /**
   * Strokes a polyline (layout units × k) with half width r in device pixels: each pixel gets
   * the coverage max over segments of clamp(r + ½ − distance).
   */
  stroke(points: Float64Array, k: number, r: number, color: Color): void {
    const n = points.length / 2;
    if (n < 2) return;
    const w = this.width;
    if (this.cover.length < this.width * this.height) {
      this.cover = new Float32Array(this.width * this.height);
      this.touched = new Int32Array(1024);
    }
    const cover = this.cover;
    let count = 0;
    const reach = r + 0.5;
    for (let i = 0; i + 1 < n; i++) {
      const ax = points[2 * i]! * k;
      const ay = points[2 * i + 1]! * k;
      const bx = points[2 * i + 2]! * k;
      const by = points[2 * i + 3]! * k;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const left = Math.max(0, Math.floor(Math.min(ax, bx) - reach));
      const right = Math.min(this.width - 1, Math.ceil(Math.max(ax, bx) + reach));
      const top = Math.max(0, Math.floor(Math.min(ay, by) - reach));
      const bottom = Math.min(this.height - 1, Math.ceil(Math.max(ay, by) + reach));
      for (let y = top; y <= bottom; y++) {
        const py = y + 0.5;
        for (let x = left; x <= right; x++) {
          const px = x + 0.5;
          // Distance from the pixel center to the segment.
          let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
          t = t < 0 ? 0 : t > 1 ? 1 : t;
          const ex = ax + t * dx - px;
          const ey = ay + t * dy - py;
          const c = reach - Math.sqrt(ex * ex + ey * ey);
          if (c <= 0) continue;
          const i2 = y * w + x;
          const old = cover[i2]!;
          if (old === 0) {
            if (count === this.touched.length) {
              const grown = new Int32Array(count * 2);
              grown.set(this.touched);
              this.touched = grown;
            }
            this.touched[count++] = i2;
          }
          const v = c > 1 ? 1 : c;
          if (v > old) cover[i2] = v;
        }
      }
    }
    const col = parseColor(color);
    for (let j = 0; j < count; j++) {
      const i2 = this.touched[j]!;
      this.blend(i2, cover[i2]!, col);
      cover[i2] = 0;
    }
  }

  /** A rounded rectangle's fill and outline (device pixels), anti-aliased by signed distance. */
  roundedBox(x: number, y: number, width: number, height: number, radius: number, fill: Color | undefined, stroke: Color | undefined, lineWidth: number): void {
    const half = stroke ? lineWidth / 2 : 0;
    const cx = x + width / 2;
    const cy = y + height / 2;
    const hx = width / 2;
    const hy = height / 2;
    const r = Math.max(0, Math.min(radius, hx, hy));
    const fillCol = fill ? parseColor(fill) : undefined;
    const strokeCol = stroke ? parseColor(stroke) : undefined;
    const left = Math.max(0, Math.floor(x - half - 1));
    const right = Math.min(this.width - 1, Math.ceil(x + width + half + 1));
    const top = Math.max(0, Math.floor(y - half - 1));
    const bottom = Math.min(this.height - 1, Math.ceil(y + height + half + 1));
    for (let py = top; py <= bottom; py++) {
      for (let px = left; px <= right; px++) {
        // Signed distance from the pixel center to the box's outline (negative inside).
        const qx = Math.abs(px + 0.5 - cx) - (hx - r);
        const qy = Math.abs(py + 0.5 - cy) - (hy - r);
        const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
        const sd = outside + Math.min(Math.max(qx, qy), 0) - r;
        const i = py * this.width + px;
        if (fillCol) {
          const c = 0.5 - sd;
          if (c > 0) this.blend(i, c > 1 ? 1 : c, fillCol);
        }
        if (strokeCol) {
          const c = half + 0.5 - Math.abs(sd);
          if (c > 0) this.blend(i, c > 1 ? 1 : c, strokeCol);
        }
      }
    }
  }

  /** Fills polygons (nonzero; overlaps clamp to full coverage) with anti-aliased edges. */
  fill(polygons: readonly Polygon[], color: Color): void {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const p of polygons) {
      for (let i = 0; i < p.length; i += 2) {
        const x = p[i]!;
        const y = p[i + 1]!;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
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
    for (const p of polygons) {
      const n = p.length / 2;
      for (let i = 0; i < n; i++) {
        const j = i + 1 === n ? 0 : i + 1;
        accumulateEdge(this.acc, w, h, p[2 * i]! - x0, p[2 * i + 1]! - y0, p[2 * j]! - x0, p[2 * j + 1]! - y0, span);
      }
    }
    // Each row's running sum is the coverage; cells outside the row's touched span are 0. The
    // buffer is left zeroed for the next shape.
    const col = parseColor(color);
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
        const c = sum < 0 ? -sum : sum;
        if (c > 1 / 512 && x0 + x < this.width) this.blend(base + x, c > 1 ? 1 : c, col);
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
  const horizontal = item.y1 === item.y2;
  const vertical = item.x1 === item.x2;
  if (item.crisp && (horizontal || vertical)) {
    const w = Math.max(1, Math.round(item.width * k));
    if (horizontal) {
      const y = snap(item.y1 * k, w);
      canvas.fillRect(Math.min(item.x1, item.x2) * k, y - w / 2, Math.max(item.x1, item.x2) * k, y + w / 2, item.color);
    } else {
      const x = snap(item.x1 * k, w);
      canvas.fillRect(x - w / 2, Math.min(item.y1, item.y2) * k, x + w / 2, Math.max(item.y1, item.y2) * k, item.color);
    }
    return;
  }
  canvas.stroke(Float64Array.of(item.x1, item.y1, item.x2, item.y2), k, (item.width * k) / 2, item.color);
}

function drawRect(canvas: Canvas, item: RectItem, k: number): void {
  const { x, y, width, height } = item.rect;
  if (!item.radius && item.fill && !item.stroke) {
    canvas.fillRect(x * k, y * k, (x + width) * k, (y + height) * k, item.fill);
    return;
  }
  canvas.roundedBox(x * k, y * k, width * k, height * k, (item.radius ?? 0) * k, item.fill, item.stroke, (item.lineWidth ?? 1) * k);
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
  canvas.fill(textPolygons(item, k, font), item.color);
}
