/**
 * Layout: ChartModel + a text measure + a size → Scene (scene.ts), with no pixels and no fonts of
 * its own, so that it is testable without drawing and shared by every renderer.
 *
 * Contract for renderers (helper T: terminal charts):
 * - `layoutChart(model, { width, height, measure, style })`. Units are whatever `measure` and
 *   `style` use: logical pixels for images (PIXEL_STYLE, the bundled font's `fontMeasure`), or
 *   e.g. braille dots for the terminal (a measure that returns 2 dots per character cell, a style
 *   with font sizes of one cell = 4 dots, tick length 0, …). Nothing here assumes pixels.
 * - `measure.width(text, size)` is the advance width of `text` at font size `size`;
 *   `measure.capHeight(size)` the height of digits and capitals above the baseline, which is the
 *   box used to keep tick labels apart; `measure.descent(size)` the depth below the baseline.
 * - Text items are anchored on their alphabetic baseline (TextItem.x/y with `anchor`).
 * - `layoutChartGeometry` also returns, beside the Scene, each panel's geometry (plot rectangles,
 *   scales, ticks, placed tick label boxes, the curves in layout units, which series are dashed)
 *   and the legend's box, for tests and tools that measure a layout; painters get only the Scene.
 *
 * What it decides, in order: the x and y domains (data + a margin, 5 %), the tick values (1-2-5,
 * spaced for the available length and the labels' size), the margins that tick labels need, the
 * spines (through the origin or at the nearer edge), which series are dashed (those that coincide
 * with an earlier one over most of their length, so that every series stays visible), the legend
 * (inside, in the corner hiding the fewest curve samples, if that is almost none; else with
 * headroom above the curves; else outside the plots, right or below, in columns, smaller, then
 * with ellipsized names), the tick labels (centered on their ticks beside their spine, clear of
 * spines, ticks, curves, the legend and each other, or all of an axis's labels at the plot's edge;
 * see tick-labels.ts), and the title. Items are drawn grid, spines and ticks, curves (later series
 * on top, as in matplotlib), legend, text.
 */
import { clipPolyline, PolylineIndex } from './geometry.js';
import {
  bestCorner,
  cornerRect,
  ellipsize,
  legendBox,
  type LegendBox,
  type LegendEntry,
  type LegendFormat,
  type LegendObstacles,
} from './legend.js';
import type { ChartModel, Corner, Panel } from './model.js';
import { makeScale, paddedDomain, type Scale } from './scale.js';
import type {
  AxisGeometry,
  LineItem,
  PanelGeometry,
  PlacedLabel,
  PolylineItem,
  Rect,
  Scene,
  SceneItem,
  TextItem,
} from './scene.js';
import { spinePlacement } from './spines.js';
import { THEMES, type Theme } from './theme.js';
import { placeTickLabels } from './tick-labels.js';
import { formatTicks } from './tick-format.js';
import { linearTicks, logTicks, type TickSet } from './ticks.js';
import type { LayoutStyle, TextMeasure } from './units.js';

// Renderers and tests import these from here, where layoutChart takes them.
export type { LayoutStyle, TextMeasure } from './units.js';

/** Defaults for images, in logical pixels: matplotlib's sizes at 100 dpi (10 pt text, 12 pt title). */
export const PIXEL_STYLE: LayoutStyle = {
  titleSize: 16,
  tickLabelSize: 13,
  legendSize: 13,
  axisLabelSize: 13,
  padding: 8,
  titleGap: 10,
  tickLength: 4.5,
  tickLabelGap: 3,
  labelClearance: 1.5,
  spineWidth: 1,
  tickWidth: 1,
  gridWidth: 1,
  // matplotlib's default line width, 1.5 pt, at the article's 100 dpi.
  curveWidth: 1.5 * (100 / 72),
  xTickSpacing: 70,
  yTickSpacing: 45,
  axisMargin: 0.05,
  legendPadding: 6,
  legendSwatch: 26,
  legendSwatchGap: 8,
  legendRowPitch: 1.35,
  legendInset: 7,
  legendRadius: 3,
  legendLineWidth: 1,
  legendMinSize: 9,
  legendGap: 8,
  panelGap: 10,
};

export interface LayoutOptions {
  readonly width: number;
  readonly height: number;
  readonly measure: TextMeasure;
  readonly style?: Partial<LayoutStyle>;
}

type Domain = readonly [number, number];

interface Ctx {
  readonly model: ChartModel;
  readonly width: number;
  readonly height: number;
  readonly m: TextMeasure;
  readonly s: LayoutStyle;
  readonly theme: Theme;
  /** The panel whose legend is drawn (one legend per chart), or -1. */
  readonly owner: number;
}

/** An inside legend may hide at most this fraction of all curve samples. */
export const LEGEND_HIDE_LIMIT = 0.01;
/** An outside legend may take at most these fractions of the chart's width (right) or height (below). */
const RIGHT_SHARE = 0.3;
const BELOW_SHARE = 0.25;
/** With ellipsized names, below: up to this share of the height. */
const BELOW_SHARE_LAST = 0.4;

type LegendMode =
  | { readonly kind: 'none' }
  | { readonly kind: 'inside'; readonly corner: Corner | 'auto'; readonly format: LegendFormat }
  | { readonly kind: 'right' | 'below'; readonly format: LegendFormat };

/** A laid-out chart: the Scene to paint, the geometry each panel was given, and the legend's. */
export interface LaidOutChart {
  readonly scene: Scene;
  readonly panels: readonly PanelGeometry[];
  /** The legend's box, inside a plot or beside the plots; omitted: no legend. */
  readonly legend?: Rect;
  /** Where the legend went. */
  readonly legendPlacement?: 'inside' | 'right' | 'below';
  /** The fraction of all curve samples the legend hides (0 when it is outside the plots). */
  readonly legendHidden?: number;
}

interface Built {
  readonly chart: LaidOutChart;
  /** The inside legend was placed and hides (almost) nothing, or a forced corner fits. */
  readonly ok: boolean;
}

export function layoutChart(model: ChartModel, options: LayoutOptions): Scene {
  return layoutChartGeometry(model, options).scene;
}

/** The layout with its panels' and legend's geometry (what tests and tools that measure a layout read). */
export function layoutChartGeometry(model: ChartModel, options: LayoutOptions): LaidOutChart {
  const owner = model.panels.findIndex((p) => p.legend !== 'none' && p.series.some((x) => x.label));
  const ctx: Ctx = {
    model,
    width: options.width,
    height: options.height,
    m: options.measure,
    s: { ...PIXEL_STYLE, ...options.style },
    theme: THEMES[model.theme],
    owner,
  };
  const xDomain = paddedDomain('linear', model.xRange[0], model.xRange[1], ctx.s.axisMargin);
  const yDomains = model.panels.map((p) => panelDomain(p, ctx.s.axisMargin));
  if (owner < 0) return buildScene(ctx, xDomain, yDomains, { kind: 'none' }).chart;
  const placement = model.panels[owner]!.legend as Corner | 'auto';
  const format: LegendFormat = { size: ctx.s.legendSize, columns: 1, maxLabel: Infinity };
  const first = buildScene(ctx, xDomain, yDomains, { kind: 'inside', corner: placement, format });
  if (first.ok) return first.chart;
  if (placement === 'auto') {
    // Every corner hides curves: give the y range headroom at the top, once, unless the legend
    // would take much of the plot's height.
    const g = first.chart.panels[owner]!;
    const p = model.panels[owner]!;
    const box = legendBox(legendLabels(model.panels[owner]!), format, ctx.m, ctx.s);
    const space = box.height + 2 * ctx.s.legendInset;
    if (!p.yRange && space <= 0.35 * g.plot.height) {
      const widened = yDomains.map((d, i) => (i === owner ? headroom(p, d, g.plot.height, space) : d));
      const again = buildScene(ctx, xDomain, widened, { kind: 'inside', corner: 'auto', format });
      if (again.ok) return again.chart;
    }
  }
  return buildScene(ctx, xDomain, yDomains, outsideMode(ctx, first.chart)).chart;
}

/** Legend entries as far as their size goes (no colors needed to measure). */
function legendLabels(panel: Panel): LegendEntry[] {
  return panel.series.flatMap((x, i) => (x.label ? [{ label: x.label, color: x.color, width: 0, series: i }] : []));
}

/**
 * Where an outside legend goes and how it is drawn: the largest font (down to the floor) at which
 * it fits right of the plots or below them in columns, whichever leaves the larger plot; at the
 * floor, with names ellipsized.
 */
function outsideMode(ctx: Ctx, inside: LaidOutChart): LegendMode {
  const { s, m } = ctx;
  const entries = legendLabels(ctx.model.panels[ctx.owner]!);
  const n = entries.length;
  const plots = inside.panels.map((p) => p.plot);
  const top = Math.min(...plots.map((p) => p.y));
  const availW = ctx.width - 2 * s.padding;
  const availH = ctx.height - s.padding - top;
  type Option = { mode: LegendMode; area: number };
  const right = (format: LegendFormat, limit: number): Option | undefined => {
    const box = legendBox(entries, format, m, s);
    if (box.width + s.legendGap > limit * availW || box.height > ctx.height - 2 * s.padding) return undefined;
    return { mode: { kind: 'right', format: box.format }, area: (availW - box.width - s.legendGap) * availH };
  };
  const below = (format: LegendFormat, limit: number): Option | undefined => {
    const box = legendBox(entries, format, m, s);
    if (box.width > availW || box.height + s.legendGap > limit * availH) return undefined;
    return { mode: { kind: 'below', format: box.format }, area: availW * (availH - box.height - s.legendGap) };
  };
  const better = (a: Option | undefined, b: Option | undefined) => (!a ? b : !b ? a : b.area > a.area ? b : a);
  const sizes: number[] = [];
  for (let size = s.legendSize; size > s.legendMinSize; size -= 1) sizes.push(size);
  sizes.push(s.legendMinSize);
  for (const size of sizes) {
    let best = right({ size, columns: 1, maxLabel: Infinity }, RIGHT_SHARE);
    // The most columns that fit the width: the fewest rows.
    for (let columns = n; columns >= 1; columns--) {
      const b = below({ size, columns, maxLabel: Infinity }, BELOW_SHARE);
      if (b) {
        best = better(best, b);
        break;
      }
    }
    if (best) return best.mode;
  }
  // At the floor size, names cut to fit: right within its share, or below in as many columns as
  // leave each name at least three ems.
  const size = s.legendMinSize;
  const k = size / s.legendSize;
  const overhead = 2 * s.legendPadding * k + (s.legendSwatch + s.legendSwatchGap) * k;
  let best = right({ size, columns: 1, maxLabel: RIGHT_SHARE * availW - s.legendGap - overhead }, RIGHT_SHARE + 0.01);
  for (let columns = n; columns >= 1; columns--) {
    const maxLabel =
      (availW - 2 * s.legendPadding * k - (columns - 1) * 1.2 * size) / columns -
      (s.legendSwatch + s.legendSwatchGap) * k;
    if (maxLabel < 3 * size && columns > 1) continue;
    const b = below({ size, columns, maxLabel: Math.max(maxLabel, size) }, BELOW_SHARE_LAST);
    if (b) {
      best = better(best, b);
      break;
    }
  }
  if (best) return best.mode;
  // Nothing fits its share (a tiny chart with many names): below, names cut to one letter if
  // need be, in the most columns that fit the width.
  for (let columns = n; columns > 1; columns--) {
    const format = {
      size,
      columns,
      maxLabel: Math.max(
        size,
        (availW - 2 * s.legendPadding * k - (columns - 1) * 1.2 * size) / columns -
          (s.legendSwatch + s.legendSwatchGap) * k,
      ),
    };
    if (legendBox(entries, format, m, s).width <= availW) return { kind: 'below', format };
  }
  return { kind: 'below', format: { size, columns: 1, maxLabel: Math.max(size, availW - overhead) } };
}

/** The y domain of a panel: its fixed range, or its data widened by the margin. */
function panelDomain(panel: Panel, margin: number): Domain {
  if (panel.yRange) return panel.yRange;
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of panel.series) {
    for (const line of s.polylines) {
      for (const v of line.y) {
        if (panel.yScale === 'log' && !(v > 0)) continue;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  if (!(lo <= hi)) return panel.yScale === 'log' ? [0.1, 10] : [-1, 1];
  return paddedDomain(panel.yScale, lo, hi, margin);
}

/** Extends the top of a domain so that the data leave `space` (layout units) free above them. */
function headroom(panel: Panel, d: Domain, plotHeight: number, space: number): Domain {
  const keep = 1 - space / plotHeight;
  if (panel.yScale === 'log') {
    const [a, b] = [Math.log10(d[0]), Math.log10(d[1])];
    return [d[0], 10 ** (a + (b - a) / keep)];
  }
  return [d[0], d[0] + (d[1] - d[0]) / keep];
}

interface AxisPlan {
  readonly ticks: TickSet;
  readonly labels: readonly string[];
  readonly widest: number;
}

/**
 * Ticks about `spacing` apart, fewer when their labels would crowd: x labels keep an em between
 * them, y labels twice their cap height from baseline to baseline. Ends after a few tries.
 */
function planAxis(
  axis: 'x' | 'y',
  kind: 'linear' | 'log',
  domain: Domain,
  length: number,
  spacing: number,
  m: TextMeasure,
  size: number,
): AxisPlan {
  let count = Math.max(2, length / spacing);
  let plan: AxisPlan = { ticks: { values: [], step: NaN, power: 0, decades: false }, labels: [], widest: 0 };
  for (let attempt = 0; attempt < 8; attempt++) {
    const ticks = kind === 'log' ? logTicks(domain[0], domain[1], count) : linearTicks(domain[0], domain[1], count);
    const labels = formatTicks(ticks);
    const widest = labels.reduce((w, t) => Math.max(w, m.width(t, size)), 0);
    plan = { ticks, labels, widest };
    if (ticks.values.length < 3) return plan;
    const scale = makeScale(kind, domain, [0, length]);
    let pitch = Infinity;
    for (let i = 1; i < ticks.values.length; i++)
      pitch = Math.min(pitch, Math.abs(scale.map(ticks.values[i]!) - scale.map(ticks.values[i - 1]!)));
    const needed = axis === 'x' ? widest + size : 2 * m.capHeight(size);
    if (pitch >= needed) return plan;
    count = Math.max(1, count * Math.min(0.8, pitch / needed));
  }
  return plan;
}

/** Dash patterns, in curve widths, by how many series lie under a series (layer 1, 2, 3+). */
const DASHES: readonly (readonly [readonly number[], number])[] = [
  [[6, 4], 0],
  [[3, 7], 0],
  [[2, 8], 4],
];

/**
 * How many of `a`'s points lie within `tolerance` (vertically) of curve `b`. Both are curves in
 * layout units with x increasing along their pieces and from piece to piece (a function's
 * samples), so one merge-like walk does it, with no allocation: this runs in every cold start.
 */
function samplesNear(a: readonly Float64Array[], b: readonly Float64Array[], tolerance: number): number {
  let n = 0;
  let bi = 0;
  let bk = 0;
  for (const p of a) {
    for (let k = 0; k < p.length; k += 2) {
      const x = p[k]!;
      const y = p[k + 1]!;
      // Advance to the first segment of b that ends at or after x.
      while (bi < b.length) {
        const q = b[bi]!;
        if (bk + 3 < q.length && q[bk + 2]! < x) bk += 2;
        else if (bk + 3 >= q.length && q[q.length - 2]! < x) {
          bi++;
          bk = 0;
        } else break;
      }
      if (bi >= b.length) return n;
      const q = b[bi]!;
      const x0 = q[bk]!;
      if (q.length < 4 || x0 > x) {
        // Before b's piece (in a gap of b) or a lone point: near only if that point is.
        if (Math.abs(x0 - x) <= tolerance && Math.abs(q[bk + 1]! - y) <= tolerance) n++;
        continue;
      }
      const x1 = q[bk + 2]!;
      const t = x1 > x0 ? (x - x0) / (x1 - x0) : 0;
      if (Math.abs(q[bk + 1]! + t * (q[bk + 3]! - q[bk + 1]!) - y) <= tolerance) n++;
    }
  }
  return n;
}

/**
 * For each series: 0 to draw it solid, else its dash layer, one more than the highest layer of
 * the earlier series it coincides with (is within ¾ of a line width of, vertically) over 60 % of its samples,
 * or that lie under it over 60 % of theirs.
 */
export function dashLayers(curves: readonly (readonly Float64Array[])[], widths: readonly number[]): number[] {
  const counts = curves.map((pieces) => pieces.reduce((n, p) => n + p.length / 2, 0));
  const layers: number[] = [];
  curves.forEach((pieces, j) => {
    const tolerance = 0.75 * widths[j]!;
    let layer = 0;
    for (let i = 0; i < j; i++) {
      const over = counts[j]! > 0 && samplesNear(pieces, curves[i]!, tolerance) >= 0.6 * counts[j]!;
      // The other way too: an earlier series lying mostly under this one (ReLU's f′ under LeakyReLU's).
      const under = !over && counts[i]! > 0 && samplesNear(curves[i]!, pieces, tolerance) >= 0.6 * counts[i]!;
      if (over || under) layer = Math.max(layer, layers[i]! + 1);
    }
    layers.push(layer);
  });
  return layers;
}

function dashOf(layer: number, width: number): { dash?: readonly number[]; dashOffset?: number } {
  if (layer === 0) return {};
  const [pattern, offset] = DASHES[Math.min(layer, DASHES.length) - 1]!;
  return { dash: pattern.map((v) => v * width), ...(offset ? { dashOffset: offset * width } : {}) };
}

function segment(x1: number, y1: number, x2: number, y2: number): Float64Array {
  return Float64Array.of(x1, y1, x2, y2);
}

/** A panel's geometry before its tick labels and the legend are placed. */
interface PanelDraft {
  readonly plot: Rect;
  readonly xScale: Scale;
  readonly yScale: Scale;
  readonly xPlan: AxisPlan;
  readonly yPlan: AxisPlan;
  readonly sx: number;
  readonly sy: number;
  readonly xAt: 'origin' | 'low' | 'high';
  readonly yAt: 'origin' | 'low' | 'high';
  readonly spines: readonly Float64Array[];
  readonly ticks: readonly Float64Array[];
  readonly curves: readonly (readonly Float64Array[])[];
  readonly widths: readonly number[];
  readonly layers: readonly number[];
}

function buildScene(ctx: Ctx, xDomain: Domain, yDomains: readonly Domain[], mode: LegendMode): Built {
  const { model, m, s, theme } = ctx;
  const capT = m.capHeight(s.tickLabelSize);
  const labelBand = s.tickLength + s.tickLabelGap + capT;
  const ownerPanel = ctx.owner >= 0 ? model.panels[ctx.owner]! : undefined;
  const outsideBox =
    (mode.kind === 'right' || mode.kind === 'below') && ownerPanel
      ? legendBox(legendLabels(ownerPanel), mode.format, m, s)
      : undefined;

  // Vertical bands: title, panels, x label, a legend below.
  let top = s.padding;
  let titleBaseline = 0;
  const title = model.title ? ellipsize(model.title, ctx.width - 2 * s.padding, s.titleSize, m) : '';
  if (title) {
    titleBaseline = top + m.capHeight(s.titleSize) + m.descent(s.titleSize) * 0.3;
    top = titleBaseline + m.descent(s.titleSize) + s.titleGap;
  }
  let bottom = ctx.height - s.padding;
  if (outsideBox && mode.kind === 'below') bottom -= outsideBox.height + s.legendGap;
  let xLabelBaseline = 0;
  if (model.xLabel) {
    xLabelBaseline = bottom - m.descent(s.axisLabelSize);
    bottom = xLabelBaseline - m.capHeight(s.axisLabelSize) - s.tickLabelGap;
  }
  const yLabelBand = model.panels.some((p) => p.yLabel)
    ? m.capHeight(s.axisLabelSize) + m.descent(s.axisLabelSize) + s.tickLabelGap * 2
    : 0;

  // Which edge the x-axis spine uses, per panel, and where the y-axis spine is (shared).
  const probe = (d: Domain, kind: 'linear' | 'log') => spinePlacement(makeScale(kind, d, [0, 1]));
  const xSpines = model.panels.map((p, i) => probe(yDomains[i]!, p.yScale));
  const ySpine = probe(xDomain, 'linear');

  const n = model.panels.length;
  const reserveAbove = (i: number) => (xSpines[i]!.at === 'high' ? labelBand : capT / 2 + s.labelClearance);
  const reserveBelow = (i: number) => (xSpines[i]!.at === 'high' ? capT / 2 + s.labelClearance : labelBand);
  const reservedV =
    model.panels.reduce((sum, _, i) => sum + reserveAbove(i) + reserveBelow(i), 0) + s.panelGap * (n - 1);
  const plotHeight = Math.max(1, (bottom - top - reservedV) / n);

  // Horizontal: y tick labels need room on the side of the y spine; x labels overhang the ends.
  const rightLimit = ctx.width - s.padding - (outsideBox && mode.kind === 'right' ? outsideBox.width + s.legendGap : 0);
  let left = s.padding + yLabelBand;
  let right = rightLimit;
  let plotWidth = right - left;
  let xPlan = planAxis('x', 'linear', xDomain, plotWidth, s.xTickSpacing, m, s.tickLabelSize);
  const yPlans = model.panels.map((p, i) =>
    planAxis('y', p.yScale, yDomains[i]!, plotHeight, s.yTickSpacing, m, s.tickLabelSize),
  );
  const yWidest = yPlans.reduce((w, p) => Math.max(w, p.widest), 0);
  const yBand = s.tickLength + s.tickLabelGap + yWidest;
  for (let pass = 0; pass < 2; pass++) {
    const firstHalf = xPlan.labels.length ? m.width(xPlan.labels[0]!, s.tickLabelSize) / 2 : 0;
    const lastHalf = xPlan.labels.length ? m.width(xPlan.labels[xPlan.labels.length - 1]!, s.tickLabelSize) / 2 : 0;
    left = s.padding + yLabelBand + (ySpine.at === 'high' ? firstHalf : Math.max(yBand, firstHalf));
    right = rightLimit - (ySpine.at === 'high' ? Math.max(yBand, lastHalf) : lastHalf);
    plotWidth = Math.max(1, right - left);
    xPlan = planAxis('x', 'linear', xDomain, plotWidth, s.xTickSpacing, m, s.tickLabelSize);
  }

  // Panels: plot rectangles, scales, spines, ticks and curves.
  const drafts: PanelDraft[] = [];
  let y = top;
  model.panels.forEach((panel, i) => {
    y += reserveAbove(i);
    const plot: Rect = { x: left, y, width: plotWidth, height: plotHeight };
    y += plotHeight + reserveBelow(i) + s.panelGap;
    drafts.push(
      draftPanel(
        ctx,
        panel,
        plot,
        makeScale('linear', xDomain, [plot.x, plot.x + plot.width]),
        makeScale(panel.yScale, yDomains[i]!, [plot.y + plot.height, plot.y]),
        xPlan,
        yPlans[i]!,
      ),
    );
  });

  // Panels showing the same series as the legend's dash them alike: a series dashed in one is
  // dashed in all, so that the one legend reads right for every panel.
  if (ownerPanel) {
    const key = (p: Panel) => p.series.map((x) => `${x.label}\u0000${x.color}`).join('\n');
    const same = model.panels.flatMap((p, i) => (key(p) === key(ownerPanel) ? [i] : []));
    if (same.length > 1) {
      const joint = drafts[ctx.owner]!.layers.map((_, k) => Math.max(...same.map((i) => drafts[i]!.layers[k]!)));
      for (const i of same) drafts[i] = { ...drafts[i]!, layers: joint };
    }
  }

  // The legend: inside (a corner of its panel, or of a panel showing the same series) or outside.
  let legend:
    | { rect: Rect; box: LegendBox; entries: LegendEntry[]; panel: number; placement: 'inside' | 'right' | 'below' }
    | undefined;
  let ok = true;
  let hiddenShare = 0;
  if (ownerPanel && mode.kind !== 'none') {
    const d = drafts[ctx.owner]!;
    const entries: LegendEntry[] = ownerPanel.series.flatMap((x, i) =>
      x.label
        ? [{ label: x.label, color: x.color, width: d.widths[i]!, series: i, ...dashOf(d.layers[i]!, d.widths[i]!) }]
        : [],
    );
    const allPoints = drafts.flatMap((p) => p.curves.flat());
    const total = allPoints.reduce((sum, p) => sum + p.length / 2, 0);
    if (mode.kind === 'inside') {
      const box = legendBox(entries, mode.format, m, s);
      const sameSeries = (p: Panel) =>
        p.series.map((x) => x.label).join('\n') === ownerPanel.series.map((x) => x.label).join('\n');
      const hosts = model.panels.flatMap((p, i) =>
        i === ctx.owner || (mode.corner === 'auto' && sameSeries(p)) ? [i] : [],
      );
      if (mode.corner === 'auto') {
        const obstacles: LegendObstacles = {
          points: allPoints,
          reach: Math.max(...drafts.flatMap((p) => p.widths), s.curveWidth) / 2 + 1,
          lines: drafts.flatMap((p) => [...p.spines, ...p.ticks]).map((l) => new PolylineIndex(l)),
          bands: drafts.flatMap((p) => labelBands(p, s, capT)),
        };
        let best: { rect: Rect; hidden: number; ends: number; panel: number } | undefined;
        for (const i of hosts) {
          const found = bestCorner([drafts[i]!.plot], box.width, box.height, s.legendInset, obstacles);
          if (found && (!best || found.ends < best.ends || (found.ends === best.ends && found.hidden < best.hidden)))
            best = { ...found, panel: i };
        }
        if (best) {
          legend = { rect: best.rect, box, entries, panel: best.panel, placement: 'inside' };
          hiddenShare = total > 0 ? best.hidden / total : 0;
        }
        // A hidden curve end sends the legend outside as too many hidden samples do.
        ok = best !== undefined && hiddenShare <= LEGEND_HIDE_LIMIT && best.ends === 0;
      } else {
        const plot = d.plot;
        const rect = cornerRect(plot, mode.corner, box.width, box.height, s.legendInset);
        ok =
          rect.x >= plot.x &&
          rect.y >= plot.y &&
          rect.x + rect.width <= plot.x + plot.width &&
          rect.y + rect.height <= plot.y + plot.height;
        legend = { rect, box, entries, panel: ctx.owner, placement: 'inside' };
      }
    } else if (outsideBox) {
      const plots = drafts.map((p) => p.plot);
      const plotsTop = Math.min(...plots.map((p) => p.y));
      let rect: Rect;
      if (mode.kind === 'right') {
        const yTop = Math.max(s.padding, Math.min(plotsTop, ctx.height - s.padding - outsideBox.height));
        rect = {
          x: ctx.width - s.padding - outsideBox.width,
          y: yTop,
          width: outsideBox.width,
          height: outsideBox.height,
        };
      } else {
        const mid = left + plotWidth / 2;
        const x = Math.max(s.padding, Math.min(mid - outsideBox.width / 2, ctx.width - s.padding - outsideBox.width));
        rect = { x, y: ctx.height - s.padding - outsideBox.height, width: outsideBox.width, height: outsideBox.height };
      }
      legend = { rect, box: outsideBox, entries, panel: -1, placement: mode.kind };
    }
  }

  // Tick labels, per panel, clear of the legend.
  const texts: TextItem[] = [];
  const panels: PanelGeometry[] = drafts.map((d, i) => {
    const tickLabels = placeTickLabels({
      plot: d.plot,
      bounds: { x: 0, y: 0, width: ctx.width, height: ctx.height },
      sx: d.sx,
      sy: d.sy,
      xSpineAt: d.xAt,
      ySpineAt: d.yAt,
      x: {
        values: d.xPlan.ticks.values,
        positions: d.xPlan.ticks.values.map((v) => d.xScale.map(v)),
        labels: d.xPlan.labels,
      },
      y: {
        values: d.yPlan.ticks.values,
        positions: d.yPlan.ticks.values.map((v) => d.yScale.map(v)),
        labels: d.yPlan.labels,
      },
      obstacles: [
        ...d.spines.map((points) => ({ points, radius: s.spineWidth / 2 })),
        ...d.ticks.map((points) => ({ points, radius: s.tickWidth / 2 })),
        ...d.curves.flatMap((pieces, k) => pieces.map((points) => ({ points, radius: d.widths[k]! / 2 }))),
      ],
      blocked: legend ? [legend.rect] : [],
      measure: m,
      style: s,
    });
    for (const l of tickLabels.labels) {
      texts.push({
        kind: 'text',
        role: 'tick-label',
        text: l.text,
        x: l.x,
        y: l.baseline,
        anchor: l.anchor,
        size: s.tickLabelSize,
        color: theme.text,
      });
    }
    const placed: PlacedLabel[] = tickLabels.labels.map(({ axis, value, text, box, origin }) =>
      origin ? { axis, value, text, box, origin } : { axis, value, text, box },
    );
    const axis = (
      scale: Scale,
      values: readonly number[],
      spine: number,
      at: 'origin' | 'low' | 'high',
    ): AxisGeometry => ({ scale, ticks: values, spine, spineAt: at });
    return {
      plot: d.plot,
      x: axis(d.xScale, d.xPlan.ticks.values, d.sy, d.xAt),
      y: axis(d.yScale, d.yPlan.ticks.values, d.sx, d.yAt),
      labels: placed,
      droppedLabels: tickLabels.dropped,
      labelModes: tickLabels.modes,
      ...(legend && legend.panel === i ? { legend: legend.rect } : {}),
      curves: d.curves,
      dashed: d.layers.map((l) => l > 0),
    };
  });

  // The display list: grid, spines and ticks, curves, legend, text.
  const items: SceneItem[] = [
    {
      kind: 'rect',
      role: 'background',
      rect: { x: 0, y: 0, width: ctx.width, height: ctx.height },
      fill: theme.background,
    },
  ];
  for (const d of drafts) {
    const { plot } = d;
    for (const v of d.xPlan.ticks.values) {
      const px = d.xScale.map(v);
      items.push({
        kind: 'line',
        role: 'grid',
        x1: px,
        y1: plot.y,
        x2: px,
        y2: plot.y + plot.height,
        color: theme.grid,
        width: s.gridWidth,
        crisp: true,
      });
    }
    for (const v of d.yPlan.ticks.values) {
      const py = d.yScale.map(v);
      items.push({
        kind: 'line',
        role: 'grid',
        x1: plot.x,
        y1: py,
        x2: plot.x + plot.width,
        y2: py,
        color: theme.grid,
        width: s.gridWidth,
        crisp: true,
      });
    }
  }
  const line = (role: LineItem['role'], l: Float64Array, color: string, width: number): LineItem => ({
    kind: 'line',
    role,
    x1: l[0]!,
    y1: l[1]!,
    x2: l[2]!,
    y2: l[3]!,
    color,
    width,
    crisp: true,
  });
  for (const d of drafts) {
    for (const l of d.spines) items.push(line('spine', l, theme.spine, s.spineWidth));
    for (const l of d.ticks) items.push(line('tick', l, theme.tick, s.tickWidth));
  }
  drafts.forEach((d, i) => {
    model.panels[i]!.series.forEach((series, k) => {
      const dash = dashOf(d.layers[k]!, d.widths[k]!);
      for (const points of d.curves[k]!)
        items.push({
          kind: 'polyline',
          role: 'curve',
          points,
          color: series.color,
          width: d.widths[k]!,
          series: k,
          ...dash,
        });
    });
  });
  if (legend) items.push(...legendItems(ctx, legend.rect, legend.box, legend.entries, texts));

  if (title) {
    const mid = drafts[0] ? drafts[0].plot.x + drafts[0].plot.width / 2 : ctx.width / 2;
    const half = m.width(title, s.titleSize) / 2;
    const x = Math.max(s.padding + half, Math.min(mid, ctx.width - s.padding - half));
    texts.push({
      kind: 'text',
      role: 'title',
      text: title,
      x,
      y: titleBaseline,
      anchor: 'middle',
      size: s.titleSize,
      color: theme.text,
      ...(title !== model.title ? { fullText: model.title! } : {}),
    });
  }
  if (model.xLabel && drafts.length) {
    const p = drafts[drafts.length - 1]!.plot;
    texts.push({
      kind: 'text',
      role: 'axis-label',
      text: model.xLabel,
      x: p.x + p.width / 2,
      y: xLabelBaseline,
      anchor: 'middle',
      size: s.axisLabelSize,
      color: theme.text,
    });
  }
  model.panels.forEach((panel, i) => {
    if (!panel.yLabel) return;
    const p = drafts[i]!.plot;
    const x = s.padding + m.capHeight(s.axisLabelSize) + s.tickLabelGap;
    const text = ellipsize(panel.yLabel, p.height, s.axisLabelSize, m);
    texts.push({
      kind: 'text',
      role: 'axis-label',
      text,
      x,
      y: p.y + p.height / 2,
      anchor: 'middle',
      size: s.axisLabelSize,
      color: theme.text,
      rotate: -90,
      ...(text !== panel.yLabel ? { fullText: panel.yLabel } : {}),
    });
  });
  items.push(...texts);
  const scene: Scene = { width: ctx.width, height: ctx.height, background: theme.background, items };
  const chart: LaidOutChart = {
    scene,
    panels,
    ...(legend ? { legend: legend.rect, legendPlacement: legend.placement, legendHidden: hiddenShare } : {}),
  };
  return { chart, ok };
}

/** Where tick labels go beside a spine that runs through the plot: no place for a legend. */
function labelBands(d: PanelDraft, s: LayoutStyle, capT: number): Rect[] {
  const bands: Rect[] = [];
  if (d.xAt === 'origin')
    bands.push({ x: d.plot.x, y: d.sy, width: d.plot.width, height: s.tickLength + s.tickLabelGap + capT });
  if (d.yAt === 'origin') {
    const w = s.tickLength + s.tickLabelGap + d.yPlan.widest;
    bands.push({ x: d.sx - w, y: d.plot.y, width: w, height: d.plot.height });
  }
  return bands;
}

function draftPanel(
  ctx: Ctx,
  panel: Panel,
  plot: Rect,
  xScale: Scale,
  yScale: Scale,
  xPlan: AxisPlan,
  yPlan: AxisPlan,
): PanelDraft {
  const { s } = ctx;
  const plotRight = plot.x + plot.width;
  const plotBottom = plot.y + plot.height;
  const xSpine = spinePlacement(yScale); // the x axis line: a y value
  const ySpine = spinePlacement(xScale); // the y axis line: an x value
  const sy = xSpine.at === 'origin' ? yScale.map(0) : xSpine.at === 'low' ? plotBottom : plot.y;
  const sx = ySpine.at === 'origin' ? xScale.map(0) : ySpine.at === 'low' ? plot.x : plotRight;

  // Curves in layout units, clipped to the plot.
  const curves: Float64Array[][] = panel.series.map((series) => {
    const pieces: Float64Array[] = [];
    for (const line of series.polylines) {
      const pts = new Float64Array(line.x.length * 2);
      for (let k = 0; k < line.x.length; k++) {
        pts[2 * k] = xScale.map(line.x[k]!);
        pts[2 * k + 1] = yScale.map(line.y[k]!);
      }
      pieces.push(...clipPolyline(pts, plot));
    }
    return pieces;
  });
  const widths = panel.series.map((x) => x.width ?? s.curveWidth);

  // Spines and outward ticks.
  const xTickDir = xSpine.at === 'high' ? -1 : 1; // x ticks point down, or up from a top spine
  const yTickDir = ySpine.at === 'high' ? 1 : -1; // y ticks point left, or right from a right spine
  const spines = [segment(plot.x, sy, plotRight, sy), segment(sx, plot.y, sx, plotBottom)];
  const ticks: Float64Array[] = [];
  for (const v of xPlan.ticks.values)
    ticks.push(segment(xScale.map(v), sy, xScale.map(v), sy + xTickDir * s.tickLength));
  for (const v of yPlan.ticks.values)
    ticks.push(segment(sx, yScale.map(v), sx + yTickDir * s.tickLength, yScale.map(v)));
  // Zero-length ticks (the terminal's) are no obstacle.
  const realTicks = s.tickLength > 0 ? ticks : [];
  return {
    plot,
    xScale,
    yScale,
    xPlan,
    yPlan,
    sx,
    sy,
    xAt: xSpine.at,
    yAt: ySpine.at,
    spines,
    ticks: realTicks,
    curves,
    widths,
    layers: dashLayers(curves, widths),
  };
}

function legendItems(
  ctx: Ctx,
  rect: Rect,
  box: LegendBox,
  entries: readonly LegendEntry[],
  texts: TextItem[],
): SceneItem[] {
  const { m, s, theme } = ctx;
  const size = box.format.size;
  const k = size / s.legendSize;
  const items: SceneItem[] = [
    {
      kind: 'rect',
      role: 'legend-frame',
      rect,
      fill: theme.legendFill,
      stroke: theme.legendStroke,
      lineWidth: s.legendLineWidth,
      radius: s.legendRadius,
    },
  ];
  const capL = m.capHeight(size);
  const columns = box.format.columns;
  entries.forEach((e, i) => {
    const row = Math.floor(i / columns);
    const col = i % columns;
    const baseline = rect.y + s.legendPadding * k + capL + row * box.pitch;
    const mid = baseline - capL / 2;
    const x0 = rect.x + box.columnX[col]!;
    const swatch: PolylineItem = {
      kind: 'polyline',
      role: 'legend-swatch',
      points: Float64Array.of(x0, mid, x0 + box.swatch, mid),
      color: e.color,
      width: e.width,
      series: e.series,
      ...(e.dash ? { dash: e.dash } : {}),
      ...(e.dashOffset ? { dashOffset: e.dashOffset } : {}),
    };
    items.push(swatch);
    const shown = box.shown[i]!;
    texts.push({
      kind: 'text',
      role: 'legend-label',
      text: shown,
      x: x0 + box.swatch + box.swatchGap,
      y: baseline,
      anchor: 'start',
      size,
      color: theme.text,
      ...(shown !== e.label ? { fullText: e.label } : {}),
    });
  });
  return items;
}
