/** Runs the CLI in-process and captures what it writes (helper for the command tests). */
import { main } from '../../src/cli.js';
import type { CliIO } from '../../src/commands/io.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout as raw bytes (images written to `-`). */
  readonly stdoutBytes: Buffer;
}

export interface RunOptions {
  readonly env?: Record<string, string | undefined>;
  readonly isTTY?: boolean;
  readonly columns?: number;
  readonly cwd?: string;
}

export async function runCli(argv: string[], options: RunOptions = {}): Promise<CliRun> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sink = (chunks: Buffer[], tty: boolean) => ({
    isTTY: tty,
    columns: options.columns,
    write(chunk: string | Uint8Array) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
      return true;
    },
  });
  const io: CliIO = {
    stdout: sink(out, options.isTTY ?? false),
    stderr: sink(err, options.isTTY ?? false),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await main(argv, io);
  const stdoutBytes = Buffer.concat(out);
  return { code, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes };
}
