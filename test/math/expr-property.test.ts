/**
 * Property-based tests (fast-check) for expressions:
 *  - random strings and random token soups never throw anything but our UsageError;
 *  - forward-mode derivatives of random smooth expressions agree with finite differences;
 *  - expressions agree with the catalog where they coincide: every pointwise entry under a random
 *    affine argument (bit for bit, by the chain rule), and formulas such as x*sigmoid(x) = SiLU.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { catalog, findEntry } from '../../src/math/catalog.js';
import { resolveSpec } from '../../src/math/resolve.js';
import type { ActivationFn, Params, PointwiseEntry, PointwiseKernel } from '../../src/math/types.js';

const SEED = 20261122;

/** resolveSpec, where the only acceptable failure is a UsageError. */
function resolveOrUsageError(text: string): ActivationFn | undefined {
  try {
    return resolveSpec(text);
  } catch (err) {
    if (!(err instanceof UsageError)) throw new Error(`${JSON.stringify(text)} threw ${String(err)}`);
    expect(err.message.length).toBeGreaterThan(0);
    expect(err.message).not.toMatch(/\n/);
    return undefined;
  }
}

describe('random input never throws anything but a UsageError', () => {
  const probe = new Float64Array([-2, -0, 0.5, NaN, Infinity]);
  const check = (text: string) => {
    const fn = resolveOrUsageError(text);
    if (fn) {
      const { y, dy } = fn.evaluate(probe);
      expect(y.length + dy.length).toBe(2 * probe.length);
    }
  };
  it('arbitrary strings, any code point', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), check), { seed: SEED, numRuns: 2000 });
  });
  it('token soups that reach deep into the parser and binder', () => {
    const tokens = [
      'x',
      'x',
      'x',
      '(',
      '(',
      ')',
      ')',
      ',',
      '+',
      '-',
      '*',
      '/',
      '^',
      '**',
      '<',
      '>=',
      '==',
      '!=',
      '=',
      ' ',
      '1',
      '2.5',
      '1e-3',
      '0',
      '.5',
      'pi',
      'e',
      'sigmoid',
      'relu',
      'max',
      'min',
      'where',
      'clamp',
      'pow',
      'abs',
      'sign',
      'sqrt',
      'log',
      'exp',
      'erf',
      'leaky_relu',
      'negative_slope',
      'alpha',
      'ELU',
      'celu',
      'softmax',
      'gelu',
      'approximate',
      'tanh',
      'none',
      ':',
      '|',
      'Mine=',
      'inf',
      'nan',
      'rrelu',
      'lower',
      'upper',
      'softplus',
      'threshold',
      '#',
      '−',
      'π',
    ];
    const soup = fc.array(fc.constantFrom(...tokens), { maxLength: 30 }).map((t) => t.join(''));
    fc.assert(fc.property(soup, check), { seed: SEED, numRuns: 4000 });
  });
});

/** A random smooth expression in x, as text: compositions of smooth functions and arithmetic. */
const smoothExpression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'expr' },
    fc.constant('x'),
    fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true }).map((c) => `(${c})`),
    fc
      .tuple(
        fc.constantFrom('sin', 'cos', 'tanh', 'atan', 'sigmoid', 'erf', 'asinh', 'softplus', 'mish', 'logsigmoid'),
        tie('e'),
      )
      .map(([f, a]) => `${f}(${a})`),
    tie('e').map((a) => `exp(-(${a})^2)`),
    tie('e').map((a) => `sqrt(1 + (${a})^2)`),
    tie('e').map((a) => `log1p((${a})^2)`),
    tie('e').map((a) => `(${a})^3`),
    tie('e').map((a) => `-(${a})`),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a}) / (1 + (${b})^2)`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(2 + sin(${b}))^(${a})`),
  ),
})).e;

/** Central difference refined once by Richardson extrapolation; undefined when it is not stable. */
function numericDerivative(g: (x: number) => number, x: number): number | undefined {
  const h = 1e-3 * Math.max(1, Math.abs(x));
  const d = (s: number) => (g(x + s) - g(x - s)) / (2 * s);
  const coarse = (4 * d(h / 2) - d(h)) / 3;
  const fine = (4 * d(h / 4) - d(h / 2)) / 3;
  if (!Number.isFinite(coarse) || !Number.isFinite(fine)) return undefined;
  if (Math.abs(coarse - fine) > 1e-7 * Math.max(1, Math.abs(fine))) return undefined;
  return fine;
}

describe('forward-mode AD agrees with finite differences', () => {
  const point = fc.double({ min: -3, max: 3, noNaN: true });
  /**
   * The derivative `analytic` of `base` (f′ of f, or f″ of f′) against differences of `base`, for
   * random smooth expressions at random points; counts the points where the check applied.
   */
  function againstDifferences(
    pick: (k: PointwiseKernel) => [analytic: ((x: number) => number) | undefined, base: (x: number) => number],
    numRuns: number,
  ): number {
    let checked = 0;
    fc.assert(
      fc.property(smoothExpression, point, (text, x) => {
        const [analytic, base] = pick(resolveSpec(text).pointwise!);
        if (!analytic) return; // a catalog function without f″
        const value = analytic(x);
        const numeric = numericDerivative(base, x);
        if (numeric === undefined || !Number.isFinite(value) || Math.abs(base(x)) > 1e8) return;
        checked++;
        expect(Math.abs(value - numeric), `${text} at x=${x}: ${value} vs ${numeric}`).toBeLessThanOrEqual(
          1e-6 * Math.max(1, Math.abs(numeric)),
        );
      }),
      { seed: SEED, numRuns },
    );
    return checked;
  }
  it('f′ of random smooth expressions', () => {
    expect(againstDifferences((k) => [k.df, k.f], 600)).toBeGreaterThan(400);
  });
  it('f″ of random smooth expressions (against differences of f′)', () => {
    expect(againstDifferences((k) => [k.d2, k.df], 400)).toBeGreaterThan(100);
  });
  it('f′ of piecewise expressions away from their kinks (switch points affine, so all are found)', () => {
    const piecewise = fc.tuple(
      fc.constantFrom(
        'max(x, {a}*x + {b})',
        'min(2*x, {a}*x + {b})*x',
        'abs({a}*x + {b})*x',
        'where(x > {b}, x^2, {a}*x)',
        'clamp({a}*x, -1, {b})*x',
        'relu({a}*x + {b})^2',
      ),
      fc.double({ min: -2, max: 2, noNaN: true }),
      fc.double({ min: -2, max: 2, noNaN: true }),
      point,
    );
    fc.assert(
      fc.property(piecewise, ([template, a, b, x]) => {
        const fn = resolveSpec(template.replaceAll('{a}', `(${a})`).replaceAll('{b}', `(${Math.max(b, -0.999)})`));
        if (fn.kinks.some((k) => Math.abs(k.x - x) < 1e-2 * Math.max(1, Math.abs(x)))) return;
        const numeric = numericDerivative(fn.pointwise!.f, x);
        if (numeric === undefined) return;
        expect(Math.abs(fn.pointwise!.df(x) - numeric)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(numeric)));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

const pointwiseEntries = catalog.filter((e): e is PointwiseEntry => e.kind === 'pointwise');
const defaults = (e: PointwiseEntry): Params => Object.fromEntries(e.params.map((p) => [p.name, p.default]));

describe('expressions agree with the catalog where they coincide', () => {
  it('every pointwise entry under a random affine argument: f(a·x+b) and a·f′(a·x+b), bit for bit', () => {
    const cases = fc.tuple(
      fc.constantFrom(...pointwiseEntries),
      fc.double({ min: -4, max: 4, noNaN: true }).filter((a) => a !== 0),
      fc.double({ min: -4, max: 4, noNaN: true }).map((b) => (b === 0 ? 0 : b)), // the text of −0 is "0"
      fc.oneof(fc.double({ min: -30, max: 30, noNaN: true }), fc.constantFrom(0, -0, 1e-300, 700, -700)),
    );
    fc.assert(
      fc.property(cases, ([entry, a, b, x]) => {
        const alias = entry.aliases[0] ?? entry.name;
        const fn = resolveSpec(`${alias}(${a}*x + ${b})`);
        const kernel = entry.kernel(defaults(entry));
        const u = a * x + b;
        const { y, dy } = fn.evaluate([x]);
        expect(y[0], `${entry.name} at ${u}`).toBe(kernel.f(u));
        expect(dy[0], `${entry.name}′ at ${u}`).toBe(kernel.df(u) * a);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  /**
   * [expression, catalog spec, x range, switch points of the expression that kink analysis cannot
   * see]: the same function written twice. CELU's formula ties min(0, 2·expm1(x/2)) wherever x/2
   * underflows to 0, so its f′ there is torch.minimum's split, not CELU's.
   */
  const identities: [string, string, [number, number], number[]?][] = [
    ['x*sigmoid(x)', 'SiLU', [-30, 30]],
    ['x*sigmoid(1.702*x)', 'GELU(approximate=sigmoid)', [-30, 30]],
    ['x*sigmoid(0.75*x)', 'Swish(beta=0.75)', [-30, 30]],
    ['max(0, x)', 'ReLU', [-30, 30]],
    ['where(x > 0, x, 0.05*x)', 'LeakyReLU(negative_slope=0.05)', [-30, 30]],
    ['where(x > 0, x, 0.7*expm1(x))', 'ELU(alpha=0.7)', [-30, 30]],
    ['max(0, x) + min(0, 2*expm1(x/2))', 'CELU(alpha=2)', [-30, 30], [0]],
    ['1/(1 + exp(-x))', 'Sigmoid', [-30, 30]],
    ['x/(1 + abs(x))', 'Softsign', [-30, 30]],
    ['min(max(0, x), 6)', 'ReLU6', [-30, 30]],
    ['clamp(x, -1, 1)', 'Hardtanh', [-30, 30]],
    ['clamp(x/6 + 1/2, 0, 1)', 'Hardsigmoid', [-30, 30]],
    ['x*clamp(x + 3, 0, 6)/6', 'Hardswish', [-30, 30]],
    ['log1p(exp(2*x))/2', 'Softplus(beta=2)', [-30, 9]],
    ['x*tanh(log1p(exp(x)))', 'Mish', [-30, 30]],
    ['-log1p(exp(-x))', 'LogSigmoid', [-30, 30]],
    ['(x + sqrt(x^2 + 4))/2', 'Squareplus', [-3, 30]],
    ['exp(x)', 'Exponential', [-30, 30]],
    ['tanh(x)', 'Tanh', [-30, 30]],
    ['x - tanh(x)', 'Tanhshrink', [0.5, 30]],
    ['0.5*x*(1+tanh(sqrt(2/pi)*(x+0.044715*x^3)))', 'GELU(approximate=tanh)', [-3, 30]],
    ['x/2*erfc(-x/sqrt(2))', 'GELU', [-5, 30]],
  ];
  for (const [expression, spec, [lo, hi], hidden = []] of identities) {
    const name = /^[A-Za-z]+/.exec(spec)![0];
    const run = findEntry(name) ? it : it.skip;
    run(`${expression} = ${spec} (f and, away from kinks, f′)`, () => {
      const mine = resolveSpec(expression);
      const theirs = resolveSpec(spec);
      const kinks = [...theirs.kinks, ...mine.kinks].map((k) => k.x).concat(hidden);
      fc.assert(
        fc.property(fc.double({ min: lo, max: hi, noNaN: true }), (x) => {
          const [f, df] = [mine.pointwise!.f(x), mine.pointwise!.df(x)];
          const [g, dg] = [theirs.pointwise!.f(x), theirs.pointwise!.df(x)];
          // Rounding of the formula as written: a few ulp, more where it cancels (1 + tanh(u) for u < 0).
          const tol = (v: number) => 1e-12 * Math.max(Math.abs(v), 1e-300) + 1e-300;
          expect(Math.abs(f - g), `f at ${x}: ${f} vs ${g}`).toBeLessThanOrEqual(tol(g) + 1e-15 * Math.abs(x));
          if (kinks.every((k) => Math.abs(k - x) > 1e-9)) {
            expect(Math.abs(df - dg), `f′ at ${x}: ${df} vs ${dg}`).toBeLessThanOrEqual(tol(dg) + 1e-15);
          }
        }),
        { seed: SEED, numRuns: 300 },
      );
    });
  }

  it('at a tie the conventions differ where the functions do: max(0,x)′(0) = 0.5 (torch.maximum), ReLU′(0) = 0', () => {
    expect(resolveSpec('max(0, x)').pointwise!.df(0)).toBe(0.5);
    expect(resolveSpec('ReLU').pointwise!.df(0)).toBe(0);
    expect(resolveSpec('where(x > 0, x, 0)').pointwise!.df(0)).toBe(0);
  });
});
