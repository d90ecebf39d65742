/** Rounding to float32, bfloat16 and float16, against Math.fround, the formats' bit layouts and known values. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BFLOAT16,
  castTo,
  FLOAT16,
  FLOAT32,
  maxFinite,
  ordinal,
  roundTo,
  ulpDistance,
  ulpOf,
  ulpsApart,
} from '../../src/math/diff/float-formats.js';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
/** The ordinal of a float32 value from its bits (sign-magnitude). */
function bitsOrdinal(x: number): number {
  f32[0] = x;
  const b = u32[0]!;
  return b >= 0x80000000 ? -(b - 0x80000000) : b;
}

describe('float formats', () => {
  it('float32 rounding is Math.fround, and ordinals are the bit patterns', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        expect(roundTo(FLOAT32, x)).toBe(Math.fround(x));
        expect(
          Object.is(ordinal(FLOAT32, Math.fround(x)), bitsOrdinal(x)) ||
            ordinal(FLOAT32, Math.fround(x)) === bitsOrdinal(x),
        ).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('bfloat16 values are float32 values with 16 zero low bits; ties go to even', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -3e38, max: 3e38 }), (x) => {
        const r = roundTo(BFLOAT16, x);
        f32[0] = r;
        expect(f32[0]).toBe(r);
        expect(u32[0]! & 0xffff).toBe(0);
      }),
      { numRuns: 5000 },
    );
    expect(roundTo(BFLOAT16, 1 + 2 ** -8)).toBe(1); // a tie, to even
    expect(roundTo(BFLOAT16, 1 + 3 * 2 ** -8)).toBe(1 + 2 ** -6);
  });

  it('float16: largest finite 65504, overflow from 65520, subnormals down to 2^−24', () => {
    expect(maxFinite(FLOAT16)).toBe(65504);
    expect(roundTo(FLOAT16, 65519.99)).toBe(65504);
    expect(roundTo(FLOAT16, 65520)).toBe(Infinity);
    expect(roundTo(FLOAT16, -65520)).toBe(-Infinity);
    expect(roundTo(FLOAT16, 2 ** -25)).toBe(0); // a tie between 0 and 2^−24: to even (0)
    expect(roundTo(FLOAT16, 1.5 * 2 ** -25)).toBe(2 ** -24);
    expect(roundTo(FLOAT16, 1 / 3)).toBe(0.333251953125);
    expect(Object.is(roundTo(FLOAT16, -1e-10), -0)).toBe(true);
    expect(ordinal(FLOAT16, 65504)).toBe(0x7bff);
    expect(ordinal(FLOAT16, Infinity)).toBe(0x7c00);
    expect(ordinal(FLOAT16, 2 ** -24)).toBe(1);
    expect(ordinal(BFLOAT16, 1)).toBe(0x3f80);
  });

  it('ulp, ulp distance and ulps apart', () => {
    expect(ulpOf(FLOAT32, 1)).toBe(2 ** -23);
    expect(ulpOf(BFLOAT16, 1)).toBe(2 ** -7);
    expect(ulpOf(FLOAT16, 1)).toBe(2 ** -10);
    expect(ulpOf(FLOAT16, 0)).toBe(2 ** -24);
    expect(ulpDistance(FLOAT16, -(2 ** -24), 2 ** -24)).toBe(2);
    expect(ulpsApart(FLOAT32, 1, 1 + 2 ** -22)).toBe(2);
    expect(ulpsApart(FLOAT16, 65504, Infinity)).toBe(Infinity);
  });

  it('casts as torch does: through float32 for the 16-bit formats', () => {
    // Just above a bfloat16 tie in float64, but float32 rounds it onto the tie, which goes to even.
    const x = 1 + 2 ** -8 + 2 ** -40;
    expect(roundTo(BFLOAT16, x)).toBe(1 + 2 ** -7);
    expect(castTo(BFLOAT16, x)).toBe(1);
  });

  it('the cast to bfloat16 on the bits is the correctly rounded one, overflow and subnormals included', () => {
    const single = fc.double({ noNaN: true }).map(Math.fround);
    const edges = fc.constantFrom(
      3.3895313892515355e38,
      3.4028234663852886e38,
      -3.39e38,
      2 ** -133,
      -(2 ** -140),
      0,
      -0,
    );
    fc.assert(
      fc.property(fc.oneof(single, edges), (x) => {
        expect(Object.is(castTo(BFLOAT16, x), roundTo(BFLOAT16, Math.fround(x)))).toBe(true);
      }),
      { numRuns: 50000 },
    );
    expect(castTo(BFLOAT16, Infinity)).toBe(Infinity);
    expect(castTo(BFLOAT16, Number.NaN)).toBeNaN();
  });
});
