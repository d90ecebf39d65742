/**
 * stdout carries data and stderr messages, through the real bin: JSON and images can be piped or
 * redirected, and a reader that stops early (`actfn list | head -1`) ends the run quietly instead
 * of an EPIPE crash with a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolders } from '../support/temp.js';
import { BIN } from '../support/paths.js';

const tmp = tempFolders('streams');

/** Runs the bin with stdout into a pipe that is closed after the first chunk, like `| head -c 1`. */
function readFirstChunkThenClose(
  args: string[],
): Promise<{ code: number | null; signal: string | null; stderr: string; first: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: tmp(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let first = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      first = d.toString();
      child.stdout.destroy();
    });
    child.on('close', (code, signal) => done({ code, signal, stderr, first }));
  });
}

describe('a reader that closes the pipe early', () => {
  it.each([
    [['list']],
    [['--help']],
    [['table', 'GELU', '--range', '-5,5', '--step', '0.0001']],
    [['list', '--json']],
    [['completion', 'bash']],
  ])('actfn %j | head: exit 0, nothing on stderr', async (args) => {
    const r = await readFirstChunkThenClose(args);
    expect(r.first.length).toBeGreaterThan(0);
    expect({ code: r.code, signal: r.signal, stderr: r.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('through a real shell pipeline: actfn list | head -1', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; '${process.execPath}' '${BIN}' list | head -1`], {
      encoding: 'utf8',
    });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n')).toHaveLength(2);
  });
});

describe('data on stdout, messages on stderr', () => {
  it('actfn table GELU --json is JSON on stdout and nothing else', () => {
    const r = spawnSync(process.execPath, [BIN, 'table', 'GELU', '--json'], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
    const [table] = JSON.parse(r.stdout) as { name: string; x: number[] }[];
    expect(table!.name).toBe('GELU');
    expect(table!.x).toEqual([-3, -2, -1, 0, 1, 2, 3]);
  });

  it('actfn plot GELU -o - > g.png writes a PNG through the redirect', () => {
    const dir = tmp();
    const file = join(dir, 'g.png');
    const fd = openSync(file, 'w');
    const r = spawnSync(process.execPath, [BIN, 'plot', 'GELU', '-o', '-'], {
      cwd: dir,
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
    });
    closeSync(fd);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(readFileSync(file).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('errors go to stderr as one line, stdout stays empty', () => {
    const r = spawnSync(process.execPath, [BIN, 'table', 'GELLU', '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^actfn: [^\n]*GELU[^\n]*\n$/);
  });
});
