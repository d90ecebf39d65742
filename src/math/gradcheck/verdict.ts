/**
 * The outcome of a grad check and its verdict: the results per function, the rules for comparing
 * with a reference implementation (PyTorch float64), and when the whole check passes. Reports
 * (report/gradcheck-format.ts) print these; the command only gathers them.
 */
import type { ActivationFn } from '../types.js';
import { compareWithReference, type ReferenceComparison, type ReferenceValues } from './against.js';
import type { CheckOptions, FunctionReport } from './check.js';

/** A reference's answer for one function: its values (and why f″ is missing), or why it has none. */
export type ReferenceResult =
  | (ReferenceValues & { readonly d2Error?: string })
  | { readonly error: string; readonly noExpression: boolean };

/** The outcome of comparing one function with torch. */
export interface TorchCheck {
  readonly status: 'pass' | 'fail' | 'unavailable';
  readonly expression: string | null;
  /** Why torch could not be compared (no equivalent, or torch's error), or what was left out (f″). */
  readonly reason: string | null;
  readonly comparison: ReferenceComparison | null;
}

export interface GradCheckResult {
  readonly options: CheckOptions;
  readonly reports: readonly FunctionReport[];
  /** Present when compared with torch, one per report. */
  readonly torch?: { readonly version: string; readonly checks: readonly TorchCheck[] };
}

export const NO_EQUIVALENT: TorchCheck = {
  status: 'unavailable',
  expression: null,
  reason: 'no torch equivalent in the catalog',
  comparison: null,
};

/** Our f, f′ (and f″ at order 2) against torch's at the same points `x`. */
export function torchCheck(
  fn: ActivationFn,
  expression: string,
  x: Float64Array,
  torch: ReferenceResult,
  check: CheckOptions,
): TorchCheck {
  if ('error' in torch) {
    const reason = torch.noExpression ? 'no torch expression in the catalog' : `torch: ${torch.error}`;
    return { status: 'unavailable', expression, reason, comparison: null };
  }
  const ours = fn.evaluate(x);
  const d2 = check.order === 2 ? fn.pointwise?.d2 : undefined;
  // f″ at a corner of f (where f′ jumps) is a convention on both sides: not compared.
  const corners = new Set(fn.kinks.map((k) => k.x));
  const undefinedAt = (q: string, xi: number) => q === 'd2' && corners.has(xi);
  const values = d2 ? { ...ours, d2: x.map(d2) } : ours;
  const comparison = compareWithReference(x, values, torch, check.atol, check.rtol, undefinedAt);
  const reason =
    check.order !== 2
      ? null
      : fn.vector
        ? 'f″ not compared: vector function'
        : !d2
          ? 'f″ not compared: no f″ given'
          : torch.d2Error
            ? `f″ not compared: torch: ${torch.d2Error}`
            : null;
  return { status: comparison.mismatches.length ? 'fail' : 'pass', expression, reason, comparison };
}

/** Passed: no function failed its check, and none differs from torch. */
export function gradCheckPassed(r: GradCheckResult): boolean {
  return !r.reports.some((f) => f.status === 'fail') && !(r.torch?.checks.some((t) => t.status === 'fail') ?? false);
}
