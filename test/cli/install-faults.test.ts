/**
 * A damaged install or environment (issue #16), through a copy of the bin and bundle: a corrupted
 * code cache is detected by our checksum and the bundle compiled instead (V8 does not check the
 * cache's data and crashed on it); a truncated bundle and a deleted current folder are one line.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/paths.js';
import { tempFolders } from '../support/temp.js';

const tmp = tempFolders('install-faults');

/** A copy of what `table` needs: bin/, dist/actfn.cjs and its code cache. */
function copyPackage(): string {
  const root = tmp();
  for (const f of ['package.json', 'bin/actfn.js', 'bin/package.json', 'dist/actfn.cjs', 'dist/actfn.v8cache']) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    copyFileSync(join(REPO, f), join(root, f));
  }
  return root;
}

function table(root: string, env: Record<string, string> = {}, cwd = root) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'actfn.js'), 'table', 'GELU', '--x', '1', '--csv'], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const GELU_AT_1 = /^x,GELU,d\(GELU\)\n1,0\.8413447460685429,1\.083315470587686\d*\n$/;

describe('a corrupted code cache: detected, and the bundle compiled instead', () => {
  const cacheLength = readFileSync(join(REPO, 'dist', 'actfn.v8cache')).length;
  it.each([
    ['one byte flipped near the start of the data', [80]],
    ['one byte flipped in the middle', [Math.floor(cacheLength / 2)]],
    ['one byte flipped near the end', [cacheLength - 10]],
    ['many bytes', Array.from({ length: 64 }, (_, i) => 100 + i * 997)],
  ])('%s', (_what, offsets) => {
    const root = copyPackage();
    const file = join(root, 'dist', 'actfn.v8cache');
    const cache = readFileSync(file);
    for (const at of offsets) cache[at] = cache[at]! ^ 0x5a;
    writeFileSync(file, cache);
    const r = table(root, { ACTFN_DEBUG: '1' });
    expect(r.signal).toBeNull();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(GELU_AT_1);
    expect(r.stderr).toBe(
      'actfn: not using dist/actfn.v8cache (missing, damaged or from another build); compiling the bundle\n',
    );
  });

  it('an intact cache is used', () => {
    const r = table(copyPackage(), { ACTFN_DEBUG: '1' });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(GELU_AT_1);
  });
});

describe('a damaged install is one line saying what to do', () => {
  it('a truncated bundle', () => {
    const root = copyPackage();
    const file = join(root, 'dist', 'actfn.cjs');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    const r = table(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^actfn: dist\/actfn\.cjs is damaged \(.*\); reinstall actfn \(or run `npm run build` in the package folder\)\n$/,
    );
  });

  it('a missing bundle', () => {
    const root = copyPackage();
    rmSync(join(root, 'dist'), { recursive: true });
    const r = table(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('actfn: dist/actfn.cjs is missing; run `npm run build` in the package folder\n');
  });
});

describe('missing files and packages of the installation: one line naming what is missing', () => {
  /** The copy has no fonts/, python/ or node_modules/. */
  function actfnIn(root: string, ...args: string[]) {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'actfn.js'), ...args], { cwd: root, encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr };
  }
  it('the bundled font', () => {
    const r = actfnIn(copyPackage(), 'plot', 'GELU', '-o', 'g.png');
    expect([r.status, r.stderr]).toEqual([
      1,
      'actfn: fonts/DejaVuSans.ttf is missing from the installation; reinstall actfn (e.g. npm install -g actfn)\n',
    ]);
  });
  it('@napi-rs/canvas (WebP)', () => {
    const root = copyPackage();
    mkdirSync(join(root, 'fonts'));
    copyFileSync(join(REPO, 'fonts', 'DejaVuSans.ttf'), join(root, 'fonts', 'DejaVuSans.ttf'));
    const r = actfnIn(root, 'plot', 'GELU', '-o', 'g.webp');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^actfn: the package @napi-rs\/canvas is not installed \(it draws JPEG, WebP, PDF and text in scripts such as CJK\); reinstall actfn/,
    );
    expect(r.stderr.split('\n')).toHaveLength(2);
  });
  it('jpeg-js (JPEG)', () => {
    const root = copyPackage();
    mkdirSync(join(root, 'fonts'));
    copyFileSync(join(REPO, 'fonts', 'DejaVuSans.ttf'), join(root, 'fonts', 'DejaVuSans.ttf'));
    const r = actfnIn(root, 'plot', 'GELU', '-o', 'g.jpg');
    expect([r.status, r.stderr]).toEqual([
      1,
      'actfn: the package jpeg-js is not installed; reinstall actfn (e.g. npm install -g actfn)\n',
    ]);
  });
  it('the torch script', () => {
    const r = actfnIn(copyPackage(), 'grad-check', 'GELU', '--against', 'torch');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^actfn: \/.*\/python\/torch_eval\.py is missing from the installation; reinstall actfn\n$/,
    );
  });
});

describe('the current folder was deleted', () => {
  it('one line, exit 1', () => {
    const cwd = tmp();
    const gone = join(cwd, 'gone');
    mkdirSync(gone);
    // A shell that enters the folder, deletes it, then runs actfn there.
    const r = spawnSync(
      'sh',
      [
        '-c',
        `cd ${JSON.stringify(gone)} && rmdir ${JSON.stringify(gone)} && exec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(REPO, 'bin', 'actfn.js'))} table GELU`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('actfn: the current folder no longer exists; cd to one that does\n');
  });
});
