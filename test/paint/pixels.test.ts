/** Structural checks on real pixels: spines, curves where the math puts them, the title. */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { resolveSpec } from '../../src/math/resolve.js';
import { fontMeasure } from '../../src/paint/fonts/font.js';
import { functionChartOf } from '../support/charts.js';
import { renderImage } from '../../src/paint/image.js';
import { layoutChartGeometry } from '../../src/chart/layout.js';

async function relu(theme: 'light' | 'dark' = 'light') {
  const model = functionChartOf(resolveSpec('ReLU'), {
    range: [-6, 6],
    sampling: { step: 0.1 },
    show: 'both',
    logY: false,
    legend: 'auto',
    theme,
  });
  const { scene, panels } = layoutChartGeometry(model, { width: 500, height: 350, measure: fontMeasure() });
  const png = PNG.sync.read(
    Buffer.from((await renderImage(scene, 'png', { scale: 1, jpegQuality: 92, warn: () => {} })) as Uint8Array),
  );
  const at = (x: number, y: number) => {
    const i = (png.width * Math.floor(y) + Math.floor(x)) * 4;
    return { r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]! };
  };
  return { panel: panels[0]!, png, at };
}

const dark = (c: { r: number; g: number; b: number }) => c.r + c.g + c.b < 200;
const orange = (c: { r: number; g: number; b: number }) => c.r > 200 && c.g > 90 && c.g < 190 && c.b < 120;
const blue = (c: { r: number; g: number; b: number }) => c.b > 120 && c.r < 120;

describe('pixels of the ReLU chart', () => {
  it('draws the spines as dark lines through the data origin', async () => {
    const { panel, at } = await relu();
    const { plot } = panel;
    const sx = panel.x.scale.map(0);
    const sy = panel.y.scale.map(0);
    let column = 0;
    for (let y = Math.ceil(plot.y); y < plot.y + plot.height; y++) if (dark(at(sx, y))) column++;
    // Right of the origin: left of it, f′ = 0 (orange, drawn above the spine as in the article) runs on the axis.
    let row = 0;
    for (let x = Math.ceil(sx) + 3; x < plot.x + plot.width; x++) if (dark(at(x, sy))) row++;
    expect(column / plot.height).toBeGreaterThan(0.9);
    expect(row / (plot.x + plot.width - sx - 3)).toBeGreaterThan(0.9);
    let onAxis = 0;
    for (let x = Math.ceil(plot.x) + 30; x < sx - 3; x++) if (orange(at(x, sy))) onAxis++;
    expect(onAxis / (sx - 3 - plot.x - 30)).toBeGreaterThan(0.9);
    // No top or right border.
    let top = 0;
    for (let x = Math.ceil(plot.x); x < plot.x + plot.width; x++) if (dark(at(x, plot.y))) top++;
    expect(top / plot.width).toBeLessThan(0.2);
  });

  it('draws f′ at y = 0 left of the origin and at y = 1 right of it, f along y = x', async () => {
    const { panel, png, at } = await relu();
    const rowsWhere = (x: number, test: (c: { r: number; g: number; b: number }) => boolean) => {
      const rows: number[] = [];
      for (let y = 0; y < png.height; y++) if (test(at(panel.x.scale.map(x), y))) rows.push(y);
      return rows;
    };
    for (const x of [-5, -3, -1]) {
      const rows = rowsWhere(x, orange);
      expect(rows.length, `orange at x=${x}`).toBeGreaterThan(0);
      for (const y of rows) expect(Math.abs(y + 0.5 - panel.y.scale.map(0))).toBeLessThan(2.5);
    }
    for (const x of [1.5, 3, 5]) {
      const rows = rowsWhere(x, orange);
      expect(rows.length, `orange at x=${x}`).toBeGreaterThan(0);
      for (const y of rows) expect(Math.abs(y + 0.5 - panel.y.scale.map(1))).toBeLessThan(2.5);
      const blueRows = rowsWhere(x, blue);
      expect(blueRows.length).toBeGreaterThan(0);
      for (const y of blueRows) expect(Math.abs(y + 0.5 - panel.y.scale.map(x))).toBeLessThan(2.5);
    }
  });

  it('writes the title above the plot and paints the dark theme dark', async () => {
    const { panel, png, at } = await relu();
    let ink = 0;
    for (let y = 0; y < panel.plot.y - 4; y++) for (let x = 0; x < png.width; x++) if (dark(at(x, y))) ink++;
    expect(ink).toBeGreaterThan(50);
    const night = await relu('dark');
    expect(dark(night.at(2, 2))).toBe(true);
  });
});
