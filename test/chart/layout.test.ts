/** Layout without pixels: ticks, tick labels, spines and the legend, judged on the Scene's geometry. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/math/catalog.js';
import { resolveSpec } from '../../src/math/resolve.js';
import { fontMeasure } from '../../src/paint/fonts/font.js';
import type { FunctionChartOptions } from '../../src/chart/function-chart.js';
import { functionChartOf, type SampledOptions } from '../support/charts.js';
import { inflate, lengthInside, PolylineIndex, rectsOverlap } from '../../src/chart/geometry.js';
import { bestCorner, cornerRect, hiddenEnds, hiddenSamples } from '../../src/chart/legend.js';
import { layoutChartGeometry, type LaidOutChart, type TextMeasure } from '../../src/chart/layout.js';
import type { ChartModel } from '../../src/chart/model.js';
import type { PanelGeometry } from '../../src/chart/scene.js';

const measure = fontMeasure();
const defaults: SampledOptions<FunctionChartOptions> = {
  range: [-6, 6],
  sampling: { step: 0.1 },
  show: 'both',
  logY: false,
  legend: 'auto',
  theme: 'light',
};

function chart(spec: string, options: Partial<SampledOptions<FunctionChartOptions>> = {}): ChartModel {
  return functionChartOf(resolveSpec(spec), { ...defaults, ...options });
}

function layout(model: ChartModel, size = { width: 500, height: 350 }): LaidOutChart {
  return layoutChartGeometry(model, { ...size, measure });
}

function spineSegments(p: PanelGeometry): Float64Array[] {
  const { plot } = p;
  return [
    Float64Array.of(plot.x, p.x.spine, plot.x + plot.width, p.x.spine),
    Float64Array.of(p.y.spine, plot.y, p.y.spine, plot.y + plot.height),
  ];
}

/** Every placed tick label is clear of spines, curves and the other labels. */
function expectLabelsClear(chart: LaidOutChart, name: string): void {
  for (const p of chart.panels) {
    const lines = [...spineSegments(p), ...p.curves.flat()].map((pts) => new PolylineIndex(pts));
    p.labels.forEach((label, i) => {
      for (const line of lines)
        expect(line.hits(label.box, 0.75), `${name}: label ${label.text} touches a line`).toBe(false);
      p.labels.forEach((other, j) => {
        if (i !== j)
          expect(rectsOverlap(label.box, other.box), `${name}: labels ${label.text} and ${other.text} overlap`).toBe(
            false,
          );
      });
    });
  }
}

describe('layout of the default chart', () => {
  const scene = layout(chart('ReLU6'));
  const panel = scene.panels[0]!;

  it('has the article ticks and one "0" for the origin', () => {
    expect(panel.x.ticks).toEqual([-6, -4, -2, 0, 2, 4, 6]);
    expect(panel.y.ticks).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const zeros = panel.labels.filter((l) => l.text === '0');
    expect(zeros.length).toBe(1);
    expect(panel.labels.map((l) => l.text)).toContain('−6');
  });

  it('runs the spines through the data origin', () => {
    expect(panel.x.spineAt).toBe('origin');
    expect(panel.y.spineAt).toBe('origin');
    expect(panel.x.spine).toBeCloseTo(panel.y.scale.map(0), 9);
    expect(panel.y.spine).toBeCloseTo(panel.x.scale.map(0), 9);
  });

  it('keeps the "0" off both spines (the article puts it on the axis)', () => {
    const zero = panel.labels.find((l) => l.text === '0')!;
    const [xSpine, ySpine] = spineSegments(panel);
    expect(new PolylineIndex(xSpine!).hits(zero.box, 1)).toBe(false);
    expect(new PolylineIndex(ySpine!).hits(zero.box, 1)).toBe(false);
  });

  it('centers the title over the plot and puts everything inside the image', () => {
    const title = scene.scene.items.find((i) => i.kind === 'text' && i.role === 'title');
    expect(title).toMatchObject({ text: 'ReLU6(x)', anchor: 'middle' });
    for (const l of panel.labels) {
      expect(l.box.x).toBeGreaterThanOrEqual(0);
      expect(l.box.x + l.box.width).toBeLessThanOrEqual(500);
      expect(l.box.y + l.box.height).toBeLessThanOrEqual(350);
    }
  });
});

describe('tick labels and legend over the whole catalog', () => {
  it('never puts a tick label on a spine, a curve or another label', () => {
    for (const entry of catalog) {
      expectLabelsClear(layout(chart(entry.name)), entry.name);
      expectLabelsClear(
        layout(chart(entry.name, { range: [-3, 1] }), { width: 300, height: 200 }),
        `${entry.name} small`,
      );
    }
  });

  it('finds a legend corner that covers no curve', () => {
    for (const entry of catalog) {
      const p = layout(chart(entry.name)).panels[0]!;
      const covered = p.curves.flat().reduce((sum, c) => sum + lengthInside(c, inflate(p.legend!, 0.75)), 0);
      expect(covered, `${entry.name}: legend hides ${covered.toFixed(1)} px of curve`).toBeLessThan(0.5);
    }
  });

  it('keeps tick labels off the legend, at the default size and small ones', () => {
    for (const entry of catalog) {
      for (const size of [
        { width: 500, height: 350 },
        { width: 250, height: 175 },
      ]) {
        const scene = layout(chart(entry.name), size);
        const p = scene.panels[0]!;
        for (const l of p.labels)
          expect(
            rectsOverlap(l.box, scene.legend!),
            `${entry.name} ${size.width}: label ${l.text} under the legend`,
          ).toBe(false);
      }
    }
  });

  it('keeps a forced legend corner', () => {
    const p = layout(chart('Sigmoid', { legend: 'lower-right' })).panels[0]!;
    expect(p.legend!.x + p.legend!.width).toBeGreaterThan(p.plot.x + p.plot.width * 0.6);
    expect(p.legend!.y).toBeGreaterThan(p.plot.y + p.plot.height * 0.5);
    expect(layout(chart('Sigmoid', { legend: 'none' })).panels[0]!.legend).toBeUndefined();
  });

  it('lists every tick it left unlabelled (none for the default charts)', () => {
    for (const entry of catalog) expect(layout(chart(entry.name)).panels[0]!.droppedLabels, entry.name).toEqual([]);
  });
});

describe('spines when 0 is outside a range', () => {
  it('moves the y spine to the left edge for x > 0 and the right edge for x < 0', () => {
    const right = layout(chart('ReLU', { range: [1, 5] })).panels[0]!;
    expect(right.y.spineAt).toBe('low');
    expect(right.y.spine).toBe(right.plot.x);
    expect(right.x.spineAt).toBe('low'); // y from 0.8 to 5.2: the x spine at the bottom edge
    expect(right.x.spine).toBe(right.plot.y + right.plot.height);
    const left = layout(chart('ReLU', { range: [-5, -1] })).panels[0]!;
    expect(left.y.spineAt).toBe('high');
    expect(left.y.spine).toBe(left.plot.x + left.plot.width);
    expectLabelsClear(layout(chart('ReLU', { range: [-5, -1] })), 'ReLU −5,−1');
  });

  it('keeps a log axis within the doubles when the data spans hundreds of decades', () => {
    const p = layout(chart('Sigmoid', { logY: true, show: 'f', range: [-800, 30] })).panels[0]!;
    const [lo, hi] = p.y.scale.domain;
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(Infinity);
    expect(p.y.ticks.length).toBeGreaterThanOrEqual(3);
    expect(p.curves[0]!.length).toBeGreaterThan(0);
  });

  it('puts the x spine at the bottom of a log axis', () => {
    const p = layout(chart('Sigmoid', { logY: true, show: 'df', range: [-20, 20] })).panels[0]!;
    expect(p.y.scale.kind).toBe('log');
    expect(p.x.spineAt).toBe('low');
    expect(p.labels.some((l) => l.text.startsWith('10'))).toBe(true);
  });
});

describe('layout is unit-free', () => {
  it('lays out with a character-cell measure (2 dots a column, 4 a row) without overlaps', () => {
    const cells: TextMeasure = { width: (t) => [...t].length * 2, capHeight: () => 4, descent: () => 0 };
    const scene = layoutChartGeometry(chart('Sigmoid'), {
      width: 160,
      height: 112,
      measure: cells,
      style: {
        titleSize: 4,
        tickLabelSize: 4,
        legendSize: 4,
        axisLabelSize: 4,
        padding: 0,
        titleGap: 2,
        tickLength: 0,
        tickLabelGap: 2,
        labelClearance: 0,
        legendPadding: 2,
        legendSwatch: 4,
        legendSwatchGap: 2,
        legendRowPitch: 1,
        legendInset: 2,
        xTickSpacing: 30,
        yTickSpacing: 16,
      },
    });
    const p = scene.panels[0]!;
    expect(p.plot.width).toBeGreaterThan(100);
    for (const a of p.labels) for (const b of p.labels) if (a !== b) expect(rectsOverlap(a.box, b.box)).toBe(false);
  });

  it('stacks panels that share the x axis', () => {
    const one = chart('ELU');
    const model: ChartModel = { ...one, panels: [one.panels[0]!, { ...one.panels[0]!, legend: 'none' }] };
    const [top, bottom] = layout(model, { width: 500, height: 500 }).panels;
    expect(top!.plot.x).toBe(bottom!.plot.x);
    expect(top!.plot.width).toBe(bottom!.plot.width);
    expect(top!.plot.y + top!.plot.height).toBeLessThan(bottom!.plot.y);
    expect(bottom!.legend).toBeUndefined();
  });
});

describe('the legend and curve ends', () => {
  const plot = { x: 0, y: 0, width: 400, height: 300 };
  /** A polyline from (x0, y0) to (x1, y1), sampled every 2 units. */
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    const n = Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 2);
    return Float64Array.from({ length: 2 * (n + 1) }, (_, i) =>
      i % 2 === 0 ? x0 + ((x1 - x0) * (i / 2)) / n : y0 + ((y1 - y0) * ((i - 1) / 2)) / n,
    );
  };
  // A curve that stops inside the plot at the upper right, and one clipped at both plot edges below.
  const ending = line(20, 280, 370, 40);
  const across = line(0, 250, 400, 250);

  it('counts the ends that stop inside the plot, not those clipped at its edges', () => {
    expect(hiddenEnds({ x: 330, y: 10, width: 60, height: 50 }, plot, [ending], 2)).toBe(1);
    expect(hiddenEnds({ x: 0, y: 230, width: 60, height: 40 }, plot, [across], 2)).toBe(0);
  });

  it('prefers a corner that hides more samples but no curve end', () => {
    // The left corners are taken (as by tick-label bands); upper right hides the end, lower right
    // a stretch of the clipped curve.
    const obstacles = {
      points: [ending, across],
      reach: 2,
      lines: [],
      bands: [{ x: 0, y: 0, width: 100, height: 300 }],
    };
    const best = bestCorner([plot], 80, 60, 10, obstacles)!;
    expect(best.ends).toBe(0);
    expect(best.rect.y).toBeGreaterThan(150);
    expect(best.hidden).toBeGreaterThan(
      hiddenSamples(cornerRect(plot, 'upper-right', 80, 60, 10), [ending, across], 2),
    );
  });
});
