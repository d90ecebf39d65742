/**
 * Layout: ChartModel + a text measure + a size → Scene (scene.ts), with no pixels and no fonts of
 * its own, so that it is testable without drawing and shared by every renderer.
 *
 * Contract for renderers (src/paint: images, and the terminal's braille charts):
 * - `layoutChart(model, { width, height, measure, style })`. Units are whatever `measure` and
 *   `style` use: logical pixels for images (PIXEL_STYLE, the bundled font's `fontMeasure`), or
 *   e.g. braille dots for the terminal (a measure that returns 2 dots per character cell, a style
 *   with font sizes of one cell = 4 dots, tick length 0, …). Nothing here assumes pixels.
 * - `measure.width(text, size)` is the advance width of `text` at font size `size`;
 *   `measure.capHeight(size)` the height of digits and capitals above the baseline, which is the
 *   box used to keep tick labels apart; `measure.descent(size)` the depth below the baseline.
 * - Text items are anchored on their alphabetic baseline (TextItem.x/y with `anchor`).
 * - `layoutChartGeometry` also returns, beside the Scene, each panel's geometry (plot rectangles,
 *   scales, ticks, placed tick label boxes, the legend box, the curves in layout units), for tests
 *   and tools that measure a layout; painters get only the Scene.
 *
 * What it decides, in order: the x and y domains (data + a margin, 5 %), the tick values (1-2-5,
 * spaced for the available length), the margins that tick labels need, the spines (through the
 * origin or at the nearer edge), the legend corner (the one hiding least of the curves; if every
 * corner hides a curve, the y range gains headroom at the top and the layout is redone once), the
 * tick labels (beside their spine, clear of spines, ticks, curves, the legend and each other, or
 * all of an axis's labels at the plot's edge; see tick-labels.ts), and the title.
 */
import { clipPolyline } from './geometry.js';
import { bestCorner, cornerRect } from './legend.js';
import type { ChartModel, Panel } from './model.js';
import { makeScale, paddedDomain, type Scale } from './scale.js';
import type { AxisGeometry, PanelGeometry, PlacedLabel, Rect, Scene, SceneItem, TextItem } from './scene.js';
import { spinePlacement } from './spines.js';
import { THEMES, type Theme } from './theme.js';
import { placeTickLabels, type Obstacle } from './tick-labels.js';
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
  curveWidth: 1.5,
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
}

/** A laid-out chart: the Scene to paint and the geometry each panel was given. */
export interface LaidOutChart {
  readonly scene: Scene;
  readonly panels: readonly PanelGeometry[];
}

export function layoutChart(model: ChartModel, options: LayoutOptions): Scene {
  return layoutChartGeometry(model, options).scene;
}

/** The layout with its panels' geometry (what tests and tools that measure a layout read). */
export function layoutChartGeometry(model: ChartModel, options: LayoutOptions): LaidOutChart {
  const ctx: Ctx = {
    model,
    width: options.width,
    height: options.height,
    m: options.measure,
    s: { ...PIXEL_STYLE, ...options.style },
    theme: THEMES[model.theme],
  };
  const xDomain = paddedDomain('linear', model.xRange[0], model.xRange[1], ctx.s.axisMargin);
  const yDomains = model.panels.map((p) => panelDomain(p, ctx.s.axisMargin));
  const first = buildScene(ctx, xDomain, yDomains);
  // A legend that hides a curve in every corner: give the y range headroom at the top, once.
  const crowded = first.crowdedLegends;
  if (crowded.length === 0) return first.chart;
  const widened = yDomains.map((d, i) => {
    const p = model.panels[i]!;
    const g = first.chart.panels[i]!;
    const space = g.legend ? g.legend.height + 2 * ctx.s.legendInset : 0;
    // Not when the legend would take much of the plot's height (tiny charts): then it overlaps.
    if (!crowded.includes(i) || p.yRange || !g.legend || space > 0.4 * g.plot.height) return d;
    return headroom(p, d, g.plot.height, space);
  });
  return buildScene(ctx, xDomain, widened).chart;
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

function planAxis(kind: 'linear' | 'log', domain: Domain, length: number, spacing: number, m: TextMeasure, size: number): AxisPlan {
  const count = Math.max(2, length / spacing);
  const ticks = kind === 'log' ? logTicks(domain[0], domain[1], count) : linearTicks(domain[0], domain[1], count);
  const labels = formatTicks(ticks);
  const widest = labels.reduce((w, t) => Math.max(w, m.width(t, size)), 0);
  return { ticks, labels, widest };
}

function buildScene(
  ctx: Ctx,
  xDomain: Domain,
  yDomains: readonly Domain[],
): { chart: LaidOutChart; crowdedLegends: number[] } {
  const { model, m, s, theme } = ctx;
  const items: SceneItem[] = [{ kind: 'rect', role: 'background', rect: { x: 0, y: 0, width: ctx.width, height: ctx.height }, fill: theme.background }];
  const capT = m.capHeight(s.tickLabelSize);
  const labelBand = s.tickLength + s.tickLabelGap + capT;

  // Vertical bands: title, panels, x label.
  let top = s.padding;
  let titleBaseline = 0;
  const title = model.title ?? '';
  if (title) {
    titleBaseline = top + m.capHeight(s.titleSize) + m.descent(s.titleSize) * 0.3;
    top = titleBaseline + m.descent(s.titleSize) + s.titleGap;
  }
  let bottom = ctx.height - s.padding;
  let xLabelBaseline = 0;
  if (model.xLabel) {
    xLabelBaseline = bottom - m.descent(s.axisLabelSize);
    bottom = xLabelBaseline - m.capHeight(s.axisLabelSize) - s.tickLabelGap;
  }
  const yLabelBand = model.panels.some((p) => p.yLabel) ? m.capHeight(s.axisLabelSize) + m.descent(s.axisLabelSize) + s.tickLabelGap * 2 : 0;

  // Which edge the x-axis spine uses, per panel, and where the y-axis spine is (shared).
  const probe = (d: Domain, kind: 'linear' | 'log') => spinePlacement(makeScale(kind, d, [0, 1]));
  const xSpines = model.panels.map((p, i) => probe(yDomains[i]!, p.yScale));
  const ySpine = probe(xDomain, 'linear');

  const n = model.panels.length;
  const reserveAbove = (i: number) => (xSpines[i]!.at === 'high' ? labelBand : capT / 2 + s.labelClearance);
  const reserveBelow = (i: number) => (xSpines[i]!.at === 'high' ? capT / 2 + s.labelClearance : labelBand);
  const reservedV = model.panels.reduce((sum, _, i) => sum + reserveAbove(i) + reserveBelow(i), 0) + s.panelGap * (n - 1);
  const plotHeight = Math.max(1, (bottom - top - reservedV) / n);

  // Horizontal: y tick labels need room on the side of the y spine; x labels overhang the ends.
  let left = s.padding + yLabelBand;
  let right = ctx.width - s.padding;
  let plotWidth = right - left;
  let xPlan = planAxis('linear', xDomain, plotWidth, s.xTickSpacing, m, s.tickLabelSize);
  const yPlans = model.panels.map((p, i) => planAxis(p.yScale, yDomains[i]!, plotHeight, s.yTickSpacing, m, s.tickLabelSize));
  for (let pass = 0; pass < 2; pass++) {
    const yWidest = yPlans.reduce((w, p) => Math.max(w, p.widest), 0);
    const yBand = s.tickLength + s.tickLabelGap + yWidest;
    const firstHalf = xPlan.labels.length ? m.width(xPlan.labels[0]!, s.tickLabelSize) / 2 : 0;
    const lastHalf = xPlan.labels.length ? m.width(xPlan.labels[xPlan.labels.length - 1]!, s.tickLabelSize) / 2 : 0;
    left = s.padding + yLabelBand + (ySpine.at === 'high' ? firstHalf : Math.max(yBand, firstHalf));
    right = ctx.width - s.padding - (ySpine.at === 'high' ? Math.max(yBand, lastHalf) : lastHalf);
    plotWidth = Math.max(1, right - left);
    xPlan = planAxis('linear', xDomain, plotWidth, s.xTickSpacing, m, s.tickLabelSize);
  }

  const xScaleFor = (plot: Rect) => makeScale('linear', xDomain, [plot.x, plot.x + plot.width]);
  const panels: PanelGeometry[] = [];
  const crowdedLegends: number[] = [];
  const texts: TextItem[] = [];
  let y = top;
  model.panels.forEach((panel, i) => {
    y += reserveAbove(i);
    const plot: Rect = { x: left, y, width: plotWidth, height: plotHeight };
    y += plotHeight + reserveBelow(i) + s.panelGap;
    const xScale = xScaleFor(plot);
    const yScale = makeScale(panel.yScale, yDomains[i]!, [plot.y + plot.height, plot.y]);
    const yPlan = yPlans[i]!;
    const result = layoutPanel(ctx, panel, plot, xScale, yScale, xPlan, yPlan, items, texts);
    panels.push(result.geometry);
    if (result.crowded) crowdedLegends.push(i);
  });

  if (title) {
    const mid = panels[0] ? panels[0].plot.x + panels[0].plot.width / 2 : ctx.width / 2;
    texts.push({ kind: 'text', role: 'title', text: title, x: mid, y: titleBaseline, anchor: 'middle', size: s.titleSize, color: theme.text });
  }
  if (model.xLabel && panels.length) {
    const p = panels[panels.length - 1]!.plot;
    texts.push({ kind: 'text', role: 'axis-label', text: model.xLabel, x: p.x + p.width / 2, y: xLabelBaseline, anchor: 'middle', size: s.axisLabelSize, color: theme.text });
  }
  model.panels.forEach((panel, i) => {
    if (!panel.yLabel) return;
    const p = panels[i]!.plot;
    const x = s.padding + m.capHeight(s.axisLabelSize) + s.tickLabelGap;
    texts.push({ kind: 'text', role: 'axis-label', text: panel.yLabel, x, y: p.y + p.height / 2, anchor: 'middle', size: s.axisLabelSize, color: theme.text, rotate: -90 });
  });
  items.push(...texts);
  const scene: Scene = { width: ctx.width, height: ctx.height, background: theme.background, items };
  return { chart: { scene, panels }, crowdedLegends };
}

function segment(x1: number, y1: number, x2: number, y2: number): Float64Array {
  return Float64Array.of(x1, y1, x2, y2);
}

function layoutPanel(
  ctx: Ctx,
  panel: Panel,
  plot: Rect,
  xScale: Scale,
  yScale: Scale,
  xPlan: AxisPlan,
  yPlan: AxisPlan,
  items: SceneItem[],
  texts: TextItem[],
): { geometry: PanelGeometry; crowded: boolean } {
  const { m, s, theme } = ctx;
  const plotRight = plot.x + plot.width;
  const plotBottom = plot.y + plot.height;
  const xSpine = spinePlacement(yScale); // the x axis line: a y value
  const ySpine = spinePlacement(xScale); // the y axis line: an x value
  const sy = xSpine.at === 'origin' ? yScale.map(0) : xSpine.at === 'low' ? plotBottom : plot.y;
  const sx = ySpine.at === 'origin' ? xScale.map(0) : ySpine.at === 'low' ? plot.x : plotRight;
  const xTicks = xPlan.ticks.values;
  const yTicks = yPlan.ticks.values;

  // Grid on the major ticks.
  for (const v of xTicks) {
    const px = xScale.map(v);
    items.push({ kind: 'line', role: 'grid', x1: px, y1: plot.y, x2: px, y2: plotBottom, color: theme.grid, width: s.gridWidth, crisp: true });
  }
  for (const v of yTicks) {
    const py = yScale.map(v);
    items.push({ kind: 'line', role: 'grid', x1: plot.x, y1: py, x2: plotRight, y2: py, color: theme.grid, width: s.gridWidth, crisp: true });
  }

  // Curves in layout units, clipped to the plot.
  const curves: Float64Array[][] = [];
  panel.series.forEach((series, index) => {
    const pieces: Float64Array[] = [];
    for (const line of series.polylines) {
      const pts = new Float64Array(line.x.length * 2);
      for (let k = 0; k < line.x.length; k++) {
        pts[2 * k] = xScale.map(line.x[k]!);
        pts[2 * k + 1] = yScale.map(line.y[k]!);
      }
      pieces.push(...clipPolyline(pts, plot));
    }
    curves.push(pieces);
    const width = series.width ?? s.curveWidth;
    for (const points of pieces) items.push({ kind: 'polyline', role: 'curve', points, color: series.color, width, series: index });
  });

  // Spines and outward ticks.
  const xTickDir = xSpine.at === 'high' ? -1 : 1; // x ticks point down, or up from a top spine
  const yTickDir = ySpine.at === 'high' ? 1 : -1; // y ticks point left, or right from a right spine
  const spines = [segment(plot.x, sy, plotRight, sy), segment(sx, plot.y, sx, plotBottom)];
  const ticks: Float64Array[] = [];
  for (const v of xTicks) ticks.push(segment(xScale.map(v), sy, xScale.map(v), sy + xTickDir * s.tickLength));
  for (const v of yTicks) ticks.push(segment(sx, yScale.map(v), sx + yTickDir * s.tickLength, yScale.map(v)));
  for (const sp of spines) items.push({ kind: 'line', role: 'spine', x1: sp[0]!, y1: sp[1]!, x2: sp[2]!, y2: sp[3]!, color: theme.spine, width: s.spineWidth, crisp: true });
  for (const t of ticks) items.push({ kind: 'line', role: 'tick', x1: t[0]!, y1: t[1]!, x2: t[2]!, y2: t[3]!, color: theme.tick, width: s.tickWidth, crisp: true });

  // Legend first (it may only avoid curves and spines); tick labels then keep clear of it.
  let legendRect: Rect | undefined;
  let crowded = false;
  const entries = panel.series.filter((x) => x.label);
  if (panel.legend !== 'none' && entries.length > 0) {
    const capL = m.capHeight(s.legendSize);
    const pitch = s.legendSize * s.legendRowPitch;
    const widest = entries.reduce((w, e) => Math.max(w, m.width(e.label, s.legendSize)), 0);
    const width = 2 * s.legendPadding + s.legendSwatch + s.legendSwatchGap + widest;
    const height = 2 * s.legendPadding + capL + (entries.length - 1) * pitch + m.descent(s.legendSize);
    if (panel.legend === 'auto') {
      const best = bestCorner(plot, width, height, s.legendInset, {
        curves: curves.flat(),
        curveRadius: s.curveWidth / 2,
        spines,
      });
      legendRect = best.rect;
      crowded = best.cost.curve >= 0.5;
    } else {
      legendRect = cornerRect(plot, panel.legend, width, height, s.legendInset);
    }
    items.push({
      kind: 'rect',
      role: 'legend-frame',
      rect: legendRect,
      fill: theme.legendFill,
      stroke: theme.legendStroke,
      lineWidth: s.legendLineWidth,
      radius: s.legendRadius,
    });
    entries.forEach((e, k) => {
      const baseline = legendRect!.y + s.legendPadding + capL + k * pitch;
      const mid = baseline - capL / 2;
      const x0 = legendRect!.x + s.legendPadding;
      items.push({
        kind: 'polyline',
        role: 'legend-swatch',
        points: Float64Array.of(x0, mid, x0 + s.legendSwatch, mid),
        color: e.color,
        width: e.width ?? s.curveWidth,
        series: panel.series.indexOf(e),
      });
      texts.push({
        kind: 'text',
        role: 'legend-label',
        text: e.label,
        x: x0 + s.legendSwatch + s.legendSwatchGap,
        y: baseline,
        anchor: 'start',
        size: s.legendSize,
        color: theme.text,
      });
    });
  }

  // Tick labels: beside the spines where free, else at the plot's edge (tick-labels.ts).
  const obstacles: Obstacle[] = [
    ...spines.map((points) => ({ points, radius: s.spineWidth / 2 })),
    ...ticks.map((points) => ({ points, radius: s.tickWidth / 2 })),
    ...panel.series.flatMap((series, k) => curves[k]!.map((points) => ({ points, radius: (series.width ?? s.curveWidth) / 2 }))),
  ];
  const tickLabels = placeTickLabels({
    plot,
    bounds: { x: 0, y: 0, width: ctx.width, height: ctx.height },
    sx,
    sy,
    xSpineAt: xSpine.at,
    ySpineAt: ySpine.at,
    x: { values: xTicks, positions: xTicks.map((v) => xScale.map(v)), labels: xPlan.labels },
    y: { values: yTicks, positions: yTicks.map((v) => yScale.map(v)), labels: yPlan.labels },
    obstacles,
    blocked: legendRect ? [legendRect] : [],
    measure: m,
    style: s,
  });
  const placed: PlacedLabel[] = tickLabels.labels.map(({ axis, value, text, box }) => ({ axis, value, text, box }));
  for (const l of tickLabels.labels) {
    texts.push({ kind: 'text', role: 'tick-label', text: l.text, x: l.x, y: l.baseline, anchor: l.anchor, size: s.tickLabelSize, color: theme.text });
  }

  const axis = (scale: Scale, values: readonly number[], spine: number, at: 'origin' | 'low' | 'high'): AxisGeometry => ({
    scale,
    ticks: values,
    spine,
    spineAt: at,
  });
  return {
    geometry: {
      plot,
      x: axis(xScale, xTicks, sy, xSpine.at),
      y: axis(yScale, yTicks, sx, ySpine.at),
      labels: placed,
      droppedLabels: tickLabels.dropped,
      labelModes: tickLabels.modes,
      ...(legendRect ? { legend: legendRect } : {}),
      curves,
    },
    crowded,
  };
}
