/**
 * A small TrueType reader: character → glyph (cmap formats 4 and 12), advance widths (hmtx),
 * pair kerning ('kern' format 0) and glyph outlines (glyf, simple and composite). Enough to
 * measure text and to draw it as paths, so that every backend (PNG, SVG, PDF, terminal layout)
 * uses the same bundled font's exact shapes and widths, with no font system involved.
 * Pure: it reads bytes it is given.
 */

/** Outline commands in font units, y up: M x y, L x y, Q cx cy x y, Z. */
export type PathCommand =
  | { readonly op: 'M' | 'L'; readonly x: number; readonly y: number }
  | { readonly op: 'Q'; readonly cx: number; readonly cy: number; readonly x: number; readonly y: number }
  | { readonly op: 'Z' };

export interface TrueTypeFont {
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  /** Top of the capital H, in font units. */
  readonly capHeight: number;
  /** Glyph index of a code point; 0 (.notdef) when the font lacks it. */
  glyphIndex(codePoint: number): number;
  advance(glyph: number): number;
  kerning(left: number, right: number): number;
  outline(glyph: number): readonly PathCommand[];
}

interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

export function parseTrueType(bytes: Uint8Array, fontIndex = 0): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = readTableDirectory(view, fontIndex);
  const table = (tag: string): TableRecord => {
    const t = tables.get(tag);
    if (!t) throw new Error(`font has no '${tag}' table`);
    return t;
  };
  const head = table('head').offset;
  const unitsPerEm = view.getUint16(head + 18);
  const longLoca = view.getInt16(head + 50) === 1;
  const hhea = table('hhea').offset;
  const ascender = view.getInt16(hhea + 4);
  const descender = view.getInt16(hhea + 6);
  const numberOfHMetrics = view.getUint16(hhea + 34);
  const numGlyphs = view.getUint16(table('maxp').offset + 4);
  const hmtx = table('hmtx').offset;
  const lookup = readCmap(view, table('cmap').offset);
  const kerning = tables.has('kern') ? readKern(view, tables.get('kern')!.offset) : () => 0;
  const glyf = tables.get('glyf');
  const loca = tables.get('loca');

  const glyphRange = (g: number): [number, number] => {
    if (!glyf || !loca || g < 0 || g >= numGlyphs) return [0, 0];
    const at = (i: number) =>
      longLoca ? view.getUint32(loca.offset + 4 * i) : view.getUint16(loca.offset + 2 * i) * 2;
    return [glyf.offset + at(g), glyf.offset + at(g + 1)];
  };
  const outlines = new Map<number, readonly PathCommand[]>();
  const outline = (g: number): readonly PathCommand[] => {
    let cached = outlines.get(g);
    if (!cached) {
      cached = contoursToPath(readContours(view, glyphRange, g, 0));
      outlines.set(g, cached);
    }
    return cached;
  };
  const hIndex = lookup('H'.codePointAt(0)!);
  const [hStart, hEnd] = glyphRange(hIndex);
  const capHeight = hEnd > hStart ? view.getInt16(hStart + 8) : Math.round(ascender * 0.7);

  return {
    unitsPerEm,
    ascender,
    descender,
    capHeight,
    glyphIndex: lookup,
    advance: (g) => view.getUint16(hmtx + 4 * Math.min(g, numberOfHMetrics - 1)),
    kerning,
    outline,
  };
}

function tag(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/** The table directory of a .ttf, or of font `fontIndex` in a .ttc collection. */
export function readTableDirectory(view: DataView, fontIndex = 0): Map<string, TableRecord> {
  let start = 0;
  if (tag(view, 0) === 'ttcf') {
    const count = view.getUint32(8);
    if (fontIndex >= count) throw new Error(`font collection has ${count} fonts`);
    start = view.getUint32(12 + 4 * fontIndex);
  }
  const numTables = view.getUint16(start + 4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const rec = start + 12 + 16 * i;
    tables.set(tag(view, rec), { offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
  }
  return tables;
}

/** A code point → glyph lookup from the best Unicode cmap subtable (format 12, else 4). */
export function readCmap(view: DataView, cmap: number): (codePoint: number) => number {
  const count = view.getUint16(cmap + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 6 + 8 * i);
    const sub = cmap + view.getUint32(cmap + 8 + 8 * i);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = view.getUint16(sub);
    if (format === 12 && format12 < 0) format12 = sub;
    if (format === 4 && format4 < 0) format4 = sub;
  }
  if (format12 >= 0) return cmapFormat12(view, format12);
  if (format4 >= 0) return cmapFormat4(view, format4);
  return () => 0;
}

function cmapFormat12(view: DataView, sub: number): (cp: number) => number {
  const groups = view.getUint32(sub + 12);
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = sub + 16 + 12 * mid;
      const first = view.getUint32(g);
      if (cp < first) hi = mid - 1;
      else if (cp > view.getUint32(g + 4)) lo = mid + 1;
      else return view.getUint32(g + 8) + (cp - first);
    }
    return 0;
  };
}

function cmapFormat4(view: DataView, sub: number): (cp: number) => number {
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segments - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (view.getUint16(ends + 2 * mid) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = view.getUint16(starts + 2 * lo);
    if (cp < start || cp > view.getUint16(ends + 2 * lo)) return 0;
    const delta = view.getUint16(deltas + 2 * lo);
    const rangeOffset = view.getUint16(rangeOffsets + 2 * lo);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const at = rangeOffsets + 2 * lo + rangeOffset + 2 * (cp - start);
    const g = view.getUint16(at);
    return g === 0 ? 0 : (g + delta) & 0xffff;
  };
}

/**
 * Horizontal pair kerning from a version-0 'kern' table's format-0 subtables (a later subtable
 * wins). Pairs are looked up by binary search in the table, whose pairs are sorted for that:
 * copying DejaVu Sans's 2,727 pairs into a map cost more start-up time than the few lookups a
 * chart makes.
 */
function readKern(view: DataView, kern: number): (left: number, right: number) => number {
  const subtables: { pairs: number; count: number }[] = [];
  if (view.getUint16(kern) === 0) {
    const count = view.getUint16(kern + 2);
    let at = kern + 4;
    for (let t = 0; t < count; t++) {
      const length = view.getUint16(at + 2);
      const coverage = view.getUint16(at + 4);
      // Format 0, horizontal, not cross-stream.
      if (coverage >> 8 === 0 && (coverage & 0x5) === 0x1)
        subtables.unshift({ pairs: at + 14, count: view.getUint16(at + 6) });
      at += length;
    }
  }
  return (left, right) => {
    const key = left * 65536 + right;
    for (const { pairs, count } of subtables) {
      let lo = 0;
      let hi = count - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const p = pairs + 6 * mid;
        const k = view.getUint16(p) * 65536 + view.getUint16(p + 2);
        if (k === key) return view.getInt16(p + 4);
        if (k < key) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return 0;
  };
}

interface OutlinePoint {
  x: number;
  y: number;
  on: boolean;
}

type Contour = OutlinePoint[];

/** Contours of glyph g, composites resolved (depth-limited against malformed fonts). */
function readContours(view: DataView, range: (g: number) => [number, number], g: number, depth: number): Contour[] {
  const [start, end] = range(g);
  if (end <= start || depth > 8) return [];
  const n = view.getInt16(start);
  if (n >= 0) return readSimple(view, start, n);
  const contours: Contour[] = [];
  let at = start + 10;
  for (;;) {
    const flags = view.getUint16(at);
    const component = view.getUint16(at + 2);
    at += 4;
    let dx: number;
    let dy: number;
    if (flags & 0x1) {
      dx = view.getInt16(at);
      dy = view.getInt16(at + 2);
      at += 4;
    } else {
      dx = view.getInt8(at);
      dy = view.getInt8(at + 1);
      at += 2;
    }
    if (!(flags & 0x2)) dx = dy = 0; // point-matching offsets: not used by the fonts we ship
    let a = 1,
      b = 0,
      c = 0,
      d = 1;
    const f2dot14 = (o: number) => view.getInt16(o) / 16384;
    if (flags & 0x8) {
      a = d = f2dot14(at);
      at += 2;
    } else if (flags & 0x40) {
      a = f2dot14(at);
      d = f2dot14(at + 2);
      at += 4;
    } else if (flags & 0x80) {
      a = f2dot14(at);
      b = f2dot14(at + 2);
      c = f2dot14(at + 4);
      d = f2dot14(at + 6);
      at += 8;
    }
    for (const contour of readContours(view, range, component, depth + 1)) {
      contours.push(contour.map((p) => ({ x: a * p.x + c * p.y + dx, y: b * p.x + d * p.y + dy, on: p.on })));
    }
    if (!(flags & 0x20)) break;
  }
  return contours;
}

function readSimple(view: DataView, start: number, contourCount: number): Contour[] {
  const endPoints: number[] = [];
  for (let i = 0; i < contourCount; i++) endPoints.push(view.getUint16(start + 10 + 2 * i));
  const pointCount = contourCount ? endPoints[contourCount - 1]! + 1 : 0;
  let at = start + 10 + 2 * contourCount;
  at += 2 + view.getUint16(at); // skip instructions
  const flags: number[] = [];
  while (flags.length < pointCount) {
    const f = view.getUint8(at++);
    flags.push(f);
    if (f & 0x8) {
      const repeat = view.getUint8(at++);
      for (let r = 0; r < repeat; r++) flags.push(f);
    }
  }
  const coords = (shortBit: number, sameBit: number): number[] => {
    const out: number[] = [];
    let v = 0;
    for (const f of flags) {
      if (f & shortBit) {
        const delta = view.getUint8(at++);
        v += f & sameBit ? delta : -delta;
      } else if (!(f & sameBit)) {
        v += view.getInt16(at);
        at += 2;
      }
      out.push(v);
    }
    return out;
  };
  const xs = coords(0x2, 0x10);
  const ys = coords(0x4, 0x20);
  const contours: Contour[] = [];
  let first = 0;
  for (const last of endPoints) {
    const contour: Contour = [];
    for (let i = first; i <= last; i++) contour.push({ x: xs[i]!, y: ys[i]!, on: (flags[i]! & 1) === 1 });
    contours.push(contour);
    first = last + 1;
  }
  return contours;
}

/** Quadratic B-spline contours → M/L/Q/Z, inserting the implied on-curve midpoints. */
function contoursToPath(contours: readonly Contour[]): PathCommand[] {
  const out: PathCommand[] = [];
  const mid = (p: OutlinePoint, q: OutlinePoint): OutlinePoint => ({
    x: (p.x + q.x) / 2,
    y: (p.y + q.y) / 2,
    on: true,
  });
  for (const contour of contours) {
    const n = contour.length;
    if (n === 0) continue;
    const s = contour.findIndex((p) => p.on);
    // Start on an on-curve point, or (all off-curve) at the midpoint of the first two points.
    const start = s >= 0 ? contour[s]! : mid(contour[0]!, contour[1 % n]!);
    const rest = s >= 0 ? [...contour.slice(s + 1), ...contour.slice(0, s)] : [...contour.slice(1), contour[0]!];
    out.push({ op: 'M', x: start.x, y: start.y });
    let control: OutlinePoint | undefined;
    for (const p of [...rest, start]) {
      if (p.on) {
        out.push(control ? { op: 'Q', cx: control.x, cy: control.y, x: p.x, y: p.y } : { op: 'L', x: p.x, y: p.y });
        control = undefined;
      } else {
        if (control) {
          const m = mid(control, p);
          out.push({ op: 'Q', cx: control.x, cy: control.y, x: m.x, y: m.y });
        }
        control = p;
      }
    }
    out.push({ op: 'Z' });
  }
  return out;
}
