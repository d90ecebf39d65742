/**
 * The smooth families of exponential.ts and softplus.ts (ELU, SELU, CELU, Softplus, LogSigmoid,
 * Mish, Squareplus, Softsign, Tanhshrink): values against independent references, torch's
 * conventions at 0, limits, parameter validation.
 *
 * The [x, f, f′, f″] literals below were computed with mpmath 1.2.1 at 80 digits from each
 * function's formula (SELU with its exact decimal constants), not from this code. They sit where
 * PyTorch 1.13 float64 goes wrong or where our own code switches method: subnormal tails,
 * cancellation near 0, the Softplus threshold, huge alpha.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { CELU, ELU, SELU } from '../../src/math/activations/exponential.js';
import { LogSigmoid, Mish, Softplus, Softsign, Squareplus, Tanhshrink } from '../../src/math/activations/softplus.js';
import { resolveSpec } from '../../src/math/resolve.js';
import type { Params, PointwiseEntry } from '../../src/math/types.js';
import { parseExact, show, ulpError } from '../support/exact.js';

const ENTRIES: Record<string, PointwiseEntry> = {
  ELU,
  SELU,
  CELU,
  Softplus,
  LogSigmoid,
  Mish,
  Squareplus,
  Softsign,
  Tanhshrink,
};

function kernelOf(entry: PointwiseEntry, given: Record<string, number> = {}) {
  const params: Params = { ...Object.fromEntries(entry.params.map((d) => [d.name, d.default])), ...given };
  return entry.kernel(params);
}

type Row = [x: number, f: string, df: string, d2: string];
interface Case {
  spec: string;
  params: Record<string, number>;
  points: Row[];
}

// mpmath 1.2.1, 80 digits (see the file comment).
const REFERENCE: Case[] = [
  {
    spec: 'ELU',
    params: { alpha: 1 },
    points: [
      [-1e-10, '-9.99999999950000036433864e-11', '9.99999999900000000005e-1', '9.99999999900000000005e-1'],
      [-745.5, '-1.0', '1.711842250493576839594086e-324', '1.711842250493576839594086e-324'],
      [-30, '-9.999999999999064237703116e-1', '9.357622968840174604915832e-14', '9.357622968840174604915832e-14'],
      [2.5, '2.5', '1.0', '0'],
    ],
  },
  {
    spec: 'ELU',
    params: { alpha: 1e300 },
    points: [
      [-1000, '-1.00000000000000005250476e+300', '5.075958897549457031803814e-135', '5.075958897549457031803814e-135'],
      [-0.5, '-3.934693402873665970552138e+299', '6.065306597126334554495464e+299', '6.065306597126334554495464e+299'],
    ],
  },
  {
    spec: 'ELU',
    params: { alpha: 1e308 },
    points: [
      [-1000, '-1.000000000000000010979064e+308', '5.075958897549456821021085e-127', '5.075958897549456821021085e-127'],
    ],
  },
  {
    spec: 'CELU',
    params: { alpha: 1.5e300 },
    points: [
      [-1e303, '-1.50000000000000007875714e+300', '2.953557280266203513514465e-290', '1.969038186844135572292432e-590'],
      [-5, '-5.0', '1.0', '6.666666666666666316634932e-301'],
    ],
  },
  {
    spec: 'SELU',
    params: {},
    points: [
      [-1e-8, '-1.758099332056880221788929e-8', '1.758099323266383539371415', '1.758099323266383539371415'],
      [-3, '-1.670568728767111974919249', '8.753061208026488502096901e-2', '8.753061208026488502096901e-2'],
      [-744, '-1.758099340847376859940218', '1.348804092743634486418792e-323', '1.348804092743634486418792e-323'],
      [2, '2.10140197471096098683867', '1.050700987355480493419335', '0'],
    ],
  },
  {
    spec: 'CELU',
    params: { alpha: 0.1 },
    points: [
      [-1e-10, '-9.99999999500000036598864e-11', '9.999999990000000005e-1', '9.999999989999999449888488'],
      [-70, '-1.000000000000000055511151e-1', '9.859676543760153982102371e-305', '9.859676543760153434780376e-304'],
      [-74.3, '-1.000000000000000055511151e-1', '2.085450787831649528100391e-323', '2.085450787831649412334617e-322'],
      [-0.5, '-9.93262053000914586170328e-2', '6.737946999085468966792023e-3', '6.737946999085468592760828e-2'],
    ],
  },
  {
    spec: 'CELU',
    params: { alpha: 3 },
    points: [
      [-2000, '-3.0', '2.953557280266100448158145e-290', '9.845190934220334827193816e-291'],
      [-1, '-8.504060682786322487231877e-1', '7.165313105737892504256041e-1', '2.388437701912630834752014e-1'],
    ],
  },
  {
    spec: 'Softplus',
    params: { beta: 1, threshold: 20 },
    points: [
      [-745, '2.82235073047193707635344e-324', '2.82235073047193707635344e-324', '2.82235073047193707635344e-324'],
      [-740, '4.18873988004804893945754e-322', '4.18873988004804893945754e-322', '4.18873988004804893945754e-322'],
      [-30, '9.357622968839736779377697e-14', '9.357622968839298953839563e-14', '9.357622968838423302763293e-14'],
      [0, '6.931471805599453094172321e-1', '5.0e-1', '2.5e-1'],
      [5, '5.006715348489118068616417', '9.93307149075715144440638e-1', '6.648056670790154913998535e-3'],
      [19.5, '1.950000000339826781372096e+1', '9.999999966017321920531529e-1', '3.398267796398622996841041e-9'],
      [20, '2.000000000206115362031438e+1', '9.999999979388463818097964e-1', '2.061153613941849343652295e-9'],
      [20.5, '2.05e+1', '1.0', '0'],
    ],
  },
  {
    spec: 'Softplus',
    params: { beta: 0.75, threshold: Infinity },
    points: [
      [-950, '4.899145982329602321699958e-310', '3.674359486747201741274968e-310', '2.755769615060401305956226e-310'],
      [-30, '2.255863896629339243054157e-10', '1.691897922328878503295435e-10', '1.268923441531969984003018e-10'],
      [30, '3.000000000022558638966293e+1', '9.999999998308102077671121e-1', '1.268923441531969984003018e-10'],
      [800, '8.0e+2', '1.0', '1.98779741475323311225401e-261'],
    ],
  },
  {
    spec: 'Softplus',
    params: { beta: 3, threshold: 20 },
    points: [
      [-200, '8.834655176681036054462265e-262', '2.650396553004310816338679e-261', '7.951189659012932449016038e-261'],
      [-1.5, '3.682581616197938773881406e-3', '1.098694263059318003863538e-2', '3.259868916667570275488259e-2'],
      [6.5, '6.500000001132755937906986', '9.999999966017321920531529e-1', '1.019480338919586899052312e-8'],
      [7, '7.0', '1.0', '0'],
    ],
  },
  {
    spec: 'LogSigmoid',
    params: {},
    points: [
      [-800, '-8.0e+2', '1.0', '-3.667874584177687213455496e-348'],
      [-40, '-4.000000000000000000424835e+1', '9.999999999999999957516457e-1', '-4.248354255291588959232207e-18'],
      [3, '-4.858735157374205875892592e-2', '4.742587317756678087884815e-2', '-4.517665973091213264936003e-2'],
      [40, '-4.248354255291588986304978e-18', '4.248354255291588977280721e-18', '-4.248354255291588959232207e-18'],
      [720, '-2.032230802424293152866634e-313', '2.032230802424293152866634e-313', '-2.032230802424293152866634e-313'],
    ],
  },
  {
    spec: 'Mish',
    params: {},
    points: [
      [-740, '-3.09966751123555621519858e-319', '-3.095478771355508166259122e-319', '-3.091290031475460117319665e-319'],
      [-20, '-4.122307240628761400640292e-8', '-3.916191874348969075316688e-8', '-3.710076504245657920230655e-8'],
      [-1.5, '-2.980997421668067574542779e-1', '-6.40978158922586431338072e-2', '1.546147535615431729624163e-1'],
      [0.5, '3.752452113048951048185624e-1', '8.864243753577272584508843e-1', '4.680533778448865833255496e-1'],
      [3, '2.986535004967957319057052', '1.021106910929443772655554', '-3.026649663932699142616849e-2'],
      [25, '2.499999999999999999999036e+1', '1.000000000000000000018902', '-3.703199707856073545544744e-20'],
      [800, '8.0e+2', '1.0', '-8.599351894592045492445815e-692'],
    ],
  },
  {
    spec: 'Squareplus',
    params: { b: 4 },
    points: [
      [-1000, '9.99999000001999995000014e-4', '9.99997000009999965000126e-7', '1.99998800005999972000126e-9'],
      [-3, '3.027756377319946465596106e-1', '8.39748528310781584862437e-2', '4.266924586347916323218013e-2'],
      [0, '1.0', '5.0e-1', '2.5e-1'],
      [2.5, '2.850781059358212171622054', '8.904344047215151638102572e-1', '6.094585829799261093623527e-2'],
    ],
  },
  {
    spec: 'Squareplus',
    params: { b: 0 },
    points: [
      [1e-300, '1.000000000000000025059092e-300', '1.0', '0'],
      [-1e-300, '0', '0', '0'],
    ],
  },
  {
    spec: 'Softsign',
    params: {},
    points: [
      [700, '9.985734664764621968616262e-1', '2.034997893777179940618761e-6', '-5.805985431603937063106309e-9'],
      [-3, '-7.5e-1', '6.25e-2', '3.125e-2'],
      [1e-300, '1.000000000000000025059092e-300', '1.0', '-2.0'],
    ],
  },
  {
    spec: 'Tanhshrink',
    params: {},
    points: [
      [1e-5, '3.333333333200000818035936e-16', '9.999999999333334969432189e-11', '1.999999999733333496962108e-5'],
      [1e-100, '3.333333333333333533252331e-301', '1.0000000000000000399838e-200', '2.0000000000000000399838e-100'],
      [-0.3, '-8.687387548409093239609738e-3', '8.486303817337079094313044e-2', '-5.331818782014543325740512e-1'],
      [1.2, '3.663453929878447104625928e-1', '6.949800037925910012013014e-1', '5.08562650138273264409567e-1'],
      [-2, '-1.035972419924183116053586', '9.293491751468355343137523e-1', '-1.362186874271130411722343e-1'],
      [10, '9.000000004122307236380407', '9.999999917553855442326026e-1', '1.648922884356112708486545e-8'],
    ],
  },
];

describe('accuracy against mpmath literals', () => {
  for (const c of REFERENCE) {
    const label = `${c.spec}(${Object.entries(c.params)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')})`;
    it(`${label}: f and f′ within 4 ulp, f″ within 8`, () => {
      const k = kernelOf(ENTRIES[c.spec]!, c.params);
      const misses: string[] = [];
      for (const [x, f, df, d2] of c.points) {
        const checks: [string, number, string, number][] = [
          ['f', k.f(x), f, 4],
          ['f′', k.df(x), df, 4],
          ['f″', k.d2!(x), d2, 8],
        ];
        for (const [what, got, exact, tol] of checks) {
          const err = ulpError(got, parseExact(exact));
          if (!(err <= tol)) misses.push(`${what}(${show(x)}) = ${show(got)}, exact ${exact}: ${err} ulp`);
        }
      }
      expect(misses).toEqual([]);
    });
  }
});

describe("torch's conventions at 0", () => {
  it('ELU′(0) = alpha (elu_backward takes x ≤ 0), a corner unless alpha = 1', () => {
    const p = { alpha: 0.5 };
    expect(kernelOf(ELU, p).df(0)).toBe(0.5);
    expect(kernelOf(ELU, p).df(-0)).toBe(0.5);
    expect(ELU.kinks(p)).toEqual([{ x: 0, left: 0.5, right: 1, dy: 0.5, jump: false }]);
    expect(ELU.kinks({ alpha: 1 })).toEqual([]);
    expect(kernelOf(ELU, { alpha: 1 }).df(0)).toBe(1);
  });
  it('SELU′(0) = scale·alpha, the exact product of the decimal constants rounded once', () => {
    // mpmath: 1.0507009873554804934193349852946 × 1.6732632423543772848170429916717 rounds to this
    // double; torch multiplies the two rounded constants and gets 1.7580993408473766.
    const scaleAlpha = 1.7580993408473768;
    expect(kernelOf(SELU).df(0)).toBe(scaleAlpha);
    expect(SELU.kinks({})).toEqual([
      { x: 0, left: scaleAlpha, right: 1.0507009873554805, dy: scaleAlpha, jump: false },
    ]);
  });
  it('CELU′(0) = 1 for every alpha: C¹, no corner', () => {
    for (const alpha of [0.1, 1, 3]) {
      expect(kernelOf(CELU, { alpha }).df(0)).toBe(1);
      expect(CELU.kinks({ alpha })).toEqual([]);
    }
  });
  it("f″(0) = 0 for the exponential-linear family, as torch's double backward gives", () => {
    expect(kernelOf(ELU, { alpha: 2 }).d2!(0)).toBe(0);
    expect(kernelOf(SELU).d2!(0)).toBe(0);
    expect(kernelOf(CELU, { alpha: 0.5 }).d2!(0)).toBe(0);
  });
  it('Squareplus with b = 0 is ReLU-shaped with a corner at 0, where we take ½ (torch: NaN)', () => {
    expect(Squareplus.kinks({ b: 0 })).toEqual([{ x: 0, left: 0, right: 1, dy: 0.5, jump: false }]);
    expect(Squareplus.kinks({ b: 4 })).toEqual([]);
    const k = kernelOf(Squareplus, { b: 0 });
    expect([k.f(0), k.df(0), k.f(-2), k.df(-2), k.f(3), k.df(3)]).toEqual([0, 0.5, 0, 0, 3, 1]);
  });
  it('the other functions are smooth (Softplus apart from its threshold, below)', () => {
    expect(Softplus.kinks({ beta: 1, threshold: Infinity })).toEqual([]);
    for (const e of [LogSigmoid, Mish, Softsign, Tanhshrink]) {
      expect(e.kinks(Object.fromEntries(e.params.map((d) => [d.name, d.default]))), e.name).toEqual([]);
    }
  });
});

describe("Softplus threshold (part of torch's definition)", () => {
  it('f = x and f′ = 1 where beta·x > threshold, the formula at beta·x = threshold', () => {
    const k = kernelOf(Softplus, { beta: 2, threshold: 10 });
    expect([k.f(5.5), k.df(5.5), k.d2!(5.5)]).toEqual([5.5, 1, 0]);
    // At beta·x = threshold: log1p(e^10)/2 and σ(10), from mpmath.
    expect(ulpError(k.f(5), parseExact('5.000022699449608432323385'))).toBeLessThanOrEqual(4);
    expect(ulpError(k.df(5), parseExact('0.9999546021312975656054952'))).toBeLessThanOrEqual(4);
  });
  it('the threshold is listed as a (2e−9) jump at threshold/beta, with torch’s f′ there', () => {
    // f′(10⁻) = σ(20) = 0.99999999793884638180979…, f′ = 1 above; at x = 10 itself fl(2·10) = 20 is
    // not > 20, so torch takes the formula: σ(20).
    const [k] = Softplus.kinks({ beta: 2, threshold: 20 });
    expect(k).toMatchObject({ x: 10, right: 1, jump: true });
    expect(ulpError(k!.left, parseExact('0.9999999979388463818097964'))).toBeLessThanOrEqual(4);
    expect(k!.dy).toBe(k!.left);
  });
  it('threshold = Infinity is the pure formula, without overflow (torch: inf and NaN at 800)', () => {
    const k = resolveSpec('Softplus(threshold=inf)').pointwise!;
    expect(k.f(800)).toBe(800);
    expect(k.df(800)).toBe(1);
    expect(k.f(1e308)).toBe(1e308);
  });
});

describe('limits and NaN', () => {
  // [f(−∞), f′(−∞), f(+∞), f′(+∞)] with default parameters; torch returns NaN for several of these.
  const LIMITS: [PointwiseEntry, number[]][] = [
    [ELU, [-1, 0, Infinity, 1]],
    [SELU, [-1.7580993408473768, 0, Infinity, 1.0507009873554805]],
    [CELU, [-1, 0, Infinity, 1]],
    [Softplus, [0, 0, Infinity, 1]],
    [LogSigmoid, [-Infinity, 1, 0, 0]],
    [Mish, [0, 0, Infinity, 1]],
    [Squareplus, [0, 0, Infinity, 1]],
    [Softsign, [-1, 0, 1, 0]],
    [Tanhshrink, [-Infinity, 1, Infinity, 1]],
  ];
  for (const [entry, expected] of LIMITS) {
    it(`${entry.name} at ±∞ gives the limits; NaN gives NaN`, () => {
      const k = kernelOf(entry);
      // === rather than toBe: the sign of a zero limit is not part of the contract.
      const got = [k.f(-Infinity), k.df(-Infinity), k.f(Infinity), k.df(Infinity)];
      got.forEach((v, i) => expect(v === expected[i], `${i}: ${v}`).toBe(true));
      expect(k.d2!(Infinity) === 0 && k.d2!(-Infinity) === 0).toBe(true);
      expect([k.f(NaN), k.df(NaN), k.d2!(NaN)].every(Number.isNaN)).toBe(true);
    });
  }
  it('−0 keeps its sign where f(x) ~ c·x near 0', () => {
    for (const e of [ELU, SELU, CELU, Mish, Softsign, Tanhshrink])
      expect(Object.is(kernelOf(e).f(-0), -0), e.name).toBe(true);
  });
});

describe('parameter validation', () => {
  const rejects = (spec: string, message: RegExp) => {
    expect(() => resolveSpec(spec)).toThrow(UsageError);
    expect(() => resolveSpec(spec)).toThrow(message);
  };
  it('CELU alpha = 0 names the valid range', () =>
    rejects('CELU(alpha=0)', /CELU alpha=0 is out of range \(valid: 0 < alpha\)/));
  it('Softplus beta and threshold must be positive; threshold may be Infinity', () => {
    rejects('Softplus(beta=0)', /valid: 0 < beta/);
    rejects('Softplus(threshold=-1)', /valid: 0 < threshold/);
    expect(resolveSpec('softplus:beta=2,threshold=inf').params).toEqual({ beta: 2, threshold: Infinity });
  });
  it('Squareplus b ≥ 0; ELU alpha any finite number', () => {
    rejects('Squareplus(b=-1)', /valid: 0 ≤ b/);
    rejects('ELU(alpha=inf)', /valid: any finite number/);
    expect(resolveSpec('ELU(alpha=-2)').params).toEqual({ alpha: -2 });
  });
  it('aliases', () => {
    const pairs: [string, string][] = [
      ['log_sigmoid', 'LogSigmoid'],
      ['soft_sign', 'Softsign'],
      ['tanh_shrink', 'Tanhshrink'],
      ['celu', 'CELU'],
    ];
    for (const [alias, name] of pairs) expect(resolveSpec(alias).name).toBe(name);
  });
});
