import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/math/catalog.js';
import { resolveSpec } from '../../src/math/resolve.js';
import { absPositivePieces, sampleFunction, sampleGrid, type Piece } from '../../src/math/sample.js';

const allPoints = (pieces: readonly Piece[]) => pieces.flatMap((p) => Array.from(p.x, (x, i) => [x, p.y[i]!] as const));

/** Within a piece x strictly increases: no two points share an x, so no vertical stroke is drawn. */
function expectNoVerticalStroke(pieces: readonly Piece[]): void {
  for (const p of pieces) for (let i = 1; i < p.x.length; i++) expect(p.x[i]!).toBeGreaterThan(p.x[i - 1]!);
}

describe('sample grid', () => {
  it('follows torch.arange(-6, 6, 0.1): 120 points, −6 to 5.9', () => {
    const x = sampleGrid(-6, 6, { step: 0.1 }, 1e6);
    expect(x.length).toBe(120);
    expect(x[0]).toBe(-6);
    expect(x[119]).toBeCloseTo(5.9, 12);
  });

  it('gives n evenly spaced points with both ends for --samples', () => {
    const x = sampleGrid(-1, 1, { samples: 5 }, 1e6);
    expect(Array.from(x)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('refuses empty ranges, bad steps and too many points', () => {
    expect(() => sampleGrid(1, 1, { step: 0.1 }, 1e6)).toThrow(/a < b/);
    expect(() => sampleGrid(0, 1, { step: 0 }, 1e6)).toThrow(/positive/);
    expect(() => sampleGrid(0, 1, { step: 1e-9 }, 1e6)).toThrow(/limit is 1000000/);
    expect(() => sampleGrid(0, 1, { samples: 1 }, 1e6)).toThrow(/from 2/);
  });
});

describe('sampling a function', () => {
  it("puts ReLU's corner exactly on the curve at any step, and breaks f′ there", () => {
    for (const step of [0.1, 0.37, 0.7, 1.3]) {
      const s = sampleFunction(resolveSpec('ReLU'), sampleGrid(-3, 3, { step }, 1e6));
      expect(allPoints(s.f)).toContainEqual([0, 0]);
      // f is one unbroken polyline through the corner.
      expect(s.f.length).toBe(1);
      // f′: a piece ending at (0, 0) from the left and one starting at (0, 1) on the right.
      expect(s.df.length).toBe(2);
      const [left, right] = s.df;
      expect([left!.x.at(-1), left!.y.at(-1)]).toEqual([0, 0]);
      expect([right!.x[0], right!.y[0]]).toEqual([0, 1]);
      expectNoVerticalStroke(s.df);
    }
  });

  it('does not join the two sides of a jump (Hardshrink at ±λ)', () => {
    const s = sampleFunction(resolveSpec('Hardshrink(lambd=0.5)'), sampleGrid(-2, 2, { step: 0.3 }, 1e6));
    expect(s.f.length).toBe(3);
    expectNoVerticalStroke(s.f);
    const [a, b, c] = s.f;
    // One-sided limits: −0.5 from the left, 0 inside, 0.5 from the right.
    expect(a!.x.at(-1)).toBe(-0.5);
    expect(a!.y.at(-1)).toBeCloseTo(-0.5, 6);
    expect([b!.x[0], b!.y[0], b!.x.at(-1), b!.y.at(-1)]).toEqual([-0.5, 0, 0.5, 0]);
    expect(c!.x[0]).toBe(0.5);
    expect(c!.y[0]).toBeCloseTo(0.5, 6);
  });

  it('samples every kink of every catalog entry exactly and never draws a vertical stroke', () => {
    const grid = sampleGrid(-6, 6, { step: 0.1 }, 1e6);
    for (const entry of catalog) {
      const fn = resolveSpec(entry.name);
      const s = sampleFunction(fn, grid);
      expectNoVerticalStroke(s.f);
      expectNoVerticalStroke(s.df);
      const xs = new Set(allPoints(s.f).map(([x]) => x));
      for (const k of fn.kinks)
        if (k.x >= -6 && k.x <= 5.9) expect(xs.has(k.x), `${entry.name} kink at ${k.x}`).toBe(true);
    }
  });

  it('evaluates vector functions on the whole sample (Softmax sums to 1; f′ is the Jacobian diagonal)', () => {
    const grid = sampleGrid(-6, 6, { step: 0.1 }, 1e6);
    const s = sampleFunction(resolveSpec('Softmax'), grid);
    const [f] = s.f;
    const [df] = s.df;
    expect(f!.x.length).toBe(120);
    expect(f!.y.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    f!.y.forEach((y, i) => expect(df!.y[i]).toBeCloseTo(y * (1 - y), 15));
    // Not the article's flat zero.
    expect(Math.max(...df!.y)).toBeGreaterThan(0.05);
  });

  it('cuts |y| where it is 0 for a log axis', () => {
    const s = sampleFunction(resolveSpec('ReLU'), sampleGrid(-1, 1, { samples: 5 }, 1e6));
    const pieces = absPositivePieces(s.df);
    expect(pieces.length).toBe(1);
    expect(Array.from(pieces[0]!.x)).toEqual([0, 0.5, 1]);
  });
});
