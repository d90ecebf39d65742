import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-capture.js';
import { tempFolders } from '../support/temp.js';

const temp = tempFolders('actfn-diff-');

describe('actfn diff', () => {
  it('prints the largest differences of f and f′ and the float32/bfloat16/float16 figures', async () => {
    const r = await runCli(['diff', 'GELU', 'GELU(approximate=tanh)']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^A = GELU, B = GELU\(approximate=tanh\) on \[−6, 6\]: 4,001 points/);
    expect(r.stdout).toMatch(/│ max \|A − B\| +│ 0\.00047324 at x = [−]?2\.6989 +│ 0\.00086845 at x = [−]?2\.0187/);
    for (const f of ['float32', 'bfloat16', 'float16']) expect(r.stdout).toContain(`${f}: points that differ`);
  });

  it('gelu_new and gelu_fast: ~1e−12 apart, the same bfloat16 and float16 values everywhere', async () => {
    const r = await runCli(['diff', 'gelu_new', 'gelu_fast', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.a).toEqual({ spec: 'gelu_new', name: 'GELUTanh', label: 'GELUTanh', params: {} });
    expect(j.f.maxAbs.value).toBeGreaterThan(5e-13);
    expect(j.f.maxAbs.value).toBeLessThan(2e-12);
    expect(j.f.formats.bfloat16).toMatchObject({ differing: 0, same: true, maxUlpDistance: 0 });
    expect(j.f.formats.float16.same).toBe(true);
    expect(j.points).toBe(4001);
    expect(Object.keys(j).sort()).toEqual(['a', 'b', 'df', 'f', 'kinks', 'points', 'range']);
    expect(Object.keys(j.f).sort()).toEqual(['compared', 'formats', 'maxAbs', 'maxRel', 'skipped']);
    expect(Object.keys(j.f.formats.float32).sort()).toEqual([
      'at',
      'differing',
      'maxAbsInUlp',
      'maxUlpDistance',
      'same',
    ]);
  });

  it('--range and --samples; kinks are listed and f′ is not compared there', async () => {
    const j = JSON.parse(
      (await runCli(['diff', 'ReLU', 'Softplus', '--range', '-2,2', '--samples', '5', '--json'])).stdout,
    );
    expect(j.range).toEqual([-2, 2]);
    expect(j.kinks).toEqual([0]);
    expect(j.points).toBe(5);
    expect(j.f.compared).toBe(5);
    expect(j.df.compared).toBe(4);
    expect(j.f.maxAbs).toEqual({ value: Math.LN2, x: 0 });
  });

  it('-o draws the differences (PNG), the report still on stdout; the same command gives the same bytes', async () => {
    const dir = temp();
    const r = await runCli(['diff', 'GELU', 'QuickGELU', '-o', 'd.png'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('max |A − B|');
    expect(r.stderr).toBe('wrote d.png (500×350)\n');
    const png = PNG.sync.read(readFileSync(join(dir, 'd.png')));
    expect([png.width, png.height]).toEqual([500, 350]);
    const first = readFileSync(join(dir, 'd.png'));
    const quiet = await runCli(['diff', 'GELU', 'QuickGELU', '-o', 'd.png', '-q'], { cwd: dir });
    expect(quiet.stderr).toBe('');
    expect(readFileSync(join(dir, 'd.png')).equals(first)).toBe(true);
    const svg = await runCli(['diff', 'ReLU', 'Softplus', '-o', '-', '--format', 'svg', '--json']);
    expect(svg.stdout).toMatch(/^<svg|^<\?xml/);
    expect(JSON.parse(svg.stderr).kinks).toEqual([0]);
  });

  it('usage errors are one line with exit code 2, and nothing is written', async () => {
    const dir = temp();
    const cases: [string[], RegExp][] = [
      [['diff', 'GELU'], /missing required argument 'b'/],
      [['diff', 'GELU', 'GELLU'], /unknown function 'GELLU'; did you mean GELU/],
      [['diff', 'Softmax', 'GELU'], /'Softmax' is a vector function/],
      [['diff', 'GELU', 'Mish', '--range', '1,-1'], /--range 1,-1 is empty or inverted/],
      [['diff', 'GELU', 'Mish', '--samples', '1'], /--samples 1 must be a whole number from 2 to 1000000/],
      [['diff', 'GELU', 'Mish', '--size', '10x10', '-o', 'x.png'], /--size 10x10/],
      [['diff', 'GELU', 'Mish', '--theme', 'dark'], /--theme is for the chart; give -o FILE/],
      [['diff', 'GELU', 'Mish', '-o', 'x.bmp'], /cannot tell the image format of 'x.bmp'/],
      [['diff', 'GELU', 'Mish', '-o', 'x.html'], /diff draws images/],
      [['diff', 'GELU', 'Mish', '--scale', '2', '-o', 'x.pdf'], /--scale multiplies the pixels of PNG/],
    ];
    for (const [argv, message] of cases) {
      const r = await runCli(argv, { cwd: dir });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'x.png'))).toBe(false);
  });
});
