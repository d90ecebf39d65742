/**
 * Catalog metadata: every entry says where it exists (framework names) and, where it comes from a
 * paper, which one; the names transformers' ACT2FN and timm's get_act_layer accept resolve to the
 * entry computing that function.
 */
import { describe, expect, it } from 'vitest';
import { catalog, findEntry } from '../../src/math/catalog.js';
import { FRAMEWORKS } from '../../src/math/types.js';

/** Entries with no paper behind them: textbook functions and framework-only variants. */
const NO_PAPER = new Set([
  'Identity',
  'Sigmoid',
  'Tanh',
  'Hardtanh',
  'LogSigmoid',
  'Hardshrink',
  'Tanhshrink',
  'Threshold',
  'LogSoftmax',
  'Softmin',
  'Exponential',
  'SqrtSoftplus',
  'HardMish',
  'KerasReLU',
  // from the literature, but introduced by no one paper
  'Sinc',
  'Gaussian',
  'ArcTan',
  'BentIdentity',
]);

/** transformers' ACT2CLS keys (src/transformers/activations.py) and the entry computing each. */
const ACT2FN: Record<string, string> = {
  gelu: 'GELU',
  gelu_10: 'ClippedGELU',
  gelu_fast: 'FastGELU',
  gelu_new: 'GELUTanh',
  gelu_python: 'GELU',
  gelu_pytorch_tanh: 'GELUTanh',
  gelu_python_tanh: 'GELUTanh',
  gelu_accurate: 'GELUTanh',
  hardswish: 'Hardswish',
  laplace: 'Laplace',
  leaky_relu: 'LeakyReLU',
  linear: 'Identity',
  mish: 'Mish',
  quick_gelu: 'QuickGELU',
  relu: 'ReLU',
  relu2: 'ReLUSquared',
  relu6: 'ReLU6',
  sigmoid: 'Sigmoid',
  silu: 'SiLU',
  sqrtsoftplus: 'SqrtSoftplus',
  tanh: 'Tanh',
  prelu: 'PReLU',
  xielu: 'xIELU',
};

/** timm's _ACT_LAYER_DEFAULT names (timm/layers/create_act.py). */
const TIMM: Record<string, string> = {
  silu: 'SiLU',
  mish: 'Mish',
  relu: 'ReLU',
  relu6: 'ReLU6',
  leaky_relu: 'LeakyReLU',
  elu: 'ELU',
  prelu: 'PReLU',
  celu: 'CELU',
  selu: 'SELU',
  gelu: 'GELU',
  gelu_tanh: 'GELUTanh',
  quick_gelu: 'QuickGELU',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  hard_sigmoid: 'Hardsigmoid',
  hard_swish: 'Hardswish',
  hard_mish: 'HardMish',
  identity: 'Identity',
  hardsigmoid: 'Hardsigmoid',
  hardswish: 'Hardswish',
};

describe('catalog references', () => {
  it('has at least 47 entries, each with framework names (possibly none) of known frameworks', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(47);
    for (const e of catalog) {
      expect(e.frameworks, e.name).toBeDefined();
      for (const [fw, name] of Object.entries(e.frameworks!)) {
        expect(FRAMEWORKS as readonly string[], `${e.name}: ${fw}`).toContain(fw);
        expect(name, `${e.name}: ${fw}`).toMatch(/\S/);
      }
    }
  });

  it('cites a paper for every entry that comes from one, in a well-formed citation', () => {
    for (const e of catalog) {
      if (NO_PAPER.has(e.name)) {
        expect(e.citation, `${e.name} has no paper`).toBeUndefined();
        continue;
      }
      const c = e.citation;
      expect(c, `${e.name} citation`).toBeDefined();
      expect(c!.key, e.name).toMatch(/^[a-z]+\d{4}[a-z0-9]+$/);
      expect(c!.key.slice(0, -1)).toContain(String(c!.year));
      expect(c!.authors.length, e.name).toBeGreaterThan(0);
      for (const a of c!.authors) expect(a, e.name).toMatch(/^[^,]+, [^,]+$/);
      expect(c!.year, e.name).toBeGreaterThanOrEqual(1990);
      expect(c!.year, e.name).toBeLessThanOrEqual(2026);
      expect(c!.title.length, e.name).toBeGreaterThan(5);
      expect(c!.venue.length, e.name).toBeGreaterThan(5);
      if (c!.arxiv !== undefined) expect(c!.arxiv, e.name).toMatch(/^\d{4}\.\d{4,5}$/);
      if (c!.doi !== undefined) expect(c!.doi, e.name).toMatch(/^10\.\d{4,}\/\S+$/);
    }
  });

  it('resolves every ACT2FN key of transformers to the entry computing it, which names it', () => {
    for (const [key, name] of Object.entries(ACT2FN)) {
      expect(findEntry(key)?.name, key).toBe(name);
      expect(findEntry(name)!.frameworks!.transformers ?? '', `${name} lists ACT2FN["${key}"]`).toContain(key);
    }
    // swish is SiLU in ACT2FN; here it names Swish, whose default beta = 1 is SiLU.
    expect(findEntry('swish')?.name).toBe('Swish');
  });

  it("resolves every timm get_act_layer name, and lists it under timm where timm's layer is that function", () => {
    for (const [key, name] of Object.entries(TIMM)) {
      expect(findEntry(key)?.name, key).toBe(name);
      expect(findEntry(name)!.frameworks!.timm ?? '', `${name} lists timm ${key}`).toContain(key);
    }
  });
});
