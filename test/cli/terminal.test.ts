import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-capture.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'actfn-terminal-'));
const BRAILLE = /[\u2801-\u28ff]/;
const width = (text: string) => Math.max(...text.split('\n').map((l) => [...l.replace(/\u001b\[[\d;]*m/g, '')].length));

describe('actfn plot --terminal', () => {
  it('draws the plot in braille on stdout and writes no file', async () => {
    const cwd = tmp();
    const r = await runCli(['plot', 'Sigmoid', '--terminal', '--width', '60'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]!.trim()).toBe('Sigmoid(x)');
    expect(r.stdout).toMatch(BRAILLE);
    expect(r.stdout).toContain('── f(x)');
    expect(r.stdout).toContain('── f′(x)');
    expect(width(r.stdout)).toBeLessThanOrEqual(60);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('follows the terminal’s width, and colors only on a TTY', async () => {
    const tty = await runCli(['plot', 'ReLU', '--terminal'], { isTTY: true, columns: 100 });
    expect(width(tty.stdout)).toBeGreaterThan(90);
    expect(width(tty.stdout)).toBeLessThanOrEqual(100);
    expect(tty.stdout).toContain('\u001b[');
    const piped = await runCli(['plot', 'ReLU', '--terminal']);
    expect(width(piped.stdout)).toBeLessThanOrEqual(80);
    expect(piped.stdout).not.toContain('\u001b[');
    const noColor = await runCli(['plot', 'ReLU', '--terminal'], { isTTY: true, columns: 100, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('takes plot’s chart options (--derivative-only, --range, --title)', async () => {
    const r = await runCli(['plot', 'Sigmoid', '--terminal', '--derivative-only', '--range', '-3,3', '--title', 'σ′']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]!.trim()).toBe('σ′');
    expect(r.stdout).not.toContain('── f(x)');
    expect(r.stdout).toMatch(/−3.*3/);
  });

  it('one chart per spec', async () => {
    const r = await runCli(['plot', 'ReLU', 'Sigmoid', '--terminal', '--width', '50']);
    expect(r.stdout).toContain('ReLU(x)');
    expect(r.stdout).toContain('Sigmoid(x)');
  });

  for (const [what, args, message] of [
    ['with -o', ['--terminal', '-o', 'x.png'], /-o\/--out is for image files/],
    ['with --size', ['--terminal', '--size', '600x400'], /--size is for image files/],
    ['--width without --terminal', ['--width', '60'], /--width sets the width of a terminal chart/],
    ['a width too small', ['--terminal', '--width', '5'], /--width 5 must be a whole number from 20 to 1000/],
  ] as const) {
    it(`${what}: one line, exit 2`, async () => {
      const cwd = tmp();
      const r = await runCli(['plot', 'ReLU', ...args], { cwd });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
      expect(readdirSync(cwd)).toEqual([]);
    });
  }
});
