/**
 * The PDF backend: the Scene drawn on a @napi-rs/canvas (Skia) PDF page, with the same painter as
 * the raster backend. A layout pixel is 1/100 inch, as in the article's 100-dpi figures, so the
 * default 500×350 chart is a 5×3.5 in page. Text is glyph outlines (no embedded font), and the
 * document carries no dates: the same scene always gives the same bytes. Outlines cannot be
 * searched or read aloud, so the chart's words go into the document's Subject, whole: a legend
 * name ellipsized on the page is there in full (as SVG keeps it in the text's title).
 */
import { drawScene } from './canvas-draw.js';
import { fallbackTextFor, loadCanvas } from './canvas-module.js';
import type { Scene } from '../../chart/scene.js';

/** The chart's title, legend names and axis labels, each once and whole, in drawing order. */
export function chartWords(scene: Scene): string {
  const words = new Set<string>();
  for (const item of scene.items) {
    if (item.kind === 'text' && item.role !== 'tick-label') words.add(item.fullText ?? item.text);
  }
  return [...words].join(' · ');
}

/** PDF points (1/72 in) per layout unit (1/100 in). */
const POINTS_PER_UNIT = 0.72;

export async function renderPdf(
  scene: Scene,
  options: { readonly title?: string; readonly warn: (message: string) => void },
): Promise<Buffer> {
  const canvasModule = await loadCanvas();
  const doc = new canvasModule.PDFDocument({
    title: options.title ?? '',
    subject: chartWords(scene),
    creator: 'actfn',
    producer: 'actfn',
  });
  const ctx = doc.beginPage(scene.width * POINTS_PER_UNIT, scene.height * POINTS_PER_UNIT);
  ctx.scale(POINTS_PER_UNIT, POINTS_PER_UNIT);
  drawScene(ctx, scene, { snap: 0, fallbackText: await fallbackTextFor(scene, canvasModule, options.warn) });
  doc.endPage();
  return doc.close();
}
