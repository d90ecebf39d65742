import { describe, expect, it } from 'vitest';
import { resolveSpec } from '../../src/math/resolve.js';
import { functionTitle } from '../../src/chart/function-chart.js';

describe('chart titles', () => {
  it('name the function and its non-default parameters', () => {
    expect(functionTitle(resolveSpec('GELU'))).toBe('GELU(x)');
    expect(functionTitle(resolveSpec('LeakyReLU(negative_slope=0.1)'))).toBe('LeakyReLU(x; negative_slope=0.1)');
  });
  it('show an unnamed expression as a formula, and a named one by its name', () => {
    expect(functionTitle(resolveSpec('x*sigmoid(1.702*x)'))).toBe('f(x) = x*sigmoid(1.702*x)');
    expect(functionTitle(resolveSpec('MySwish=x*sigmoid(1.5*x)'))).toBe('MySwish(x)');
  });
  it('cut very long expressions with an ellipsis', () => {
    const title = functionTitle(resolveSpec(`x${'+x'.repeat(60)}`));
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual('f(x) = '.length + 60);
  });
});
