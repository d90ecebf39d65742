/** Turns a spec string into a ready-to-evaluate ActivationFn. */
import { UsageError } from '../errors.js';
import { checkPoints, checkSpec } from './arguments.js';
import { requireEntry } from './catalog.js';
import { bindParams, labelFor } from './params.js';
import { expandSweeps, parseSpec } from './spec.js';
import { classifySpec } from './expr/classify.js';
import { expressionActivation } from './expr/expression.js';
import type { ActivationFn, CatalogEntry, Evaluation, Params, PointwiseKernel, VectorKernel } from './types.js';

function toFloat64(x: ArrayLike<number>): Float64Array {
  return x instanceof Float64Array ? x : Float64Array.from(x);
}

export function evaluatePointwise(kernel: PointwiseKernel, x: ArrayLike<number>): Evaluation {
  const n = x.length;
  const y = new Float64Array(n);
  const dy = new Float64Array(n);
  const { f, df } = kernel;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    y[i] = f(xi);
    dy[i] = df(xi);
  }
  return { y, dy };
}

export function evaluateVector(kernel: VectorKernel, x: ArrayLike<number>): Evaluation {
  const xs = toFloat64(x);
  const y = new Float64Array(xs.length);
  const dy = new Float64Array(xs.length);
  kernel.apply(xs, y, dy);
  return { y, dy };
}

/** Binds an entry to parameters; `spec` is kept for reports. */
export function instantiate(entry: CatalogEntry, params: Params, spec: string = labelFor(entry, params)): ActivationFn {
  const problem = entry.validate?.(params);
  if (problem !== undefined) throw new UsageError(`${entry.name}: ${problem}`);
  const kinks = entry.kinks(params);
  const label = labelFor(entry, params);
  if (entry.kind === 'pointwise') {
    const kernel = entry.kernel(params);
    return {
      spec,
      name: entry.name,
      label,
      params,
      entry,
      kinks,
      pointwise: kernel,
      evaluate: (x) => evaluatePointwise(kernel, x),
    };
  }
  const kernel = entry.kernel(params);
  return {
    spec,
    name: entry.name,
    label,
    params,
    entry,
    kinks,
    vector: kernel,
    evaluate: (x) => evaluateVector(kernel, x),
  };
}

/**
 * `GELU`, `GELU(approximate=tanh)`, `elu:alpha=0.5`, or an expression in x (`x*sigmoid(1.702*x)`),
 * optionally named `NAME=…` → an ActivationFn; bad specs throw UsageError. expr/classify.ts holds
 * the rule that tells specs and expressions apart.
 */
export function resolveSpec(spec: string): ActivationFn {
  const form = classifySpec(spec);
  if (form.kind === 'expression') return expressionActivation(spec, form);
  const parsed = parseSpec(spec.slice(form.start, form.end));
  const entry = requireEntry(parsed.name);
  const fn = instantiate(entry, bindParams(entry, parsed.args), spec);
  return form.name === undefined ? fn : { ...fn, name: form.name, label: form.name };
}

/** The most points `evaluate` takes at once: its two results then take 1.6 GB. */
export const MAX_EVALUATE_POINTS = 100_000_000;

/**
 * A spec with sweeps (`ELU(alpha=0.5|1|2)`) → one function per value, in order; each label names
 * the swept parameters even at their defaults (`ELU(alpha=1)`). Without sweeps: the one function.
 */
export function resolveSweep(spec: string): ActivationFn[] {
  const expanded = expandSweeps(spec);
  if (expanded.length === 1) return [resolveSpec(spec)];
  const form = classifySpec(spec);
  const swept =
    form.kind === 'catalog' && form.name === undefined
      ? parseSpec(spec.slice(form.start, form.end))
          .args.filter((a) => a.value.includes('|'))
          .map((a) => a.key.toLowerCase())
      : [];
  return expanded.map((one) => {
    const fn = resolveSpec(one);
    return fn.entry && swept.length ? { ...fn, label: labelFor(fn.entry, fn.params, swept) } : fn;
  });
}

/** Library entry point: values and derivatives of `spec` at `x` (arguments checked: UsageError). */
export function evaluate(spec: string, x: ArrayLike<number>): Evaluation {
  const points = checkPoints(x, 'x', MAX_EVALUATE_POINTS);
  return resolveSpec(checkSpec(spec)).evaluate(points);
}
