import { describe, expect, it } from 'vitest';
import { resolveSpec } from '../../src/math/resolve.js';
import { functionChartOf } from '../support/charts.js';
import type { ChartModel } from '../../src/chart/model.js';
import type { Scene } from '../../src/chart/scene.js';
import { cellMeasure, cellWidth, TERMINAL_STYLE } from '../../src/paint/terminal/measure.js';
import { renderCells } from '../../src/paint/terminal/render.js';
import { terminalChart } from '../../src/paint/terminal/index.js';
import { layoutChartGeometry } from '../../src/chart/layout.js';

const BRAILLE = /[\u2801-\u28ff]/;

function model(spec: string): ChartModel {
  return functionChartOf(resolveSpec(spec), {
    range: [-6, 6],
    sampling: { step: 0.1 },
    show: 'both',
    logY: false,
    legend: 'auto',
    theme: 'light',
  });
}

function emptyScene(width: number, height: number, items: Scene['items']): Scene {
  return { width, height, background: '#ffffff', items };
}

describe('braille cells', () => {
  it('maps dots to the braille bits of their cell', () => {
    const dots = (xy: [number, number][]) =>
      renderCells(
        emptyScene(2, 4, [
          {
            kind: 'polyline',
            role: 'curve',
            points: Float64Array.from(xy.flat()),
            color: '#000000',
            width: 1,
            series: 0,
          },
        ]),
      )[0];
    expect(dots([[0, 0]])).toBe('\u2801');
    expect(dots([[1, 0]])).toBe('\u2808');
    expect(dots([[0, 3]])).toBe('\u2840');
    expect(dots([[1, 3]])).toBe('\u2880');
    // A vertical segment down the left column lights dots 1, 2, 3, 7.
    expect(
      dots([
        [0, 0],
        [0, 3],
      ]),
    ).toBe('\u2847');
  });
  it('draws spines as dots and skips the grid and ticks', () => {
    const line = (role: 'grid' | 'spine' | 'tick') => ({
      kind: 'line' as const,
      role,
      x1: 0,
      y1: 1,
      x2: 7,
      y2: 1,
      color: '#000000',
      width: 1,
      crisp: true,
    });
    expect(renderCells(emptyScene(8, 4, [line('spine')]))[0]).toBe('\u2812'.repeat(4));
    expect(renderCells(emptyScene(8, 4, [line('grid'), line('tick')]))).toEqual([]);
  });
  it('snaps text to cells by its anchor', () => {
    const text = (anchor: 'start' | 'middle' | 'end', x: number) =>
      renderCells(
        emptyScene(20, 4, [
          { kind: 'text', role: 'tick-label', text: 'ab', x, y: 3, anchor, size: 4, color: '#000000' },
        ]),
      )[0];
    expect(text('start', 4)).toBe('  ab');
    expect(text('end', 8)).toBe('  ab');
    expect(text('middle', 8)).toBe('   ab');
  });
  it('counts East Asian wide characters as two cells', () => {
    expect(cellWidth('原函數')).toBe(6);
    expect(cellMeasure.width('f′(x)', 4)).toBe(10);
  });
});

describe('terminal charts', () => {
  it('share the image layout: spines through the origin, tick labels, a framed legend', async () => {
    const text = await terminalChart(model('ReLU'), { columns: 60, color: 0 });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]!.trim()).toBe('ReLU(x)');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(60);
    expect(text).toMatch(BRAILLE);
    expect(text).toMatch(/┌─+┐/);
    expect(text).toContain('── f(x)');
    expect(text).toContain('── f′(x)');
    // x tick labels on the last line, with a true minus.
    expect(lines[lines.length - 1]).toMatch(/−6.*−4.*−2.*0.*2.*4.*6|−5.*0.*5/);
    // The x axis: a row of braille dots spanning most of the width.
    expect(lines.some((l) => (l.match(/[\u2801-\u28ff]/g) ?? []).length > 45)).toBe(true);
  });

  it('places the y axis at x = 0: the same column on every plot row', async () => {
    const { scene, panels } = layoutChartGeometry(model('Sigmoid'), {
      width: 120,
      height: 84,
      measure: cellMeasure,
      style: TERMINAL_STYLE,
    });
    const lines = renderCells(scene);
    const col = Math.floor(panels[0]!.y.spine / 2);
    const plot = panels[0]!.plot;
    for (let row = Math.ceil(plot.y / 4); row < Math.floor((plot.y + plot.height) / 4); row++) {
      expect([...(lines[row] ?? '')][col] ?? ' ', `row ${row}`).toMatch(BRAILLE);
    }
  });

  it('follow the width asked for, and are deterministic', async () => {
    const a = await terminalChart(model('Sigmoid'), { columns: 40, color: 0 });
    const b = await terminalChart(model('Sigmoid'), { columns: 40, color: 0 });
    expect(a).toBe(b);
    expect(Math.max(...a.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(40);
    const wide = await terminalChart(model('Sigmoid'), { columns: 100, color: 0 });
    expect(Math.max(...wide.split('\n').map((l) => [...l].length))).toBeGreaterThan(90);
  });

  it('color the series (tab10) only when asked', async () => {
    const plain = await terminalChart(model('ReLU'), { columns: 60, color: 0 });
    expect(plain).not.toContain('\u001b[');
    const colored = await terminalChart(model('ReLU'), { columns: 60, color: 3 });
    expect(colored).toContain('\u001b[38;2;31;119;180m'); // #1f77b4, f
    expect(colored).toContain('\u001b[38;2;255;127;14m'); // #ff7f0e, f′
    expect(colored.replace(/\u001b\[[\d;]*m/g, '')).toBe(plain);
  });
});
