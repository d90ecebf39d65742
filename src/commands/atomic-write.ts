/**
 * File output as a shell redirection would do it, but atomic: a regular file is written to a short
 * temporary name in its folder and renamed over the target, so a reader never sees half an image.
 * - A FIFO or device (`-o /dev/null`, `mkfifo p`) is written to as a stream, never replaced.
 * - A symlink is followed: its target is replaced, the link stays.
 * - An existing file keeps its mode (and owner where we may chown); one we could not write to is
 *   an error, as it is for `>`.
 * - Folders made for a write that then fails are removed again; two outputs of one run never
 *   land on the same file.
 * Signals: terminating signals keep their default action (the process ends at once, even in the
 * middle of a render, which JavaScript handlers could only see after it) except while a temporary
 * file exists; then handlers remove it, say so, and end the process by the same signal.
 */
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  type Stats,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RuntimeFailure } from '../errors.js';

/** Linux: a path of at most PATH_MAX − 1 bytes, each name at most NAME_MAX. */
const PATH_MAX = 4095;
const NAME_MAX = 255;
/** Symlinks followed before giving up, as the kernel does (MAXSYMLINKS). */
const MAX_SYMLINKS = 40;

const TERMINATING = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

/** One line for a failed file operation, without Node's `ECODE: …, open '…'` decoration. */
export function reason(err: unknown): string {
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
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'read-only file system';
    case 'ENAMETOOLONG':
      return `the name is too long (at most ${NAME_MAX} bytes a name, ${PATH_MAX} a path)`;
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EFBIG':
      return 'the file would exceed the largest file allowed (file system or ulimit -f)';
    case 'EPIPE':
      return 'the reader closed it';
    case 'ENXIO':
      return 'no process is reading it';
    case 'EIO':
      return 'input/output error';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ETXTBSY':
      return 'it is a running program';
    default: {
      const message = e.message ?? String(err);
      return message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/s, '') || String(e.code);
    }
  }
}

/** What one run has written and created: per run, so that in-process runs do not share it. */
interface RunState {
  readonly written: Set<string>;
  readonly createdFolders: string[];
}
let run: RunState = { written: new Set(), createdFolders: [] };

/** Creates `dir` and its parents; a one-line RuntimeFailure if it cannot. Returns what it made. */
export function ensureFolder(dir: string): string[] {
  if (Buffer.byteLength(dir) > PATH_MAX)
    throw new RuntimeFailure(`cannot create folder ${dir}: ${reason({ code: 'ENAMETOOLONG' })}`);
  // Level by level rather than mkdirSync's `recursive`, which spins forever on Node 20 where the
  // parent exists but refuses new entries (e.g. under /proc).
  const missing: string[] = [];
  for (let d = dir; !exists(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  const made: string[] = [];
  for (const d of missing) {
    try {
      mkdirSync(d);
      made.push(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      removeFolders(made);
      throw new RuntimeFailure(`cannot create folder ${dir}: ${reason(err)}`);
    }
  }
  run.createdFolders.push(...made);
  return made;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Removes folders (deepest first) if they are empty. */
function removeFolders(folders: readonly string[]): void {
  for (const d of [...folders].reverse()) {
    try {
      rmdirSync(d);
    } catch {
      // not empty (an earlier output is in it), or gone
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

/**
 * The file a write to `path` lands on: symlinks followed (a dangling one names the file to
 * create). Throws ELOOP-coded errors like the kernel.
 */
function finalTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
  }
  // Missing, or a dangling symlink: follow the links by hand to the name to create.
  let p = path;
  for (let i = 0; i < MAX_SYMLINKS; i++) {
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch {
      return p;
    }
    if (!st.isSymbolicLink()) return p;
    p = resolve(dirname(p), readlinkSync(p));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}

function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Writes into an existing FIFO or device as a stream (or over a file in place), as `>` would. */
function writeStream(path: string, data: string | Uint8Array, flags = 0): void {
  const fd = openSync(path, constants.O_WRONLY | flags);
  try {
    writeAll(fd, data);
  } finally {
    closeSync(fd);
  }
}

/** Temporary names stay short so that a target name of up to NAME_MAX − 16 bytes still works. */
let counter = 0;
function temporaryName(dir: string): string {
  return join(dir, `.actfn${process.pid.toString(36)}.${(counter++).toString(36)}~`);
}

/** Lets the event loop deliver a signal that arrived during synchronous work (poll, then check). */
async function yieldToSignals(): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise((next) => setImmediate(next));
}

const pending = new Set<string>();
let notify: ((message: string) => void) | undefined;

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of pending) removeQuietly(temp);
  removeFolders(run.createdFolders);
  notify?.('interrupted; no partial files were left');
  for (const s of TERMINATING) process.removeAllListeners(s);
  // End by the signal itself, so the parent sees what happened (a shell: 128 + its number).
  process.kill(process.pid, signal);
}

function guard(): () => void {
  for (const s of TERMINATING) process.on(s, onSignal);
  return () => {
    for (const s of TERMINATING) process.off(s, onSignal);
  };
}

/**
 * Writes `data` to `path` (see the file comment), creating missing folders. Resolves once the file
 * is complete; any failure is a one-line RuntimeFailure naming the path.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const fail = (err: unknown, why = reason(err)): never => {
    throw err instanceof RuntimeFailure ? err : new RuntimeFailure(`cannot write ${path}: ${why}`);
  };
  let target: string;
  let existing: Stats | undefined;
  try {
    if (Buffer.byteLength(path) > PATH_MAX) throw Object.assign(new Error('long'), { code: 'ENAMETOOLONG' });
    target = finalTarget(path);
    existing = statOrUndefined(target);
  } catch (err) {
    return fail(err);
  }
  if (existing && !existing.isFile()) {
    if (existing.isDirectory()) return fail(null, reason({ code: 'EISDIR' }));
    try {
      writeStream(target, data);
    } catch (err) {
      fail(err);
    }
    return;
  }
  if (run.written.has(target)) return fail(null, 'an earlier output of this run was written there');
  const dir = dirname(target);
  const made = ensureFolder(dir);
  const temp = temporaryName(dir);
  const unguard = guard();
  pending.add(temp);
  try {
    await writeThroughTemporary(target, temp, existing, data);
    run.written.add(target);
  } catch (err) {
    removeQuietly(temp);
    removeFolders(made);
    // ENOENT in a folder that is there (/proc, a vanished mount): the folder takes no new files.
    const code = (err as NodeJS.ErrnoException).code;
    fail(err, code === 'ENOENT' && exists(dir) ? 'the folder does not accept new files' : reason(err));
  } finally {
    pending.delete(temp);
    // A signal during the rename (or a write in place) is delivered now, not lost with the handler.
    await yieldToSignals();
    unguard();
  }
}

/** The temporary file, with the existing file's mode and owner, renamed over `target`. */
async function writeThroughTemporary(
  target: string,
  temp: string,
  existing: Stats | undefined,
  data: string | Uint8Array,
): Promise<void> {
  // A file we could not open for writing is an error, as for a shell redirection.
  if (existing) accessSync(target, constants.W_OK);
  let fd: number;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!existing || (code !== 'EACCES' && code !== 'EPERM')) throw err;
    // A writable file in a folder we may not add to: overwrite it in place, as `>` does.
    writeStream(target, data, constants.O_TRUNC);
    return;
  }
  try {
    if (existing) {
      fchmodSync(fd, existing.mode & 0o7777);
      if (existing.uid !== fstatSync(fd).uid || existing.gid !== fstatSync(fd).gid) {
        try {
          fchownSync(fd, existing.uid, existing.gid);
        } catch {
          // only root may give a file away: it becomes ours, as when the file is replaced by `mv`
        }
      }
    }
    writeAll(fd, data);
  } finally {
    closeSync(fd);
  }
  // A signal that came during the write is handled here, while only the temporary file exists.
  await yieldToSignals();
  renameSync(temp, target);
}

/**
 * Runs the output of one command: what `work` writes gets distinct files, a signal while a file is
 * being written ends the process cleanly (with `say` telling the user), and the folders made for
 * the run are removed again if it fails.
 */
export async function withCleanupOnSignal<T>(work: () => Promise<T>, say?: (message: string) => void): Promise<T> {
  const outer = run;
  run = { written: new Set(), createdFolders: [] };
  notify = say ?? ((m) => process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}actfn: ${m}\n`));
  try {
    return await work();
  } catch (err) {
    removeFolders(run.createdFolders);
    throw err;
  } finally {
    run = outer;
    notify = undefined;
  }
}
