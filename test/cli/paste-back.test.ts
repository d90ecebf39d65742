/**
 * What actfn prints can be pasted back: every numeric input (spec parameters, --x, --range,
 * --step, tolerances, expressions) reads the true minus U+2212 (−) that tables and labels print as
 * the ASCII minus, and ∞ where infinities are allowed.
 */
import { describe, expect, it } from 'vitest';
import { parseNumber, parseNumberLiteral } from '../../src/math/numbers.js';
import { runCli } from '../support/cli-capture.js';

describe('numbers with a true minus', () => {
  it('parse as with the ASCII minus, exponents included', () => {
    for (const [text, value] of [
      ['−1', -1],
      ['−0.5', -0.5],
      ['1e−9', 1e-9],
      ['−2.5e−3', -2.5e-3],
      ['−0', -0],
    ] as const) {
      expect(Object.is(parseNumberLiteral(text), value), text).toBe(true);
    }
    expect(parseNumberLiteral('−inf', { allowInfinity: true })).toBe(-Infinity);
    expect(parseNumberLiteral('∞', { allowInfinity: true })).toBe(Infinity);
    expect(parseNumberLiteral('−∞', { allowInfinity: true })).toBe(-Infinity);
    expect(parseNumberLiteral('−1/8', { allowFraction: true })).toBe(-0.125);
    expect(() => parseNumber('−', '--x')).toThrow("--x: '−' is not a number");
    expect(() => parseNumber('1−2', '--x')).toThrow('is not a number');
  });

  it('in spec parameters, sweeps and --x: the table matches the ASCII spelling', async () => {
    const unicode = await runCli([
      'table',
      'Hardtanh(min_val=−1)',
      'ELU(alpha=−1|0.5)',
      '--x',
      '−3,−0,1e−9,−inf',
      '--json',
    ]);
    const ascii = await runCli([
      'table',
      'Hardtanh(min_val=-1)',
      'ELU(alpha=-1|0.5)',
      '--x',
      '-3,-0,1e-9,-inf',
      '--json',
    ]);
    expect(unicode.code, unicode.stderr).toBe(0);
    const strip = (s: string) => s.replace(/"spec": "[^"]*"/g, '');
    expect(strip(unicode.stdout)).toBe(strip(ascii.stdout));
  });

  it('in --range and --step, the tolerances and expressions', async () => {
    const range = await runCli(['table', 'ReLU', '--range', '−2,2', '--step', '1', '--json']);
    expect(JSON.parse(range.stdout)[0].x).toEqual([-2, -1, 0, 1, 2]);
    const check = await runCli(['grad-check', 'GELU', '--range', '−1,1', '--atol', '1e−5', '--rtol', '1e−3', '--json']);
    expect(check.code, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ atol: 1e-5, rtol: 1e-3 });
    const expr = await runCli(['table', '1e−3*x', 'x*(−2)', '--x', '1', '--json']);
    expect(JSON.parse(expr.stdout).map((f: { y: number[] }) => f.y[0])).toEqual([0.001, -2]);
  });

  it('the defaults list prints, pasted back as specs', async () => {
    const list = (await runCli(['list'])).stdout;
    const hardtanh = /│ Hardtanh .*?│ .*?│ (min_val=\S+, max_val=\S+) +│/.exec(list)![1]!;
    expect(hardtanh).toBe('min_val=−1, max_val=1');
    const r = await runCli(['table', `Hardtanh(${hardtanh})`, '--x', '−2,2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/│ −2 │ +−1 │/);
  });
});

describe('grad-check with no point qualifying for the relative error', () => {
  it('shows "—" in the table and "NaN" in the JSON', async () => {
    // rtol 1e−12: no numeric derivative of Tanh is known to better than that, so none qualifies.
    const args = ['grad-check', 'Tanh', '--rtol', '1e−12', '--atol', '0'];
    const text = await runCli(args);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/│ +Tanh │ +\d+ │ +[\d.e−]+ │ +— │/);
    const json = JSON.parse((await runCli([...args, '--json'])).stdout);
    expect(json.functions[0].maxRelError).toBe('NaN');
    expect(json.functions[0].maxAbsError).toBeGreaterThan(0);
  });
});
