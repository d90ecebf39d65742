/**
 * Comparison of our values and derivatives with another implementation's (PyTorch float64) at the
 * same points, with grad-check's tolerance: |ours − theirs| ≤ atol + rtol·|theirs|.
 */

/** Values from the other implementation; `d2` only at order 2. */
export interface ReferenceValues {
  readonly y: Float64Array;
  readonly dy: Float64Array;
  readonly d2?: Float64Array;
}

export type Quantity = 'f' | 'df' | 'd2';

export interface ReferenceMismatch {
  readonly x: number;
  readonly quantity: Quantity;
  readonly ours: number;
  readonly theirs: number;
  readonly absError: number;
}

export interface QuantityDifference {
  readonly quantity: Quantity;
  readonly maxAbsError: number;
  /** Where the difference, measured against the tolerance, is largest; NaN if every difference is 0. */
  readonly worstX: number;
}

export interface ReferenceComparison {
  /** Finite points compared (at ±∞ and NaN the conventions differ on purpose: torch gives NaN). */
  readonly compared: number;
  readonly differences: readonly QuantityDifference[];
  /** Every point and quantity beyond the tolerance, largest first. */
  readonly mismatches: readonly ReferenceMismatch[];
}

/** |ours − theirs|, with equal values (NaN and NaN, ∞ and ∞) at 0 and NaN against a number at ∞. */
function difference(ours: number, theirs: number): number {
  if (ours === theirs || (Number.isNaN(ours) && Number.isNaN(theirs))) return 0;
  const d = Math.abs(ours - theirs);
  return Number.isNaN(d) ? Infinity : d;
}

/**
 * `undefinedAt(q, x)`: where quantity q has no true value, so any two conventions may differ
 * (f″ at a corner of f, where f′ jumps): not compared.
 */
export function compareWithReference(
  x: Float64Array,
  ours: ReferenceValues,
  theirs: ReferenceValues,
  atol: number,
  rtol: number,
  undefinedAt: (quantity: Quantity, x: number) => boolean = () => false,
): ReferenceComparison {
  const quantities: [Quantity, Float64Array, Float64Array][] = [
    ['f', ours.y, theirs.y],
    ['df', ours.dy, theirs.dy],
  ];
  if (ours.d2 && theirs.d2) quantities.push(['d2', ours.d2, theirs.d2]);
  const finite = [...x.keys()].filter((i) => Number.isFinite(x[i]!));
  const mismatches: ReferenceMismatch[] = [];
  const differences = quantities.map(([quantity, a, b]): QuantityDifference => {
    let maxAbsError = 0;
    let worstX = NaN;
    let worstRatio = 0;
    for (const i of finite) {
      if (undefinedAt(quantity, x[i]!)) continue;
      const o = a[i]!;
      const t = b[i]!;
      const absError = difference(o, t);
      const tol = atol + rtol * Math.abs(t);
      const within = absError === 0 || (Number.isFinite(absError) && absError <= tol);
      const ratio = absError === 0 ? 0 : absError / tol;
      if (ratio > worstRatio) {
        worstRatio = ratio;
        worstX = x[i]!;
      }
      maxAbsError = Math.max(maxAbsError, absError);
      if (!within) mismatches.push({ x: x[i]!, quantity, ours: o, theirs: t, absError });
    }
    return { quantity, maxAbsError, worstX };
  });
  mismatches.sort((p, q) => q.absError - p.absError || p.x - q.x);
  return { compared: finite.length, differences, mismatches };
}
