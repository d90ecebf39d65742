/**
 * Relative cost of a function: measured nanoseconds per evaluation of f and of f′, for the
 * properties table. A measurement, so it varies a little from run to run (and with the load of the
 * machine); it is meant for comparing functions in the same run.
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

/** Best time per call (ns) of `run` over `x`, repeated for about `budgetMs`. */
function bestNsPerPoint(run: (x: Float64Array) => number, x: Float64Array, budgetMs: number): number {
  run(x); // warm-up: let the JIT see the kernel
  let best = Infinity;
  const end = performance.now() + budgetMs;
  do {
    const t0 = process.hrtime.bigint();
    run(x);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / x.length);
  } while (performance.now() < end);
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
  const others = [(v: number) => v, (v: number) => -v, (v: number) => v * 2, (v: number) => v + 1, (v: number) => Math.abs(v)];
  for (const g of others) for (let r = 0; r < 20; r++) callLoop(g)(x);
}

/** Measures `fn` for about 2 × `budgetMs`: ns per call, the call included. */
export function measureCost(fn: ActivationFn, budgetMs = 15): Cost {
  const x = costPoints();
  if (fn.pointwise) {
    warmCallSite(x);
    const { f, df } = fn.pointwise;
    return { f: bestNsPerPoint(callLoop(f), x, budgetMs), df: bestNsPerPoint(callLoop(df), x, budgetMs), together: false };
  }
  const both = bestNsPerPoint((xs) => fn.evaluate(xs).y[0]!, x, 2 * budgetMs);
  return { f: both, df: both, together: true };
}
