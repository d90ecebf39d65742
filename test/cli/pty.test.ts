/**
 * Every terminal view as a user sees it: the built CLI in a real pseudo-terminal (util-linux
 * `script`) 40, 80 and 120 columns wide, colors on, stdout and stderr on the terminal. No visible
 * line is wider than the terminal, no number, name or name=value is split across lines, and the
 * words are those of the piped output (which is not wrapped). Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripColor } from '../../src/report/width.js';
import { expectFitsTerminal, HAS_SCRIPT, runInTerminal, runPiped } from '../support/pty.js';

if (!HAS_SCRIPT) process.stderr.write('test/cli/pty.test.ts: skipped, util-linux `script` is not installed\n');

const WIDTHS = [40, 80, 120];
const ESC = String.fromCharCode(27);
const cwd = mkdtempSync(join(tmpdir(), 'actfn-pty-'));
const hasTorch = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
const SIX = ['GELU', 'Sigmoid', 'Tanh', 'Mish', 'ReLU', 'SiLU'];
const EIGHT = [...SIX, 'ELU', 'Softplus'];

/**
 * [what, arguments, whether the piped output has the same words (charts differ with the width),
 * header labels a record layout may leave out (the first column's, whose values are the titles)]
 */
const VIEWS: readonly (readonly [string, readonly string[], boolean?, string[]?])[] = [
  ['list', ['list'], true, ['name']],
  ['info (several entries)', ['info', 'GELU', 'LeakyReLU(negative_slope=0.2)', 'Softmax', 'Hardtanh', '--no-chart']],
  ['info with its chart', ['info', 'ReLU'], false],
  ['table, 1 function', ['table', 'GELU']],
  [
    'table, 2 functions, parameters in the label',
    ['table', 'GELU', 'LeakyReLU(negative_slope=0.2)', '--x', '−3,−1,0,1,3'],
  ],
  ['table, 6 functions', ['table', ...SIX, '--x', '-3,-1,0,1,3']],
  ['table, 8 functions', ['table', ...EIGHT]],
  ['compare: the properties table', ['compare', 'ReLU', 'GELU', 'Mish', 'Sigmoid', 'Tanh', '-o', 'cmp.svg']],
  ['compare --terminal', ['compare', 'ReLU', 'GELU', 'Mish', '--terminal'], false],
  ['grad-check, kink table', ['grad-check', 'ReLU', 'Hardshrink', 'LeakyReLU', 'GELU']],
  [
    'grad-check --verbose, failing points',
    ['grad-check', 'GELU', 'Tanh', '--rtol', '1e−12', '--atol', '0', '--verbose', '--range', '-1,1', '--step', '0.5'],
  ],
  ['an error', ['table', 'GELU', '--x', '1,,2']],
  ['an unknown option', ['plot', 'ReLU', '--lgo-y']],
];

const HELP: readonly string[][] = [
  ['--help'],
  ...['plot', 'table', 'list', 'info', 'compare', 'grad-check', 'completion'].map((c) => [c, '--help']),
];

describe.skipIf(!HAS_SCRIPT)('terminal views in a pseudo-terminal, 40, 80 and 120 columns wide', () => {
  for (const [what, args, same = true, mayDrop = []] of VIEWS) {
    it(what, () => {
      const piped = runPiped(args, cwd);
      for (const columns of WIDTHS) {
        const tty = runInTerminal(args, columns, cwd);
        if (!what.startsWith('an ')) expect(tty.raw, `${what}: colors on a terminal`).toContain(`${ESC}[`);
        expectFitsTerminal(tty, piped, columns, what, same, mayDrop);
      }
    });
  }

  it('--help of every command', () => {
    for (const args of HELP) {
      const piped = runPiped(args, cwd);
      for (const columns of WIDTHS)
        expectFitsTerminal(runInTerminal(args, columns, cwd), piped, columns, args.join(' '));
    }
  });

  it('grad-check --all, at order 1 and 2', () => {
    for (const args of [
      ['grad-check', '--all'],
      ['grad-check', '--all', '--order', '2'],
    ]) {
      const piped = runPiped(args, cwd);
      for (const columns of WIDTHS) {
        const tty = runInTerminal(args, columns, cwd);
        expect(tty.code).toBe(0);
        expectFitsTerminal(tty, piped, columns, args.join(' '));
        // The result column counts PASS as 4 columns, not 4 plus its color codes.
        expect(stripColor(tty.raw)).not.toMatch(/PAS\n/);
      }
    }
  });

  it.skipIf(!hasTorch)('grad-check --against torch (torch at /usr/bin/python3)', () => {
    const args = ['grad-check', 'GELU', 'Softplus', 'Dice', 'SwiGLU', 'Sparsemax', '--against', 'torch'];
    const env = { ACTFN_PYTHON: '/usr/bin/python3' };
    const piped = runPiped(args, cwd, env);
    expect(piped).toContain('Against torch');
    for (const columns of WIDTHS)
      expectFitsTerminal(runInTerminal(args, columns, cwd, env), piped, columns, args.join(' '));
  });

  it('the pipe keeps one line per row: list and a wide table are not wrapped', () => {
    const list = runPiped(['list'], cwd).split('\n');
    expect(list.filter((l) => l.startsWith('│ GELU '))).toHaveLength(1);
    expect(list.find((l) => l.startsWith('│ GELU '))).toContain('approximate=none|tanh|sigmoid');
    const table = runPiped(['table', ...EIGHT], cwd).split('\n');
    expect(table.filter((l) => l.startsWith('│'))).toHaveLength(8); // header and 7 rows, one box
  });
});
