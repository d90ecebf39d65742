// GIF: the chart's own colors kept exact, deterministic bytes, animations with fixed axes.
import { describe, expect, it } from 'vitest';
import { layoutChart } from '../../src/chart/layout.js';
import { animationScenes, compareAnimationModels, plotAnimationModels } from '../../src/commands/animate.js';
import { plotModel, plotSettings } from '../../src/commands/plot.js';
import { resolveSpec } from '../../src/math/resolve.js';
import { fontMeasure } from '../../src/paint/fonts/font.js';
import { renderGif, sceneColors } from '../../src/paint/gif.js';
import { rasterize } from '../../src/paint/raster/rasterizer.js';
import { decodeGif } from '../support/gif-decode.js';

const settings = plotSettings({});
const sceneOf = (spec: string, theme: 'light' | 'dark' = 'light') =>
  layoutChart(plotModel(resolveSpec(spec), { ...settings, theme }, 500), {
    width: 500,
    height: 350,
    measure: fontMeasure(),
  });

function rgbPixels(scene: ReturnType<typeof sceneOf>): Uint32Array {
  const r = rasterize(scene, 1);
  const px = new Uint32Array(r.width * r.height);
  for (let i = 0; i < px.length; i++) px[i] = (r.data[4 * i]! << 16) | (r.data[4 * i + 1]! << 8) | r.data[4 * i + 2]!;
  return px;
}

describe('GIF', () => {
  it('keeps every color of the chart exact, and every other pixel close, without dithering', () => {
    for (const theme of ['light', 'dark'] as const) {
      const scene = sceneOf('GELU', theme);
      const gif = decodeGif(renderGif([scene], { scale: 1, fps: 20 }));
      expect([gif.width, gif.height, gif.frames.length]).toEqual([500, 350, 1]);
      const exact = new Set(sceneColors(scene));
      for (const c of exact) expect(gif.palette).toContain(c);
      const want = rgbPixels(scene);
      const got = gif.frames[0]!;
      let worst = 0;
      let changed = 0;
      for (let i = 0; i < want.length; i++) {
        if (exact.has(want[i]!) && got[i] !== want[i]) changed++;
        for (const shift of [16, 8, 0])
          worst = Math.max(worst, Math.abs(((want[i]! >> shift) & 255) - ((got[i]! >> shift) & 255)));
      }
      expect(changed).toBe(0);
      // Measured: 6 (light) and 5 (dark) out of 255.
      expect(worst).toBeLessThan(10);
    }
  });

  it('writes the same bytes for the same frames', () => {
    const scenes = [sceneOf('ELU'), sceneOf('ELU(alpha=2)')];
    expect(
      Buffer.from(renderGif(scenes, { scale: 1, fps: 10 })).equals(
        Buffer.from(renderGif(scenes, { scale: 1, fps: 10 })),
      ),
    ).toBe(true);
  });

  it('animates: frames in order, delays from fps, looping; unchanged pixels kept from the frame before', () => {
    const scenes = [sceneOf('ELU(alpha=0.5)'), sceneOf('ELU(alpha=1.5)'), sceneOf('ELU(alpha=2.5)')];
    const gif = decodeGif(renderGif(scenes, { scale: 1, fps: 20 }));
    expect(gif.frames.length).toBe(3);
    expect(gif.delays).toEqual([5, 5, 5]);
    expect(gif.loops).toBe(0);
    scenes.forEach((scene, f) => {
      const want = rgbPixels(scene);
      const exact = new Set(sceneColors(scene));
      let same = 0;
      for (let i = 0; i < want.length; i++) if (!exact.has(want[i]!) || gif.frames[f]![i] === want[i]) same++;
      expect(same).toBe(want.length);
    });
  });

  it('fixes the axes across the frames of a sweep and shows the value in the title or legend', async () => {
    const a = { frames: 5, fps: 20 };
    const scenes = await animationScenes(plotAnimationModels('Softplus(beta=0.5..5)', settings, a), settings);
    const ticks = scenes.map((s) =>
      JSON.stringify([s.panels[0]!.x.ticks, s.panels[0]!.y.ticks, s.panels[0]!.y.scale.domain]),
    );
    expect(new Set(ticks).size).toBe(1);
    const titles = scenes.map((s) => s.scene.items.find((i) => i.kind === 'text' && i.role === 'title'));
    expect(titles.map((t) => (t?.kind === 'text' ? t.text : ''))).toEqual([
      'Softplus(x; beta=0.5)',
      'Softplus(x; beta=2)',
      'Softplus(x; beta=3)',
      'Softplus(x; beta=4)',
      'Softplus(x; beta=5)',
    ]);
    const compared = await animationScenes(
      compareAnimationModels(['ELU(alpha=0.1..3)', 'GELU'], settings, 'values', a),
      settings,
    );
    const legends = compared.map((s) =>
      s.scene.items
        .filter((i) => i.kind === 'text' && i.role === 'legend-label')
        .map((i) => (i.kind === 'text' ? i.text : '')),
    );
    expect(legends[2]).toEqual(['ELU(alpha=1.6)', 'GELU']);
    expect(
      new Set(
        compared.map((s) => JSON.stringify(s.panels[0]!.legend && [s.panels[0]!.legend.x, s.panels[0]!.legend.y])),
      ).size,
    ).toBe(1);
  });
});
