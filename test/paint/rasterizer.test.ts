/** Our rasterizer against Skia (@napi-rs/canvas) drawing the same scenes: an independent reference. */
import { createCanvas } from '@napi-rs/canvas';
import pixelmatch from 'pixelmatch';
import { describe, expect, it } from 'vitest';
import { resolveSpec } from '../../src/math/resolve.js';
import { drawScene } from '../../src/paint/canvas/canvas-draw.js';
import { fontMeasure } from '../../src/paint/fonts/font.js';
import { functionChartOf } from '../support/charts.js';
import { layoutChart } from '../../src/chart/layout.js';
import type { ThemeName } from '../../src/chart/model.js';
import { rasterize } from '../../src/paint/raster/rasterizer.js';

function scene(spec: string, theme: ThemeName, logY = false) {
  const model = functionChartOf(resolveSpec(spec), {
    range: [-6, 6],
    sampling: { step: 0.1 },
    show: logY ? 'df' : 'both',
    logY,
    legend: 'auto',
    theme,
  });
  return layoutChart(model, { width: 500, height: 350, measure: fontMeasure() });
}

describe('rasterizer', () => {
  for (const [spec, theme, logY] of [
    ['GELU', 'light', false],
    ['Hardshrink', 'dark', false],
    ['Sigmoid', 'light', true],
  ] as const) {
    for (const scale of [1, 2]) {
      it(`draws ${spec} (${theme}, ×${scale}) as Skia does, to within anti-aliasing`, () => {
        const s = scene(spec, theme, logY);
        const own = rasterize(s, scale);
        const canvas = createCanvas(own.width, own.height);
        const ctx = canvas.getContext('2d');
        ctx.scale(scale, scale);
        drawScene(ctx, s, { snap: scale, fallbackText: () => {} });
        const differing = pixelmatch(own.data, canvas.data(), undefined, own.width, own.height, { threshold: 0.1 });
        expect(differing / (own.width * own.height)).toBeLessThan(0.003);
      });
    }
  }
});
