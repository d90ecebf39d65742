/**
 * The vector entries (src/math/activations/vector.ts): Softmax, LogSoftmax, Softmin, Sparsemax act
 * on the whole vector; dy is the Jacobian's diagonal and jacobian() the full matrix.
 */
import { describe, expect, it } from 'vitest';
import { resolveSpec } from '../../src/math/resolve.js';
import { ulpDistance } from '../support/exact.js';

function expectUlps(actual: ArrayLike<number>, expected: readonly number[], max: number, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  expected.forEach((e, i) =>
    expect(ulpDistance(actual[i]!, e), `${what}[${i}] = ${actual[i]}, exact ${e}`).toBeLessThanOrEqual(max),
  );
}

/**
 * mpmath at 60 digits, rounded to double (1 − Sᵢ formed as Σ_{j≠i} e^(xⱼ) / Σ e^(xⱼ), which stays
 * exact even when Sᵢ is within 1e−300 of 1). Torch 1.13 float64 on the same vectors: on `dominant`
 * its S₀(1 − S₀) and LogSoftmax₀ keep no digit (2.22e−16 and −2.22e−16 where the exact values are
 * 1.4496e−16 and −1.4496e−16), and on `wide` Softmax₁ is off by 2.3e−14 relative.
 */
const MPMATH = {
  mixed: {
    x: [3.0, 1.0, -2.0, 0.5, 7.25],
    softmax: [
      0.014019431098927865, 0.001897323678589579, 9.446218370190649e-5, 0.0011507849824633379, 0.9828379980563173,
    ],
    softmaxDiag: [
      0.013822886650590279, 0.0018937238414482424, 9.445326059775675e-5, 0.0011494606763874746, 0.01686746763296772,
    ],
    logSoftmax: [-4.267310976021544, -6.267310976021544, -9.267310976021545, -6.767310976021544, -0.017310976021543953],
    logSoftmaxDiag: [
      0.9859805689010721, 0.9981026763214105, 0.9999055378162981, 0.9988492150175367, 0.017162001943682687,
    ],
    softmin: [0.00591719570778742, 0.0437224910331929, 0.8781897080209378, 0.07208620097442076, 8.440426366120616e-5],
    softminDiag: [
      -0.005882182502743162, -0.041810834811045264, -0.10697254474703788, -0.06688978060349618, -8.439713958148198e-5,
    ],
    softmaxRow0: [
      0.013822886650590279, -2.6599398584350964e-5, -1.3243060758631447e-6, -1.6133350771325678e-5,
      -0.01377882959515874,
    ],
  },
  dominant: {
    x: [0.0, -40.0, -45.0, -50.0, -36.5],
    softmax: [
      0.9999999999999999, 4.248354255291588e-18, 2.862518580549393e-20, 1.9287498479639176e-22, 1.4068617124461467e-16,
    ],
    softmaxDiag: [
      1.4496334356069651e-16, 4.248354255291588e-18, 2.862518580549393e-20, 1.9287498479639176e-22,
      1.4068617124461464e-16,
    ],
    logSoftmax: [-1.4496334356069654e-16, -40.0, -45.0, -50.0, -36.5],
    logSoftmaxDiag: [1.4496334356069654e-16, 1.0, 1.0, 1.0, 0.9999999999999999],
    softmin: [
      1.9157520110258645e-22, 4.5093979830888074e-5, 0.0066925400032099725, 0.9932610042967601, 1.3617201989916245e-6,
    ],
    softminDiag: [
      -1.9157520110258645e-22, -4.5091946363871084e-5, -0.006647749911515406, -0.006693581640151567,
      -1.3617183447097241e-6,
    ],
    softmaxRow0: [
      1.4496334356069651e-16, -4.248354255291588e-18, -2.862518580549393e-20, -1.928749847963917e-22,
      -1.4068617124461464e-16,
    ],
  },
  wide: {
    x: [-700.0, 0.1, 650.5, 651.0, -3.0],
    softmax: [0.0, 1.2936974167334962e-283, 0.37754066879814546, 0.6224593312018546, 5.8280036762450165e-285],
    softmaxDiag: [0.0, 1.2936974167334962e-283, 0.2350037122015945, 0.2350037122015945, 5.8280036762450165e-285],
    logSoftmax: [-1351.47407698418, -651.3740769841801, -0.9740769841801067, -0.4740769841801067, -654.4740769841801],
    logSoftmaxDiag: [1.0, 1.0, 0.6224593312018546, 0.37754066879814546, 1.0],
    softmin: [1.0, 8.921404266525305e-305, 0.0, 0.0, 1.9803689727037426e-303],
    softminDiag: [-2.0695830153689954e-303, -8.921404266525305e-305, -0.0, -0.0, -1.9803689727037426e-303],
    softmaxRow0: [0.0, -0.0, -0.0, -0.0, -0.0],
  },
} as const;

/** Sparsemax by mpmath (the sort-based projection at 60 digits). */
const SPARSEMAX = [
  { x: [0.1, 0.2, 0.3, -2.0], p: [0.23333333333333334, 0.33333333333333337, 0.43333333333333335, 0.0], support: 3 },
  { x: [0.5, 0.45, 0.44, -1.0, 0.3], p: [0.3275, 0.2775, 0.2675, 0.0, 0.1275], support: 4 },
  { x: [2.0, -1.0, 0.0], p: [1.0, 0.0, 0.0], support: 1 },
] as const;

const ALL = ['Softmax', 'LogSoftmax', 'Softmin', 'Sparsemax'] as const;

describe('accuracy against mpmath (≤ 4 ulp per component)', () => {
  for (const [name, c] of Object.entries(MPMATH)) {
    it(`Softmax, LogSoftmax, Softmin on ${name}`, () => {
      const s = resolveSpec('Softmax').evaluate(c.x);
      expectUlps(s.y, c.softmax, 4, 'Softmax');
      expectUlps(s.dy, c.softmaxDiag, 4, 'Softmax diagonal');
      expectUlps(
        resolveSpec('Softmax').vector!.jacobian(Float64Array.from(c.x))[0]!,
        c.softmaxRow0,
        4,
        'Softmax Jacobian row 0',
      );
      const l = resolveSpec('LogSoftmax').evaluate(c.x);
      expectUlps(l.y, c.logSoftmax, 4, 'LogSoftmax');
      expectUlps(l.dy, c.logSoftmaxDiag, 4, 'LogSoftmax diagonal');
      const m = resolveSpec('Softmin').evaluate(c.x);
      expectUlps(m.y, c.softmin, 4, 'Softmin');
      expectUlps(m.dy, c.softminDiag, 4, 'Softmin diagonal');
    });
  }
  it('Sparsemax: the projection, and 1 − 1/|support| on the support', () => {
    for (const c of SPARSEMAX) {
      const { y, dy } = resolveSpec('Sparsemax').evaluate(c.x);
      expectUlps(y, c.p, 2, `Sparsemax(${c.x})`);
      expect(Array.from(dy)).toEqual(c.p.map((p) => (p > 0 ? (c.support - 1) / c.support : 0)));
    }
  });
});

describe('Jacobians', () => {
  const vectors = [
    MPMATH.mixed.x,
    MPMATH.dominant.x,
    MPMATH.wide.x,
    [0.1, 0.2, 0.3, -2],
    [0.5, 0.45, 0.44, -1, 0.3],
    [-Infinity, 0, 1],
  ];
  it.each(ALL)('%s: the diagonal of jacobian() is dy, exactly', (name) => {
    for (const x of vectors) {
      const fn = resolveSpec(name);
      const { dy } = fn.evaluate(x);
      const J = fn.vector!.jacobian(Float64Array.from(x));
      expect(J.map((row, i) => row[i])).toEqual(Array.from(dy));
    }
  });
  it.each(ALL)(
    '%s: every row sums to 0 (the outputs of Softmax and Sparsemax sum to 1; LogSoftmax is shift-invariant)',
    (name) => {
      for (const x of vectors) {
        for (const row of resolveSpec(name).vector!.jacobian(Float64Array.from(x))) {
          const scale = Math.max(...row.map(Math.abs));
          expect(Math.abs(row.reduce((a, b) => a + b, 0)), `${name}(${x})`).toBeLessThanOrEqual(
            4 * Number.EPSILON * Math.max(scale, 1e-300),
          );
        }
      }
    },
  );
  it('Softmax: the full Jacobian diag(S) − S·Sᵀ on a small vector (mpmath)', () => {
    // mpmath, 60 digits: x = [1, 2, 0]
    const J = resolveSpec('Softmax').vector!.jacobian(Float64Array.from([1, 2, 0]));
    const exact = [
      [0.1848364465099787, -0.16280340198980442, -0.022033044520174298],
      [-0.16280340198980442, 0.22269542653462335, -0.059892024544818935],
      [-0.022033044520174298, -0.059892024544818935, 0.08192506906499322],
    ];
    exact.forEach((row, i) => expectUlps(J[i]!, row, 4, `J[${i}]`));
  });
  it('Sparsemax: δᵢⱼ − 1/|S| on the support block, 0 elsewhere', () => {
    const J = resolveSpec('Sparsemax').vector!.jacobian(Float64Array.from([0.1, 0.2, 0.3, -2]));
    const t = 2 / 3;
    const u = -1 / 3;
    expect(J.map((r) => Array.from(r))).toEqual([
      [t, u, u, 0],
      [u, t, u, 0],
      [u, u, t, 0],
      [0, 0, 0, 0],
    ]);
  });
});

describe('non-finite components', () => {
  const run = (name: string, x: number[]): [number[], number[]] => {
    const { y, dy } = resolveSpec(name).evaluate(x);
    return [Array.from(y), Array.from(dy)];
  };
  it('−∞ components drop out, as in torch', () => {
    // torch 1.13 float64 (values and autograd Jacobian diagonal):
    expect(run('Softmax', [-Infinity, 0, 1])).toEqual([
      [0, 0.2689414213699951, 0.7310585786300049],
      [0, 0.19661193324148185, 0.19661193324148185],
    ]);
    expect(run('LogSoftmax', [-Infinity, 0, 1])).toEqual([
      [-Infinity, -1.3132616875182228, -0.31326168751822286],
      [1, 0.7310585786300049, 0.2689414213699951],
    ]);
    expect(run('Softmin', [Infinity, 0, 1])).toEqual([
      [0, 0.7310585786300049, 0.2689414213699951],
      [-0, -0.19661193324148185, -0.19661193324148185],
    ]);
    expect(run('Sparsemax', [-Infinity, 0.25, 0])).toEqual([
      [0, 0.625, 0.375],
      [0, 0.5, 0.5],
    ]);
  });
  it('+∞ components share the mass equally (the limit; torch gives NaN everywhere)', () => {
    expect(run('Softmax', [Infinity, 0, Infinity])).toEqual([
      [0.5, 0, 0.5],
      [0.25, 0, 0.25],
    ]);
    expect(run('Softmax', [Infinity, 0, 1])).toEqual([
      [1, 0, 0],
      [0, 0, 0],
    ]);
    expect(run('LogSoftmax', [Infinity, 5, Infinity])).toEqual([
      [-Math.LN2, -Infinity, -Math.LN2],
      [0.5, 1, 0.5],
    ]);
    expect(run('Softmin', [-Infinity, 3, -Infinity, -Infinity])[0]).toEqual([1 / 3, 0, 1 / 3, 1 / 3]);
    expect(run('Sparsemax', [Infinity, 7, Infinity, Infinity])).toEqual([
      [1 / 3, 0, 1 / 3, 1 / 3],
      [2 / 3, 0, 2 / 3, 2 / 3],
    ]);
  });
  it.each(ALL)(
    '%s: NaN anywhere, or every component at the losing infinity, gives NaN everywhere (as torch)',
    (name) => {
      const losing = name === 'Softmin' ? Infinity : -Infinity;
      for (const x of [
        [NaN, 0, 1],
        [0, 1, NaN],
        [losing, losing],
      ]) {
        const [y, dy] = run(name, x);
        expect([...y, ...dy].every(Number.isNaN), `${name}(${x})`).toBe(true);
        expect(
          resolveSpec(name)
            .vector!.jacobian(Float64Array.from(x))
            .every((r) => r.every(Number.isNaN)),
        ).toBe(true);
      }
    },
  );
  it('does not overflow at ±1000 (torch: [1, 0, 0] and LogSoftmax [0, −2000, −1000])', () => {
    expect(run('Softmax', [1000, -1000, 0])[0]).toEqual([1, 0, 0]);
    expect(run('LogSoftmax', [1000, -1000, 0])[0]).toEqual([0, -2000, -1000]);
  });
});

describe('vectors of one and none', () => {
  it('one component: probability 1, derivative 0', () => {
    expect(Array.from(resolveSpec('Softmax').evaluate([5]).y)).toEqual([1]);
    expect(Array.from(resolveSpec('LogSoftmax').evaluate([5]).y)).toEqual([0]);
    expect(Array.from(resolveSpec('Sparsemax').evaluate([-5]).dy)).toEqual([0]);
  });
  it.each(ALL)('%s: an empty vector gives empty results', (name) => {
    const { y, dy } = resolveSpec(name).evaluate([]);
    expect([y.length, dy.length]).toEqual([0, 0]);
  });
});
