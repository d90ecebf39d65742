/**
 * The list filters' quick traits (src/math/traits.ts) agree with the full computed properties
 * (src/math/properties.ts) on every catalog entry, and self-gating picks the x·gate(x) family.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/math/catalog.js';
import { filterCatalog, matchesSearch } from '../../src/math/catalog-filter.js';
import { computeProperties } from '../../src/math/properties.js';
import { resolveSpec } from '../../src/math/resolve.js';
import { traitsOf } from '../../src/math/traits.js';

describe('traits agree with computeProperties', () => {
  for (const entry of catalog) {
    it(entry.name, () => {
      const fn = resolveSpec(entry.name);
      const p = computeProperties(fn);
      const has = traitsOf(fn);
      expect(has('smooth'), 'smooth').toBe(p.smoothness === 'C∞');
      expect(has('monotonic'), 'monotonic').toBe(p.monotonic !== 'not monotonic');
      expect(has('bounded'), 'bounded').toBe(Number.isFinite(p.range.lo.value) && Number.isFinite(p.range.hi.value));
      expect(has('zeroCentered'), 'zero-centered').toBe(p.zeroCentered);
    });
  }
});

it('Softsign is C¹, not C∞: its f″ jumps from 2 to −2 at 0, where no kink is declared', () => {
  expect(computeProperties(resolveSpec('Softsign')).smoothness).toBe('C¹');
  expect(computeProperties(resolveSpec('ELU')).smoothness).toBe('C¹');
});

describe('self-gated', () => {
  const gated = (spec: string) => traitsOf(resolveSpec(spec))('selfGated');
  it('the x·gate(x) family: Swish, GELU and its forms, Mish, Hardswish, HardMish', () => {
    for (const s of [
      'SiLU',
      'Swish(beta=2)',
      'GELU',
      'GELUTanh',
      'QuickGELU',
      'FastGELU',
      'Mish',
      'Hardswish',
      'HardMish',
    ]) {
      expect(gated(s), s).toBe(true);
    }
  });
  it('not ReLU (a switch), ELU (f(−∞) = −α), LeakyReLU, Softplus, ReLU6, SELU, x·tanh(x), ReLU²', () => {
    for (const s of [
      'ReLU',
      'ELU',
      'LeakyReLU',
      'Softplus',
      'ReLU6',
      'SELU',
      'Tanh',
      'Identity',
      'ReLUSquared',
      'ClippedGELU',
      'Swish(beta=0)',
    ]) {
      expect(gated(s), s).toBe(false);
    }
    expect(traitsOf(resolveSpec('x*tanh(x)'))('selfGated')).toBe(false);
  });
});

describe('catalog filters', () => {
  it('combine: smooth, monotonic and bounded gives Sigmoid and Tanh but not ReLU6 or GELU', () => {
    const names = filterCatalog(catalog, { traits: ['smooth', 'monotonic', 'bounded'] }).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Sigmoid', 'Tanh', 'Laplace']));
    expect(names).not.toContain('Softsign'); // C¹: f″ jumps from 2 to −2 at 0
    expect(names).not.toContain('ReLU6');
    expect(names).not.toContain('GELU');
  });
  it('--framework keeps what the framework ships', () => {
    const names = filterCatalog(catalog, { framework: 'timm' }).map((e) => e.name);
    expect(names).toContain('HardMish');
    expect(names).not.toContain('FastGELU');
    for (const e of filterCatalog(catalog, { framework: 'transformers' }))
      expect(e.frameworks?.transformers).toBeTruthy();
  });
  it('--search looks in names, aliases, formulas and citations, ignoring case and accents', () => {
    const find = (w: string) => catalog.filter((e) => matchesSearch(e, w)).map((e) => e.name);
    expect(find('gelu_new')).toEqual(['GELUTanh']);
    expect(find('HENDRYCKS')).toEqual(expect.arrayContaining(['GELU', 'GELUTanh', 'QuickGELU', 'FastGELU']));
    expect(find('montreal')).toContain('Softsign');
    expect(find('0.7978845608')).toContain('FastGELU');
    expect(find('1606.08415')).toContain('GELU');
    expect(find('no such thing anywhere')).toEqual([]);
  });
});
