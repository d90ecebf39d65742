import { describe, expect, it } from 'vitest';
import { resolveSpec } from '../../src/math/resolve.js';
import { resolveCompared } from '../../src/commands/compare.js';
import type { CompareShow } from '../../src/chart/compare-chart.js';
import { compareChartOf } from '../support/charts.js';
import { layoutChartGeometry } from '../../src/chart/layout.js';
import { TAB10 } from '../../src/chart/theme.js';
import { cellMeasure, TERMINAL_STYLE } from '../../src/paint/terminal/measure.js';

const specs = ['ReLU', 'Sigmoid', 'LeakyReLU(negative_slope=0.1)'];
const chart = (show: CompareShow, logY = false) =>
  compareChartOf(specs.map(resolveSpec), {
    range: [-6, 6],
    sampling: { step: 0.1 },
    show,
    logY,
    legend: 'auto',
    theme: 'light',
  });

describe('compare chart model', () => {
  it('overlays every function in one panel, tab10 colors in order, labels with parameters', () => {
    const m = chart('values');
    expect(m.panels).toHaveLength(1);
    expect(m.panels[0]!.series.map((s) => s.label)).toEqual(['ReLU', 'Sigmoid', 'LeakyReLU(negative_slope=0.1)']);
    expect(m.panels[0]!.series.map((s) => s.color)).toEqual(TAB10.slice(0, 3));
    expect(m.title).toBe('f(x)');
    // ReLU's values: 0 on the left, x on the right.
    const relu = m.panels[0]!.series[0]!.polylines.flatMap((p) => Array.from(p.x, (x, i) => [x, p.y[i]!]));
    for (const [x, y] of relu) expect(y).toBe(Math.max(0, x!));
  });

  it('--derivative overlays f′', () => {
    const m = chart('derivatives');
    expect(m.title).toBe('f′(x)');
    const leaky = m.panels[0]!.series[2]!.polylines.flatMap((p) => Array.from(p.x, (x, i) => [x, p.y[i]!]));
    for (const [x, y] of leaky) if (x !== 0) expect(y).toBe(x! > 0 ? 1 : 0.1);
  });

  it('--both: two stacked panels sharing the x axis, values above, one legend', () => {
    const m = chart('both');
    expect(m.panels.map((p) => p.yLabel)).toEqual(['f(x)', 'f′(x)']);
    expect(m.panels.map((p) => p.legend)).toEqual(['auto', 'none']);
    const scene = layoutChartGeometry(m, { width: 200, height: 140, measure: cellMeasure, style: TERMINAL_STYLE });
    const [top, bottom] = scene.panels;
    expect(top!.plot.x).toBe(bottom!.plot.x);
    expect(top!.plot.width).toBe(bottom!.plot.width);
    expect(top!.x.ticks).toEqual(bottom!.x.ticks);
    expect(top!.plot.y + top!.plot.height).toBeLessThan(bottom!.plot.y);
    expect(top!.legend).toBeDefined();
    expect(bottom!.legend).toBeUndefined();
  });

  it('a log axis shows |f′|', () => {
    const m = chart('derivatives', true);
    expect(m.panels[0]!.yScale).toBe('log');
    for (const s of m.panels[0]!.series) for (const p of s.polylines) for (const v of p.y) expect(v).toBeGreaterThan(0);
  });
});

describe('sweeps', () => {
  it('"ELU(alpha=0.5|1|2)" is three series, the swept parameter named even at its default', () => {
    const named = resolveCompared(['ELU(alpha=0.5|1|2)', 'ReLU']);
    expect(named.map((n) => n.name)).toEqual(['ELU(alpha=0.5)', 'ELU(alpha=1)', 'ELU(alpha=2)', 'ReLU']);
    expect(named.map((n) => n.fn.params.alpha)).toEqual([0.5, 1, 2, undefined]);
  });
});
