/**
 * The start-up design of the built CLI (scripts/build-cli.mjs, bin/actfn.js), checked without
 * timing anything: bin/actfn.js runs one bundle file with the build's V8 code cache; commands that
 * draw nothing load neither @napi-rs/canvas nor the font, nor zlib; commander's child_process is
 * never loaded; package files resolve from the sources, the library and the bundle. What each run
 * loaded is reported by test/support/load-log.cjs. Wall times are in bench/ (npm run bench).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { packageFile } from '../../src/resources.js';
import { REPO, SUPPORT_DIR } from '../support/paths.js';

const ROOT = REPO;
const BIN = join(ROOT, 'bin', 'actfn.js');
const LOAD_LOG = join(SUPPORT_DIR, 'load-log.cjs');
const work = mkdtempSync(join(tmpdir(), 'actfn-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface LoadLog {
  required: string[];
  read: string[];
  codeCache: 'used' | 'rejected' | 'none';
}

function run(...args: string[]): LoadLog {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.ACTFN_NO_CODE_CACHE;
  const r = spawnSync(process.execPath, ['--require', LOAD_LOG, BIN, ...args], { cwd: work, env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const line = r.stderr.split('\n').find((l) => l.startsWith('ACTFN_LOAD_LOG '));
  return JSON.parse(line!.slice('ACTFN_LOAD_LOG '.length)) as LoadLog;
}

const DRAWING = ['@napi-rs/canvas', 'node:zlib'];
const isFont = (file: string) => /\.(ttf|otf|ttc)$/i.test(file);

describe('the built CLI', () => {
  it('runs one bundle with the code cache the build recorded', () => {
    const log = run('--version');
    // 'rejected' or 'none': dist/ was built by another Node version, or not by `npm run build`.
    expect(log.codeCache, 'the code cache in dist/ (npm run build with this Node)').toBe('used');
    expect(log.read.filter((f) => f.startsWith(join(ROOT, 'dist')))).toEqual([
      join(ROOT, 'dist', 'actfn.cjs'),
      join(ROOT, 'dist', 'actfn.v8cache'),
    ]);
    // Everything else it requires is a package or a Node builtin, by name: no file of ours.
    expect(log.required.filter((r) => r.startsWith('.') || r.startsWith('/'))).toEqual([]);
    expect(log.required).not.toContain('node:child_process');
  });

  it('is ASCII, so that bin/actfn.js reads it as latin1 without changing a character', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'actfn.cjs'));
    expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
  });

  const commands = [
    ['table', 'GELU'],
    ['table', 'GELU', 'Sigmoid', '--json'],
    ['list'],
    ['info', 'GELU'],
    ['list', '--self-gated', '--smooth'],
    ['info', 'GELU', '--bibtex'],
    ['diff', 'GELU', 'QuickGELU'],
    ['plot', 'GELU', '--terminal'],
    ['grad-check', 'GELU'],
    ['propagate', 'Tanh', '--depth', '5', '--json'],
  ];
  for (const args of commands) {
    it(`${args.join(' ')} loads neither the canvas, the font nor zlib`, () => {
      const log = run(...args);
      expect(log.required.filter((r) => DRAWING.includes(r))).toEqual([]);
      expect(log.read.filter(isFont)).toEqual([]);
      expect(log.required).not.toContain('node:child_process');
    });
  }

  it('plot GELU (PNG) reads the bundled font and draws without the canvas', () => {
    const log = run('plot', 'GELU', '-o', 'GELU.png');
    expect(log.read.filter(isFont)).toEqual([packageFile('fonts/DejaVuSans.ttf')]);
    expect(log.required).not.toContain('@napi-rs/canvas');
    expect(log.codeCache).toBe('used');
    expect(existsSync(join(work, 'GELU.png'))).toBe(true);
  });

  it('says how to build when dist/ is missing', () => {
    const bare = join(work, 'bare');
    cpSync(join(ROOT, 'bin'), join(bare, 'bin'), { recursive: true });
    const r = spawnSync(process.execPath, [join(bare, 'bin', 'actfn.js'), 'table', 'GELU'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('actfn: dist/actfn.cjs is missing; run `npm run build` in the package folder\n');
  });
});

describe('package files', () => {
  it('resolve from the sources and from the compiled library', async () => {
    expect(existsSync(packageFile('fonts/DejaVuSans.ttf'))).toBe(true);
    expect(existsSync(packageFile('python/torch_eval.py'))).toBe(true);
    const compiled = (await import(
      pathToFileURL(join(ROOT, 'dist', 'resources.js')).href
    )) as typeof import('../../src/resources.js');
    expect(compiled.packageFile('fonts/DejaVuSans.ttf')).toBe(packageFile('fonts/DejaVuSans.ttf'));
  });
});
