/**
 * Draws a Scene on a 2D canvas context: the shared painter of the raster backend (PNG, JPG, WebP)
 * and the PDF backend, which both hand it a @napi-rs/canvas context. Text is filled as the bundled
 * font's glyph outlines; text with characters that font lacks goes through `fallbackText`.
 */
import type { CanvasRenderingContext2D } from '@napi-rs/canvas';
import { bundledFont, covers, shapeText } from '../fonts/font.js';
import type { LineItem, PolylineItem, RectItem, Scene, TextItem } from '../../chart/scene.js';
import type { PathCommand, TrueTypeFont } from '../fonts/truetype.js';

export interface DrawOptions {
  /** Device pixels per layout unit, for snapping crisp lines (raster); 0: no snapping (PDF). */
  readonly snap: number;
  /** Draws text the bundled font cannot (CJK); given the context already set up. */
  readonly fallbackText: (ctx: CanvasRenderingContext2D, item: TextItem) => void;
}

export function drawScene(ctx: CanvasRenderingContext2D, scene: Scene, options: DrawOptions): void {
  ctx.lineCap = 'butt';
  ctx.lineJoin = 'round';
  for (const item of scene.items) {
    switch (item.kind) {
      case 'rect':
        drawRect(ctx, item);
        break;
      case 'line':
        drawLine(ctx, item, options.snap);
        break;
      case 'polyline':
        drawPolyline(ctx, item);
        break;
      case 'text':
        if (covers(bundledFont(), item.text)) drawGlyphText(ctx, item, bundledFont());
        else options.fallbackText(ctx, item);
        break;
    }
  }
}

function drawRect(ctx: CanvasRenderingContext2D, item: RectItem): void {
  const { x, y, width, height } = item.rect;
  ctx.beginPath();
  if (item.radius) ctx.roundRect(x, y, width, height, item.radius);
  else ctx.rect(x, y, width, height);
  if (item.fill) {
    ctx.fillStyle = item.fill;
    ctx.fill();
  }
  if (item.stroke) {
    ctx.strokeStyle = item.stroke;
    ctx.lineWidth = item.lineWidth ?? 1;
    ctx.stroke();
  }
}

/** Moves a coordinate to where a line of `width` covers whole device pixels. */
function snap(v: number, width: number, k: number): number {
  if (!k) return v;
  const w = Math.max(1, Math.round(width * k));
  return (w % 2 === 1 ? Math.floor(v * k) + 0.5 : Math.round(v * k)) / k;
}

function drawLine(ctx: CanvasRenderingContext2D, item: LineItem, k: number): void {
  let { x1, y1, x2, y2 } = item;
  if (item.crisp && k) {
    if (x1 === x2) x1 = x2 = snap(x1, item.width, k);
    if (y1 === y2) y1 = y2 = snap(y1, item.width, k);
  }
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.strokeStyle = item.color;
  ctx.lineWidth = item.crisp && k ? Math.max(1, Math.round(item.width * k)) / k : item.width;
  ctx.stroke();
}

function drawPolyline(ctx: CanvasRenderingContext2D, item: PolylineItem): void {
  const p = item.points;
  if (p.length < 4) return;
  ctx.beginPath();
  ctx.moveTo(p[0]!, p[1]!);
  for (let i = 2; i < p.length; i += 2) ctx.lineTo(p[i]!, p[i + 1]!);
  ctx.strokeStyle = item.color;
  ctx.lineWidth = item.width;
  ctx.setLineDash(item.dash ? [...item.dash] : []);
  ctx.lineDashOffset = item.dashOffset ?? 0;
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.lineDashOffset = 0;
}

/** Where the text starts, from its anchor and its width in layout units. */
export function textStart(item: TextItem, width: number): number {
  return item.anchor === 'start' ? 0 : item.anchor === 'middle' ? -width / 2 : -width;
}

function drawGlyphText(ctx: CanvasRenderingContext2D, item: TextItem, font: TrueTypeFont): void {
  const shaped = shapeText(font, item.text);
  const k = item.size / font.unitsPerEm;
  ctx.save();
  ctx.translate(item.x, item.y);
  if (item.rotate) ctx.rotate((item.rotate * Math.PI) / 180);
  ctx.translate(textStart(item, shaped.advance * k), 0);
  ctx.scale(k, -k);
  ctx.beginPath();
  for (const g of shaped.glyphs) appendOutline(ctx, font.outline(g.glyph), g.x);
  ctx.fillStyle = item.color;
  ctx.fill('nonzero');
  ctx.restore();
}

function appendOutline(ctx: CanvasRenderingContext2D, path: readonly PathCommand[], dx: number): void {
  for (const c of path) {
    if (c.op === 'M') ctx.moveTo(c.x + dx, c.y);
    else if (c.op === 'L') ctx.lineTo(c.x + dx, c.y);
    else if (c.op === 'Q') ctx.quadraticCurveTo(c.cx + dx, c.cy, c.x + dx, c.y);
    else ctx.closePath();
  }
}
