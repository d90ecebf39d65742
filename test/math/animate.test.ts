import { describe, expect, it } from 'vitest';
import { frameValue, isAnimated, parseAnimation, specAtFrame } from '../../src/math/animate.js';
import { resolveSpec } from '../../src/math/resolve.js';
import { usageMessage } from '../support/usage-error.js';

describe('animated parameters (key=a..b)', () => {
  it('finds ranges in specs and in expressions, and nothing else', () => {
    expect(isAnimated('ELU(alpha=0.1..3)')).toBe(true);
    expect(isAnimated('elu:alpha=0.1..3')).toBe(true);
    expect(isAnimated('x*elu(x, alpha=-1..1)')).toBe(true);
    expect(isAnimated('ELU(alpha=0.5|1)')).toBe(false);
    expect(isAnimated('x*sigmoid(1.702*x)')).toBe(false);
    expect(parseAnimation('Softplus(beta=0.5..5, threshold=10)')).toEqual({
      spec: 'Softplus(beta=0.5..5, threshold=10)',
      params: [{ key: 'beta', from: 0.5, to: 5 }],
    });
  });

  it('writes each frame with the decimals that tell frames apart, ends exact', () => {
    const a = parseAnimation('ELU(alpha=0.1..3)')!;
    const values = Array.from({ length: 40 }, (_, i) => frameValue(a.params[0]!, i, 40));
    expect(values[0]).toBe('0.1');
    expect(values[20]).toBe('1.59'); // 0.1 + 2.9·20/39 = 1.587…
    expect(values[39]).toBe('3');
    expect(new Set(values).size).toBe(40);
    expect(specAtFrame('ELU(alpha=0.1..3)', 20, 40)).toBe('ELU(alpha=1.59)');
    expect(specAtFrame('x*elu(x, alpha = 1..2)', 1, 3)).toBe('x*elu(x, alpha = 1.5)');
    expect(specAtFrame('GELU', 3, 40)).toBe('GELU');
    // Going down works as well, and every frame is a valid spec.
    for (let i = 0; i < 7; i++)
      expect(resolveSpec(specAtFrame('Softplus(beta=5..0.5)', i, 7)).params.beta).toBeGreaterThan(0);
    expect(specAtFrame('Softplus(beta=5..0.5)', 6, 7)).toBe('Softplus(beta=0.5)');
  });

  it('moves several ranges together', () => {
    expect(specAtFrame('Hardtanh(min_val=-2..-1, max_val=1..2)', 0, 2)).toBe('Hardtanh(min_val=-2, max_val=1)');
    expect(specAtFrame('Hardtanh(min_val=-2..-1, max_val=1..2)', 1, 2)).toBe('Hardtanh(min_val=-1, max_val=2)');
  });

  it('rejects ranges that are not two different numbers, naming the parameter', () => {
    expect(usageMessage(() => parseAnimation('ELU(alpha=a..3)'))).toContain('alpha=a.. is not a range a..b');
    expect(usageMessage(() => parseAnimation('ELU(alpha=1..1)'))).toContain('does not move');
    expect(usageMessage(() => parseAnimation('ELU(alpha=1..2..3)'))).toContain('is not a range a..b');
  });
});
