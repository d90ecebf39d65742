/**
 * The math functions of one argument that expressions may call, each with f, f′ and f″ (forward-mode
 * AD composes them by the chain rule). Derivatives are written in forms that keep full relative
 * accuracy in the tails (tanh′ = sech², not 1 − tanh², which is 0 at x = 40). Conventions at
 * corners follow PyTorch's backward passes: abs′(0) = 0, sign′ = 0.
 */
import { corner, jump } from '../define.js';
import type { Kink } from '../types.js';
import { erf, erfc } from './erf-source.js';

/** A function of one argument, ready for the chain rule. Catalog entries are turned into these too. */
export interface UnaryRule {
  /** As the user knows it (`tanh`, or a catalog entry's canonical name). */
  readonly name: string;
  readonly f: (a: number) => number;
  readonly df: (a: number) => number;
  /** f″; absent when unknown (a catalog entry without d2), which disables second derivatives. */
  readonly d2?: (a: number) => number;
  /** Corners and jumps, in the coordinates of the argument. */
  readonly kinks: readonly Kink[];
}

const TWO_OVER_SQRT_PI = 1.1283791670955126;

/** sech²(a) = 4u²/(1+u²)² with u = e^−|a|: no cancellation, no overflow. */
function sech2(a: number): number {
  const u = Math.exp(-Math.abs(a));
  const s = (2 * u) / (1 + u * u);
  return s * s;
}

/** 0 for finite or infinite a, NaN for NaN: the derivative of a piecewise-constant function. */
const flat = (a: number): number => (a === a ? 0 : NaN);

function rule(
  name: string,
  f: UnaryRule['f'],
  df: UnaryRule['df'],
  d2: UnaryRule['d2'],
  kinks: readonly Kink[] = [],
): UnaryRule {
  return { name, f, df, d2, kinks };
}

const RULES: readonly UnaryRule[] = [
  rule('exp', Math.exp, Math.exp, Math.exp),
  rule('expm1', Math.expm1, Math.exp, Math.exp),
  rule(
    'log',
    Math.log,
    (a) => 1 / a,
    (a) => -1 / (a * a),
  ),
  rule(
    'log1p',
    Math.log1p,
    (a) => 1 / (1 + a),
    (a) => -1 / ((1 + a) * (1 + a)),
  ),
  rule(
    'log2',
    Math.log2,
    (a) => 1 / (a * Math.LN2),
    (a) => -1 / (a * a * Math.LN2),
  ),
  rule(
    'log10',
    Math.log10,
    (a) => 1 / (a * Math.LN10),
    (a) => -1 / (a * a * Math.LN10),
  ),
  rule(
    'sqrt',
    Math.sqrt,
    (a) => 0.5 / Math.sqrt(a),
    (a) => -0.25 / (a * Math.sqrt(a)),
  ),
  rule(
    'cbrt',
    Math.cbrt,
    (a) => 1 / (3 * Math.cbrt(a) ** 2),
    (a) => -2 / (9 * a * Math.cbrt(a) ** 2),
  ),
  // torch: abs′(0) = sgn(0) = 0; sign′ = 0 everywhere (its backward is zeros). For NaN we give NaN
  // (torch 1.13 gives sign(NaN) = 0 and abs′(NaN) = 0).
  rule('abs', Math.abs, (a) => (a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : NaN), flat, [corner(0, -1, 1, 0)]),
  rule('sign', (a) => (a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : NaN), flat, flat, [jump(0, 0, 0, 0)]),
  rule('sin', Math.sin, Math.cos, (a) => -Math.sin(a)),
  rule(
    'cos',
    Math.cos,
    (a) => -Math.sin(a),
    (a) => -Math.cos(a),
  ),
  rule(
    'tan',
    Math.tan,
    (a) => 1 + Math.tan(a) ** 2,
    (a) => {
      const t = Math.tan(a);
      return 2 * t * (1 + t * t);
    },
  ),
  rule(
    'asin',
    Math.asin,
    (a) => 1 / Math.sqrt((1 - a) * (1 + a)),
    (a) => a / ((1 - a) * (1 + a)) ** 1.5,
  ),
  rule(
    'acos',
    Math.acos,
    (a) => -1 / Math.sqrt((1 - a) * (1 + a)),
    (a) => -a / ((1 - a) * (1 + a)) ** 1.5,
  ),
  rule(
    'atan',
    Math.atan,
    (a) => 1 / (1 + a * a),
    (a) => (-2 * a) / (1 + a * a) ** 2,
  ),
  rule('sinh', Math.sinh, Math.cosh, Math.sinh),
  rule('cosh', Math.cosh, Math.sinh, Math.cosh),
  rule('tanh', Math.tanh, sech2, (a) => -2 * Math.tanh(a) * sech2(a)),
  rule(
    'asinh',
    Math.asinh,
    (a) => 1 / Math.hypot(1, a),
    (a) => -a / Math.hypot(1, a) ** 3,
  ),
  rule(
    'acosh',
    Math.acosh,
    (a) => 1 / Math.sqrt((a - 1) * (a + 1)),
    (a) => -a / ((a - 1) * (a + 1)) ** 1.5,
  ),
  rule(
    'atanh',
    Math.atanh,
    (a) => 1 / ((1 - a) * (1 + a)),
    (a) => (2 * a) / ((1 - a) * (1 + a)) ** 2,
  ),
  rule(
    'erf',
    erf,
    (a) => TWO_OVER_SQRT_PI * Math.exp(-a * a),
    (a) => -2 * a * TWO_OVER_SQRT_PI * Math.exp(-a * a),
  ),
  rule(
    'erfc',
    erfc,
    (a) => -TWO_OVER_SQRT_PI * Math.exp(-a * a),
    (a) => 2 * a * TWO_OVER_SQRT_PI * Math.exp(-a * a),
  ),
];

/** Math functions of one argument by name (lower case). */
export const unaryFunctions: ReadonlyMap<string, UnaryRule> = new Map(RULES.map((r) => [r.name, r]));
