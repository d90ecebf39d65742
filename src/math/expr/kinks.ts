/**
 * Kinks of an expression. Exactly where the argument is affine: a catalog (or abs/sign/clamp) kink
 * k under a·x + b sits at x = (k − b)/a, and max/min and where switch at the root of the difference
 * of affine operands. Under other arguments (relu(x^2 − 1), relu(relu(x) − 1)) the crossings of
 * the level are searched on a grid over [−1000, 1000], dense near 0, and bisected to adjacent
 * doubles; crossings closer together than the grid spacing, and touching without crossing, are
 * missed. Each candidate is then checked on the compiled function: it is kept when f′ differs on
 * the two sides or f jumps (a kink inside a branch where() does not take disappears), with
 * one-sided limits extrapolated from two points on each side.
 */
import type { Kink, PointwiseKernel } from '../types.js';
import { valueFunction } from './compile.js';
import { children, countNodes, type Expr } from './ir.js';

/** Grid for the crossing search: x = sinh(t), t uniform, so spacing ≈ 0.004 near 0 and ≈ 4 at 1000. */
const SEARCH_SEGMENTS = 4096;
const SEARCH_REACH = 1000;
/**
 * Work limits, in node evaluations, so that a pathological 10,000-character expression still
 * resolves in well under a second: crossing searches stop when theirs is spent (innermost
 * arguments are searched first), and at most as many candidates are checked as theirs allows.
 */
const SEARCH_BUDGET = 2e7;
const CHECK_BUDGET = 3e7;
const MAX_CANDIDATES = 2000;
/** Function evaluations to check one candidate (see findKinks). */
const EVALUATIONS_PER_CHECK = 9;

let searchGrid: Float64Array | undefined;
function grid(): Float64Array {
  if (!searchGrid) {
    const reach = Math.asinh(SEARCH_REACH);
    searchGrid = Float64Array.from({ length: SEARCH_SEGMENTS + 1 }, (_, i) =>
      Math.sinh(-reach + (2 * reach * i) / SEARCH_SEGMENTS),
    );
    searchGrid[SEARCH_SEGMENTS / 2] = 0;
  }
  return searchGrid;
}

/**
 * Where g crosses `level` on the search grid (a strict change of side; samples on the level are
 * skipped, so touching without crossing is no crossing), each bisected to adjacent doubles.
 */
function crossings(g: (x: number) => number, level: number, out: number[]): void {
  const xs = grid();
  let a = NaN;
  let ga = NaN;
  for (let i = 0; i < xs.length && out.length < MAX_CANDIDATES; i++) {
    const b = xs[i]!;
    const gb = g(b) - level;
    if (gb === 0 || gb !== gb) continue;
    if ((ga < 0 && gb > 0) || (ga > 0 && gb < 0)) out.push(bisect(g, level, a, b, ga < 0));
    a = b;
    ga = gb;
  }
}

function bisect(g: (x: number) => number, level: number, lo: number, hi: number, rising: boolean): number {
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const v = g(mid) - level;
    if (v === 0) return mid;
    if (v < 0 === rising) lo = mid;
    else hi = mid;
  }
  return Math.abs(g(lo) - level) <= Math.abs(g(hi) - level) ? lo : hi;
}

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

/** Collects the points where some part of an expression switches branch. */
class CandidateSearch {
  readonly points: number[] = [];
  private work = 0;

  /** x where `arg` equals `level`: solved if arg is affine, searched otherwise (within budget). */
  private level(arg: Expr, level: number): void {
    const form = affineForm(arg);
    if (form) {
      const x = solve(form, level);
      if (x !== undefined) this.points.push(x);
      return;
    }
    const cost = (SEARCH_SEGMENTS + 1) * countNodes(arg);
    if (this.work + cost > SEARCH_BUDGET) return;
    this.work += cost;
    crossings(valueFunction(arg), level, this.points);
  }

  /** x where a = b. */
  private tie(a: Expr, b: Expr): void {
    this.level({ op: 'sum', first: a, rest: [{ negative: true, term: b }] }, 0);
  }

  /** Operands first, so that the innermost switches are found before the budget runs out. */
  visit(e: Expr): void {
    // A where's condition only matters through where's own switch point.
    const operands = e.op === 'where' ? [e.then, e.otherwise] : children(e);
    for (const c of operands) this.visit(c);
    if (e.op === 'call') {
      for (const k of e.rule.kinks) this.level(e.arg, k.x);
    } else if (e.op === 'max' || e.op === 'min') {
      this.tie(e.a, e.b);
    } else if (e.op === 'where') {
      this.tie(e.cond.left, e.cond.right);
    }
  }
}

/** Points where some part of `e` switches branch (exact under affine arguments, else searched). */
export function kinkCandidates(e: Expr): number[] {
  const search = new CandidateSearch();
  search.visit(e);
  return search.points;
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
  const limit = Math.min(MAX_CANDIDATES, Math.floor(CHECK_BUDGET / (EVALUATIONS_PER_CHECK * countNodes(e))));
  const xs = [...new Set(kinkCandidates(e))].sort((a, b) => a - b).slice(0, limit);
  const kinks: Kink[] = [];
  for (const x of xs) {
    const left = oneSided(kernel.df, x, -1);
    const right = oneSided(kernel.df, x, 1);
    const jump = differ(oneSided(kernel.f, x, -1), oneSided(kernel.f, x, 1), 1e-9);
    if (jump || differ(left, right, 1e-9)) kinks.push({ x: x === 0 ? 0 : x, dy: kernel.df(x), left, right, jump });
  }
  return kinks;
}
