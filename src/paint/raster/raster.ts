/**
 * The raster backend: a Scene → PNG, JPEG or WebP bytes. Pixels come from our own rasterizer
 * (rasterizer.ts: no native code to load) and PNG from our own writer (png.ts); JPEG from
 * jpeg-js (pure JavaScript, no chroma subsampling), WebP from @napi-rs/canvas's encoder. A scene with text the bundled font lacks (CJK labels) is drawn
 * by the canvas instead, which can use a system font for it. The scale factor multiplies pixels,
 * not layout (HiDPI). No encoder writes metadata: the same scene always gives the same bytes.
 */
import type { CanvasModule } from '../canvas/canvas-module.js';
import { bundledFont, covers } from '../fonts/font.js';
import { encodePng } from './png.js';
import { rasterize, type Raster } from './rasterizer.js';
import type { Scene } from '../../chart/scene.js';

export type RasterFormat = 'png' | 'jpg' | 'webp';

export interface RasterOptions {
  /** Device pixels per layout unit. */
  readonly scale: number;
  /** 0–100, for JPEG. */
  readonly jpegQuality: number;
  readonly warn: (message: string) => void;
}

function needsSystemFonts(scene: Scene): boolean {
  const font = bundledFont();
  return scene.items.some((item) => item.kind === 'text' && !covers(font, item.text));
}

/** The scene drawn by the canvas (Skia), for text our rasterizer cannot draw. */
async function canvasRaster(canvasModule: CanvasModule, scene: Scene, options: RasterOptions): Promise<Raster> {
  const { drawScene } = await import('../canvas/canvas-draw.js');
  const { fallbackTextFor } = await import('../canvas/canvas-module.js');
  const k = options.scale;
  const canvas = canvasModule.createCanvas(Math.round(scene.width * k), Math.round(scene.height * k));
  const ctx = canvas.getContext('2d');
  ctx.scale(k, k);
  drawScene(ctx, scene, { snap: k, fallbackText: await fallbackTextFor(scene, canvasModule, options.warn) });
  // The background is opaque, so the canvas's premultiplied pixels are the plain ones.
  return { width: canvas.width, height: canvas.height, data: canvas.data() };
}

export async function renderRaster(scene: Scene, format: RasterFormat, options: RasterOptions): Promise<Buffer> {
  // The canvas is loaded only for system fonts or for the WebP encoder.
  const canvasModule =
    needsSystemFonts(scene) || format === 'webp'
      ? await (await import('../canvas/canvas-module.js')).loadCanvas()
      : undefined;
  const raster =
    canvasModule && needsSystemFonts(scene)
      ? await canvasRaster(canvasModule, scene, options)
      : rasterize(scene, options.scale);
  if (format === 'png') return encodePng(raster.data, raster.width, raster.height);
  if (format === 'jpg') {
    // jpeg-js codes every channel at full resolution (4:4:4): the canvas's encoder halves the
    // chroma (4:2:0), which turns thin colored curves brownish.
    const { encode } = await import('jpeg-js');
    return encode({ data: raster.data, width: raster.width, height: raster.height }, options.jpegQuality).data;
  }
  const canvas = canvasModule!.createCanvas(raster.width, raster.height);
  const pixels = new Uint8ClampedArray(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength);
  canvas.getContext('2d').putImageData(new canvasModule!.ImageData(pixels, raster.width, raster.height), 0, 0);
  // Charts are flat colors and thin lines: lossless WebP is both sharper and smaller.
  return canvas.encodeSync('webp', 100);
}
