/** The points grad-check visits: a grid, far tails, and each kink with points just beside it. */
import { MAX_POINTS, stepGrid } from '../grid.js';
import type { Kink } from '../types.js';
import { stencilReach, type DifferenceMethod } from './numeric-derivative.js';

export const DEFAULT_CHECK_RANGE: readonly [number, number] = [-6, 6];
export const DEFAULT_CHECK_STEP = 0.05;
/** Far points where tails lose accuracy first (overflow, cancellation, saturation). */
export const TAIL_POINTS: readonly number[] = [-50, -20, -10, 10, 20, 50];

/** Beside a kink means this many stencil reaches away: close, but with a stencil on one side. */
const BESIDE_KINK = 4;

/** Sorted, without duplicates (−0 and 0 count as one point; NaN is kept once, at the end). */
export function sortedUnique(xs: Iterable<number>): Float64Array {
  const all = Float64Array.from(xs).sort();
  const out: number[] = [];
  for (const x of all) {
    const last = out[out.length - 1];
    if (out.length > 0 && (last === x || (Number.isNaN(last!) && Number.isNaN(x)))) continue;
    out.push(x);
  }
  return Float64Array.from(out);
}

/** Each finite kink in [a, b], plus points just beside it on both sides. */
export function kinkPoints(kinks: readonly Kink[], method: DifferenceMethod, a = -Infinity, b = Infinity): number[] {
  const out: number[] = [];
  for (const { x } of kinks) {
    if (!Number.isFinite(x) || x < a || x > b) continue;
    const d = BESIDE_KINK * stencilReach(x, method);
    out.push(x, x - d, x + d);
  }
  return out;
}

/** The default: [−6, 6] by `step`, the tail points, and every kink with its neighbours. */
export function defaultCheckGrid(
  kinks: readonly Kink[],
  method: DifferenceMethod,
  step = DEFAULT_CHECK_STEP,
  limit = MAX_POINTS,
): Float64Array {
  const [a, b] = DEFAULT_CHECK_RANGE;
  return sortedUnique([...stepGrid(a, b, step, limit), ...TAIL_POINTS, ...kinkPoints(kinks, method)]);
}

/** A grid the user chose (a range and step): kinks inside it are added, tails are not. */
export function rangeCheckGrid(grid: Float64Array, kinks: readonly Kink[], method: DifferenceMethod): Float64Array {
  if (grid.length === 0) return grid;
  return sortedUnique([...grid, ...kinkPoints(kinks, method, grid[0]!, grid[grid.length - 1]!)]);
}
