/**
 * xIELU (Huang & Schlag 2024) as transformers computes it:
 *   x > 0:       alpha_p·x² + beta·x
 *   x ≤ 0:       alpha_n·(expm1(min(x, eps)) − x) + beta·x
 * so f is linear on [eps, 0] (slope beta − alpha_n), jumps by alpha_n·expm1(eps) at 0 and has a
 * corner at eps. For x < eps, f = alpha_n·expm1(x) + (beta − alpha_n)·x and f′ = alpha_n·expm1(x)
 * + beta: both cancel (f at x ≈ −2.6, f′ at x ≈ −0.98 with the defaults), so e^x is taken as a
 * double-double (expSplit) and everything after it summed in double-double arithmetic.
 */
import { ddAddParts, ddLow, ddMulParts, twoProductError, twoSumError } from './double-double.js';
import { expParts, expSplitParts, pow2 } from './exp-split.js';
import type { PointwiseKernel } from '../types.js';

/** expm1(x) = (hi + lo) into ddLow, from e^x as a double-double. */
function expm1Parts(x: number): void {
  expSplitParts(x, 0);
  const s = pow2(expParts.k);
  const eh = expParts.hi * s;
  const el = expParts.lo * s;
  const mh = eh - 1;
  ddLow.hi = mh;
  ddLow.lo = twoSumError(eh, -1, mh) + el;
}

/**
 * expm1(x) − x = x²/2 + x³/6 + x⁴·Q(x) into ddLow, for −0.5 ≤ x ≤ 0: e^x − 1 from expSplit (good
 * to about 2^−60 of e^x) would leave only that much of the difference, which is x²/2-small.
 */
function expm1MinusXSmall(x: number): void {
  const p = x * x;
  const pl = twoProductError(x, x, p);
  // x³/6 as a double-double
  ddMulParts(p, pl, x, 0);
  const ch = ddLow.hi / 6;
  const cl = (ddLow.hi - 6 * ch + twoProductError(-6, ch, -6 * ch) + ddLow.lo) / 6;
  let q = 0;
  for (let n = 16; n >= 4; n--) q = (q + 1 / FACTORIAL[n]!) * (n === 4 ? 1 : x);
  ddAddParts(0.5 * p, 0.5 * pl, ch, cl);
  ddAddParts(ddLow.hi, ddLow.lo, p * p * q, 0);
}

/** n! for n ≤ 16, exact in doubles. */
const FACTORIAL: number[] = [1];
for (let n = 1; n <= 16; n++) FACTORIAL.push(FACTORIAL[n - 1]! * n);

export function xieluKernel(alphaP: number, alphaN: number, beta: number, eps: number): PointwiseKernel {
  // expm1(eps) − eps, so that on [eps, 0] f = alpha_n·((eps − x) + that) + beta·x cancels nothing
  if (eps >= -0.5) expm1MinusXSmall(eps);
  else {
    expm1Parts(eps);
    ddAddParts(ddLow.hi, ddLow.lo, -eps, 0);
  }
  const d1h = ddLow.hi;
  const d1l = ddLow.lo;

  /** alpha_n·(gh + gl) + beta·x, where g = expm1(min(x, eps)) − x as a double-double. */
  const combine = (gh: number, gl: number, x: number): number => {
    ddMulParts(gh, gl, alphaN, 0);
    const ah = ddLow.hi;
    const al = ddLow.lo;
    const bh = beta * x;
    ddAddParts(ah, al, bh, twoProductError(beta, x, bh));
    return ddLow.hi;
  };

  const f = (x: number): number => {
    if (x > 0) {
      // x·(alpha_p·x + beta), both terms ≥ 0 for the valid parameters: no cancellation
      if (x === Infinity) return alphaP > 0 ? Infinity : beta > 0 ? Infinity : beta < 0 ? -Infinity : 0;
      const p = alphaP * x;
      // (beyond 1e150 the split products would overflow; x·(p + beta) is within 1.5 ulp there)
      if (x > 1e150) return x * (p + beta);
      // x·(alpha_p·x + beta) with the inner sum a double-double: one rounding in all
      const sh = p + beta;
      const sl = twoSumError(p, beta, sh) + twoProductError(alphaP, x, p);
      ddMulParts(sh, sl, x, 0);
      return ddLow.hi;
    }
    if (x !== x) return NaN;
    if (x >= eps) {
      const gh = eps - x;
      ddAddParts(gh, twoSumError(eps, -x, gh), d1h, d1l);
      return combine(ddLow.hi, ddLow.lo, x);
    }
    if (x === -Infinity) return alphaN - beta > 0 ? Infinity : alphaN - beta < 0 ? -Infinity : -alphaN;
    // expm1(x) = −1 to double precision; the split products would overflow below −1e150
    if (x < -1e150) return (beta - alphaN) * x - alphaN;
    if (x >= -0.5) {
      // alpha_n·(expm1(x) − x) + beta·x with the difference from its series
      expm1MinusXSmall(x);
      return combine(ddLow.hi, ddLow.lo, x);
    }
    expm1Parts(x);
    ddAddParts(ddLow.hi, ddLow.lo, -x, 0);
    return combine(ddLow.hi, ddLow.lo, x);
  };

  const atEps = xieluSlopeAtEps(alphaN, beta, eps);
  const df = (x: number): number => {
    if (x > 0) return x === Infinity ? (alphaP > 0 ? Infinity : beta) : 2 * alphaP * x + beta;
    if (x !== x) return NaN;
    if (x === eps) return atEps;
    if (x > eps) return beta - alphaN;
    if (x === -Infinity) return beta - alphaN;
    // alpha_n·expm1(x) + beta
    expm1Parts(x);
    ddMulParts(ddLow.hi, ddLow.lo, alphaN, 0);
    ddAddParts(ddLow.hi, ddLow.lo, beta, 0);
    return ddLow.hi;
  };

  const d2 = (x: number): number => {
    if (x > 0) return 2 * alphaP;
    if (x !== x) return NaN;
    if (x >= eps) return 0;
    // alpha_n·e^x
    expSplitParts(x, 0);
    return alphaN * expParts.hi * pow2(expParts.k);
  };

  return { f, df, d2 };
}

/** f′ at eps in torch's convention: torch.min splits the gradient of a tie, so the mean of the sides. */
export function xieluSlopeAtEps(alphaN: number, beta: number, eps: number): number {
  expm1Parts(eps);
  // (alpha_n·expm1(eps) + beta + beta − alpha_n)/2
  ddMulParts(ddLow.hi, ddLow.lo, alphaN, 0);
  const ah = ddLow.hi;
  const al = ddLow.lo;
  const sh = 2 * beta - alphaN;
  ddAddParts(ah, al, sh, twoSumError(2 * beta, -alphaN, sh));
  return ddLow.hi / 2;
}

/** alpha_n·expm1(eps) + beta: f′ just left of eps. */
export function xieluSlopeLeftOfEps(alphaN: number, beta: number, eps: number): number {
  expm1Parts(eps);
  ddMulParts(ddLow.hi, ddLow.lo, alphaN, 0);
  ddAddParts(ddLow.hi, ddLow.lo, beta, 0);
  return ddLow.hi;
}
