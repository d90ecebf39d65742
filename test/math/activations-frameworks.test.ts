/**
 * The frameworks' variants against each other and against the entries they alias: the same
 * function where the libraries compute the same formula, a different one where they do not
 * (gelu_fast), and the parameter checks. Values against mpmath are in conformance.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { resolveSpec } from '../../src/math/resolve.js';

const grid = Array.from({ length: 2401 }, (_, i) => -12 + i / 100);

function kernel(spec: string) {
  return resolveSpec(spec).pointwise!;
}

describe('framework variants', () => {
  it('GELUTanh and QuickGELU are GELU(approximate=tanh|sigmoid), value for value', () => {
    for (const [a, b] of [
      ['GELUTanh', 'GELU(approximate=tanh)'],
      ['gelu_new', 'GELU(approximate=tanh)'],
      ['QuickGELU', 'GELU(approximate=sigmoid)'],
    ] as const) {
      const ka = kernel(a);
      const kb = kernel(b);
      for (const x of grid) {
        expect(ka.f(x), `${a} f(${x})`).toBe(kb.f(x));
        expect(ka.df(x), `${a} f′(${x})`).toBe(kb.df(x));
        expect(ka.d2!(x), `${a} f″(${x})`).toBe(kb.d2!(x));
      }
    }
  });

  it('gelu_fast differs from gelu_new by the truncated √(2/π): about 1e−12, not a rounding', () => {
    // Δf ≈ ½x·sech²(u)·x(1 + 0.044715x²)·(√(2/π) − 0.7978845608), at most ~8e−13 (x ≈ 1.2)
    const fast = kernel('gelu_fast');
    const tanhForm = kernel('gelu_new');
    const diffs = grid.map((x) => Math.abs(fast.f(x) - tanhForm.f(x)));
    const max = Math.max(...diffs);
    expect(max).toBeGreaterThan(5e-13);
    expect(max).toBeLessThan(2e-12);
    // √(2/π) − 0.7978845608 > 0: gelu_fast lies below gelu_new for x > 0
    expect(fast.f(1)).toBeLessThan(tanhForm.f(1));
  });

  it('gelu_10 clips at 10 from x = 10 on, keeping f′(10) = 1 (torch.clip passes the gradient there)', () => {
    const k = kernel('gelu_10');
    expect(k.f(10)).toBe(10);
    expect(k.df(10)).toBe(1);
    const above = 10 + 2 ** -49;
    expect(k.f(above)).toBe(10);
    expect(k.df(above)).toBe(0);
    expect(k.f(-10)).toBeCloseTo(-7.6e-23, 24);
    expect(resolveSpec('gelu_10').kinks.map((c) => c.x)).toEqual([10]);
  });

  it("ClippedGELU's lower clip binds only above GELU's minimum, with a corner at each crossing", () => {
    expect(resolveSpec('ClippedGELU(min=-0.2, max=1)').kinks.map((c) => c.x)).toHaveLength(1);
    const kinks = resolveSpec('ClippedGELU(min=-0.1, max=1)').kinks;
    expect(kinks).toHaveLength(3);
    const k = kernel('ClippedGELU(min=-0.1, max=1)');
    expect(k.f(-0.75)).toBe(-0.1);
    expect(k.df(-0.75)).toBe(0);
    expect(k.f(kinks[0]!.x)).toBeCloseTo(-0.1, 15);
    expect(k.f(kinks[1]!.x)).toBeCloseTo(-0.1, 15);
  });

  it('KerasReLU covers relu, leaky_relu, relu6 and thresholded relu with their backends’ corner values', () => {
    const relu = kernel('KerasReLU');
    const leaky = kernel('KerasReLU(negative_slope=0.3)');
    const six = kernel('KerasReLU(max_value=6)');
    const clip = kernel('KerasReLU(max_value=5)');
    const thr = kernel('KerasReLU(threshold=1, negative_slope=0.5)');
    expect([relu.f(-2), relu.f(3), relu.df(0)]).toEqual([0, 3, 0]);
    expect([leaky.f(-2), leaky.df(0)]).toEqual([-0.6, 0.3]);
    expect([six.f(7), six.df(6), clip.f(7), clip.df(5)]).toEqual([6, 0, 5, 1]);
    expect([thr.f(0.5), thr.f(1), thr.f(1.5), thr.df(1)]).toEqual([-0.25, 0, 1.5, 0]);
    expect(() => resolveSpec('KerasReLU(max_value=1, threshold=2)')).toThrow(UsageError);
    expect(() => resolveSpec('KerasReLU(threshold=-1)')).toThrow(/threshold/);
  });

  it("xIELU's f′ at eps is the mean of its sides (torch.minimum splits a tie), and f jumps at 0", () => {
    const fn = resolveSpec('xIELU');
    const [atEps, atZero] = fn.kinks;
    expect(atEps!.dy).toBeCloseTo((atEps!.left + atEps!.right) / 2, 15);
    expect(fn.pointwise!.df(-1e-6)).toBe(atEps!.dy);
    expect(atZero!.jump).toBe(true);
    expect(fn.pointwise!.f(0)).toBeCloseTo(0.8 * Math.expm1(-1e-6), 20);
  });

  it('HardMish is timm’s ½x·clamp(x + 2, 0, 2), dipping to −½ at x = −1', () => {
    const k = kernel('hard_mish');
    expect([k.f(-3), k.f(-1), k.f(2), k.df(-2), k.df(0)]).toEqual([-0, -0.5, 2, -1, 1]);
  });
});
