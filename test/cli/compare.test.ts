import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-capture.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'actfn-compare-'));
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('actfn compare', () => {
  it('writes compare.png by default and prints the properties table, one column per function', async () => {
    const cwd = tmp();
    const r = await runCli(['compare', 'ReLU', 'Sigmoid', 'LeakyReLU(negative_slope=0.1)'], { cwd });
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'compare.png')).subarray(0, 8)).toEqual(PNG);
    const head = r.stdout.split('\n')[1]!;
    expect(head).toMatch(/│ property\s+│ ReLU\s+│ Sigmoid\s+│ LeakyReLU\(negative_slope=0\.1\)\s+│/);
    expect(r.stdout).toMatch(/│ output range\s+│ \[0, ∞\)\s+│ \(0, 1\)\s+│ \(−∞, ∞\)\s+│/);
    expect(r.stdout).toMatch(/│ zero-centered\s+│ no\s+│ no\s+│ yes\s+│/);
    expect(r.stdout).toMatch(/│ dead zone \(f′ = 0\)\s+│ x < 0\s+│ none\s+│ none\s+│/);
    expect(r.stderr).toBe('wrote compare.png (500×350)\n');
  });

  it('-o picks the format from the name; --quiet leaves out the table', async () => {
    const cwd = tmp();
    const r = await runCli(['compare', 'ReLU', 'Sigmoid', '--both', '-o', 'both.svg', '--quiet'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const svg = readFileSync(join(cwd, 'both.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml|^<svg/);
    expect(svg).toContain('</svg>');
  });

  it('with the image on stdout, the table goes to stderr', async () => {
    const r = await runCli(['compare', 'ReLU', 'Sigmoid', '-o', '-', '--format', 'svg']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('</svg>');
    expect(r.stderr).toMatch(/│ output range/);
  });

  it('--terminal draws braille on stdout, then the table; nothing is written to disk', async () => {
    const cwd = tmp();
    const r = await runCli(['compare', 'ReLU', 'Sigmoid', '--terminal', '--width', '60'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/[\u2801-\u28ff]/);
    expect(r.stdout).toContain('── ReLU');
    expect(r.stdout).toContain('── Sigmoid');
    expect(r.stdout).toMatch(/│ output range/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('sweeps expand into one column and one series each', async () => {
    const r = await runCli(['compare', 'ELU(alpha=0.5|1|2)', '--derivative', '--terminal', '--width', '70']);
    expect(r.code).toBe(0);
    for (const a of ['0.5', '1', '2']) expect(r.stdout).toContain(`ELU(alpha=${a})`);
  });

  const bad: [string, string[], RegExp][] = [
    ['--derivative with --both', ['--derivative', '--both'], /one of --derivative and --both/],
    ['--terminal with -o', ['--terminal', '-o', 'x.png'], /-o\/--out is for image files/],
    ['--width without --terminal', ['--width', '80'], /--width sets the width of a terminal chart/],
    ['an unknown extension', ['-o', 'x.bmp'], /cannot tell the image format of 'x\.bmp'/],
    ['an inverted range', ['--range', '3,-3'], /empty or inverted/],
    ['an unknown function', ['Sigmod'], /unknown function 'Sigmod'; did you mean Sigmoid/],
  ];
  for (const [what, args, message] of bad) {
    it(`${what}: one line, exit 2, nothing written`, async () => {
      const cwd = tmp();
      const r = await runCli(['compare', 'ReLU', ...args], { cwd });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
      expect(readdirSync(cwd)).toEqual([]);
    });
  }
});
