import { describe, expect, it } from 'vitest';
import { linearScale, logScale, paddedDomain } from '../../src/chart/scale.js';
import { spinePlacement } from '../../src/chart/spines.js';
import { formatTicks, MINUS, tenToThe } from '../../src/chart/tick-format.js';
import { linearTicks, logTicks, niceStep } from '../../src/chart/ticks.js';

describe('1-2-5 tick locator', () => {
  it('picks the article figure steps: x every 2 over −6..6, y every 1 over 0..6', () => {
    expect(linearTicks(-6.6, 6.5, 6).values).toEqual([-6, -4, -2, 0, 2, 4, 6]);
    expect(linearTicks(-0.3, 6.2, 6).values).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('only uses 1, 2 or 5 times a power of ten', () => {
    for (const span of [0.0013, 0.7, 3, 12, 77, 950, 1.7e6]) {
      for (const count of [2, 3, 5, 7, 10]) {
        const { mantissa } = niceStep(span, count);
        expect([1, 2, 5]).toContain(mantissa);
      }
    }
  });

  it('computes decimal ticks exactly (0.3, not 0.30000000000000004) and never −0', () => {
    const t = linearTicks(-0.35, 0.35, 7);
    expect(t.values).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect(t.values.some((v) => Object.is(v, -0))).toBe(false);
  });

  it('keeps every tick inside the domain', () => {
    for (const [lo, hi] of [
      [-1.05, 1.05],
      [0.8, 5.2],
      [-6.6, -0.4],
      [1e-3, 2e-3],
    ] as const) {
      const { values } = linearTicks(lo, hi, 6);
      expect(values.length).toBeGreaterThanOrEqual(2);
      for (const v of values) expect(v >= lo && v <= hi).toBe(true);
    }
  });

  it('puts log ticks on decades, thinning them over many decades', () => {
    expect(logTicks(1e-9, 0.3, 6)).toMatchObject({ decades: true });
    const many = logTicks(1e-300, 1, 6).values;
    expect(many.length).toBeLessThanOrEqual(8);
    for (const v of many) expect(Math.log10(v)).toBeCloseTo(Math.round(Math.log10(v)), 9);
    // Under three decades: 1-2-5 multiples.
    expect(logTicks(0.0025, 0.25, 6).values).toEqual([0.005, 0.01, 0.02, 0.05, 0.1, 0.2]);
  });
});

describe('tick formatter', () => {
  it('writes negatives with a true minus sign and as many decimals as the step needs (0 as plain 0)', () => {
    expect(formatTicks(linearTicks(-6.6, 6.5, 6))).toEqual([`${MINUS}6`, `${MINUS}4`, `${MINUS}2`, '0', '2', '4', '6']);
    expect(formatTicks(linearTicks(-0.05, 1.05, 6))).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(formatTicks(linearTicks(0, 0.1, 5))).toEqual(['0', '0.02', '0.04', '0.06', '0.08', '0.10']);
  });

  it('uses m×10ⁿ for huge or tiny steps and 10ⁿ on decade axes', () => {
    expect(formatTicks(linearTicks(0, 8e307, 4))).toEqual([
      '0',
      `2×${tenToThe(307)}`,
      `4×${tenToThe(307)}`,
      `6×${tenToThe(307)}`,
      `8×${tenToThe(307)}`,
    ]);
    expect(formatTicks(logTicks(1e-9, 0.3, 6))[0]).toBe('10⁻⁹');
    expect(tenToThe(-12)).toBe('10⁻¹²');
  });
});

describe('scales and spines', () => {
  it('maps the domain onto the range, y growing downwards', () => {
    const s = linearScale([-1, 1], [300, 100]);
    expect(s.map(-1)).toBe(300);
    expect(s.map(0)).toBe(200);
    expect(s.invert(100)).toBe(1);
    expect(linearScale([-1.7e308, 1.7e308], [0, 100]).map(0)).toBe(50);
    expect(logScale([1e-6, 1], [100, 0]).map(1e-3)).toBeCloseTo(50, 9);
  });

  it('widens the data by the margin, and opens up a single value', () => {
    expect(paddedDomain('linear', 0, 10, 0.05)).toEqual([-0.5, 10.5]);
    expect(paddedDomain('linear', 1, 1, 0.05)).toEqual([0.5, 1.5]);
    const [lo, hi] = paddedDomain('log', 1e-4, 1, 0.05);
    expect(Math.log10(lo)).toBeCloseTo(-4.2, 9);
    expect(Math.log10(hi)).toBeCloseTo(0.2, 9);
  });

  it('runs a spine through 0, or at the nearer edge when 0 is outside', () => {
    expect(spinePlacement(linearScale([-1, 5], [0, 1]))).toEqual({ value: 0, at: 'origin' });
    expect(spinePlacement(linearScale([0.8, 5.2], [0, 1]))).toEqual({ value: 0.8, at: 'low' });
    expect(spinePlacement(linearScale([-5.2, -0.8], [0, 1]))).toEqual({ value: -0.8, at: 'high' });
    expect(spinePlacement(logScale([1e-9, 1], [0, 1]))).toEqual({ value: 1e-9, at: 'low' });
  });
});
