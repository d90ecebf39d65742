/**
 * a·e^(hi+lo) rounded once, to about half an ulp, including where e^hi alone would be subnormal or
 * zero but the product is not (alpha·eˣ in ELU′ with a large alpha), and where the product itself
 * is subnormal (x·eˣ in Mish's tail): Math.exp would round eˣ into the subnormal range and |a|
 * would multiply that rounding error up. expSplit keeps eˣ as a double-double mantissa times 2^k;
 * the power of two is applied after the multiplication, as the last (and only) rounding.
 *
 * `lo` is a small correction to the argument (|lo| ≤ ulp(hi)), typically the rounding error of a
 * quotient or product such as x/alpha or β·x, carried so that |argument| does not amplify it.
 */
import { twoProductError } from './double-double.js';
import { expSplitValue, scalePow2 } from './exp-split.js';

/** Beyond this |a| twoProductError's splitting would overflow: a is scaled down by 2^600 first. */
const HUGE = 1e300;
const TWO_MINUS_600 = 2 ** -600;

/** a·e^(hi+lo); ±Infinity or NaN where the product overflows or a is not finite. */
export function mulExp(a: number, hi: number, lo: number): number {
  const s = expSplitValue(hi, lo);
  const h = s.hi;
  const l = s.lo;
  let k = s.k;
  let c = a;
  if (!(Math.abs(c) < HUGE)) {
    c *= TWO_MINUS_600;
    k += 600;
  }
  const p = c * h;
  return scalePow2(p + (twoProductError(c, h, p) + c * l), k);
}
