/**
 * The error matrix: one case for each kind of bad input a newcomer can give. Each is one line on
 * stderr starting `actfn: ` that names what was wrong (and what is valid), exit code 2 for usage
 * errors and 1 for what fails at run time, nothing on stdout, and no file left behind. Plus the
 * cases that must work: a missing output folder is created; Ctrl-C leaves no partial file.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_POINTS } from '../../src/math/grid.js';
import { runCli } from '../support/cli-capture.js';
import { interruptPlotAll, shellStatus } from '../support/interrupt.js';
import { tempFolders } from '../support/temp.js';

const tmp = tempFolders('errors');
/** A temporary folder holding a regular file, `file.txt`, and a folder, `taken.svg`. */
const workspace = () => {
  const dir = tmp();
  writeFileSync(join(dir, 'file.txt'), 'a regular file\n');
  mkdirSync(join(dir, 'taken.svg'));
  return dir;
};
const FIXTURES = ['file.txt', 'taken.svg'];
/** Every file under `dir` (relative paths), temporary ones included. */
const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();

/** A 9 993-character expression: 1249 terms of dice(x). */
const LONG_EXPRESSION = Array.from({ length: 1249 }, () => 'dice(x)').join('+');

type Case = readonly [what: string, argv: readonly string[], code: 1 | 2, message: RegExp];

const CASES: readonly Case[] = [
  ['unknown command', ['plots', 'GELU'], 2, /^unknown command 'plots'; did you mean plot\? \(see actfn --help\)$/],
  ['unknown option', ['plot', 'GELU', '--colour', 'red'], 2, /^unknown option '--colour' \(see actfn plot --help\)$/],
  ['unknown spec', ['table', 'GELLU'], 2, /^unknown function 'GELLU'; did you mean GELU/],
  ['unknown parameter', ['table', 'ELU(beta=1)'], 2, /^ELU has no parameter 'beta'; valid: alpha$/],
  [
    'a number beyond the doubles',
    ['table', 'GELU', '--range', '1e999,2'],
    2,
    /^--range: 1e999 is beyond the largest double/,
  ],
  [
    'a number that is not one',
    ['plot', 'GELU', '--step', 'abc'],
    2,
    /^--step: 'abc' is not a number \(expected e\.g\. 1\.5, -2e-3\)$/,
  ],
  ['an empty number', ['grad-check', 'GELU', '--atol', ''], 2, /^--atol: '' is not a number/],
  [
    'an inverted range',
    ['plot', 'GELU', '--range', '1,-1'],
    2,
    /^--range 1,-1 is empty or inverted \(expected a < b\)$/,
  ],
  ['an empty range', ['table', 'GELU', '--range', '1,1'], 2, /^--range 1,1 is empty or inverted \(expected a < b\)$/],
  ['step 0', ['table', 'GELU', '--range', '0,1', '--step', '0'], 2, /^--step 0 must be greater than 0$/],
  [
    'too many points: table',
    ['table', 'GELU', '--range', '-6,6', '--step', '1e-7'],
    2,
    new RegExp(`gives 120000001 points; the limit is ${MAX_POINTS}$`),
  ],
  [
    'too many points: plot',
    ['plot', 'GELU', '--samples', String(MAX_POINTS + 1)],
    2,
    new RegExp(`^--samples ${MAX_POINTS + 1} must be a whole number from 2 to ${MAX_POINTS}$`),
  ],
  [
    'too many points: compare',
    ['compare', 'GELU', 'ReLU', '--step', '1e-7'],
    2,
    new RegExp(`gives 120000000 points; the limit is ${MAX_POINTS}$`),
  ],
  [
    'too many points: grad-check',
    ['grad-check', 'GELU', '--step', '1e-7'],
    2,
    new RegExp(`gives 120000001 points; the limit is ${MAX_POINTS}$`),
  ],
  [
    'an absurd image size',
    ['plot', 'GELU', '--size', '100000x100000'],
    2,
    /^--size 100000x100000: each side must be from 150 to 10000 pixels \(the limit is 10000x10000\)$/,
  ],
  ['an absurd scale', ['plot', 'GELU', '--scale', '1000'], 2, /^--scale 1000: the limit is 10$/],
  [
    'a scale that makes too many pixels',
    ['compare', 'GELU', '--size', '10000x10000', '--scale', '2'],
    2,
    /makes a 20000x20000-pixel image; the limit is 16384 pixels per side and 100 megapixels$/,
  ],
  [
    'output onto an existing folder',
    ['plot', 'GELU', '-o', 'taken.svg'],
    1,
    /^cannot write \/.*\/taken\.svg: it is a folder$/,
  ],
  [
    'output under a regular file',
    ['plot', 'GELU', '-o', 'file.txt/g.svg'],
    1,
    /^cannot write \/.*\/file\.txt\/g\.svg: a parent of it is a file, not a folder$/,
  ],
  [
    'output folder under a regular file',
    ['plot', 'GELU', 'ReLU', '--out-dir', 'file.txt/figs'],
    1,
    /^cannot create folder \/.*\/file\.txt\/figs: a parent of it is a file, not a folder$/,
  ],
  [
    'output into a folder that takes no files',
    ['compare', 'GELU', 'ReLU', '-q', '-o', '/proc/actfn-test.svg'],
    1,
    /^cannot write \/proc\/actfn-test\.svg: the folder does not accept new files$/,
  ],
  // Issue #16: control characters from arguments are escaped in every message.
  [
    'a control character in a number',
    ['plot', 'GELU', '--range', '1\x07,2'],
    2,
    /^--range: '1\\u0007' is not a number/,
  ],
  [
    'an escape sequence in a choice',
    ['plot', 'GELU', '--theme', '\x1b[2J'],
    2,
    /^--theme '\\u001b\[2J' is not one of light, dark$/,
  ],
  [
    'an escape sequence in an option name',
    ['table', 'GELU', '--x\x1b[31m', '1'],
    2,
    /^unknown option '--x\\u001b\[31m'/,
  ],
  ['a one-byte CSI in a spec', ['table', 'GELU\x9b2J'], 2, /\\u009b/],
  [
    'help on an unknown command',
    ['help', 'nope'],
    2,
    /^unknown command 'nope' \(the commands are plot, table, list, info, compare, diff, grad-check, stats, propagate, edge-of-chaos, completion\)$/,
  ],
  [
    'an expression starting with -',
    ['table', '-x'],
    2,
    /^unknown option '-x'; an expression starting with - goes after -- \(after the options\), e.g\. actfn table -- "-x"/,
  ],
  [
    'an empty --out-dir',
    ['plot', 'GELU', '--out-dir', ''],
    2,
    /^--out-dir '' names no folder \(use --out-dir \. for the current one\)$/,
  ],
  [
    'nesting beyond 256 levels',
    ['table', `${'('.repeat(257)}x${')'.repeat(257)}`],
    2,
    /^expression nests deeper than 256 levels/,
  ],
  // Issue #16: one budget for the whole run, checked before any work starts.
  [
    'sweeps that multiply',
    [
      'table',
      `SwiGLU(${['v', 'w', 'b', 'c', 'beta'].map((k) => `${k}=${Array.from({ length: 20 }, (_, i) => i + 1).join('|')}`).join(',')})`,
    ],
    2,
    /: its sweeps give over a million functions; the limit is 1000$/,
  ],
  [
    '24 two-value sweeps in an expression',
    ['table', Array.from({ length: 24 }, () => 'elu(x,alpha=1|2)').join('+')],
    2,
    /: its sweeps give over a million functions; the limit is 1000$/,
  ],
  [
    'a table of many functions × many points',
    [
      'table',
      `ELU(alpha=${Array.from({ length: 16 }, (_, i) => i + 1).join('|')})`,
      '--range',
      '0,0.999999',
      '--step',
      '1e-6',
    ],
    2,
    /^16 functions × \d+ points make 1\.6e7 values to tabulate; the limit is 1e6 per run$/,
  ],
  [
    '10⁶ samples of a long expression',
    ['plot', LONG_EXPRESSION, '--samples', '1000000', '-o', 'e.png'],
    2,
    /^this run needs about 6\.3e8 units of work \(1 function, 1e6 points in all, expressions costing up to 625× a catalog function\); the limit is 1e7 per run: /,
  ],
  [
    'the properties of a long expression',
    ['info', LONG_EXPRESSION, '--no-chart'],
    2,
    /^this run needs about 6\.3e7 units of work \(1 function, expressions costing/,
  ],
  [
    'info on a 1000-value sweep',
    ['info', `ELU(alpha=${Array.from({ length: 1000 }, (_, i) => i + 1).join('|')})`, '--no-chart'],
    2,
    /^this run needs about 1e8 units of work \(1000 functions\)/,
  ],
  [
    'compare of 100 functions',
    ['compare', ...Array.from({ length: 100 }, (_, i) => `ELU(alpha=${i + 1})`), '-o', 'c.svg'],
    2,
    /^this run needs about 1e7 units of work \(100 functions, \d+ points in all\)/,
  ],
  [
    'grad-check of a vector function at 5001 points',
    ['grad-check', 'Softmax', '--range', '-10,10', '--step', '0.004'],
    2,
    /^this run needs about 2e8 units of work \(1 function, 5001 points in all\)/,
  ],
  [
    'a WebP larger than WebP can hold (inside our limit)',
    ['plot', 'GELU', '--size', '8192x1000', '--scale', '2', '-o', 'w.webp'],
    2,
    /^a 16384x2000-pixel image is too large for WebP, which holds at most 16383 pixels a side$/,
  ],
  [
    'a WebP compare larger than WebP can hold',
    ['compare', 'GELU', '--size', '1000x8192', '--scale', '2', '-q', '-o', 'w.webp'],
    2,
    /^a 2000x16384-pixel image is too large for WebP/,
  ],
  [
    'output with an unknown extension',
    ['plot', 'GELU', '-o', 'g.bmp'],
    2,
    /^cannot tell the image format of 'g\.bmp': use a \.png, \.jpg, \.jpeg, \.webp, \.svg, \.pdf, \.html or \.gif name, or --format$/,
  ],
  // Options that do nothing beside a mode are named, as chart options are where they do not apply.
  [
    '--width with table --json',
    ['table', 'GELU', '--json', '--width', '40'],
    2,
    /^--width does nothing with --json, which is never wrapped; leave out --width$/,
  ],
  [
    '--width with list --json',
    ['list', '--json', '--width', '40'],
    2,
    /^--width does nothing with --json, which writes data, not a table/,
  ],
  [
    '--cost with info --bibtex',
    ['info', 'GELU', '--bibtex', '--cost'],
    2,
    /^--cost does nothing with --bibtex, which prints citations only/,
  ],
  ['--no-chart with info --json', ['info', 'GELU', '--json', '--no-chart'], 2, /^--no-chart does nothing with --json/],
  [
    '--width with grad-check --json',
    ['grad-check', 'GELU', '--json', '--width', '60'],
    2,
    /^--width does nothing with --json, which writes data, not a report/,
  ],
];

describe('bad input: one line on stderr, the right exit code, nothing written', () => {
  it.each(CASES)('%s', async (_what, argv, code, message) => {
    const cwd = workspace();
    const r = await runCli([...argv], { cwd });
    expect(r.stderr.endsWith('\n') && r.stderr.split('\n').length, r.stderr).toBe(2);
    expect(r.stderr.slice(0, -1)).toMatch(/^actfn: /);
    expect(r.stderr.slice('actfn: '.length, -1)).toMatch(message);
    expect([r.code, r.stdout]).toEqual([code, '']);
    expect(tree(cwd)).toEqual(['file.txt']);
    expect(readdirSync(cwd).sort()).toEqual(FIXTURES);
  });
});

describe('output folders', () => {
  it('a missing output folder is created, parents included', async () => {
    const cwd = workspace();
    const r = await runCli(['plot', 'GELU', '-o', 'new/deeper/g.svg'], { cwd });
    expect([r.code, r.stderr]).toEqual([0, `wrote ${join('new', 'deeper', 'g.svg')} (500×350)\n`]);
    expect(tree(cwd)).toEqual(['file.txt', join('new', 'deeper', 'g.svg')]);
  });
});

describe('Ctrl-C during plot --all (the real bin)', () => {
  /** A PNG that ends with its IEND chunk: written whole, not cut off. */
  const completePng = (file: string) => readFileSync(file).subarray(-8).toString('latin1').startsWith('IEND');

  it('ends with exit code 130 and one line, leaving only whole figures and no temporary file', async () => {
    const ending = await interruptPlotAll(workspace());
    const { stderr, figs } = ending;
    expect(shellStatus(ending)).toBe(130);
    // Killed during a render (default action): nothing said; during a write: the cleanup says so.
    expect(['', 'actfn: interrupted; no partial files were left\n']).toContain(stderr);
    const left = readdirSync(figs);
    expect(left.filter((f) => !f.endsWith('.png'))).toEqual([]);
    expect(left.length).toBeGreaterThan(0);
    for (const f of left) expect(completePng(join(figs, f)), f).toBe(true);
  });
});
