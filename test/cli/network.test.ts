/**
 * actfn stats, propagate and edge-of-chaos end to end: JSON contracts, tables, charts in every
 * format and in the terminal, the progress bar, determinism, and one-line usage errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/math/catalog.js';
import { runCli } from '../support/cli-capture.js';
import { tempFolders } from '../support/temp.js';

const tmp = tempFolders('network');

interface StatsJSON {
  spec: string;
  name: string;
  params: Record<string, unknown>;
  mean: number;
  var: number;
  expectedF: number;
  varianceF: number;
  expectedF2: number;
  expectedDf: number;
  expectedDf2: number;
  deadMass: number;
  gain: number;
  torchGain: { call: string; value: number } | null;
  gainDifference: number | null;
  chi1AtGain: number;
  selfNormalizing: boolean;
}

describe('actfn stats', () => {
  it('--json: moments, the gain beside calculate_gain, χ₁ at the gain', async () => {
    const r = await runCli(['stats', 'ReLU', 'SELU', 'GELU', '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const [relu, selu, gelu] = JSON.parse(r.stdout) as StatsJSON[];
    expect(Object.keys(relu!)).toEqual([
      'spec',
      'name',
      'params',
      'mean',
      'var',
      'expectedF',
      'varianceF',
      'expectedF2',
      'expectedDf',
      'expectedDf2',
      'deadMass',
      'gain',
      'torchGain',
      'gainDifference',
      'chi1AtGain',
      'selfNormalizing',
    ]);
    expect(relu!.gain).toBeCloseTo(Math.SQRT2, 14);
    expect(relu!.torchGain).toEqual({ call: "calculate_gain('relu')", value: Math.SQRT2 });
    expect(relu!.deadMass).toBe(0.5);
    expect(selu!.selfNormalizing).toBe(true);
    expect(selu!.torchGain!.value).toBe(0.75);
    expect(selu!.gainDifference).toBeCloseTo(0.25, 14);
    expect([gelu!.torchGain, gelu!.gainDifference, gelu!.selfNormalizing]).toEqual([null, null, false]);
  });

  it('--mean and --var set the input distribution', async () => {
    const r = await runCli(['stats', 'Identity', '--mean', '0.5', '--var', '2', '--json']);
    const [s] = JSON.parse(r.stdout) as StatsJSON[];
    expect([s!.mean, s!.var]).toEqual([0.5, 2]);
    expect(s!.expectedF).toBeCloseTo(0.5, 14);
    expect(s!.varianceF).toBeCloseTo(2, 13);
  });

  it('the table makes SELU’s fixed point visible and shows torch’s gain beside ours', async () => {
    const r = await runCli(['stats', 'ReLU', 'Tanh', 'SELU']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^z ~ N\(0, 1\); gain = 1\/√E\[f\(z\)²\]/);
    expect(lines[2]).toMatch(/function .*E\[f\] .*Var\[f\] .*gain .*torch gain .*difference .*χ₁ at gain/);
    expect(r.stdout).toMatch(/│ +ReLU │ 0\.398942 │.* 1\.41421 │ +1\.41421 │ +0 │ +1 │/);
    expect(r.stdout).toMatch(/│ +Tanh │ +0 │.* 1\.59254 │ +1\.66667 │ −0\.0741292 │/);
    expect(r.stdout).toMatch(/│ +SELU \* │ +0 │ +1 │ +1 │/);
    expect(r.stdout).toMatch(/\* keeps N\(0, 1\): E\[f\] = 0 and Var\[f\] = 1 to 1e−12/);
  });

  it('--all: every pointwise entry, with a note naming the vector ones left out', async () => {
    const r = await runCli(['stats', '--all', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as StatsJSON[];
    expect(rows.map((s) => s.name)).toEqual(catalog.filter((e) => e.kind === 'pointwise').map((e) => e.name));
    expect(r.stderr).toMatch(/^actfn: note: Softmax, .* act on whole vectors and are left out\n$/);
    for (const s of rows) expect(Number.isFinite(s.gain)).toBe(true);
  });

  it.each([
    [['stats', 'Softmax'], /^actfn: Softmax acts on a whole vector/],
    [['stats', 'ReLU', '--var', '0'], /^actfn: --var 0 must be greater than 0/],
    [['stats', 'ReLU', '--mean', 'abc'], /^actfn: --mean/],
    [['stats'], /^actfn: missing function/],
    [['stats', 'ReLU', '--all'], /^actfn: give function names or --all, not both/],
    [['stats', 'Nope'], /^actfn: unknown function 'Nope'/],
  ])('%j is a one-line usage error', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

interface PropagateJSON {
  spec: string;
  sigmaW: number;
  sigmaB: number;
  sigmaW2: number;
  sigmaB2: number;
  q0: number;
  depth: number;
  fixedPoint: { q: number | string; chi1: number | null };
  theory: { q: number[]; chi: number[]; gradient: number[] };
  monteCarlo: { width: number; seed: number; q: number[]; gradient: number[] } | null;
}

describe('actfn propagate', () => {
  it('--json: the theory by layer, the fixed point and χ₁', async () => {
    const r = await runCli([
      'propagate',
      'Sigmoid',
      'ReLU',
      '--depth',
      '10',
      '--sigma-w',
      '1.4',
      '--sigma-b',
      '0.1',
      '--json',
    ]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const [sig, relu] = JSON.parse(r.stdout) as PropagateJSON[];
    expect(Object.keys(sig!)).toEqual([
      'spec',
      'name',
      'params',
      'sigmaW',
      'sigmaB',
      'sigmaW2',
      'sigmaB2',
      'q0',
      'depth',
      'fixedPoint',
      'theory',
      'monteCarlo',
    ]);
    expect([sig!.theory.q.length, sig!.theory.chi.length, sig!.theory.gradient.length]).toEqual([11, 10, 11]);
    expect(sig!.theory.gradient[10]).toBeLessThan(1e-9);
    expect(sig!.monteCarlo).toBeNull();
    // ReLU: q* = σb²/(1 − σw²/2) = 0.01/0.02, χ₁ = σw²/2.
    expect(relu!.fixedPoint.q).toBeCloseTo(0.5, 12);
    expect(relu!.fixedPoint.chi1).toBeCloseTo(0.98, 12);
  });

  it('σw defaults to each function’s gain: q stays at q0 and G_L = χ₁ at gain to the L', async () => {
    const r = await runCli(['propagate', 'ReLU', 'Tanh', '--depth', '5', '--json']);
    const [relu, tanh] = JSON.parse(r.stdout) as PropagateJSON[];
    expect(relu!.sigmaW).toBeCloseTo(Math.SQRT2, 14);
    for (const q of [...relu!.theory.q, ...tanh!.theory.q]) expect(q).toBeCloseTo(1, 12);
    const [stats] = JSON.parse((await runCli(['stats', 'Tanh', '--json'])).stdout) as StatsJSON[];
    expect(tanh!.theory.gradient[5]! / stats!.chi1AtGain ** 5).toBeCloseTo(1, 12);
  });

  it('a divergent q (ReLU above He init with a bias) has no finite fixed point', async () => {
    const r = await runCli(['propagate', 'ReLU', '--sigma-w', '1.5', '--sigma-b', '0.1', '--depth', '3', '--json']);
    const [relu] = JSON.parse(r.stdout) as PropagateJSON[];
    expect(relu!.fixedPoint).toEqual({ q: 'Infinity', chi1: null });
  });

  it('--monte-carlo is deterministic with the seed and near the theory', async () => {
    const argv = [
      'propagate',
      'Tanh',
      '--depth',
      '6',
      '--sigma-w',
      '1.4',
      '--monte-carlo',
      '--width',
      '256',
      '--seed',
      '3',
      '--json',
    ];
    const a = await runCli(argv);
    const b = await runCli(argv);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const [t] = JSON.parse(a.stdout) as PropagateJSON[];
    expect([t!.monteCarlo!.width, t!.monteCarlo!.seed]).toEqual([256, 3]);
    t!.monteCarlo!.q.forEach((q, l) => expect(Math.abs(q - t!.theory.q[l]!)).toBeLessThan(0.25 * t!.theory.q[l]!));
    const other = await runCli(argv.map((v) => (v === '3' ? '4' : v)));
    expect(other.stdout).not.toBe(a.stdout);
  });

  it('draws a progress bar for the Monte Carlo on a TTY only', async () => {
    const argv = ['propagate', 'ReLU', '--depth', '4', '--monte-carlo', '--width', '16', '--json'];
    const tty = await runCli(argv, { isTTY: true, columns: 100 });
    expect(tty.stderr).toContain('\r\x1b[K[');
    expect(tty.stderr).toMatch(/8\/8 ReLU/);
    expect((await runCli(argv)).stderr).toBe('');
  });

  it('writes the chart in every image format, and a summary table on stdout', async () => {
    const cwd = tmp();
    for (const ext of ['png', 'jpg', 'webp', 'svg', 'pdf']) {
      const r = await runCli(
        ['propagate', 'Sigmoid', 'ReLU', '--depth', '8', '--sigma-w', '1.4', '-o', `p.${ext}`, '-q'],
        { cwd },
      );
      expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    }
    expect(readdirSync(cwd).sort()).toEqual(['p.jpg', 'p.pdf', 'p.png', 'p.svg', 'p.webp']);
    const svg = readFileSync(join(cwd, 'p.svg'), 'utf8');
    expect(svg).toContain('signal propagation');
    expect(svg).toContain('layer l');
    const r = await runCli(['propagate', 'ReLU', '--depth', '8', '--monte-carlo', '--width', '32'], { cwd });
    expect(readdirSync(cwd)).toContain('propagate.png');
    expect(r.stdout).toMatch(/function .*σw .*σb .*q\* .*χ₁ .*phase .*q_L .*G_L .*q_L measured .*G_L measured/);
    expect(r.stdout).toMatch(/ReLU │ 1\.4142 │ +0 │/);
  });

  it('the same command writes the same bytes', async () => {
    const cwd = tmp();
    const argv = [
      'propagate',
      'Tanh',
      '--depth',
      '8',
      '--monte-carlo',
      '--width',
      '32',
      '--seed',
      '1',
      '-o',
      'a.png',
      '-q',
    ];
    await runCli(argv, { cwd });
    await runCli(
      argv.map((v) => (v === 'a.png' ? 'b.png' : v)),
      { cwd },
    );
    expect(readFileSync(join(cwd, 'a.png')).equals(readFileSync(join(cwd, 'b.png')))).toBe(true);
  });

  it('--terminal draws braille on stdout, then the table', async () => {
    const cwd = tmp();
    const r = await runCli(
      ['propagate', 'Sigmoid', 'Tanh', '--depth', '20', '--sigma-w', '1.4', '--terminal', '--columns', '60'],
      { cwd },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/[⠁-⣿]/);
    expect(r.stdout).toContain('signal propagation');
    expect(r.stdout).toMatch(/gradients vanish/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it.each([
    [['propagate', 'ReLU', '--width', '64'], /^actfn: --width goes with --monte-carlo/],
    [['propagate', 'ReLU', '--depth', '0'], /^actfn: --depth 0 must be a whole number from 1 to 10000/],
    [['propagate', 'ReLU', '--sigma-w', '-1'], /^actfn: --sigma-w -1 must be 0 or more/],
    [['propagate', 'ReLU', '--q0', '0'], /^actfn: --q0 0 must be greater than 0/],
    [['propagate', 'ReLU', '--monte-carlo', '--width', '0'], /^actfn: --width 0 must be a whole number from 1 to 8192/],
    [
      ['propagate', 'ReLU', '--monte-carlo', '--width', '8192', '--depth', '100'],
      /^actfn: --width 8192 with --depth 100 simulates 6710886400 weights; the limit is 1073741824/,
    ],
    [['propagate', 'ReLU', '--terminal', '-o', 'x.png'], /^actfn: -o\/--out is for image files/],
    [['propagate', 'ReLU', '--columns', '60'], /^actfn: --columns sets the width of a terminal chart/],
    [['propagate', 'ReLU', '-o', 'x.txt'], /^actfn: cannot tell the image format of 'x.txt'/],
    [['propagate', 'Softmax'], /^actfn: Softmax acts on a whole vector/],
    // The options that do not apply to the chosen format, as in plot and compare.
    [['propagate', 'ReLU', '--scale', '2', '-o', 'x.svg'], /^actfn: --scale multiplies the pixels of PNG/],
    [
      ['propagate', 'ReLU', '--jpeg-quality', '50', '-o', 'x.png'],
      /^actfn: --jpeg-quality is for JPEG images, not PNG/,
    ],
    [['edge-of-chaos', 'Tanh', '-o', 'x.html'], /^actfn: edge-of-chaos draws images .* not an HTML page/],
    [['edge-of-chaos', 'Tanh', '--terminal', '--size', '300x300'], /^actfn: --size is for image files; .*--columns/],
    [
      ['propagate', 'ReLU', '--json', '-o', 'x.png'],
      /^actfn: -o\/--out is for the chart; --json writes the data instead/,
    ],
    [['edge-of-chaos', 'Tanh', '--json', '--terminal'], /^actfn: --terminal is for the chart; --json writes the data/],
  ])('%j is a one-line usage error, with nothing written', async (argv, message) => {
    const cwd = tmp();
    const r = await runCli(argv, { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('network charts report what they write', () => {
  it('wrote FILE (W×H) on stderr, in device pixels for raster images; none with -q', async () => {
    const cwd = tmp();
    const r = await runCli(['propagate', 'Tanh', '--depth', '10', '--scale', '2', '-o', 'p.png'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('wrote p.png (1000×700)\n');
    const svg = await runCli(['edge-of-chaos', 'Tanh', '--points', '30', '-o', 'e.svg', '-q'], { cwd });
    expect([svg.code, svg.stderr, svg.stdout]).toEqual([0, '', '']);
    expect(readdirSync(cwd).sort()).toEqual(['e.svg', 'p.png']);
  });

  it('takes every image format plot does but a page, GIF included', async () => {
    const cwd = tmp();
    const r = await runCli(['propagate', 'Tanh', '--depth', '5', '-o', 'p.gif', '-q'], { cwd });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(join(cwd, 'p.gif')).subarray(0, 6).toString('latin1')).toBe('GIF89a');
  });
});

interface EdgeJSON {
  spec: string;
  points: { qStar: number; sigmaB2: number; sigmaW2: number; stable: boolean }[];
}

describe('actfn edge-of-chaos', () => {
  it('--json: tanh’s curve starts at σw² = 1, σb² = 0; ReLU’s is the point (0, 2)', async () => {
    const r = await runCli(['edge-of-chaos', 'Tanh', 'ReLU', '--points', '50', '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const [tanh, relu] = JSON.parse(r.stdout) as EdgeJSON[];
    expect(Object.keys(tanh!.points[0]!)).toEqual(['qStar', 'sigmaB2', 'sigmaW2', 'stable']);
    expect(tanh!.points[0]).toEqual({ qStar: 0, sigmaB2: 0, sigmaW2: expect.closeTo(1, 14), stable: true });
    for (const p of tanh!.points) expect(p.sigmaB2).toBeLessThanOrEqual(1);
    for (const p of relu!.points) expect([p.sigmaB2, p.sigmaW2]).toEqual([0, expect.closeTo(2, 14)]);
  });

  it('--max-bias-var bounds σb²', async () => {
    const r = await runCli(['edge-of-chaos', 'Tanh', '--max-bias-var', '0.1', '--points', '40', '--json']);
    const [tanh] = JSON.parse(r.stdout) as EdgeJSON[];
    expect(Math.max(...tanh!.points.map((p) => p.sigmaB2))).toBeLessThanOrEqual(0.1);
  });

  it('draws the curves (image and terminal) with a summary table', async () => {
    const cwd = tmp();
    const r = await runCli(['edge-of-chaos', 'Tanh', 'SELU', '--points', '60', '-o', 'e.svg'], { cwd });
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'e.svg'), 'utf8')).toContain('edge of chaos');
    expect(r.stdout).toMatch(/Tanh │ +1 │/);
    const t = await runCli(['edge-of-chaos', 'Tanh', '--points', '60', '--terminal', '--columns', '60', '-q'], { cwd });
    expect(t.stdout).toMatch(/[⠁-⣿]/);
    expect(t.stdout).toContain('σb²');
  });

  it.each([
    [['edge-of-chaos', 'Tanh', '--max-bias-var', '0'], /^actfn: --max-bias-var 0 must be greater than 0/],
    [['edge-of-chaos', 'Tanh', '--points', '1'], /^actfn: --points 1 must be a whole number from 2 to 10000/],
    [['edge-of-chaos', 'LogSoftmax'], /^actfn: LogSoftmax acts on a whole vector/],
  ])('%j is a one-line usage error', async (argv, message) => {
    const r = await runCli(argv, { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('actfn compare', () => {
  it('the properties table has the gain and χ₁ at that gain', async () => {
    const r = await runCli(['compare', 'ReLU', 'Tanh', '--terminal', '--width', '60']);
    expect(r.stdout).toMatch(/gain 1\/√E\[f\(z\)²\] +│ 1\.4142 +│ 1\.5925/);
    expect(r.stdout).toMatch(/χ₁ at that gain +│ 1 +│ 1\.1778/);
  });
});
