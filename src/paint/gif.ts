/**
 * GIF (one frame, or an animation of frames of the same size): pixels from our rasterizer, bytes
 * from gifenc's LZW writer. The palette is ours, not a quantizer's: every color the chart itself
 * uses (background, text, spines, grid, curves, legend) is in it exactly, and the remaining
 * entries go to the most frequent other colors (the anti-aliased edges); every other pixel takes
 * its nearest palette color, without dithering. After the first frame, pixels that did not change
 * are written as the transparent index over the frame before, which LZW compresses to almost
 * nothing: the bytes are a function of the frames alone.
 */
import * as gifenc from 'gifenc';
import type { Scene } from '../chart/scene.js';
import { rasterize } from './raster/rasterizer.js';

export interface GifOptions {
  /** Device pixels per layout unit. */
  readonly scale: number;
  /** Frames per second of an animation. */
  readonly fps: number;
}

/**
 * Node loads gifenc's CommonJS build (its exports on the default export), bundlers its ES build
 * (named exports): either way, the encoder.
 */
const GIFEncoder = gifenc.GIFEncoder ?? gifenc.default.GIFEncoder;

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

/**
 * The chart's colors first, then, greedily, the color whose pixels the palette serves worst so
 * far (pixel count × squared distance to the nearest chosen color; ties: the smaller value), until
 * 255: frequent anti-aliased shades and rare far-off ones both get an entry.
 */
export function choosePalette(exact: readonly number[], counts: ReadonlyMap<number, number>): number[] {
  const palette = [...new Set(exact)].slice(0, MAX_COLORS);
  const chosen = new Set(palette);
  const others = [...counts].filter(([c]) => !chosen.has(c)).sort((p, q) => p[0] - q[0]);
  const colors = others.map(([c]) => c);
  const weight = others.map(([, n]) => n);
  const nearest = colors.map((c) => palette.reduce((d, p) => Math.min(d, distance(c, p)), Infinity));
  while (palette.length < MAX_COLORS) {
    let best = -1;
    let score = 0;
    for (let i = 0; i < colors.length; i++) {
      const v = weight[i]! * nearest[i]!;
      if (v > score) [best, score] = [i, v];
    }
    if (best < 0) break; // every color is in the palette
    const c = colors[best]!;
    palette.push(c);
    for (let i = 0; i < colors.length; i++) nearest[i] = Math.min(nearest[i]!, distance(colors[i]!, c));
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

/** 0xrrggbb ↔ the low 24 bits of an RGBA pixel read as a little-endian 32-bit word (0xbbggrr). */
const swap = (c: number): number => ((c & 255) << 16) | (c & 0xff00) | ((c >> 16) & 255);
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** An RGBA raster as one 32-bit word per pixel whose low 24 bits are 0xbbggrr. */
function words(data: Uint8Array, pixels: number): Uint32Array {
  if (LITTLE_ENDIAN && data.byteOffset % 4 === 0) return new Uint32Array(data.buffer, data.byteOffset, pixels);
  const out = new Uint32Array(pixels);
  for (let i = 0, j = 0; i < pixels; i++, j += 4)
    out[i] = 0xff000000 | (data[j + 2]! << 16) | (data[j + 1]! << 8) | data[j]!;
  return out;
}

/** The frames as a GIF; an animation loops forever. All frames must have the same size. */
export function renderGif(scenes: readonly Scene[], options: GifOptions): Uint8Array {
  if (scenes.length === 0) throw new Error('internal: a GIF needs a frame');
  const rasters = scenes.map((s) => rasterize(s, options.scale));
  const { width, height } = rasters[0]!;
  const n = width * height;
  // The background is opaque, so every pixel's alpha is 255 and its word is its color.
  const frames = rasters.map((r) => {
    if (r.width !== width || r.height !== height) throw new Error('internal: GIF frames differ in size');
    return words(r.data, n);
  });
  // Colors are 0xbbggrr from here on; pixel counts by runs (most pixels repeat their neighbour).
  const counts = new Map<number, number>();
  for (const px of frames) {
    let last = -1;
    let run = 0;
    for (let i = 0; i < n; i++) {
      const c = px[i]! & 0xffffff;
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
  const palette = choosePalette(scenes.flatMap(sceneColors).map(swap), counts);
  const indexOf = indexer(palette);
  const transparent = palette.length;
  const gifPalette = [...palette, 0].map((c) => [c & 255, (c >> 8) & 255, (c >> 16) & 255]);
  const gif = GIFEncoder();
  const delay = Math.round(1000 / options.fps);
  const index = new Uint8Array(n);
  let previous: Uint32Array | undefined;
  frames.forEach((px, f) => {
    let lastColor = -1;
    let lastIndex = 0;
    for (let i = 0; i < n; i++) {
      const w = px[i]!;
      if (previous !== undefined && w === previous[i]) {
        index[i] = transparent;
        continue;
      }
      const c = w & 0xffffff;
      if (c !== lastColor) [lastColor, lastIndex] = [c, indexOf(c)];
      index[i] = lastIndex;
    }
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
