/**
 * The raster backend: a Scene → PNG, JPEG or WebP bytes through @napi-rs/canvas (Skia). The
 * scale factor multiplies pixels, not layout (HiDPI). PNG is our own writer (png.ts); no encoder
 * writes metadata, so the same scene always gives the same bytes.
 */
import { drawScene } from './canvas-draw.js';
import { fallbackTextFor, loadCanvas } from './canvas-module.js';
import { encodePng } from './png.js';
import type { Scene } from './scene.js';

export type RasterFormat = 'png' | 'jpg' | 'webp';

export interface RasterOptions {
  /** Device pixels per layout unit. */
  readonly scale: number;
  /** 0–100, for JPEG. */
  readonly jpegQuality: number;
  readonly warn: (message: string) => void;
}

export async function renderRaster(scene: Scene, format: RasterFormat, options: RasterOptions): Promise<Buffer> {
  const canvasModule = await loadCanvas();
  const k = options.scale;
  const canvas = canvasModule.createCanvas(Math.round(scene.width * k), Math.round(scene.height * k));
  const ctx = canvas.getContext('2d');
  ctx.scale(k, k);
  drawScene(ctx, scene, { snap: k, fallbackText: await fallbackTextFor(scene, canvasModule, options.warn) });
  // The background is opaque, so the canvas's premultiplied pixels are the plain ones.
  if (format === 'png') return encodePng(canvas.data(), canvas.width, canvas.height);
  if (format === 'jpg') return canvas.encodeSync('jpeg', options.jpegQuality);
  // Charts are flat colors and thin lines: lossless WebP is both sharper and smaller.
  return canvas.encodeSync('webp', 100);
}
