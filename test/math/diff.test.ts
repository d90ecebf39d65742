/**
 * `actfn diff`'s figures against test/fixtures/diff.json, which diff_check.py computes with mpmath
 * (50 digits, its own golden-section refinement) and torch's float32/bfloat16/float16 casts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffFunctions, diffGrid } from '../../src/math/diff/difference.js';
import { resolveSpec } from '../../src/math/resolve.js';
import { TEST_DIR } from '../support/paths.js';

interface Ref {
  maxAbs: { value: number; x: number; ties: number[] };
  maxRel: { value: number; x: number };
  compared: number;
  formats: Record<string, { maxUlpDistance: number; at: number; differing: number; maxAbsInUlp: number[] }>;
}
interface Pair {
  a: string;
  b: string;
  range: [number, number];
  samples: number;
  points: number;
  kinks: number[];
  f: Ref;
  df: Ref;
}

const fixture = JSON.parse(readFileSync(join(TEST_DIR, 'fixtures', 'diff.json'), 'utf8')) as { pairs: Pair[] };

describe('diff figures match mpmath + torch (test/fixtures/diff.json)', () => {
  for (const p of fixture.pairs) {
    it(`${p.a} vs ${p.b} on [${p.range}]`, () => {
      const d = diffFunctions(resolveSpec(p.a), resolveSpec(p.b), { range: p.range, samples: p.samples });
      expect(d.x.length).toBe(p.points);
      expect([...d.kinks]).toEqual(p.kinks);
      for (const q of ['f', 'df'] as const) {
        const ours = d[q];
        const ref = p[q];
        const what = `${p.a} vs ${p.b}, ${q}`;
        expect(ours.compared, what).toBe(ref.compared);
        // |Δ| in double carries the rounding of both values (~1e−16 of |f|): a margin for that.
        const margin = 1e-6 * ref.maxAbs.value + 2e-15;
        expect(Math.abs(ours.maxAbs.value - ref.maxAbs.value), `${what} max |Δ|`).toBeLessThanOrEqual(margin);
        // A flat maximum pins x down less well than the value; more so when |Δ| is near rounding.
        const xTol = ref.maxAbs.value < 1e-9 ? 0.05 : 1e-4;
        // Where the largest |Δ| is reached at several x alike (|Δ| is even in x for these pairs), any.
        const off = Math.min(...ref.maxAbs.ties.map((t) => Math.abs(ours.maxAbs.x - t)));
        expect(off, `${what} where (${ours.maxAbs.x}; reference ${ref.maxAbs.ties})`).toBeLessThanOrEqual(xTol);
        // Relative differences reach 2 where A and B have opposite signs (between their roots): for
        // near-equal functions that window is ~1e−12 wide, so only 4 digits are asked there.
        expect(ours.maxRel.value, `${what} max rel`).toBeCloseTo(ref.maxRel.value, ref.maxAbs.value < 1e-9 ? 4 : 6);
        for (const f of ours.formats) {
          const r = ref.formats[f.format]!;
          expect(f.differing, `${what} ${f.format} differing`).toBe(r.differing);
          expect(f.maxUlpDistance, `${what} ${f.format} ulp apart`).toBeCloseTo(r.maxUlpDistance, 6);
          expect(f.maxUlpDistanceAt, `${what} ${f.format} where`).toBe(r.at);
          const ulpOff = Math.min(...r.maxAbsInUlp.map((v) => Math.abs(f.maxAbsInUlp - v) / v));
          expect(
            ulpOff,
            `${what} ${f.format} |Δ| in ulp: ${f.maxAbsInUlp}, reference ${r.maxAbsInUlp}`,
          ).toBeLessThanOrEqual(margin / ref.maxAbs.value);
        }
      }
    });
  }
});

describe('diffGrid and edge cases', () => {
  it('is the documented grid: a + (b − a)·i/(n − 1), b exactly, plus kinks inside', () => {
    const x = diffGrid([-1, 1], 5, [0.3, 1, -2]);
    expect([...x]).toEqual([-1, -0.5, 0, 0.3, 0.5, 1]);
  });

  it('identical functions differ by nothing, and cast alike everywhere', () => {
    const d = diffFunctions(resolveSpec('GELUTanh'), resolveSpec('GELU(approximate=tanh)'), {
      range: [-6, 6],
      samples: 1001,
    });
    for (const q of [d.f, d.df]) {
      expect(q.maxAbs.value).toBe(0);
      for (const f of q.formats) expect([f.differing, f.maxUlpDistance]).toEqual([0, 0]);
    }
  });

  it('skips points where a value is not finite, and counts them', () => {
    const d = diffFunctions(resolveSpec('1/x'), resolveSpec('x'), { range: [-1, 1], samples: 3 });
    expect(d.f.skipped).toBe(1);
    expect(d.f.compared).toBe(2);
  });

  it('rejects vector functions', () => {
    expect(() => diffFunctions(resolveSpec('Softmax'), resolveSpec('Sigmoid'), { range: [-1, 1], samples: 3 })).toThrow(
      /vector/,
    );
  });
});
