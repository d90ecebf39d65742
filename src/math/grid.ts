/**
 * Sample points, made in one place: evenly spaced grids computed as a + i·step (no accumulated
 * drift), or n points from a to b inclusive. Errors name the arguments (`range`, `step`,
 * `samples`) as ArgumentErrors, which the CLI words as its options.
 */
import { ArgumentError } from '../errors.js';

/**
 * The most points any command evaluates in one grid (plot and compare samples, table rows,
 * grad-check points): 10⁶. One place, so that the commands agree. Beyond it memory, not time,
 * runs out: a 10⁶-row pretty table already takes ~1.3 GB and a 10⁶-sample chart ~250 MB.
 */
export const MAX_POINTS = 1_000_000;

export type Sampling = { readonly step: number } | { readonly samples: number };

/** a + i·step, in halves where i·step overflows though the point does not (−1e308 + 20·1e307). */
export function gridPoint(a: number, i: number, step: number): number {
  const v = a + i * step;
  return Number.isFinite(v) ? v : 2 * (a / 2 + i * (step / 2));
}

/** (b − a) / step without overflow when b − a exceeds the largest double. */
export function spanInSteps(a: number, b: number, step: number): number {
  const span = b - a;
  return Number.isFinite(span) ? span / step : ((b / 2 - a / 2) / step) * 2;
}

/** a + i·step for i = 0 … n − 1: the one arithmetic every stepped grid uses. */
export function arithmeticGrid(a: number, step: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => gridPoint(a, i, step));
}

function tooMany(a: number, b: number, step: number, n: number, limit: number): ArgumentError {
  return new ArgumentError('range', `${a},${b}`, `with step ${step} gives ${n} points; the limit is ${limit}`);
}

function checkStep(step: number): void {
  if (!(step > 0) || !Number.isFinite(step)) throw new ArgumentError('step', `${step}`, 'must be a positive number');
}

/** Points from a to b (inclusive when b lies on the grid, within rounding) spaced by step. */
export function stepGrid(a: number, b: number, step: number, limit: number): Float64Array {
  if (!(Number.isFinite(a) && Number.isFinite(b))) throw new ArgumentError('range', `${a},${b}`, 'must be finite');
  if (!(b > a)) throw new ArgumentError('range', `${a},${b}`, 'is empty or inverted (expected a < b, e.g. -3,3)');
  checkStep(step);
  const n = Math.floor(spanInSteps(a, b, step) + 1e-9) + 1;
  if (n > limit) throw tooMany(a, b, step, n, limit);
  return arithmeticGrid(a, step, n);
}

/**
 * The x grid of a chart over [a, b]: with a step, a + i·step for every such point below b, as
 * torch.arange(a, b, step) (−6, −5.9, …, 5.9 for the article's arange(-6, 6, 0.1)); with a
 * number of samples, that many evenly spaced points from a to b inclusive.
 */
export function sampleGrid(a: number, b: number, sampling: Sampling, limit: number): Float64Array {
  if (!(Number.isFinite(a) && Number.isFinite(b)) || !(a < b)) {
    throw new ArgumentError('range', `${a},${b}`, 'must be two finite numbers a < b (e.g. -6,6)');
  }
  if ('samples' in sampling) {
    const n = sampling.samples;
    if (!Number.isInteger(n) || n < 2 || n > limit) {
      throw new ArgumentError('samples', `${n}`, `must be a whole number from 2 to ${limit}`);
    }
    // Not a + i·step: (b − a)·i / (n − 1) lands on b exactly and rounds once. In halves where
    // b − a overflows (−1e308,1e308).
    const at = Number.isFinite(b - a)
      ? (i: number) => a + ((b - a) * i) / (n - 1)
      : (i: number) => a + (((b / 2 - a / 2) * i) / (n - 1)) * 2;
    return Float64Array.from({ length: n }, (_, i) => (i === n - 1 ? b : at(i)));
  }
  const step = sampling.step;
  checkStep(step);
  // arange's length is ceil((b − a) / step); the tolerance keeps b itself out despite rounding.
  const n = Math.max(1, Math.ceil(spanInSteps(a, b, step) - 1e-9));
  if (n < 2) throw new ArgumentError('step', `${step}`, `leaves fewer than 2 points in ${a},${b}`);
  if (n > limit) throw tooMany(a, b, step, n, limit);
  return arithmeticGrid(a, step, n);
}
