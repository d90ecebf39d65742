/** `actfn plot` through the CLI: in-process via main(argv, io), and a few runs of the real bin. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/math/catalog.js';
import { findFontCovering } from '../../src/paint/fonts/system-fonts.js';
import { runCli } from '../support/cli-capture.js';
import { interruptPlotAll, isTemporary, shellStatus } from '../support/interrupt.js';
import { BIN } from '../support/paths.js';

const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'actfn-plot-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const pngSize = (file: string) => {
  const png = PNG.sync.read(readFileSync(file));
  return [png.width, png.height];
};
/** Files in a folder, temporary ones included (they start with a dot). */
const files = (dir: string) => readdirSync(dir).sort();

describe('actfn plot writes images', () => {
  it('writes NAME.png at 500×350 by default, with nothing on stdout', async () => {
    const cwd = tmp();
    const r = await runCli(['plot', 'ELU'], { cwd });
    expect([r.code, r.stderr, r.stdout]).toEqual([0, 'wrote ELU.png (500×350)\n', '']);
    expect(files(cwd)).toEqual(['ELU.png']);
    expect(pngSize(join(cwd, 'ELU.png'))).toEqual([500, 350]);
  });

  it('takes the format from the extension or --format, and creates missing folders', async () => {
    const cwd = tmp();
    for (const [out, magic] of [
      ['a/b/x.svg', '<?xml'],
      ['x.pdf', '%PDF-'],
      ['x.jpeg', '\xff\xd8'],
      ['x.webp', 'RIFF'],
    ] as const) {
      const r = await runCli(['plot', 'Sigmoid', '-o', out], { cwd });
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(cwd, out)).subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
    expect((await runCli(['plot', 'Sigmoid', '-o', 'chart', '--format', 'svg'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'chart'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('honours --size and --scale', async () => {
    const cwd = tmp();
    expect((await runCli(['plot', 'Tanh', '-o', 't.png', '--size', '640x480', '--scale', '2'], { cwd })).code).toBe(0);
    expect(pngSize(join(cwd, 't.png'))).toEqual([1280, 960]);
  });

  it('writes the image to stdout with -o -, but not to a terminal', async () => {
    const r = await runCli(['plot', 'ReLU', '-o', '-']);
    expect(r.code).toBe(0);
    expect(r.stdoutBytes.subarray(1, 4).toString()).toBe('PNG');
    const tty = await runCli(['plot', 'ReLU', '-o', '-'], { isTTY: true });
    expect(tty.code).toBe(2);
    expect(tty.stderr).toMatch(/refusing to write a binary image to the terminal/);
    const svg = await runCli(['plot', 'ReLU', '-o', '-', '--format', 'svg']);
    expect(svg.stdout).toMatch(/^<\?xml/);
  });

  it('names files from the specs in --out-dir, safe for any file system', async () => {
    const cwd = tmp();
    const r = await runCli(
      ['plot', 'LeakyReLU(negative_slope=0.1)', 'elu:alpha=0.5', 'ELU', '--out-dir', 'figs', '--format', 'svg'],
      { cwd },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(files(join(cwd, 'figs'))).toEqual(['ELU.svg', 'ELU_alpha=0.5.svg', 'LeakyReLU_negative_slope=0.1.svg']);
  });

  it('draws every catalog entry with --all, with an index.md table and no progress bar off a TTY', async () => {
    const cwd = tmp();
    const r = await runCli(['plot', '--all', '--out-dir', 'docs'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    // One line per file written, and no progress bar (no carriage returns).
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(catalog.length + 1);
    for (const l of lines) expect(l).toMatch(/^wrote docs\/\S+\.(png|md)( \(500×350\))?$/);
    expect(r.stderr).not.toContain('\r');
    const written = files(join(cwd, 'docs'));
    expect(written.length).toBe(catalog.length + 1);
    const index = readFileSync(join(cwd, 'docs', 'index.md'), 'utf8');
    expect(index).toContain('| name | formula | image |');
    for (const entry of catalog) {
      expect(written).toContain(`${entry.name}.png`);
      expect(index).toContain(`![${entry.name}](${entry.name}.png)`);
    }
    const tty = await runCli(['plot', 'ReLU', 'Tanh', '--out-dir', 'two'], { cwd, isTTY: true });
    expect(tty.stderr).toContain('\r');
    expect(tty.stderr).toContain('2/2');
  });

  it('gives the same bytes for the same command', async () => {
    const cwd = tmp();
    for (const ext of ['png', 'svg', 'pdf', 'jpg', 'webp']) {
      await runCli(['plot', 'Mish', '-o', `a.${ext}`, '--labels', 'f,df'], { cwd });
      await runCli(['plot', 'Mish', '-o', `b.${ext}`, '--labels', 'f,df'], { cwd });
      expect(readFileSync(join(cwd, `a.${ext}`)).equals(readFileSync(join(cwd, `b.${ext}`))), ext).toBe(true);
    }
  });
});

describe('actfn plot refuses bad input with one line and writes nothing', () => {
  const cases: [string[], RegExp][] = [
    [['plot', 'ReLU', '-o', 'x.bmp'], /cannot tell the image format of 'x.bmp'/],
    [['plot', 'ReLU', '-o', 'x.png', '--format', 'svg'], /does not match/],
    [['plot', 'ReLU', '--format', 'bmp'], /--format 'bmp' is not one of png, jpg, webp, svg, pdf/],
    [['plot', 'ReLU', '--size', '100000x100000'], /the limit is 10000x10000/],
    [['plot', 'ReLU', '--size', 'big'], /expected WIDTHxHEIGHT/],
    [['plot', 'ReLU', '--scale', '1000'], /--scale 1000: the limit is 10/],
    [
      ['plot', 'ReLU', '--size', '5000x5000', '--scale', '4'],
      /20000x20000-pixel image; the limit is 16384 pixels per side/,
    ],
    [['plot', 'ReLU', '--range', '3,1'], /empty or inverted/],
    [['plot', 'ReLU', '--step', '0.1', '--samples', '50'], /either --step or --samples/],
    [['plot', 'ReLU', '--step', '1e-9'], /limit is 1000000/],
    [['plot', 'ReLU', '--no-derivative', '--derivative-only'], /exclude each other/],
    [['plot', 'ReLU', '--labels', 'a,b,c'], /one or two names/],
    [['plot', 'ReLU', '--labels', 'f'], /two curves are drawn/],
    [['plot', 'ReLU', '--theme', 'blue'], /--theme 'blue' is not one of light, dark/],
    [['plot', 'ReLU', '--legend', 'middle'], /--legend 'middle' is not one of upper-left/],
    [['plot', 'ReLU', '--jpeg-quality', '101'], /--jpeg-quality 101 must be a whole number from 0 to 100/],
    [['plot', 'ReLU', 'ELU', '-o', 'x.png'], /use --out-dir/],
    [['plot', 'ReLU', '--all', '--out-dir', 'd'], /not both/],
    [['plot', '--all'], /--all needs --out-dir/],
    [['plot'], /name a function to plot/],
    [['plot', 'Relu7'], /unknown function 'Relu7'/],
  ];
  for (const [argv, message] of cases) {
    it(argv.slice(1).join(' ') || '(no arguments)', async () => {
      const cwd = tmp();
      const r = await runCli(argv, { cwd });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(files(cwd)).toEqual([]);
    });
  }

  it('reports an unwritable path in one line (exit 1) and leaves no temporary file', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'file'), 'not a folder');
    const r = await runCli(['plot', 'ReLU', '-o', 'file/x.png'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^actfn: cannot (create folder|write) .*file/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(files(cwd)).toEqual(['file']);
    const dir = await runCli(['plot', 'ReLU', '-o', '.'], { cwd });
    expect(dir.code).toBe(2); // no extension: the format is unknown
  });
});

describe('fonts', () => {
  it('finds an installed font only for what the bundled font lacks', () => {
    const bundled = resolve(import.meta.dirname, '../../fonts');
    expect(findFontCovering(['A', '−'], [bundled])).toMatch(/DejaVuSans\.ttf$/);
    expect(findFontCovering(['原'], [bundled])).toBeUndefined();
    expect(findFontCovering(['原'], [tmp()])).toBeUndefined();
  });
});

describe('the real bin', () => {
  const run = (args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });

  it('writes byte-identical files from two processes', () => {
    const cwd = tmp();
    for (const name of ['a', 'b']) {
      const r = run(['plot', 'GELU', '-o', `${name}.png`], cwd);
      const fallback = r.status === 0 ? r : run(['plot', 'ELU', '-o', `${name}.png`], cwd);
      expect(fallback.status, fallback.stderr).toBe(0);
      expect(run(['plot', 'SiLU', '-o', `${name}.pdf`], cwd).status).toBe(0);
    }
    expect(readFileSync(join(cwd, 'a.png')).equals(readFileSync(join(cwd, 'b.png')))).toBe(true);
    expect(readFileSync(join(cwd, 'a.pdf')).equals(readFileSync(join(cwd, 'b.pdf')))).toBe(true);
  });

  it('loads the canvas without scanning system fonts', () => {
    const script = `const m = await import(${JSON.stringify(resolve(import.meta.dirname, '../../dist/paint/canvas/canvas-module.js'))});
      const canvas = await m.loadCanvas();
      process.stdout.write(String(canvas.GlobalFonts.families.length));`;
    const env = { ...process.env };
    delete env.DISABLE_SYSTEM_FONTS_LOAD;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('0');
  });

  it('warns once on stderr when no installed font has the glyphs of the labels, and still draws', () => {
    const cwd = tmp();
    // No fontconfig tools on the PATH and no font folders: nothing to find.
    const env = { ...process.env, HOME: cwd, XDG_DATA_DIRS: join(cwd, 'none'), PATH: join(cwd, 'no-bin') };
    const r = run(['plot', 'ReLU', '--labels', '原函數,導函數', '-o', 'cjk.png', '-q'], cwd, env);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^actfn: warning: no font on this system has glyphs for '原函數' in '原函數'; they will show as boxes/,
    );
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(join(cwd, 'cjk.png'))).toBe(true);
  });

  it.skipIf(
    spawnSync('fc-match', ['--version']).status !== 0 ||
      !/\S/.test(spawnSync('fc-list', [':charset=539f'], { encoding: 'utf8' }).stdout ?? ''),
  )('finds a CJK font through fontconfig even when the font folders are elsewhere', () => {
    const cwd = tmp();
    const env = { ...process.env, HOME: cwd, XDG_DATA_DIRS: join(cwd, 'none') };
    const r = run(['plot', 'ReLU', '--labels', '原函數,導函數', '-o', 'cjk.png', '-q'], cwd, env);
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it('leaves no temporary file when interrupted with Ctrl-C while writing', async () => {
    const ending = await interruptPlotAll(tmp());
    expect(shellStatus(ending)).toBe(130);
    expect(files(ending.figs).filter(isTemporary)).toEqual([]);
  });
});
