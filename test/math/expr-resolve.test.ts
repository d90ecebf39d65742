/**
 * Expressions through resolveSpec: the spec-or-expression decision, NAME=, keyword parameters of
 * catalog calls (bound and validated like specs), kinks found under affine arguments, and errors.
 */
import { describe, expect, it } from 'vitest';
import { classifySpec } from '../../src/math/expr/classify.js';
import { expandSweeps } from '../../src/math/spec.js';
import { evaluate, resolveSpec } from '../../src/math/resolve.js';
import { usageMessage } from '../support/usage-error.js';

const errorOf = (text: string) => usageMessage(() => resolveSpec(text));

describe('catalog spec or expression: one rule, no ambiguity', () => {
  it.each([
    'ReLU',
    'leaky_relu',
    'LeakyReLU(negative_slope=0.1)',
    'leaky_relu:negative_slope=0.2',
    'ELU(alpha=0.5)',
    'elu:alpha=1',
    'Softplus(beta=2, threshold=inf)',
    'ELU(alpha=0.5|1)',
    'Sigmoid()',
    'GELU',
    'Gelu(approximate=tanh)',
    'Sigmod',
    '',
  ])('stays a catalog spec: %s', (text) => {
    expect(classifySpec(text).kind).toBe('catalog');
  });
  it.each([
    'x',
    'pi',
    '2',
    '-x',
    'x*sigmoid(x)',
    'max(0,x)',
    'sigmoid(relu(x))',
    'relu(x)',
    'gelu(2*x, approximate=tanh)',
    'elu(x, alpha=0.5)',
    'sin',
    'sin()',
    'x^2',
    'exp(x) - 1',
    '(x)',
    'relu(x)+relu(-x)',
    'where(x > 0, x, 0)',
  ])('is an expression: %s', (text) => {
    expect(classifySpec(text).kind).toBe('expression');
  });
  it('resolves catalog specs to their entries and expressions to none', () => {
    expect(resolveSpec('LeakyReLU(negative_slope=0.1)').entry?.name).toBe('LeakyReLU');
    expect(resolveSpec('elu:alpha=1').entry?.name).toBe('ELU');
    const fn = resolveSpec('leaky_relu(x, negative_slope=0.1)');
    expect(fn.entry).toBeUndefined();
    expect(fn.params).toEqual({});
    expect(fn.name).toBe('leaky_relu(x, negative_slope=0.1)');
  });
  it("an unknown bare name still gets the catalog's suggestions", () => {
    expect(errorOf('Sigmod')).toMatch(/^unknown function 'Sigmod'; did you mean Sigmoid/);
  });
  it('a math function named alone is pointed at its call', () => {
    expect(errorOf('sin')).toBe("'sin' at column 1 is a function: call it, e.g. sin(x)");
  });
});

describe('NAME=expr', () => {
  it('names an expression for legends, tables and files', () => {
    const fn = resolveSpec('MySwish=x*sigmoid(1.5*x)');
    expect([fn.name, fn.label, fn.spec, fn.expression]).toEqual([
      'MySwish',
      'MySwish',
      'MySwish=x*sigmoid(1.5*x)',
      'x*sigmoid(1.5*x)',
    ]);
    const plain = resolveSpec('  x*sigmoid(1.5*x) ');
    expect(plain.name).toBe('x*sigmoid(1.5*x)');
    expect(Array.from(fn.evaluate([0.7, -2]).y)).toEqual(Array.from(plain.evaluate([0.7, -2]).y));
  });
  it('names a catalog spec too', () => {
    const fn = resolveSpec('gentle=LeakyReLU(negative_slope=0.3)');
    expect([fn.name, fn.label, fn.entry?.name]).toEqual(['gentle', 'gentle', 'LeakyReLU']);
  });
  it('refuses a catalog name and an empty body; x = … is not a name', () => {
    expect(errorOf('ReLU=max(0,x)')).toBe("the name 'ReLU' is the catalog's ReLU; choose another for 'ReLU=max(0,x)'");
    expect(errorOf('Mine=')).toBe("'Mine=' names nothing: put an expression after '=', e.g. Mine=x*sigmoid(x)");
    expect(errorOf('x=2')).toMatch(/^unexpected '=' at column 2/);
  });
});

describe('catalog calls inside expressions', () => {
  it("use the catalog's f and f′ by the chain rule, conventions included", () => {
    const { y, dy } = evaluate('leaky_relu(3*x, negative_slope=0.2)', [-1, 0, 2]);
    expect(Array.from(y)).toEqual([-3 * 0.2, 0, 6]);
    expect(Array.from(dy)).toEqual([3 * 0.2, 3 * 0.2, 3]);
  });
  it('take keyword parameters case-insensitively, with fractions and constant arithmetic', () => {
    expect(evaluate('leaky_relu(x, NEGATIVE_SLOPE=1/8)', [-1]).y[0]).toBe(-0.125);
    expect(evaluate('leaky_relu(x, negative_slope=-2*pi)', [-1]).y[0]).toBe(2 * Math.PI);
    expect(evaluate('ELU(x, alpha = 2)', [-1]).y[0]).toBeCloseTo(2 * Math.expm1(-1), 15);
  });
  it('validate parameters like specs do, naming the column', () => {
    expect(errorOf('leaky_relu(x, slope=0.2)')).toBe(
      "unknown keyword parameter 'slope' at column 15 (LeakyReLU takes negative_slope)",
    );
    expect(errorOf('elu(x, alpah=2)')).toBe(
      "unknown keyword parameter 'alpah' at column 8; did you mean 'alpha'? (ELU takes alpha)",
    );
    expect(errorOf('relu(x, alpha=2)')).toBe("unknown keyword parameter 'alpha' at column 9: ReLU takes no parameters");
    expect(errorOf('celu(x, alpha=0)')).toBe('CELU alpha=0 is out of range (valid: 0 < alpha) (at column 9)');
    expect(errorOf('elu(x, alpha=2, alpha=3)')).toBe("keyword parameter 'alpha' at column 17 is given twice");
    expect(errorOf('elu(x, alpha=x)')).toBe(
      "keyword parameter 'alpha' at column 8 must be a constant (it may not depend on x)",
    );
    expect(errorOf('sin(x, base=2)')).toBe("sin takes no keyword parameters (got 'base' at column 8)");
    expect(errorOf('rrelu(x, lower=0.5, upper=0.1)')).toMatch(/^RReLU: .*lower.*upper.*\(at column 1\)$/);
  });
  it('take one input; parameters go by keyword', () => {
    expect(errorOf('leaky_relu(x, 0.2)')).toBe(
      'too many arguments at column 15: leaky_relu takes one input; parameters go by keyword, e.g. leaky_relu(x, negative_slope=0.01)',
    );
  });
  it('refuse vector entries, which are not pointwise', () => {
    expect(errorOf('softmax(x)*2')).toBe(
      'Softmax at column 1 acts on the whole vector of points, not point by point, so it cannot be used inside an expression (use it on its own: actfn table Softmax)',
    );
  });
});

describe('other errors', () => {
  it.each([
    ['y + 1', "unknown name 'y' at column 1; the variable is x and the constants are pi and e"],
    ['sigmoid + 1', "'sigmoid' at column 1 is a function: call it, e.g. sigmoid(x)"],
    ['x > 0', "comparison '>' at column 3 can only be the condition of where(cond, a, b), e.g. where(x > 0, x, 0)"],
    ['where(x, 1, 0)', 'the first argument of where at column 1 must be a comparison, e.g. where(x > 0, x, 0)'],
    ['clamp(x, 0, x)', 'the bounds of clamp at column 1 must be constants (they may not depend on x)'],
    ['clamp(x, 1, 0)', 'clamp at column 1: the lower bound 1 is above the upper bound 0'],
    ['x*qqqqqq(x)', "unknown function 'qqqqqq' at column 3; run `actfn list` for the catalog"],
  ])('%s', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });
});

describe('kinks, so that plots stay sharp', () => {
  const kinksOf = (text: string) => resolveSpec(text).kinks.map((k) => ({ ...k }));
  it('maps a catalog kink through an affine argument: relu(1.702*x - 1) at x = 1/1.702', () => {
    expect(kinksOf('relu(1.702*x - 1)')).toEqual([{ x: 1 / 1.702, dy: 0, left: 0, right: 1.702, jump: false }]);
  });
  it('finds the switch of max/min, abs and where with affine operands', () => {
    expect(kinksOf('max(x, 2 - x)')).toEqual([{ x: 1, dy: 0, left: -1, right: 1, jump: false }]);
    expect(kinksOf('abs(3*x + 1)').map((k) => [k.x, k.dy, k.left, k.right])).toEqual([[-1 / 3, 0, -3, 3]]);
    expect(kinksOf('where(x > 2, 1, x)')).toEqual([{ x: 2, dy: 1, left: 1, right: 0, jump: true }]);
    expect(kinksOf('sign(x/2)')).toEqual([{ x: 0, dy: 0, left: 0, right: 0, jump: true }]);
    expect(kinksOf('clamp(x, -1, 1)').map((k) => [k.x, k.dy, k.left, k.right])).toEqual([
      [-1, 1, 0, 1],
      [1, 1, 1, 0],
    ]);
  });
  it('lists them in order, once each, and drops those where f′ does not change', () => {
    expect(kinksOf('relu(x) + relu(x) + abs(x - 1)').map((k) => k.x)).toEqual([0, 1]);
    // where() takes relu(x + 1) for x ≤ 0, so its kink at −1 stays; abs(x + 3) only for x > 0, so −3 goes.
    expect(kinksOf('where(x > 0, abs(x + 3) - 3, relu(x + 1))').map((k) => [k.x, k.jump])).toEqual([
      [-1, false],
      [0, true],
    ]);
    expect(kinksOf('where(x > 0, 2*x, 2*x)')).toEqual([]);
  });
  it('are none for smooth expressions', () => {
    expect(kinksOf('x*sigmoid(1.702*x)')).toEqual([]);
    expect(kinksOf('relu(x^2)')).toEqual([]); // touches 0 without a corner
  });
  it('are searched for under non-affine arguments, to adjacent doubles', () => {
    const near = (k: { x: number; left: number; right: number }[]) =>
      k.map((v) => [+v.x.toFixed(14), +v.left.toFixed(9), +v.right.toFixed(9)]);
    expect(near(kinksOf('relu(x^2 - 1)'))).toEqual([
      [-1, -2, 0],
      [1, 0, 2],
    ]);
    expect(near(kinksOf('relu(relu(x) - 1)'))).toEqual([[1, 0, 1]]); // relu(x)'s own corner at 0 is flattened
    expect(near(kinksOf('max(exp(x), 2)'))).toEqual([[+Math.LN2.toFixed(14), 0, 2]]);
    // Innermost first: the outer relus only touch 0, the innermost crosses it at ±1.
    expect(near(kinksOf(`${'relu('.repeat(100)}x^2 - 1${')'.repeat(100)}`))).toEqual([
      [-1, -2, 0],
      [1, 0, 2],
    ]);
    const jump = kinksOf('where(sigmoid(3*x) > 0.25, 1, 0)');
    expect(jump.map((k) => [+k.x.toFixed(12), k.jump])).toEqual([[+(-Math.log(3) / 3).toFixed(12), true]]);
  });
});

describe('evaluation', () => {
  it('gives f and f′ from one pass, and f″ when every function called has one', () => {
    const fn = resolveSpec('x^3 - 2*x');
    const { y, dy } = fn.evaluate([2]);
    expect([y[0], dy[0], fn.pointwise!.d2!(2)]).toEqual([4, 10, 12]);
  });
  it('NaN in gives NaN out', () => {
    const { y, dy } = evaluate('x*sigmoid(x) + abs(x)', [NaN]);
    expect([y[0], dy[0]]).toEqual([NaN, NaN]);
  });
  it('a constant expression is a flat function', () => {
    const { y, dy } = evaluate('2*pi', [-1, 5]);
    expect(Array.from(y)).toEqual([2 * Math.PI, 2 * Math.PI]);
    expect(Array.from(dy)).toEqual([0, 0]);
  });
  it('max/min with NaN give NaN (value and derivative)', () => {
    const { y, dy } = evaluate('max(x, 0) + min(0, x)', [NaN]);
    expect([y[0], dy[0]]).toEqual([NaN, NaN]);
  });
});

describe('parameter sweeps inside expressions, as in specs', () => {
  it('give one expression per value, the cartesian product in the order written', () => {
    expect(expandSweeps('x*elu(x, alpha=0.5|1)')).toEqual(['x*elu(x, alpha=0.5)', 'x*elu(x, alpha=1)']);
    expect(expandSweeps('leaky_relu(x, negative_slope = 0.1 | 0.2) + celu(x, alpha=1|2)')).toEqual([
      'leaky_relu(x, negative_slope = 0.1) + celu(x, alpha=1)',
      'leaky_relu(x, negative_slope = 0.1) + celu(x, alpha=2)',
      'leaky_relu(x, negative_slope = 0.2) + celu(x, alpha=1)',
      'leaky_relu(x, negative_slope = 0.2) + celu(x, alpha=2)',
    ]);
    expect(expandSweeps('ELU(alpha=0.5|1)')).toEqual(['ELU(alpha=0.5)', 'ELU(alpha=1)']);
  });
  it('refuse a name shared by several functions, an empty value, and | outside a keyword', () => {
    expect(usageMessage(() => expandSweeps('Mine=ELU(alpha=0.5|1)'))).toBe(
      "'Mine=ELU(alpha=0.5|1)': a sweep gives several functions, which cannot share the name 'Mine'; drop 'Mine='",
    );
    expect(usageMessage(() => expandSweeps('elu(x, alpha=0.5|)'))).toBe(
      "'elu(x, alpha=0.5|)': empty value in the sweep alpha=0.5|",
    );
    expect(errorOf(expandSweeps('max(x|1, 0)')[0]!)).toBe(
      "unexpected character '|' at column 6 (a sweep such as alpha=0.5|1 goes in a keyword parameter)",
    );
  });
});
