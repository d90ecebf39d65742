/** Invariants of the computed properties, for every catalog entry with its default parameters. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/math/catalog.js';
import { computeProperties, VANISHING_GRADIENT } from '../../src/math/properties.js';
import { instantiate } from '../../src/math/resolve.js';

const defaults = (e: (typeof catalog)[number]) => Object.fromEntries(e.params.map((p) => [p.name, p.default]));

describe('computed properties hold together for every entry', () => {
  for (const entry of catalog) {
    it(entry.name, () => {
      const fn = instantiate(entry, defaults(entry));
      const p = computeProperties(fn);
      expect(p.range.lo.value).toBeLessThanOrEqual(p.range.hi.value);
      expect(p.derivativeRange.lo.value).toBeLessThanOrEqual(p.derivativeRange.hi.value);
      expect(p.derivativeAtZero).toBeGreaterThanOrEqual(p.derivativeRange.lo.value);
      expect(p.derivativeAtZero).toBeLessThanOrEqual(p.derivativeRange.hi.value);
      if (!fn.pointwise) {
        expect(p.sampledOn).toBeDefined();
        return;
      }
      const { f, df } = fn.pointwise;
      // An attained extremum really is a value of f there.
      for (const b of [p.range.lo, p.range.hi]) if (b.at !== undefined) expect(f(b.at)).toBeCloseTo(b.value, 12);
      // Dead zones: f′ = 0 inside (−0 where f′ underflows from below, as in GELU's tanh form's left tail).
      for (const z of p.deadZones) {
        const inside =
          Number.isFinite(z.from) && Number.isFinite(z.to)
            ? (z.from + z.to) / 2
            : Number.isFinite(z.from)
              ? z.from + 1
              : z.to - 1;
        expect(Math.abs(df(inside)), `${entry.name} f′(${inside})`).toBe(0);
      }
      // Saturation thresholds: |f′| < 1e-3 just beyond them.
      for (const [side, dir] of [
        [p.saturation.left, -1],
        [p.saturation.right, 1],
      ] as const) {
        if (!side.saturating) continue;
        const t = side.vanishBeyond!;
        if (Number.isFinite(t))
          for (const k of [1.001, 2, 10]) expect(Math.abs(df(dir * (t * k + 1e-6)))).toBeLessThan(VANISHING_GRADIENT);
      }
      if (p.zeroCentered) expect(f(0)).toBe(0);
    });
  }
});
