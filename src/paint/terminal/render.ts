/**
 * Draws a Scene laid out in braille dots (see ./measure.ts) as lines of terminal text: curves and
 * spines become Unicode braille dots (U+2800…U+28FF, 2×4 dots per cell), text is snapped to
 * cells, the legend gets a box-drawn frame. The grid and ticks are left out (a terminal cannot draw
 * them faintly; the tick labels say where ticks are). Colors (series colors, hex) only when asked.
 */
import type { LineItem, PolylineItem, RectItem, Scene, TextItem } from '../../chart/scene.js';
import { cellWidth, DOTS_PER_COLUMN, DOTS_PER_ROW } from './measure.js';

/** Bit of the braille dot at column dx (0–1), row dy (0–3) of a cell. */
const DOT_BITS = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
] as const;

export type Paint = (text: string, color: string | undefined) => string;

/** A grid of cells: braille dots with a color each, or a character. */
class CellGrid {
  readonly dots: Uint8Array;
  readonly dotColor: (string | undefined)[];
  readonly chars: (string | undefined)[];
  readonly charColor: (string | undefined)[];

  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    const n = columns * rows;
    this.dots = new Uint8Array(n);
    this.dotColor = new Array<string | undefined>(n);
    this.chars = new Array<string | undefined>(n);
    this.charColor = new Array<string | undefined>(n);
  }

  dot(x: number, y: number, color: string | undefined): void {
    const dx = Math.floor(x);
    const dy = Math.floor(y);
    if (dx < 0 || dy < 0 || dx >= this.columns * DOTS_PER_COLUMN || dy >= this.rows * DOTS_PER_ROW) return;
    const cell = Math.floor(dy / DOTS_PER_ROW) * this.columns + Math.floor(dx / DOTS_PER_COLUMN);
    this.dots[cell]! |= DOT_BITS[dy % DOTS_PER_ROW]![dx % DOTS_PER_COLUMN]!;
    // A curve's color wins over an uncolored spine in the same cell.
    if (color !== undefined || this.dotColor[cell] === undefined) this.dotColor[cell] = color;
  }

  /** Dots along a segment, one per dot step (a DDA walk). */
  segment(x1: number, y1: number, x2: number, y2: number, color: string | undefined): void {
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1))));
    for (let i = 0; i <= steps; i++) this.dot(x1 + ((x2 - x1) * i) / steps, y1 + ((y2 - y1) * i) / steps, color);
  }

  /** Writes `text` from cell (col, row); wide characters take two cells. */
  text(col: number, row: number, text: string, color: string | undefined): void {
    if (row < 0 || row >= this.rows) return;
    let c = col;
    for (const ch of text) {
      const w = cellWidth(ch);
      if (c >= 0 && c + w <= this.columns) {
        this.put(c, row, ch, color);
        if (w === 2) this.put(c + 1, row, '', color);
      }
      c += w;
    }
  }

  put(col: number, row: number, ch: string, color: string | undefined): void {
    if (col < 0 || row < 0 || col >= this.columns || row >= this.rows) return;
    const cell = row * this.columns + col;
    this.chars[cell] = ch;
    this.charColor[cell] = color;
  }

  /** Clears a block of cells (dots and characters), e.g. under the legend. */
  clear(col: number, row: number, cols: number, rows: number): void {
    for (let r = Math.max(0, row); r < Math.min(this.rows, row + rows); r++) {
      for (let c = Math.max(0, col); c < Math.min(this.columns, col + cols); c++) {
        const cell = r * this.columns + c;
        this.dots[cell] = 0;
        this.chars[cell] = ' ';
        this.charColor[cell] = undefined;
      }
    }
  }

  /** What a cell shows: its character, else its braille dots, else a space; and its color. */
  private glyph(cell: number): [string, string | undefined] {
    const ch = this.chars[cell];
    if (ch !== undefined) return [ch, this.charColor[cell]];
    const bits = this.dots[cell]!;
    return bits ? [String.fromCharCode(0x2800 + bits), this.dotColor[cell]] : [' ', undefined];
  }

  lines(paint: Paint): string[] {
    const out: string[] = [];
    for (let r = 0; r < this.rows; r++) {
      const cells = Array.from({ length: this.columns }, (_, c) => this.glyph(r * this.columns + c));
      while (cells.length && cells[cells.length - 1]![0].trim() === '') cells.pop();
      // Runs of one color, painted once; spaces join whatever run they are in.
      let line = '';
      let run = '';
      let runColor: string | undefined;
      for (const [glyph, color] of cells) {
        if (color !== runColor && glyph !== ' ') {
          if (run) line += paint(run, runColor);
          run = '';
          runColor = color;
        }
        run += glyph;
      }
      if (run) line += paint(run, runColor);
      out.push(line);
    }
    // No blank lines below the chart.
    while (out.length && out[out.length - 1] === '') out.pop();
    return out;
  }
}

function drawLine(grid: CellGrid, item: LineItem): void {
  if (item.role === 'spine') grid.segment(item.x1, item.y1, item.x2, item.y2, undefined);
}

function drawPolyline(grid: CellGrid, item: PolylineItem): void {
  const p = item.points;
  if (p.length === 2) grid.dot(p[0]!, p[1]!, item.color);
  for (let i = 0; i + 3 < p.length; i += 2) grid.segment(p[i]!, p[i + 1]!, p[i + 2]!, p[i + 3]!, item.color);
}

/** The cell row of text whose baseline is at `y` (its box spans 3 dots above, 1 below). */
function textRow(y: number): number {
  return Math.floor((y - 1) / DOTS_PER_ROW);
}

function drawText(grid: CellGrid, item: TextItem): void {
  const w = cellWidth(item.text);
  const col =
    item.anchor === 'start'
      ? Math.ceil(item.x / DOTS_PER_COLUMN - 0.25)
      : item.anchor === 'end'
        ? Math.floor(item.x / DOTS_PER_COLUMN + 0.25) - w
        : Math.round(item.x / DOTS_PER_COLUMN - w / 2);
  grid.text(col, textRow(item.y), item.text, undefined);
}

interface LegendParts {
  readonly frame: RectItem;
  readonly swatches: PolylineItem[];
  readonly labels: TextItem[];
}

/** Collects each legend's frame with the swatches and labels drawn inside it. */
function legends(scene: Scene): LegendParts[] {
  // Swatches follow their frame in the display list; labels come after every panel's items, so
  // each legend takes the labels that lie inside its frame.
  const out: LegendParts[] = [];
  for (const item of scene.items) {
    if (item.kind === 'rect' && item.role === 'legend-frame') out.push({ frame: item, swatches: [], labels: [] });
    if (item.kind === 'polyline' && item.role === 'legend-swatch') out[out.length - 1]?.swatches.push(item);
  }
  const texts = scene.items.filter((i): i is TextItem => i.kind === 'text' && i.role === 'legend-label');
  for (const l of out) {
    const r = l.frame.rect;
    l.labels.push(...texts.filter((t) => t.x >= r.x && t.x <= r.x + r.width && t.y >= r.y && t.y <= r.y + r.height));
  }
  return out;
}

/** A legend as a box-drawn frame on whole cells: a row per entry, `── label` in the series color. */
function drawLegend(grid: CellGrid, legend: LegendParts): void {
  const r = legend.frame.rect;
  const col = Math.round(r.x / DOTS_PER_COLUMN);
  const row = Math.round(r.y / DOTS_PER_ROW);
  const rows = legend.labels.length + 2;
  const widest = legend.labels.reduce((w, t) => Math.max(w, cellWidth(t.text)), 0);
  const cols = widest + 7;
  grid.clear(col, row, cols, rows);
  const frame = undefined;
  grid.put(col, row, '┌', frame);
  grid.put(col + cols - 1, row, '┐', frame);
  grid.put(col, row + rows - 1, '└', frame);
  grid.put(col + cols - 1, row + rows - 1, '┘', frame);
  for (let c = col + 1; c < col + cols - 1; c++) {
    grid.put(c, row, '─', frame);
    grid.put(c, row + rows - 1, '─', frame);
  }
  for (let k = 0; k < legend.labels.length; k++) {
    grid.put(col, row + 1 + k, '│', frame);
    grid.put(col + cols - 1, row + 1 + k, '│', frame);
    const color = legend.swatches[k]?.color;
    grid.text(col + 2, row + 1 + k, '──', color);
    grid.text(col + 5, row + 1 + k, legend.labels[k]!.text, undefined);
  }
}

/**
 * The scene (laid out with cellMeasure and TERMINAL_STYLE, width and height in dots) as text
 * lines. `paint` colors a run of characters ('#rrggbb' or undefined for the default).
 */
export function renderCells(scene: Scene, paint: Paint = (t) => t): string[] {
  const grid = new CellGrid(Math.round(scene.width / DOTS_PER_COLUMN), Math.round(scene.height / DOTS_PER_ROW));
  for (const item of scene.items) {
    if (item.kind === 'line') drawLine(grid, item);
    else if (item.kind === 'polyline' && item.role === 'curve') drawPolyline(grid, item);
  }
  for (const item of scene.items) {
    if (item.kind === 'text' && item.role !== 'legend-label') drawText(grid, item);
  }
  for (const legend of legends(scene)) drawLegend(grid, legend);
  return grid.lines(paint);
}
