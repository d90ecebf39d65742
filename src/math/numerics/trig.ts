/**
 * sin and cos of a double-double argument xh + xl, each as a double-double accurate to about
 * 2^−60 relative, for the periodic activations (Snake, Sine, GCU, Sinc). Their arguments are
 * products such as a·x or w0·x, whose rounding error (up to |a·x|·2^−53 absolute) would otherwise
 * become the whole result near a root of sin; and their derivatives subtract sines and cosines
 * (x·cos x − sin x), so one rounded Math.sin (up to 1 ulp, not a double-double) is not enough.
 *
 * Reduction: x = n·π/2 + r, |r| ≤ π/4, by Cody and Waite with fdlibm's split of π/2 into 33-bit
 * parts (n·part exact for |n| < 2^20): r is formed to about 2^−100 absolute plus 2^−106 relative,
 * good to the last bit for every double-double argument up to |x| = 2^19·π/2 ≈ 8.2e5 (1000 times
 * a parameter up to ~800). Beyond that V8's Math.sin and Math.cos (fdlibm, full Payne–Hanek
 * reduction, within 1 ulp) give the high words and the low words are 0.
 * Kernels: Taylor series in r² with the first one or two terms in double-double arithmetic and the
 * rest (at most 0.003 of the result) in doubles.
 */
import { ddAddParts, ddLow, ddMulParts, twoProductError, twoSumError } from './double-double.js';

// π/2 = P1 + P2 + P3 + P3T (fdlibm's e_rem_pio2.c: P1, P2, P3 have 33 significant bits).
const P1 = 1.57079632673412561417;
const P2 = 6.0771005063039659766e-11;
const P3 = 2.0222662487111664558e-21;
const P3T = 8.47842766036889956997e-32;
const TWO_OVER_PI = 0.6366197723675814;
/** Beyond this |x| Cody–Waite's n·P1 is no longer exact: V8's Math.sin / Math.cos. */
const REDUCTION_LIMIT = 2 ** 19 * 1.5707963267948966;

// 1/6 and 1/24 as double-doubles.
const C6_HI = 0.16666666666666666;
const C6_LO = 9.25185853854297e-18;
const C24_HI = 0.041666666666666664;
const C24_LO = 2.3129646346357427e-18;

/** sin x = sh + sl and cos x = ch + cl for the last argument given to sinCos. */
export const sc = { sh: 0, sl: 0, ch: 0, cl: 0 };

/** sin and cos of r = rh + rl, |r| ≤ π/4 (a little more is fine), into sc unrotated. */
function kernel(rh: number, rl: number): void {
  const z = rh * rh;
  const zl = twoProductError(rh, rh, z) + 2 * rh * rl;
  // sin r = r − r·(r²/6) + r⁵·(1/120 − r²/5040 + …)
  const tail =
    z *
    z *
    (1 / 120 +
      z *
        (-1 / 5040 +
          z *
            (1 / 362880 +
              z *
                (-1 / 39916800 +
                  z *
                    (1 / 6227020800 +
                      z * (-1 / 1307674368000 + z * (1 / 355687428096000 - z / 121645100408832000)))))));
  ddMulParts(z, zl, C6_HI, C6_LO);
  ddMulParts(rh, rl, ddLow.hi, ddLow.lo);
  const qh = ddLow.hi;
  const ql = ddLow.lo;
  ddAddParts(rh, rl, -qh, -ql + rh * tail);
  const sh = ddLow.hi;
  const sl = ddLow.lo;
  // cos r = 1 − r²/2 + r⁴/24 − r⁶·(1/720 − r²/40320 + …)
  const ctail =
    z *
    z *
    z *
    (-1 / 720 +
      z *
        (1 / 40320 +
          z *
            (-1 / 3628800 +
              z * (1 / 479001600 + z * (-1 / 87178291200 + z * (1 / 20922789888000 - z / 6402373705728000))))));
  ddMulParts(z, zl, z, zl);
  ddMulParts(ddLow.hi, ddLow.lo, C24_HI, C24_LO);
  const fh = ddLow.hi;
  const fl = ddLow.lo;
  ddAddParts(1, 0, -0.5 * z, -0.5 * zl);
  ddAddParts(ddLow.hi, ddLow.lo, fh, fl + ctail);
  sc.sh = sh;
  sc.sl = sl;
  sc.ch = ddLow.hi;
  sc.cl = ddLow.lo;
}

/** sin and cos of xh + xl (|xl| ≤ ulp(xh)) into sc. NaN and ±Infinity give NaN. */
export function sinCos(xh: number, xl: number): void {
  sinCosShifted(xh, xl, 0);
}

/**
 * sin and cos of xh + xl + j·π/4 into sc, j an integer (|j| ≤ 4): the shift is applied inside the
 * reduction, exactly, so that sin(x + π/4) keeps its relative accuracy where x + π/4 is near a
 * multiple of π (adding a rounded π/4 first would not).
 */
export function sinCosShifted(xh: number, xl: number, j: number): void {
  if (!(Math.abs(xh) <= REDUCTION_LIMIT)) {
    xh += j * 0.7853981633974483;
    const s = Math.sin(xh);
    const c = Math.cos(xh);
    sc.sh = s;
    sc.sl = 0;
    sc.ch = c;
    sc.cl = 0;
    return;
  }
  // x + j·π/4 = n·π/2 + r, i.e. r = x − m·π/4 with m = 2n − j; the parts of π/4 are those of π/2
  // halved (exact), so m·part is exact for |m| < 2^20.
  const n = Math.floor(xh * TWO_OVER_PI + j * 0.5 + 0.5);
  const m = 2 * n - j;
  let rh = xh;
  let rl = xl;
  if (m !== 0) {
    // xh − m·P1/2 is exact (m·P1/2 is, and the two are within a factor 2); then the smaller parts.
    // The four terms are summed with every rounding error kept (xl before the smaller parts: it can
    // be the size of r), so that r keeps its relative accuracy however much cancels.
    const a = xh - m * (0.5 * P1);
    const b = m * (0.5 * P2);
    const s1 = a - b;
    const e1 = twoSumError(a, -b, s1);
    const s2 = s1 + xl;
    const e2 = twoSumError(s1, xl, s2);
    const c = m * (0.5 * P3);
    const s3 = s2 - c;
    const err = e1 + e2 + twoSumError(s2, -c, s3) - m * (0.5 * P3T);
    rh = s3 + err;
    rl = twoSumError(s3, err, rh);
  }
  kernel(rh, rl);
  const q = n & 3;
  if (q === 0) return;
  const { sh, sl, ch, cl } = sc;
  if (q === 1) {
    sc.sh = ch;
    sc.sl = cl;
    sc.ch = -sh;
    sc.cl = -sl;
  } else if (q === 2) {
    sc.sh = -sh;
    sc.sl = -sl;
    sc.ch = -ch;
    sc.cl = -cl;
  } else {
    sc.sh = -ch;
    sc.sl = -cl;
    sc.ch = sh;
    sc.cl = sl;
  }
}
