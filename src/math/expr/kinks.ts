/**
 * Kinks of an expression, where they can be found exactly: a catalog (or abs/sign/clamp) kink k
 * under an affine argument a·x + b sits at x = (k − b)/a; max/min and where switch at the root of
 * the difference of affine operands. Each candidate is then checked on the compiled function: it is
 * kept when f′ differs on the two sides or f jumps (a kink inside a branch where() does not take
 * disappears), with one-sided limits extrapolated from two points on each side.
 */
import type { Kink, PointwiseKernel } from '../types.js';
import { children, type Expr } from './ir.js';

/** slope·x + intercept. */
type Affine = readonly [slope: number, intercept: number];

/** The affine form of `e`, or undefined if it is not affine in x (or not recognizably so). */
export function affineForm(e: Expr): Affine | undefined {
  switch (e.op) {
    case 'const':
      return [0, e.value];
    case 'x':
      return [1, 0];
    case 'neg': {
      const a = affineForm(e.arg);
      return a && [-a[0], -a[1]];
    }
    case 'sum': {
      let acc = affineForm(e.first);
      for (const r of e.rest) {
        const t = affineForm(r.term);
        if (!acc || !t) return undefined;
        acc = r.negative ? [acc[0] - t[0], acc[1] - t[1]] : [acc[0] + t[0], acc[1] + t[1]];
      }
      return acc;
    }
    case 'product': {
      let acc = affineForm(e.first);
      for (const r of e.rest) {
        const t = affineForm(r.factor);
        if (!acc || !t) return undefined;
        if (r.divide) {
          if (t[0] !== 0 || t[1] === 0) return undefined;
          acc = [acc[0] / t[1], acc[1] / t[1]];
        } else if (t[0] === 0) {
          acc = [acc[0] * t[1], acc[1] * t[1]];
        } else if (acc[0] === 0) {
          acc = [acc[1] * t[0], acc[1] * t[1]];
        } else {
          return undefined;
        }
      }
      return acc;
    }
    default:
      return undefined;
  }
}

/** x where `form` equals `level`, if it crosses it. */
function solve(form: Affine | undefined, level: number): number | undefined {
  if (!form || form[0] === 0) return undefined;
  const x = (level - form[1]) / form[0];
  return Number.isFinite(x) ? x : undefined;
}

function difference(a: Expr, b: Expr): Affine | undefined {
  const p = affineForm(a);
  const q = affineForm(b);
  return p && q && [p[0] - q[0], p[1] - q[1]];
}

/** Points where some part of `e` switches branch, found by affine analysis. */
export function kinkCandidates(e: Expr, out: number[] = []): number[] {
  const push = (x: number | undefined): void => {
    if (x !== undefined) out.push(x);
  };
  if (e.op === 'call') {
    const form = affineForm(e.arg);
    for (const k of e.rule.kinks) push(solve(form, k.x));
  } else if (e.op === 'max' || e.op === 'min') {
    push(solve(difference(e.a, e.b), 0));
  } else if (e.op === 'where') {
    push(solve(difference(e.cond.left, e.cond.right), 0));
  }
  // A where's condition only matters through where's own switch point.
  const operands = e.op === 'where' ? [e.then, e.otherwise] : children(e);
  for (const c of operands) kinkCandidates(c, out);
  return out;
}

/** The limit of g at x from one side (direction −1 or +1), by linear extrapolation from h and 2h. */
function oneSided(g: (x: number) => number, x: number, direction: number): number {
  const h = direction * 2 ** -26 * Math.max(1, Math.abs(x));
  const near = g(x + h);
  const far = g(x + 2 * h);
  const limit = 2 * near - far;
  // Where g is flat to rounding, extrapolation only adds noise.
  return Math.abs(near - far) <= 1e-15 * Math.abs(near) ? near : limit;
}

function differ(a: number, b: number, tolerance: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) !== Number.isNaN(b);
  if (a === b) return false;
  return Math.abs(a - b) > tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The kinks of `e`, sorted, each checked and described on the compiled kernel. */
export function findKinks(e: Expr, kernel: PointwiseKernel): Kink[] {
  const xs = [...new Set(kinkCandidates(e))].sort((a, b) => a - b);
  const kinks: Kink[] = [];
  for (const x of xs) {
    const left = oneSided(kernel.df, x, -1);
    const right = oneSided(kernel.df, x, 1);
    const jump = differ(oneSided(kernel.f, x, -1), oneSided(kernel.f, x, 1), 1e-9);
    if (jump || differ(left, right, 1e-9)) kinks.push({ x: x === 0 ? 0 : x, dy: kernel.df(x), left, right, jump });
  }
  return kinks;
}
