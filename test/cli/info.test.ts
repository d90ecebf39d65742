import { describe, expect, it } from 'vitest';
import { findEntry } from '../../src/math/catalog.js';
import { computeProperties } from '../../src/math/properties.js';
import { resolveSpec } from '../../src/math/resolve.js';
import { runCli } from '../support/cli-capture.js';

const BRAILLE = /[\u2801-\u28ff]/;

describe('actfn info', () => {
  it('shows the registry’s formulas, equivalents and usage, and the computed properties', async () => {
    const r = await runCli(['info', 'Sigmoid', '--no-chart']);
    expect(r.code).toBe(0);
    const e = findEntry('Sigmoid')!;
    expect(r.stdout).toContain(`f(x)  = ${e.formula.f}`);
    expect(r.stdout).toContain(`f′(x) = ${e.formula.df}`);
    expect(r.stdout).toContain(`PyTorch  ${e.equivalents.torch}`);
    expect(r.stdout).toContain(`JAX      ${e.equivalents.jax}`);
    expect(r.stdout).toMatch(/│ output range\s+│ \(0, 1\)/);
    expect(r.stdout).toMatch(/│ range of f′\s+│ \(0, 0\.25\]/);
    expect(r.stdout).toMatch(/│ saturating\s+│ both sides/);
    expect(r.stdout).toMatch(/│ \|f′\| < 0\.001 where\s+│ \|x\| > 6\.9058/);
    expect(r.stdout).not.toContain('cost f / f′'); // a timing: only with --cost, so the output is deterministic
    expect(r.stdout).toContain('none: f′ is defined everywhere');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(e.usage.replace(/\s+/g, ' '));
    expect(r.stdout).not.toMatch(BRAILLE);
  });

  it('states the convention at a kink from the registry’s kinks', async () => {
    const r = await runCli(['info', 'ReLU', '--no-chart']);
    expect(r.stdout).toContain('x = 0: a corner, slopes 0 (left) and 1 (right); f′(0) = 0');
    expect(r.stdout).toMatch(/│ dead zone \(f′ = 0\)\s+│ x < 0/);
  });

  it('shows the parameters in use with their defaults and valid ranges', async () => {
    const r = await runCli(['info', 'LeakyReLU(negative_slope=0.2)', '--no-chart', '--width', '120']);
    expect(r.stdout).toMatch(/negative_slope = 0\.2 +\(default 0\.01;/);
    expect(r.stdout).toContain('LeakyReLU(negative_slope=0.2) — ');
  });

  it('lists where the libraries differ (the registry’s notes)', async () => {
    const e = findEntry('LeakyReLU')!;
    const r = await runCli(['info', 'LeakyReLU', '--no-chart', '--width', '300']);
    for (const note of e.equivalents.notes ?? []) expect(r.stdout).toContain(`• ${note}`);
  });

  it('ends with a braille chart of f and f′, as wide as asked, plain without a TTY', async () => {
    const r = await runCli(['info', 'ReLU', '--width', '70']);
    expect(r.code).toBe(0);
    const chart = r.stdout.slice(r.stdout.indexOf('\nChart\n'));
    expect(chart).toMatch(BRAILLE);
    expect(chart).toContain('f(x)');
    expect(chart).toContain('f′(x)');
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(70);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('--json gives the computed properties at full precision', async () => {
    const r = await runCli(['info', 'Sigmoid', '--json']);
    const [out] = JSON.parse(r.stdout);
    const p = computeProperties(resolveSpec('Sigmoid'));
    expect(out.name).toBe('Sigmoid');
    expect(out.properties.saturation.left.vanishBeyond).toBe(p.saturation.left.vanishBeyond);
    expect(out.properties.derivativeRange.hi).toEqual({ value: 0.25, attained: true, at: 0 });
    expect(out.properties.costNs).toBeUndefined();
  });

  it('--cost adds the measured cost of f and f′ (text and JSON)', async () => {
    const r = await runCli(['info', 'Sigmoid', '--no-chart', '--cost']);
    expect(r.stdout).toMatch(/│ cost f \/ f′\s+│ [\d.]+ ns \/ [\d.]+ ns/);
    const [out] = JSON.parse((await runCli(['info', 'Sigmoid', '--json', '--cost'])).stdout);
    expect(out.properties.costNs.f).toBeGreaterThan(0);
    expect(out.properties.costNs.df).toBeGreaterThan(0);
  });

  it('the same command writes the same bytes (no timing in the default output)', async () => {
    const a = await runCli(['info', 'GELU', 'ReLU']);
    const b = await runCli(['info', 'GELU', 'ReLU']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('an unknown name is a one-line error, exit 2', async () => {
    const r = await runCli(['info', 'Sigmod']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("actfn: unknown function 'Sigmod'; did you mean Sigmoid?\n");
  });
});
