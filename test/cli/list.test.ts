import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/math/catalog.js';
import { fitColumns } from '../../src/report/table-format.js';
import { runCli } from '../support/cli-capture.js';

describe('actfn list', () => {
  it('names every catalog entry with its parameters and PyTorch equivalent, one line each when piped', async () => {
    const r = await runCli(['list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const e of catalog) {
      const line = lines.find((l) => l.startsWith(`│ ${e.name} `));
      expect(line, e.name).toBeDefined();
      expect(line).toContain(e.equivalents.torch);
      for (const p of e.params) expect(line).toContain(`${p.name}=`);
    }
    expect(r.stdout).toContain(`${catalog.length} functions.`);
  });

  it('shows defaults: LeakyReLU negative_slope=0.01', async () => {
    const r = await runCli(['list']);
    expect(r.stdout).toMatch(/│ LeakyReLU .*leaky_relu.*negative_slope=0\.01/);
  });

  it('wraps to the width of a terminal', async () => {
    const r = await runCli(['list'], { isTTY: true, columns: 90, env: { NO_COLOR: '1' } });
    const widths = r.stdout
      .trimEnd()
      .split('\n')
      .slice(0, -1)
      .map((l) => [...l].length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(90);
  });

  it('--json gives every entry with aliases, parameters with defaults, formulas and equivalents', async () => {
    const r = await runCli(['list', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.map((e: { name: string }) => e.name)).toEqual(catalog.map((e) => e.name));
    for (const [i, e] of catalog.entries()) {
      const j = out[i];
      expect(j.aliases).toEqual([...e.aliases]);
      expect(j.params.map((p: { name: string }) => p.name)).toEqual(e.params.map((p) => p.name));
      for (const [k, p] of e.params.entries()) {
        const d = j.params[k].default;
        expect(typeof d === 'string' && p.kind === 'number' ? Number(d) : d).toEqual(p.default);
      }
      expect(j.equivalents.torch).toBe(e.equivalents.torch);
      expect(j.formula).toEqual({ f: e.formula.f, df: e.formula.df });
    }
    const leaky = out.find((e: { name: string }) => e.name === 'LeakyReLU');
    expect(leaky.params[0]).toMatchObject({ name: 'negative_slope', kind: 'number', default: 0.01 });
  });
});

describe('fitColumns', () => {
  it('leaves a table that fits alone and narrows the widest column first', () => {
    expect(fitColumns([10, 10], 30, [4, 4])).toBeUndefined();
    expect(fitColumns([10, 30], 33, [4, 4])).toEqual([10, 20]);
    expect(fitColumns([20, 20], 33, [4, 4])).toEqual([15, 15]);
  });
  it('stops at the floors', () => {
    expect(fitColumns([10, 30], 10, [8, 25])).toEqual([8, 25]);
  });
});
