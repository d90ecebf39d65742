import { describe, expect, it } from 'vitest';
import { expandSweeps, parseSpec } from '../../src/math/spec.js';
import { resolveSpec } from '../../src/math/resolve.js';
import { UsageError } from '../../src/errors.js';

describe('parseSpec', () => {
  it('reads the three forms', () => {
    expect(parseSpec('GELU')).toEqual({ name: 'GELU', args: [] });
    expect(parseSpec('ELU(alpha=0.5)')).toEqual({ name: 'ELU', args: [{ key: 'alpha', value: '0.5' }] });
    expect(parseSpec('leaky_relu:negative_slope=0.2')).toEqual({
      name: 'leaky_relu',
      args: [{ key: 'negative_slope', value: '0.2' }],
    });
  });
  it('rejects malformed specs with a UsageError', () => {
    for (const bad of ['', 'ELU(alpha=0.5', 'ELU(alpha)', 'ELU(alpha=)', '3x', 'ELU(alpha=1, alpha=2)']) {
      expect(() => parseSpec(bad), bad).toThrow(UsageError);
    }
  });
  it('expands sweeps into one spec per value', () => {
    expect(expandSweeps('ELU(alpha=0.5|1|2)')).toEqual(['ELU(alpha=0.5)', 'ELU(alpha=1)', 'ELU(alpha=2)']);
  });
});

describe('resolveSpec', () => {
  it('looks names up ignoring case, _ and -', () => {
    expect(resolveSpec('leaky_relu').name).toBe('LeakyReLU');
    expect(resolveSpec('LEAKY-RELU').name).toBe('LeakyReLU');
  });
  it('fills defaults and labels non-default parameters', () => {
    const fn = resolveSpec('LeakyReLU(negative_slope=1/8)');
    expect(fn.params).toEqual({ negative_slope: 0.125 });
    expect(fn.label).toBe('LeakyReLU(negative_slope=0.125)');
  });
  it('suggests the closest names for an unknown one', () => {
    expect(() => resolveSpec('Sigmod')).toThrow(/did you mean Sigmoid/);
  });
  it('lists valid parameters for an unknown one', () => {
    expect(() => resolveSpec('LeakyReLU(slope=0.1)')).toThrow(/valid: negative_slope/);
  });
});
