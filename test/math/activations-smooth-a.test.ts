/**
 * The smooth entries of sigmoid.ts, gelu.ts and gated.ts: Sigmoid, Tanh, SiLU, Swish, Exponential,
 * GELU (three forms), GLU, SwiGLU, Dice. Values, first and second derivatives against mpmath,
 * especially where PyTorch float64 loses every digit; limits at ±∞; NaN; metadata; validation.
 *
 * Reference values: mpmath 1.2.1 (/usr/bin/python3) at 700 working digits, from the textbook
 * formulas with the exact decimal constants (0.044715, √(2/π), 1.702) and the exact double inputs
 * and parameters (f″ by its closed form), printed to 25 digits. torch values quoted in comments are
 * torch 1.13 float64 with autograd.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { findEntry } from '../../src/math/catalog.js';
import { resolveSpec } from '../../src/math/resolve.js';
import type { PointwiseEntry } from '../../src/math/types.js';
import { parseExact, ulpError } from '../support/exact.js';

/** spec → [x, f, f′, f″] (mpmath). */
const MPMATH: Readonly<Record<string, readonly (readonly [number, string, string, string])[]>> = {
  Sigmoid: [
    [-745.0, '2.82235073047193707635344e-324', '2.82235073047193707635344e-324', '2.82235073047193707635344e-324'],
    [-40.0, '4.248354255291588977280721e-18', '4.248354255291588959232207e-18', '4.248354255291588923135179e-18'],
    [-1.5, '1.824255238063563403927828e-1', '1.491464520703328565015334e-1', '9.473021278475267369077867e-2'],
    [0.0, '5.0e-1', '2.5e-1', '0'],
    [0.5, '6.224593312018545646389006e-1', '2.350037122015944890693027e-1', '-5.755679485232074055938392e-2'],
    [40.0, '9.999999999999999957516457e-1', '4.248354255291588959232207e-18', '-4.248354255291588923135179e-18'],
    [740.0, '1.0', '4.18873988004804893945754e-322', '-4.18873988004804893945754e-322'],
  ],
  Tanh: [
    [1e-5, '9.999999999666667484710539e-6', '9.999999999000000000066667e-1', '-1.999999999733333496962108e-5'],
    [0.0625, '6.241874674751251449014289e-2', '9.961039000544698958936619e-1', '-1.243511141434189472391754e-1'],
    [-0.3, '-2.9131261245159089565816e-1', '9.151369618266292090568696e-1', '5.331818782014543325740512e-1'],
    [2.5, '9.86614298151430288881276e-1', '2.659222668316061965599414e-2', '-5.24725421305805035035421e-2'],
    [19.5, '9.999999999999999769035517e-1', '4.619289669206314287815792e-17', '-9.238579338412628362253213e-17'],
    [40.0, '1.0', '7.219405551381660689248513e-35', '-1.443881110276332137849703e-34'],
    [-372.0, '-1.0', '3.06877788167199162957991e-323', '6.137555763343983259159819e-323'],
  ],
  SiLU: [
    [-740.0, '-3.09966751123555621519858e-319', '-3.095478771355508166259122e-319', '-3.091290031475460117319665e-319'],
    [-40.0, '-1.699341702116635590912288e-16', '-1.656858159563719693920076e-16', '-1.614374617010803790069428e-16'],
    [
      -1.2784645427610737,
      '-2.784645427610737951093587e-1',
      '2.384383475524311451107773e-17',
      '2.178117057198001308869735e-1',
    ],
    [-1.0, '-2.689414213699951207488408e-1', '7.232948812851326821141602e-2', '3.023661188100152956323699e-1'],
    [0.7, '4.677314405177162380058332e-1', '8.233867834733424244406489e-1', '3.912205946779788462881953e-1'],
    [37.0, '3.699999999999999684277238e+1', '1.000000000000003071897145', '-2.986566669010421979491532e-15'],
  ],
  'Swish(beta=1.5)': [
    [
      -500.0,
      '-9.508424817375032199977281e-324',
      '-1.424362037642779823556597e-323',
      '-2.133690529018957225674902e-323',
    ],
    [-3.0, '-3.296082789177954011590614e-2', '-3.791109111942037409368851e-2', '-3.913664178366400438803343e-2'],
    [
      -0.85230969517405,
      '-1.856430285073825300729058e-1',
      '-2.54248671576207808396242e-16',
      '3.267175585796996346260554e-1',
    ],
    [2.0, '1.905148253644866438242304', '1.088104106015169617069232', '-4.84821067815092558258563e-2'],
  ],
  'Swish(beta=-0.7)': [
    [-50.0, '-4.99999999999999684744162e+1', '1.000000000000021437396984', '1.456481971593953807091771e-14'],
    [3.0, '3.272904635868388537441259e-1', '-9.501205888570039250767966e-2', '-2.437105265649121576547652e-2'],
    [1000.0, '9.859676543760208714301943e-302', '-6.891913904088385453439461e-302', '4.817437959281237365683009e-302'],
  ],
  Exponential: [
    [-745.1, '2.5537685477520739272396e-324', '2.5537685477520739272396e-324', '2.5537685477520739272396e-324'],
    [-700.5, '5.980196118639791206412107e-305', '5.980196118639791206412107e-305', '5.980196118639791206412107e-305'],
    [-1.0, '3.678794411714423215955238e-1', '3.678794411714423215955238e-1', '3.678794411714423215955238e-1'],
    [0.0, '1.0', '1.0', '1.0'],
    [1e-300, '1.0', '1.0', '1.0'],
    [3.5, '3.311545195869231375065325e+1', '3.311545195869231375065325e+1', '3.311545195869231375065325e+1'],
    [709.7, '1.65498402768026440308025e+308', '1.65498402768026440308025e+308', '1.65498402768026440308025e+308'],
  ],
  GELU: [
    [-38.5, '-5.421502483206492227814884e-323', '-2.087276562351416703116864e-321', '-8.030585957173487618861097e-320'],
    [-37.0, '-2.118461352334093424392781e-298', '-7.838298669418516242529885e-297', '-2.898048955934135891906746e-295'],
    [-20.0, '-5.507248237212467390151246e-88', '-1.101436048313346404221472e-86', '-2.197337448139585749453929e-85'],
    [-8.5, '-8.057604598872820601028393e-17', '-6.846504938697084349960275e-16', '-5.73678053124785890268824e-15'],
    [-5.0, '-1.433257859395969558368762e-6', '-7.146946001792294627867446e-6', '-3.419454883888884728188951e-5'],
    [
      -1.7677669529663687,
      '-6.814730267308935291583931e-2',
      '-1.092757656577858718238058e-1',
      '-9.407570038668732630738418e-2',
    ],
    [-1.5, '-1.002108019032870990067411e-1', '-1.274691922299795254166553e-1', '-3.237939891647293190352489e-2'],
    [-1.0, '-1.586552539314570514147675e-1', '-8.331547058768629838306274e-2', '2.419707245191433497978302e-1'],
    [
      -0.7517915246935645,
      '-1.699712074799036616938685e-1',
      '-6.453751729367753219676865e-18',
      '4.314939923140469081715372e-1',
    ],
    [-0.3, '-1.146265733433142058362825e-1', '2.676722331728901450984896e-1', '7.284507275296010084781198e-1'],
    [1e-300, '5.000000000000000125295459e-301', '5.0e-1', '7.978845608028653558798921e-1'],
    [0.5, '3.457312306370065518188523e-1', '8.674951246561628425250448e-1', '6.161143218375240861056908e-1'],
    [1.2, '1.061916395733950028726223', '1.117953595758147255643077', '1.087441907905992731224493e-1'],
    [3.0, '2.995950305905109716420045', '1.011945647204183927000155', '-3.102293888356605022921647e-2'],
  ],
  'GELU(approximate=tanh)': [
    [-17.0, '-1.584543078948613544382302e-163', '-1.004625209987351396588867e-161', '-6.357943597697127645284309e-160'],
    [-10.0, '-1.20409234820980599365925e-37', '-2.757638063854031607330147e-36', '-6.263930626022878546461446e-35'],
    [-3.0, '-3.637392081773018837816466e-3', '-1.158416663096972620354646e-2', '-3.176765888607470394340117e-2'],
    [
      -0.7524614220710163,
      '-1.700407505712540506390674e-1',
      '-1.564745574089369318703981e-17',
      '4.304000910248584809029922e-1',
    ],
    [0.4, '2.621611694273562007926924e-1', '8.026588344205613743337496e-1', '6.771476890415857148202237e-1'],
    [2.0, '1.954597694087775018781041', '1.086099256623618381564514', '-1.078750799510784533814656e-1'],
  ],
  'GELU(approximate=sigmoid)': [
    [
      -430.0,
      '-6.176023358192294732543877e-316',
      '-1.049722891062423378657446e-315',
      '-1.784183804366001965908743e-315',
    ],
    [-5.0, '-1.007016267352368939705414e-3', '-1.512193240131230881267207e-3', '-2.229927832883363961975991e-3'],
    [-0.7511582, '-1.636101896334695076961146e-1', '-1.462302536215001754304698e-6', '3.707121717412106100659223e-1'],
    [1.0, '8.457957659328212957071068e-1', '1.06777960655633405656695', '1.826729915016555057339529e-1'],
  ],
  GLU: [
    [-700.0, '-6.901773580631839599693761e-302', '-6.891913904088079828837056e-302', '-6.88205422754432005798035e-302'],
    [-2.0, '-2.384058440442351118805417e-1', '-9.078424878489547875697751e-2', '5.006216869470690965012543e-2'],
    [3.0, '2.857722380467299657363456', '1.088104106015169617069232', '-3.232140452100617055057087e-2'],
  ],
  'GLU(w=2, b=0.5, v=-1, c=1)': [
    [-300.0, '1.315299316991280568368939e-258', '2.62622886880983262986622e-258', '5.243718207274208245989125e-258'],
    [-0.6, '5.308995645309342379366743e-1', '3.776689667061150587332184e-1', '-4.095472471542486607347916e-1'],
    [1.0, '0', '-9.241418199787564488066938e-1', '-2.804148661804326277293313e-1'],
    [5.0, '-3.999889857235541666116613', '-1.000192743772087803033919', '3.303949326145492484655196e-4'],
  ],
  SwiGLU: [
    [-700.0, '4.831241506442287719785633e-299', '4.817437959281024040586245e-299', '4.803654131472847880928571e-299'],
    [-2.2, '4.827923673392761122105121e-1', '-4.268559572681988665447382e-3', '-2.428181516495032535606234e-1'],
    [-0.5, '9.438516719953635884027486e-2', '-3.187897407477468130937738e-1', '2.994631119061820777234395e-1'],
    [4.0, '1.571222064060653507157131e+1', '8.138713619715925398530646', '1.974193504634248664346936'],
  ],
  'SwiGLU(w=0.5, b=-1, v=2, c=0.25, beta=1.5)': [
    [-900.0, '1.285794952488597551979278e-288', '9.614918615599757305269012e-289', '7.189812997680344141086552e-289'],
    [-0.125, '0', '-3.588210233010766996309085e-1', '-1.096334941297792183937196e-1'],
    [3.0, '2.122433434923103041124', '3.312303525727747645878018', '2.569325143403709534871996'],
  ],
  Dice: [
    [-745.0, '-2.10265207743934550257081e-321', '-2.09982972460622168544155e-321', '-2.097007371775920220617634e-321'],
    [-1.278464543, '-2.78464542900306066437636e-1', '8.719136936028179105429859e-11', '2.17811705728303081987547e-1'],
    [2.0, '1.761594155745777717389973', '1.090784248734833310018725', '5.006216883185999328934967e-2'],
  ],
  'Dice(alpha=0.2, mean=0.5, var=2)': [
    [-1000.0, '-2.000000000000000111022302e+2', '2.000000000000000111022302e-1', '-2.263135123647187038364269e-305'],
    [-1.0, '-4.057466522219713340593621e-1', '2.97678076071690123128193e-1', '1.790269815666557345444159e-1'],
    [0.5, '3.000000000000000027755576e-1', '6.707106781009770874868572e-1', '2.828427124039083277429683e-1'],
    [4.0, '3.751556786839278302198264', '1.099925864843695503067347', '-1.576768375297740071311795e-2'],
  ],
};

const OWN = ['Sigmoid', 'Tanh', 'SiLU', 'Swish', 'Exponential', 'GELU', 'GLU', 'SwiGLU', 'Dice'];

function kernel(spec: string) {
  const k = resolveSpec(spec).pointwise;
  if (!k) throw new Error(`${spec} is not pointwise`);
  return k;
}

describe('values and derivatives against mpmath', () => {
  for (const [spec, rows] of Object.entries(MPMATH)) {
    it(`${spec}: f and f′ within 2.5 ulp, f″ within 16 ulp`, () => {
      const k = kernel(spec);
      for (const [x, f, df, d2] of rows) {
        expect(ulpError(k.f(x), parseExact(f)), `f(${x})`).toBeLessThanOrEqual(2.5);
        expect(ulpError(k.df(x), parseExact(df)), `f′(${x})`).toBeLessThanOrEqual(2.5);
        expect(ulpError(k.d2!(x), parseExact(d2)), `f″(${x})`).toBeLessThanOrEqual(16);
      }
    });
  }
});

describe('where PyTorch float64 loses every digit', () => {
  const err = (got: number, exact: string) => ulpError(got, parseExact(exact));
  it('GELU(−8.5): torch gives −0 (0.5·x·(1 + erf) cancels) and f′ 1.4% off; we are exact to an ulp', () => {
    const k = kernel('GELU');
    expect(err(k.f(-8.5), '-8.057604598872820601028393e-17')).toBeLessThanOrEqual(1);
    expect(err(k.df(-8.5), '-6.846504938697084349960275e-16')).toBeLessThanOrEqual(1); // torch −6.941300286919117e−16
    expect(k.f(-38.5)).toBeLessThan(0); // subnormal, still there
  });
  it('σ′(40) and tanh′(40): torch returns 0 (σ(1 − σ), 1 − tanh²)', () => {
    expect(err(kernel('Sigmoid').df(40), '4.248354255291588959232207e-18')).toBeLessThanOrEqual(1);
    expect(err(kernel('Tanh').df(40), '7.219405551381660689248513e-35')).toBeLessThanOrEqual(1);
  });
  it('SiLU(−740) is subnormal, not −0, and rounded once', () => {
    expect(err(kernel('SiLU').f(-740), '-3.09966751123555621519858e-319')).toBeLessThanOrEqual(1);
  });
  it('f′ at the double nearest its root keeps relative accuracy (GELU −0.7518, SiLU −1.2785)', () => {
    // GELU′ there is −6.45e−18, a difference of two terms of 0.226: torch is off by ~1e−17.
    expect(err(kernel('GELU').df(-0.7517915246935645), '-6.453751729367753219676865e-18')).toBeLessThanOrEqual(2);
    expect(err(kernel('SiLU').df(-1.2784645427610737), '2.384383475524311451107773e-17')).toBeLessThanOrEqual(2);
  });
});

describe('limits at ±∞ and NaN', () => {
  const specs = [
    'Sigmoid',
    'Tanh',
    'SiLU',
    'Swish',
    'Swish(beta=1.5)',
    'Swish(beta=-0.7)',
    'Swish(beta=0)',
    'Exponential',
    'GELU',
    'GELU(approximate=tanh)',
    'GELU(approximate=sigmoid)',
    'GLU',
    'GLU(w=2, b=0.5, v=-1, c=1)',
    'GLU(w=0, b=2, v=1.5, c=-1)',
    'SwiGLU',
    'SwiGLU(w=0.5, b=-1, v=2, c=0.25, beta=1.5)',
    'Dice',
    'Dice(alpha=0.2, mean=0.5, var=2)',
  ];
  it('NaN gives NaN for f, f′ and f″', () => {
    for (const spec of specs) {
      const k = kernel(spec);
      expect(k.f(NaN), spec).toBeNaN();
      expect(k.df(NaN), spec).toBeNaN();
      expect(k.d2!(NaN), spec).toBeNaN();
    }
  });
  /** [spec, f(−∞), f′(−∞), f(+∞), f′(+∞)]; f″ → 0 at both ends except where noted. */
  const LIMITS: readonly (readonly [string, number, number, number, number])[] = [
    ['Sigmoid', 0, 0, 1, 0],
    ['Tanh', -1, 0, 1, 0],
    ['SiLU', 0, 0, Infinity, 1],
    ['Swish(beta=-0.7)', -Infinity, 1, 0, 0],
    ['Swish(beta=0)', -Infinity, 0.5, Infinity, 0.5],
    ['Exponential', 0, 0, Infinity, Infinity],
    ['GELU', 0, 0, Infinity, 1],
    ['GELU(approximate=tanh)', 0, 0, Infinity, 1],
    ['GELU(approximate=sigmoid)', 0, 0, Infinity, 1],
    ['GLU', 0, 0, Infinity, 1],
    ['GLU(w=2, b=0.5, v=-1, c=1)', 0, 0, -Infinity, -1],
    ['GLU(w=0, b=2, v=1.5, c=-1)', -Infinity, 1.5 / (1 + Math.exp(-2)), Infinity, 1.5 / (1 + Math.exp(-2))],
    ['SwiGLU', 0, 0, Infinity, Infinity],
    ['Dice', 0, 0, Infinity, 1],
    ['Dice(alpha=0.2, mean=0.5, var=2)', -Infinity, 0.2, Infinity, 1],
  ];
  it('±Infinity gives the limit, where torch gives NaN (∞·0)', () => {
    for (const [spec, fm, dfm, fp, dfp] of LIMITS) {
      const k = kernel(spec);
      // toBeCloseTo(…, 15): GLU with w = 0 has the constant gate σ(2), rounded in the last place.
      expect(k.f(-Infinity), `${spec} f(−∞)`).toBeCloseTo(fm, 15);
      expect(k.df(-Infinity), `${spec} f′(−∞)`).toBeCloseTo(dfm, 15);
      expect(k.f(Infinity), `${spec} f(+∞)`).toBeCloseTo(fp, 15);
      expect(k.df(Infinity), `${spec} f′(+∞)`).toBeCloseTo(dfp, 15);
    }
  });
  it('f″ vanishes at ±∞ (Exponential: +∞)', () => {
    for (const [spec] of LIMITS) {
      const k = kernel(spec);
      expect(k.d2!(-Infinity), spec).toBeCloseTo(0, 300);
      if (spec !== 'Exponential' && spec !== 'SwiGLU') expect(k.d2!(Infinity), spec).toBeCloseTo(0, 300);
    }
    expect(kernel('Exponential').d2!(Infinity)).toBe(Infinity);
    expect(kernel('SwiGLU').d2!(Infinity)).toBe(2); // x²·σ(x) → x²: f″ → 2
  });
});

describe('parameters and inputs near the double range', () => {
  // Error-free products split their factors at 2^27·|a|, which overflows past ~1e300; the kernels
  // fall back to plain doubles there instead of returning NaN for a finite input.
  const EXTREME = [
    'Swish(beta=1e-308)',
    'Swish(beta=1e308)',
    'Swish(beta=5e-324)',
    'GLU(w=1e-300, b=0, v=1e300, c=0)',
    'GLU(w=1e300, b=1, v=1e-300, c=2)',
    'GLU(w=0, b=0, v=0, c=0)',
    'SwiGLU(w=1e200, b=0, v=1e200, c=0, beta=1)',
    'SwiGLU(beta=0)',
    'SwiGLU(w=0, b=0, v=0, c=0, beta=0)',
    'Dice(alpha=1e300, mean=1e300, var=1e300)',
    'Dice(var=0, eps=1e-300)',
  ];
  const XS = [
    0, -0, 5e-324, -1e-300, 1, -37, 745, -1000, 1e150, -1e300, 1.7976931348623157e308, -1.7976931348623157e308,
  ];
  it('never gives NaN for a finite x', () => {
    for (const spec of EXTREME) {
      const k = kernel(spec);
      for (const x of XS) {
        expect(k.f(x), `${spec} f(${x})`).not.toBeNaN();
        expect(k.df(x), `${spec} f′(${x})`).not.toBeNaN();
        expect(k.d2!(x), `${spec} f″(${x})`).not.toBeNaN();
      }
    }
  });
  it('gives the plain values there: Swish(beta=1e−308) at 1.8e308 is x·σ(1.8)', () => {
    const x = 1.7976931348623157e308;
    expect(kernel('Swish(beta=1e-308)').f(x) / x).toBeCloseTo(1 / (1 + Math.exp(-1e-308 * x)), 14);
    expect(kernel('SwiGLU(beta=0)').f(1e300)).toBe(Infinity); // (1e300)²/2
  });
});

describe('reductions and special parameters', () => {
  it('Swish(beta=1) is SiLU, Swish(beta=0) is x/2', () => {
    const swish = kernel('Swish');
    const silu = kernel('SiLU');
    const half = kernel('Swish(beta=0)');
    for (const x of [-800, -3, -1.2784645427610737, -0.5, 0, 0.25, 7, 40]) {
      expect(swish.f(x)).toBe(silu.f(x));
      expect(swish.df(x)).toBe(silu.df(x));
      expect(half.f(x)).toBe(x / 2);
      expect(half.df(x)).toBe(0.5);
      expect(half.d2!(x)).toBe(0);
    }
  });
  it('GLU with its defaults is SiLU', () => {
    const glu = kernel('GLU');
    const silu = kernel('SiLU');
    for (const x of [-745, -2, -1.2784645427610737, 0.3, 12]) {
      expect(glu.f(x)).toBe(silu.f(x));
      expect(glu.df(x)).toBe(silu.df(x));
    }
  });
  it('the exact value of a gate or value root is 0 (v·x + c and w·x + b carried exactly)', () => {
    expect(kernel('GLU(w=2, b=0.5, v=-1, c=1)').f(1)).toBe(0);
    expect(kernel('SwiGLU(w=0.5, b=-1, v=2, c=0.25, beta=1.5)').f(-0.125)).toBe(0);
  });
  it('GELU’s forms are different functions, close to each other', () => {
    const exact = kernel('GELU');
    const tanh = kernel('GELU(approximate=tanh)');
    const sig = kernel('GELU(approximate=sigmoid)');
    for (const x of [-3, -1, -0.5, 0.5, 1, 3]) {
      expect(Math.abs(tanh.f(x) - exact.f(x))).toBeLessThan(1e-3);
      expect(Math.abs(sig.f(x) - exact.f(x))).toBeLessThan(2.1e-2);
      expect(tanh.f(x)).not.toBe(exact.f(x));
    }
  });
});

describe('catalog metadata', () => {
  it('every entry is smooth, has f″, formulas, usage and a torch equivalent', () => {
    for (const name of OWN) {
      const entry = findEntry(name) as PointwiseEntry;
      expect(entry.kind).toBe('pointwise');
      const params = Object.fromEntries(entry.params.map((p) => [p.name, p.default]));
      expect(entry.kinks(params)).toEqual([]);
      expect(entry.kernel(params).d2, name).toBeTypeOf('function');
      expect(entry.formula.f.length).toBeGreaterThan(0);
      expect(entry.formula.df.length).toBeGreaterThan(0);
      expect(entry.usage.split(/(?<=\.) /).length, `${name} usage: 2–3 sentences`).toBeGreaterThanOrEqual(2);
      expect(entry.equivalents.torch.length).toBeGreaterThan(0);
    }
  });
  it('documents the library differences: jax.nn.gelu defaults to tanh; jax/keras swish is SiLU', () => {
    const gelu = findEntry('GELU')!;
    expect(gelu.equivalents.notes!.join(' ')).toMatch(/jax\.nn\.gelu defaults to approximate=True/);
    expect(findEntry('SiLU')!.equivalents.notes!.join(' ')).toMatch(/jax\.nn\.swish and keras\.activations\.swish/);
    expect(findEntry('Swish')!.equivalents.jax).toMatch(/SiLU/);
  });
  it('finds the entries by their aliases', () => {
    expect(findEntry('logistic')!.name).toBe('Sigmoid');
    expect(findEntry('exp')!.name).toBe('Exponential');
    expect(findEntry('swi_glu')?.name ?? findEntry('swiglu')!.name).toBe('SwiGLU');
    expect(findEntry('S-i-L-U')!.name).toBe('SiLU');
  });
  it('rejects out-of-range parameters with a message naming the range', () => {
    expect(() => resolveSpec('Dice(var=-1)')).toThrow(UsageError);
    expect(() => resolveSpec('Dice(eps=0)')).toThrow(/eps/);
    expect(() => resolveSpec('GELU(approximate=erf)')).toThrow(/none, tanh, sigmoid/);
    expect(() => resolveSpec('Swish(beta=inf)')).toThrow(UsageError);
  });
});
