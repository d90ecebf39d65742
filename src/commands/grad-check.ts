/**
 * `actfn grad-check`: checks each function's analytic derivative against numerical
 * differentiation (and, with --against torch, against PyTorch's float64 autograd), with a report
 * a person can read and an exit code CI can use: 0 all pass, 1 anything failed, 2 usage error.
 */
import { UsageError } from '../errors.js';
import { catalog } from '../math/catalog.js';
import { checkFunction, DEFAULT_ATOL, DEFAULT_RTOL, type CheckOptions } from '../math/gradcheck/check.js';
import { DEFAULT_CHECK_STEP, defaultCheckGrid, rangeCheckGrid } from '../math/gradcheck/grid.js';
import { RICHARDSON, type DifferenceMethod } from '../math/gradcheck/numeric-derivative.js';
import { parseNumber } from '../math/numbers.js';
import { resolveSpec } from '../math/resolve.js';
import { expandSweeps } from '../math/spec.js';
import type { ActivationFn } from '../math/types.js';
import { gradCheckPassed, NO_EQUIVALENT, torchCheck, type GradCheckResult } from '../math/gradcheck/verdict.js';
import { gradCheckJSON, gradCheckPretty } from '../report/gradcheck-format.js';
import { fitMessage } from '../report/help-format.js';
import { CHECK_UNITS_PER_POINT, checkBudget, evaluationWeight } from './budget.js';
import { colorLevel, type CliIO } from './io.js';
import { parseInteger, parsePositive, refuseBeside } from './options.js';
import { outputWidth } from './output-width.js';
import { tablePoints } from './table.js';

/** Vector functions cost n² evaluations (one component moves at a time): beyond this, refuse. */
export const MAX_VECTOR_POINTS = 10_000;

export interface GradCheckOptions {
  all?: boolean;
  x?: string;
  range?: string;
  step?: string;
  atol?: string;
  rtol?: string;
  eps?: string;
  order?: string;
  json?: boolean;
  against?: string;
  verbose?: boolean;
  width?: string;
}

/** Where the points come from: --x exactly, a --range grid plus its kinks, or the default grid. */
export type PointChoice =
  | { readonly kind: 'default'; readonly step: number }
  | { readonly kind: 'range'; readonly grid: Float64Array }
  | { readonly kind: 'list'; readonly x: Float64Array };

export interface GradCheckSettings {
  readonly check: CheckOptions;
  readonly points: PointChoice;
  readonly json: boolean;
  readonly verbose: boolean;
  readonly againstTorch: boolean;
  /** --width as given (see outputWidth). */
  readonly width?: string;
}

function parseTolerance(text: string, option: string): number {
  const v = parseNumber(text, option);
  if (!(v >= 0)) throw new UsageError(`${option} ${text} must be 0 or more`);
  return v;
}

function parsePointChoice(opts: GradCheckOptions): PointChoice {
  if (opts.x !== undefined || opts.range !== undefined) {
    // table's parsing and messages; only the default step differs.
    const x = tablePoints({
      x: opts.x,
      range: opts.range,
      step: opts.range !== undefined ? (opts.step ?? String(DEFAULT_CHECK_STEP)) : opts.step,
    });
    return opts.x !== undefined ? { kind: 'list', x } : { kind: 'range', grid: x };
  }
  return { kind: 'default', step: opts.step === undefined ? DEFAULT_CHECK_STEP : parsePositive(opts.step, '--step') };
}

export function parseGradCheckOptions(opts: GradCheckOptions): GradCheckSettings {
  const order = parseInteger(opts.order ?? '1', '--order', 1, 2) as 1 | 2;
  const atol = parseTolerance(opts.atol ?? String(DEFAULT_ATOL), '--atol');
  const rtol = parseTolerance(opts.rtol ?? String(DEFAULT_RTOL), '--rtol');
  let method: DifferenceMethod = RICHARDSON;
  if (opts.eps !== undefined) method = { kind: 'central', eps: parsePositive(opts.eps, '--eps') };
  if (opts.against !== undefined && opts.against !== 'torch') {
    throw new UsageError(`--against '${opts.against}': the only reference is torch`);
  }
  if (opts.json) refuseBeside('--json', 'writes data, not a report', [['--width', opts.width]]);
  return {
    check: { order, atol, rtol, method },
    points: parsePointChoice(opts),
    json: opts.json === true,
    verbose: opts.verbose === true,
    againstTorch: opts.against === 'torch',
    ...(opts.width !== undefined ? { width: opts.width } : {}),
  };
}

/** The functions named on the command line, or every catalog entry with its defaults (--all). */
export function selectFunctions(specs: readonly string[], all: boolean | undefined): ActivationFn[] {
  if (all && specs.length > 0) throw new UsageError('give function specs or --all, not both');
  if (all) return catalog.map((entry) => resolveSpec(entry.name));
  if (specs.length === 0) throw new UsageError('name at least one function (e.g. actfn grad-check GELU), or use --all');
  return specs.flatMap(expandSweeps).map(resolveSpec);
}

export function pointsFor(fn: ActivationFn, s: GradCheckSettings): Float64Array {
  const p = s.points;
  const points =
    p.kind === 'list'
      ? p.x
      : p.kind === 'range'
        ? rangeCheckGrid(p.grid, fn.kinks, s.check.method)
        : defaultCheckGrid(fn.kinks, s.check.method, p.step);
  if (fn.vector && points.length > MAX_VECTOR_POINTS) {
    throw new UsageError(
      `${fn.label} acts on the whole vector, so checking it costs n² evaluations: at most ${MAX_VECTOR_POINTS} points (got ${points.length})`,
    );
  }
  return points;
}

/**
 * Compares each function with its torch equivalent (the catalog's `equivalents.torch`, a Python
 * expression), all in one python3 run; python3 is not started when no function has one.
 */
async function checkAgainstTorch(
  fns: readonly ActivationFn[],
  points: readonly Float64Array[],
  s: GradCheckSettings,
  env: CliIO['env'],
): Promise<GradCheckResult['torch']> {
  const expressions = fns.map((fn) => fn.entry?.equivalents.torch?.trim() || undefined);
  const sent = fns.flatMap((fn, i) => {
    const expression = expressions[i];
    return expression
      ? [
          {
            expression,
            params: fn.params,
            kind: fn.vector ? ('vector' as const) : ('pointwise' as const),
            points: points[i]!,
          },
        ]
      : [];
  });
  if (sent.length === 0) return { version: 'not run', checks: fns.map(() => NO_EQUIVALENT) };
  // The bridge (and node:child_process) only with --against torch.
  const { evaluateWithTorch } = await import('./torch-bridge.js');
  const response = await evaluateWithTorch({ order: s.check.order, functions: sent }, env);
  let next = 0;
  const checks = fns.map((fn, i) => {
    const expression = expressions[i];
    return expression ? torchCheck(fn, expression, points[i]!, response.results[next++]!, s.check) : NO_EQUIVALENT;
  });
  return { version: response.version, checks };
}

/** Budget units per point: differences of f′ (and of f″ at order 2); a vector function's Jacobian row. */
function checkUnitsPerPoint(fn: ActivationFn, n: number, s: GradCheckSettings): number {
  return evaluationWeight(fn) * CHECK_UNITS_PER_POINT * s.check.order * (fn.vector ? n : 1);
}

/** Checks `fns` and writes the report; resolves to the exit code. The CLI and the tests both come here. */
export async function runGradCheckOn(io: CliIO, fns: readonly ActivationFn[], s: GradCheckSettings): Promise<number> {
  const width = outputWidth(io.stdout, s.width);
  const points = fns.map((fn) => pointsFor(fn, s));
  checkBudget(
    fns.map((fn, i) => ({
      fn,
      points: points[i]!.length,
      unitsPerPoint: checkUnitsPerPoint(fn, points[i]!.length, s),
    })),
  );
  const reports = fns.map((fn, i) => checkFunction(fn, points[i]!, s.check));
  const torch = s.againstTorch ? await checkAgainstTorch(fns, points, s, io.env) : undefined;
  const result: GradCheckResult = { options: s.check, reports, ...(torch ? { torch } : {}) };
  const text = s.json
    ? gradCheckJSON(result)
    : await gradCheckPretty(result, { color: colorLevel(io.stdout, io.env), verbose: s.verbose, width });
  io.stdout.write(text);
  if (gradCheckPassed(result)) return 0;
  // The report is on stdout (or in the JSON); the verdict ends stderr in one line, as every error does.
  const count = (n: number) => `${n} point${n === 1 ? '' : 's'}`;
  const failed = reports.flatMap((r) => (r.status === 'fail' ? [`${r.fn.label} (${count(r.failures.length)})`] : []));
  const torchFailed = (torch?.checks ?? []).flatMap((t, i) =>
    t.status === 'fail' ? [`${fns[i]!.label} (${count(t.comparison?.mismatches.length ?? 0)})`] : [],
  );
  const parts = [
    ...(failed.length ? [`grad-check failed for ${failed.join(', ')}`] : []),
    ...(torchFailed.length ? [`differs from torch for ${torchFailed.join(', ')}`] : []),
  ];
  const hint = s.json || s.verbose ? '' : '; --verbose lists the failing points';
  const columns = io.stderr.isTTY ? io.stderr.columns || 80 : undefined;
  io.stderr.write(`${fitMessage(`actfn: ${parts.join('; ')}${hint}`, columns)}\n`);
  return 1;
}

export async function runGradCheck(io: CliIO, specs: string[], opts: GradCheckOptions): Promise<number> {
  // Specs first: an unknown name is the likelier mistake, and its message the more useful one.
  const fns = selectFunctions(specs, opts.all);
  return runGradCheckOn(io, fns, parseGradCheckOptions(opts));
}
