/**
 * The largest value of a function sampled densely, refined between samples: golden-section search
 * around the best few local maxima of the samples. A sampled maximum can miss the true one by up
 * to the curvature times a step squared; refined, it is good to about √ε relative in x and ε in
 * value, which is what lets two runs with different sample counts agree.
 */
import { goldenMin } from '../golden.js';

/** Golden-section search for the maximum of g on the open interval (a, b) (g unimodal there). */
export function goldenMax(g: (x: number) => number, a: number, b: number): { x: number; y: number } {
  const m = goldenMin((x) => -g(x), a, b, 4e-16, 100);
  return { x: m.x, y: -m.y };
}

export interface Maximum {
  /** The largest value found (NaN when no sample counts). */
  readonly value: number;
  /** Where (NaN when no sample counts). */
  readonly x: number;
}

/** How many of the best local maxima of the samples are refined. */
const REFINED = 4;

/**
 * The maximum of g given its values at sorted points `x` (NaN values are ignored), refined between
 * each of the best local maxima's neighbours. `breaks` are points g may not be continuous across
 * (kinks): a search never spans one, it runs on each side of it.
 */
export function refinedMax(
  g: (x: number) => number,
  x: Float64Array,
  values: Float64Array,
  breaks: readonly number[],
): Maximum {
  const n = x.length;
  const peaks: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const left = i > 0 ? values[i - 1]! : -Infinity;
    const right = i + 1 < n ? values[i + 1]! : -Infinity;
    if (!(v < left) && !(v < right)) peaks.push(i);
  }
  if (peaks.length === 0) return { value: NaN, x: NaN };
  peaks.sort((i, j) => values[j]! - values[i]! || i - j);
  let best: Maximum = { value: values[peaks[0]!]!, x: x[peaks[0]!]! };
  const isBreak = new Set(breaks);
  for (const i of peaks.slice(0, REFINED)) {
    if (values[i]! === 0) break;
    const sides: [number, number][] = [];
    if (isBreak.has(x[i]!)) {
      if (i > 0) sides.push([x[i - 1]!, x[i]!]);
      if (i + 1 < n) sides.push([x[i]!, x[i + 1]!]);
    } else sides.push([x[Math.max(0, i - 1)]!, x[Math.min(n - 1, i + 1)]!]);
    for (const [a, b] of sides) {
      if (!(b > a)) continue;
      const m = goldenMax(g, a, b);
      if (m.y > best.value) best = { value: m.y, x: m.x };
    }
  }
  return best;
}
