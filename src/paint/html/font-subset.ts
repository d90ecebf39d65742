/**
 * A subset of the bundled font for the interactive page: advance widths, pair kerning and glyph
 * outlines of the characters charts use (ASCII and the math signs of labels and tick labels), so
 * that the page measures and draws text exactly as the SVG writer does, in a few tens of KB
 * instead of the 740 KB font. Text with other characters falls back to the browser's fonts.
 */
import type { PathCommand, TrueTypeFont } from '../fonts/truetype.js';

export interface FontSubset {
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  readonly capHeight: number;
  /** Code point → [glyph index, advance, outline as `M x y L x y Q cx cy x y Z`]. */
  readonly glyphs: Readonly<Record<string, readonly [number, number, string]>>;
  /** [left glyph, right glyph, kerning] for pairs of the subset's glyphs with non-zero kerning. */
  readonly kerning: readonly (readonly [number, number, number])[];
}

/** Printable ASCII and the signs chart text uses (tick labels, legends, titles, formulas). */
export const SUBSET_TEXT =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~' +
  '−·′″ᵢⱼₖˣⁿ∞±≤≥≠≈∂√→∑Σσβαγδελμπτφηθωκρ×÷…—–’½¹²³⁰⁴⁵⁶⁷⁸⁹⁺⁻₍₎Φℝ°';

function pathText(path: readonly PathCommand[]): string {
  return path
    .map((c) => (c.op === 'Z' ? 'Z' : c.op === 'Q' ? `Q${c.cx} ${c.cy} ${c.x} ${c.y}` : `${c.op}${c.x} ${c.y}`))
    .join('');
}

export function fontSubset(font: TrueTypeFont, text: string = SUBSET_TEXT): FontSubset {
  const glyphs: Record<string, [number, number, string]> = {};
  const ids: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const g = font.glyphIndex(cp);
    if (g === 0 || glyphs[cp] !== undefined) continue;
    glyphs[cp] = [g, font.advance(g), pathText(font.outline(g))];
    if (!ids.includes(g)) ids.push(g);
  }
  const kerning: [number, number, number][] = [];
  for (const a of ids)
    for (const b of ids) {
      const k = font.kerning(a, b);
      if (k !== 0) kerning.push([a, b, k]);
    }
  return {
    unitsPerEm: font.unitsPerEm,
    ascender: font.ascender,
    descender: font.descender,
    capHeight: font.capHeight,
    glyphs,
    kerning,
  };
}

function parsePath(text: string): PathCommand[] {
  const out: PathCommand[] = [];
  for (const m of text.matchAll(/([MLQZ])([^MLQZ]*)/g)) {
    const n = m[2]!.trim() === '' ? [] : m[2]!.trim().split(' ').map(Number);
    if (m[1] === 'Z') out.push({ op: 'Z' });
    else if (m[1] === 'Q') out.push({ op: 'Q', cx: n[0]!, cy: n[1]!, x: n[2]!, y: n[3]! });
    else out.push({ op: m[1] as 'M' | 'L', x: n[0]!, y: n[1]! });
  }
  return out;
}

/** The subset as a TrueTypeFont: what the page's layout and SVG writer read. */
export function subsetFont(s: FontSubset): TrueTypeFont {
  const byGlyph = new Map<number, readonly [number, number, string]>();
  for (const g of Object.values(s.glyphs)) byGlyph.set(g[0], g);
  const kern = new Map<number, number>();
  for (const [a, b, k] of s.kerning) kern.set(a * 65536 + b, k);
  const outlines = new Map<number, PathCommand[]>();
  return {
    unitsPerEm: s.unitsPerEm,
    ascender: s.ascender,
    descender: s.descender,
    capHeight: s.capHeight,
    glyphIndex: (cp) => s.glyphs[cp]?.[0] ?? 0,
    advance: (g) => byGlyph.get(g)?.[1] ?? 0,
    kerning: (a, b) => kern.get(a * 65536 + b) ?? 0,
    outline(g) {
      let o = outlines.get(g);
      if (!o) {
        o = parsePath(byGlyph.get(g)?.[2] ?? '');
        outlines.set(g, o);
      }
      return o;
    },
  };
}
