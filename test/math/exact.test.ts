import { describe, expect, it } from 'vitest';
import { parseExact, ulpError, ulpOf } from '../support/exact.js';

describe('parseExact / ulpError (the conformance tests measure with these)', () => {
  it('splits a decimal into the nearest double and the exact remainder', () => {
    const tenth = parseExact('0.1');
    expect(tenth.hi).toBe(0.1);
    // 0.1 − fl(0.1) = −5.551115123125782702118158340454101562e-18
    expect(tenth.lo).toBe(-5.551115123125783e-18);
    expect(ulpError(0.1, tenth)).toBeCloseTo(0.4, 10);
  });
  it('measures subnormal errors in units of 2^-1074', () => {
    const tiny = parseExact('1.5e-323'); // ≈ 3.04 · 2^-1074
    expect(ulpOf(tiny)).toBe(2 ** -1074);
    expect(ulpError(1.5e-323, tiny)).toBeLessThan(0.5);
    expect(ulpError(0, parseExact('4.940656458412465441765688e-324'))).toBeCloseTo(1, 10);
  });
  it('uses the smaller binade just below a power of two', () => {
    const below = parseExact('0.99999999999999999999');
    expect(below.hi).toBe(1);
    expect(ulpOf(below)).toBe(2 ** -53);
  });
  it('handles NaN, infinities and values past the double range', () => {
    expect(ulpError(NaN, parseExact('NaN'))).toBe(0);
    expect(ulpError(1, parseExact('NaN'))).toBe(Infinity);
    expect(ulpError(Infinity, parseExact('1.0e+500'))).toBe(0);
    expect(ulpError(Number.MAX_VALUE, parseExact('Infinity'))).toBe(Infinity);
    expect(ulpError(-0, parseExact('-0'))).toBe(0);
  });
  it('reads huge and tiny exponents exactly', () => {
    const big = parseExact('1.797693134862315708145274e+308');
    expect(big.hi).toBe(Number.MAX_VALUE);
    expect(ulpError(Number.MAX_VALUE, big)).toBeLessThan(0.01);
    const small = parseExact('2.225073858507201383090233e-308');
    expect(ulpError(2.2250738585072014e-308, small)).toBeLessThan(0.5);
  });
});
