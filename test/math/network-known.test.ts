/**
 * Known values of the network math (src/math/network), from theory rather than from a fixture:
 * ReLU's gain √2, SELU's self-normalizing fixed point, tanh's edge of chaos at σw² = 1, σb² = 0,
 * closed forms for ReLU, and the quadrature's behaviour at kinks, jumps and dead zones.
 */
import { describe, expect, it } from 'vitest';
import { gaussLegendre } from '../../src/math/network/gauss-legendre.js';
import { gaussianExpectation } from '../../src/math/network/gaussian.js';
import { deadZones, normalMass } from '../../src/math/network/dead-zone.js';
import { moments } from '../../src/math/network/moments.js';
import { gainStats, torchGainOf } from '../../src/math/network/gain.js';
import { fixedPoint } from '../../src/math/network/fixed-point.js';
import { depthProfile } from '../../src/math/network/profile.js';
import { edgeAtBias, edgeOfChaos, edgePointAt } from '../../src/math/network/edge-of-chaos.js';
import { randomMlp } from '../../src/math/network/random-mlp.js';
import { createRng } from '../../src/math/network/rng.js';
import { catalog } from '../../src/math/catalog.js';
import { resolveSpec } from '../../src/math/resolve.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('quadrature', () => {
  it('Gauss–Legendre(20) integrates polynomials of degree 39 exactly', () => {
    const { nodes, weights } = gaussLegendre(20);
    for (const k of [0, 2, 10, 38]) {
      const sum = nodes.reduce((s, x, i) => s + weights[i]! * x ** k, 0);
      expect(rel(sum, 2 / (k + 1))).toBeLessThan(1e-14);
    }
  });

  it('gives the moments of the normal distribution, E[x^k] for x ~ N(μ, q)', () => {
    const r = gaussianExpectation(
      (x, out) => {
        out[0] = x;
        out[1] = x * x;
        out[2] = x ** 4;
        out[3] = Math.exp(x);
      },
      4,
      { mean: 0.3, variance: 2 },
    );
    expect(rel(r.value[0]!, 0.3)).toBeLessThan(1e-14);
    expect(rel(r.value[1]!, 2 + 0.09)).toBeLessThan(1e-14);
    // E[x⁴] = μ⁴ + 6μ²q + 3q²
    expect(rel(r.value[2]!, 0.3 ** 4 + 6 * 0.09 * 2 + 12)).toBeLessThan(1e-14);
    expect(rel(r.value[3]!, Math.exp(0.3 + 1))).toBeLessThan(1e-14);
  });

  it('is a point mass at the mean for variance 0, and refuses a negative variance', () => {
    expect(gaussianExpectation((x, out) => (out[0] = x * x), 1, { mean: 3, variance: 0 }).value[0]).toBe(9);
    expect(() => gaussianExpectation((x, out) => (out[0] = x), 1, { mean: 0, variance: -1 })).toThrow(/variance ≥ 0/);
  });

  it('finds a jump nobody declared by bisection (sign(x − 0.3))', () => {
    const r = gaussianExpectation((x, out) => (out[0] = x > 0.3 ? 1 : -1), 1, { mean: 0, variance: 1 });
    expect(Math.abs(r.value[0]! - (1 - 2 * normalMass(-Infinity, 0.3)))).toBeLessThan(1e-13);
  });

  it('measures P(f′ = 0) and finds the edges of dead zones', () => {
    const z = deadZones((x) => (x > -1 && x < 2 ? 1 : 0), 0, 1, []);
    expect(z.zones.map((d) => [d.from, d.to])).toEqual([
      [-Infinity, expect.closeTo(-1, 14)],
      [expect.closeTo(2, 14), Infinity],
    ]);
    expect(rel(z.mass, normalMass(-Infinity, -1) + normalMass(2, Infinity))).toBeLessThan(1e-14);
    expect(normalMass(-Infinity, Infinity)).toBe(1);
    expect(rel(normalMass(8, 9), 6.22096057427178e-16 - 1.1285884059538324e-19)).toBeLessThan(1e-12);
  });
});

describe('moments: known values', () => {
  it('ReLU: E[f] = 1/√(2π), E[f²] = 1/2, gain √2 = torch.nn.init.calculate_gain("relu")', () => {
    const s = gainStats(resolveSpec('ReLU'));
    expect(rel(s.expectedF, 1 / Math.sqrt(2 * Math.PI))).toBeLessThan(1e-14);
    expect(rel(s.expectedF2, 0.5)).toBeLessThan(1e-14);
    expect(rel(s.varianceF, 0.5 - 1 / (2 * Math.PI))).toBeLessThan(1e-14);
    expect(s.deadMass).toBe(0.5);
    expect(rel(s.gain, Math.SQRT2)).toBeLessThan(1e-14);
    expect(s.torchGain).toEqual({ call: "calculate_gain('relu')", value: Math.SQRT2 });
    expect(Math.abs(s.gainDifference!)).toBeLessThan(1e-14);
    expect(rel(s.chi1AtGain, 1)).toBeLessThan(1e-14);
  });

  it('ReLU scales: E[f(√q z)²] = q/2 for any q (it is positively homogeneous)', () => {
    for (const q of [1e-6, 0.3, 7, 1e4])
      expect(rel(moments(resolveSpec('ReLU'), 0, q).expectedF2, q / 2)).toBeLessThan(1e-14);
  });

  it('SELU keeps N(0, 1): E[f] = 0 and E[f²] = 1 at q = 1 (its self-normalizing fixed point)', () => {
    const s = gainStats(resolveSpec('SELU'));
    expect(Math.abs(s.expectedF)).toBeLessThan(1e-14);
    expect(Math.abs(s.expectedF2 - 1)).toBeLessThan(1e-14);
    expect(s.keepsInput).toBe(true);
    expect(s.torchGain?.value).toBe(0.75);
    expect(gainStats(resolveSpec('Tanh')).keepsInput).toBe(false);
  });

  it('Identity: the moments of the input itself; Tanh is odd: E[f] = 0', () => {
    const s = moments(resolveSpec('Identity'), 0.5, 2);
    expect(rel(s.expectedF, 0.5)).toBeLessThan(1e-14);
    expect(rel(s.varianceF, 2)).toBeLessThan(1e-14);
    expect(rel(s.expectedDf, 1)).toBeLessThan(1e-14);
    expect(Math.abs(moments(resolveSpec('Tanh')).expectedF)).toBeLessThan(1e-15);
  });

  it('expressions work like catalog entries: relu(x)^2 has E[f²] = 3/2 and a dead half-line', () => {
    const s = moments(resolveSpec('relu(x)^2'));
    expect(rel(s.expectedF2, 1.5)).toBeLessThan(1e-14);
    expect(rel(s.expectedDf2, 2)).toBeLessThan(1e-14);
    expect(s.deadMass).toBe(0.5);
  });

  it('the six entries torch has a gain for carry it, and no other entry does', () => {
    const gains = Object.fromEntries(
      catalog.filter((e) => e.equivalents.torchGain).map((e) => [e.name, torchGainOf(resolveSpec(e.name))!.value]),
    );
    expect(gains).toEqual({
      Identity: 1,
      Sigmoid: 1,
      Tanh: 5 / 3,
      ReLU: Math.SQRT2,
      LeakyReLU: Math.sqrt(2 / (1 + 0.01 ** 2)),
      SELU: 0.75,
    });
    expect(torchGainOf(resolveSpec('LeakyReLU(negative_slope=0.2)'))).toEqual({
      call: "calculate_gain('leaky_relu', 0.2)",
      value: Math.sqrt(2 / 1.04),
    });
  });

  it('refuses vector functions in one line', () => {
    expect(() => moments(resolveSpec('Softmax'))).toThrow(/^Softmax acts on a whole vector/);
  });
});

describe('signal propagation: known values', () => {
  it('ReLU with He init (σw² = 2, σb² = 0) keeps q and the gradient scale at 1 through any depth', () => {
    const p = depthProfile(resolveSpec('ReLU'), { sigmaW2: 2, sigmaB2: 0 }, 100);
    for (const v of p.q) expect(rel(v, 1)).toBeLessThan(1e-12);
    for (const v of p.gradient) expect(rel(v, 1)).toBeLessThan(1e-12);
  });

  it('ReLU: q* = σb²/(1 − σw²/2) and χ₁ = σw²/2; q grows without bound at σw² = 2, σb² > 0', () => {
    const fp = fixedPoint(resolveSpec('ReLU'), { sigmaW2: 1.5, sigmaB2: 0.1 });
    expect(rel(fp.q, 0.4)).toBeLessThan(1e-13);
    expect(rel(fp.chi1!, 0.75)).toBeLessThan(1e-13);
    expect(fixedPoint(resolveSpec('ReLU'), { sigmaW2: 2, sigmaB2: 0.1 })).toEqual({ q: Infinity, method: 'none' });
  });

  it('SELU at σw² = 1, σb² = 0: q* = 1 from q₀ = 1', () => {
    const fp = fixedPoint(resolveSpec('SELU'), { sigmaW2: 1, sigmaB2: 0 });
    expect(Math.abs(fp.q - 1)).toBeLessThan(1e-13);
  });

  it('tanh at σb² = 0: q* = 0 below σw² = 1, and χ₁ = σw² there; the edge of chaos is at σw² = 1', () => {
    const fp = fixedPoint(resolveSpec('Tanh'), { sigmaW2: 0.5, sigmaB2: 0 });
    expect(fp.q).toBe(0);
    expect(rel(fp.chi1!, 0.5)).toBeLessThan(1e-14);
    const curve = edgeOfChaos(resolveSpec('Tanh'));
    expect(curve[0]!.sigmaB2).toBe(0);
    expect(rel(curve[0]!.sigmaW2, 1)).toBeLessThan(1e-14);
    expect(fixedPoint(resolveSpec('Tanh'), { sigmaW2: 1, sigmaB2: 0 }).chi1).toBeCloseTo(1, 12);
  });

  it('a stable point on the edge of chaos has χ₁ = 1 at the fixed point the network reaches', () => {
    for (const spec of ['Tanh', 'SELU']) {
      const e = edgeAtBias(resolveSpec(spec), 0.05)!;
      expect(Math.abs(e.sigmaB2 - 0.05)).toBeLessThan(1e-12);
      const fp = fixedPoint(resolveSpec(spec), { sigmaW2: e.sigmaW2, sigmaB2: 0.05 }, e.qStar * 1.1);
      expect(rel(fp.q, e.qStar)).toBeLessThan(1e-10);
      expect(Math.abs(fp.chi1! - 1)).toBeLessThan(1e-10);
    }
  });

  it("GELU's point at σb² = 0.05 is an unstable fixed point: q_l runs away from it", () => {
    const e = edgeAtBias(resolveSpec('GELU'), 0.05)!;
    expect(e.stable).toBe(false);
    expect(fixedPoint(resolveSpec('GELU'), { sigmaW2: e.sigmaW2, sigmaB2: 0.05 }, e.qStar * 1.1).q).not.toBeCloseTo(
      e.qStar,
      3,
    );
    expect(edgeAtBias(resolveSpec('GELU'), 0.5)!.stable).toBe(true);
  });

  it("ReLU's edge of chaos is the single point σw² = 2, σb² = 0", () => {
    const curve = edgeOfChaos(resolveSpec('ReLU'), { points: 20 });
    for (const p of curve) expect([p.sigmaB2, rel(p.sigmaW2, 2) < 1e-14, p.stable]).toEqual([0, true, true]);
    expect(edgePointAt(resolveSpec('ReLU'), 3).sigmaB2).toBeCloseTo(0, 14);
  });
});

describe('random MLP', () => {
  it('the generator is deterministic, uniform in [0, 1) and normal with mean 0, variance 1', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 100_000 }, () => a.normal());
    expect(Array.from({ length: 100_000 }, () => b.normal())).toEqual(xs);
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const variance = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(xs.length));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / xs.length));
    expect(createRng(2 ** 40).uniform()).not.toBe(createRng(0).uniform());
  });

  it('is deterministic with the seed and the same whether weights are kept or regenerated', () => {
    const fn = resolveSpec('Tanh');
    const opts = { sigmaW2: 1.96, sigmaB2: 0.01, width: 64, depth: 6, seed: 7 };
    const a = randomMlp(fn, opts);
    expect(randomMlp(fn, opts)).toEqual(a);
    expect(randomMlp(fn, { ...opts, seed: 8 }).q).not.toEqual(a.q);
    // 2²⁴ doubles is the limit for keeping weights: 2048² · 5 is over it.
    const big = { ...opts, width: 2048, depth: 5 };
    const small = randomMlp(fn, { ...big, depth: 4 });
    const regenerated = randomMlp(fn, big);
    expect(regenerated.q.slice(0, 5)).toEqual(small.q);
  });

  it('follows the theory for a wide linear network (Identity): q_l = σw²·q_{l−1} + σb² within sampling error', () => {
    const m = randomMlp(resolveSpec('Identity'), { sigmaW2: 1, sigmaB2: 0, width: 1024, depth: 3, seed: 1 });
    for (const v of m.q) expect(Math.abs(v - 1)).toBeLessThan(5 * Math.sqrt(2 / 1024) * 3);
    expect(m.gradient[0]).toBe(1);
  });

  it('checks its arguments', () => {
    const fn = resolveSpec('ReLU');
    expect(() => randomMlp(fn, { sigmaW2: 2, sigmaB2: 0, width: 0, depth: 3, seed: 1 })).toThrow(/width/);
    expect(() => randomMlp(fn, { sigmaW2: -2, sigmaB2: 0, width: 4, depth: 3, seed: 1 })).toThrow(/σw²/);
    expect(() => createRng(-1)).toThrow(/seed/);
  });
});
