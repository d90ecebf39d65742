/**
 * GIF (one frame, or an animation of frames of the same size): pixels from our rasterizer, bytes
 * from gifenc's LZW writer. The palette is ours, not a quantizer's: every color the chart itself
 * uses (background, text, spines, grid, curves, legend) is in it exactly, and the remaining
 * entries go to the most frequent other colors (the anti-aliased edges); every other pixel takes
 * its nearest palette color, without dithering. After the first frame, pixels that did not change
 * are written as the transparent index over the frame before, which LZW compresses to almost
 * nothing: the bytes are a function of the frames alone.
 */
// gifenc is CommonJS without an ES export list: its default export is the module.
import gifenc from 'gifenc';
import type { Scene } from '../chart/scene.js';
import { rasterize } from './raster/rasterizer.js';

export interface GifOptions {
  /** Device pixels per layout unit. */
  readonly scale: number;
  /** Frames per second of an animation. */
  readonly fps: number;
}

/** One index is kept for "unchanged" (transparent) pixels. */
const MAX_COLORS = 255;

const rgbOf = (hex: string): number => parseInt(hex.slice(1, 7), 16);

/** An #rrggbbaa color over an opaque background, rounded as the rasterizer blends. */
function over(hex: string, background: number): number {
  if (hex.length !== 9) return rgbOf(hex);
  const a = parseInt(hex.slice(7), 16) / 255;
  const c = rgbOf(hex);
  let out = 0;
  for (const shift of [16, 8, 0]) {
    const v = Math.round(((c >> shift) & 255) * a + ((background >> shift) & 255) * (1 - a));
    out |= v << shift;
  }
  return out;
}

/** The colors a scene is drawn with, as 0xrrggbb. */
export function sceneColors(scene: Scene): number[] {
  const bg = rgbOf(scene.background);
  const out = new Set<number>([bg]);
  for (const item of scene.items) {
    if (item.kind === 'rect') {
      if (item.fill) out.add(over(item.fill, bg));
      if (item.stroke) out.add(over(item.stroke, bg));
    } else out.add(over(item.color, bg));
  }
  return [...out];
}

function distance(a: number, b: number): number {
  const dr = ((a >> 16) & 255) - ((b >> 16) & 255);
  const dg = ((a >> 8) & 255) - ((b >> 8) & 255);
  const db = (a & 255) - (b & 255);
  return dr * dr + dg * dg + db * db;
}

/** The chart's colors first, then the most frequent others (ties: the smaller value), up to 255. */
export function choosePalette(exact: readonly number[], counts: ReadonlyMap<number, number>): number[] {
  const palette = [...new Set(exact)].slice(0, MAX_COLORS);
  const chosen = new Set(palette);
  const others = [...counts].filter(([c]) => !chosen.has(c)).sort((p, q) => q[1] - p[1] || p[0] - q[0]);
  for (const [c] of others) {
    if (palette.length >= MAX_COLORS) break;
    palette.push(c);
  }
  return palette;
}

/** Maps 0xrrggbb to palette indices: exact where the color is in the palette, else the nearest. */
function indexer(palette: readonly number[]): (rgb: number) => number {
  const cache = new Map<number, number>();
  for (const [i, c] of palette.entries()) cache.set(c, i);
  return (rgb) => {
    let i = cache.get(rgb);
    if (i === undefined) {
      i = 0;
      let best = Infinity;
      for (let k = 0; k < palette.length; k++) {
        const d = distance(rgb, palette[k]!);
        if (d < best) [best, i] = [d, k];
      }
      cache.set(rgb, i);
    }
    return i;
  };
}

/** The frames as a GIF; an animation loops forever. All frames must have the same size. */
export function renderGif(scenes: readonly Scene[], options: GifOptions): Uint8Array {
  if (scenes.length === 0) throw new Error('internal: a GIF needs a frame');
  const rasters = scenes.map((s) => rasterize(s, options.scale));
  const { width, height } = rasters[0]!;
  // Pixels as 0xrrggbb (the background is opaque, so alpha is always 255).
  const frames = rasters.map((r) => {
    if (r.width !== width || r.height !== height) throw new Error('internal: GIF frames differ in size');
    const px = new Uint32Array(width * height);
    const d = r.data;
    for (let i = 0, j = 0; i < px.length; i++, j += 4) px[i] = (d[j]! << 16) | (d[j + 1]! << 8) | d[j + 2]!;
    return px;
  });
  const counts = new Map<number, number>();
  for (const px of frames) {
    let last = -1;
    let run = 0;
    for (let i = 0; i < px.length; i++) {
      const c = px[i]!;
      if (c === last) {
        run++;
        continue;
      }
      if (run) counts.set(last, (counts.get(last) ?? 0) + run);
      last = c;
      run = 1;
    }
    if (run) counts.set(last, (counts.get(last) ?? 0) + run);
  }
  const palette = choosePalette(scenes.flatMap(sceneColors), counts);
  const indexOf = indexer(palette);
  const transparent = palette.length;
  const gifPalette = [...palette, 0].map((c) => [(c >> 16) & 255, (c >> 8) & 255, c & 255]);
  const gif = gifenc.GIFEncoder();
  const delay = Math.round(1000 / options.fps);
  const index = new Uint8Array(width * height);
  let previous: Uint32Array | undefined;
  frames.forEach((px, f) => {
    for (let i = 0; i < px.length; i++)
      index[i] = previous !== undefined && px[i] === previous[i] ? transparent : indexOf(px[i]!);
    gif.writeFrame(index, width, height, {
      ...(f === 0 ? { palette: gifPalette, repeat: scenes.length > 1 ? 0 : -1 } : {}),
      delay: scenes.length > 1 ? delay : 0,
      // Keep each frame under the next, whose unchanged pixels are transparent.
      dispose: 1,
      transparent: f > 0,
      transparentIndex: transparent,
    });
    previous = px;
  });
  gif.finish();
  return gif.bytes();
}
