/**
 * erf and erfc: a TypeScript port of fdlibm's s_erf.c (JavaScript has neither). The rational
 * approximations and their intervals are Sun's; the one change is in the tail (|x| ≥ 1.25), where
 * erfc(x) = exp(−x² − 0.5625 + R/S)/x: instead of fdlibm's exp(−z² − 0.5625)·exp((z−x)(z+x) + R/S)
 * with z = x truncated to 21 bits, we carry −x² as an exact double-double into expSplit and round
 * once at the end, which keeps the subnormal tail (erfc(26.6 … 27.2)) to half an ulp instead of
 * rounding it twice. The pieces (the three rational functions) are exported for GELU, which
 * evaluates them at x/√2 with that argument's rounding error carried separately.
 *
 * Original notice, which its permission requires us to keep:
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 *
 * Method (from s_erf.c):
 *   1. |x| in [0, 0.84375]: erf(x) = x + x·R(x²), R = P/Q, |R − (erf(x) − x)/x| ≤ 2^−57.90;
 *      erfc(x) = 1 − erf(x) for x < 1/4, else 0.5 + ((0.5 − x) − x·R) (we take (1 − x) − x·R with
 *      1 − x split exactly: 1 ulp instead of 2 near 0.84).
 *   2. |x| in [0.84375, 1.25]: s = |x| − 1, erf(x) = sign(x)·(c + P1(s)/Q1(s)) with
 *      c = 0.84506291151 rounded to single precision, |P1/Q1 − (erf(|x|) − c)| ≤ 2^−59.06;
 *      erfc(x) = (1 − c) − P1/Q1 for x > 0, 1 + (c + P1/Q1) for x < 0.
 *   3. |x| in [1.25, 1/0.35] and 4. [1/0.35, 28]: erfc(x) = exp(−x² − 0.5625 + R/S)/x with R/S a
 *      rational function of 1/x² (|R1/S1 − f| < 2^−62.57, |R2/S2 − f| < 2^−61.52); erf = 1 − erfc.
 *   5. erfc(x) underflows for x ≥ 28 (in fact from 27.23); erf(x) rounds to ±1 for |x| ≥ 6.
 */
import { ddDiv, ddLow, twoProductError, twoSumError } from './double-double.js';
import { expParts, expSplit, scalePow2 } from './exp-split.js';

/** c = (float)0.84506291151: erf(1) rounded to 24 bits, so that 1 − c and 1 + c are exact. */
export const ERX = 8.45062911510467529297e-1;
const EFX = 1.28379167095512586316e-1;

// erf on [0, 0.84375]
const PP0 = 1.28379167095512558561e-1;
const PP1 = -3.2504210724700149937e-1;
const PP2 = -2.84817495755985104766e-2;
const PP3 = -5.77027029648944159157e-3;
const PP4 = -2.37630166566501626084e-5;
const QQ1 = 3.97917223959155352819e-1;
const QQ2 = 6.50222499887672944485e-2;
const QQ3 = 5.08130628187576562776e-3;
const QQ4 = 1.32494738004321644526e-4;
const QQ5 = -3.9602282787753681232e-6;
// erf on [0.84375, 1.25]
const PA0 = -2.36211856075265944077e-3;
const PA1 = 4.14856118683748331666e-1;
const PA2 = -3.72207876035701323847e-1;
const PA3 = 3.18346619901161753674e-1;
const PA4 = -1.10894694282396677476e-1;
const PA5 = 3.54783043256182359371e-2;
const PA6 = -2.166375594868790843e-3;
const QA1 = 1.06420880400844228286e-1;
const QA2 = 5.40397917702171048937e-1;
const QA3 = 7.18286544141962662868e-2;
const QA4 = 1.26171219808761642112e-1;
const QA5 = 1.36370839120290507362e-2;
const QA6 = 1.1984499846799107417e-2;
// erfc on [1.25, 1/0.35]
const RA0 = -9.86494403484714822705e-3;
const RA1 = -6.93858572707181764372e-1;
const RA2 = -1.05586262253232909814e1;
const RA3 = -6.23753324503260060396e1;
const RA4 = -1.62396669462573470355e2;
const RA5 = -1.84605092906711035994e2;
const RA6 = -8.12874355063065934246e1;
const RA7 = -9.81432934416914548592;
const SA1 = 1.96512716674392571292e1;
const SA2 = 1.376577541435190426e2;
const SA3 = 4.34565877475229228821e2;
const SA4 = 6.45387271733267880336e2;
const SA5 = 4.29008140027567833386e2;
const SA6 = 1.08635005541779435134e2;
const SA7 = 6.57024977031928170135;
const SA8 = -6.04244152148580987438e-2;
// erfc on [1/0.35, 28]
const RB0 = -9.86494292470009928597e-3;
const RB1 = -7.99283237680523006574e-1;
const RB2 = -1.77579549177547519889e1;
const RB3 = -1.60636384855821916062e2;
const RB4 = -6.37566443368389627722e2;
const RB5 = -1.02509513161107724954e3;
const RB6 = -4.83519191608651397019e2;
const SB1 = 3.03380607434824582924e1;
const SB2 = 3.25792512996573918826e2;
const SB3 = 1.53672958608443695994e3;
const SB4 = 3.19985821950859553908e3;
const SB5 = 2.55305040643316442583e3;
const SB6 = 4.74528541206955367215e2;
const SB7 = -2.24409524465858183362e1;

/** Interval bounds of the method above (|x|). */
export const ERF_SMALL = 0.84375;
export const ERF_MID = 1.25;
const ERF_TAIL_SPLIT = 1 / 0.35;
/** erfc(x) < 2^−1075 from here on. */
const ERFC_ZERO = 28;

/** R(z) with erf(x) = x + x·R(x²) for |x| < 0.84375; z = x². */
export function erfSmallRatio(z: number): number {
  const r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
  const s = 1 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
  return r / s;
}

/** P1(s)/Q1(s) = erf(1 + s) − ERX for 1 + s in [0.84375, 1.25]. */
export function erfNearOne(s: number): number {
  const p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
  const q = 1 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
  return p / q;
}

/**
 * R/S with erfc(t) = exp(−t² − 0.5625 + R/S)/t for t in [1.25, 28]; a = |t| (its rounding error
 * hardly matters: R/S varies slowly, by less than 0.06 over the whole interval).
 */
export function erfcTailCorrection(a: number): number {
  const s = 1 / (a * a);
  if (a < ERF_TAIL_SPLIT) {
    const r = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
    const q = 1 + s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
    return r / q;
  }
  const r = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
  const q = 1 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
  return r / q;
}

/** erfc(a) for a in [1.25, 28), to half an ulp plus the approximation error, subnormals included. */
function erfcTail(a: number): number {
  const p = a * a;
  const pl = twoProductError(a, a, p);
  // −a² − 0.5625 + R/S as a double-double: the exponent is up to 784, so its own rounding would
  // cost up to 784·2^−53 relative in the result.
  const c = erfcTailCorrection(a) - 0.5625;
  const eh = c - p;
  const el = twoSumError(c, -p, eh) - pl;
  const h = expSplit(eh, el);
  const k = expParts.k;
  const q = ddDiv(h, expParts.lo, a, 0);
  return scalePow2(q + ddLow.lo, k);
}

/** The error function, to about 1 ulp. erf(±Infinity) = ±1, erf(NaN) = NaN. */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (a < ERF_SMALL) {
    // |x| < 2^−28: erf(x) = x + EFX·x exactly enough (fdlibm's 0.125·(8x + 8·EFX·x) guards the
    // underflow flag, which JavaScript does not have).
    if (a < 3.725290298461914e-9) return x + EFX * x;
    return x + x * erfSmallRatio(x * x);
  }
  if (a < ERF_MID) {
    const v = ERX + erfNearOne(a - 1);
    return x > 0 ? v : -v;
  }
  if (a >= 6) return x > 0 ? 1 : x < 0 ? -1 : NaN;
  const v = 1 - erfcTail(a);
  return x > 0 ? v : -v;
}

/** The complementary error function 1 − erf(x), to about 1 ulp, and to half an ulp in its subnormal tail. */
export function erfc(x: number): number {
  const a = Math.abs(x);
  if (a < ERF_SMALL) {
    if (a < 1.3877787807814457e-17) return 1 - x; // |x| < 2^−56
    // fdlibm: 1 − (x + x·y), or 0.5 − (x·y + (x − 0.5)) from 1/4 on (up to 2 ulp near 0.84);
    // with 1 − x split exactly, the only roundings left are x·y (small) and the final sum.
    const h = 1 - x;
    return h + (twoSumError(1, -x, h) - x * erfSmallRatio(x * x));
  }
  if (a < ERF_MID) {
    const pq = erfNearOne(a - 1);
    return x > 0 ? 1 - ERX - pq : 1 + (ERX + pq);
  }
  if (x > 0) return x < ERFC_ZERO ? erfcTail(x) : 0;
  if (x > -6) return 2 - erfcTail(a);
  return x === x ? 2 : NaN;
}
