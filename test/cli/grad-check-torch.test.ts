import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseGradCheckOptions, runGradCheckOn } from '../../src/commands/grad-check.js';
import type { CliIO } from '../../src/commands/io.js';
import { pythonCandidates } from '../../src/commands/torch-bridge.js';
import { evaluatePointwise, resolveSpec } from '../../src/math/resolve.js';
import type { ActivationFn, CatalogEntry, PointwiseKernel } from '../../src/math/types.js';
import { runCli } from '../support/cli-capture.js';

/** The first interpreter grad-check would use that can import torch, or why there is none. */
function findTorch(): { python?: string; reason: string } {
  for (const python of pythonCandidates(process.env)) {
    const r = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
    if (r.status === 0) return { python, reason: `torch found by ${python}` };
  }
  return { reason: `skipped: no python3 with torch (tried ${pythonCandidates(process.env).join(', ')})` };
}
const torch = findTorch();
if (!torch.python) console.warn(`gradcheck-torch: --against torch tests ${torch.reason}`);

function captureIO(): CliIO & { out: () => string } {
  let out = '';
  return {
    stdout: { write: (s: string | Uint8Array) => (out += String(s)) },
    stderr: { write: () => true },
    env: process.env,
    cwd: process.cwd(),
    out: () => out,
  };
}

/** Sigmoid as the catalog has it, but with its own kernel and torch text: a test-only function. */
function sigmoidVariant(name: string, kernel: PointwiseKernel, torchText: string): ActivationFn {
  const base = resolveSpec('Sigmoid');
  const entry = { ...base.entry!, name, equivalents: { ...base.entry!.equivalents, torch: torchText } } as CatalogEntry;
  return {
    ...base,
    spec: name,
    name,
    label: name,
    entry,
    pointwise: kernel,
    evaluate: (x) => evaluatePointwise(kernel, x),
  };
}

describe('--against torch without python3 or torch', () => {
  it('is a clear one-line usage error (exit 2), never a crash', async () => {
    const r = await runCli(['grad-check', 'ReLU', '--against', 'torch'], {
      env: { ACTFN_PYTHON: '/nonexistent/python3' },
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'actfn: --against torch needs python3 with PyTorch installed (tried /nonexistent/python3: not found; set ACTFN_PYTHON to choose an interpreter)\n',
    );
  });
});

describe('--against torch with nothing to compare', () => {
  it('does not start python3 when no function has a torch expression', async () => {
    const s = (x: number) => 1 / (1 + Math.exp(-x));
    const prose = sigmoidVariant('ProseSigmoid', { f: s, df: (x) => s(x) * (1 - s(x)) }, '');
    const io = { ...captureIO(), env: { ACTFN_PYTHON: '/nonexistent/python3' } };
    expect(await runGradCheckOn(io, [prose], parseGradCheckOptions({ against: 'torch', x: '-1,1' }))).toBe(0);
    expect(io.out()).toMatch(/\nAgainst torch: not run, no function has a torch expression\.\n$/);
  });
});

describe.skipIf(!torch.python)(`--against torch (${torch.reason})`, () => {
  const env = { ACTFN_PYTHON: torch.python };

  it('agrees with torch float64 on values and autograd derivatives, kinks included', async () => {
    const specs = [
      'Sigmoid',
      'ReLU',
      'LeakyReLU(negative_slope=0.2)',
      'ELU(alpha=0.5)',
      'SELU',
      'Hardtanh',
      'Softmax',
      'LogSoftmax',
    ];
    const r = await runCli(['grad-check', ...specs, '--against', 'torch', '--json'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.torch).toMatch(/^\d+\.\d+/);
    for (const f of doc.functions) {
      expect(f.torch.status, f.label).toBe('pass');
      expect(f.torch.points, f.label).toBeGreaterThanOrEqual(247);
      expect(f.torch.mismatches).toEqual([]);
      expect(f.torch.maxAbsError.f, f.label).toBeLessThan(1e-13);
      expect(f.torch.maxAbsError.df, f.label).toBeLessThan(1e-13);
    }
  });

  it('agrees with torch on the whole catalog (every torch expression runs; kink conventions as torch’s scalar path)', async () => {
    const r = await runCli(['grad-check', '--all', '--against', 'torch', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const compared = doc.functions.filter((f: { torch: { status: string } }) => f.torch.status === 'pass');
    // Every entry but Sparsemax (which torch lacks) is compared, and passes.
    const skipped = doc.functions
      .filter((f: { torch: { status: string } }) => f.torch.status !== 'pass')
      .map((f: { label: string }) => f.label);
    expect(skipped).toEqual(['Sparsemax']);
    expect(compared.length).toBeGreaterThanOrEqual(36);
  });

  it('compares f″ with torch’s double backward at --order 2', async () => {
    const r = await runCli(['grad-check', 'ELU(alpha=0.5)', 'SELU', '--order', '2', '--against', 'torch', '--json'], {
      env,
    });
    expect(r.code).toBe(0);
    for (const f of JSON.parse(r.stdout).functions) {
      expect(f.torch.status).toBe('pass');
      expect(f.torch.maxAbsError.d2).toBeLessThan(1e-13);
    }
  });

  it('reports, point by point, where ours and torch differ beyond the tolerance (exit 1)', async () => {
    const s = (x: number) => 1 / (1 + Math.exp(-x));
    const off = sigmoidVariant('OffSigmoid', { f: s, df: (x) => 1.01 * s(x) * (1 - s(x)) }, 'torch.nn.Sigmoid()');
    const io = captureIO();
    const code = await runGradCheckOn(
      io,
      [off],
      parseGradCheckOptions({ against: 'torch', json: true, x: '-1,0,1,8' }),
    );
    expect(code).toBe(1);
    const t = JSON.parse(io.out()).functions[0].torch;
    expect(t.status).toBe('fail');
    // f agrees; f′ differs by 1% at −1, 0, 1; at 8 (σ′ ≈ 3e-4) 1% is within atol.
    expect(t.mismatches.map((m: { x: number; quantity: string }) => [m.x, m.quantity])).toEqual([
      [0, 'df'],
      [-1, 'df'],
      [1, 'df'],
    ]);
    expect(t.mismatches[0].torch).toBe(0.25);
    expect(t.mismatches[0].ours).toBeCloseTo(0.2525, 15);
  });

  it('accepts statements before the expression (p = …; p·x), as Python does', async () => {
    const s = (x: number) => 1 / (1 + Math.exp(-x));
    const fn = sigmoidVariant(
      'StatementSigmoid',
      { f: s, df: (x) => s(x) * (1 - s(x)) },
      'e = torch.exp(-x); 1 / (1 + e)',
    );
    const io = captureIO();
    expect(await runGradCheckOn(io, [fn], parseGradCheckOptions({ against: 'torch', json: true, x: '-3,0,2' }))).toBe(
      0,
    );
    const t = JSON.parse(io.out()).functions[0].torch;
    expect(t.status).toBe('pass');
    expect(t.points).toBe(3);
  });

  it('leaves out a function whose catalog text is not a torch expression, without failing', async () => {
    const s = (x: number) => 1 / (1 + Math.exp(-x));
    const prose = sigmoidVariant(
      'ProseSigmoid',
      { f: s, df: (x) => s(x) * (1 - s(x)) },
      'none in torch (a paper’s formula)',
    );
    const io = captureIO();
    expect(await runGradCheckOn(io, [prose], parseGradCheckOptions({ against: 'torch', x: '-1,0,1' }))).toBe(0);
    expect(io.out()).toMatch(/ProseSigmoid: no torch expression in the catalog/);
  });
});
