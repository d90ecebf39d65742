/**
 * Terminating signals during one render and during a write (issue #16), through the real bin: the
 * process ends promptly by the signal (a shell shows 130, 143, 129, 131), leaves no output file and
 * no temporary file. The render is synchronous, so terminating signals keep their default action
 * except while a temporary file exists; then a handler removes it and re-raises the signal.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signalAfter, shellStatus } from '../support/interrupt.js';
import { REPO } from '../support/paths.js';
import { tempFolders } from '../support/temp.js';

const tmp = tempFolders('signals');
const STATUS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, SIGQUIT: 131 } as const;

/** Renders that take seconds (a 36-megapixel PNG, 10⁶ samples of an expression). */
const LONG: readonly (readonly [string, readonly string[], keyof typeof STATUS])[] = [
  ['plot, SIGINT', ['plot', 'GELU', '--size', '6000x6000', '-o', 'big.png'], 'SIGINT'],
  ['plot, SIGTERM', ['plot', 'GELU', '--size', '6000x6000', '-o', 'big.png'], 'SIGTERM'],
  ['plot, SIGHUP', ['plot', 'GELU', '--size', '6000x6000', '-o', 'big.png'], 'SIGHUP'],
  ['plot, SIGQUIT', ['plot', 'GELU', '--size', '6000x6000', '-o', 'big.png'], 'SIGQUIT'],
  ['compare, SIGINT', ['compare', 'GELU', 'ReLU', '--size', '6000x6000', '-q', '-o', 'big.png'], 'SIGINT'],
  ['compare, SIGTERM', ['compare', 'GELU', 'ReLU', '--size', '6000x6000', '-q', '-o', 'big.webp'], 'SIGTERM'],
  [
    'an expression with 10⁶ samples, SIGINT',
    ['plot', 'x*sigmoid(1.702*x)', '--samples', '1000000', '-o', 'e.png'],
    'SIGINT',
  ],
  ['plot --all, SIGTERM', ['plot', '--all', '--out-dir', 'figs', '--size', '3000x2000'], 'SIGTERM'],
];

describe('a signal during one render ends the process at once, leaving no file', () => {
  it.each(LONG)('%s', async (_what, args, signal) => {
    const cwd = tmp();
    const r = await signalAfter(cwd, args, signal, 400);
    expect(shellStatus(r), r.stderr).toBe(STATUS[signal]);
    expect(r.afterMs).toBeLessThan(1000);
    expect(['', 'actfn: interrupted; no partial files were left\n']).toContain(r.stderr);
    const left = existsSync(join(cwd, 'figs')) ? readdirSync(join(cwd, 'figs')) : readdirSync(cwd);
    // plot --all may have finished figures before the signal: whole files only, no temporary ones.
    expect(left.filter((f) => f.startsWith('.') || !/\.(png|webp)$/.test(f))).toEqual([]);
    if (args[1] !== '--all') expect(left).toEqual([]);
  });
});

/** A child that writes 64 MB through writeFileAtomic (the write takes long enough to catch it). */
const WRITER = `
import { writeFileAtomic, withCleanupOnSignal } from ${JSON.stringify(join(REPO, 'dist', 'commands', 'atomic-write.js'))};
await withCleanupOnSignal(() => writeFileAtomic('out/big.bin', new Uint8Array(64 * 2 ** 20).fill(7)));
`;

describe('a signal while the temporary file is written', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const)(
    '%s: the temporary file and the folder made for it are removed',
    async (signal) => {
      const cwd = tmp();
      const child = spawn(process.execPath, ['--input-type=module', '-e', WRITER], {
        cwd,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      // Send the signal as soon as the temporary file appears.
      const sent = new Promise<void>((done) => {
        const poll = setInterval(() => {
          if (existsSync(join(cwd, 'out')) && readdirSync(join(cwd, 'out')).length > 0) {
            clearInterval(poll);
            child.kill(signal);
            done();
          }
        }, 1);
      });
      const ending = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
        child.on('close', (code, sig) => done({ code, signal: sig })),
      );
      await sent;
      expect(shellStatus(ending), stderr).toBe(STATUS[signal]);
      expect(stderr).toBe('actfn: interrupted; no partial files were left\n');
      expect(readdirSync(cwd)).toEqual([]);
    },
  );
});
