/** Ctrl-C in the middle of `actfn plot --all`, through the real bin. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, } from 'node:path';
import { BIN } from './paths.js';


/**
 * Runs `actfn plot --all --out-dir figs --size 1000x700 -q` in `cwd` and sends SIGINT as soon as the
 * first figure is there, i.e. while the others are being drawn and written.
 */
export function interruptPlotAll(cwd: string): Promise<{ code: number | null; stderr: string; figs: string }> {
  const figs = join(cwd, 'figs');
  const child = spawn(process.execPath, [BIN, 'plot', '--all', '--out-dir', 'figs', '--size', '1000x700', '-q'], { cwd });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => {
    const poll = setInterval(() => {
      if (existsSync(figs) && readdirSync(figs).some((f) => f.endsWith('.png'))) {
        clearInterval(poll);
        child.kill('SIGINT');
      }
    }, 5);
    child.on('close', (code) => {
      clearInterval(poll);
      done({ code, stderr, figs });
    });
  });
}
