import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exactJSON, formatSignificant, jsonLiteral, plainNumber } from '../../src/report/numbers.js';

describe('formatSignificant', () => {
  it('rounds to n significant digits and trims trailing zeros', () => {
    expect(formatSignificant(0.8413447460685429, 6)).toBe('0.841345');
    expect(formatSignificant(2, 6)).toBe('2');
    expect(formatSignificant(1e-7, 6)).toBe('1e-7');
    expect(formatSignificant(123456789, 6)).toBe('1.23457e8');
    expect(formatSignificant(-1.5, 6, '−')).toBe('−1.5');
    expect(formatSignificant(-0, 6, '−')).toBe('−0');
    expect(formatSignificant(-Infinity, 6, '−')).toBe('−inf');
    expect(formatSignificant(NaN, 6)).toBe('NaN');
  });
});

describe('jsonLiteral and exactJSON', () => {
  it('round-trips every double through JSON.parse, −0 included', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(Object.is(JSON.parse(jsonLiteral(v)), v)).toBe(true);
      }),
    );
  });
  it('writes −0 as -0.0 and non-finite numbers as strings', () => {
    expect(jsonLiteral(-0)).toBe('-0.0');
    expect(jsonLiteral(NaN)).toBe('"NaN"');
    expect(jsonLiteral(Infinity)).toBe('"Infinity"');
    expect(jsonLiteral(-Infinity)).toBe('"-Infinity"');
  });
  it('is valid JSON with nested objects, flat arrays on one line, undefined keys left out', () => {
    const text = exactJSON({ a: [1, -0, NaN], b: { c: 'x', d: undefined }, e: Float64Array.of(0.5, -Infinity), f: [] });
    expect(text).toBe(
      '{\n  "a": [1, -0.0, "NaN"],\n  "b": {\n    "c": "x"\n  },\n  "e": [0.5, "-Infinity"],\n  "f": []\n}',
    );
    expect(JSON.parse(text).b).toEqual({ c: 'x' });
  });
  it('plainNumber keeps −0 and spells non-finite numbers', () => {
    expect([-0, 0, NaN, Infinity, -Infinity, 0.1].map(plainNumber)).toEqual([
      '-0',
      '0',
      'NaN',
      'Infinity',
      '-Infinity',
      '0.1',
    ]);
  });
});
