/**
 * What plot and compare share (src/commands/chart-options.ts): options that do not apply are usage
 * errors, each written file is reported, sweeps and --labels, Unicode names, the default size of
 * --both, sampling that follows the pixel width, JPEG colors, the dark palette's contrast.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { TAB10_DARK, THEMES } from '../../src/chart/theme.js';
import { chartGrid } from '../../src/commands/chart-options.js';
import { runCli } from '../support/cli-capture.js';

const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'actfn-chart-options-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('options that do nothing for the output are usage errors, alike in plot and compare', () => {
  for (const command of ['plot', 'compare']) {
    it.each([
      [
        ['--scale', '2', '-o', 'x.svg'],
        /^actfn: --scale multiplies the pixels of PNG, JPG, WebP and GIF images; SVG is drawn at any scale/,
      ],
      [['--scale', '2', '-o', 'x.pdf'], /^actfn: --scale .*; PDF is drawn/],
      [['--jpeg-quality', '50', '-o', 'x.png'], /^actfn: --jpeg-quality is for JPEG images, not PNG/],
      [['--terminal', '--size', '500x350'], /^actfn: --size is for image files; --terminal draws in the terminal/],
      [['--terminal', '--line-width', '2'], /^actfn: --line-width is for image files/],
      [['--width', '60'], /^actfn: --width sets the width of a terminal chart/],
    ])(`${command} %j`, async (args, message) => {
      const cwd = tmp();
      const r = await runCli([command, 'GELU', ...args], { cwd });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(readdirSync(cwd)).toEqual([]);
    });
  }
});

describe('files written', () => {
  it('plot reports each file and says when a name was taken', async () => {
    const cwd = tmp();
    const r = await runCli(['plot', 'x*2', 'x/2'], { cwd });
    expect([r.code, r.stderr]).toEqual([
      0,
      'wrote x_2.png (500×350)\nwrote x_2-2.png (500×350; x_2.png was taken by x*2)\n',
    ]);
    const quiet = await runCli(['plot', 'GELU', '-q', '--scale', '2'], { cwd });
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
  });

  it('plot writes one file per value of a sweep, the swept parameter in its name', async () => {
    const cwd = tmp();
    const r = await runCli(['plot', 'ELU(alpha=0.5|1|2)', '-q'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['ELU_alpha=0.5.png', 'ELU_alpha=1.png', 'ELU_alpha=2.png']);
  });

  it('compare --both is 500×700 by default: each panel the single chart proportions', async () => {
    const cwd = tmp();
    const r = await runCli(['compare', 'ReLU', 'GELU', '--both', '-o', 'b.png'], { cwd });
    expect(r.stderr).toBe('wrote b.png (500×700)\n');
    const png = PNG.sync.read(readFileSync(join(cwd, 'b.png')));
    expect([png.width, png.height]).toEqual([500, 700]);
  });
});

describe('legend names', () => {
  it('compare --labels names the series, one per function; NAME= takes any letters', async () => {
    const cwd = tmp();
    const r = await runCli(
      ['compare', '高斯=x*sigmoid(1.702*x)', 'ReLU', '--labels', '近似,整流', '-q', '-o', 'n.svg'],
      { cwd },
    );
    expect(r.code, r.stderr).toBe(0);
    const svg = readFileSync(join(cwd, 'n.svg'), 'utf8');
    expect(svg).toContain('>近似</text>');
    expect(svg).toContain('>整流</text>');
    const named = await runCli(['compare', '高斯=x*sigmoid(1.702*x)', 'ReLU', '-q', '-o', 'm.svg'], { cwd });
    expect(named.code, named.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'm.svg'), 'utf8')).toContain('>高斯</text>');
    const wrong = await runCli(['compare', 'ReLU', 'GELU', '--labels', 'a'], { cwd });
    expect([wrong.code, wrong.stderr]).toEqual([
      2,
      "actfn: --labels 'a': 1 name for 2 functions; give one per function\n",
    ]);
  });
});

describe('pixels', () => {
  it('JPEG keeps a thin tab10 curve its color (no chroma subsampling)', async () => {
    const cwd = tmp();
    expect((await runCli(['plot', 'ReLU', '-q', '-o', 'r.png'], { cwd })).code).toBe(0);
    expect((await runCli(['plot', 'ReLU', '-q', '-o', 'r.jpg'], { cwd })).code).toBe(0);
    const png = PNG.sync.read(readFileSync(join(cwd, 'r.png')));
    const jpg = jpeg.decode(readFileSync(join(cwd, 'r.jpg')), { useTArray: true });
    // The orange f′ = 1 line right of the origin: the pixels PNG draws exactly #ff7f0e.
    let checked = 0;
    let worst = 0;
    for (let i = 0; i < png.width * png.height; i++) {
      const o = i * 4;
      if (png.data[o] === 0xff && png.data[o + 1] === 0x7f && png.data[o + 2] === 0x0e) {
        const d = Math.hypot(jpg.data[o]! - 0xff, jpg.data[o + 1]! - 0x7f, jpg.data[o + 2]! - 0x0e);
        worst = Math.max(worst, d);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(worst).toBeLessThan(40);
  });

  it('the dark palette has at least 4.5:1 contrast on the dark background', () => {
    const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const bg = lum(THEMES.dark.background);
    for (const c of TAB10_DARK) expect((lum(c) + 0.05) / (bg + 0.05), c).toBeGreaterThanOrEqual(4.5);
  });

  it('samples at least once per 2 device pixels by default, never below the article 121 points', () => {
    expect(chartGrid([-6, 6], undefined, 500).length).toBe(251);
    expect(chartGrid([-6, 6], undefined, 10_000).length).toBe(5001);
    expect(chartGrid([-6, 6], undefined, 100).length).toBe(121);
    expect(chartGrid([-6, 6], { step: 0.1 }, 10_000).length).toBe(120);
  });
});
