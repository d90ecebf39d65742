// render(specs, options): the CLI's charts as bytes, with the CLI's options typed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render, UsageError } from '../../src/index.js';
import { runCli } from '../support/cli-capture.js';
import { tempFolders } from '../support/temp.js';

const temp = tempFolders('render');

async function cliBytes(args: string[], file: string): Promise<Buffer> {
  const cwd = temp();
  const r = await runCli([...args, '-o', file], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(join(cwd, file));
}

describe('render', () => {
  it('gives the bytes the CLI writes, for plot and compare, in every file format', async () => {
    const cases: [Parameters<typeof render>, string[], string][] = [
      [
        ['ELU(alpha=0.7)', { range: [-4, 4], theme: 'dark' }],
        ['plot', 'ELU(alpha=0.7)', '--range', '-4,4', '--theme', 'dark'],
        'x.png',
      ],
      [
        ['GELU', { format: 'svg', show: 'df', size: '600x400' }],
        ['plot', 'GELU', '--derivative-only', '--size', '600x400'],
        'x.svg',
      ],
      [
        ['GELU', { format: 'html', show: 'f', labels: ['y'] }],
        ['plot', 'GELU', '--no-derivative', '--labels', 'y'],
        'x.html',
      ],
      [
        [['ReLU', 'ELU(alpha=0.5|1)'], { format: 'svg', show: 'both', title: 'T' }],
        ['compare', 'ReLU', 'ELU(alpha=0.5|1)', '--both', '--title', 'T', '-q'],
        'x.svg',
      ],
      [
        [['ReLU', 'GELU'], { format: 'html', samples: 50 }],
        ['compare', 'ReLU', 'GELU', '--samples', '50', '-q'],
        'x.html',
      ],
      [
        ['Softplus(beta=0.5..5)', { format: 'gif', frames: 6, fps: 12 }],
        ['plot', 'Softplus(beta=0.5..5)', '--frames', '6', '--fps', '12'],
        'x.gif',
      ],
      [
        [['ELU(alpha=0.1..3)', 'GELU'], { format: 'gif', frames: 4 }],
        ['compare', 'ELU(alpha=0.1..3)', 'GELU', '--frames', '4'],
        'x.gif',
      ],
      [['Mish', { format: 'gif' }], ['plot', 'Mish'], 'x.gif'],
    ];
    for (const [args, cli, file] of cases) {
      const r = await render(...args);
      expect(Buffer.from(r.bytes).equals(await cliBytes(cli, file)), cli.join(' ')).toBe(true);
    }
  });

  it('names each format’s MIME type, and draws the terminal chart as text', async () => {
    expect((await render('GELU', { format: 'jpeg' })).mime).toBe('image/jpeg');
    expect((await render('GELU', { format: 'pdf' })).mime).toBe('application/pdf');
    const t = await render(['ReLU', 'GELU'], { format: 'terminal', width: 60 });
    expect(t.mime).toBe('text/plain; charset=utf-8');
    const text = new TextDecoder().decode(t.bytes);
    expect(text).toMatch(/── ReLU/);
    expect(text.split('\n')[0]!.length).toBeLessThanOrEqual(60);
    expect(text).not.toMatch(/\x1b\[/); // color only when asked
    expect(new TextDecoder().decode((await render('GELU', { format: 'terminal', color: 3 })).bytes)).toMatch(/\x1b\[/);
  });

  it('rejects what the CLI rejects, with a UsageError and its message', async () => {
    const bad: [Parameters<typeof render>, RegExp][] = [
      [['GELU', { range: [3, 1] }], /--range 3,1 is empty or inverted/],
      [[['ReLU', 'GELU'], { chart: 'plot' }], /chart 'plot' draws one function \(got 2\)/],
      [['GELU', { show: 'values' }], /show 'values' is not one of both, f, df for chart 'plot'/],
      [['GELU', { format: 'bmp' as 'png' }], /format 'bmp' is not one of/],
      [['ELU(alpha=0.1..3)', { format: 'png' }], /only format 'gif' can show/],
      [[[]], /at least one function/],
      [['GELLU'], /unknown function 'GELLU'/],
    ];
    for (const [args, message] of bad) {
      const e = await render(...args).catch((err: unknown) => err);
      expect(e, String(message)).toBeInstanceOf(UsageError);
      expect((e as Error).message).toMatch(message);
    }
  });
});
