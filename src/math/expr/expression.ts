/**
 * An expression in x as an ActivationFn: parsed, bound and compiled once; f, f′ (and f″ when every
 * function called has one) by forward-mode automatic differentiation, exact to rounding.
 */
import type { ActivationFn, Evaluation, PointwiseKernel } from '../types.js';
import { bindExpression } from './bind.js';
import { classifySpec, type SpecForm } from './classify.js';
import { compile, valueFunction, type Program } from './compile.js';
import { hasSecondDerivative, type Expr } from './ir.js';
import { findKinks } from './kinks.js';
import { parseExpression } from './parser.js';

export interface CompiledExpression {
  readonly expr: Expr;
  readonly kernel: PointwiseKernel;
  /** Order-1 program: after `run(x)`, f(x) is in `v[slot]` and f′(x) in `d1[slot]`. */
  readonly jet: Program;
}

/** Parses, binds and compiles `text[from, to)`; errors name columns of the whole of `text`. */
export function compileExpression(text: string, from = 0, to = text.length): CompiledExpression {
  const expr = bindExpression(parseExpression(text, from, to), text);
  const jet = compile(expr, 1);
  const { run, d1, slot } = jet;
  const df = (x: number): number => {
    run(x);
    return d1[slot]!;
  };
  let kernel: PointwiseKernel = { f: valueFunction(expr), df };
  if (hasSecondDerivative(expr)) {
    const second = compile(expr, 2);
    const d2 = (x: number): number => {
      second.run(x);
      return second.d2[second.slot]!;
    };
    kernel = { ...kernel, d2 };
  }
  return { expr, kernel, jet };
}

/** f and f′ at every point in one pass of the order-1 program. */
function evaluateJet({ run, v, d1, slot }: Program, x: ArrayLike<number>): Evaluation {
  const n = x.length;
  const y = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    run(x[i]!);
    y[i] = v[slot]!;
    dy[i] = d1[slot]!;
  }
  return { y, dy };
}

/**
 * The ActivationFn of an expression spec such as `x*sigmoid(1.702*x)` or `MySwish=x*sigmoid(1.5*x)`:
 * named by the given name or by the expression text itself, no parameters.
 */
export function expressionActivation(spec: string, form: SpecForm = classifySpec(spec)): ActivationFn {
  const compiled = compileExpression(spec, form.start, form.end);
  const expression = spec.slice(form.start, form.end);
  const name = form.name ?? expression;
  const kinks = findKinks(compiled.expr, compiled.kernel);
  return {
    spec,
    name,
    label: name,
    params: {},
    expression,
    kinks,
    pointwise: compiled.kernel,
    evaluate: (x) => evaluateJet(compiled.jet, x),
  };
}
