/**
 * Golden images: a handful of charts compared with committed PNGs under test/golden/, with a
 * small pixel tolerance (anti-aliasing may differ between Skia builds). After an intended change
 * of the look, regenerate them and look at every one before committing:
 *
 *     UPDATE_GOLDEN=1 npx vitest run test/paint/golden.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { resolveSpec } from '../../src/math/resolve.js';
import { fontMeasure } from '../../src/paint/fonts/font.js';
import type { FunctionChartOptions } from '../../src/chart/function-chart.js';
import { functionChartOf, type SampledOptions } from '../support/charts.js';
import { renderImage } from '../../src/paint/image.js';
import { layoutChart } from '../../src/chart/layout.js';
import { GOLDEN_DIR } from '../support/paths.js';

const GOLDEN = GOLDEN_DIR;
/** Share of pixels allowed to differ beyond pixelmatch's color threshold. */
const TOLERANCE = 0.002;

const base: SampledOptions<FunctionChartOptions> = {
  range: [-6, 6],
  sampling: { step: 0.1 },
  show: 'both',
  logY: false,
  legend: 'auto',
  theme: 'light',
};
const cases: {
  name: string;
  spec: string;
  options?: Partial<FunctionChartOptions>;
  size?: [number, number];
  scale?: number;
}[] = [
  { name: 'relu6', spec: 'ReLU6' },
  { name: 'elu-labels-edge', spec: 'ELU' },
  { name: 'hardshrink-dark', spec: 'Hardshrink', options: { theme: 'dark' } },
  { name: 'sigmoid-log', spec: 'Sigmoid', options: { logY: true, show: 'df', range: [-20, 20] } },
  { name: 'softmax', spec: 'Softmax' },
  {
    name: 'relu-positive-range-hidpi',
    spec: 'ReLU',
    options: { range: [1, 5], legend: 'lower-right' },
    size: [300, 200],
    scale: 2,
  },
];

describe('golden images', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const model = functionChartOf(resolveSpec(c.spec), { ...base, ...c.options });
      const [width, height] = c.size ?? [500, 350];
      const scene = layoutChart(model, { width, height, measure: fontMeasure() });
      const png = Buffer.from(
        (await renderImage(scene, 'png', { scale: c.scale ?? 1, jpegQuality: 92, warn: () => {} })) as Uint8Array,
      );
      const file = join(GOLDEN, `${c.name}.png`);
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, png);
        if (!process.env.UPDATE_GOLDEN)
          throw new Error(`${file} was missing and has been written; check it and commit it`);
      }
      const actual = PNG.sync.read(png);
      const expected = PNG.sync.read(readFileSync(file));
      expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
      const diff = pixelmatch(actual.data, expected.data, undefined, actual.width, actual.height, { threshold: 0.1 });
      expect(diff / (actual.width * actual.height)).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});
