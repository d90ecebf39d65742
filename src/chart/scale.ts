/**
 * Scales map data values to layout units along one axis: linear, or log10 (for |f′| with
 * --log-y). A scale knows nothing of ticks or drawing.
 */
import type { ScaleKind } from './model.js';

export interface Scale {
  readonly kind: ScaleKind;
  /** [lo, hi] in data units, lo < hi (both > 0 on a log scale). */
  readonly domain: readonly [number, number];
  /** Layout positions of domain[0] and domain[1] (for a y axis the first is the larger). */
  readonly range: readonly [number, number];
  map(v: number): number;
  /** The data value at a layout position. */
  invert(p: number): number;
}

function affine(d0: number, d1: number, r0: number, r1: number): { map(t: number): number; invert(p: number): number } {
  // Halves keep d1 − d0 finite for domains near the largest double.
  const h0 = d0 / 2;
  const span = d1 / 2 - h0;
  return {
    map: (t) => r0 + ((t / 2 - h0) / span) * (r1 - r0),
    invert: (p) => 2 * (h0 + ((p - r0) / (r1 - r0)) * span),
  };
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const { map, invert } = affine(domain[0], domain[1], range[0], range[1]);
  return { kind: 'linear', domain, range, map, invert };
}

export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const f = affine(Math.log10(domain[0]), Math.log10(domain[1]), range[0], range[1]);
  return { kind: 'log', domain, range, map: (v) => f.map(Math.log10(v)), invert: (p) => 10 ** f.invert(p) };
}

export function makeScale(kind: ScaleKind, domain: readonly [number, number], range: readonly [number, number]): Scale {
  return kind === 'log' ? logScale(domain, range) : linearScale(domain, range);
}

/**
 * The axis domain for data spanning [lo, hi]: widened by `margin` of the span on each side (in
 * log10 units on a log scale), and opened up when the data is a single value.
 */
export function paddedDomain(kind: ScaleKind, lo: number, hi: number, margin: number): [number, number] {
  if (kind === 'log') {
    let [a, b] = paddedDomain('linear', Math.log10(lo), Math.log10(hi), margin);
    if (lo === hi) [a, b] = [a + 0.5, b - 0.5];
    // Stay within the doubles: 10^−323 is the smallest power of ten above 0, 10^308 the largest.
    return [10 ** Math.max(a, -323), 10 ** Math.min(b, 308)];
  }
  if (lo === hi) {
    const half = lo === 0 ? 1 : Math.abs(lo) / 2;
    return [lo - half, hi + half];
  }
  const pad = (hi / 2 - lo / 2) * 2 * margin;
  return [lo - pad, hi + pad];
}
