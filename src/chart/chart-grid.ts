/**
 * The x grid of a chart, shared by the commands, the render API and the interactive page (which
 * must sample exactly as the command did to redraw its SVG byte for byte).
 */
import { MAX_POINTS } from '../math/grid.js';
import { sampleGrid, type Sampling } from '../math/sample.js';

/** The article samples torch.arange(-6, 6, 0.1): 120 steps over the range; fewer are never used. */
export const DEFAULT_STEPS = 120;

/**
 * --step or --samples as given; by default at least one sample per 2 device pixels across the
 * whole image (and never fewer than the article's 120 steps), ends included. Kinks are added
 * exactly when sampling (src/math/sample.ts).
 */
export function chartGrid(
  range: readonly [number, number],
  sampling: Sampling | undefined,
  deviceWidth: number,
): Float64Array {
  const samples = sampling ?? {
    samples: Math.min(MAX_POINTS, Math.max(DEFAULT_STEPS + 1, Math.ceil(deviceWidth / 2) + 1)),
  };
  return sampleGrid(range[0], range[1], samples, MAX_POINTS);
}
