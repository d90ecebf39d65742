import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/math/resolve.js';
import { runCli } from '../support/cli-capture.js';

// Reference values: mpmath at 50 digits, rounded to double (σ(x) = 1/(1+e^−x), σ′ = σ(1−σ)).
const SIGMOID = {
  x: [-1, 1, 3],
  y: [0.2689414213699951, 0.7310585786300049, 0.9525741268224333],
  dy: [0.19661193324148185, 0.19661193324148185, 0.04517665973091213],
};

/** Within a few ulp (the catalog's accuracy target); the table must not lose more than that. */
function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) =>
    expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(expected[i]!)),
  );
}

describe('actfn table: pretty output', () => {
  it('has x, then f and f′ per spec, with a rule under the header only', async () => {
    const r = await runCli(['table', 'ReLU', 'Sigmoid', '--x', '-1,0,1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    // top border, header, header rule, 3 rows, bottom border
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/x .*ReLU .*ReLU′ .*Sigmoid .*Sigmoid′/);
    expect(lines[2]).toMatch(/^├─+┼/);
    expect(lines.slice(3, 6).every((l) => l.startsWith('│'))).toBe(true);
    expect(lines[3]).toMatch(/│\s+−1 │\s+0 │\s+0 │ 0\.268941 │ 0\.196612 │/);
    expect(lines[5]).toMatch(/│\s+1 │\s+1 │\s+1 │ 0\.731059 │ 0\.196612 │/);
  });

  it('stays linear in the number of rows (20 001 rows)', async () => {
    const r = await runCli(['table', 'ReLU', '--range', '0,2', '--step', '0.0001']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(20_001 + 4);
  });

  it('defaults to x = −3…3 in steps of 1', async () => {
    const r = await runCli(['table', 'ReLU']);
    const xs = r.stdout
      .split('\n')
      .slice(3, -2)
      .map((l) => l.split('│')[1]!.trim());
    expect(xs).toEqual(['−3', '−2', '−1', '0', '1', '2', '3']);
  });

  it('--digits sets the significant digits', async () => {
    const r = await runCli(['table', 'Sigmoid', '--x', '1', '--digits', '3']);
    expect(r.stdout).toMatch(/│\s+0\.731 │\s+0\.197 │/);
    const r12 = await runCli(['table', 'Sigmoid', '--x', '1', '--digits', '12']);
    expect(r12.stdout).toContain('0.73105857863');
  });

  it('prints special inputs: nan, inf, -inf, 1e-300, -0', async () => {
    const r = await runCli(['table', 'Sigmoid', '--x', 'nan,inf,-inf,1e-300,-0']);
    expect(r.code).toBe(0);
    const xs = r.stdout
      .split('\n')
      .slice(3, -2)
      .map((l) => l.split('│')[1]!.trim());
    expect(xs).toEqual(['NaN', 'inf', '−inf', '1e−300', '−0']);
  });

  it('is plain without a TTY and colored with FORCE_COLOR; NO_COLOR wins over a TTY', async () => {
    const esc = '\u001b[';
    expect((await runCli(['table', 'ReLU'])).stdout).not.toContain(esc);
    expect((await runCli(['table', 'ReLU'], { env: { FORCE_COLOR: '1' } })).stdout).toContain(esc);
    expect((await runCli(['table', 'ReLU'], { isTTY: true })).stdout).toContain(esc);
    expect((await runCli(['table', 'ReLU'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc);
  });
});

describe('actfn table: --range and --step', () => {
  it('samples a + i·step, including b', async () => {
    const r = await runCli(['table', 'ReLU', '--range', '-1,1', '--step', '0.25', '--json']);
    const [t] = JSON.parse(r.stdout);
    expect(t.x).toEqual([-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1]);
  });
  it('defaults the step to 1', async () => {
    const [t] = JSON.parse((await runCli(['table', 'ReLU', '--range', '0,3', '--json'])).stdout);
    expect(t.x).toEqual([0, 1, 2, 3]);
  });
});

describe('actfn table: machine formats', () => {
  it('CSV has full precision and keeps −0', async () => {
    const r = await runCli(['table', 'Sigmoid', '--x', '-1,1,-0', '--csv']);
    const { y, dy } = evaluate('Sigmoid', [-1, 1]);
    expect(r.stdout).toBe(`x,Sigmoid,d(Sigmoid)\n-1,${y[0]},${dy[0]}\n1,${y[1]},${dy[1]}\n-0,0.5,0.25\n`);
    expectClose([y[0]!, y[1]!, dy[0]!, dy[1]!], [SIGMOID.y[0]!, SIGMOID.y[1]!, SIGMOID.dy[0]!, SIGMOID.dy[1]!]);
  });
  it('Markdown is a right-aligned table with true minus signs', async () => {
    const r = await runCli(['table', 'ReLU', '--x', '-1,2', '--markdown']);
    expect(r.stdout).toBe('| x | ReLU | ReLU′ |\n| ---: | ---: | ---: |\n| −1 | 0 | 0 |\n| 2 | 2 | 1 |\n');
  });
  it('--format is the same as the flag', async () => {
    const a = await runCli(['table', 'ReLU', '--format', 'csv']);
    const b = await runCli(['table', 'ReLU', '--csv']);
    expect(a.stdout).toBe(b.stdout);
  });
  it('two formats at once is an error', async () => {
    const r = await runCli(['table', 'ReLU', '--csv', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^actfn: choose one output format/);
  });
});

describe('actfn table --json: the contract', () => {
  it('one object per spec: spec as given, canonical name, every parameter, x, y, dy', async () => {
    const r = await runCli([
      'table',
      'Sigmoid',
      'leaky_relu:negative_slope=1/8',
      'LEAKYRELU',
      '--x',
      '-1,1,3',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(3);
    const exact = evaluate('Sigmoid', SIGMOID.x);
    expect(out[0]).toEqual({
      spec: 'Sigmoid',
      name: 'Sigmoid',
      params: {},
      x: SIGMOID.x,
      y: Array.from(exact.y),
      dy: Array.from(exact.dy),
    });
    expectClose(out[0].y, SIGMOID.y);
    expectClose(out[0].dy, SIGMOID.dy);
    expect(out[1]).toEqual({
      spec: 'leaky_relu:negative_slope=1/8',
      name: 'LeakyReLU',
      params: { negative_slope: 0.125 },
      x: [-1, 1, 3],
      y: [-0.125, 1, 3],
      dy: [0.125, 1, 1],
    });
    // Defaults are included even when not written.
    expect(out[2].params).toEqual({ negative_slope: 0.01 });
    expect(Object.keys(out[0])).toEqual(['spec', 'name', 'params', 'x', 'y', 'dy']);
  });

  it('numbers round-trip exactly (shortest representation)', async () => {
    const xs = [0.1, 1 / 3, 1e-300, 5e-324, 1.7976931348623157e308, -2.5e-8];
    const r = await runCli(['table', 'LeakyReLU(negative_slope=1)', '--x', xs.join(','), '--json']);
    const [t] = JSON.parse(r.stdout);
    expect(t.x).toEqual(xs);
    expect(t.y).toEqual(xs);
    expect(r.stdout).toContain('0.3333333333333333,');
    expect(r.stdout).toContain('5e-324');
  });

  it('non-finite numbers are the strings "NaN", "Infinity", "-Infinity"', async () => {
    const r = await runCli(['table', 'LeakyReLU', '--x', 'nan,inf,-inf', '--json']);
    const [t] = JSON.parse(r.stdout);
    expect(t.x).toEqual(['NaN', 'Infinity', '-Infinity']);
    expect(t.y[0]).toBe('NaN');
    expect(t.y[1]).toBe('Infinity');
    expect(t.y[2]).toBe('-Infinity');
  });

  it('keeps −0 distinct from 0 (written -0.0, which JSON.parse reads back as −0)', async () => {
    const r = await runCli(['table', 'LeakyReLU', '--x', '-0,0', '--json']);
    const [t] = JSON.parse(r.stdout);
    expect(Object.is(t.x[0], -0)).toBe(true);
    expect(Object.is(t.x[1], 0)).toBe(true);
    // LeakyReLU(−0) = negative_slope·(−0) = −0.
    expect(Object.is(t.y[0], -0)).toBe(true);
    expect(r.stdout).toContain('"x": [-0.0, 0]');
  });

  it('parameters that are not finite are strings too', async () => {
    // No catalog default is infinite today, so check the writer on a parameter the user sets.
    const r = await runCli(['table', 'LeakyReLU(negative_slope=-0)', '--x', '-1', '--json']);
    const [t] = JSON.parse(r.stdout);
    expect(Object.is(t.params.negative_slope, -0)).toBe(true);
  });

  it('sweeps expand to one object each', async () => {
    const r = await runCli(['table', 'LeakyReLU(negative_slope=0.1|0.2)', '--x', '-1', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.map((t: { spec: string }) => t.spec)).toEqual([
      'LeakyReLU(negative_slope=0.1)',
      'LeakyReLU(negative_slope=0.2)',
    ]);
    expect(out.map((t: { y: number[] }) => t.y[0])).toEqual([-0.1, -0.2]);
  });
});

describe('actfn table: bad input is one line on stderr, exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['an empty list item', ['--x', '1,,2'], /--x '1,,2': empty item/],
    ['a word in the list', ['--x', 'abc'], /--x: 'abc' is not a number/],
    ['an inverted range', ['--range', '3,-3'], /--range 3,-3 is empty or inverted/],
    ['an empty range', ['--range', '1,1'], /empty or inverted/],
    ['a range that is not two numbers', ['--range', '1'], /expected two numbers/],
    ['step 0', ['--range', '0,1', '--step', '0'], /--step 0 must be greater than 0/],
    ['a negative step', ['--range', '0,1', '--step', '-0.5'], /--step -0.5 must be greater than 0/],
    ['too many rows', ['--range', '0,1', '--step', '1e-7'], /gives 10000001 points; the limit is 1000000/],
    ['--x and --range together', ['--x', '1', '--range', '0,1'], /either --x or --range/],
    ['--step with --x', ['--x', '1', '--step', '1'], /--step goes with --range/],
    ['digits out of range', ['--digits', '0'], /--digits 0 must be a whole number from 1 to 17/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const r = await runCli(['table', 'ReLU', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^actfn: /);
    });
  }
  it('an unknown name suggests the closest', async () => {
    const r = await runCli(['table', 'Sigmod']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("actfn: unknown function 'Sigmod'; did you mean Sigmoid?\n");
  });
  it('more than 10⁶ points in --x', async () => {
    const r = await runCli(['table', 'ReLU', '--x', Array(1_000_001).fill('0').join(',')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--x has 1000001 points; the limit is 1000000/);
  });
});
