/** σ(x) and σ′(x) with full relative accuracy in both tails. */

/** σ(x) = 1/(1+e^−x); for x < 0 computed as e^x/(1+e^x) so the left tail keeps every digit. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ′(x) = e^−|x| / (1 + e^−|x|)², which (unlike σ(1−σ)) does not round to 0 for x > 37. */
export function sigmoidDerivative(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}
