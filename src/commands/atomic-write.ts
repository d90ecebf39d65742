/**
 * Atomic file output: each file is written to a temporary name in its own folder, then renamed
 * over the target, so a reader never sees half an image. While a command writes, SIGINT/SIGTERM
 * remove the temporary files before the process ends, and an error removes its own.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RuntimeFailure } from '../errors.js';

const pending = new Set<string>();

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or folder';
    case 'ENOTDIR':
      return 'a parent of it is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return e.message ?? String(err);
  }
}

/** Creates `dir` and its parents; a one-line RuntimeFailure if it cannot. */
export function ensureFolder(dir: string): void {
  // Level by level rather than mkdirSync's `recursive`, which spins forever on Node 20 where the
  // parent exists but refuses new entries (e.g. under /proc).
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new RuntimeFailure(`cannot create folder ${dir}: ${reason(err)}`);
    }
  }
}

/** Deletes a file if it is there; a path that cannot hold one (ENOTDIR) has nothing to delete. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing was created there
  }
}

let counter = 0;

/** Writes `data` to `path` atomically, creating missing folders. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  ensureFolder(dir);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  pending.add(temp);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (err) {
    removeQuietly(temp);
    // ENOENT in a folder that is there (/proc, a vanished mount): the folder takes no new files.
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' && existsSync(dir) ? 'the folder does not accept new files' : reason(err);
    throw new RuntimeFailure(`cannot write ${path}: ${why}`);
  } finally {
    pending.delete(temp);
  }
}

/**
 * Runs `work` with SIGINT and SIGTERM handlers that delete unfinished temporary files and end
 * the process (exit code 130 / 143), restoring the previous handlers afterwards.
 */
export async function withCleanupOnSignal<T>(work: () => Promise<T>): Promise<T> {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      for (const temp of pending) removeQuietly(temp);
      // On a terminal, clear the line first: a progress bar may be on it.
      process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}actfn: interrupted; no partial files were left\n`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  try {
    return await work();
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
}
