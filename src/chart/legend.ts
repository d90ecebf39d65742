/**
 * The legend: its box (rows and columns of swatch + name, at a font size, names ellipsized to a
 * width when asked) and where it goes. Inside the plot, the corner that hides the fewest curve
 * samples and touches no spine, tick or spine-side tick label; when every corner hides curves, the
 * layout puts it outside the plot (right or below, shrinking the plot), then in columns, smaller,
 * then with ellipsized names (legendFallbacks). Unlike the article's fixed upper-left legend, it
 * never hides a curve when a free corner exists.
 */
import { inflate, type PolylineIndex, rectsOverlap } from './geometry.js';
import type { Corner } from './model.js';
import { CORNERS } from './model.js';
import type { LayoutStyle, TextMeasure } from './units.js';
import type { Rect } from './scene.js';

export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly width: number;
  readonly dash?: readonly number[];
  readonly dashOffset?: number;
  /** Index of the series in its panel. */
  readonly series: number;
}

/** How a legend box is drawn: font size, columns, and the widest a name may be before it is cut. */
export interface LegendFormat {
  readonly size: number;
  readonly columns: number;
  /** Names wider than this (layout units) are ellipsized; Infinity: never. */
  readonly maxLabel: number;
}

export interface LegendBox {
  readonly format: LegendFormat;
  readonly width: number;
  readonly height: number;
  /** The names as shown (ellipsized or not), in entry order. */
  readonly shown: readonly string[];
  /** Left edge of each column's swatch, relative to the box. */
  readonly columnX: readonly number[];
  readonly swatch: number;
  readonly swatchGap: number;
  readonly pitch: number;
}

/** Space between legend columns, in em. */
const COLUMN_GAP_EM = 1.2;

/** `text` cut with an ellipsis to at most `max` wide (at least one character and the ellipsis). */
export function ellipsize(text: string, max: number, size: number, m: TextMeasure): string {
  if (m.width(text, size) <= max) return text;
  const chars = [...text];
  let lo = 1;
  let hi = chars.length - 1;
  // The longest prefix that fits with the ellipsis (binary search: widths grow with length).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (m.width(`${chars.slice(0, mid).join('')}…`, size) <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}

export function legendBox(
  entries: readonly LegendEntry[],
  format: LegendFormat,
  m: TextMeasure,
  s: LayoutStyle,
): LegendBox {
  const k = format.size / s.legendSize;
  const swatch = s.legendSwatch * k;
  const swatchGap = s.legendSwatchGap * k;
  const pad = s.legendPadding * k;
  const columns = Math.max(1, Math.min(format.columns, entries.length));
  const rows = Math.ceil(entries.length / columns);
  const shown = entries.map((e) =>
    Number.isFinite(format.maxLabel) ? ellipsize(e.label, format.maxLabel, format.size, m) : e.label,
  );
  const columnX: number[] = [];
  let x = pad;
  for (let c = 0; c < columns; c++) {
    columnX.push(x);
    let widest = 0;
    for (let i = c; i < entries.length; i += columns) widest = Math.max(widest, m.width(shown[i]!, format.size));
    x += swatch + swatchGap + widest + (c < columns - 1 ? COLUMN_GAP_EM * format.size : 0);
  }
  const pitch = format.size * s.legendRowPitch;
  const height = 2 * pad + m.capHeight(format.size) + (rows - 1) * pitch + m.descent(format.size);
  return { format: { ...format, columns }, width: x + pad, height, shown, columnX, swatch, swatchGap, pitch };
}

/** The legend's rectangle in `corner` of the plot, `inset` away from its edges. */
export function cornerRect(plot: Rect, corner: Corner, width: number, height: number, inset: number): Rect {
  const left = corner.endsWith('left');
  const upper = corner.startsWith('upper');
  return {
    x: left ? plot.x + inset : plot.x + plot.width - inset - width,
    y: upper ? plot.y + inset : plot.y + plot.height - inset - height,
    width,
    height,
  };
}

export interface LegendObstacles {
  /** Curve sample points in layout units (x0, y0, x1, y1, …), every panel's, for counting. */
  readonly points: readonly Float64Array[];
  /** Half the curves' stroke width plus a pixel: a sample this close to the box is hidden. */
  readonly reach: number;
  /** Lines the box must not touch: spines and ticks. */
  readonly lines: readonly PolylineIndex[];
  /** Areas the box must not overlap: where tick labels go beside a spine. */
  readonly bands: readonly Rect[];
}

/** How many curve samples a legend at `box` would hide. */
export function hiddenSamples(box: Rect, points: readonly Float64Array[], reach: number): number {
  const r = inflate(box, reach);
  let n = 0;
  for (const p of points) {
    for (let i = 0; i < p.length; i += 2) {
      const x = p[i]!;
      const y = p[i + 1]!;
      if (x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height) n++;
    }
  }
  return n;
}

/** Whether a box inside `plot` is allowed: within the plot, off spines, ticks and label bands. */
export function legendFits(box: Rect, plot: Rect, obstacles: LegendObstacles): boolean {
  if (
    box.x < plot.x ||
    box.y < plot.y ||
    box.x + box.width > plot.x + plot.width ||
    box.y + box.height > plot.y + plot.height
  )
    return false;
  if (obstacles.lines.some((l) => l.hits(box, 1))) return false;
  return !obstacles.bands.some((b) => rectsOverlap(b, box));
}

/**
 * The allowed corner (of any of `plots`) whose legend hides the fewest samples; ties go to the
 * earlier plot, then the earlier corner in upper-left, upper-right, lower-left, lower-right order.
 */
/**
 * How many curve ends a legend at `box` would hide: the first and last sample of each polyline
 * that ends inside the plot (not clipped at its edge), where a reader looks for where a curve
 * stops (the end of an edge-of-chaos curve, a piece before a jump).
 */
export function hiddenEnds(box: Rect, plot: Rect, points: readonly Float64Array[], reach: number): number {
  const r = inflate(box, reach);
  const edge = 1;
  let n = 0;
  for (const p of points) {
    if (p.length < 2) continue;
    for (const i of p.length === 2 ? [0] : [0, p.length - 2]) {
      const x = p[i]!;
      const y = p[i + 1]!;
      const inside =
        x > plot.x + edge && x < plot.x + plot.width - edge && y > plot.y + edge && y < plot.y + plot.height - edge;
      if (inside && x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height) n++;
    }
  }
  return n;
}

/**
 * The allowed corner that hides the fewest curve samples, preferring corners that hide no curve's
 * end; undefined when no corner is allowed.
 */
export function bestCorner(
  plots: readonly Rect[],
  width: number,
  height: number,
  inset: number,
  obstacles: LegendObstacles,
): { rect: Rect; hidden: number; ends: number } | undefined {
  let best: { rect: Rect; hidden: number; ends: number } | undefined;
  for (const plot of plots) {
    for (const corner of CORNERS) {
      const rect = cornerRect(plot, corner, width, height, inset);
      if (!legendFits(rect, plot, obstacles)) continue;
      const hidden = hiddenSamples(rect, obstacles.points, obstacles.reach);
      const ends = hiddenEnds(rect, plot, obstacles.points, obstacles.reach);
      if (
        !best ||
        (ends > 0 ? 1 : 0) - (best.ends > 0 ? 1 : 0) < 0 ||
        (ends > 0 === best.ends > 0 && hidden < best.hidden)
      )
        best = { rect, hidden, ends };
    }
  }
  return best;
}
