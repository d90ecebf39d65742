/**
 * Runs the built CLI as a user meets it: in a pseudo-terminal of a given width (util-linux
 * `script`), colors on, stdout and stderr on the terminal; and the same command piped, for the
 * reference content. Also the checks every terminal view must pass.
 */
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { stripColor, visibleWidth } from '../../src/report/width.js';
import { BIN } from './paths.js';

/** Whether util-linux `script` is there to make a pseudo-terminal. */
export const HAS_SCRIPT = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', ...extra };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.COLUMNS;
  return env;
}

export interface TerminalRun {
  /** What the terminal received, stdout and stderr together, line ends as `\n`. */
  readonly raw: string;
  readonly code: number | null;
}

/** `actfn args…` in a pseudo-terminal `columns` wide (stdout and stderr on it), colors on. */
export function runInTerminal(
  args: readonly string[],
  columns: number,
  cwd: string,
  env: Record<string, string> = {},
): TerminalRun {
  const command = `stty cols ${columns} rows 60; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  const r = spawnSync('script', ['-qfec', command, '/dev/null'], {
    cwd,
    env: cleanEnv(env),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { raw: r.stdout.replace(/\r\n/g, '\n'), code: r.status };
}

/** The same command with stdout and stderr piped: the reference content (no colors). */
export function runPiped(args: readonly string[], cwd: string, env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: cleanEnv(env),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return r.stdout + r.stderr;
}

/** Box-drawing characters and spaces: what separates words in a table. */
const SEPARATORS = /[\s│┌┐└┘├┤┬┴┼─]+/;
/** Where a word may be broken when it does not fit (see src/report/wrap.ts, rule 4). */
const MAY_BREAK = /[,;·×([|\\]/;

/** `negative_slope=0.01`, `approximate=none` in `approximate=none|tanh|sigmoid`. */
const NAME_VALUE = /[\p{L}_][\p{L}\p{N}_]*=[^\s|,;()[\]]+/gu;

/** The words of a view, brackets and trailing punctuation trimmed: what must survive any wrapping. */
export function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const w of stripColor(text).split(SEPARATORS)) {
    const t = w.replace(/^[([]+|[)\],;:.]+$/g, '');
    if (t) words.add(t);
  }
  return words;
}

/**
 * The checks of a view on a terminal `columns` wide: no line wider than the terminal; colors on;
 * every word of the piped output whole on some line (no number, name or name=value split; a word
 * with break points such as `torch.nn.PReLU(num_parameters=1,` by its name=value parts), except the
 * labels `mayDrop` that a record layout leaves out; and no word the piped output does not have.
 */
export function expectFitsTerminal(
  tty: TerminalRun,
  piped: string,
  columns: number,
  what: string,
  sameContent = true,
  mayDrop: readonly string[] = [],
): void {
  const text = stripColor(tty.raw);
  const lines = text.split('\n');
  const tooWide = lines.filter((l) => visibleWidth(l) > columns);
  expect(tooWide, `${what} at ${columns} columns: lines wider than the terminal`).toEqual([]);
  if (!sameContent) return;
  const shown = wordsOf(text);
  const missing: string[] = [];
  for (const w of wordsOf(piped)) {
    if (!MAY_BREAK.test(w)) {
      if (!shown.has(w) && !mayDrop.includes(w)) missing.push(w);
      continue;
    }
    // A word that may break at , ; ( | …: its name=value parts must still be whole.
    for (const [pair] of w.matchAll(NAME_VALUE)) if (!lines.some((l) => l.includes(pair))) missing.push(pair);
  }
  expect(missing, `${what} at ${columns} columns: words of the piped output split or missing`).toEqual([]);
  const reference = wordsOf(piped);
  // A piece of a word broken at , ( | … is no invention: it is in one of the words that may break.
  const breakable = [...reference].filter((w) => MAY_BREAK.test(w)).join(' ');
  const invented = [...shown].filter((w) => !MAY_BREAK.test(w) && !reference.has(w) && !breakable.includes(w));
  expect(invented, `${what} at ${columns} columns: words the piped output does not have`).toEqual([]);
}
