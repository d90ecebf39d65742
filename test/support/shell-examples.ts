/** Example command lines (from help texts and the README) as argument vectors for the in-process CLI. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { pythonCandidates } from '../../src/commands/torch-bridge.js';
import { runCli } from './cli-capture.js';

/** Splits a shell command line into words: single and double quotes, no expansion. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const m of line.matchAll(re)) words.push(m[1] ?? m[2]?.replace(/\\(.)/g, '$1') ?? m[3]!);
  return words;
}

export interface Example {
  /** The arguments after `actfn`. */
  readonly argv: string[];
  /** Where `>` sends stdout, if anywhere. */
  readonly redirect?: string;
  /** stdout is piped into jq. */
  readonly toJq: boolean;
}

/**
 * One example line (`actfn …` or `npx actfn …`, a trailing `# comment`, `> file`, `| jq …`, or the
 * call inside `source <(…)`) as what the CLI is given; undefined when the line runs no actfn.
 */
export function exampleOf(line: string): Example | undefined {
  const command = line.replace(/\s+#.*$/, '').trim();
  // `source <(actfn completion bash)`: the actfn call inside the process substitution.
  const inner = /<\(((?:npx )?actfn [^)]*)\)/.exec(command)?.[1];
  const [main, ...piped] = (inner ?? command).split(/\s\|\s/);
  const [call, redirect] = main!.split(/\s>\s/);
  const argv = shellWords(call!);
  if (argv[0] === 'npx') argv.shift();
  if (argv.shift() !== 'actfn') return undefined;
  return {
    argv,
    ...(redirect ? { redirect: shellWords(redirect)[0]! } : {}),
    toJq: piped.some((p) => p.trim().startsWith('jq')),
  };
}

/**
 * Runs an example line in-process in `cwd` and checks that it works: exit 0, JSON where jq reads
 * it, output where `>` sends it. `--against torch` needs python3 with torch: without it, the
 * clear usage error (exit 2) is what works means.
 */
export async function expectExampleWorks(line: string, cwd: string, torchAvailable: boolean): Promise<void> {
  const example = exampleOf(line);
  expect(example, line).toBeDefined();
  const { argv, redirect, toJq } = example!;
  const r = await runCli(argv, { cwd });
  if (argv.includes('--against') && !torchAvailable) {
    expect([r.code, r.stderr], line).toEqual([2, expect.stringMatching(/python3|torch/)]);
    return;
  }
  expect(r.code, `${line}\n${r.stderr}`).toBe(0);
  if (toJq) expect(() => JSON.parse(r.stdout), line).not.toThrow();
  if (redirect) {
    expect(r.stdoutBytes.length, line).toBeGreaterThan(0);
    if (!/[$~]/.test(redirect)) writeFileSync(join(cwd, redirect), r.stdoutBytes);
  }
}

/** The first interpreter grad-check would use that can import torch. */
export function torchPython(): string | undefined {
  return pythonCandidates(process.env).find(
    (py) => spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 }).status === 0,
  );
}
