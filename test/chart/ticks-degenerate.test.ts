/**
 * Tick locators terminate on degenerate domains (issue #16): spans of a few ulps, integers beyond
 * 2^53, log axes over extreme spans. Each gives a finite, increasing set of ticks at once.
 */
import { describe, expect, it } from 'vitest';
import { linearTicks, logTicks } from '../../src/chart/ticks.js';

const increasing = (v: readonly number[]) => v.every((x, i) => i === 0 || x > v[i - 1]!);

describe('ticks at the edge of double precision', () => {
  it.each([
    ['a span of one ulp at 1', 1, 1.0000000000000002],
    ['a span of two ulps at 2^53', 9007199254740992, 9007199254740996],
    ['a span of one ulp at −1', -1.0000000000000002, -1],
  ])('linear: %s gives the two ends', (_what, lo, hi) => {
    const t = linearTicks(lo, hi, 6);
    expect(t.values).toEqual([lo, hi]);
    expect(Number.isNaN(t.step)).toBe(true);
  });

  it.each([
    ['within an ulp of 1', 1, 1.0000000000000004],
    ['from the smallest subnormal to the largest double', 5e-324, 1.7976931348623157e308],
    ['to Infinity', 1, Number.POSITIVE_INFINITY],
    ['a hair around 0.5', 0.49999999999999994, 0.5],
  ])('log: %s terminates with increasing ticks', (_what, lo, hi) => {
    const t = logTicks(lo, hi, 6);
    expect(t.values.length).toBeLessThanOrEqual(400);
    expect(increasing(t.values)).toBe(true);
    for (const v of t.values) expect(v >= lo && v <= hi).toBe(true);
  });

  it('ordinary domains keep their 1-2-5 ticks', () => {
    expect(linearTicks(-6, 6, 6).values).toEqual([-6, -4, -2, 0, 2, 4, 6]);
  });
});
