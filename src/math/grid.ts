/** Sample points: evenly spaced grids computed as a + i·step (no accumulated drift). */
import { UsageError } from '../errors.js';

/**
 * The most points any command evaluates in one grid (plot and compare samples, table rows,
 * grad-check points): 10⁶. One place, so that the commands agree. Beyond it memory, not time,
 * runs out: a 10⁶-row pretty table already takes ~1.3 GB and a 10⁶-sample chart ~250 MB.
 */
export const MAX_POINTS = 1_000_000;

/** Points from a to b (inclusive when b lies on the grid, within rounding) spaced by step. */
export function stepGrid(a: number, b: number, step: number, limit: number): Float64Array {
  if (!(Number.isFinite(a) && Number.isFinite(b))) throw new UsageError(`range ${a},${b} must be finite`);
  if (!(b > a)) throw new UsageError(`range ${a},${b} is empty or inverted (expected a < b, e.g. --range -3,3)`);
  if (!(step > 0) || !Number.isFinite(step)) throw new UsageError(`step ${step} must be a positive number`);
  const n = Math.floor((b - a) / step + 1e-9) + 1;
  if (n > limit) throw new UsageError(`range ${a},${b} with step ${step} gives ${n} points; the limit is ${limit}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = a + i * step;
  return out;
}
