import { describe, expect, it } from 'vitest';
import { parseGradCheckOptions, runGradCheckOn } from '../../src/commands/grad-check.js';
import type { CliIO } from '../../src/commands/io.js';
import { corner } from '../../src/math/define.js';
import { checkFunction, type CheckOptions } from '../../src/math/gradcheck/check.js';
import { defaultCheckGrid } from '../../src/math/gradcheck/grid.js';
import { RICHARDSON } from '../../src/math/gradcheck/numeric-derivative.js';
import { evaluatePointwise, evaluateVector, resolveSpec } from '../../src/math/resolve.js';
import type { ActivationFn, Kink, PointwiseKernel, VectorKernel } from '../../src/math/types.js';

const ORDER1: CheckOptions = { order: 1, atol: 1e-5, rtol: 1e-3, method: RICHARDSON };
const ORDER2: CheckOptions = { ...ORDER1, order: 2 };

/** A test-only function (not in the catalog), built the way resolveSpec builds catalog ones. */
function pointwiseFn(name: string, kernel: PointwiseKernel, kinks: readonly Kink[] = []): ActivationFn {
  return {
    spec: name,
    name,
    label: name,
    params: {},
    kinks,
    pointwise: kernel,
    evaluate: (x) => evaluatePointwise(kernel, x),
  };
}

function vectorFn(name: string, kernel: VectorKernel): ActivationFn {
  return {
    spec: name,
    name,
    label: name,
    params: {},
    kinks: [],
    vector: kernel,
    evaluate: (x) => evaluateVector(kernel, x),
  };
}

const sech2 = (x: number) => 1 / Math.cosh(x) ** 2;
const tanhKernel: PointwiseKernel = { f: Math.tanh, df: sech2, d2: (x) => -2 * Math.tanh(x) * sech2(x) };
/** tanh with f′ off by 1%: the check must catch it. */
const wrongTanh = pointwiseFn('WrongTanh', { f: Math.tanh, df: (x) => 1.01 * sech2(x) });

function grid(fn: ActivationFn): Float64Array {
  return defaultCheckGrid(fn.kinks, RICHARDSON);
}

function captureIO(): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string | Uint8Array) => (out += String(s)) },
    stderr: { write: (s: string | Uint8Array) => (err += String(s)) },
    env: {},
    cwd: process.cwd(),
    out: () => out,
    err: () => err,
  };
}

describe('checkFunction', () => {
  it('passes a correct derivative, with errors near the numeric method’s accuracy', () => {
    const fn = pointwiseFn('Tanh', tanhKernel);
    const r = checkFunction(fn, grid(fn), ORDER1);
    expect(r.status).toBe('pass');
    expect(r.checked).toBe(247);
    expect(r.maxAbsError).toBeLessThan(1e-9);
    expect(r.failures).toEqual([]);
  });

  it('fails a derivative that is off by 1%, at the points where 1% exceeds the tolerance', () => {
    const r = checkFunction(wrongTanh, grid(wrongTanh), ORDER1);
    expect(r.status).toBe('fail');
    expect(r.maxRelError).toBeCloseTo(0.01, 6);
    // 1% of sech²(x) exceeds 1e-5 + 1e-3·sech²(x) where sech²(x) > 1e-5/0.009, i.e. |x| < ~4.8.
    expect(r.failures.length).toBeGreaterThan(150);
    expect(r.failures.every((p) => Math.abs(p.x) < 5 && !p.pass)).toBe(true);
    expect(r.worstX).toBe(0);
  });

  it('lists points at a kink as kinks (one-sided derivatives, the catalog’s value), not failures', () => {
    const relu = resolveSpec('ReLU');
    const r = checkFunction(relu, grid(relu), ORDER1);
    expect(r.status).toBe('pass');
    expect(r.kinks).toHaveLength(1);
    const k = r.kinks[0]!;
    expect(k.x).toBe(0);
    expect(k.declared).toBe(true);
    expect(k.catalogValue).toBe(0); // ReLU′(0) = 0, as in PyTorch
    expect(k.left).toBeCloseTo(0, 9);
    expect(k.right).toBeCloseTo(1, 9);
    expect(k.points).toEqual([0]);
    expect(k.mismatch).toBeUndefined();
  });

  it('handles a jump of f (a step function with a declared jump) without failing', () => {
    const kernel: PointwiseKernel = { f: (x) => (x > 1 ? x + 5 : 2 * x), df: (x) => (x > 1 ? 1 : 2) };
    const fn = pointwiseFn('Step', kernel, [{ x: 1, left: 2, right: 1, dy: 2, jump: true }]);
    const r = checkFunction(fn, Float64Array.from([0, 1 - 1e-9, 1, 1 + 1e-9, 2]), ORDER1);
    expect(r.status).toBe('pass');
    expect(r.checked).toBe(2);
    expect(r.kinks[0]!.points).toEqual([1 - 1e-9, 1, 1 + 1e-9]);
    expect(r.kinks[0]!.jump).toBe(true);
  });

  it('notes a kink record that disagrees with the numbers, without failing the function', () => {
    const relu = resolveSpec('ReLU');
    const fn = pointwiseFn('BadRecord', relu.pointwise!, [corner(0, 0, 2, 0)]);
    const r = checkFunction(fn, Float64Array.from([-1, 0, 1]), ORDER1);
    expect(r.status).toBe('pass');
    expect(r.kinks[0]!.mismatch).toMatch(/right derivative 1.*declared 2/);
  });

  it('fails a corner the catalog does not declare, and says so', () => {
    const fn = pointwiseFn('UndeclaredReLU', resolveSpec('ReLU').pointwise!);
    const r = checkFunction(fn, Float64Array.from([-1, 0, 1]), ORDER1);
    expect(r.status).toBe('fail');
    expect(r.failures.map((p) => p.x)).toEqual([0]);
    expect(r.failures[0]!.reason).toMatch(/jumps here.*declares no kink/);
  });

  it('skips points that are not finite', () => {
    const fn = pointwiseFn('Tanh', tanhKernel);
    const r = checkFunction(fn, Float64Array.from([NaN, -Infinity, 0, Infinity]), ORDER1);
    expect(r.checked).toBe(1);
    expect(r.skipped.map((s) => s.x)).toEqual([NaN, -Infinity, Infinity]);
  });
});

describe('checkFunction --order 2', () => {
  it('checks f″ against differences of f′', () => {
    const fn = pointwiseFn('Tanh', tanhKernel);
    expect(checkFunction(fn, grid(fn), ORDER2).status).toBe('pass');
    const wrong = pointwiseFn('WrongTanh2', { ...tanhKernel, d2: (x) => 1.01 * tanhKernel.d2!(x) });
    expect(checkFunction(wrong, grid(wrong), ORDER2).status).toBe('fail');
  });

  it('reports an entry without f″ as not checkable, which is not a failure', () => {
    const r = checkFunction(wrongTanh, grid(wrongTanh), ORDER2);
    expect(r.status).toBe('not-checkable');
    expect(r.reason).toMatch(/no f″/);
  });

  it('finds corners of f′ numerically (ELU: f″ jumps at 0) and lists them as kinks', () => {
    const elu = resolveSpec('ELU');
    const r = checkFunction(elu, grid(elu), ORDER2);
    expect(r.status).toBe('pass');
    const found = r.kinks.filter((k) => !k.declared);
    expect(found.map((k) => k.x)).toEqual([0]);
    expect(found[0]!.left).toBeCloseTo(1, 6);
    expect(found[0]!.right).toBeCloseTo(0, 6);
  });
});

describe('vector functions (the Jacobian diagonal)', () => {
  function softmaxInto(x: Float64Array, y: Float64Array): void {
    const m = Math.max(...x);
    let s = 0;
    for (let i = 0; i < x.length; i++) s += y[i] = Math.exp(x[i]! - m);
    for (let i = 0; i < x.length; i++) y[i] = y[i]! / s;
  }
  const kernel = (scale: number): VectorKernel => ({
    apply(x, y, dy) {
      softmaxInto(x, y);
      for (let i = 0; i < x.length; i++) dy[i] = scale * y[i]! * (1 - y[i]!);
    },
    jacobian: () => [],
  });
  const x = Float64Array.from({ length: 41 }, (_, i) => -2 + i * 0.1);

  it('passes a correct diagonal and fails one off by 1%', () => {
    expect(checkFunction(vectorFn('Softmax', kernel(1)), x, ORDER1).status).toBe('pass');
    expect(checkFunction(vectorFn('WrongSoftmax', kernel(1.01)), x, ORDER1).status).toBe('fail');
  });

  it('is not checkable at order 2', () => {
    expect(checkFunction(vectorFn('Softmax', kernel(1)), x, ORDER2).status).toBe('not-checkable');
  });
});

describe('exit code, through the code path the CLI uses', () => {
  it('a planted wrong derivative gives FAIL and exit code 1', async () => {
    const io = captureIO();
    const code = await runGradCheckOn(io, [pointwiseFn('Tanh', tanhKernel), wrongTanh], parseGradCheckOptions({}));
    expect(code).toBe(1);
    expect(io.out()).toMatch(/│\s+Tanh │.*PASS │/);
    expect(io.out()).toMatch(/│\s+WrongTanh │.*FAIL │/);
    expect(io.err()).toMatch(
      /^actfn: grad-check failed for WrongTanh \(\d+ points\); --verbose lists the failing points\n$/,
    );
  });

  it('--verbose lists the failing points; --json reports passed: false', async () => {
    const verbose = captureIO();
    expect(await runGradCheckOn(verbose, [wrongTanh], parseGradCheckOptions({ verbose: true, x: '0,1' }))).toBe(1);
    expect(verbose.out()).toMatch(/Failing points/);
    expect(verbose.out()).toMatch(/│\s+WrongTanh │\s+0 │\s+1\.01 │\s+1 │/);
    const json = captureIO();
    expect(await runGradCheckOn(json, [wrongTanh], parseGradCheckOptions({ json: true, x: '0,1' }))).toBe(1);
    const doc = JSON.parse(json.out());
    expect(doc.passed).toBe(false);
    expect(doc.functions[0].status).toBe('fail');
    expect(doc.functions[0].failures.map((p: { x: number }) => p.x)).toEqual([0, 1]);
  });

  it('all passing, or not checkable at order 2: exit code 0', async () => {
    expect(await runGradCheckOn(captureIO(), [pointwiseFn('Tanh', tanhKernel)], parseGradCheckOptions({}))).toBe(0);
    const io = captureIO();
    expect(await runGradCheckOn(io, [wrongTanh], parseGradCheckOptions({ order: '2' }))).toBe(0);
    expect(io.out()).toMatch(/Not checked \(not a failure\):\n {2}WrongTanh: no f″ given/);
  });
});
