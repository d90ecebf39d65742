/** `plot`/`compare` writing interactive pages (-o x.html, --html, the --all gallery) and GIFs (a..b sweeps). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/math/catalog.js';
import { runCli } from '../support/cli-capture.js';
import { decodeGif } from '../support/gif-decode.js';
import { tempFolders } from '../support/temp.js';

const temp = tempFolders('page-gif');

async function ok(args: string[], cwd: string) {
  const r = await runCli(args, { cwd });
  expect(r.code, r.stderr).toBe(0);
  return r;
}

const svgBody = (svg: string) => svg.replace(/^<\?xml[^>]*>\n/, '');
/** The view the page carries. */
const viewOf = (html: string) =>
  JSON.parse(/<script type="application\/json" id="actfn-view">(.*?)<\/script>/s.exec(html)![1]!) as Record<
    string,
    unknown
  >;

describe('interactive pages', () => {
  it('plot -o x.html: one self-contained file with the SVG the CLI writes, its view and a CSP without eval', async () => {
    const cwd = temp();
    await ok(['plot', 'ELU(alpha=0.7)', '--range', '-4,4', '--theme', 'dark', '-o', 'elu.html'], cwd);
    await ok(['plot', 'ELU(alpha=0.7)', '--range', '-4,4', '--theme', 'dark', '-o', 'elu.svg'], cwd);
    const html = readFileSync(join(cwd, 'elu.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.length).toBeLessThan(300_000);
    expect(html).toContain(svgBody(readFileSync(join(cwd, 'elu.svg'), 'utf8')));
    expect(html).toContain(
      `content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"`,
    );
    expect(html).not.toMatch(/<(script|link|img)[^>]*\s(src|href)=/);
    expect(html).toContain('<code id="command">actfn plot &quot;ELU(alpha=0.7)&quot; --range -4,4 --theme dark</code>');
    expect(viewOf(html)).toMatchObject({
      command: 'plot',
      series: [{ spec: 'ELU(alpha=0.7)', on: true }],
      range: [-4, 4],
      show: 'both',
      theme: 'dark',
    });
    // Deterministic, like every output.
    await ok(['plot', 'ELU(alpha=0.7)', '--range', '-4,4', '--theme', 'dark', '-o', 'again.html'], cwd);
    expect(readFileSync(join(cwd, 'again.html'), 'utf8')).toBe(html);
  });

  it('compare -o x.html keeps sweeps as groups; html goes to stdout like svg, even on a terminal', async () => {
    const cwd = temp();
    await ok(['compare', 'ReLU', 'ELU(alpha=0.5|1)', '--both', '-q', '-o', 'c.html'], cwd);
    const view = viewOf(readFileSync(join(cwd, 'c.html'), 'utf8'));
    expect(view).toMatchObject({
      command: 'compare',
      show: 'both',
      series: [
        { spec: 'ReLU' },
        { spec: 'ELU(alpha=0.5)', group: 1, swept: 'alpha' },
        { spec: 'ELU(alpha=1)', group: 1, swept: 'alpha' },
      ],
    });
    const r = await runCli(['plot', 'GELU', '-o', '-', '--format', 'html'], { cwd, isTTY: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('plot --html writes a page beside each image', async () => {
    const cwd = temp();
    await ok(['plot', 'GELU', 'Mish', '--html', '--format', 'svg'], cwd);
    expect(readdirSync(cwd).sort()).toEqual(['GELU.html', 'GELU.svg', 'Mish.html', 'Mish.svg']);
  });

  it('plot --all --out-dir D --html: index.html beside index.md, a card per entry linking to files that exist', async () => {
    const cwd = temp();
    await ok(['plot', '--all', '--out-dir', 'docs', '--html'], cwd);
    const dir = join(cwd, 'docs');
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(existsSync(join(dir, 'index.md'))).toBe(true);
    expect(index.match(/<article class="card"/g)?.length).toBe(catalog.length);
    for (const m of index.matchAll(/(?:href|src)="([^"#:]+)"/g))
      expect(existsSync(join(dir, decodeURI(m[1]!))), m[1]).toBe(true);
    expect(index).toContain('<input id="q" type="search"');
    expect(index).toContain('value="monotonic"');
    const gelu = /<article class="card" data-tags="([^"]*)"[^>]*><a href="GELU.html">/.exec(index);
    expect(gelu?.[1]).toContain('smooth');
  });
});

describe('GIFs and animated sweeps', () => {
  it('plot "Softplus(beta=0.5..5)" -o sp.gif: 40 frames at 20 fps, looping, 500×350', async () => {
    const cwd = temp();
    const r = await ok(['plot', 'Softplus(beta=0.5..5)', '-o', 'sp.gif'], cwd);
    expect(r.stderr).toBe('wrote sp.gif (500×350)\n');
    const quiet = await ok(['plot', 'Softplus(beta=0.5..5)', '-o', 'q.gif', '--frames', '2', '-q'], cwd);
    expect(quiet.stderr).toBe('');
    const gif = decodeGif(readFileSync(join(cwd, 'sp.gif')));
    expect([gif.width, gif.height, gif.frames.length, gif.loops]).toEqual([500, 350, 40, 0]);
    expect(new Set(gif.delays)).toEqual(new Set([5]));
    // Frames differ (the curve moves).
    expect(Buffer.from(gif.frames[0]!.buffer).equals(Buffer.from(gif.frames[39]!.buffer))).toBe(false);
  });

  it('compare with a range: --frames and --fps, the same bytes every time; a plain chart is one frame', async () => {
    const cwd = temp();
    await ok(['compare', 'ELU(alpha=0.1..3)', 'GELU', '--frames', '8', '--fps', '10', '-o', 'a.gif'], cwd);
    await ok(['compare', 'ELU(alpha=0.1..3)', 'GELU', '--frames', '8', '--fps', '10', '-o', 'b.gif'], cwd);
    const bytes = readFileSync(join(cwd, 'a.gif'));
    expect(bytes.equals(readFileSync(join(cwd, 'b.gif')))).toBe(true);
    const gif = decodeGif(bytes);
    expect([gif.frames.length, gif.delays[0]]).toEqual([8, 10]);
    await ok(['plot', 'GELU', '-o', 'g.gif'], cwd);
    const one = decodeGif(readFileSync(join(cwd, 'g.gif')));
    expect([one.frames.length, one.loops]).toEqual([1, undefined]);
  });

  it('rejects what cannot animate, with one line and exit 2, writing nothing', async () => {
    const cwd = temp();
    const cases: [string[], RegExp][] = [
      [['plot', 'ELU(alpha=0.1..3)', '-o', 'x.png'], /only a GIF can show; use a \.gif name/],
      [['compare', 'ELU(alpha=0.1..3)', '--format', 'svg'], /only a GIF can show \(--format gif\)/],
      [['plot', 'ELU(alpha=0.1..3)', 'GELU', '-o', 'x.gif'], /plot animates one function \(got 2\)/],
      [
        ['plot', 'ELU(alpha=0.1..3)', '--frames', '1', '-o', 'x.gif'],
        /--frames 1 must be a whole number from 2 to 1000/,
      ],
      [['plot', 'ELU(alpha=0.1..3)', '--fps', '0', '-o', 'x.gif'], /--fps 0 must be greater than 0/],
      [['plot', 'ELU(alpha=1..1)', '-o', 'x.gif'], /does not move/],
      [['plot', 'GELU', '--frames', '10', '-o', 'x.gif'], /--frames and --fps animate a parameter range a\.\.b/],
      [['compare', 'ELU(alpha=0.1..3)', '--terminal'], /--terminal draws one chart/],
      [['plot', 'GELU', '--terminal', '--html'], /--html is for image files/],
      [['plot', 'CELU(alpha=-1..1)', '-o', 'x.gif'], /CELU alpha=-1 is out of range/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });
});
