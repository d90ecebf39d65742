/**
 * Loads @napi-rs/canvas on first use (only commands that draw pay for it) and the text fallback
 * for characters the bundled font lacks. The canvas would scan every installed font when it
 * loads (100+ ms with many fonts); we draw text from our own font file, so that scan is turned
 * off before the module is evaluated, and system fonts are looked at only for a fallback.
 */
import type { CanvasRenderingContext2D } from '@napi-rs/canvas';
import { BUNDLED_FONT_FAMILY, BUNDLED_FONT_FILE, bundledFont, covers, shapeText } from '../fonts/font.js';
import type { Scene, TextItem } from '../../chart/scene.js';

export type CanvasModule = typeof import('@napi-rs/canvas');

let loading: Promise<CanvasModule> | undefined;

export function loadCanvas(): Promise<CanvasModule> {
  if (!process.env.DISABLE_SYSTEM_FONTS_LOAD) process.env.DISABLE_SYSTEM_FONTS_LOAD = '1';
  loading ??= import('@napi-rs/canvas');
  return loading;
}

const FALLBACK_FAMILY = 'actfn fallback';
const registered = new Set<string>();
/** One warning per run, whatever the number of labels. */
let warned = false;

/**
 * A `fallbackText` for drawScene: registers the bundled font and an installed font that has the
 * missing glyphs (once per process), then lets the canvas draw the text with both. When no
 * installed font has them, `warn` is told once per text.
 */
/** The fallback drawer for a scene; system fonts are only looked at if some text needs them. */
export async function fallbackTextFor(
  scene: Scene,
  canvas: CanvasModule,
  warn: (message: string) => void,
): Promise<(ctx: CanvasRenderingContext2D, item: TextItem) => void> {
  const font = bundledFont();
  if (scene.items.every((item) => item.kind !== 'text' || covers(font, item.text))) return () => {};
  return canvasFallbackText(canvas, warn);
}

async function canvasFallbackText(
  canvas: CanvasModule,
  warn: (message: string) => void,
): Promise<(ctx: CanvasRenderingContext2D, item: TextItem) => void> {
  const { findFontCovering } = await import('../fonts/system-fonts.js');
  return (ctx, item) => {
    const missing = [...new Set(shapeText(bundledFont(), item.text).missing)];
    if (!registered.has(BUNDLED_FONT_FILE)) {
      canvas.GlobalFonts.registerFromPath(BUNDLED_FONT_FILE, BUNDLED_FONT_FAMILY);
      registered.add(BUNDLED_FONT_FILE);
    }
    const key = missing.join('');
    if (!registered.has(key)) {
      const file = findFontCovering(missing);
      if (file) canvas.GlobalFonts.registerFromPath(file, FALLBACK_FAMILY);
      else if (!warned) {
        warned = true;
        warn(
          `no font on this system has glyphs for '${missing.join('')}' in '${item.text}'; they will show as boxes (install e.g. fonts-noto-cjk)`,
        );
      }
      registered.add(key);
    }
    ctx.save();
    ctx.translate(item.x, item.y);
    if (item.rotate) ctx.rotate((item.rotate * Math.PI) / 180);
    ctx.font = `${item.size}px "${BUNDLED_FONT_FAMILY}", "${FALLBACK_FAMILY}"`;
    ctx.textAlign = item.anchor === 'start' ? 'left' : item.anchor === 'middle' ? 'center' : 'right';
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = item.color;
    ctx.fillText(item.text, 0, 0);
    ctx.restore();
  };
}
