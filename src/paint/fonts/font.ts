/**
 * The bundled font (DejaVu Sans, matplotlib's default face; fonts/LICENSE-DejaVu.txt): loaded
 * from the package, never from the system, and used through truetype.ts for measuring and for
 * drawing text as glyph outlines. Text the font has no glyphs for (CJK labels) is measured as
 * 1 em per wide character and drawn by the backends with a system fallback font.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../../resources.js';
import type { TextMeasure } from '../../chart/layout.js';
import { parseTrueType, type TrueTypeFont } from './truetype.js';
import { isWide } from '../text-width.js';

export const BUNDLED_FONT_FILE = packageFile('fonts/DejaVuSans.ttf');
export const BUNDLED_FONT_FAMILY = 'DejaVu Sans';

let cached: TrueTypeFont | undefined;

export function bundledFont(): TrueTypeFont {
  cached ??= parseTrueType(readFileSync(BUNDLED_FONT_FILE));
  return cached;
}

export interface PositionedGlyph {
  readonly glyph: number;
  /** Pen position in font units from the start of the text. */
  readonly x: number;
}

export interface ShapedText {
  readonly glyphs: readonly PositionedGlyph[];
  /** Advance width in font units. */
  readonly advance: number;
  /** Characters the font has no glyph for. */
  readonly missing: readonly string[];
}

/** Glyphs and pen positions for `text` with pair kerning; missing characters get a stand-in width. */
export function shapeText(font: TrueTypeFont, text: string): ShapedText {
  const glyphs: PositionedGlyph[] = [];
  const missing: string[] = [];
  let pen = 0;
  let previous = -1;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const glyph = font.glyphIndex(cp);
    if (glyph === 0) {
      missing.push(ch);
      pen += (isWide(cp) ? 1 : 0.6) * font.unitsPerEm;
      previous = -1;
      continue;
    }
    if (previous >= 0) pen += font.kerning(previous, glyph);
    glyphs.push({ glyph, x: pen });
    pen += font.advance(glyph);
    previous = glyph;
  }
  return { glyphs, advance: pen, missing };
}

/** Whether the font has a glyph for every character of `text`. */
export function covers(font: TrueTypeFont, text: string): boolean {
  for (const ch of text) if (font.glyphIndex(ch.codePointAt(0)!) === 0 && ch.trim() !== '') return false;
  return true;
}

/** The layout's text measure for a font, in the units of the font size given. */
export function fontMeasure(font: TrueTypeFont = bundledFont()): TextMeasure {
  const em = font.unitsPerEm;
  const widths = new Map<string, number>();
  return {
    width(text, size) {
      let w = widths.get(text);
      if (w === undefined) {
        w = shapeText(font, text).advance / em;
        widths.set(text, w);
      }
      return w * size;
    },
    capHeight: (size) => (font.capHeight / em) * size,
    descent: (size) => (-font.descender / em) * size,
  };
}
