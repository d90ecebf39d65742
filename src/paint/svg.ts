/**
 * The SVG backend: our own writer from the Scene, no canvas needed. Text is the bundled font's
 * glyph outlines, each glyph defined once in <defs> and placed with <use> (as matplotlib does), so
 * the file looks the same in any viewer without the font installed. Text the font lacks (CJK)
 * stays <text>, left to the viewer's fonts. Numbers are rounded to 0.01 and attributes written in
 * a fixed order: the same scene always gives the same bytes.
 */
import { bundledFont, covers, shapeText, BUNDLED_FONT_FAMILY } from './fonts/font.js';
import type { Color, LineItem, PolylineItem, RectItem, Scene, TextItem } from '../chart/scene.js';
import type { PathCommand } from './fonts/truetype.js';

function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** `fill="#rrggbb"` plus an opacity attribute for '#rrggbbaa' colors. */
function paint(attr: 'fill' | 'stroke', color: Color): string {
  if (color.length === 9) {
    const alpha = parseInt(color.slice(7), 16) / 255;
    return `${attr}="${color.slice(0, 7)}" ${attr}-opacity="${num(alpha)}"`;
  }
  return `${attr}="${color}"`;
}

function outlineData(path: readonly PathCommand[]): string {
  const parts: string[] = [];
  for (const c of path) {
    if (c.op === 'M' || c.op === 'L') parts.push(`${c.op}${num(c.x)} ${num(c.y)}`);
    else if (c.op === 'Q') parts.push(`Q${num(c.cx)} ${num(c.cy)} ${num(c.x)} ${num(c.y)}`);
    else parts.push('Z');
  }
  return parts.join('');
}

/** The SVG document of a scene (vector: its size is the layout size). */
export function renderSvg(scene: Scene): string {
  const font = bundledFont();
  const used = new Set<number>();
  const body: string[] = [];
  for (const item of scene.items) {
    if (item.kind === 'rect') body.push(rect(item));
    else if (item.kind === 'line') body.push(line(item));
    else if (item.kind === 'polyline') {
      if (item.points.length >= 4) body.push(polyline(item));
    } else if (covers(font, item.text)) body.push(glyphText(item, used));
    else body.push(plainText(item));
  }
  const defs = [...used].sort((a, b) => a - b).map((g) => `<path id="g${g}" d="${outlineData(font.outline(g))}"/>`);
  const w = num(scene.width);
  const h = num(scene.height);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${w}" height="${h}" viewBox="0 0 ${num(scene.width)} ${num(scene.height)}">`,
  ];
  if (defs.length) lines.push('<defs>', ...defs, '</defs>');
  lines.push(...body, '</svg>', '');
  return lines.join('\n');
}

function rect(item: RectItem): string {
  const { x, y, width, height } = item.rect;
  const attrs = [`x="${num(x)}"`, `y="${num(y)}"`, `width="${num(width)}"`, `height="${num(height)}"`];
  if (item.radius) attrs.push(`rx="${num(item.radius)}"`);
  attrs.push(item.fill ? paint('fill', item.fill) : 'fill="none"');
  if (item.stroke) attrs.push(paint('stroke', item.stroke), `stroke-width="${num(item.lineWidth ?? 1)}"`);
  return `<rect ${attrs.join(' ')}/>`;
}

function line(item: LineItem): string {
  return `<line x1="${num(item.x1)}" y1="${num(item.y1)}" x2="${num(item.x2)}" y2="${num(item.y2)}" ${paint('stroke', item.color)} stroke-width="${num(item.width)}"/>`;
}

function polyline(item: PolylineItem): string {
  const pts: string[] = [];
  for (let i = 0; i < item.points.length; i += 2) pts.push(`${num(item.points[i]!)},${num(item.points[i + 1]!)}`);
  const dash = item.dash
    ? ` stroke-dasharray="${item.dash.map(num).join(' ')}"${item.dashOffset ? ` stroke-dashoffset="${num(item.dashOffset)}"` : ''}`
    : '';
  return `<polyline points="${pts.join(' ')}" fill="none" ${paint('stroke', item.color)} stroke-width="${num(item.width)}" stroke-linejoin="round"${dash}/>`;
}

function placement(item: TextItem, width: number): string {
  const shift = item.anchor === 'start' ? 0 : item.anchor === 'middle' ? -width / 2 : -width;
  const rotate = item.rotate ? ` rotate(${num(item.rotate)})` : '';
  return `translate(${num(item.x)} ${num(item.y)})${rotate} translate(${num(shift)} 0)`;
}

function glyphText(item: TextItem, used: Set<number>): string {
  const font = bundledFont();
  const shaped = shapeText(font, item.text);
  const k = item.size / font.unitsPerEm;
  const uses = shaped.glyphs.map((g) => {
    used.add(g.glyph);
    return `<use xlink:href="#g${g.glyph}" x="${num(g.x)}"/>`;
  });
  // The text itself, for search and screen readers; the glyphs are what is seen. An ellipsized
  // name keeps its whole text there and as a tooltip.
  const full = item.fullText ?? item.text;
  const title = item.fullText ? `<title>${escapeXml(item.fullText)}</title>` : '';
  return `<g ${paint('fill', item.color)} transform="${placement(item, shaped.advance * k)} scale(${+k.toPrecision(6)} ${-+k.toPrecision(6)})" aria-label="${escapeXml(full)}">${title}${uses.join('')}</g>`;
}

function plainText(item: TextItem): string {
  const anchor = item.anchor === 'start' ? '' : ` text-anchor="${item.anchor}"`;
  const rotate = item.rotate ? ` transform="rotate(${num(item.rotate)} ${num(item.x)} ${num(item.y)})"` : '';
  return `<text x="${num(item.x)}" y="${num(item.y)}" font-family="${BUNDLED_FONT_FAMILY}, sans-serif" font-size="${num(item.size)}"${anchor} ${paint('fill', item.color)}${rotate}>${item.fullText ? `<title>${escapeXml(item.fullText)}</title>` : ''}${escapeXml(item.text)}</text>`;
}
