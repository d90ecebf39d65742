/**
 * The network math against independent references (test/fixtures/network.py → network.json):
 * mpmath quadrature at 40 digits for moments, fixed points, χ₁, depth profiles and edge-of-chaos
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

describe('moments against mpmath (40-digit quadrature)', () => {
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
