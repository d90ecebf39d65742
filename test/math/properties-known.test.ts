/**
 * Properties computed from the functions, checked against what is known mathematically.
 * Reference numbers (extrema, thresholds) are mpmath at 40 digits. Tests for entries that are not
 * in the catalog yet are skipped until they land.
 */
import { describe, expect, it } from 'vitest';
import { findEntry } from '../../src/math/catalog.js';
import { computeProperties, type Properties } from '../../src/math/properties.js';
import { resolveSpec } from '../../src/math/resolve.js';

function props(spec: string): Properties {
  return computeProperties(resolveSpec(spec));
}

/** describe() that is skipped while the entry is missing from the catalog. */
function forEntry(name: string, body: () => void): void {
  if (findEntry(name)) describe(name, body);
  else describe.skip(name, () => it('waits for the catalog entry', () => {}));
}

const close = (a: number, b: number, tol: number) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol);

forEntry('Sigmoid', () => {
  const p = props('Sigmoid');
  it('has range (0, 1), limits not attained', () => {
    expect(p.range.lo).toEqual({ value: 0, attained: false });
    expect(p.range.hi).toEqual({ value: 1, attained: false });
    expect(p.limits).toEqual([0, 1]);
  });
  it('has f′ in (0, 0.25], the maximum at 0', () => {
    expect(p.derivativeRange.hi).toEqual({ value: 0.25, attained: true, at: 0 });
    expect(p.derivativeRange.lo).toEqual({ value: 0, attained: false });
    expect(p.derivativeAtZero).toBe(0.25);
  });
  it('saturates on both sides; |f′| < 1e-3 beyond |x| ≈ 6.9058', () => {
    expect(p.saturation.left.saturating && p.saturation.right.saturating).toBe(true);
    close(p.saturation.left.vanishBeyond!, 6.9057522722979198, 1e-9);
    close(p.saturation.right.vanishBeyond!, 6.9057522722979198, 1e-9);
  });
  it('is increasing, C∞, not zero-centered, with no dead zone', () => {
    expect(p.monotonic).toBe('increasing');
    expect(p.smoothness).toBe('C∞');
    expect(p.zeroCentered).toBe(false);
    expect(p.deadZones).toEqual([]);
  });
});

forEntry('ReLU', () => {
  const p = props('ReLU');
  it('has range [0, ∞), 0 attained on the dead zone x < 0', () => {
    expect(p.range.lo).toEqual({ value: 0, attained: true });
    expect(p.range.hi).toEqual({ value: Infinity, attained: false });
    expect(p.deadZones).toEqual([{ from: -Infinity, to: 0 }]);
  });
  it('saturates on the left only, from x < 0 on', () => {
    expect(p.saturation.left).toEqual({ saturating: true, vanishBeyond: 0 });
    expect(p.saturation.right).toEqual({ saturating: false });
  });
  it('has f′ in [0, 1], f′(0) = 0 (PyTorch), a corner: continuous, non-decreasing, not zero-centered', () => {
    expect(p.derivativeRange.lo).toEqual({ value: 0, attained: true });
    expect(p.derivativeRange.hi).toEqual({ value: 1, attained: true });
    expect(p.derivativeAtZero).toBe(0);
    expect(p.smoothness).toBe('continuous');
    expect(p.monotonic).toBe('non-decreasing');
    expect(p.zeroCentered).toBe(false);
  });
});

forEntry('LeakyReLU', () => {
  const p = props('LeakyReLU(negative_slope=0.1)');
  it('is unbounded, increasing, zero-centered, with f′ in [0.1, 1] and no saturation', () => {
    expect(p.range.lo.value).toBe(-Infinity);
    expect(p.range.hi.value).toBe(Infinity);
    expect(p.monotonic).toBe('increasing');
    expect(p.zeroCentered).toBe(true);
    expect(p.derivativeRange.lo).toEqual({ value: 0.1, attained: true });
    expect(p.saturation.left.saturating || p.saturation.right.saturating).toBe(false);
  });
  it('with a negative slope it is not monotonic', () => {
    expect(props('LeakyReLU(negative_slope=-0.5)').monotonic).toBe('not monotonic');
  });
});

forEntry('Tanh', () => {
  const p = props('Tanh');
  it('is zero-centered with range (−1, 1), increasing, C∞', () => {
    expect(p.zeroCentered).toBe(true);
    expect(p.range.lo).toEqual({ value: -1, attained: false });
    expect(p.range.hi).toEqual({ value: 1, attained: false });
    expect(p.monotonic).toBe('increasing');
    expect(p.smoothness).toBe('C∞');
  });
  it('has f′ in (0, 1], saturating both sides beyond |x| ≈ 4.1468', () => {
    expect(p.derivativeRange.hi).toEqual({ value: 1, attained: true, at: 0 });
    close(p.saturation.left.vanishBeyond!, 4.1467747262488963, 1e-9);
    close(p.saturation.right.vanishBeyond!, 4.1467747262488963, 1e-9);
  });
});

forEntry('Hardtanh', () => {
  const p = props('Hardtanh');
  it('has range [−1, 1] attained on two dead zones, saturating beyond |x| = 1', () => {
    expect(p.range.lo).toEqual({ value: -1, attained: true });
    expect(p.range.hi).toEqual({ value: 1, attained: true });
    expect(p.deadZones).toEqual([
      { from: -Infinity, to: -1 },
      { from: 1, to: Infinity },
    ]);
    expect(p.saturation.left).toEqual({ saturating: true, vanishBeyond: 1 });
    expect(p.saturation.right).toEqual({ saturating: true, vanishBeyond: 1 });
    expect(p.monotonic).toBe('non-decreasing');
    expect(p.zeroCentered).toBe(true);
  });
});

forEntry('ReLU6', () => {
  it('has range [0, 6], dead zones x < 0 and x > 6', () => {
    const p = props('ReLU6');
    expect(p.range.hi).toEqual({ value: 6, attained: true });
    expect(p.deadZones).toEqual([
      { from: -Infinity, to: 0 },
      { from: 6, to: Infinity },
    ]);
  });
});

forEntry('ELU', () => {
  it('alpha = 1: f′ is continuous at 0 but f″ is not: C¹; range (−1, ∞)', () => {
    const p = props('ELU');
    expect(p.smoothness).toBe('C¹');
    expect(p.range.lo).toEqual({ value: -1, attained: false });
    expect(p.saturation.left.saturating).toBe(true);
    close(p.saturation.left.vanishBeyond!, 6.9077552789821371, 1e-9);
    expect(p.saturation.right.saturating).toBe(false);
  });
  it('alpha = 0.5: f′ jumps at 0: continuous; range (−0.5, ∞)', () => {
    const p = props('ELU(alpha=0.5)');
    expect(p.smoothness).toBe('continuous');
    expect(p.range.lo).toEqual({ value: -0.5, attained: false });
  });
});

forEntry('Hardshrink', () => {
  it('is discontinuous, with a dead zone (−λ, λ)', () => {
    const p = props('Hardshrink');
    expect(p.smoothness).toBe('discontinuous');
    expect(p.deadZones).toEqual([{ from: -0.5, to: 0.5 }]);
  });
});

forEntry('Threshold', () => {
  it('with a value above the threshold it jumps down: not monotonic, discontinuous', () => {
    const p = props('Threshold(threshold=1, value=5)');
    expect(p.monotonic).toBe('not monotonic');
    expect(p.smoothness).toBe('discontinuous');
  });
});

forEntry('SparsePlus', () => {
  it('is C¹ (f″ jumps at ±1), with a dead zone x < −1', () => {
    const p = props('SparsePlus');
    expect(p.smoothness).toBe('C¹');
    expect(p.deadZones).toEqual([{ from: -Infinity, to: -1 }]);
  });
});

forEntry('GELU', () => {
  const p = props('GELU');
  it('has its minimum −0.16997… at x = −0.75179…', () => {
    close(p.range.lo.value, -0.16997120747990366, 1e-15);
    close(p.range.lo.at!, -0.75179152469356446, 1e-6);
    expect(p.range.lo.attained).toBe(true);
  });
  it('has f′ in [−0.12890…, 1.12890…], attained at ∓√2', () => {
    close(p.derivativeRange.lo.value, -0.12890414518515479, 1e-15);
    close(p.derivativeRange.hi.value, 1.1289041451851548, 1e-15);
    close(p.derivativeRange.hi.at!, Math.SQRT2, 1e-6);
  });
  it('is C∞, not monotonic, left-saturating beyond |x| ≈ 3.8104', () => {
    expect(p.smoothness).toBe('C∞');
    expect(p.monotonic).toBe('not monotonic');
    expect(p.saturation.left.saturating).toBe(true);
    close(p.saturation.left.vanishBeyond!, 3.8103714360016395, 1e-9);
    expect(p.saturation.right.saturating).toBe(false);
    expect(p.zeroCentered).toBe(true);
  });
});

forEntry('SiLU', () => {
  it('has its minimum −0.27846… at x = −1.27846…', () => {
    const p = props('SiLU');
    close(p.range.lo.value, -0.2784645427610738, 1e-15);
    close(p.range.lo.at!, -1.2784645427610738, 1e-6);
  });
});

forEntry('Mish', () => {
  it('has its minimum −0.30884… at x = −1.19243…', () => {
    const p = props('Mish');
    close(p.range.lo.value, -0.30884341301725041, 1e-15);
    close(p.range.lo.at!, -1.1924312145154952, 1e-6);
    expect(p.smoothness).toBe('C∞');
  });
});

forEntry('Softsign', () => {
  it('saturates slowly: |f′| < 1e-3 only beyond |x| = √1000 − 1', () => {
    const p = props('Softsign');
    close(p.saturation.right.vanishBeyond!, Math.sqrt(1000) - 1, 1e-9);
    expect(p.derivativeRange.hi).toEqual({ value: 1, attained: true, at: 0 });
  });
});

forEntry('Identity', () => {
  it('is an increasing C∞ line with f′ ≡ 1', () => {
    const p = props('Identity');
    expect(p.monotonic).toBe('increasing');
    expect(p.smoothness).toBe('C∞');
    expect(p.derivativeRange).toEqual({ lo: { value: 1, attained: true }, hi: { value: 1, attained: true } });
  });
});

forEntry('Softmax', () => {
  it('is described on one sampled vector', () => {
    const p = props('Softmax');
    expect(p.sampledOn).toMatch(/vector/);
    expect(p.range.lo.value).toBeGreaterThan(0);
    expect(p.range.hi.value).toBeLessThan(1);
    expect(p.monotonic).toBe('increasing');
  });
});

forEntry('Softplus', () => {
  it('torch’s threshold switch (a 2.1e-9 jump at x = 20) is noted, not counted: C∞ and increasing', () => {
    const p = props('Softplus');
    expect(p.smoothness).toBe('C∞');
    expect(p.monotonic).toBe('increasing');
    expect(p.switches).toHaveLength(1);
    expect(p.switches[0]!.x).toBe(20);
    // log1p(e^−20) = 2.0611536203143807e-9 (mpmath): f drops by that much where f becomes x.
    close(p.switches[0]!.jump, -2.0611536203143807e-9, 1e-13);
  });
  it('with threshold=Infinity (the pure formula) there is no switch', () => {
    const p = props('Softplus(threshold=inf)');
    expect(p.switches).toEqual([]);
    expect(p.smoothness).toBe('C∞');
    expect(p.range.lo).toEqual({ value: 0, attained: false });
  });
});
