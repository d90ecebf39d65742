/**
 * √softplus(x) = √log(1 + eˣ) (transformers' "sqrtsoftplus", from DeepSeek-V4's router):
 *   f′ = σ(x)/(2f),   f″ = (2σ′(x)·softplus(x) − σ(x)²)/(4f³).
 * Below x = −700 softplus(x) = eˣ to double precision (and is subnormal from −708 on, where its
 * square root would keep only its few bits), so there f = e^(x/2), f′ = f/2, f″ = f/4 with the
 * next-order terms far below an ulp. f″ = f·(2σ′/softplus − (σ/softplus)²)/4: the bracket
 * vanishes at x ≈ 0.92 and loses up to a factor 8 to cancellation around it, so σ, σ′ and
 * softplus enter as double-doubles (mantissas over a common power of two in the left tail).
 */
import { ddAddParts, ddDivParts, ddLow, ddMulParts, ddSqrtParts } from './double-double.js';
import { expParts, expSplitParts, pow2, scaleByPow2 } from './exp-split.js';
import { lg, logisticSplit, sigmoid } from './logistic.js';
import { softplusKernel } from './softplus.js';

const SOFTPLUS = softplusKernel(1, Infinity);
const LEFT_TAIL = -700;

/** e^(x/2)·c, rounded once. */
function halfExp(x: number, c: number): number {
  expSplitParts(0.5 * x, 0);
  return scaleByPow2((expParts.hi + expParts.lo) * c, expParts.k);
}

export function sqrtSoftplus(x: number): number {
  if (x < LEFT_TAIL) return halfExp(x, 1);
  return Math.sqrt(SOFTPLUS.f(x));
}

export function sqrtSoftplusDerivative(x: number): number {
  if (x < LEFT_TAIL) return halfExp(x, 0.5);
  if (x === Infinity) return 0;
  return sigmoid(x) / (2 * Math.sqrt(SOFTPLUS.f(x)));
}

/**
 * After logisticSplit at x: softplus(x) = (hi + lo)·2^k, a double-double mantissa with k = lg.k for
 * x < 0 (it stays normal however small softplus is), 0 for x ≥ 0. Only f″ calls it, off the plotting
 * loop, so it returns a fresh object rather than filling a module record. log1p(e) to double-double:
 * for e < 2^−20 the series e·(1 − e/2 + e²/3 − e³/4); above, Math.log1p corrected by one Newton
 * step against e^l computed as a double-double.
 */
function softplusSplit(x: number): { hi: number; lo: number; k: number } {
  const k = lg.k;
  let mh: number;
  let ml: number;
  if (k < -20) {
    const e = lg.e;
    const s = e * (-0.5 + e * (1 / 3 - 0.25 * e));
    mh = lg.eh;
    ml = lg.el + lg.eh * s;
  } else {
    const u = pow2(k);
    const l = Math.log1p(lg.e + lg.el * u);
    expSplitParts(l, 0);
    const w = pow2(expParts.k);
    ddAddParts(lg.dh, lg.dl, -expParts.hi * w, -expParts.lo * w);
    const corr = (ddLow.hi + ddLow.lo) / (expParts.hi * w);
    const lh = l + corr;
    const ll = corr - (lh - l);
    // as a mantissa over 2^k (exact scaling: k ≥ −20)
    const v = pow2(-k);
    mh = lh * v;
    ml = ll * v;
  }
  if (lg.negative) return { hi: mh, lo: ml, k };
  const u = pow2(k);
  ddAddParts(x, 0, mh * u, ml * u);
  return { hi: ddLow.hi, lo: ddLow.lo, k: 0 };
}

export function sqrtSoftplusSecondDerivative(x: number): number {
  if (x < LEFT_TAIL) return halfExp(x, 0.25);
  if (x === Infinity) return -0;
  if (x !== x) return NaN;
  logisticSplit(x, 0);
  const sp = softplusSplit(x);
  const ph = sp.hi;
  const pl = sp.lo;
  const kk = sp.k;
  // σ and σ′ over the same 2^kk as softplus
  const negative = lg.negative;
  const sh = negative ? lg.sh : lg.ih;
  const sl = negative ? lg.sl : lg.il;
  ddMulParts(lg.sh, lg.sl, lg.ih, lg.il);
  const shift = negative ? 1 : pow2(lg.k);
  const dh = ddLow.hi * shift;
  const dl = ddLow.lo * shift;
  // T = 2σ′/sp − (σ/sp)²
  ddDivParts(dh, dl, ph, pl);
  const ah = 2 * ddLow.hi;
  const al = 2 * ddLow.lo;
  ddDivParts(sh, sl, ph, pl);
  ddMulParts(ddLow.hi, ddLow.lo, ddLow.hi, ddLow.lo);
  ddAddParts(ah, al, -ddLow.hi, -ddLow.lo);
  const th = ddLow.hi;
  const tl = ddLow.lo;
  // f = √(sp) = √(mantissa·2^(kk mod 2))·2^(kk div 2)
  const odd = kk & 1;
  const half = (kk - odd) / 2;
  const scale = odd ? 2 : 1;
  ddSqrtParts(ph * scale, pl * scale);
  ddMulParts(ddLow.hi, ddLow.lo, th, tl);
  return scaleByPow2(0.25 * (ddLow.hi + ddLow.lo), half);
}
