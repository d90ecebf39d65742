/**
 * Image formats and the one entry point that renders a Scene to any of them. Each backend module
 * is imported when first needed: SVG never loads the canvas.
 */
import type { Scene } from '../chart/scene.js';

export type ImageFormat = 'png' | 'jpg' | 'webp' | 'svg' | 'pdf';

/** File extensions (and --format names) → format. No prototype: `-o x.constructor` is no format. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, ImageFormat>> = Object.setPrototypeOf({
  png: 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  webp: 'webp',
  svg: 'svg',
  pdf: 'pdf',
} satisfies Record<string, ImageFormat>, null);

export interface ImageOptions {
  /** Device pixels per layout unit (raster formats only). */
  readonly scale: number;
  readonly jpegQuality: number;
  /** Document title (PDF metadata). */
  readonly title?: string;
  readonly warn: (message: string) => void;
}

export async function renderImage(scene: Scene, format: ImageFormat, options: ImageOptions): Promise<Uint8Array | string> {
  switch (format) {
    case 'svg':
      return (await import('./svg.js')).renderSvg(scene);
    case 'pdf':
      return (await import('./canvas/pdf.js')).renderPdf(scene, options);
    default:
      return (await import('./raster/raster.js')).renderRaster(scene, format, options);
  }
}
