/**
 * Spines: the axis lines. Each goes through the data origin, as in the article's figures; when 0
 * lies outside an axis's domain (or on a log axis, where 0 is at −∞), the spine crossing it sits
 * at the nearer edge of the plot instead of vanishing. There is no top or right border.
 */
import type { Scale } from './scale.js';

export interface SpinePlacement {
  /** Data value on the crossed axis where the spine runs. */
  readonly value: number;
  readonly at: 'origin' | 'low' | 'high';
}

/** Where the spine crossing `scale`'s axis runs (for the y scale: where the x axis line is drawn). */
export function spinePlacement(scale: Scale): SpinePlacement {
  const [lo, hi] = scale.domain;
  if (scale.kind === 'log' || lo > 0) return { value: lo, at: 'low' };
  if (hi < 0) return { value: hi, at: 'high' };
  return { value: 0, at: 'origin' };
}
