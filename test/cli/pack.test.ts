/**
 * The package as a user gets it: `npm pack` (which runs `prepare`, i.e. the build) in a copy of the
 * working tree, then `npm init -y` and `npm install <tarball>` in an empty folder (dependencies
 * from the registry or npm's cache), then `npx actfn …` there, checking output files and exit
 * codes. One install for the whole file. The copy keeps the build away from the working tree's
 * dist/, which other test files run at the same time.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/math/catalog.js';
import { REPO } from '../support/paths.js';

const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const NOT_PACKED = new Set(['node_modules', '.git', 'dist', 'coverage', '.vitest-cache']);

const root = mkdtempSync(join(tmpdir(), 'actfn-pack-'));
const stage = join(root, 'stage');
const app = join(root, 'app');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The environment without what `npm test` sets for its own scripts (npm_config_*, npm_lifecycle_*). */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD'));

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0)
    throw new Error(`${what} failed (exit ${r.status}, ${r.error?.message ?? 'no spawn error'}):\n${r.stderr}`);
  return r.stdout;
}

/** stderr without npm's own warnings (an npmrc's unknown keys and the like). */
const ours = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l && !/^npm (warn|notice)/i.test(l))
    .join('\n');

let files: string[] = [];
let installStderr = '';

beforeAll(() => {
  cpSync(REPO, stage, {
    recursive: true,
    filter: (src) => {
      const rel = relative(REPO, src);
      return !NOT_PACKED.has(rel.split(sep)[0]!) && !rel.endsWith('.tgz');
    },
  });
  symlinkSync(join(REPO, 'node_modules'), join(stage, 'node_modules'), 'dir');
  const packed = JSON.parse(ok(run('npm', ['pack', '--json', '--pack-destination', root], stage), 'npm pack')) as {
    filename: string;
    files: { path: string }[];
  }[];
  files = packed[0]!.files.map((f) => f.path);
  mkdirSync(app);
  ok(run('npm', ['init', '-y'], app), 'npm init -y');
  const tarball = join(root, packed[0]!.filename);
  const install = run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], app);
  ok(install, 'npm install <tarball>');
  installStderr = install.stderr;
}, 300_000);

const npx = (...args: string[]) => {
  const r = run('npx', ['actfn', ...args], app);
  return { code: r.status, stdout: r.stdout, stderr: ours(r.stderr) };
};

describe('npm pack, npm install <tarball>, npx actfn', () => {
  it('packs the CLI, its build, fonts, the torch script and the README; no tests or sources', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'bin/actfn.js']));
    expect(files.some((f) => f.startsWith('dist/'))).toBe(true);
    expect(files.some((f) => f.startsWith('fonts/'))).toBe(true);
    expect(files.some((f) => f.startsWith('python/'))).toBe(true);
    expect(files.filter((f) => /^(test|src|bench|scripts|\.ci)\//.test(f))).toEqual([]);
  });

  it('installs without a warning about scripts: the packed package.json has no prepare', () => {
    expect(installStderr).not.toMatch(/install-scripts|allowScripts/);
    expect(existsSync(join(stage, 'package.json.unpacked')), 'postpack restored package.json').toBe(false);
  });

  it('npx actfn --version', () => {
    expect(npx('--version')).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('npx actfn plot GELU writes GELU.png, 500×350', () => {
    expect(npx('plot', 'GELU')).toEqual({ code: 0, stdout: '', stderr: 'wrote GELU.png (500×350)' });
    const png = PNG.sync.read(readFileSync(join(app, 'GELU.png')));
    expect([png.width, png.height]).toEqual([500, 350]);
    // JPEG's encoder (jpeg-js) is a dependency outside the bundle: it must resolve when installed.
    expect(npx('plot', 'GELU', '-q', '-o', 'g.jpg')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect([...readFileSync(join(app, 'g.jpg')).subarray(0, 2)]).toEqual([0xff, 0xd8]);
  });

  it('npx actfn table GELU --json is the JSON contract on stdout', () => {
    const r = npx('table', 'GELU', 'Sigmoid', '--x', '-1,0,1', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const [gelu, sigmoid] = JSON.parse(r.stdout) as {
      spec: string;
      name: string;
      params: object;
      x: number[];
      y: number[];
      dy: number[];
    }[];
    expect(gelu).toMatchObject({ spec: 'GELU', name: 'GELU', params: { approximate: 'none' }, x: [-1, 0, 1] });
    expect(sigmoid!.y[1]).toBe(0.5);
    expect(sigmoid!.dy[1]).toBe(0.25);
  });

  it('npx actfn compare ReLU GELU Mish -o cmp.svg writes the chart and prints the properties table', () => {
    const r = npx('compare', 'ReLU', 'GELU', 'Mish', '-o', 'cmp.svg');
    expect([r.code, r.stderr]).toEqual([0, 'wrote cmp.svg (500×350)']);
    expect(r.stdout).toMatch(/ReLU.*GELU.*Mish/);
    expect(readFileSync(join(app, 'cmp.svg'), 'utf8')).toMatch(/^<\?xml[\s\S]*<\/svg>\s*$/);
  });

  it('npx actfn grad-check GELU Mish passes with exit 0, and --all checks every entry', () => {
    const r = npx('grad-check', 'GELU', 'Mish');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.match(/PASS/g)).toHaveLength(2);
    const all = npx('grad-check', '--all', '--json');
    expect(all.code).toBe(0);
    expect((JSON.parse(all.stdout) as { functions: unknown[] }).functions).toHaveLength(catalog.length);
  });

  it('npx actfn info GELU shows the formula', () => {
    const r = npx('info', 'GELU');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^GELU/);
    expect(r.stdout).toMatch(/Formula\n {2}f\(x\) {2}= /);
  });

  it('the page app ships with the build', () => {
    expect(files).toContain('dist/page-app.js');
  });

  it("import { render } from 'actfn' renders every format from an ES module, and type-checks under strict TypeScript", () => {
    const use = `import { render, type RenderOptions, type Rendered } from 'actfn';
const formats = ['png', 'jpg', 'webp', 'svg', 'pdf', 'html', 'gif', 'terminal'] as const;
const options: RenderOptions = { range: [-4, 4], theme: 'dark', size: [400, 300] };
const out: Record<string, [string, number]> = {};
for (const format of formats) {
  const r: Rendered = await render('ELU(alpha=0.7)', { ...options, format });
  out[format] = [r.mime, r.bytes.length];
}
const sweep = await render(['ELU(alpha=0.1..3)', 'GELU'], { format: 'gif', frames: 5 });
out.sweep = [sweep.mime, sweep.bytes.length];
const svg = new TextDecoder().decode((await render('GELU', { format: 'svg' })).bytes);
out.svgStart = [svg.slice(0, 5), 0];
console.log(JSON.stringify(out));
`;
    writeFileSync(join(app, 'use.mts'), use);
    // Strict TypeScript against the installed package's declarations, no skipLibCheck.
    const tsc = run(
      join(REPO, 'node_modules', '.bin', 'tsc'),
      ['--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022', '--types', '', 'use.mts'],
      app,
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    // The same code as plain ES module JavaScript.
    writeFileSync(
      join(app, 'use.mjs'),
      use
        .replace(', type RenderOptions, type Rendered', '')
        .replace(/: (RenderOptions|Rendered|Record<string, \[string, number\]>)| as const/g, ''),
    );
    const r = run(process.execPath, ['use.mjs'], app);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, [string, number]>;
    expect(Object.fromEntries(Object.entries(out).map(([k, [mime]]) => [k, mime]))).toEqual({
      png: 'image/png',
      jpg: 'image/jpeg',
      webp: 'image/webp',
      svg: 'image/svg+xml',
      pdf: 'application/pdf',
      html: 'text/html; charset=utf-8',
      gif: 'image/gif',
      terminal: 'text/plain; charset=utf-8',
      sweep: 'image/gif',
      svgStart: '<?xml',
    });
    for (const [k, [, size]] of Object.entries(out)) if (k !== 'svgStart') expect(size, k).toBeGreaterThan(500);
  });

  it('bad input: one line, exit 2, nothing written', () => {
    expect(npx('plot', 'GELLU', '-o', 'nothing.png')).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^actfn: unknown function 'GELLU'; did you mean GELU[^\n]*$/),
    });
    expect(existsSync(join(app, 'nothing.png'))).toBe(false);
  });
});
