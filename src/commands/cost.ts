/**
 * Relative cost of a function: measured nanoseconds per evaluation of f and of f′, for the
 * properties table with --cost. A measurement, so it varies from run to run (and with the load of
 * the machine); it is meant for comparing functions in the same run. To hold still, it is the
 * lowest median of several rounds of short timed runs after a warm-up (see steadyNsPerPoint): the
 * best of a time budget was not enough, since on a loaded machine the budget could end after one
 * run, and that run was the figure (Sigmoid read 1115 ns in one run and 24 ns in the next), and a
 * single median could still catch the code before the optimizing compiler had finished.
 * bench/60-cost.bench.mjs shows how much it still varies between processes.
 */
import type { Cost } from '../math/properties.js';
import type { ActivationFn } from '../math/types.js';

// The type lives in math/properties.ts so that report/ can print costs without importing a command.
export type { Cost } from '../math/properties.js';

const POINTS = 2048;

/** The plotted range with a few tails, fixed (no randomness, so runs are comparable). */
function costPoints(): Float64Array {
  const x = new Float64Array(POINTS);
  for (let i = 0; i < POINTS; i++) x[i] = i % 16 === 0 ? (i / POINTS - 0.5) * 200 : (((i * 0.618034) % 1) - 0.5) * 12;
  return x;
}

/** Untimed runs first, so that the JIT has seen the loop before it is timed. */
const WARM_UP_RUNS = 30;
/** Rounds of timed runs: each run takes tens of µs, a round about a millisecond. */
const ROUNDS = 6;
const RUNS_PER_ROUND = 31;

/**
 * Time per point (ns) of `run` over `x`: the lowest of the rounds' medians. The median drops a run
 * that the scheduler interrupted; the lowest round is the one after the optimizing compiler has
 * finished, which on a busy machine can come rounds after the warm-up.
 */
function steadyNsPerPoint(run: (x: Float64Array) => number, x: Float64Array): number {
  for (let r = 0; r < WARM_UP_RUNS; r++) run(x);
  const times = new Float64Array(RUNS_PER_ROUND);
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    for (let r = 0; r < RUNS_PER_ROUND; r++) {
      const t0 = process.hrtime.bigint();
      run(x);
      times[r] = Number(process.hrtime.bigint() - t0) / x.length;
    }
    times.sort();
    best = Math.min(best, times[RUNS_PER_ROUND >> 1]!);
  }
  return best;
}

/** Sums g over xs (the sum keeps the calls from being optimized away). */
function callLoop(g: (v: number) => number): (xs: Float64Array) => number {
  return (xs) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += g(xs[i]!);
    return s;
  };
}

let callSiteWarmed = false;

/**
 * The loops share one call site. The first function measured through it would be inlined and
 * look cheaper than every later one; calling a few different functions first puts every
 * measurement on the same footing (a real call each).
 */
function warmCallSite(x: Float64Array): void {
  if (callSiteWarmed) return;
  callSiteWarmed = true;
  const others = [
    (v: number) => v,
    (v: number) => -v,
    (v: number) => v * 2,
    (v: number) => v + 1,
    (v: number) => Math.abs(v),
  ];
  for (const g of others) for (let r = 0; r < 20; r++) callLoop(g)(x);
}

/** Measures `fn`: ns per call, the call included (vector functions: per element of a pass). */
export function measureCost(fn: ActivationFn): Cost {
  const x = costPoints();
  if (fn.pointwise) {
    warmCallSite(x);
    const { f, df } = fn.pointwise;
    return { f: steadyNsPerPoint(callLoop(f), x), df: steadyNsPerPoint(callLoop(df), x), together: false };
  }
  const both = steadyNsPerPoint((xs) => fn.evaluate(xs).y[0]!, x);
  return { f: both, df: both, together: true };
}
