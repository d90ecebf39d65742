/**
 * How output files are replaced (issue #16), through the real bin: FIFOs and devices are written as
 * streams, symlinks are followed, an existing file keeps its mode and owner, a file the user could
 * not write is an error (as for a shell redirection), long names work up to the limit and fail in
 * one line beyond it, folders made for a failed write are removed, and one run never writes two
 * outputs to one file. Faults are staged with tmpfs mounts and a non-root user (`nobody`).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  createReadStream,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../support/paths.js';
import { tempFolders } from '../support/temp.js';

const tmp = tempFolders('files');
const isRoot = process.getuid?.() === 0;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bin in `cwd`, optionally as another user (setpriv; root only). */
function actfn(cwd: string, args: readonly string[], as?: { uid: number; gid: number }): Run {
  const prefix = as
    ? ['setpriv', `--reuid=${as.uid}`, `--regid=${as.gid}`, '--clear-groups', process.execPath]
    : [process.execPath];
  const r = spawnSync(prefix[0]!, [...prefix.slice(1), BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One line `actfn: …` on stderr, exit 1, matching `message`. */
function expectOneLineFailure(r: Run, message: RegExp): void {
  expect(r.stderr.split('\n').length, r.stderr).toBe(2);
  expect(r.stderr.slice(0, -1)).toMatch(/^actfn: /);
  expect(r.stderr.slice('actfn: '.length, -1)).toMatch(message);
  expect(r.status).toBe(1);
}

const svgFile = (path: string) =>
  readFileSync(path, 'utf8').startsWith('<svg') || readFileSync(path, 'utf8').startsWith('<?xml');
const noTemporaries = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)\.actfn/.test(f));

/** The uid/gid of `nobody`, when there is one and we may switch to it. */
const nobody = (() => {
  if (!isRoot) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }));
    execFileSync('setpriv', [
      `--reuid=${uid}`,
      `--regid=${gid}`,
      '--clear-groups',
      process.execPath,
      '-e',
      `require('fs').accessSync(${JSON.stringify(BIN)})`,
    ]);
    return { uid, gid };
  } catch {
    return undefined;
  }
})();
if (!nobody)
  console.warn(
    'files.test: skipping the non-root cases (needs root, setpriv and a user nobody who can read the package)',
  );

/** tmpfs mounts made by the tests, unmounted afterwards. */
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts.reverse()) spawnSync('umount', [m]);
});
function tmpfs(options: string): string | undefined {
  const dir = join(tmp(), 'mnt');
  mkdirSync(dir);
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}
const canMount = isRoot && tmpfs('size=64k') !== undefined;
if (!canMount) console.warn('files.test: skipping the tmpfs cases (mount -t tmpfs needs root)');

/** stderr of a run that only reports the files it wrote. */
const WROTE_ONLY = /^(wrote [^\n]*\n)*$/;

describe('special files are written as streams, not replaced', () => {
  it('a FIFO receives the image and stays a FIFO', async () => {
    const cwd = tmp();
    const fifo = join(cwd, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const reader = createReadStream(fifo).on('data', (c) => chunks.push(c as Buffer));
    const read = new Promise((done) => reader.on('close', done));
    const child = spawn(process.execPath, [BIN, 'plot', 'GELU', '-o', 'pipe', '--format', 'svg'], { cwd });
    const status = await new Promise((done) => child.on('close', done));
    await read;
    expect(status).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/<\/svg>\s*$/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it.runIf(isRoot)('a character device (a copy of /dev/null) stays a device', () => {
    const cwd = tmp();
    execFileSync('mknod', [join(cwd, 'mynull'), 'c', '1', '3']);
    const r = actfn(cwd, ['plot', 'GELU', '-o', 'mynull', '--format', 'png']);
    expect([r.status, r.stderr]).toEqual([0, expect.stringMatching(WROTE_ONLY)]);
    expect(lstatSync(join(cwd, 'mynull')).isCharacterDevice()).toBe(true);
    expect(readdirSync(cwd)).toEqual(['mynull']);
  });

  // Skipped where /dev/null is not a device to begin with (an older actfn as root replaced it).
  it.runIf(statSync('/dev/null').isCharacterDevice())('/dev/null itself', () => {
    const r = actfn(tmp(), ['compare', 'GELU', 'ReLU', '-q', '-o', '/dev/null', '--format', 'png']);
    expect([r.status, r.stderr]).toEqual([0, expect.stringMatching(WROTE_ONLY)]);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('symlinks are followed', () => {
  it('the target is replaced and the link stays', () => {
    const cwd = tmp();
    mkdirSync(join(cwd, 'real'));
    writeFileSync(join(cwd, 'real', 'g.svg'), 'old');
    symlinkSync(join('real', 'g.svg'), join(cwd, 'link.svg'));
    const r = actfn(cwd, ['plot', 'GELU', '-o', 'link.svg']);
    expect([r.status, r.stderr]).toEqual([0, expect.stringMatching(WROTE_ONLY)]);
    expect(lstatSync(join(cwd, 'link.svg')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(cwd, 'link.svg'))).toBe(join('real', 'g.svg'));
    expect(svgFile(join(cwd, 'real', 'g.svg'))).toBe(true);
  });

  it('a dangling link creates its target', () => {
    const cwd = tmp();
    symlinkSync(join('made', 'g.svg'), join(cwd, 'link.svg'));
    const r = actfn(cwd, ['plot', 'GELU', '-o', 'link.svg']);
    expect([r.status, r.stderr]).toEqual([0, expect.stringMatching(WROTE_ONLY)]);
    expect(lstatSync(join(cwd, 'link.svg')).isSymbolicLink()).toBe(true);
    expect(svgFile(join(cwd, 'made', 'g.svg'))).toBe(true);
  });

  it('a loop of links is one line (ELOOP)', () => {
    const cwd = tmp();
    symlinkSync('b.svg', join(cwd, 'a.svg'));
    symlinkSync('a.svg', join(cwd, 'b.svg'));
    expectOneLineFailure(
      actfn(cwd, ['plot', 'GELU', '-o', 'a.svg']),
      /^cannot write .*a\.svg: too many levels of symbolic links$/,
    );
  });
});

describe('an existing file keeps what it had', () => {
  it('its mode (0600 stays 0600, 0755 stays 0755)', () => {
    const cwd = tmp();
    for (const [name, mode] of [
      ['private.svg', 0o600],
      ['exec.svg', 0o755],
    ] as const) {
      writeFileSync(join(cwd, name), 'old');
      chmodSync(join(cwd, name), mode);
      expect(actfn(cwd, ['plot', 'GELU', '-o', name]).status).toBe(0);
      expect(statSync(join(cwd, name)).mode & 0o777).toBe(mode);
      expect(svgFile(join(cwd, name))).toBe(true);
    }
  });

  it.runIf(nobody)('its owner (a file of nobody, rewritten by root, stays nobody’s)', () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'g.svg'), 'old');
    chownSync(join(cwd, 'g.svg'), nobody!.uid, nobody!.gid);
    chmodSync(join(cwd, 'g.svg'), 0o600);
    expect(actfn(cwd, ['plot', 'GELU', '-o', 'g.svg']).status).toBe(0);
    const st = statSync(join(cwd, 'g.svg'));
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([nobody!.uid, nobody!.gid, 0o600]);
  });

  it.runIf(nobody)('a read-only file of a non-root user is an error, as `>` would be, and stays as it was', () => {
    const cwd = tmp();
    chownSync(cwd, nobody!.uid, nobody!.gid);
    writeFileSync(join(cwd, 'g.svg'), 'old');
    chownSync(join(cwd, 'g.svg'), nobody!.uid, nobody!.gid);
    chmodSync(join(cwd, 'g.svg'), 0o444);
    expectOneLineFailure(
      actfn(cwd, ['plot', 'GELU', '-o', 'g.svg'], nobody),
      /^cannot write .*g\.svg: permission denied$/,
    );
    expect(readFileSync(join(cwd, 'g.svg'), 'utf8')).toBe('old');
    expect(readdirSync(cwd)).toEqual(['g.svg']);
  });

  it.runIf(nobody)('a writable file in a folder the user may not add to is overwritten in place', () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'g.svg'), 'old');
    chownSync(join(cwd, 'g.svg'), nobody!.uid, nobody!.gid);
    chmodSync(cwd, 0o755);
    const r = actfn(cwd, ['plot', 'GELU', '-o', 'g.svg'], nobody);
    expect([r.status, r.stderr]).toEqual([0, expect.stringMatching(WROTE_ONLY)]);
    expect(svgFile(join(cwd, 'g.svg'))).toBe(true);
    expect(statSync(join(cwd, 'g.svg')).uid).toBe(nobody!.uid);
  });
});

describe('names', () => {
  it('a 251-character name works (the temporary name is short)', () => {
    const cwd = tmp();
    const name = `${'g'.repeat(247)}.svg`;
    const r = actfn(cwd, ['plot', 'GELU', '-o', name]);
    expect([r.status, r.stderr]).toEqual([0, expect.stringMatching(WROTE_ONLY)]);
    expect(readdirSync(cwd)).toEqual([name]);
  });

  it('a 256-character name is one line (ENAMETOOLONG)', () => {
    const cwd = tmp();
    expectOneLineFailure(
      actfn(cwd, ['plot', 'GELU', '-o', `${'g'.repeat(252)}.svg`]),
      /: the name is too long \(at most 255 bytes a name, 4095 a path\)$/,
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a 6000-character path creates no folders', () => {
    const cwd = tmp();
    expectOneLineFailure(actfn(cwd, ['plot', 'GELU', '-o', `${'d/'.repeat(3000)}g.svg`]), /: the name is too long/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a name too long under new folders: the folders made for it are removed', () => {
    const cwd = tmp();
    expectOneLineFailure(
      actfn(cwd, ['plot', 'GELU', '-o', `new/deeper/${'g'.repeat(300)}.svg`]),
      /: the name is too long/,
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('every output of a run gets its own name, and the run says where', () => {
    const cwd = tmp();
    const r = actfn(cwd, ['plot', 'GELU', 'GELU', 'GELU-2=x*x', '--out-dir', 'coll', '--format', 'svg']);
    expect(r.status).toBe(0);
    expect(readdirSync(join(cwd, 'coll')).sort()).toEqual(['GELU-2-2.svg', 'GELU-2.svg', 'GELU.svg']);
    expect(r.stderr).toBe(
      'wrote coll/GELU.svg (500×350)\n' +
        'wrote coll/GELU-2.svg (500×350; GELU.svg was taken by GELU)\n' +
        'wrote coll/GELU-2-2.svg (500×350; GELU-2.svg was taken by GELU)\n',
    );
    // With --quiet there are no "wrote" lines: the renames are warnings.
    const quiet = actfn(tmp(), ['plot', 'GELU', 'GELU', 'GELU-2=x*x', '--out-dir', 'coll', '--format', 'svg', '-q']);
    expect(quiet.stderr).toBe(
      'actfn: warning: GELU.svg is already an output of this run; GELU goes to GELU-2.svg\n' +
        'actfn: warning: GELU-2.svg is already an output of this run; GELU-2 goes to GELU-2-2.svg\n',
    );
  });

  it('the file size limit (ulimit -f, EFBIG) is one line and leaves nothing', () => {
    const cwd = tmp();
    const r = spawnSync(
      'bash',
      ['-c', `ulimit -f 1; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} plot GELU -o g.png`],
      { cwd, encoding: 'utf8' },
    );
    expectOneLineFailure(
      { status: r.status, stdout: r.stdout, stderr: r.stderr },
      /^cannot write .*g\.png: the file would exceed the largest file allowed/,
    );
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe.runIf(canMount)('faults staged with tmpfs', () => {
  it('a full file system: one line, no temporary file, the old file intact', () => {
    const mnt = tmpfs('size=64k')!;
    writeFileSync(join(mnt, 'g.png'), 'old');
    expectOneLineFailure(
      actfn(mnt, ['plot', 'GELU', '--size', '3000x3000', '-o', 'g.png']),
      /^cannot write .*g\.png: no space left on the device$/,
    );
    expect(readFileSync(join(mnt, 'g.png'), 'utf8')).toBe('old');
    expect(noTemporaries(mnt)).toEqual([]);
  });

  it('a full file system under new folders: the folders are removed', () => {
    const mnt = tmpfs('size=64k')!;
    expectOneLineFailure(
      actfn(mnt, ['plot', 'GELU', '--size', '3000x3000', '-o', 'a/b/g.png']),
      /no space left on the device$/,
    );
    expect(readdirSync(mnt)).toEqual([]);
  });

  it('a read-only file system: one line', () => {
    const mnt = tmpfs('size=64k,ro')!;
    expectOneLineFailure(
      actfn(mnt, ['plot', 'GELU', '-o', 'g.svg']),
      /^cannot (write|create folder) .*: read-only file system$/,
    );
  });

  it('a file system without room for another inode', () => {
    const mnt = tmpfs('size=1m,nr_inodes=2')!;
    const r = actfn(mnt, ['plot', 'GELU', 'ReLU', '--out-dir', 'figs', '--format', 'svg']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^actfn: cannot (write|create folder) .*: no space left on the device\n$/);
  });
});
