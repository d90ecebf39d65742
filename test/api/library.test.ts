// The library API as a user imports it: `import { evaluate, catalog, parseSpec, jacobian } from 'actfn'`.
import { describe, expect, it } from 'vitest';
import { catalog, evaluate, jacobian, parseSpec, UsageError } from '../../src/index.js';

describe('library API', () => {
  it('evaluate takes numbers or a Float64Array and returns Float64Arrays y and dy', () => {
    for (const xs of [[-1, 0, 2], Float64Array.of(-1, 0, 2)]) {
      const { y, dy } = evaluate('ReLU', xs);
      expect(y).toBeInstanceOf(Float64Array);
      expect(dy).toBeInstanceOf(Float64Array);
      expect(Array.from(y)).toEqual([0, 0, 2]);
      expect(Array.from(dy)).toEqual([0, 0, 1]); // torch: ReLU′(0) = 0
    }
  });

  it('evaluate takes parameters in the spec and throws UsageError for bad specs', () => {
    expect(evaluate('LeakyReLU(negative_slope=0.2)', [-1]).y[0]).toBe(-0.2);
    expect(() => evaluate('CELU(alpha=0)', [1])).toThrow(UsageError);
  });

  it('catalog lists entries with torch-style names, aliases and parameters', () => {
    const leaky = catalog.find((e) => e.name === 'LeakyReLU');
    expect(leaky?.aliases).toContain('leaky_relu');
    expect(leaky?.params.map((p) => [p.name, p.default])).toEqual([['negative_slope', 0.01]]);
    expect(catalog.length).toBeGreaterThanOrEqual(37);
  });

  it('parseSpec splits a spec into a name and arguments', () => {
    expect(parseSpec('ELU(alpha=0.5)')).toEqual({ name: 'ELU', args: [{ key: 'alpha', value: '0.5' }] });
  });

  it("jacobian gives Softmax's dense Jacobian (diagonal Sᵢ(1 − Sᵢ), off-diagonal −SᵢSⱼ)", () => {
    // Softmax([0, ln 3]) = [1/4, 3/4].
    const j = jacobian('Softmax', [0, Math.log(3)]);
    expect(j[0]![0]).toBeCloseTo(3 / 16, 15);
    expect(j[0]![1]).toBeCloseTo(-3 / 16, 15);
    expect(j[1]![1]).toBeCloseTo(3 / 16, 15);
    const { dy } = evaluate('Softmax', [0, Math.log(3)]);
    expect(dy[1]).toBe(j[1]![1]);
  });

  it('jacobian of a pointwise function is diagonal with f′ on the diagonal', () => {
    const j = jacobian('ReLU', [-1, 2]);
    expect(j.map((r) => Array.from(r))).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });
});

describe('the network math in the library API', () => {
  it('exports moments, gainStats, fixedPoint, depthProfile, edgeOfChaos and randomMlp', async () => {
    const api = await import('../../src/index.js');
    const relu = api.resolveSpec('ReLU');
    expect(api.moments(relu).expectedF2).toBeCloseTo(0.5, 14);
    expect(api.gainStats(relu).gain).toBeCloseTo(Math.SQRT2, 14);
    expect(api.fixedPoint(relu, { sigmaW2: 1.5, sigmaB2: 0.1 }).q).toBeCloseTo(0.4, 12);
    expect(api.depthProfile(relu, { sigmaW2: 2, sigmaB2: 0 }, 3).gradient[3]).toBeCloseTo(1, 12);
    expect(api.edgeOfChaos(api.resolveSpec('Tanh'), { points: 10 })[0]!.sigmaW2).toBeCloseTo(1, 12);
    expect(api.randomMlp(relu, { sigmaW2: 2, sigmaB2: 0, width: 8, depth: 2, seed: 1 }).q).toHaveLength(3);
  });
});
