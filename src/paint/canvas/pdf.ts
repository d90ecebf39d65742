/**
 * The PDF backend: the Scene drawn on a @napi-rs/canvas (Skia) PDF page, with the same painter as
 * the raster backend. A layout pixel is 1/100 inch, as in the article's 100-dpi figures, so the
 * default 500×350 chart is a 5×3.5 in page. Text is glyph outlines (no embedded font), and the
 * document carries no dates: the same scene always gives the same bytes.
 */
import { drawScene } from './canvas-draw.js';
import { fallbackTextFor, loadCanvas } from './canvas-module.js';
import type { Scene } from '../../chart/scene.js';

/** PDF points (1/72 in) per layout unit (1/100 in). */
const POINTS_PER_UNIT = 0.72;

export async function renderPdf(
  scene: Scene,
  options: { readonly title?: string; readonly warn: (message: string) => void },
): Promise<Buffer> {
  const canvasModule = await loadCanvas();
  const doc = new canvasModule.PDFDocument({ title: options.title ?? '', creator: 'actfn', producer: 'actfn' });
  const ctx = doc.beginPage(scene.width * POINTS_PER_UNIT, scene.height * POINTS_PER_UNIT);
  ctx.scale(POINTS_PER_UNIT, POINTS_PER_UNIT);
  drawScene(ctx, scene, { snap: 0, fallbackText: await fallbackTextFor(scene, canvasModule, options.warn) });
  doc.endPage();
  return doc.close();
}
