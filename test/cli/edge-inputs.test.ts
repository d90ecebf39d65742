/**
 * Inputs at the edges that must give a result, not a crash, a hang or a wrong message (issue #16):
 * ranges too narrow to tick or at the edge of double precision, log axes over extreme spans,
 * ranges whose width overflows, sweeps inside expressions, the deepest nesting allowed, and
 * terminals wider than a chart may be.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-capture.js';
import { tempFolders } from '../support/temp.js';

const tmp = tempFolders('edge-inputs');

describe('tick generation terminates (these ran out of memory in an endless loop)', () => {
  it.each([
    ['plot, a range one ulp wide', ['plot', 'GELU', '--range=1,1.0000000000000002', '-o', 'a.svg']],
    [
      'plot, integers beyond 2^53',
      ['plot', 'GELU', '--range', '9007199254740992,9007199254740994', '--samples', '3', '-o', 'a.svg'],
    ],
    ['plot, --log-y of a derivative constant to an ulp', ['plot', 'x+1e-17*x*x', '--log-y', '-o', 'a.svg']],
    ['plot, --log-y over an extreme span', ['plot', 'Squareplus(b=1e308)', '--log-y', '-o', 'a.svg']],
    ['compare, a range one ulp wide', ['compare', 'GELU', 'ReLU', '--range=1,1.0000000000000002', '-q', '-o', 'a.svg']],
    ['compare, --log-y', ['compare', 'x+1e-17*x*x', 'Squareplus(b=1e308)', '--log-y', '-q', '-o', 'a.svg']],
    ['plot --terminal, a range one ulp wide', ['plot', 'GELU', '--range=1,1.0000000000000002', '--terminal']],
    ['plot --terminal, --log-y', ['plot', 'x+1e-17*x*x', '--log-y', '--terminal']],
    [
      'compare --terminal, integers beyond 2^53',
      ['compare', 'GELU', '--range', '9007199254740992,9007199254740994', '--samples', '3', '--terminal', '-q'],
    ],
  ])('%s', async (_what, argv) => {
    const cwd = tmp();
    const r = await runCli([...argv], { cwd });
    expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/^(wrote [^\n]*\n)*$/)]);
    if (argv.includes('-o')) expect(readdirSync(cwd)).toEqual(['a.svg']);
    else expect(r.stdout).toMatch(/[⠀-⣿]/);
  });
});

describe('ranges whose width overflows or underflows', () => {
  it('table over −1e308,1e308 in steps of 1e307 has 21 rows', async () => {
    const r = await runCli(['table', 'GELU', '--range', '-1e308,1e308', '--step', '1e307', '--json']);
    expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/^(wrote [^\n]*\n)*$/)]);
    const [t] = JSON.parse(r.stdout) as { x: number[] }[];
    expect(t!.x).toHaveLength(21);
    expect(t!.x[0]).toBe(-1e308);
    expect(t!.x[20]).toBeCloseTo(1e308, -300);
  });

  it('grad-check over −1e308,1e308 in steps of 1e307', async () => {
    const r = await runCli(['grad-check', 'GELU', '--range', '-1e308,1e308', '--step', '1e307', '--json']);
    expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/^(wrote [^\n]*\n)*$/)]);
  });

  it.each([
    ['plot', ['plot', 'GELU', '--range', '-1e308,1e308', '-o', 'a.svg']],
    [
      'plot, the largest doubles',
      ['plot', 'GELU', '--range', '-1.7976931348623157e308,1.7976931348623157e308', '-o', 'a.svg'],
    ],
    ['plot, a range of one subnormal', ['plot', 'GELU', '--range', '0,5e-324', '-o', 'a.svg']],
    ['compare', ['compare', 'GELU', 'ReLU', '--range', '-1e308,1e308', '-q', '-o', 'a.svg']],
    ['compare --samples', ['compare', 'GELU', '--range', '-1e308,1e308', '--samples', '50', '-q', '-o', 'a.svg']],
  ])('%s: a chart, with no message about a --step that was not given', async (_what, argv) => {
    const cwd = tmp();
    const r = await runCli([...argv], { cwd });
    expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/^(wrote [^\n]*\n)*$/)]);
    expect(readdirSync(cwd)).toEqual(['a.svg']);
  });
});

describe('small things', () => {
  it('plot expands a sweep inside an expression: one file per value', async () => {
    const cwd = tmp();
    const r = await runCli(['plot', 'x*elu(x,alpha=1|2)', '--out-dir', 'sw', '--format', 'svg'], { cwd });
    expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/^(wrote [^\n]*\n)*$/)]);
    expect(readdirSync(join(cwd, 'sw')).sort()).toEqual(['x_elu_x_alpha=1.svg', 'x_elu_x_alpha=2.svg']);
  });

  it('plot --terminal expands a sweep too', async () => {
    const r = await runCli(['plot', 'ELU(alpha=0.5|2)', '--terminal', '--width', '40']);
    expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/^(wrote [^\n]*\n)*$/)]);
    expect(r.stdout.match(/ELU/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('256 levels of nesting are allowed, as the README says', async () => {
    const r = await runCli(['table', `${'('.repeat(256)}x${')'.repeat(256)}`, '--x', '2', '--csv']);
    expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/^(wrote [^\n]*\n)*$/)]);
    expect(r.stdout.split('\n')[1]).toBe('2,2,1');
  });

  it('an expression starting with - works after --', async () => {
    const r = await runCli(['table', '--x', '2', '--csv', '--', '-x']);
    expect([r.code, r.stderr, r.stdout]).toEqual([0, '', 'x,-x,d(-x)\n2,-2,-1\n']);
  });

  it.each([
    ['plot --terminal', ['plot', 'GELU', '--terminal']],
    ['compare --terminal', ['compare', 'GELU', 'ReLU', '--terminal', '-q']],
    ['info', ['info', 'GELU']],
  ])('%s on a 20 000-column terminal stays within 1000 columns', async (_what, argv) => {
    const r = await runCli([...argv], { isTTY: true, columns: 20_000, env: { NO_COLOR: '1' } });
    expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/^(wrote [^\n]*\n)*$/)]);
    const widest = Math.max(...r.stdout.split('\n').map((l) => [...l].length));
    expect(widest).toBeLessThanOrEqual(1000);
  });
});
