import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/math/catalog.js';
import { checkFunction } from '../../src/math/gradcheck/check.js';
import { defaultCheckGrid } from '../../src/math/gradcheck/grid.js';
import { RICHARDSON } from '../../src/math/gradcheck/numeric-derivative.js';
import { resolveSpec } from '../../src/math/resolve.js';
import { runCli } from '../support/cli-capture.js';

describe('actfn grad-check: the whole catalog', () => {
  it('--all passes at order 1 (every entry, default parameters)', async () => {
    const r = await runCli(['grad-check', '--all', '--json']);
    const doc = JSON.parse(r.stdout);
    const failed = doc.functions
      .filter((f: { status: string }) => f.status === 'fail')
      .map((f: { name: string }) => f.name);
    expect(failed).toEqual([]);
    expect(r.code).toBe(0);
    expect(doc.functions.map((f: { name: string }) => f.name)).toEqual(catalog.map((e) => e.name));
  });

  it('--all passes at order 2 (entries without f″ are reported as not checkable)', async () => {
    const r = await runCli(['grad-check', '--all', '--order', '2', '--json']);
    const doc = JSON.parse(r.stdout);
    const failed = doc.functions
      .filter((f: { status: string }) => f.status === 'fail')
      .map((f: { name: string }) => f.name);
    expect(failed).toEqual([]);
    expect(r.code).toBe(0);
    for (const f of doc.functions) {
      if (f.status === 'not-checkable') expect(f.reason).toMatch(/f″/);
    }
  });
});

describe('actfn grad-check: pretty output', () => {
  it('prints the method, then one summary row per function', async () => {
    const r = await runCli(['grad-check', 'ReLU', 'Sigmoid']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^grad-check order 1: .*Richardson.*≤ 0\.00001 \+ 0\.001·\|numeric\|$/);
    expect(lines[2]).toMatch(/function .*points .*max abs error .*max rel error .*worst x .*kinks .*result/);
    expect(r.stdout).toMatch(/│\s+ReLU │\s+248 │.*│\s+1 │\s+PASS │/);
    expect(r.stdout).toMatch(/│\s+Sigmoid │\s+247 │.*│\s+0 │\s+PASS │/);
    // ReLU's kink, with its one-sided derivatives and the catalog's value ReLU′(0) = 0.
    expect(r.stdout).toMatch(/Kinks:/);
    expect(r.stdout).toMatch(/│\s+ReLU │\s+0 │\s+0 │\s+1 │\s+0 │/);
  });

  it('is plain without a TTY and colored with FORCE_COLOR', async () => {
    const esc = '\u001b[';
    expect((await runCli(['grad-check', 'ReLU'])).stdout).not.toContain(esc);
    const colored = await runCli(['grad-check', 'ReLU'], { env: { FORCE_COLOR: '1' } });
    expect(colored.stdout).toContain(`${esc}32mPASS`);
  });

  it('is deterministic', async () => {
    const a = await runCli(['grad-check', 'SELU', 'Softmax', 'Hardswish', '--order', '2']);
    const b = await runCli(['grad-check', 'SELU', 'Softmax', 'Hardswish', '--order', '2']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('actfn grad-check --json: the contract', () => {
  it('has the settings, pass/fail, and per function its statistics, kinks, failures and skipped points', async () => {
    const r = await runCli(['grad-check', 'LeakyReLU(negative_slope=0.2)', '--x', 'nan,-1,0,1,inf', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      order: 1,
      method: 'richardson',
      eps: null,
      atol: 1e-5,
      rtol: 1e-3,
      passed: true,
      torch: null,
    });
    expect(doc.functions).toHaveLength(1);
    const f = doc.functions[0];
    expect(Object.keys(f)).toEqual([
      'spec',
      'name',
      'label',
      'params',
      'status',
      'reason',
      'points',
      'maxAbsError',
      'maxRelError',
      'worstX',
      'kinks',
      'failures',
      'skipped',
      'torch',
    ]);
    expect(f).toMatchObject({
      spec: 'LeakyReLU(negative_slope=0.2)',
      name: 'LeakyReLU',
      params: { negative_slope: 0.2 },
      status: 'pass',
      reason: null,
      points: 2,
    });
    expect(f.kinks).toEqual([
      {
        x: 0,
        jump: false,
        declared: true,
        left: expect.closeTo(0.2, 9),
        right: expect.closeTo(1, 9),
        catalogValue: 0.2,
        declaredLeft: 0.2,
        declaredRight: 1,
        declaredValue: 0.2,
        mismatch: null,
        points: [0],
      },
    ]);
    // Non-finite numbers are strings.
    expect(f.skipped.map((s: { x: unknown }) => s.x)).toEqual(['NaN', 'Infinity']);
    expect(f.failures).toEqual([]);
    expect(f.torch).toBeNull();
  });

  it('writes numbers at full precision (they read back as the same doubles)', async () => {
    const r = await runCli(['grad-check', 'SELU', '--json']);
    const f = JSON.parse(r.stdout).functions[0];
    const selu = resolveSpec('SELU');
    const direct = checkFunction(selu, defaultCheckGrid(selu.kinks, RICHARDSON), {
      order: 1,
      atol: 1e-5,
      rtol: 1e-3,
      method: RICHARDSON,
    });
    expect(f.maxAbsError).toBe(direct.maxAbsError);
    expect(f.maxRelError).toBe(direct.maxRelError);
    expect(f.worstX).toBe(direct.worstX);
  });

  it('records --eps and --order, and NaN statistics as "NaN" when nothing could be checked', async () => {
    const r = await runCli(['grad-check', 'Softmax', '--order', '2', '--eps', '1e-4', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ order: 2, method: 'central', eps: 1e-4, passed: true });
    expect(doc.functions[0]).toMatchObject({ status: 'not-checkable', points: 0, maxAbsError: 'NaN', worstX: 'NaN' });
    expect(doc.functions[0].reason).toMatch(/not checkable at order 2/);
  });
});

describe('actfn grad-check: points', () => {
  it('--range and --step choose the grid (kinks inside it are added); --x gives exactly those points', async () => {
    const ranged = JSON.parse(
      (await runCli(['grad-check', 'ReLU', '--range', '-1,1', '--step', '0.5', '--json'])).stdout,
    ).functions[0];
    expect(ranged.points).toBe(6); // −1, −0.5, 0.5, 1 and the two points beside the kink; 0 is the kink
    expect(ranged.kinks[0].points).toEqual([0]);
    const listed = JSON.parse((await runCli(['grad-check', 'ReLU', '--x', '-2,3', '--json'])).stdout).functions[0];
    expect(listed.points).toBe(2);
    expect(listed.kinks).toEqual([]);
  });

  it('expands sweeps, like table', async () => {
    const doc = JSON.parse((await runCli(['grad-check', 'ELU(alpha=0.5|2)', '--json'])).stdout);
    expect(doc.functions.map((f: { label: string }) => f.label)).toEqual(['ELU(alpha=0.5)', 'ELU(alpha=2)']);
  });
});

describe('actfn grad-check: usage errors exit 2 with one line', () => {
  const cases: [string[], RegExp][] = [
    [[], /name at least one function.*--all/],
    [['ReLU', '--all'], /specs or --all, not both/],
    [['Sigmod'], /unknown function 'Sigmod'; did you mean Sigmoid/],
    [['ReLU', '--order', '3'], /--order 3 must be a whole number from 1 to 2/],
    [['ReLU', '--atol', '-1'], /--atol -1 must be 0 or more/],
    [['ReLU', '--rtol', 'abc'], /--rtol: 'abc' is not a number/],
    [['ReLU', '--eps', '0'], /--eps 0 must be greater than 0/],
    [['ReLU', '--step', '-0.1'], /--step -0.1 must be greater than 0/],
    [['ReLU', '--x', '1,,2'], /--x '1,,2': empty item/],
    [['ReLU', '--range', '3,1'], /--range 3,1 is empty or inverted/],
    [['ReLU', '--x', '1', '--range', '0,1'], /either --x or --range/],
    [['ReLU', '--against', 'jax'], /--against.*jax.*torch/],
  ];
  for (const [args, message] of cases) {
    it(`grad-check ${args.join(' ')}`, async () => {
      const r = await runCli(['grad-check', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^actfn: [^\n]+\n$/);
      expect(r.stderr).toMatch(message);
    });
  }
});
