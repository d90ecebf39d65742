/** Where a command writes, and whether it may use color: passed in so the CLI can run in-process. */

export interface OutputStream {
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliIO {
  /** Data: tables, JSON, images written to `-`. */
  readonly stdout: OutputStream;
  /** Messages: warnings, progress, errors. */
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative output paths resolve against this. */
  readonly cwd: string;
}

export function processIO(): CliIO {
  stopQuietlyWhenTheReaderLeaves();
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

let guarded = false;

/**
 * A reader that stops early (`actfn list | head -1`) closes the pipe, and the next write fails
 * with EPIPE, emitted on the stream: without a listener Node crashes with a stack trace. The
 * reader has all it wanted, so stop quietly with exit code 0 (files are written synchronously, so
 * no temporary file is pending between events). A closed stderr only loses messages: carry on.
 */
function stopQuietlyWhenTheReaderLeaves(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`actfn: cannot write to stdout: ${err.message}\n`);
    process.exit(err.code === 'EPIPE' ? 0 : 1);
  });
  process.stderr.on('error', () => {});
}

/**
 * Chalk color level for a stream: FORCE_COLOR wins (0–3, or empty/true for 1), then NO_COLOR
 * (any non-empty value), then colors only on a TTY.
 */
export function colorLevel(stream: OutputStream, env: CliIO['env']): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === 'false' || force === '0') return 0;
    const n = Number(force);
    if (force === '' || force === 'true' || Number.isNaN(n)) return 1;
    return Math.min(3, Math.max(1, Math.trunc(n))) as 1 | 2 | 3;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!stream.isTTY) return 0;
  if (env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return /-256(color)?$/i.test(env.TERM ?? '') ? 2 : 1;
}
