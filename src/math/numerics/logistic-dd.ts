/**
 * 1 − 2σ(v) as a double-double, for f″ brackets of the form 2 + v·(1 − 2σ(v)) that vanish at f″'s
 * roots: there every rounding of the bracket's terms is amplified, and a double-double keeps the
 * bracket exact enough that only the final rounding (and the inputs') remain.
 */
import { ddLow, ddMulParts, twoSumError } from './double-double.js';
import { pow2 } from './exp-split.js';
import { lg } from './logistic.js';

/** After splitLogistic: 1 − 2σ(v) = −sign(v)·(1 − e)/D into ddLow. */
export function oneMinusTwoSigmoidParts(): void {
  const e = lg.e;
  const nh = 1 - e;
  const nl = twoSumError(1, -e, nh) - lg.el * pow2(lg.k);
  ddMulParts(nh, nl, lg.ih, lg.il);
  if (!lg.negative) {
    ddLow.hi = -ddLow.hi;
    ddLow.lo = -ddLow.lo;
  }
}
