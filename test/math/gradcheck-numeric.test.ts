import { describe, expect, it } from 'vitest';
import { defaultCheckGrid, rangeCheckGrid, TAIL_POINTS } from '../../src/math/gradcheck/grid.js';
import {
  numericDerivative,
  oneSidedDerivatives,
  RICHARDSON,
  stencilReach,
  type DifferenceMethod,
} from '../../src/math/gradcheck/numeric-derivative.js';
import { corner } from '../../src/math/define.js';

// Functions whose derivatives are known in closed form (independent of the catalog).
const KNOWN: [string, (x: number) => number, (x: number) => number, number[]][] = [
  ['sin', Math.sin, Math.cos, [-3, 0, 0.5, 1, 10, 50, 1000]],
  ['exp', Math.exp, Math.exp, [-20, -5, 0, 1, 10, 50]],
  ['x³', (x) => x ** 3, (x) => 3 * x * x, [-2, 0, 1e-3, 2, 100]],
  ['log', Math.log, (x) => 1 / x, [0.5, 1, 10, 1e5]],
  ['tanh', Math.tanh, (x) => 1 / Math.cosh(x) ** 2, [-4, 0, 1, 5, 20]],
  ['atan', Math.atan, (x) => 1 / (1 + x * x), [-50, -1, 0, 0.3, 7]],
];
const TORCH_EPS: DifferenceMethod = { kind: 'central', eps: 1e-6 };

describe('numericDerivative', () => {
  for (const [name, f, df, xs] of KNOWN) {
    it(`${name}′: Richardson-refined differences are accurate to about 1e-10 relative to max(1, |f|)`, () => {
      for (const x of xs) {
        const est = numericDerivative(f, x, RICHARDSON);
        const exact = df(x);
        const scale = Math.max(1, Math.abs(f(x)), Math.abs(exact));
        expect(Math.abs(est.value - exact), `${name}′(${x})`).toBeLessThanOrEqual(1e-10 * scale);
      }
    });
    it(`${name}′: the error estimate bounds the actual error, with either method`, () => {
      for (const method of [RICHARDSON, TORCH_EPS]) {
        for (const x of xs) {
          const est = numericDerivative(f, x, method);
          expect(Math.abs(est.value - df(x)), `${name}′(${x}) ${method.kind}`).toBeLessThanOrEqual(est.error);
        }
      }
    });
  }

  it('Richardson removes the h² term: far better than the plain difference on a curved function', () => {
    const x = 1.3;
    const rich = Math.abs(numericDerivative(Math.exp, x, RICHARDSON).value - Math.exp(x));
    const plain = Math.abs(numericDerivative(Math.exp, x, { kind: 'central', eps: 1e-3 }).value - Math.exp(x));
    expect(plain).toBeGreaterThan(1e-7); // h²/6·e^x ≈ 6e-7
    expect(rich).toBeLessThan(1e-9);
  });

  it('--eps is torch.autograd.gradcheck’s plain central difference with that step', () => {
    const f = (x: number) => x ** 3;
    const eps = 1e-3;
    expect(numericDerivative(f, 2, { kind: 'central', eps }).value).toBe((f(2 + eps) - f(2 - eps)) / (2 * eps));
  });

  it('scales the step with |x|, so large x keeps relative accuracy', () => {
    expect(stencilReach(1e6, RICHARDSON) / stencilReach(1, RICHARDSON)).toBeCloseTo(1e6, 0);
    expect(stencilReach(0, RICHARDSON) / stencilReach(0.5, RICHARDSON)).toBeCloseTo(1, 9); // max(1, |x|)
    expect(stencilReach(1e6, TORCH_EPS)).toBe(1e-6);
  });
});

describe('oneSidedDerivatives', () => {
  it('gives each side’s slope at a corner, never mixing the two', () => {
    const s = oneSidedDerivatives(Math.abs, 0, RICHARDSON);
    expect(s.left).toBeCloseTo(-1, 12);
    expect(s.right).toBeCloseTo(1, 12);
    const e = oneSidedDerivatives((x) => (x < 1 ? Math.exp(x) : 5 * x), 1, RICHARDSON);
    expect(e.left).toBeCloseTo(Math.E, 8); // linear extrapolation: O(h²)
    expect(e.right).toBeCloseTo(5, 8);
  });

  it('works across a jump of f', () => {
    const s = oneSidedDerivatives((x) => (x > 2 ? 3 * x + 10 : -x), 2, RICHARDSON);
    expect(s.left).toBeCloseTo(-1, 8);
    expect(s.right).toBeCloseTo(3, 8);
  });
});

describe('check grid', () => {
  it('default: [−6, 6] by 0.05, the tails ±10, ±20, ±50, each kink and points just beside it', () => {
    const kinks = [corner(0.123, 0, 1, 0)];
    const g = Array.from(defaultCheckGrid(kinks, RICHARDSON));
    expect(g[0]).toBe(-50);
    expect(g[g.length - 1]).toBe(50);
    for (const t of TAIL_POINTS) expect(g).toContain(t);
    for (const x of [-6, -3, 0, 6]) expect(g).toContain(x);
    expect(g.filter((x) => x >= -6 && x <= 6 && Math.abs(x - 0.123) > 1e-3)).toHaveLength(241);
    expect(g).toContain(0.123);
    const beside = g.filter((x) => x !== 0.123 && Math.abs(x - 0.123) < 1e-3);
    expect(beside).toHaveLength(2);
    // Outside the stencil of the kink, so those two points are judged like any other.
    for (const x of beside) expect(Math.abs(x - 0.123)).toBeGreaterThan(stencilReach(x, RICHARDSON) * 1.01);
    expect([...g].sort((a, b) => a - b)).toEqual(g);
  });

  it('a user range gets the kinks inside it, not the tails', () => {
    const grid = Float64Array.from([-1, 0, 1]);
    const g = Array.from(rangeCheckGrid(grid, [corner(0.5, 0, 1, 0), corner(3, 0, 1, 0)], RICHARDSON));
    expect(g).toHaveLength(6);
    expect(g).toContain(0.5);
    expect(g).not.toContain(3);
  });
});
