/**
 * `actfn propagate`: mean-field signal propagation through a deep random network — q_l and the
 * gradient scale by layer, the fixed point and χ₁ — optionally measured in a simulated random MLP
 * (--monte-carlo). JSON, an image or a terminal chart, and a summary table.
 */
import { UsageError } from '../errors.js';
import { fixedPoint } from '../math/network/fixed-point.js';
import { moments } from '../math/network/moments.js';
import { depthProfile } from '../math/network/profile.js';
import { MAX_DEPTH, MAX_WIDTH, randomMlp } from '../math/network/random-mlp.js';
import { parseNumber } from '../math/numbers.js';
import type { ActivationFn } from '../math/types.js';
import { propagateChart } from '../chart/network-charts.js';
import { propagateJSON, propagateTable, type PropagateResult } from '../report/propagate-format.js';
import { chartTargetUnlessJson, emitChart, type ChartOptions } from './chart-output.js';
import { colorLevel, type CliIO } from './io.js';
import { asUsage, functionsOf, tableWidth } from './network-specs.js';
import { parseInteger } from './options.js';
import { progressBar } from './progress.js';

export interface PropagateOptions extends ChartOptions {
  depth?: string;
  sigmaW?: string;
  sigmaB?: string;
  q0?: string;
  monteCarlo?: boolean;
  width?: string;
  seed?: string;
  json?: boolean;
  quiet?: boolean;
  all?: boolean;
}

/** Weights in the simulated network (width² × depth): about a minute of CPU at the limit. */
export const MAX_WEIGHTS = 2 ** 30;

/** A non-negative finite number. */
export function parseNonNegative(text: string, option: string): number {
  const v = parseNumber(text, option);
  if (!(v >= 0)) throw new UsageError(`${option} ${text} must be 0 or more`);
  return v;
}

interface Settings {
  readonly depth: number;
  /** undefined: each function's own gain. */
  readonly sigmaW?: number;
  readonly sigmaB: number;
  readonly q0: number;
  readonly mc?: { readonly width: number; readonly seed: number };
}

function settingsOf(opts: PropagateOptions): Settings {
  if (!opts.monteCarlo && (opts.width !== undefined || opts.seed !== undefined)) {
    throw new UsageError(
      `${opts.width !== undefined ? '--width' : '--seed'} goes with --monte-carlo (the simulated network)`,
    );
  }
  const depth = parseInteger(opts.depth ?? '50', '--depth', 1, MAX_DEPTH);
  const w = opts.sigmaW ?? 'gain';
  const sigmaW = w.trim().toLowerCase() === 'gain' ? undefined : parseNonNegative(w, '--sigma-w');
  const sigmaB = parseNonNegative(opts.sigmaB ?? '0', '--sigma-b');
  const q0 = opts.q0 === undefined ? 1 : parseNumber(opts.q0, '--q0');
  if (!(q0 > 0)) throw new UsageError(`--q0 ${opts.q0} must be greater than 0 (the input's variance)`);
  const mc = opts.monteCarlo
    ? {
        width: parseInteger(opts.width ?? '512', '--width', 1, MAX_WIDTH),
        seed: parseInteger(opts.seed ?? '0', '--seed', 0, Number.MAX_SAFE_INTEGER),
      }
    : undefined;
  if (mc && mc.width * mc.width * depth > MAX_WEIGHTS) {
    throw new UsageError(
      `--width ${mc.width} with --depth ${depth} simulates ${mc.width * mc.width * depth} weights; the limit is ${MAX_WEIGHTS} (about a minute)`,
    );
  }
  return { depth, ...(sigmaW !== undefined ? { sigmaW } : {}), sigmaB, q0, ...(mc ? { mc } : {}) };
}

function computeOne(fn: ActivationFn, s: Settings, step: (done: number) => void): PropagateResult {
  // Default σw: the function's gain at the input's variance, so that q_0 is kept by the first layer.
  const sigmaW = s.sigmaW ?? moments(fn, 0, s.q0).gain * Math.sqrt(s.q0);
  if (!Number.isFinite(sigmaW)) {
    throw new UsageError(`${fn.label} has E[f(z)²] = 0 under N(0, ${s.q0}), so no gain keeps q; give --sigma-w`);
  }
  const init = { sigmaW2: sigmaW * sigmaW, sigmaB2: s.sigmaB * s.sigmaB };
  const theory = depthProfile(fn, init, s.depth, s.q0);
  const fp = fixedPoint(fn, init, s.q0);
  const monteCarlo = s.mc
    ? {
        ...randomMlp(fn, { ...init, width: s.mc.width, depth: s.depth, seed: s.mc.seed, q0: s.q0, onLayer: step }),
        ...s.mc,
      }
    : undefined;
  return {
    fn,
    sigmaW,
    sigmaB: s.sigmaB,
    q0: s.q0,
    depth: s.depth,
    fixedPoint: fp,
    theory,
    ...(monteCarlo ? { monteCarlo } : {}),
  };
}

export async function runPropagate(io: CliIO, specs: string[], opts: PropagateOptions): Promise<number> {
  const s = settingsOf(opts);
  const target = chartTargetUnlessJson(io, opts, 'propagate');
  const fns = functionsOf(io, specs, opts.all);
  const bar = progressBar(io.stderr, s.mc ? fns.length * 2 * s.depth : 0);
  const results: PropagateResult[] = [];
  for (const fn of fns) {
    let last = 0;
    results.push(
      asUsage(() =>
        computeOne(fn, s, (done) => {
          for (; last < done; last++) bar.step(fn.label);
        }),
      ),
    );
  }
  bar.done();
  if (opts.json) {
    io.stdout.write(propagateJSON(results));
    return 0;
  }
  const curves = results.map((r) => ({
    label: r.fn.label,
    q: r.theory.q,
    gradient: r.theory.gradient,
    ...(r.monteCarlo ? { measured: { q: r.monteCarlo.q, gradient: r.monteCarlo.gradient } } : {}),
  }));
  const stream = await emitChart(io, propagateChart(curves, target!.look), target!);
  if (!opts.quiet) stream.write(await propagateTable(results, colorLevel(stream, io.env), tableWidth(stream)));
  return 0;
}
