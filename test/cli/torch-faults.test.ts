/**
 * `grad-check --against torch` when the interpreter misbehaves (issue #16), through the real bin:
 * one that cannot start is reported at once and the process exits at once; what it prints is
 * checked before use; a signal that ends it is named as such.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../support/paths.js';
import { tempFolders } from '../support/temp.js';

const tmp = tempFolders('torch-faults');

function gradCheck(python: string): { status: number | null; stderr: string; ms: number } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'grad-check', 'ReLU', '--x', '-1,1', '--against', 'torch'], {
    env: { ...process.env, ACTFN_PYTHON: python },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stderr: r.stderr, ms: performance.now() - start };
}

/** A stand-in interpreter: a shell script that reads its input and runs `body`. */
function fakePython(body: string): string {
  const file = join(tmp(), 'python3');
  writeFileSync(file, `#!/bin/sh\ncat > /dev/null\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('an interpreter that cannot start: a usage error, and the process ends at once', () => {
  const cases: readonly (readonly [string, () => string, string])[] = [
    ['a missing file', () => '/nonexistent/python3', 'not found'],
    [
      'a file that is not executable',
      () => {
        const f = join(tmp(), 'python3');
        writeFileSync(f, '#!/bin/sh\n');
        chmodSync(f, 0o644);
        return f;
      },
      'not executable',
    ],
    [
      'a folder',
      () => {
        const d = join(tmp(), 'python3');
        mkdirSync(d);
        return d;
      },
      '(not executable|a folder)',
    ],
  ];
  it.each(cases)('%s', (_what, make, problem) => {
    const python = make();
    const r = gradCheck(python);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^actfn: --against torch needs python3 with PyTorch installed \\(tried .*python3: ${problem};`),
    );
    expect(r.stderr.split('\n').length).toBe(2);
    // Before the fix the message came at once and the exit 120 s later.
    expect(r.ms).toBeLessThan(10_000);
  });
});

describe('what the interpreter prints is checked: a one-line runtime failure, not an internal error', () => {
  it.each([
    ['null', 'echo null', /answered without a list of results$/],
    ['results that are not a list', `echo '{"results": 5}'`, /answered without a list of results$/],
    ['no result for the function', `echo '{"results": []}'`, /gave no result for function 0$/],
    [
      'a short list of values',
      `echo '{"results": [{"id": 0, "y": [1], "dy": [1, 2]}]}'`,
      /answered without 2 values of y for function 0$/,
    ],
    [
      'values that are not numbers',
      `echo '{"results": [{"id": 0, "y": [1, {}], "dy": [1, 2]}]}'`,
      /answered \{\} among the values of y for function 0$/,
    ],
    ['not JSON', 'echo hello', /printed something that is not JSON$/],
    ['a failure', 'echo boom >&2; exit 7', /failed \(exit 7\): boom$/],
    ['a crash (SIGSEGV)', 'kill -SEGV $$', /was killed by SIGSEGV$/],
  ])('%s', (_what, body, message) => {
    const r = gradCheck(fakePython(body));
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr.split('\n').length, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^actfn: /);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.ms).toBeLessThan(10_000);
  });
});
