/**
 * The network math against independent references (test/fixtures/network.py → network.json):
 * mpmath quadrature at 34 digits for moments, fixed points, χ₁, depth profiles and edge-of-chaos
 * points; torch.nn.init.calculate_gain; and a PyTorch float64 Monte Carlo of random MLPs, which
 * our own Monte Carlo must match within sampling error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edgeAtBias } from '../../src/math/network/edge-of-chaos.js';
import { fixedPoint } from '../../src/math/network/fixed-point.js';
import { torchGainOf } from '../../src/math/network/gain.js';
import { moments } from '../../src/math/network/moments.js';
import { depthProfile } from '../../src/math/network/profile.js';
import { randomMlp } from '../../src/math/network/random-mlp.js';
import { resolveSpec } from '../../src/math/resolve.js';
import { TEST_DIR } from '../support/paths.js';

interface MomentRef {
  spec: string;
  mean: number;
  var: number;
  expectedF: number;
  expectedAbsF: number;
  varianceF: number;
  expectedF2: number;
  expectedDf: number;
  expectedAbsDf: number;
  expectedDf2: number;
  deadMass: number;
  gain: number;
}
interface FixedRef {
  spec: string;
  sigmaW2: number;
  sigmaB2: number;
  q0: number;
  qStar: number;
  chi1: number;
}
interface ProfileRef {
  spec: string;
  sigmaW2: number;
  sigmaB2: number;
  depth: number;
  q0: number;
  q: number[];
  gradient: number[];
}
interface EdgeRef {
  spec: string;
  sigmaB2: number;
  sigmaW2: number;
  qStar: number;
}
interface GainRef {
  nonlinearity: string;
  param: number | null;
  spec: string;
  gain: number;
}
interface MonteCarloRef {
  spec: string;
  sigmaW2: number;
  sigmaB2: number;
  width: number;
  depth: number;
  networks: number;
  q0: number;
  qMean: number[];
  qSd: number[];
  logGradientMean: number[];
  logGradientSd: number[];
}

const ref = JSON.parse(readFileSync(join(TEST_DIR, 'fixtures', 'network.json'), 'utf8')) as {
  moments: MomentRef[];
  fixedPoints: FixedRef[];
  profiles: ProfileRef[];
  edge: EdgeRef[];
  torchGain: GainRef[];
  monteCarlo: MonteCarloRef[];
};

/** |a − b| relative to `scale` (the reference itself, or E[|g|] where the value cancels to ≈ 0). */
const err = (a: number, b: number, scale = Math.abs(b)) => Math.abs(a - b) / scale;
const TOL = 1e-12;

describe('moments against mpmath (34-digit quadrature)', () => {
  it('covers a spread of entries, expressions and input distributions', () => {
    expect(ref.moments.length).toBeGreaterThanOrEqual(100);
  });

  it.each(ref.moments.map((r) => [`${r.spec} at N(${r.mean}, ${r.var})`, r] as const))('%s', (_name, r) => {
    const m = moments(resolveSpec(r.spec), r.mean, r.var);
    // E[f] and E[f′] may cancel to ≈ 0 (odd functions): relative to E[|f|], E[|f′|] then.
    expect(err(m.expectedF, r.expectedF, Math.max(Math.abs(r.expectedF), r.expectedAbsF))).toBeLessThanOrEqual(TOL);
    expect(err(m.expectedDf, r.expectedDf, Math.max(Math.abs(r.expectedDf), r.expectedAbsDf))).toBeLessThanOrEqual(TOL);
    expect(err(m.varianceF, r.varianceF)).toBeLessThanOrEqual(TOL);
    expect(err(m.expectedF2, r.expectedF2)).toBeLessThanOrEqual(TOL);
    expect(err(m.expectedDf2, r.expectedDf2)).toBeLessThanOrEqual(TOL);
    expect(err(m.gain, r.gain)).toBeLessThanOrEqual(TOL);
    if (r.deadMass === 0) expect(m.deadMass).toBe(0);
    else expect(err(m.deadMass, r.deadMass)).toBeLessThanOrEqual(TOL);
  });
});

describe('fixed points, χ₁ and depth profiles against mpmath', () => {
  it.each(ref.fixedPoints.map((r) => [`${r.spec} at σw² = ${r.sigmaW2}, σb² = ${r.sigmaB2}`, r] as const))(
    '%s',
    (_n, r) => {
      const fp = fixedPoint(resolveSpec(r.spec), { sigmaW2: r.sigmaW2, sigmaB2: r.sigmaB2 }, r.q0);
      expect(err(fp.q, r.qStar)).toBeLessThanOrEqual(1e-11);
      expect(err(fp.chi1!, r.chi1)).toBeLessThanOrEqual(1e-11);
    },
  );

  it.each(ref.profiles.map((r) => [`${r.spec} at σw² = ${r.sigmaW2}, σb² = ${r.sigmaB2}`, r] as const))(
    '%s',
    (_n, r) => {
      const p = depthProfile(resolveSpec(r.spec), { sigmaW2: r.sigmaW2, sigmaB2: r.sigmaB2 }, r.depth, r.q0);
      r.q.forEach((q, l) => expect(err(p.q[l]!, q)).toBeLessThanOrEqual(1e-12));
      // The product of `depth` factors, each within 1e−13 or so.
      r.gradient.forEach((g, l) => expect(err(p.gradient[l]!, g)).toBeLessThanOrEqual(1e-12));
    },
  );

  it.each(ref.edge.map((r) => [`${r.spec} at σb² = ${r.sigmaB2}`, r] as const))('edge of chaos: %s', (_n, r) => {
    const e = edgeAtBias(resolveSpec(r.spec), r.sigmaB2)!;
    expect(err(e.sigmaW2, r.sigmaW2)).toBeLessThanOrEqual(1e-11);
    expect(err(e.qStar, r.qStar)).toBeLessThanOrEqual(1e-10);
  });
});

describe('torch.nn.init.calculate_gain', () => {
  it.each(ref.torchGain.map((r) => [`${r.nonlinearity}${r.param === null ? '' : `, ${r.param}`}`, r] as const))(
    '%s',
    (_n, r) => {
      expect(torchGainOf(resolveSpec(r.spec))!.value).toBe(r.gain);
    },
  );
});

/**
 * Monte Carlo of random MLPs: ours (our generator, `networks` seeds) against PyTorch's (torch's
 * generator, 200 networks), layer by layer, on the mean over networks of q_l and of log G_l; the
 * difference of the means must be within 4.5 standard errors. And PyTorch's q_l against the
 * mean-field theory, where the theory should hold (a systematic gap would show as many σ).
 */
describe('Monte Carlo against PyTorch', () => {
  const NETWORKS = 40;
  const stats = (rows: Float64Array[]) => {
    const n = rows.length;
    const mean = rows[0]!.map((_, l) => rows.reduce((s, r) => s + r[l]!, 0) / n);
    const sd = rows[0]!.map((_, l) => Math.sqrt(rows.reduce((s, r) => s + (r[l]! - mean[l]!) ** 2, 0) / (n - 1)));
    return { mean, sd };
  };

  it.each(ref.monteCarlo.map((r) => [`${r.spec}, ${r.width} wide, ${r.depth} deep`, r] as const))('%s', (_n, r) => {
    const fn = resolveSpec(r.spec);
    const runs = Array.from({ length: NETWORKS }, (_, seed) =>
      randomMlp(fn, { sigmaW2: r.sigmaW2, sigmaB2: r.sigmaB2, width: r.width, depth: r.depth, seed, q0: r.q0 }),
    );
    const q = stats(runs.map((m) => m.q));
    const g = stats(runs.map((m) => m.gradient.map(Math.log)));
    const z = (m: number, s: number, rm: number, rs: number) =>
      Math.abs(m - rm) / Math.sqrt((s * s) / NETWORKS + (rs * rs) / r.networks);
    for (let l = 1; l <= r.depth; l++) {
      expect(z(q.mean[l]!, q.sd[l]!, r.qMean[l]!, r.qSd[l]!), `q at layer ${l}`).toBeLessThan(4.5);
      expect(z(g.mean[l]!, g.sd[l]!, r.logGradientMean[l]!, r.logGradientSd[l]!), `log G at layer ${l}`).toBeLessThan(
        4.5,
      );
    }
    const theory = depthProfile(fn, { sigmaW2: r.sigmaW2, sigmaB2: r.sigmaB2 }, r.depth, r.q0);
    for (let l = 1; l <= r.depth; l++) {
      const se = r.qSd[l]! / Math.sqrt(r.networks);
      expect(Math.abs(r.qMean[l]! - theory.q[l]!) / se, `torch's q at layer ${l} vs theory`).toBeLessThan(5);
    }
  });
});
