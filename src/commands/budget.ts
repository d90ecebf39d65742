/**
 * One budget for the work of a whole run, checked after the specs and options are parsed and before
 * anything is evaluated: functions × points × what each evaluation costs, summed over the run, so
 * that sweeps, many functions and long expressions cannot multiply past it one limit at a time.
 *
 * The unit is one evaluation of f and f′ of a catalog function at one point (~0.1–1 µs). The
 * weights were measured (issue #16): an expression costs about one unit per 16 characters of its
 * text; the properties of a function (info, compare's table) about 10⁵ units; a numerical
 * derivative check about 8 evaluations a point; a vector function (Softmax) checked by its full
 * Jacobian n per point. The budget, 10⁷ units, is some seconds of work.
 */
import { UsageError } from '../errors.js';
import { MAX_POINTS } from '../math/grid.js';
import { type Sampling, sampleGrid } from '../math/sample.js';
import type { ActivationFn } from '../math/types.js';

export const RUN_BUDGET = 10_000_000;
/** The properties of one function (extrema, monotonicity, saturation, cost) in units. */
export const PROPERTIES_UNITS = 100_000;
/** Evaluations of f′ (and f) per point in a Richardson-refined derivative check. */
export const CHECK_UNITS_PER_POINT = 8;
/** Characters of expression text per unit of evaluation cost. */
const CHARACTERS_PER_UNIT = 16;

/** What evaluating `fn` once at one point costs, in units. */
export function evaluationWeight(fn: ActivationFn): number {
  return fn.entry ? 1 : Math.max(1, Math.ceil(fn.spec.length / CHARACTERS_PER_UNIT));
}

/** One item of a run's work: `count` of something, each costing `units`. */
export interface WorkItem {
  readonly fn: ActivationFn;
  /** Points evaluated (0 when only properties are computed). */
  readonly points: number;
  /** Units per point (evaluation weight × the analysis's factor). */
  readonly unitsPerPoint: number;
  /** Fixed units for this function (its properties). */
  readonly fixed?: number;
}

function count(n: number): string {
  return n < 1e6 ? String(Math.round(n)) : n.toExponential(1).replace('.0e', 'e').replace('e+', 'e');
}

/**
 * Throws a one-line UsageError naming the numbers when the run's work exceeds RUN_BUDGET;
 * `how` says what to reduce.
 */
export function checkBudget(
  items: readonly WorkItem[],
  how = 'use fewer functions, fewer points or shorter expressions',
): void {
  const total = items.reduce((sum, w) => sum + w.points * w.unitsPerPoint + (w.fixed ?? 0), 0);
  if (total <= RUN_BUDGET) return;
  const points = items.reduce((sum, w) => sum + w.points, 0);
  const fns = items.length;
  const heaviest = items.reduce((a, b) => (evaluationWeight(b.fn) > evaluationWeight(a.fn) ? b : a));
  const weight = evaluationWeight(heaviest.fn);
  const detail = [
    `${fns} function${fns === 1 ? '' : 's'}`,
    ...(points > 0 ? [`${count(points)} points in all`] : []),
    ...(weight > 1 ? [`expressions costing up to ${weight}× a catalog function`] : []),
  ].join(', ');
  throw new UsageError(
    `this run needs about ${count(total)} units of work (${detail}); the limit is ${count(RUN_BUDGET)} per run: ${how}`,
  );
}

/** Table cells (rows × functions) one run may print: a 10⁶-row table already takes ~1.3 GB. */
export function checkTableCells(functions: number, rows: number, limit: number): void {
  if (functions * rows > limit) {
    throw new UsageError(
      `${functions} functions × ${rows} points make ${count(functions * rows)} values to tabulate; the limit is ${count(limit)} per run`,
    );
  }
}

/**
 * How many points a chart samples over `range` (kinks aside). The grid itself is made (at most
 * 10⁶ numbers), so that its own limit and messages come first.
 */
export function samplingPoints(range: readonly [number, number], sampling: Sampling): number {
  return sampleGrid(range[0], range[1], sampling, MAX_POINTS).length;
}

/** The work of charting `fns` (plot, compare, terminal charts), with their properties when asked. */
export function chartWork(
  fns: readonly ActivationFn[],
  range: readonly [number, number],
  sampling: Sampling,
  properties = false,
): WorkItem[] {
  const points = samplingPoints(range, sampling);
  return fns.map((fn) => ({
    fn,
    points,
    unitsPerPoint: evaluationWeight(fn),
    ...(properties ? { fixed: PROPERTIES_UNITS * evaluationWeight(fn) } : {}),
  }));
}
