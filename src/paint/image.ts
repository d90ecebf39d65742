/**
 * Image formats and the one entry point that renders a Scene to any of them. Each backend module
 * is imported when first needed: SVG never loads the canvas.
 */
import type { Scene } from '../chart/scene.js';
import type { PageView } from './html/view.js';

export type ImageFormat = 'png' | 'jpg' | 'webp' | 'svg' | 'pdf' | 'html' | 'gif';

/** File extensions (and --format names) → format. No prototype: `-o x.constructor` is no format. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, ImageFormat>> = Object.setPrototypeOf(
  {
    png: 'png',
    jpg: 'jpg',
    jpeg: 'jpg',
    webp: 'webp',
    svg: 'svg',
    pdf: 'pdf',
    html: 'html',
    htm: 'html',
    gif: 'gif',
  } satisfies Record<string, ImageFormat>,
  null,
);

export interface ImageOptions {
  /** Device pixels per layout unit (raster formats only). */
  readonly scale: number;
  readonly jpegQuality: number;
  /** Document title (PDF metadata). */
  readonly title?: string;
  readonly warn: (message: string) => void;
  /** HTML: what the interactive page shows and lets change (its chart is the scene). */
  readonly page?: PageView;
  /** GIF: frames per second of an animation (a single chart is one frame). */
  readonly fps?: number;
}

export async function renderImage(
  scene: Scene,
  format: ImageFormat,
  options: ImageOptions,
): Promise<Uint8Array | string> {
  switch (format) {
    case 'svg':
      return (await import('./svg.js')).renderSvg(scene);
    case 'html': {
      if (!options.page) throw new Error('internal: an HTML page needs its view');
      const [{ renderPage }, { renderSvg }] = await Promise.all([import('./html/page.js'), import('./svg.js')]);
      // A plot's title names its function; compare's ('f(x)') does not: the command line does.
      const title = options.page.command === 'plot' && options.title ? { title: options.title } : {};
      return renderPage(options.page, renderSvg(scene), title);
    }
    case 'gif':
      return (await import('./gif.js')).renderGif([scene], { scale: options.scale, fps: options.fps ?? 20 });
    case 'pdf':
      return (await import('./canvas/pdf.js')).renderPdf(scene, options);
    default:
      return (await import('./raster/raster.js')).renderRaster(scene, format, options);
  }
}
