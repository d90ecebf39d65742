/** Signals sent to the real bin: Ctrl-C in the middle of `actfn plot --all`, or during one render. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './paths.js';

/** How a process ended: by an exit code, or by a signal (a shell shows 128 + its number). */
export interface Ending {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

const NUMBER: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15 };

/** The status a shell reports for an ending: 130 for SIGINT, 143 for SIGTERM. */
export function shellStatus(e: Pick<Ending, 'code' | 'signal'>): number | null {
  return e.signal ? 128 + (NUMBER[e.signal] ?? 0) : e.code;
}

/** Temporary files the writer leaves while a write is under way. */
export const isTemporary = (name: string): boolean => name.startsWith('.actfn') || name.endsWith('.tmp');

/**
 * Runs `actfn plot --all --out-dir figs --size 1000x700 -q` in `cwd` and sends SIGINT as soon as the
 * first figure is there, i.e. while the others are being drawn and written.
 */
export function interruptPlotAll(cwd: string): Promise<Ending & { figs: string }> {
  const figs = join(cwd, 'figs');
  const child = spawn(process.execPath, [BIN, 'plot', '--all', '--out-dir', 'figs', '--size', '1000x700', '-q'], {
    cwd,
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => {
    const poll = setInterval(() => {
      if (existsSync(figs) && readdirSync(figs).some((f) => f.endsWith('.png'))) {
        clearInterval(poll);
        child.kill('SIGINT');
      }
    }, 5);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      done({ code, signal, stderr, figs });
    });
  });
}

/**
 * Runs the bin with `args` in `cwd`, sends `signal` after `delayMs`, and measures how long the
 * process took to end after it.
 */
export function signalAfter(
  cwd: string,
  args: readonly string[],
  signal: NodeJS.Signals,
  delayMs: number,
): Promise<Ending & { afterMs: number }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let sentAt = 0;
  const timer = setTimeout(() => {
    sentAt = performance.now();
    child.kill(signal);
  }, delayMs);
  return new Promise((done) => {
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      done({ code, signal: sig, stderr, afterMs: sentAt ? performance.now() - sentAt : -1 });
    });
  });
}
