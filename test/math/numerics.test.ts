/**
 * The accurate numerics core (src/math/numerics): the fdlibm erf/erfc port, the split exponential,
 * double-double arithmetic. Reference values were computed with mpmath 1.2.1 at 60 digits
 * (/usr/bin/python3, mp.erf, mp.erfc, mp.exp on the exact double inputs) and are written here as
 * 25-digit decimals; errors are measured in ulps of the exact value (2^−1074 for subnormals).
 */
import { describe, expect, it } from 'vitest';
import {
  ddAdd,
  ddDiv,
  ddLow,
  ddMul,
  ddSqrt,
  fastTwoSumError,
  twoProductError,
} from '../../src/math/numerics/double-double.js';
import { erf, erfc } from '../../src/math/numerics/erf.js';
import { expParts, expSplit, scaleByPow2, scalePow2 } from '../../src/math/numerics/exp-split.js';
import { parseExact, ulpError } from '../support/exact.js';

/** mpmath erf(x), 60 digits. Points straddle fdlibm's interval ends (2^−28, 0.84375, 1.25, 1/0.35, 6). */
const ERF: readonly (readonly [number, string])[] = [
  [1e-300, '1.128379167095512602172316e-300'],
  [-1e-300, '-1.128379167095512602172316e-300'],
  [1e-10, '1.12837916709551261500173e-10'],
  [3.7e-9, '4.175002918253396554380676e-9'],
  [0.1, '1.124629160182848984047123e-1'],
  [-0.3, '-3.28626759459127416189618e-1'],
  [0.5, '5.204998778130465376827467e-1'],
  [0.84, '7.65142711454994517342059e-1'],
  [0.84375, '7.672256612323416334589782e-1'],
  [-0.85, '-7.706680576083525202149312e-1'],
  [1.0, '8.427007929497148693412206e-1'],
  [1.2, '9.103139782296353683659318e-1'],
  [1.25, '9.229001282564582301365235e-1'],
  [-1.3, '-9.340079449406524458501854e-1'],
  [2.0, '9.953222650189527341620693e-1'],
  [2.857142857142857, '9.999466876886116772057293e-1'],
  [3.0, '9.999779095030014145586272e-1'],
  [-4.2, '-9.999999971445058204078158e-1'],
  [5.0, '9.99999999998462540205572e-1'],
  [5.9, '9.999999999999999280959022e-1'],
  [6.0, '9.999999999999999784802633e-1'],
  [10.0, '1.0'],
];

/** mpmath erfc(x), 60 digits: from 1 down through the subnormal range (x ≥ 26.55) to 0 (x ≥ 27.23). */
const ERFC: readonly (readonly [number, string])[] = [
  [1e-300, '1.0'],
  [0.1, '8.875370839817151015952877e-1'],
  [0.25, '7.236736098317630670149317e-1'],
  [0.5, '4.795001221869534623172533e-1'],
  [0.84, '2.34857288545005482657941e-1'],
  [0.84375, '2.327743387676583665410218e-1'],
  [1.0, '1.572992070502851306587794e-1'],
  [1.2, '8.968602177036463163406821e-2'],
  [1.25, '7.709987174354176986347652e-2'],
  [2.0, '4.677734981047265837930744e-3'],
  [2.86, '5.240117304439780257924541e-5'],
  [4.0, '1.541725790028001885215967e-8'],
  [6.0, '2.151973671249891311659335e-17'],
  [10.0, '2.088487583762544757000786e-45'],
  [15.0, '7.212994172451206666565067e-100'],
  [20.0, '5.395865611607900928934999e-176'],
  [25.0, '8.300172571196522752044013e-274'],
  [26.0, '5.663192408856142846475728e-296'],
  [26.5, '2.210907664263734275929239e-307'],
  [26.6, '1.088512588544226533171756e-309'],
  [27.0, '5.237048923789255685016068e-319'],
  [27.2, '1.018904914270315539514234e-323'],
  [27.22, '3.428694222673063753546167e-324'],
  [27.226, '2.472632543446046364599387e-324'],
  [27.3, '4.361512551339108465124861e-326'],
  [28.0, '6.56321584032878415238091e-343'],
  [-0.5, '1.520499877813046537682747'],
  [-1.0, '1.842700792949714869341221'],
  [-1.25, '1.922900128256458230136523'],
  [-3.0, '1.999977909503001414558627'],
  [-5.9, '1.999999999999999928095902'],
  [-6.0, '1.999999999999999978480263'],
  [-10.0, '2.0'],
];

/** mpmath exp(x), 60 digits: subnormal, near the normal/subnormal edge, ordinary, near overflow. */
const EXP: readonly (readonly [number, string])[] = [
  [-1000.0, '5.075958897549456765291809e-435'],
  [-745.1, '2.5537685477520739272396e-324'],
  [-744.4, '5.142658327288919640248522e-324'],
  [-708.5, '2.006132305331305820380637e-308'],
  [-1.0, '3.678794411714423215955238e-1'],
  [-1e-300, '1.0'],
  [0.0, '1.0'],
  [0.5, '1.648721270700128146848651'],
  [1.0, '2.718281828459045235360287'],
  [88.7, '3.325986980250579038595325e+38'],
  [709.7, '1.65498402768026440308025e+308'],
];

function worst(table: readonly (readonly [number, string])[], fn: (x: number) => number): { ulps: number; x: number } {
  let w = { ulps: 0, x: NaN };
  for (const [x, text] of table) {
    const e = ulpError(fn(x), parseExact(text));
    if (!(e <= w.ulps)) w = { ulps: e, x };
  }
  return w;
}

describe('erf (fdlibm port)', () => {
  it('is within 1 ulp of mpmath on every interval of the method', () => {
    expect(worst(ERF, erf).ulps).toBeLessThanOrEqual(1);
  });
  it('is odd and exact at the ends', () => {
    for (const [x] of ERF) expect(erf(-x)).toBe(-erf(x));
    expect(Object.is(erf(-0), -0)).toBe(true);
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erf(NaN)).toBeNaN();
  });
});

describe('erfc (fdlibm port, double-double tail exponent)', () => {
  it('is within 2.5 ulp of mpmath from 1 down to 1e−308', () => {
    // fdlibm's erf = x + x·R(x²) is accurate relative to erf; near x = 0.84 erfc = 1 − erf is a
    // third of it, so R's rounding shows 3× larger there (2.0 ulp at x = 0.84; elsewhere < 1).
    expect(
      worst(
        ERFC.filter(([x]) => x < 26.55),
        erfc,
      ).ulps,
    ).toBeLessThanOrEqual(2.5);
    expect(
      worst(
        ERFC.filter(([x]) => x < 26.55 && x !== 0.84),
        erfc,
      ).ulps,
    ).toBeLessThanOrEqual(1);
  });
  it('rounds once in its subnormal tail: within 1 ulp (2^−1074) up to x = 27.3', () => {
    const tail = ERFC.filter(([x]) => x >= 26.55);
    expect(worst(tail, erfc).ulps).toBeLessThanOrEqual(1);
    // erfc(27.226) = 2.4726e−324 lies just above half the smallest subnormal: it rounds up, not to 0.
    expect(erfc(27.226)).toBe(5e-324);
    expect(erfc(27.3)).toBe(0);
  });
  it('has the right limits and complements erf', () => {
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(NaN)).toBeNaN();
    expect(erfc(0)).toBe(1);
    expect(erfc(-0.5) + erfc(0.5)).toBe(2);
  });
});

describe('expSplit: e^x as (hi + lo)·2^k', () => {
  it('rounds to within half an ulp (plus a hair) everywhere, subnormal results included', () => {
    expect(worst(EXP, (x) => scaleByPow2(expSplit(x, 0) + expParts.lo, expParts.k)).ulps).toBeLessThanOrEqual(0.51);
  });
  it('keeps the mantissa in [0.98, 2) and the power of two separate', () => {
    for (const x of [-1000, -745.1, -1, 0, 1, 709.7, 1500]) {
      const h = expSplit(x, 0);
      expect(h).toBeGreaterThanOrEqual(0.98);
      expect(h).toBeLessThan(2);
      expect(Number.isInteger(expParts.k)).toBe(true);
    }
    // e^−1000 = 5.08e−435 is far below the doubles, but its mantissa and exponent are not:
    // e^−1000·2^1500 = 1.7803754321799846e17 (mpmath).
    const h = expSplit(-1000, 0) + expParts.lo;
    expect(ulpError(scalePow2(h, expParts.k + 1500), parseExact('1.7803754321799846e17'))).toBeLessThanOrEqual(0.51);
  });
  it('carries a correction to the argument: e^(x + δ) for δ below x’s ulp', () => {
    // mpmath: e^(−700 + 1e−13) = 9.859676543760756824359749e−305, e^−700 = 9.859676543759770856705373e−305
    // (they differ by 1e−13 relative, ~450 ulp: what rounding x + δ to a double would lose).
    const e = (xh: number, xl: number) => scaleByPow2(expSplit(xh, xl) + expParts.lo, expParts.k);
    expect(ulpError(e(-700, 1e-13), parseExact('9.859676543760756824359749e-305'))).toBeLessThanOrEqual(0.51);
    expect(ulpError(e(-700, 0), parseExact('9.859676543759770856705373e-305'))).toBeLessThanOrEqual(0.51);
  });
  it('gives 0, Infinity and NaN beyond its range', () => {
    expect(expSplit(-3000, 0)).toBe(0);
    expect(expSplit(3000, 0)).toBe(Infinity);
    expect(expSplit(NaN, 0)).toBeNaN();
  });
  it('scalePow2 rounds once into the subnormal range and handles exponents past the double range', () => {
    expect(scalePow2(1.5, -1075)).toBe(2 ** -1074); // 1.5·2^−1075 = 0.75 ulp rounds up
    expect(scalePow2(1.25, -1075)).toBe(2 ** -1074);
    expect(scalePow2(1, -1076)).toBe(0); // a quarter ulp
    expect(scalePow2(2 ** 700, -1700)).toBe(2 ** -1000);
    expect(scalePow2(1, 1100)).toBe(Infinity);
    expect(scalePow2(2 ** -200, 1100)).toBe(2 ** 900);
  });
});

describe('double-double arithmetic', () => {
  it('splits a product exactly', () => {
    // 0.1·0.7 = 0.06999999999999999 + 6.661338147750939e−18 (mpmath, exact product of the doubles)
    const p = 0.1 * 0.7;
    expect(p).toBe(0.06999999999999999);
    expect(twoProductError(0.1, 0.7, p)).toBe(6.661338147750939e-18);
    expect(fastTwoSumError(1, 1e-20, 1 + 1e-20)).toBe(1e-20);
  });
  it('divides and takes square roots to double-double precision', () => {
    // 1/3 and √2 as double-doubles, from mpmath
    expect(ddDiv(1, 0, 3, 0)).toBe(0.3333333333333333);
    expect(ddLow.lo).toBe(1.850371707708594e-17);
    expect(ddSqrt(2, 0)).toBe(1.4142135623730951);
    expect(Math.abs(ddLow.lo - -9.667293313452913e-17)).toBeLessThan(1e-31);
  });
  it('multiplies and adds carrying the low words', () => {
    expect(ddMul(1.4142135623730951, -9.667293313452913e-17, 1.4142135623730951, -9.667293313452913e-17)).toBe(2);
    expect(Math.abs(ddLow.lo)).toBeLessThan(1e-31);
    expect(ddAdd(1, 1e-17, -1, 2e-17)).toBe(3e-17);
  });
});
