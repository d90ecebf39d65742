/**
 * grad-check's core: compares an ActivationFn's analytic derivative (f′, or f″ at order 2) with
 * numerical differentiation at each point, torch.autograd.gradcheck's way
 * (|analytic − numeric| ≤ atol + rtol·|numeric|), and sets points at kinks aside as kinks.
 */
import type { ActivationFn, Kink, PointwiseKernel, VectorKernel } from '../types.js';
import {
  numericDerivative,
  oneSidedDerivatives,
  stencilReach,
  type DerivativeEstimate,
  type DifferenceMethod,
} from './numeric-derivative.js';

export type CheckOrder = 1 | 2;

export interface CheckOptions {
  readonly order: CheckOrder;
  readonly atol: number;
  readonly rtol: number;
  readonly method: DifferenceMethod;
}

/** torch.autograd.gradcheck's tolerances. */
export const DEFAULT_ATOL = 1e-5;
export const DEFAULT_RTOL = 1e-3;

export interface PointResult {
  readonly x: number;
  /** The catalog's derivative at x (f′, or f″ at order 2). */
  readonly analytic: number;
  readonly numeric: number;
  /** Estimated error of `numeric`. */
  readonly numericError: number;
  readonly absError: number;
  /** |analytic − numeric| / |numeric|; NaN where the numeric value is too uncertain to judge it (see `resolved`). */
  readonly relError: number;
  readonly pass: boolean;
  /** Why a failing point failed, when there is more to say than the numbers. */
  readonly reason?: string;
}

export interface KinkResult {
  readonly x: number;
  /** f itself jumps at x (declared kinks only). */
  readonly jump: boolean;
  /** True for the catalog's kinks; false for a corner found numerically (f′ corners at order 2, vector functions). */
  readonly declared: boolean;
  /** One-sided derivatives (of f, or of f′ at order 2) estimated numerically on each side. */
  readonly left: number;
  readonly right: number;
  /** The value the catalog returns at x (PyTorch's convention, e.g. ReLU′(0) = 0). */
  readonly catalogValue: number;
  /** The catalog's own record of the kink (order 1, declared kinks). */
  readonly declaredKink?: Kink;
  /** The record disagrees with the numbers or with the derivative the kernel returns there. */
  readonly mismatch?: string;
  /** Points of the grid whose difference stencil straddles the kink: listed here, not judged. */
  readonly points: readonly number[];
}

export interface SkippedPoint {
  readonly x: number;
  readonly reason: string;
}

export type CheckStatus = 'pass' | 'fail' | 'not-checkable';

export interface FunctionReport {
  readonly fn: ActivationFn;
  readonly order: CheckOrder;
  readonly status: CheckStatus;
  /** Why the function could not be checked (status 'not-checkable'). */
  readonly reason?: string;
  /** Points compared (kinks and skipped points excluded). */
  readonly checked: number;
  readonly maxAbsError: number;
  /** Over the points whose numeric value is known to better than rtol (see `resolved`); NaN when none is. */
  readonly maxRelError: number;
  /** Where |analytic − numeric| / (atol + rtol·|numeric|) is largest; NaN when every error is 0 or nothing was checked. */
  readonly worstX: number;
  readonly kinks: readonly KinkResult[];
  readonly failures: readonly PointResult[];
  readonly skipped: readonly SkippedPoint[];
}

/** What is differentiated at point i, and what the catalog says its derivative is. */
interface Target {
  readonly analytic: Float64Array;
  scalar(i: number): (t: number) => number;
}

function pointwiseTarget(kernel: PointwiseKernel, points: Float64Array, order: CheckOrder): Target | string {
  const g = order === 1 ? kernel.f : kernel.df;
  const d = order === 1 ? kernel.df : kernel.d2;
  if (!d) return 'no f″ given (not checkable at order 2)';
  return { analytic: points.map(d), scalar: () => g };
}

/** Vector functions: ∂yᵢ/∂xᵢ, differentiating yᵢ while only component i of the input moves. */
function vectorTarget(kernel: VectorKernel, points: Float64Array, order: CheckOrder): Target | string {
  if (order === 2) return 'vector function: no f″ (not checkable at order 2)';
  const n = points.length;
  const y = new Float64Array(n);
  const dy = new Float64Array(n);
  kernel.apply(points, y, dy);
  const moved = Float64Array.from(points);
  const scratchY = new Float64Array(n);
  const scratchDy = new Float64Array(n);
  return {
    analytic: dy,
    scalar: (i) => (t) => {
      moved[i] = t;
      kernel.apply(moved, scratchY, scratchDy);
      moved[i] = points[i]!;
      return scratchY[i]!;
    },
  };
}

/**
 * Whether the numeric value is known to better than rtol relative: only then does a relative error
 * say something about the analytic one (in the far tails, f values near 1 leave f′ ≈ 1e-9 with
 * few digits; those points are judged by atol).
 */
function resolved(est: DerivativeEstimate, o: CheckOptions): boolean {
  return est.error < o.rtol * Math.abs(est.value);
}

function tolerance(o: CheckOptions, numeric: number): number {
  return o.atol + o.rtol * Math.abs(numeric);
}

function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** One-sided estimates are good to about 1e-9: 8 digits say all they know. */
function brief(v: number): string {
  return String(Number(v.toPrecision(8)));
}

function declaredKinkAt(kinks: readonly Kink[], x: number, reach: number): Kink | undefined {
  // A little slack: a stencil ending exactly on a jump would read the value on the wrong side.
  return kinks.find((k) => Math.abs(x - k.x) <= 1.01 * reach);
}

/** Compares the catalog's kink record with the numbers: a note for the report, not a failure. */
function kinkMismatch(k: Kink, left: number, right: number, catalogValue: number, o: CheckOptions): string | undefined {
  const notes: string[] = [];
  if (Math.abs(left - k.left) > tolerance(o, left)) notes.push(`left derivative ${brief(left)}, declared ${k.left}`);
  if (Math.abs(right - k.right) > tolerance(o, right))
    notes.push(`right derivative ${brief(right)}, declared ${k.right}`);
  if (!sameNumber(catalogValue, k.dy)) notes.push(`f′ returns ${catalogValue} here, declared ${k.dy}`);
  return notes.length ? notes.join('; ') : undefined;
}

function notCheckable(fn: ActivationFn, o: CheckOptions, reason: string): FunctionReport {
  return {
    fn,
    order: o.order,
    status: 'not-checkable',
    reason,
    checked: 0,
    maxAbsError: NaN,
    maxRelError: NaN,
    worstX: NaN,
    kinks: [],
    failures: [],
    skipped: [],
  };
}

/** Checks fn's derivative of the given order at every point. */
export function checkFunction(fn: ActivationFn, points: Float64Array, o: CheckOptions): FunctionReport {
  const target = fn.pointwise
    ? pointwiseTarget(fn.pointwise, points, o.order)
    : fn.vector
      ? vectorTarget(fn.vector, points, o.order)
      : 'neither a pointwise nor a vector kernel';
  if (typeof target === 'string') return notCheckable(fn, o, target);

  // Declared kinks are those of f; at order 2 they are also where f″ is undefined. Kinks of
  // vector functions depend on the whole vector, so none are taken from the catalog for them.
  const declared = fn.pointwise ? fn.kinks : [];
  // Corners the catalog does not record (f′ corners at order 2, vector functions) are found numerically.
  const forgiveUndeclared = o.order === 2 || !fn.pointwise;
  const pointsByKink = new Map<Kink, number[]>();
  const detected: KinkResult[] = [];
  const failures: PointResult[] = [];
  const skipped: SkippedPoint[] = [];
  let checked = 0;
  let maxAbsError = 0;
  // NaN until a point qualifies: with none (a tight rtol), there is no relative error to report.
  let maxRelError = NaN;
  let worstX = NaN;
  let worstRatio = 0;

  for (let i = 0; i < points.length; i++) {
    const x = points[i]!;
    if (!Number.isFinite(x)) {
      skipped.push({ x, reason: 'not a finite point' });
      continue;
    }
    const kink = declaredKinkAt(declared, x, stencilReach(x, o.method));
    if (kink) {
      const list = pointsByKink.get(kink) ?? [];
      list.push(x);
      pointsByKink.set(kink, list);
      continue;
    }
    const g = target.scalar(i);
    const analytic = target.analytic[i]!;
    // A pole or an undefined value (1/x, x/x at 0): nothing to differentiate, so nothing to judge.
    const value = g(x);
    if (!Number.isFinite(value)) {
      skipped.push({ x, reason: `${o.order === 2 ? 'f′' : 'f'}(x) is ${value}` });
      continue;
    }
    const est = numericDerivative(g, x, o.method);
    if (!Number.isFinite(est.value)) {
      skipped.push({ x, reason: `numeric derivative is ${est.value} (f overflows or is undefined near x)` });
      continue;
    }
    const absError = Math.abs(analytic - est.value);
    const pass = absError <= tolerance(o, est.value);
    if (!pass) {
      const sides = oneSidedDerivatives(g, x, o.method);
      const corner = !(
        Math.abs(sides.left - sides.right) <= tolerance(o, Math.max(Math.abs(sides.left), Math.abs(sides.right)))
      );
      if (corner && forgiveUndeclared) {
        detected.push({
          x,
          jump: false,
          declared: false,
          left: sides.left,
          right: sides.right,
          catalogValue: analytic,
          points: [x],
        });
        continue;
      }
      const relError = resolved(est, o) ? absError / Math.abs(est.value) : NaN;
      const reason = corner
        ? `the derivative jumps here (left ${brief(sides.left)}, right ${brief(sides.right)}) but the catalog declares no kink`
        : undefined;
      failures.push({
        x,
        analytic,
        numeric: est.value,
        numericError: est.error,
        absError,
        relError,
        pass,
        ...(reason ? { reason } : {}),
      });
    }
    checked++;
    const ratio = Number.isNaN(absError) ? Infinity : absError / tolerance(o, est.value);
    if (ratio > worstRatio) {
      worstRatio = ratio;
      worstX = x;
    }
    maxAbsError = Math.max(maxAbsError, Number.isNaN(absError) ? Infinity : absError);
    if (resolved(est, o))
      maxRelError = Math.max(Number.isNaN(maxRelError) ? 0 : maxRelError, absError / Math.abs(est.value));
  }

  const kinks: KinkResult[] = [...pointsByKink].map(([k, pts]) => {
    const g = target.scalar(0);
    const sides = oneSidedDerivatives(g, k.x, o.method);
    const catalogValue = o.order === 1 ? fn.pointwise!.df(k.x) : fn.pointwise!.d2!(k.x);
    const mismatch = o.order === 1 ? kinkMismatch(k, sides.left, sides.right, catalogValue, o) : undefined;
    return {
      x: k.x,
      jump: k.jump,
      declared: true,
      left: sides.left,
      right: sides.right,
      catalogValue,
      ...(o.order === 1 ? { declaredKink: k } : {}),
      ...(mismatch ? { mismatch } : {}),
      points: pts,
    };
  });
  kinks.push(...detected);
  kinks.sort((a, b) => a.x - b.x);

  if (checked === 0 && failures.length === 0)
    return { ...notCheckable(fn, o, 'no point could be checked'), kinks, skipped };
  return {
    fn,
    order: o.order,
    status: failures.length ? 'fail' : 'pass',
    checked,
    maxAbsError,
    maxRelError,
    worstX,
    kinks,
    failures,
    skipped,
  };
}
